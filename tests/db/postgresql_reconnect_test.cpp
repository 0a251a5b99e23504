// tests/db/postgresql_reconnect_test.cpp — connecting and reconnecting to PostgreSQL are bounded by a
// connect timeout: a server that accepts the connection and never answers is given up on, with an
// OperationalError, instead of holding the thread. The hung server is a TCP proxy on 127.0.0.1 that
// first forwards to the test server, then cuts every connection and holds each new one without a word.
// The [postgresql] cases run in drf.db.postgresql.
#include <drf/db.hpp>
#include <drf/db/postgresql.hpp>

#include <catch2/catch.hpp>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <stdexcept>
#include <string>
#include <thread>
#include <utility>
#include <vector>

namespace postgresql_reconnect_test {

using Clock = std::chrono::steady_clock;

// A TCP proxy on 127.0.0.1: forwards to `upstream_port` until hang() is called; from then on every
// connection it had is closed and every new one is accepted and left without an answer, as a hung
// server does. It lets a held connection go after `hold_limit`, so that a client without a timeout
// fails the test instead of blocking it forever.
class Proxy {
public:
    explicit Proxy(int upstream_port, std::chrono::seconds hold_limit = std::chrono::seconds{20})
        : upstream_port_(upstream_port), hold_limit_(hold_limit) {
        listener_ = ::socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in address = loopback(0);
        if (listener_ < 0 || ::bind(listener_, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0 ||
            ::listen(listener_, 16) != 0)
            throw std::runtime_error("the test proxy cannot listen on 127.0.0.1");
        socklen_t length = sizeof address;
        ::getsockname(listener_, reinterpret_cast<sockaddr*>(&address), &length);
        port_ = ntohs(address.sin_port);
        thread_ = std::thread([this] { run(); });
    }
    ~Proxy() {
        stop_ = true;
        thread_.join();
        for (const auto& [client, upstream] : pairs_) close_pair(client, upstream);
        for (const auto& held : held_) ::close(held.fd);
        ::close(listener_);
    }
    Proxy(const Proxy&) = delete;
    Proxy& operator=(const Proxy&) = delete;

    int port() const noexcept { return port_; }

    // Cuts the forwarded connections and hangs from now on; returns once the proxy has done so.
    void hang() {
        hang_requested_ = true;
        while (!hanging_) std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }

private:
    struct Held {
        int fd;
        Clock::time_point since;
    };

    static sockaddr_in loopback(int port) {
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_port = htons(static_cast<std::uint16_t>(port));
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        return address;
    }
    static void close_pair(int a, int b) {
        ::close(a);
        ::close(b);
    }
    static bool copy(int from, int to) {
        char buffer[16384];
        const ssize_t n = ::read(from, buffer, sizeof buffer);
        if (n <= 0) return false;
        for (ssize_t sent = 0; sent < n;) {
            const ssize_t w = ::write(to, buffer + sent, static_cast<std::size_t>(n - sent));
            if (w <= 0) return false;
            sent += w;
        }
        return true;
    }

    void run() {
        while (!stop_) {
            if (hang_requested_ && !hanging_) {
                for (const auto& [client, upstream] : pairs_) close_pair(client, upstream);
                pairs_.clear();
                hanging_ = true;
            }
            for (auto it = held_.begin(); it != held_.end();) {
                if (Clock::now() - it->since < hold_limit_) {
                    ++it;
                    continue;
                }
                ::close(it->fd);
                it = held_.erase(it);
            }
            std::vector<pollfd> fds{{listener_, POLLIN, 0}};
            for (const auto& [client, upstream] : pairs_) {
                fds.push_back({client, POLLIN, 0});
                fds.push_back({upstream, POLLIN, 0});
            }
            if (::poll(fds.data(), fds.size(), 20) <= 0) continue;
            // Only the pairs polled above have entries in fds: a pair accept_one adds waits for the next poll.
            const std::size_t polled = pairs_.size();
            if (fds[0].revents & POLLIN) accept_one();
            std::vector<std::pair<int, int>> open(pairs_.begin() + static_cast<std::ptrdiff_t>(polled), pairs_.end());
            for (std::size_t i = 0; i < polled; ++i) {
                const auto [client, upstream] = pairs_[i];
                bool alive = true;
                if (fds[1 + 2 * i].revents) alive = copy(client, upstream);
                if (alive && fds[2 + 2 * i].revents) alive = copy(upstream, client);
                if (alive) open.emplace_back(client, upstream);
                else close_pair(client, upstream);
            }
            pairs_ = std::move(open);
        }
    }

    void accept_one() {
        const int client = ::accept(listener_, nullptr, nullptr);
        if (client < 0) return;
        if (hanging_) {
            held_.push_back({client, Clock::now()});
            return;
        }
        const int upstream = ::socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in address = loopback(upstream_port_);
        if (upstream < 0 || ::connect(upstream, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0) {
            close_pair(client, upstream);
            return;
        }
        pairs_.emplace_back(client, upstream);
    }

    int upstream_port_;
    std::chrono::seconds hold_limit_;
    int listener_ = -1;
    int port_ = 0;
    std::atomic<bool> stop_{false};
    std::atomic<bool> hang_requested_{false};
    std::atomic<bool> hanging_{false};
    std::vector<std::pair<int, int>> pairs_;  // (client, upstream), used by the proxy's thread only
    std::vector<Held> held_;
    std::thread thread_;
};

// The test server's URL is postgresql://drf@127.0.0.1:<port>/drf_test (tests/support/postgres.sh).
struct ServerUrl {
    std::string before;  // "postgresql://drf@127.0.0.1:"
    int port = 0;
    std::string after;   // "/drf_test"
};

ServerUrl server_url() {
    const char* env = std::getenv("DRF_TEST_DATABASE_URL");
    if (!env)
        throw std::runtime_error("DRF_TEST_DATABASE_URL is not set: the [postgresql] cases run in drf.db.postgresql");
    const std::string url = env;
    const std::string host = "@127.0.0.1:";
    const auto at = url.find(host);
    if (at == std::string::npos) throw std::runtime_error("the test server's URL is not on 127.0.0.1: " + url);
    const auto port_begin = at + host.size();
    const auto port_end = url.find('/', port_begin);
    return {url.substr(0, port_begin), std::stoi(url.substr(port_begin, port_end - port_begin)),
            port_end == std::string::npos ? "" : url.substr(port_end)};
}

std::string through(const ServerUrl& server, const Proxy& proxy, const std::string& query = "") {
    return server.before + std::to_string(proxy.port()) + server.after + query;
}

double seconds_since(Clock::time_point start) { return std::chrono::duration<double>(Clock::now() - start).count(); }

TEST_CASE("A reconnect to a PostgreSQL server that accepts and never answers gives up after the connect timeout",
          "[db][postgresql]") {
    const ServerUrl server = server_url();
    Proxy proxy(server.port);

    auto check_bounded_reconnect = [&](drf::db::Database database) {
        auto& one = database.connection().prepare("SELECT 1");
        one.reset();
        REQUIRE(one.step());  // through the proxy to the real server
        one.reset();

        proxy.hang();
        CHECK_THROWS_AS(database.connection().execute("SELECT 1"), drf::db::OperationalError);  // the cut

        const auto start = Clock::now();
        CHECK_THROWS_WITH(database.connection().execute("SELECT 1"),
                          Catch::StartsWith("cannot reconnect to PostgreSQL at ") && Catch::Contains("timeout expired"));
        const double waited = seconds_since(start);
        INFO("the reconnect gave up after " << waited << " s");
        CHECK(waited >= 1.0);  // libpq waits at least 2 s, measured in whole seconds
        CHECK(waited < 6.0);
    };

    SECTION("the timeout set in Options") {
        check_bounded_reconnect(
            drf::db::postgresql::open(through(server, proxy), {.connect_timeout = std::chrono::seconds{2}}));
    }
    SECTION("the timeout set in the URL, which wins over Options") {
        check_bounded_reconnect(drf::db::postgresql::open(through(server, proxy, "?connect_timeout=2"),
                                                          {.connect_timeout = std::chrono::seconds{60}}));
    }
}

TEST_CASE("Opening a PostgreSQL connection to a server that never answers gives up after the connect timeout",
          "[db][postgresql]") {
    const ServerUrl server = server_url();
    Proxy proxy(server.port);
    proxy.hang();

    const auto start = Clock::now();
    CHECK_THROWS_WITH(drf::db::postgresql::open(through(server, proxy), {.connect_timeout = std::chrono::seconds{2}}),
                      Catch::StartsWith("cannot connect to PostgreSQL at ") && Catch::Contains("timeout expired"));
    const double waited = seconds_since(start);
    INFO("the connection gave up after " << waited << " s");
    CHECK(waited < 6.0);
}

}  // namespace postgresql_reconnect_test
