// tests/benchmarks/throttling_db_bench.cpp — what one throttle check costs with the database store:
// an accepted request (lock the key's row, drop the entry that left the window, record the new one)
// and a refused one (lock and read; nothing written), with N entries in the window (rate N per hour,
// requests arriving at that pace so the history stays full). On SQLite :memory:, a SQLite file (WAL,
// synchronous=NORMAL: drf's defaults) and — when DRF_BENCH_POSTGRES_URL names a server
// (scripts/bench.sh starts one) — PostgreSQL, in a schema of its own (drf_bench_throttling).
#include <drf/db/databases.hpp>
#include <drf/db/sqlite.hpp>
#if DRF_BENCH_HAVE_POSTGRESQL
#include <drf/db/postgresql.hpp>
#endif
#include <drf/migrations/migrator.hpp>
#include <drf/throttling/database_store.hpp>
#include <drf/throttling/migrations.hpp>

#include <benchmark/benchmark.h>

#include <cstdio>
#include <cstdlib>
#include <functional>
#include <memory>
#include <string>
#include <unistd.h>
#include <utility>

namespace throttling_db_bench {

namespace db = drf::db;
namespace throttling = drf::throttling;

using Open = std::function<db::Database()>;

db::Database migrated(db::Database database) {
    drf::migrations::Migrator(database, throttling::migrations()).migrate();
    return database;
}

std::string sqlite_file() {
    static const std::string path = [] {
        std::string p = "/tmp/drf_bench_throttling_" + std::to_string(::getpid()) + ".sqlite3";
        for (const char* suffix : {"", "-wal", "-shm"}) std::remove((p + suffix).c_str());
        std::atexit([] {
            for (const char* suffix : {"", "-wal", "-shm"})
                std::remove(("/tmp/drf_bench_throttling_" + std::to_string(::getpid()) + ".sqlite3" + suffix).c_str());
        });
        return p;
    }();
    return path;
}

throttling::Rate per_hour(std::int64_t n) {
    throttling::Rate r;
    r.num_requests = n;
    r.duration = 3600;
    return r;
}

// Accepted: one request every duration/N, so each finds N-1 entries in the window and drops the one
// that just left it.
void accepted(benchmark::State& state, const Open& open) {
    db::Databases databases([&] { return migrated(open()); });
    throttling::DatabaseStore store(databases, {.sweep_every = 0});
    const auto n = state.range(0);
    const auto rate = per_hour(n);
    const std::int64_t step_us = 3600'000'000 / n;
    std::int64_t now = 1'800'000'000'000'000;
    for (std::int64_t i = 0; i < n; ++i, now += step_us) store.hit("throttle_anon_10.0.0.1", rate, drf::from_unix_micros(now));
    std::int64_t refused = 0;
    for (auto _ : state) {
        refused += !store.hit("throttle_anon_10.0.0.1", rate, drf::from_unix_micros(now)).allowed;
        now += step_us;
    }
    if (refused != 0) state.SkipWithError("a request at the rate's pace was refused");
}

// Refused: the window is full and the time stands still.
void refused(benchmark::State& state, const Open& open) {
    db::Databases databases([&] { return migrated(open()); });
    throttling::DatabaseStore store(databases, {.sweep_every = 0});
    const auto n = state.range(0);
    const auto rate = per_hour(n);
    const auto now = drf::from_unix_micros(1'800'000'000'000'000);
    for (std::int64_t i = 0; i < n; ++i) store.hit("throttle_anon_10.0.0.1", rate, now);
    std::int64_t allowed = 0;
    for (auto _ : state) allowed += store.hit("throttle_anon_10.0.0.1", rate, now).allowed;
    if (allowed != 0) state.SkipWithError("a request over the rate was accepted");
}

using Case = void (*)(benchmark::State&, const Open&);

void register_for(const std::string& backend, const Open& open) {
    const std::pair<const char*, Case> cases[] = {{"accepted", accepted}, {"refused", refused}};
    for (const auto& [name, fn] : cases)
        benchmark::RegisterBenchmark(("BM_throttle_db_" + std::string(name) + "_" + backend).c_str(),
                                     [fn = fn, open](benchmark::State& state) { fn(state, open); })
            ->Arg(10)
            ->Arg(100)
            ->Arg(1000)
            ->Unit(benchmark::kMicrosecond);
}

const bool registered = [] {
    register_for("sqlite_memory", [] { return db::sqlite::open(":memory:"); });
    register_for("sqlite_file", [] {
        const auto path = sqlite_file();
        for (const char* suffix : {"", "-wal", "-shm"}) std::remove((path + suffix).c_str());
        return db::sqlite::open(path);
    });
#if DRF_BENCH_HAVE_POSTGRESQL
    if (const char* url = std::getenv("DRF_BENCH_POSTGRES_URL"); url && *url)
        register_for("postgresql", [url = std::string(url)] {
            auto database = db::postgresql::open(url, {.search_path = "drf_bench_throttling", .application_name = "drf_benchmarks"});
            database.connection().execute(
                "DROP SCHEMA IF EXISTS drf_bench_throttling CASCADE; CREATE SCHEMA drf_bench_throttling");
            return database;
        });
#endif
    return true;
}();

}  // namespace throttling_db_bench
