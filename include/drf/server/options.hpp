// drf/server/options.hpp — ServerOptions (what runserver's and gunicorn's flags set: address, worker
// threads, limits, timeouts, logging), the Handler a server calls, the Dispatcher concept a router meets,
// and authority(), which writes a host and port as URLs do.
#pragma once

#include <drf/http/request.hpp>
#include <drf/http/response.hpp>

#include <chrono>
#include <concepts>
#include <cstddef>
#include <functional>
#include <iostream>
#include <ostream>
#include <string>
#include <string_view>

namespace drf::server {

// What the server calls for every request, on one of its worker threads. It may block (a SQLite
// query): other connections are served by the other threads. An exception it lets escape becomes
// http::handle_exception's response (500 for anything that is not an API exception).
using Handler = std::function<http::Response(http::Request&)>;

// Anything with `http::Response dispatch(http::Request&) const`, such as drf::routers::Router. The
// server keeps a reference: the router must outlive it.
template <class R>
concept Dispatcher = requires(const R& router, http::Request& request) {
    { router.dispatch(request) } -> std::convertible_to<http::Response>;
};

struct ServerOptions {
    std::string host = "127.0.0.1";  // an address or a name; "0.0.0.0" or "::" for every interface
    unsigned short port = 8000;      // 0: an ephemeral port, which Server::port() reports
    unsigned threads = 0;            // worker threads; 0: std::thread::hardware_concurrency()
    // Every limit below bounds what one client can make the server hold; docs/server.md's "Limits and
    // defaults" says what a client gets when it crosses each.
    std::size_t max_header_bytes = 8 * 1024;  // request line + fields; more is 431. Also bounds a trailer section
    std::size_t max_header_fields = 100;      // fields in the header section; more is 431 (gunicorn's default)
    std::size_t max_target_bytes = 8 * 1024;  // the request-target ("/p/?q=1"); longer is 414 (nginx's 8k)
    std::size_t max_body_bytes = 1024 * 1024;           // the decoded body; more is 413
    std::size_t max_chunk_extension_bytes = 16 * 1024;  // ";name=value" after chunk sizes, summed over a body; more is 400
    // Time for a new connection's first request header to arrive (never longer than read_timeout): a
    // client that connects and stalls holds a slot for this long at most, and less when the server is
    // full (see max_connections).
    std::chrono::milliseconds header_timeout = std::chrono::seconds{10};
    // Time to receive a request's body once its header is in (and to send a response) before the
    // connection is closed.
    std::chrono::milliseconds read_timeout = std::chrono::seconds{30};
    // Time an idle keep-alive connection may wait for its next request's header.
    std::chrono::milliseconds keep_alive_timeout = std::chrono::seconds{5};
    // How long stop() lets in-flight requests finish before it closes their connections.
    std::chrono::milliseconds drain_timeout = std::chrono::seconds{10};
    // Open connections; 0: no cap. When all are taken, a new connection closes the one that has waited
    // longest for a request header (a stalled or idle client); only when every connection has a request
    // in hand is the new one answered 503 and closed.
    std::size_t max_connections = 1024;
    bool access_log = true;              // one line per response: `<method> <target> <status> <micros>us`
    std::ostream* log = &std::cerr;      // access log and serve()'s notices; nullptr: silent
    // Called once the server listens, with the actual port (the way to learn it when port is 0). Under
    // serve(), SIGINT and SIGTERM are already being handled when it runs.
    std::function<void(unsigned short port)> on_ready = {};
};

// "127.0.0.1:8000", "[::1]:8000", "api.example.com:80": a host and a port as a URL or a message writes
// them. An IPv6 address (it holds a ':') is put in brackets, unless it already is.
inline std::string authority(std::string_view host, unsigned short port) {
    const bool bracket = host.find(':') != std::string_view::npos && host.front() != '[';
    std::string out;
    out.reserve(host.size() + 8);
    if (bracket) out += '[';
    out += host;
    if (bracket) out += ']';
    out += ':';
    out += std::to_string(port);
    return out;
}

}  // namespace drf::server
