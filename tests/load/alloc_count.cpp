// tests/load/alloc_count.cpp — heap allocations per request of the example service (examples/projects),
// for GET of its 25-item page and POST of a new project: through router.dispatch alone, then through a
// drf::server::Server on loopback (parsing, the Request, dispatch, the response's framing and write).
// Every operator new of the process is counted; the client side of the server run uses raw sockets and
// fixed buffers, so it allocates nothing and every counted allocation is the server's.
//     PROJECTS_DB=/tmp/fresh.sqlite3 drf_alloc_count [REQUESTS]
// migrates the database, creates a user with a token and 60 projects (as `projects migrate` and
// `projects createuser` would), then prints one line per path and method: allocations and bytes
// allocated per request, averaged over REQUESTS (500) after 50 unmeasured ones.
#include "app.hpp"  // examples/projects

#include <drf/http/request.hpp>
#include <drf/server.hpp>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <iostream>
#include <new>
#include <sstream>
#include <string>
#include <string_view>

namespace {
std::atomic<std::uint64_t> allocations{0};
std::atomic<std::uint64_t> allocated_bytes{0};

void* counted(std::size_t size) {
    allocations.fetch_add(1, std::memory_order_relaxed);
    allocated_bytes.fetch_add(size, std::memory_order_relaxed);
    if (void* p = std::malloc(size == 0 ? 1 : size)) return p;
    throw std::bad_alloc();
}
void* counted_aligned(std::size_t size, std::align_val_t align) {
    allocations.fetch_add(1, std::memory_order_relaxed);
    allocated_bytes.fetch_add(size, std::memory_order_relaxed);
    const auto a = static_cast<std::size_t>(align);
    if (void* p = std::aligned_alloc(a, (size + a - 1) / a * a)) return p;
    throw std::bad_alloc();
}
}  // namespace

void* operator new(std::size_t size) { return counted(size); }
void* operator new[](std::size_t size) { return counted(size); }
void* operator new(std::size_t size, const std::nothrow_t&) noexcept {
    try {
        return counted(size);
    } catch (...) {
        return nullptr;
    }
}
void* operator new[](std::size_t size, const std::nothrow_t& t) noexcept { return operator new(size, t); }
void* operator new(std::size_t size, std::align_val_t a) { return counted_aligned(size, a); }
void* operator new[](std::size_t size, std::align_val_t a) { return counted_aligned(size, a); }
void operator delete(void* p) noexcept { std::free(p); }
void operator delete[](void* p) noexcept { std::free(p); }
void operator delete(void* p, std::size_t) noexcept { std::free(p); }
void operator delete[](void* p, std::size_t) noexcept { std::free(p); }
void operator delete(void* p, std::align_val_t) noexcept { std::free(p); }
void operator delete[](void* p, std::align_val_t) noexcept { std::free(p); }
void operator delete(void* p, std::size_t, std::align_val_t) noexcept { std::free(p); }
void operator delete[](void* p, std::size_t, std::align_val_t) noexcept { std::free(p); }

namespace {

using drf::http::Method;

constexpr std::string_view post_body = R"({"name": "load test", "description": "from wrk"})";

struct Count {
    double allocations;
    double bytes;
};

template <class F>
Count per_call(int n, F&& f) {
    for (int i = 0; i < 50; ++i) f();  // warm: statement cache, thread-local buffers, the Date header
    const auto a0 = allocations.load();
    const auto b0 = allocated_bytes.load();
    for (int i = 0; i < n; ++i) f();
    return {static_cast<double>(allocations.load() - a0) / n, static_cast<double>(allocated_bytes.load() - b0) / n};
}

void print(const char* path, const char* what, Count c) {
    std::printf("%-9s %-22s %8.1f allocations/request %10.0f bytes/request\n", path, what, c.allocations, c.bytes);
}

// A keep-alive client on a raw socket: one request written, its response read to the end of its body.
class Client {
public:
    explicit Client(unsigned short port) {
        fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_port = htons(port);
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        if (fd_ < 0 || ::connect(fd_, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0) {
            std::perror("connect");
            std::exit(1);
        }
        int one = 1;
        ::setsockopt(fd_, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    }
    ~Client() { ::close(fd_); }
    Client(const Client&) = delete;
    Client& operator=(const Client&) = delete;

    // The response's status.
    int exchange(std::string_view request) {
        for (std::size_t sent = 0; sent < request.size();) {
            const auto n = ::send(fd_, request.data() + sent, request.size() - sent, 0);
            if (n <= 0) fail("send");
            sent += static_cast<std::size_t>(n);
        }
        std::size_t have = 0;
        for (;;) {
            const auto n = ::recv(fd_, buffer_ + have, sizeof buffer_ - have, 0);
            if (n <= 0) fail("recv");
            have += static_cast<std::size_t>(n);
            const std::string_view text(buffer_, have);
            const auto end = text.find("\r\n\r\n");
            if (end == std::string_view::npos) continue;
            const auto length = text.find("Content-Length: ");
            const std::size_t body = length == std::string_view::npos ? 0 : std::strtoul(buffer_ + length + 16, nullptr, 10);
            if (have >= end + 4 + body) {
                if (have != end + 4 + body) fail("more than one response");
                return std::atoi(buffer_ + 9);
            }
        }
    }

private:
    [[noreturn]] static void fail(const char* what) {
        std::fprintf(stderr, "drf_alloc_count: %s failed\n", what);
        std::exit(1);
    }
    int fd_ = -1;
    char buffer_[64 * 1024];
};

}  // namespace

int main(int argc, char** argv) {
    const int n = argc > 1 ? std::atoi(argv[1]) : 500;
    if (n <= 0 || std::getenv("PROJECTS_DB") == nullptr) {
        std::fprintf(stderr, "usage: PROJECTS_DB=/tmp/fresh.sqlite3 drf_alloc_count [REQUESTS]\n");
        return 2;
    }
    projects::App app;
    const auto& router = app.router();
    std::ostringstream said;
    const char* migrate[] = {"projects", "migrate"};
    const char* createuser[] = {"projects", "createuser", "--username", "alloccount"};
    if (drf::commands::manage(app.commands(), 2, migrate, said, std::cerr) != 0 ||
        drf::commands::manage(app.commands(), 4, createuser, said, std::cerr) != 0)
        return 1;
    std::string token = said.str();  // createuser's last line is the token
    while (!token.empty() && token.back() == '\n') token.pop_back();
    token = token.substr(token.rfind('\n') + 1);

    // 60 projects, so that the page is full and has a next link.
    auto make = [&](Method method) {
        drf::http::Headers headers{{"Host", "127.0.0.1:8000"}, {"Accept", "application/json"}, {"Authorization", "Token " + token}};
        if (method == Method::post) headers.add("Content-Type", "application/json");
        return drf::http::Request(method, "/api/projects/", std::move(headers),
                                  method == Method::post ? std::string(post_body) : std::string());
    };
    for (int i = 0; i < 60; ++i) {
        auto request = make(Method::post);
        if (router.dispatch(request).status_code() != 201) {
            std::fprintf(stderr, "drf_alloc_count: POST /api/projects/ was not 201\n");
            return 1;
        }
    }

    // Through router.dispatch, the response's body written (content()) included. Each call dispatches a
    // copy of one prepared Request: the copy's own allocations are counted apart and subtracted.
    for (const Method method : {Method::get, Method::post}) {
        const int expected = method == Method::get ? 200 : 201;
        const auto prepared = make(method);
        const Count all = per_call(n, [&] {
            auto request = prepared;
            const auto response = router.dispatch(request);
            if (response.status_code() != expected || response.content().empty()) std::exit(1);
        });
        const Count copy = per_call(n, [&] {
            auto request = prepared;
            if (request.method() != method) std::exit(1);
        });
        print("dispatch", method == Method::get ? "GET page (25 items)" : "POST create",
              {all.allocations - copy.allocations, all.bytes - copy.bytes});
    }

    // Through the server: one worker thread, one keep-alive connection.
    drf::server::Server server(router, {.host = "127.0.0.1", .port = 0, .threads = 1, .access_log = false, .log = nullptr});
    server.start();
    {
        Client client(server.port());
        const std::string auth = "Authorization: Token " + token + "\r\n";
        const std::string get = "GET /api/projects/ HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: application/json\r\n" + auth + "\r\n";
        const std::string post = "POST /api/projects/ HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: application/json\r\n" + auth +
                                 "Content-Type: application/json\r\nContent-Length: " + std::to_string(post_body.size()) +
                                 "\r\n\r\n" + std::string(post_body);
        print("server", "GET page (25 items)", per_call(n, [&] {
                  if (client.exchange(get) != 200) std::exit(1);
              }));
        print("server", "POST create", per_call(n, [&] {
                  if (client.exchange(post) != 201) std::exit(1);
              }));
    }
    server.stop();
    return 0;
}
