// Includes <drf/server.hpp> with DRF_SEPARATE_COMPILATION (from drf::server_separate): declarations
// only, so no Boost.Asio or Beast header may be reached; then serves one request, read with a plain
// socket, through the definitions compiled in server.cpp.
#include <drf/server.hpp>

#if !defined(DRF_SEPARATE_COMPILATION)
#error "drf::server_separate did not define DRF_SEPARATE_COMPILATION"
#endif
// Every Asio and Beast header includes its detail/config.hpp.
#if defined(BOOST_ASIO_DETAIL_CONFIG_HPP) || defined(BOOST_BEAST_CORE_DETAIL_CONFIG_HPP)
#error "<drf/server.hpp> included Boost.Asio or Beast in separate compilation"
#endif

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <iostream>
#include <string>

int main() {
    drf::server::Server server([](drf::http::Request& request) { return drf::http::Response(drf::Json{{"path", request.path()}}); },
                               {.port = 0, .threads = 1, .access_log = false, .log = nullptr});
    server.start();

    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    const timeval two_seconds{2, 0};
    ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &two_seconds, sizeof two_seconds);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(server.port());
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    std::string response;
    if (::connect(fd, reinterpret_cast<const sockaddr*>(&address), sizeof address) == 0) {
        const std::string request = "GET /ping/ HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n";
        if (::send(fd, request.data(), request.size(), 0) == static_cast<ssize_t>(request.size())) {
            char chunk[4096];
            for (ssize_t n; (n = ::recv(fd, chunk, sizeof chunk, 0)) > 0;) response.append(chunk, static_cast<std::size_t>(n));
        }
    }
    ::close(fd);
    server.stop();

    const bool ok = response.rfind("HTTP/1.1 200 OK\r\n", 0) == 0 &&
                    response.find("\r\n\r\n{\"path\":\"/ping/\"}") != std::string::npos;
    if (!ok) std::cerr << "unexpected response:\n" << response << '\n';
    return ok ? 0 : 1;
}
