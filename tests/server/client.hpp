// tests/server/client.hpp — what the server tests share: quiet options for a Server on an ephemeral
// port, a small blocking client whose every step gives up after two seconds, and a raw socket for what
// no well-behaved client would do (floods, thousands of stalled connections).
#pragma once

#include <utility>  // first: Boost 1.74's asio uses std::exchange without including <utility>

#include <drf/server.hpp>

#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <catch2/catch.hpp>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace server_test {

namespace net = boost::asio;
namespace beast = boost::beast;
namespace bhttp = beast::http;
using tcp = net::ip::tcp;
using namespace std::chrono_literals;
using drf::Json;
using drf::http::Request;
using drf::http::Response;
using drf::server::Server;
using drf::server::ServerOptions;

using ClientResponse = bhttp::response<bhttp::string_body>;

// Quiet options for a test server: an ephemeral port, two threads, no log. Designated initializers,
// as the docs write them: they must compile under -Wextra -Werror.
inline ServerOptions quiet() { return {.port = 0, .threads = 2, .access_log = false, .log = nullptr}; }

inline std::string text(beast::string_view s) { return std::string(s.data(), s.size()); }

// A blocking HTTP client over loopback; each step runs the io_context with a two-second expiry, so a
// server that never answers fails the test instead of hanging it. Not thread-safe: one per thread.
class Client {
public:
    // `max_segment`, when not 0, is the TCP MSS the client announces. The server's kernel sizes the
    // connection's send buffer from it, so a small one makes the server need many writes per response.
    explicit Client(unsigned short port, int max_segment = 0) {
        const tcp::endpoint endpoint(net::ip::make_address("127.0.0.1"), port);
        if (max_segment != 0) {
            stream_.socket().open(tcp::v4());
            ::setsockopt(stream_.socket().native_handle(), IPPROTO_TCP, TCP_MAXSEG, &max_segment, sizeof max_segment);
        }
        connect_error_ = run([&](auto done) { stream_.async_connect(endpoint, done); });
    }

    beast::error_code connect_error() const { return connect_error_; }

    // Writes a request and reads its response; `ec` reports a failure (never thrown).
    ClientResponse request(bhttp::request<bhttp::string_body> req, beast::error_code& ec) {
        req.prepare_payload();
        ec = run([&](auto done) { bhttp::async_write(stream_, req, done); });
        if (ec) return {};
        return read(ec, req.method() == bhttp::verb::head);
    }

    // Writes raw bytes: for what a well-behaved client would never send.
    beast::error_code send(std::string_view bytes) {
        return run([&](auto done) { net::async_write(stream_, net::buffer(bytes.data(), bytes.size()), done); });
    }

    ClientResponse read(beast::error_code& ec, bool head = false) {
        bhttp::response_parser<bhttp::string_body> parser;
        parser.body_limit(16 * 1024 * 1024);
        if (head) parser.skip(true);
        ec = run([&](auto done) { bhttp::async_read(stream_, buffer_, parser, done); });
        return parser.release();
    }

    // Whether the server has closed the connection: the next read ends (EOF or reset) instead of
    // timing out. Unread bytes count as "not closed".
    bool closed_by_server() {
        if (buffer_.size() != 0) return false;
        char byte = 0;
        const auto ec = run([&](auto done) { stream_.async_read_some(net::buffer(&byte, 1), done); });
        return ec == net::error::eof || ec == net::error::connection_reset;
    }

    // Everything until the server closes (or two seconds pass).
    std::string read_until_closed() {
        std::string out(static_cast<const char*>(buffer_.data().data()), buffer_.size());
        buffer_.consume(buffer_.size());
        std::vector<char> chunk(64 * 1024);
        for (;;) {
            std::size_t n = 0;
            const auto ec = run([&](auto done) {
                stream_.async_read_some(net::buffer(chunk), [done, &n](beast::error_code e, std::size_t got) mutable {
                    n = got;
                    done(e, got);
                });
            });
            out.append(chunk.data(), n);
            if (ec) return out;
        }
    }

private:
    template <class Start>
    beast::error_code run(Start start) {
        beast::error_code result = net::error::would_block;
        stream_.expires_after(2s);
        start([&result](beast::error_code ec, auto&&...) { result = ec; });
        ioc_.restart();
        ioc_.run();
        return result;
    }

    net::io_context ioc_;
    beast::tcp_stream stream_{ioc_};
    beast::flat_buffer buffer_;
    beast::error_code connect_error_;
};

inline bhttp::request<bhttp::string_body> make(bhttp::verb verb, std::string target, std::string body = {},
                                               std::string content_type = "application/json") {
    bhttp::request<bhttp::string_body> req(verb, target, 11);
    req.set(bhttp::field::host, "127.0.0.1");
    if (!body.empty()) req.set(bhttp::field::content_type, content_type);
    req.body() = std::move(body);
    return req;
}

// One request on a fresh connection.
inline ClientResponse fetch(unsigned short port, bhttp::request<bhttp::string_body> req) {
    Client client(port);
    REQUIRE_FALSE(client.connect_error());
    beast::error_code ec;
    auto res = client.request(std::move(req), ec);
    REQUIRE_FALSE(ec);
    return res;
}

inline Json body_of(const ClientResponse& res) { return Json::parse(res.body()); }

inline Response hello(Request&) { return Response(Json{{"hello", "world"}}); }

// A plain blocking POSIX socket to 127.0.0.1, each send and receive giving up after two seconds. For
// tests that hold thousands of connections or push megabytes, where an io_context per client would
// be the test's own bottleneck.
class RawSocket {
public:
    explicit RawSocket(unsigned short port, int send_buffer = 0) : fd_(::socket(AF_INET, SOCK_STREAM, 0)) {
        if (fd_ < 0) return;
        timeval timeout{2, 0};
        ::setsockopt(fd_, SOL_SOCKET, SO_SNDTIMEO, &timeout, sizeof timeout);
        ::setsockopt(fd_, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
        if (send_buffer != 0) ::setsockopt(fd_, SOL_SOCKET, SO_SNDBUF, &send_buffer, sizeof send_buffer);
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_port = htons(port);
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        connected_ = ::connect(fd_, reinterpret_cast<const sockaddr*>(&address), sizeof address) == 0;
    }
    RawSocket(const RawSocket&) = delete;
    RawSocket& operator=(const RawSocket&) = delete;
    RawSocket(RawSocket&& other) noexcept : fd_(std::exchange(other.fd_, -1)), connected_(other.connected_) {}
    ~RawSocket() {
        if (fd_ >= 0) ::close(fd_);
    }

    bool connected() const noexcept { return connected_; }

    // Sends each send() at once, however small (no Nagle): with a pause between sends, the server
    // reads them one by one.
    void set_no_delay() {
        const int one = 1;
        ::setsockopt(fd_, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    }

    // Sends all of `bytes`; false when the connection fails (reset, closed, or two seconds blocked).
    bool send(std::string_view bytes) {
        while (!bytes.empty()) {
            const auto n = ::send(fd_, bytes.data(), bytes.size(), MSG_NOSIGNAL);
            if (n <= 0) return false;
            bytes.remove_prefix(static_cast<std::size_t>(n));
        }
        return true;
    }

    // Everything until the server closes, resets, or is silent for two seconds.
    std::string read_until_closed() {
        std::string out;
        char chunk[16 * 1024];
        for (;;) {
            const auto n = ::recv(fd_, chunk, sizeof chunk, 0);
            if (n <= 0) return out;
            out.append(chunk, static_cast<std::size_t>(n));
        }
    }

private:
    int fd_ = -1;
    bool connected_ = false;
};

// Raises this process's open-file limit to at least `wanted` if the hard limit allows; false if not.
inline bool raise_open_files(rlim_t wanted) {
    rlimit limit{};
    if (::getrlimit(RLIMIT_NOFILE, &limit) != 0) return false;
    if (limit.rlim_cur >= wanted) return true;
    if (limit.rlim_max != RLIM_INFINITY && limit.rlim_max < wanted) return false;
    limit.rlim_cur = wanted;
    return ::setrlimit(RLIMIT_NOFILE, &limit) == 0;
}

}  // namespace server_test
