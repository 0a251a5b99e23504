// drf/server/server.hpp — Server, the HTTP/1.1 adapter on Boost.Beast (Django's runserver, gunicorn's
// role): N worker threads over one io_context, keep-alive, limits, graceful stop; and serve(), which
// runs one until SIGINT or SIGTERM. Declarations only: the definitions are in impl/server.ipp, included
// at the end of this file, or, with DRF_SEPARATE_COMPILATION, compiled once by <drf/server/src.hpp>.
#pragma once

#include <drf/http/request.hpp>
#include <drf/http/response.hpp>
#include <drf/server/options.hpp>

#include <condition_variable>
#include <cstddef>
#include <memory>
#include <mutex>
#include <stdexcept>
#include <string>
#include <thread>
#include <utility>
#include <vector>

// Boost.Beast's pattern (BOOST_BEAST_SEPARATE_COMPILATION). By default every TU that includes this
// header compiles the server, Beast and Asio included (seconds per TU); a program that defines
// DRF_SEPARATE_COMPILATION in every TU sees only the declarations below, and one of its TUs includes
// <drf/server/src.hpp>, which compiles the definitions once.
#if defined(DRF_SEPARATE_COMPILATION)
#define DRF_SERVER_DECL
#else
#define DRF_SERVER_DECL inline
#endif

namespace drf::server {

namespace detail {
struct State;  // detail/connection.hpp: what the worker threads share
}  // namespace detail

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

// The separately compiled Server and serve() have names of their own: a TU built without the macro
// in the same program gets its own inline copy instead of silently sharing (and violating the ODR
// with) the out-of-line one, and a program that forgets src.hpp fails to link naming
// drf::server::separate::Server.
#if defined(DRF_SEPARATE_COMPILATION)
inline namespace separate {
#endif

class Server {
public:
    // Server(handler, options): the handler is called for every request (see Handler).
    DRF_SERVER_DECL explicit Server(Handler handler, ServerOptions options = {});
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
    DRF_SERVER_DECL ~Server();

    // Binds, listens and starts the worker threads; returns once connections are being accepted. Throws
    // ListenError (a std::runtime_error) naming the address and the OS's reason when it cannot listen,
    // std::logic_error when called twice.
    DRF_SERVER_DECL void start();

    // The port the server listens on (the ephemeral one when options.port was 0); 0 before start().
    unsigned short port() const noexcept { return port_; }

    // Open connections right now (each keep-alive connection counts until it closes).
    DRF_SERVER_DECL std::size_t connections() const;

    // Stops accepting, closes idle keep-alive connections, lets requests in flight finish (those still
    // running after drain_timeout have their connections closed), waits up to a second more for those
    // closes, then stops the io_context (what is still queued, such as a 503 answer's linger, is dropped
    // and its socket closed when the Server is destroyed) and joins the worker threads. So stop() takes
    // at most drain_timeout + 1 s, unless a handler is still running: a handler cannot be interrupted,
    // and the join waits for it to return (its response is not sent). Call it from any thread but the
    // server's own (a handler): that throws std::logic_error.
    DRF_SERVER_DECL void stop();

    // Blocks until stop() has finished (at once if the server is not running).
    void wait() {
        std::unique_lock lock(stopped_mutex_);
        stopped_changed_.wait(lock, [&] { return phase_ != Phase::running; });
    }

    // What serve() does, for a caller that wants start()'s exception rather than serve()'s status 1:
    // installs handlers for SIGINT and SIGTERM (first, so on_ready can rely on them), start(), waits for
    // one of the signals, then stop(). Notices go to options.log. Throws what start() throws.
    DRF_SERVER_DECL void run();

private:
    enum class Phase { created, running, stopped };

    DRF_SERVER_DECL void set_phase(Phase phase);
    DRF_SERVER_DECL void shutdown_sessions(bool force);

    std::unique_ptr<detail::State> state_;
    std::vector<std::thread> threads_;
    std::mutex lifecycle_mutex_;  // start() and stop()
    std::mutex stopped_mutex_;    // phase_, for wait()
    std::condition_variable stopped_changed_;
    Phase phase_ = Phase::created;
    unsigned short port_ = 0;
};

// Runs a server until SIGINT or SIGTERM, then drains it and returns 0 — Django's runserver in one call:
//     drf::server::serve(router, {.host = "127.0.0.1", .port = 8000});
// Returns 1, after saying why on options.log, when it cannot listen.
DRF_SERVER_DECL int serve(Handler handler, ServerOptions options = {});

template <Dispatcher R>
int serve(const R& router, ServerOptions options = {}) {
    return serve(Handler([&router](http::Request& request) -> http::Response { return router.dispatch(request); }),
                 std::move(options));
}

template <Dispatcher R>
int serve(const R&& router, ServerOptions options = {}) = delete;

#if defined(DRF_SEPARATE_COMPILATION)
}  // inline namespace separate
#endif

}  // namespace drf::server

#if !defined(DRF_SEPARATE_COMPILATION)
#include <drf/server/impl/server.ipp>
#endif
