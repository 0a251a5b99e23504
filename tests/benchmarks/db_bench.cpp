// tests/benchmarks/db_bench.cpp — the database layer: bulk insert in one transaction, get by id, a
// filtered count, and a page of 25 at increasing depth by keyset (after the last row's (created_at, id))
// against OFFSET, over the same 100k rows. On SQLite (:memory:), and — when DRF_BENCH_POSTGRES_URL names
// a server (scripts/bench.sh starts one) — the same benchmarks on PostgreSQL, suffixed _postgresql, in a
// schema of their own (drf_bench, dropped and created again).
#include <drf/db.hpp>
#include <drf/db/sqlite.hpp>
#if DRF_BENCH_HAVE_POSTGRESQL
#include <drf/db/postgresql.hpp>
#endif
#include <drf/models.hpp>

#include <benchmark/benchmark.h>

#include <cstdlib>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace db_bench {

namespace db = drf::db;

struct Item : drf::models::Model<Item> {
    std::string name;
    std::int64_t rank = 0;
    bool active = true;
    static constexpr auto meta = drf::models::meta<Item>("items", drf::models::field<&Item::name>(),
                                                         drf::models::field<&Item::rank>(),
                                                         drf::models::field<&Item::active>());
};

constexpr int table_rows = 100'000;

// Where a benchmark runs: a fresh, empty database with the items table.
using Open = std::function<db::Database()>;

db::Database with_table(db::Database database) {
    for (const auto& s : db::create_table_sql<Item>(database.dialect())) database.connection().execute(s);
    return database;
}

db::Database fresh_sqlite() { return with_table(db::sqlite::open(":memory:")); }

#if DRF_BENCH_HAVE_POSTGRESQL
// A fresh schema: the fixture's (drf_bench) and the bulk insert's (drf_bench_insert) never meet.
Open fresh_postgresql(std::string schema) {
    return [schema] {
        const std::string url = std::getenv("DRF_BENCH_POSTGRES_URL");
        auto database = db::postgresql::open(url, {.search_path = schema, .application_name = "drf_benchmarks"});
        database.connection().execute("DROP SCHEMA IF EXISTS \"" + schema + "\" CASCADE; CREATE SCHEMA \"" + schema + "\"");
        return with_table(std::move(database));
    };
}
#endif

// 100k items, created 1 µs apart (every 10th pair sharing a timestamp), built once per backend.
struct Fixture {
    db::Database database;
    std::vector<Item> rows;  // newest first, as the default ordering returns them
    explicit Fixture(const Open& open) : database(open()) {
        drf::FrozenClock clock(*drf::parse_datetime("2026-01-01T00:00:00Z"));
        drf::ClockOverride use(clock);
        auto items = db::objects<Item>(database);
        database.atomic([&] {
            for (int i = 0; i < table_rows; ++i) {
                Item item;
                item.name = "item " + std::to_string(i);
                item.rank = i;
                item.active = i % 3 != 0;
                items.create(item);
                if (i % 10 != 0) clock.advance(boost::posix_time::microseconds(1));
            }
        });
        // Settle the fresh table first (hint bits, visibility map, statistics), so autovacuum does not
        // run under the first benchmarks.
        if (database.dialect().name() == "postgresql") database.connection().execute("VACUUM ANALYZE items");
        rows = items.all().all();
    }
};

Fixture& fixture(const std::string& backend, const Open& open) {
    static std::map<std::string, std::unique_ptr<Fixture>> fixtures;
    auto& f = fixtures[backend];
    if (!f) f = std::make_unique<Fixture>(open);
    return *f;
}

void bulk_insert(benchmark::State& state, const std::string&, const Open& open) {
    for (auto _ : state) {
        state.PauseTiming();
        auto database = open();
        auto items = db::objects<Item>(database);
        state.ResumeTiming();
        database.atomic([&] {
            for (int i = 0; i < table_rows; ++i) {
                Item item;
                item.name = "item";
                item.rank = i;
                items.create(item);
            }
        });
    }
    state.SetItemsProcessed(state.iterations() * table_rows);
}

void get_by_id(benchmark::State& state, const std::string& backend, const Open& open) {
    auto& f = fixture(backend, open);
    auto items = db::objects<Item>(f.database);
    std::size_t i = 0;
    for (auto _ : state) {
        auto item = items.get(f.rows[(i++ * 7919) % f.rows.size()].id);
        benchmark::DoNotOptimize(item);
    }
}

void filtered_count(benchmark::State& state, const std::string& backend, const Open& open) {
    auto& f = fixture(backend, open);
    auto items = db::objects<Item>(f.database);
    for (auto _ : state) {
        auto n = items.filter(db::eq(&Item::active, true) && db::lt(&Item::rank, 50'000)).count();
        benchmark::DoNotOptimize(n);
    }
}

// A page of 25 starting at `depth`: keyset seeks past row depth-1; OFFSET skips depth rows.
void page_keyset(benchmark::State& state, const std::string& backend, const Open& open) {
    auto& f = fixture(backend, open);
    const auto depth = static_cast<std::size_t>(state.range(0));
    const auto q = db::objects<Item>(f.database).all();
    const auto key = q.key_of(f.rows[depth - 1]);
    for (auto _ : state) {
        auto page = q.after(key).limit(25).all();
        benchmark::DoNotOptimize(page);
    }
}

void page_offset(benchmark::State& state, const std::string& backend, const Open& open) {
    auto& f = fixture(backend, open);
    const auto depth = static_cast<std::size_t>(state.range(0));
    const auto q = db::objects<Item>(f.database).all();
    for (auto _ : state) {
        auto page = q.offset(depth).limit(25).all();
        benchmark::DoNotOptimize(page);
    }
}

// The same five benchmarks for a backend: BM_db_<name> on SQLite, BM_db_<name>_postgresql on PostgreSQL.
// `open` serves the fixture, `open_for_insert` the bulk insert's fresh databases.
void register_for(const std::string& backend, const Open& open, const Open& open_for_insert) {
    const std::string suffix = backend == "sqlite" ? "" : "_" + backend;
    auto add = [&](const std::string& name, void (*fn)(benchmark::State&, const std::string&, const Open&),
                   const Open& with = {}) {
        const Open chosen = with ? with : open;
        return benchmark::RegisterBenchmark(("BM_db_" + name + suffix).c_str(),
                                            [=](benchmark::State& state) { fn(state, backend, chosen); });
    };
    add("bulk_insert_100k_in_one_transaction", bulk_insert, open_for_insert)->Unit(benchmark::kMillisecond)->Iterations(3);
    add("get_by_id", get_by_id);
    add("filtered_count", filtered_count)->Unit(benchmark::kMicrosecond);
    add("page_keyset", page_keyset)->Arg(1)->Arg(10'000)->Arg(99'975)->Unit(benchmark::kMicrosecond);
    add("page_offset", page_offset)->Arg(1)->Arg(10'000)->Arg(99'975)->Unit(benchmark::kMicrosecond);
}

const bool registered = [] {
    register_for("sqlite", fresh_sqlite, fresh_sqlite);
#if DRF_BENCH_HAVE_POSTGRESQL
    if (const char* url = std::getenv("DRF_BENCH_POSTGRES_URL"); url && *url)
        register_for("postgresql", fresh_postgresql("drf_bench"), fresh_postgresql("drf_bench_insert"));
#endif
    return true;
}();

}  // namespace db_bench
