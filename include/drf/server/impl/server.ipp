// drf/server/impl/server.ipp — the definitions of Server and serve(): included by <drf/server.hpp>
// (header-only, the default) or compiled once by <drf/server/src.hpp> (DRF_SEPARATE_COMPILATION). Only
// this file reaches Boost.Asio and Beast, through server/detail/connection.hpp.
#pragma once

#include <utility>  // first: Boost 1.74's asio uses std::exchange without including <utility>

#include <drf/server/detail/connection.hpp>
#include <drf/server/options.hpp>
#include <drf/server/server.hpp>

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/signal_set.hpp>

#include <algorithm>
#include <csignal>
#include <exception>
#include <memory>
#include <mutex>
#include <ostream>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

namespace drf::server {

#if defined(DRF_SEPARATE_COMPILATION)
inline namespace separate {
#endif

DRF_SERVER_DECL Server::Server(Handler handler, ServerOptions options) {
    if (!handler) throw std::invalid_argument("drf::server::Server: the handler is empty");
    state_ = std::make_unique<detail::State>(std::move(handler), std::move(options));
}

DRF_SERVER_DECL Server::~Server() {
    try {
        stop();
    } catch (...) {
    }
}

DRF_SERVER_DECL void Server::start() {
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

DRF_SERVER_DECL std::size_t Server::connections() const {
    std::lock_guard lock(state_->sessions_mutex);
    return state_->sessions.size();
}

DRF_SERVER_DECL void Server::stop() {
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

DRF_SERVER_DECL void Server::run() {
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

DRF_SERVER_DECL void Server::set_phase(Phase phase) {
    std::lock_guard lock(stopped_mutex_);
    phase_ = phase;
    stopped_changed_.notify_all();
}

DRF_SERVER_DECL void Server::shutdown_sessions(bool force) {
    std::vector<std::shared_ptr<detail::Session>> open;
    {
        std::lock_guard lock(state_->sessions_mutex);
        for (const auto& [key, weak] : state_->sessions)
            if (auto session = weak.lock()) open.push_back(std::move(session));
    }
    for (const auto& session : open) session->shutdown(force);
}

DRF_SERVER_DECL int serve(Handler handler, ServerOptions options) {
    std::ostream* log = options.log;
    Server server(std::move(handler), std::move(options));
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

#if defined(DRF_SEPARATE_COMPILATION)
}  // inline namespace separate
#endif

}  // namespace drf::server
