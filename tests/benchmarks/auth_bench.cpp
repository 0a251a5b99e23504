// tests/benchmarks/auth_bench.cpp — what TokenAuthentication costs per request, without its cache (the
// key's SHA-256 and the two-table lookup) and with it (the SHA-256, the credentials counter read and a
// hit), with the counter read and the lookup alone; and what a committed INSERT costs on a SQLite file
// with synchronous NORMAL against FULL (wall time: FULL waits for the disk). Both on a SQLite file (WAL),
// as the example service runs.
#include <drf/auth.hpp>
#include <drf/core/clock.hpp>
#include <drf/core/crypto.hpp>
#include <drf/db/databases.hpp>
#include <drf/db/sqlite.hpp>
#include <drf/migrations/migrator.hpp>

#include <benchmark/benchmark.h>

#include <cstdint>
#include <cstdio>
#include <memory>
#include <string>
#include <unistd.h>

namespace auth_bench {

namespace auth = drf::auth;
namespace db = drf::db;

std::string temp_path(const char* what) {
    return "/tmp/drf_bench_" + std::string(what) + "_" + std::to_string(::getpid()) + ".sqlite3";
}
void remove_files(const std::string& path) {
    for (const char* suffix : {"", "-wal", "-shm"}) std::remove((path + suffix).c_str());
}

// A migrated SQLite file with 1000 users holding one token each; requests use the 500th user's key.
// The clock is frozen so last_login is written once, by the first request, as a live service writes
// it at most once a minute per user.
struct Service {
    std::string path = temp_path("auth");
    drf::FrozenClock clock{drf::parse_datetime("2026-03-01T09:00:00Z").value()};
    drf::ClockOverride frozen{clock};
    std::unique_ptr<db::Databases> databases;
    std::string key;

    Service() {
        remove_files(path);
        databases = std::make_unique<db::Databases>([p = path] { return db::sqlite::open(p); });
        db::Database& database = databases->get();
        auto list = auth::migrations();
        for (auto& m : auth::token_cache_migrations()) list.push_back(std::move(m));
        drf::migrations::Migrator(database, list).migrate();
        database.atomic([&] {
            for (int i = 0; i < 1000; ++i) {
                const auto user = auth::create_user(database, "user" + std::to_string(i));
                auto k = auth::create_token(database, user);
                if (i == 500) key = std::move(k);
            }
        });
    }
    ~Service() {
        databases.reset();
        remove_files(path);
    }
};

void run_authenticate(benchmark::State& state, std::size_t cache_size) {
    Service service;
    const auth::TokenAuthentication token_auth(*service.databases, {.cache_size = cache_size});
    benchmark::DoNotOptimize(token_auth.authenticate_credentials(service.key));  // writes last_login once
    for (auto _ : state) benchmark::DoNotOptimize(token_auth.authenticate_credentials(service.key));
}

void BM_TokenAuthentication_uncached(benchmark::State& state) { run_authenticate(state, 0); }
void BM_TokenAuthentication_cached(benchmark::State& state) { run_authenticate(state, 10000); }
BENCHMARK(BM_TokenAuthentication_uncached);
BENCHMARK(BM_TokenAuthentication_cached);

// The parts: the counter read the cache pays per request, and the lookup it saves.
void BM_credentials_version(benchmark::State& state) {
    Service service;
    db::Database& database = service.databases->get();
    for (auto _ : state) benchmark::DoNotOptimize(auth::credentials_version(database));
}
void BM_user_for_token(benchmark::State& state) {
    Service service;
    db::Database& database = service.databases->get();
    for (auto _ : state) benchmark::DoNotOptimize(auth::user_for_token(database, service.key));
}
void BM_sha256_of_key(benchmark::State& state) {
    const std::string key(40, 'a');
    for (auto _ : state) benchmark::DoNotOptimize(drf::crypto::sha256_hex(key));
}
BENCHMARK(BM_credentials_version);
BENCHMARK(BM_user_for_token);
BENCHMARK(BM_sha256_of_key);

// One committed INSERT (autocommit: each its own transaction) on a SQLite file in WAL mode. Real time
// is the figure: with FULL the commit waits for fsync, which the process spends off the CPU.
void run_insert_commit(benchmark::State& state, db::sqlite::Synchronous synchronous) {
    const std::string path = temp_path("synchronous");
    remove_files(path);
    {
        auto database = db::sqlite::open(path, {.synchronous = synchronous});
        database.connection().execute("CREATE TABLE rows (id INTEGER PRIMARY KEY, body TEXT NOT NULL)");
        const std::string body(200, 'x');
        std::int64_t n = 0;
        for (auto _ : state) {
            db::StatementScope s(database.connection().prepare("INSERT INTO rows (id, body) VALUES (?, ?)"));
            s->bind_int(1, ++n);
            s->bind_text(2, body);
            s->step();
        }
    }
    remove_files(path);
}
void BM_sqlite_insert_commit_normal(benchmark::State& state) { run_insert_commit(state, db::sqlite::Synchronous::normal); }
void BM_sqlite_insert_commit_full(benchmark::State& state) { run_insert_commit(state, db::sqlite::Synchronous::full); }
BENCHMARK(BM_sqlite_insert_commit_normal)->UseRealTime();
BENCHMARK(BM_sqlite_insert_commit_full)->UseRealTime();

}  // namespace auth_bench
