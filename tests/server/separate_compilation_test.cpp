// tests/server/separate_compilation_test.cpp — the server with DRF_SEPARATE_COMPILATION: this file sees
// only <drf/server.hpp>'s declarations (no Boost.Asio or Beast), the definitions are compiled once in
// separate_compilation_src_test.cpp, and the two link into a server that serves. It talks to the server
// through plain POSIX sockets, so nothing here reaches Asio by another road.
#ifndef DRF_SEPARATE_COMPILATION
#define DRF_SEPARATE_COMPILATION
#endif

#include <drf/server.hpp>

#include <catch2/catch.hpp>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <sstream>
#include <string>
#include <typeinfo>

namespace separate_compilation_test {

// Whether including <drf/server.hpp> (and Catch2) brought in Boost.Asio or Beast: every header of
// either includes its detail/config.hpp, whose include guard is defined from then on.
constexpr bool includes_asio =
#if defined(BOOST_ASIO_DETAIL_CONFIG_HPP) || defined(BOOST_ASIO_VERSION)
    true;
#else
    false;
#endif
constexpr bool includes_beast =
#if defined(BOOST_BEAST_CORE_DETAIL_CONFIG_HPP) || defined(BOOST_BEAST_VERSION)
    true;
#else
    false;
#endif

drf::server::ServerOptions quiet() { return {.port = 0, .threads = 2, .access_log = false, .log = nullptr}; }

// One request over loopback with a plain socket, "Connection: close", read to the end; every step gives
// up after two seconds, so a server that does not answer fails the test instead of hanging it.
std::string http_get(unsigned short port, const std::string& target) {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0) return "socket() failed";
    const timeval two_seconds{2, 0};
    ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &two_seconds, sizeof two_seconds);
    ::setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &two_seconds, sizeof two_seconds);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(port);
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    std::string out;
    if (::connect(fd, reinterpret_cast<const sockaddr*>(&address), sizeof address) == 0) {
        const std::string request = "GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n";
        if (::send(fd, request.data(), request.size(), 0) == static_cast<ssize_t>(request.size())) {
            char chunk[4096];
            for (ssize_t n; (n = ::recv(fd, chunk, sizeof chunk, 0)) > 0;) out.append(chunk, static_cast<std::size_t>(n));
        }
    }
    ::close(fd);
    return out;
}

// A Dispatcher, as a Router is one: serve(router) wraps it in a Handler in this file.
struct EchoPath {
    drf::http::Response dispatch(drf::http::Request& request) const {
        return drf::http::Response(drf::Json{{"path", request.path()}});
    }
};

}  // namespace separate_compilation_test
using namespace separate_compilation_test;

TEST_CASE("With DRF_SEPARATE_COMPILATION, <drf/server.hpp> declares the server without including Boost.Asio or Beast",
          "[server]") {
    CHECK_FALSE(includes_asio);
    CHECK_FALSE(includes_beast);
    // The separately compiled Server has a name of its own: a file built without the macro in the same
    // program uses the header-only one and never shares its definitions.
    CHECK(std::string(typeid(drf::server::Server).name()).find("separate") != std::string::npos);
}

TEST_CASE("A server whose definitions are compiled in another source file serves a request from this one", "[server]") {
    drf::server::Server server([](drf::http::Request& request) { return drf::http::Response(drf::Json{{"path", request.path()}}); },
                               quiet());
    server.start();
    REQUIRE(server.port() != 0);
    const std::string response = http_get(server.port(), "/ping/?x=1");
    CHECK(response.rfind("HTTP/1.1 200 OK\r\n", 0) == 0);
    CHECK(response.find("\r\n\r\n{\"path\":\"/ping/\"}") != std::string::npos);
    server.stop();
    CHECK(server.connections() == 0);
}

TEST_CASE("serve(router) compiled separately returns 1 and says why when the port is taken", "[server]") {
    drf::server::Server first([](drf::http::Request&) { return drf::http::Response::no_content(); }, quiet());
    first.start();
    std::ostringstream log;
    auto options = quiet();
    options.port = first.port();
    options.log = &log;
    const EchoPath router;
    CHECK(drf::server::serve(router, options) == 1);
    CHECK(log.str() == "drf::server: cannot listen on 127.0.0.1:" + std::to_string(first.port()) +
                           " (bind): Address already in use\n");
}
