// tests/throttling/database_store_test.cpp — DatabaseStore: DRF's sliding log kept in the database,
// the same decisions as the in-process store, bounded, and exact when many connections hit one key at
// once. On every backend (tests/support/database.hpp): a SQLite file here, since every thread needs
// its own connection to the same database.
#include "../support/database.hpp"

#include <drf/core/clock.hpp>
#include <drf/core/datetime.hpp>
#include <drf/db/databases.hpp>
#include <drf/db/sqlite.hpp>
#include <drf/migrations/migrator.hpp>
#include <drf/routers.hpp>
#include <drf/test/client.hpp>
#include <drf/throttling.hpp>
#include <drf/throttling/database_store.hpp>
#include <drf/throttling/migrations.hpp>
#include <drf/viewsets.hpp>

#include <catch2/catch.hpp>

#include <atomic>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <thread>
#include <vector>

namespace database_store_test {

namespace db = drf::db;
namespace throttling = drf::throttling;

using namespace std::string_literals;

drf::DateTime at(int seconds) { return drf::from_unix_micros(1'800'000'000'000'000 + std::int64_t{seconds} * 1'000'000); }

throttling::Rate rate(std::int64_t num_requests, std::int64_t duration) { return {num_requests, duration}; }

// One database with the throttling table (drf_test::SharedDatabase), reached through a Databases (a
// connection per thread), or through several, as several instances of a service reach it.
class SharedDatabase : public drf_test::SharedDatabase {
public:
    SharedDatabase() { drf::migrations::Migrator(first(), throttling::migrations()).migrate(); }

    std::unique_ptr<db::Databases> databases() {
        return std::make_unique<db::Databases>([this] { return open(); });
    }
    // What the table holds for `key`: its history text, or nullopt when there is no row.
    std::optional<std::string> history(const std::string& key) {
        db::StatementScope s(first().connection().prepare(
            "SELECT \"history\" FROM \"throttling_history\" WHERE \"key\" = ?"));
        s->bind_text(1, key);
        if (!s->step()) return std::nullopt;
        return std::string(s->column_text(0));
    }
    std::int64_t rows() {
        db::StatementScope s(first().connection().prepare("SELECT count(*) FROM \"throttling_history\""));
        s->step();
        return s->column_int(0);
    }
};

struct Env {
    SharedDatabase shared;
    std::unique_ptr<db::Databases> databases = shared.databases();
    throttling::DatabaseStore store{*databases};
};

TEST_CASE("throttling_0001_initial creates the database store's table, keyed by the throttle key", "[throttling]") {
    SharedDatabase shared;
    const auto columns = shared.first().connection().table_columns("throttling_history");
    REQUIRE(columns.size() == 3);
    CHECK(columns[0].name == "key");
    CHECK(columns[0].primary_key);
    CHECK(columns[1].name == "history");
    CHECK(columns[2].name == "expires_at");
}

TEST_CASE("The database store accepts num_requests requests in the window and refuses the next", "[throttling]") {
    Env env;
    const auto r = rate(3, 60);
    for (int i = 0; i < 3; ++i) {
        const auto d = env.store.hit("throttle_anon_10.0.0.1", r, at(i));
        CHECK(d.allowed);
        CHECK(d.remaining == 2 - i);
    }
    const auto refused = env.store.hit("throttle_anon_10.0.0.1", r, at(3));
    CHECK_FALSE(refused.allowed);
    CHECK(refused.remaining == 0);
}

TEST_CASE("The database store's window slides: the oldest request leaving it frees one place", "[throttling]") {
    Env env;
    const auto r = rate(2, 60);
    CHECK(env.store.hit("k", r, at(0)).allowed);
    CHECK(env.store.hit("k", r, at(10)).allowed);
    CHECK_FALSE(env.store.hit("k", r, at(59)).allowed);
    // DRF drops the entries at or before now - duration: the request at 0 is gone at exactly 60.
    CHECK(env.store.hit("k", r, at(60)).allowed);
    CHECK_FALSE(env.store.hit("k", r, at(69)).allowed);
    CHECK(env.store.hit("k", r, at(70)).allowed);
}

TEST_CASE("The database store follows the clock a FrozenClock gives drf::now()", "[throttling]") {
    Env env;
    drf::FrozenClock clock(at(0));
    drf::ClockOverride use(clock);
    const auto r = rate(1, 1);
    CHECK(env.store.hit("k", r, drf::now()).allowed);
    CHECK_FALSE(env.store.hit("k", r, drf::now()).allowed);
    clock.advance(boost::posix_time::milliseconds(999));
    CHECK_FALSE(env.store.hit("k", r, drf::now()).allowed);
    clock.advance(boost::posix_time::milliseconds(1));
    CHECK(env.store.hit("k", r, drf::now()).allowed);
}

TEST_CASE("A request the database store refuses gets DRF's wait: until the oldest request leaves the window",
          "[throttling]") {
    Env env;
    const auto r = rate(2, 60);
    CHECK(env.store.hit("k", r, at(0)).wait == 0);
    env.store.hit("k", r, at(20));
    // DRF: (duration - (now - oldest)) / (num_requests - len(history) + 1) = (60 - 45) / 1.
    const auto refused = env.store.hit("k", r, at(45));
    CHECK(refused.wait == Approx(15.0));
    CHECK(refused.reset == 15);
    CHECK(env.store.hit("k", r, at(59)).wait == Approx(1.0));
}

TEST_CASE("The database store answers every request as the in-process store does", "[throttling]") {
    Env env;
    throttling::LocalStore local;
    const auto r = rate(4, 30);
    std::uint32_t random = 12345;  // a fixed linear congruential sequence: the same run every time
    auto next = [&](std::uint32_t bound) {
        random = random * 1664525u + 1013904223u;
        return (random >> 8) % bound;
    };
    std::int64_t now = drf::to_unix_micros(at(0));
    int refused = 0;
    for (int i = 0; i < 400; ++i) {
        now += std::int64_t{next(4'000'000)};  // 0 to 4 s apart
        const std::string key = "throttle_anon_10.0.0." + std::to_string(next(3));
        const auto expected = local.hit(key, r, drf::from_unix_micros(now));
        const auto got = env.store.hit(key, r, drf::from_unix_micros(now));
        INFO("request " << i << " under " << key);
        REQUIRE(got.allowed == expected.allowed);
        REQUIRE(got.wait == expected.wait);
        REQUIRE(got.remaining == expected.remaining);
        REQUIRE(got.reset == expected.reset);
        refused += !got.allowed;
    }
    CHECK(refused > 50);  // the sequence reaches the limit often, not only the easy accepted case
}

TEST_CASE("A request whose clock is behind its key's last one is counted at that time, keeping the history in order",
          "[throttling]") {
    Env env;
    const auto r = rate(3, 60);
    env.store.hit("k", r, at(10));
    CHECK(env.store.hit("k", r, at(5)).allowed);  // another instance, its clock 5 s behind
    const auto us = std::to_string(drf::to_unix_micros(at(10)));
    CHECK(env.shared.history("k") == us + "," + us);
    CHECK(env.store.hit("k", r, at(70)).allowed);  // both left the window at 70
    CHECK(env.shared.history("k") == std::to_string(drf::to_unix_micros(at(70))));
}

TEST_CASE("Refused requests are not recorded by the database store, as DRF records only accepted ones",
          "[throttling]") {
    Env env;
    const auto r = rate(1, 60);
    CHECK(env.store.hit("k", r, at(0)).allowed);
    for (int i = 1; i < 30; ++i) CHECK_FALSE(env.store.hit("k", r, at(i)).allowed);
    CHECK(env.shared.history("k") == std::to_string(drf::to_unix_micros(at(0))));
    CHECK(env.store.hit("k", r, at(60)).allowed);
}

TEST_CASE("Each key has its own limit in the database store", "[throttling]") {
    Env env;
    const auto r = rate(1, 60);
    CHECK(env.store.hit("throttle_user_a", r, at(0)).allowed);
    CHECK(env.store.hit("throttle_user_b", r, at(0)).allowed);
    CHECK_FALSE(env.store.hit("throttle_user_a", r, at(1)).allowed);
    CHECK_FALSE(env.store.hit("throttle_user_b", r, at(1)).allowed);
}

TEST_CASE("A key's expired history is deleted when the key is next touched", "[throttling]") {
    Env env;
    const auto r = rate(5, 60);
    for (int i = 0; i < 5; ++i) env.store.hit("k", r, at(i));
    env.store.hit("k", r, at(62));  // 0, 1 and 2 have left the window; 62 is recorded
    const auto us = [](int s) { return std::to_string(drf::to_unix_micros(at(s))); };
    CHECK(env.shared.history("k") == us(3) + "," + us(4) + "," + us(62));
    SECTION("a refused request drops them too (the rate was lowered since they were recorded)") {
        env.store.hit("k", r, at(63));
        env.store.hit("k", r, at(64));
        CHECK_FALSE(env.store.hit("k", rate(2, 60), at(65)).allowed);  // 3 and 4 leave; 3 remain, over 2
        CHECK(env.shared.history("k") == us(62) + "," + us(63) + "," + us(64));
    }
}

TEST_CASE("sweep deletes the keys whose requests have all left their window", "[throttling]") {
    Env env;
    env.store.hit("old", rate(5, 60), at(0));
    env.store.hit("recent", rate(5, 60), at(50));
    env.store.hit("long", rate(5, 3600), at(0));
    CHECK(env.store.sweep(at(59)) == 0);
    CHECK(env.store.sweep(at(60)) == 1);
    CHECK_FALSE(env.shared.history("old"));
    CHECK(env.shared.history("recent"));
    CHECK(env.shared.history("long"));
    CHECK(env.store.sweep(at(3600)) == 2);
    CHECK(env.shared.rows() == 0);
}

TEST_CASE("The database store sweeps stale keys every sweep_every hits", "[throttling]") {
    SharedDatabase shared;
    auto databases = shared.databases();
    throttling::DatabaseStore store(*databases, {.sweep_every = 4});
    const auto r = rate(5, 60);
    for (int i = 0; i < 3; ++i) store.hit("stale_" + std::to_string(i), r, at(0));
    CHECK(shared.rows() == 3);
    store.hit("fresh", r, at(100));  // the 4th hit: the three others left their window at 60
    CHECK(shared.rows() == 1);
    CHECK(shared.history("fresh"));
}

TEST_CASE("Two stores on two connections to one database share one limit per key", "[throttling]") {
    SharedDatabase shared;
    auto one = shared.databases();
    auto two = shared.databases();
    throttling::DatabaseStore a(*one), b(*two);
    const auto r = rate(3, 60);
    CHECK(a.hit("k", r, at(0)).allowed);
    CHECK(b.hit("k", r, at(1)).allowed);
    CHECK(a.hit("k", r, at(2)).allowed);
    CHECK_FALSE(b.hit("k", r, at(3)).allowed);
    CHECK_FALSE(a.hit("k", r, at(3)).allowed);
    CHECK(b.hit("k", r, at(60)).allowed);
}

std::string synchronous_commit(db::Database& database) {
    db::StatementScope s(database.connection().prepare("SHOW synchronous_commit"));
    s->step();
    return std::string(s->column_text(0));
}

TEST_CASE("A check on PostgreSQL commits without waiting for a disk flush, but leaves the caller's own transaction durable",
          "[throttling][postgresql]") {
    Env env;
    db::Database& database = env.databases->get();
    database.connection().execute("SET synchronous_commit = on");  // the test server runs with it off
    database.atomic([&] {
        env.store.hit("k", rate(5, 60), at(0));
        CHECK(synchronous_commit(database) == "on");  // the caller's transaction keeps its setting
    });
    CHECK(env.shared.history("k"));
    // Its own transaction: the setting is SET LOCAL, gone with the commit.
    env.store.hit("k", rate(5, 60), at(1));
    CHECK(synchronous_commit(database) == "on");
}

TEST_CASE("64 threads, each on its own connection, hitting one key get exactly num_requests accepted",
          "[throttling]") {
    SharedDatabase shared;
    auto databases = shared.databases();
    throttling::DatabaseStore store(*databases);
    constexpr int threads = 64, per_thread = 3, limit = 50;
    const auto r = rate(limit, 60);
    for (int round = 0; round < 4; ++round) {
        const std::string key = "throttle_anon_round_" + std::to_string(round);
        std::atomic<int> accepted{0}, refused{0};
        std::vector<std::thread> pool;
        for (int t = 0; t < threads; ++t)
            pool.emplace_back([&] {
                for (int i = 0; i < per_thread; ++i)
                    (store.hit(key, r, at(round)).allowed ? accepted : refused)++;
            });
        for (auto& t : pool) t.join();
        INFO("round " << round);
        CHECK(accepted == limit);
        CHECK(refused == threads * per_thread - limit);
        CHECK(shared.history(key).value_or("").size() == (limit - 1) + limit * std::to_string(drf::to_unix_micros(at(round))).size());
    }
}

struct PingViewSet : drf::viewsets::ViewSet<PingViewSet> {
    static constexpr auto throttle_classes = throttling::throttles(throttling::AnonRateThrottle{});
    drf::http::Response list(drf::http::Request&) { return drf::http::Response(drf::Json{{"pong", true}}); }
};

// An instance of a service: its own router and connections, the throttles counting in the database.
struct Instance {
    std::unique_ptr<db::Databases> databases;
    drf::routers::Router router;
    drf::test::APIClient client{router};
    explicit Instance(SharedDatabase& shared)
        : databases(shared.databases()), router(drf::views::Context{.throttling = [&] {
              auto settings = std::make_shared<throttling::Settings>();
              settings->rates = {{"anon", "2/minute"}};
              settings->store = std::make_shared<throttling::DatabaseStore>(*databases);
              return settings;
          }()}) {
        router.register_viewset<PingViewSet>("ping");
    }
};

TEST_CASE("Two instances whose throttles count in one database share an anonymous client's rate: the third request is 429",
          "[throttling]") {
    SharedDatabase shared;
    Instance a(shared), b(shared);
    drf::FrozenClock clock(at(0));
    drf::ClockOverride use(clock);
    CHECK(a.client.get("/ping/").status_code == 200);
    clock.advance(boost::posix_time::seconds(15));
    CHECK(b.client.get("/ping/").status_code == 200);
    clock.advance(boost::posix_time::seconds(15));
    for (auto* instance : {&a, &b}) {
        const auto refused = instance->client.get("/ping/");
        CHECK(refused.status_code == 429);
        CHECK(refused.headers.get("Retry-After").value_or("") == "30");
        CHECK(refused.data == drf::Json{{"detail", "Request was throttled. Expected available in 30 seconds."}});
    }
    clock.advance(boost::posix_time::seconds(30));  // the first request leaves the window
    CHECK(b.client.get("/ping/").status_code == 200);
    CHECK(a.client.get("/ping/").status_code == 429);
}

}  // namespace database_store_test
