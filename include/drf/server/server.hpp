// drf/server/server.hpp — Server, the HTTP/1.1 adapter on Boost.Beast (Django's runserver, gunicorn's
// role): N worker threads over one io_context, keep-alive, limits, graceful stop; and serve(), which
// runs one until SIGINT or SIGTERM.
#pragma once

#include <utility>  // first: Boost 1.74's asio uses std::exchange without including <utility>

#include <drf/http/request.hpp>
#include <drf/http/response.hpp>
#include <drf/server/detail/connection.hpp>
#include <drf/server/options.hpp>

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/signal_set.hpp>

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <csignal>
#include <cstddef>
#include <exception>
#include <memory>
#include <mutex>
#include <ostream>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

namespace drf::server {

// What start() throws when it cannot listen: what() is the whole sentence, "drf::server: cannot listen
// on 127.0.0.1:8000 (bind): Address already in use" (an IPv6 address in brackets, "[::1]:8000"); the
// parts are there for a caller that words its own message (runserver's "cannot serve on 127.0.0.1:8000:
// Address already in use").
class ListenError : public std::runtime_error {
public:
    ListenError(std::string address, std::string step, std::string reason)
        : std::runtime_error(step == "resolve" ? "drf::server: cannot resolve " + address + ": " + reason
                                               : "drf::server: cannot listen on " + address + " (" + step + "): " + reason),
          address_(std::move(address)),
          step_(std::move(step)),
          reason_(std::move(reason)) {}
    const std::string& address() const noexcept { return address_; }  // "127.0.0.1:8000", "[::1]:8000", as asked for
    const std::string& step() const noexcept { return step_; }        // "resolve", "open", "bind", "listen", ...
    const std::string& reason() const noexcept { return reason_; }    // the OS's: "Address already in use"

private:
    std::string address_;
    std::string step_;
    std::string reason_;
};

class Server {
public:
    // Server(handler, options): the handler is called for every request (see Handler).
    explicit Server(Handler handler, ServerOptions options = {}) {
        if (!handler) throw std::invalid_argument("drf::server::Server: the handler is empty");
        state_ = std::make_unique<detail::State>(std::move(handler), std::move(options));
    }
    // Server(router, options): serves router.dispatch(request). The router must outlive the server.
    template <Dispatcher R>
    explicit Server(const R& router, ServerOptions options = {})
        : Server(Handler([&router](http::Request& request) -> http::Response { return router.dispatch(request); }),
                 std::move(options)) {}
    // A temporary router would be destroyed while the server still dispatches to it.
    template <Dispatcher R>
    Server(const R&& router, ServerOptions options = {}) = delete;

    Server(const Server&) = delete;
    Server& operator=(const Server&) = delete;

    // Stops (draining) if still running.
    ~Server() {
        try {
            stop();
        } catch (...) {
        }
    }

    // Binds, listens and starts the worker threads; returns once connections are being accepted. Throws
    // ListenError (a std::runtime_error) naming the address and the OS's reason when it cannot listen,
    // std::logic_error when called twice.
    void start() {
        std::lock_guard lifecycle(lifecycle_mutex_);
        if (phase_ != Phase::created) throw std::logic_error("drf::server::Server::start(): a server starts once");
        detail::State& s = *state_;
        const ServerOptions& o = s.options;
        const std::string where = authority(o.host, o.port);
        // "[::1]", as a URL writes it, is the address "::1".
        const bool bracketed = o.host.size() > 2 && o.host.front() == '[' && o.host.back() == ']';
        const std::string host = bracketed ? o.host.substr(1, o.host.size() - 2) : o.host;
        detail::beast::error_code ec;
        detail::tcp::resolver resolver(s.ioc);
        const auto endpoints = resolver.resolve(host, std::to_string(o.port), detail::tcp::resolver::passive |
                                                                               detail::tcp::resolver::numeric_service, ec);
        if (ec || endpoints.empty()) throw ListenError(where, "resolve", ec ? ec.message() : "no address");
        const detail::tcp::endpoint endpoint = endpoints.begin()->endpoint();
        auto check = [&](const char* step) {
            if (ec) throw ListenError(where, step, ec.message());
        };
        s.acceptor.open(endpoint.protocol(), ec);
        check("open");
        s.acceptor.set_option(detail::tcp::acceptor::reuse_address(true), ec);
        check("SO_REUSEADDR");
        s.acceptor.bind(endpoint, ec);
        check("bind");
        s.acceptor.listen(detail::net::socket_base::max_listen_connections, ec);
        check("listen");
        port_ = s.acceptor.local_endpoint(ec).port();
        check("local_endpoint");

        s.work.emplace(s.ioc.get_executor());
        detail::accept(s);
        const unsigned count = o.threads != 0 ? o.threads : std::max(1u, std::thread::hardware_concurrency());
        try {
            for (unsigned i = 0; i < count; ++i) threads_.emplace_back([&s] { detail::run_worker(s); });
        } catch (...) {
            s.work.reset();
            s.ioc.stop();
            for (auto& t : threads_) t.join();
            threads_.clear();
            throw;
        }
        {
            std::lock_guard lock(stopped_mutex_);
            phase_ = Phase::running;
        }
        if (o.on_ready) o.on_ready(port_);
    }

    // The port the server listens on (the ephemeral one when options.port was 0); 0 before start().
    unsigned short port() const noexcept { return port_; }

    // Open connections right now (each keep-alive connection counts until it closes).
    std::size_t connections() const {
        std::lock_guard lock(state_->sessions_mutex);
        return state_->sessions.size();
    }

    // Stops accepting, closes idle keep-alive connections, lets requests in flight finish (those still
    // running after drain_timeout have their connections closed), waits up to a second more for those
    // closes, then stops the io_context (what is still queued, such as a 503 answer's linger, is dropped
    // and its socket closed when the Server is destroyed) and joins the worker threads. So stop() takes
    // at most drain_timeout + 1 s, unless a handler is still running: a handler cannot be interrupted,
    // and the join waits for it to return (its response is not sent). Call it from any thread but the
    // server's own (a handler): that throws std::logic_error.
    void stop() {
        // Checked before the lock: a stop() in progress on another thread holds it while it waits for
        // this very handler.
        if (detail::worker_of == state_.get())
            throw std::logic_error("drf::server::Server::stop(): called from a handler; call it from another thread");
        std::lock_guard lifecycle(lifecycle_mutex_);
        if (phase_ != Phase::running) {
            set_phase(Phase::stopped);
            return;
        }
        detail::State& s = *state_;
        s.stopping = true;
        detail::net::post(s.acceptor.get_executor(), [&s] {
            detail::beast::error_code ignored;
            s.acceptor.close(ignored);
            s.accept_retry.cancel();
        });
        shutdown_sessions(false);
        {
            std::unique_lock lock(s.sessions_mutex);
            s.sessions_changed.wait_for(lock, s.options.drain_timeout, [&] { return s.sessions.empty(); });
        }
        shutdown_sessions(true);
        {
            // Bounded: a session whose strand is held by a handler that does not return would hold it forever.
            std::unique_lock lock(s.sessions_mutex);
            s.sessions_changed.wait_for(lock, detail::close_timeout, [&] { return s.sessions.empty(); });
        }
        s.work.reset();
        s.ioc.stop();  // the threads return once their current handler does
        for (auto& t : threads_) t.join();
        threads_.clear();
        set_phase(Phase::stopped);
    }

    // Blocks until stop() has finished (at once if the server is not running).
    void wait() {
        std::unique_lock lock(stopped_mutex_);
        stopped_changed_.wait(lock, [&] { return phase_ != Phase::running; });
    }

    // What serve() does, for a caller that wants start()'s exception rather than serve()'s status 1:
    // installs handlers for SIGINT and SIGTERM (first, so on_ready can rely on them), start(), waits for
    // one of the signals, then stop(). Notices go to options.log. Throws what start() throws.
    void run() {
        detail::State& s = *state_;
        detail::net::io_context signals_context;
        detail::net::signal_set signals(signals_context, SIGINT, SIGTERM);
        int received = 0;
        signals.async_wait([&received](const detail::beast::error_code& ec, int number) {
            if (!ec) received = number;
        });
        start();
        const unsigned threads =
            s.options.threads != 0 ? s.options.threads : std::max(1u, std::thread::hardware_concurrency());
        s.log_line("drf: listening on http://" + authority(s.options.host, port()) + "/ with " +
                   std::to_string(threads) + " threads; SIGINT (Ctrl-C) or SIGTERM stops\n");
        signals_context.run();
        // From here a second Ctrl-C gets the default action and ends the process at once.
        detail::beast::error_code ignored;
        signals.clear(ignored);
        s.log_line(std::string("drf: ") + (received == SIGINT ? "SIGINT" : "SIGTERM") +
                   " received; finishing requests in flight\n");
        stop();
        s.log_line("drf: stopped\n");
    }

private:
    enum class Phase { created, running, stopped };

    void set_phase(Phase phase) {
        std::lock_guard lock(stopped_mutex_);
        phase_ = phase;
        stopped_changed_.notify_all();
    }

    void shutdown_sessions(bool force) {
        std::vector<std::shared_ptr<detail::Session>> open;
        {
            std::lock_guard lock(state_->sessions_mutex);
            for (const auto& [key, weak] : state_->sessions)
                if (auto session = weak.lock()) open.push_back(std::move(session));
        }
        for (const auto& session : open) session->shutdown(force);
    }

    std::unique_ptr<detail::State> state_;
    std::vector<std::thread> threads_;
    std::mutex lifecycle_mutex_;  // start() and stop()
    std::mutex stopped_mutex_;    // phase_, for wait()
    std::condition_variable stopped_changed_;
    Phase phase_ = Phase::created;
    unsigned short port_ = 0;
};

namespace detail {

// serve()'s body: run(), and a failure to listen said on `log` and returned as 1.
inline int run_until_signal(Server& server, std::ostream* log) {
    try {
        server.run();
    } catch (const std::exception& e) {
        if (log != nullptr) {
            try {
                *log << e.what() << '\n';
            } catch (...) {  // as the server's own log lines: a log that throws changes nothing
            }
        }
        return 1;
    }
    return 0;
}

}  // namespace detail

// Runs a server until SIGINT or SIGTERM, then drains it and returns 0 — Django's runserver in one call:
//     drf::server::serve(router, {.host = "127.0.0.1", .port = 8000});
// Returns 1, after saying why on options.log, when it cannot listen.
inline int serve(Handler handler, ServerOptions options = {}) {
    std::ostream* log = options.log;
    Server server(std::move(handler), std::move(options));
    return detail::run_until_signal(server, log);
}

template <Dispatcher R>
int serve(const R& router, ServerOptions options = {}) {
    std::ostream* log = options.log;
    Server server(router, std::move(options));
    return detail::run_until_signal(server, log);
}

template <Dispatcher R>
int serve(const R&& router, ServerOptions options = {}) = delete;

}  // namespace drf::server
