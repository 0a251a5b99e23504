// tests/load/alloc_count.cpp — heap allocations per request of the example service (examples/projects),
// for GET of its 25-item page and POST of a new project: through router.dispatch alone (the GET found in
// the list's page cache, and rendered with the cache emptied first), then through a drf::server::Server
// on loopback (parsing, the Request, dispatch, the response's framing and write).
// Every operator new of the process is counted; the client side of the server run uses raw sockets and
// fixed buffers, so it allocates nothing and every counted allocation is the server's.
//     PROJECTS_DB=/tmp/fresh.sqlite3 drf_alloc_count [REQUESTS] [--check FILE | --write FILE]
// migrates the database, creates a user with a token and 60 projects (as `projects migrate` and
// `projects createuser` would), then prints one line per path and method: allocations and bytes
// allocated per request, averaged over REQUESTS (500) after 50 unmeasured ones. The counts are exact
// (the same requests allocate the same way each run), so they are a regression check: --check FILE
// (tests/load/allocations.txt, ctest's load.allocations) fails when a row allocates more often than the
// committed figure, or more than 10% more bytes (lengths move with ids and dates), or when a row is
// measured but not committed or committed but not measured; --write FILE
// commits this run's figures.
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
#include <fstream>
#include <iostream>
#include <new>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

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

[[noreturn]] void die(const char* what) {
    std::fprintf(stderr, "drf_alloc_count: %s\n", what);
    std::exit(1);
}

struct Row {
    std::string path;    // dispatch | rendered (dispatch, the page cache emptied first) | server
    std::string method;  // GET | POST
    Count count;
};

void print(const Row& row) {
    std::printf("%-9s %-22s %8.1f allocations/request %10.0f bytes/request\n", row.path.c_str(),
                row.method == "GET" ? "GET page (25 items)" : "POST create", row.count.allocations, row.count.bytes);
}

int write_figures(const std::vector<Row>& rows, const char* file) {
    std::ofstream out(file);
    out << "# tests/load/allocations.txt — heap allocations per request of the example service, the bounds\n"
           "# ctest's load.allocations holds it to (drf_alloc_count --check): no more allocations than these,\n"
           "# no more than 10% more bytes. Rewrite after a change that cuts them:\n"
           "#     PROJECTS_DB=/tmp/fresh.sqlite3 build/tests/load/drf_alloc_count --write tests/load/allocations.txt\n"
           "# path method allocations bytes\n";
    for (const auto& row : rows)
        out << row.path << ' ' << row.method << ' ' << static_cast<long>(row.count.allocations + 0.5) << ' '
            << static_cast<long>(row.count.bytes + 0.5) << '\n';
    out.close();
    if (!out) {
        std::fprintf(stderr, "drf_alloc_count: cannot write %s\n", file);
        return 1;
    }
    std::printf("written: %s\n", file);
    return 0;
}

// 0 when every row is within its committed bounds; a row missing from either side fails too, so that
// a renamed or dropped measurement cannot pass unnoticed.
int check_figures(const std::vector<Row>& rows, const char* file) {
    std::ifstream in(file);
    if (!in) {
        std::fprintf(stderr, "drf_alloc_count: cannot read %s\n", file);
        return 1;
    }
    std::vector<Row> committed;
    for (std::string line; std::getline(in, line);) {
        if (line.empty() || line[0] == '#') continue;
        std::istringstream fields(line);
        Row row;
        if (!(fields >> row.path >> row.method >> row.count.allocations >> row.count.bytes)) {
            std::fprintf(stderr, "drf_alloc_count: %s: not `path method allocations bytes`: %s\n", file, line.c_str());
            return 1;
        }
        committed.push_back(row);
    }
    const auto find = [](const std::vector<Row>& in, const Row& like) -> const Row* {
        for (const auto& row : in)
            if (row.path == like.path && row.method == like.method) return &row;
        return nullptr;
    };
    int failed = 0;
    for (const auto& row : rows) {
        const Row* bound = find(committed, row);
        if (bound == nullptr) {
            std::printf("  MISSING  %s %s: no committed figure in %s\n", row.path.c_str(), row.method.c_str(), file);
            failed = 1;
            continue;
        }
        const bool over = row.count.allocations > bound->count.allocations + 0.05 ||
                          row.count.bytes > bound->count.bytes * 1.10;
        const bool fewer = !over && row.count.allocations < bound->count.allocations - 0.05;
        std::printf("  %-5s %-8s %-4s %6.1f allocations (committed %.0f), %6.0f bytes (committed %.0f, +10%%)%s\n",
                    over ? "OVER" : fewer ? "fewer" : "ok", row.path.c_str(), row.method.c_str(), row.count.allocations,
                    bound->count.allocations, row.count.bytes, bound->count.bytes,
                    fewer ? ": lower the committed figure (--write)" : "");
        if (over) failed = 1;
    }
    for (const auto& c : committed) {
        if (find(rows, c) == nullptr) {
            std::printf("  MISSING  %s %s: committed in %s but not measured\n", c.path.c_str(), c.method.c_str(), file);
            failed = 1;
        }
    }
    std::fflush(stdout);  // the rows first, then the verdict, in a log that holds both
    if (failed) std::fprintf(stderr, "drf_alloc_count: allocations per request not within the figures in %s\n", file);
    return failed;
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
            std::perror("drf_alloc_count: connect");
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
            if (n <= 0) die("send failed");
            sent += static_cast<std::size_t>(n);
        }
        std::size_t have = 0;
        for (;;) {
            const auto n = ::recv(fd_, buffer_ + have, sizeof buffer_ - have, 0);
            if (n <= 0) die("recv failed");
            have += static_cast<std::size_t>(n);
            const std::string_view text(buffer_, have);
            const auto end = text.find("\r\n\r\n");
            if (end == std::string_view::npos) continue;
            const auto length = text.find("Content-Length: ");
            const std::size_t body = length == std::string_view::npos ? 0 : std::strtoul(buffer_ + length + 16, nullptr, 10);
            if (have >= end + 4 + body) {
                if (have != end + 4 + body) die("more than one response to one request");
                return std::atoi(buffer_ + 9);
            }
        }
    }

private:
    int fd_ = -1;
    char buffer_[64 * 1024];
};

}  // namespace

int main(int argc, char** argv) {
    int n = 500;
    const char* check = nullptr;
    const char* write = nullptr;
    bool usage = std::getenv("PROJECTS_DB") == nullptr;
    for (int i = 1; i < argc && !usage; ++i) {
        const std::string_view arg = argv[i];
        if ((arg == "--check" || arg == "--write") && i + 1 < argc)
            (arg == "--check" ? check : write) = argv[++i];
        else if (char* end = nullptr; (n = static_cast<int>(std::strtol(argv[i], &end, 10))) <= 0 || *end != '\0')
            usage = true;
    }
    if (usage || (check != nullptr && write != nullptr)) {
        std::fprintf(stderr, "usage: PROJECTS_DB=/tmp/fresh.sqlite3 drf_alloc_count [REQUESTS] [--check FILE | --write FILE]\n");
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
    std::vector<Row> rows;
    for (const Method method : {Method::get, Method::post}) {
        const int expected = method == Method::get ? 200 : 201;
        const auto prepared = make(method);
        const Count all = per_call(n, [&] {
            auto request = prepared;
            const auto response = router.dispatch(request);
            if (response.status_code() != expected || response.content().empty())
                die(method == Method::get ? "GET /api/projects/ through dispatch was not 200 with a body"
                                          : "POST /api/projects/ through dispatch was not 201 with a body");
        });
        const Count copy = per_call(n, [&] {
            auto request = prepared;
            if (request.method() != method) die("a copied Request lost its method");
        });
        rows.push_back({"dispatch", method == Method::get ? "GET" : "POST",
                        {all.allocations - copy.allocations, all.bytes - copy.bytes}});
    }
    // The rows above repeat one GET, which the page cache answers after the first. The same GET with the
    // cache emptied before each call: the page's queries and rendering, and keeping the page.
    {
        const auto prepared = make(Method::get);
        const Count all = per_call(n, [&] {
            drf::resources::clear_page_cache<projects::ProjectViewSet>();
            auto request = prepared;
            const auto response = router.dispatch(request);
            if (response.status_code() != 200 || response.content().empty())
                die("GET /api/projects/ through dispatch, rendered, was not 200 with a body");
        });
        const Count copy = per_call(n, [&] {
            auto request = prepared;
            if (request.method() != Method::get) die("a copied Request lost its method");
        });
        rows.push_back({"rendered", "GET", {all.allocations - copy.allocations, all.bytes - copy.bytes}});
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
        rows.push_back({"server", "GET", per_call(n, [&] {
                            if (client.exchange(get) != 200) die("GET /api/projects/ through the server was not 200");
                        })});
        rows.push_back({"server", "POST", per_call(n, [&] {
                            if (client.exchange(post) != 201) die("POST /api/projects/ through the server was not 201");
                        })});
    }
    server.stop();
    for (const auto& row : rows) print(row);
    if (write != nullptr) return write_figures(rows, write);
    if (check != nullptr) return check_figures(rows, check);
    return 0;
}
