// tests/benchmarks/db_bench.cpp — the database layer on SQLite (:memory:): bulk insert in one
// transaction, get by id, a filtered count, and a page of 25 at increasing depth by keyset (after the
// last row's (created_at, id)) against OFFSET, over the same 100k rows.
#include <drf/db.hpp>
#include <drf/db/sqlite.hpp>
#include <drf/models.hpp>

#include <benchmark/benchmark.h>

#include <memory>
#include <string>
#include <vector>

namespace db_bench {

namespace db = drf::db;

struct Item : drf::models::Model<Item> {
    std::string name;
    std::int64_t rank = 0;
    bool active = true;
    static constexpr auto meta = drf::models::meta<Item>("items", drf::models::field("name", &Item::name),
                                                         drf::models::field("rank", &Item::rank),
                                                         drf::models::field("active", &Item::active));
};

constexpr int table_rows = 100'000;

db::Database fresh() {
    auto database = db::sqlite::open(":memory:");
    for (const auto& s : db::create_table_sql<Item>(database.dialect())) database.connection().execute(s);
    return database;
}

// 100k items, created 1 µs apart (every 10th pair sharing a timestamp), built once for all benchmarks.
struct Fixture {
    db::Database database = fresh();
    std::vector<Item> rows;  // newest first, as the default ordering returns them
    Fixture() {
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
        rows = items.all().all();
    }
};

Fixture& fixture() {
    static Fixture f;
    return f;
}

void BM_db_bulk_insert_100k_in_one_transaction(benchmark::State& state) {
    for (auto _ : state) {
        state.PauseTiming();
        auto database = fresh();
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
BENCHMARK(BM_db_bulk_insert_100k_in_one_transaction)->Unit(benchmark::kMillisecond)->Iterations(3);

void BM_db_get_by_id(benchmark::State& state) {
    auto& f = fixture();
    auto items = db::objects<Item>(f.database);
    std::size_t i = 0;
    for (auto _ : state) {
        auto item = items.get(f.rows[(i++ * 7919) % f.rows.size()].id);
        benchmark::DoNotOptimize(item);
    }
}
BENCHMARK(BM_db_get_by_id);

void BM_db_filtered_count(benchmark::State& state) {
    auto& f = fixture();
    auto items = db::objects<Item>(f.database);
    for (auto _ : state) {
        auto n = items.filter(db::eq(&Item::active, true) && db::lt(&Item::rank, 50'000)).count();
        benchmark::DoNotOptimize(n);
    }
}
BENCHMARK(BM_db_filtered_count)->Unit(benchmark::kMicrosecond);

// A page of 25 starting at `depth`: keyset seeks past row depth-1; OFFSET skips depth rows.
void BM_db_page_keyset(benchmark::State& state) {
    auto& f = fixture();
    const auto depth = static_cast<std::size_t>(state.range(0));
    const auto q = db::objects<Item>(f.database).all();
    const auto key = q.key_of(f.rows[depth - 1]);
    for (auto _ : state) {
        auto page = q.after(key).limit(25).all();
        benchmark::DoNotOptimize(page);
    }
}
BENCHMARK(BM_db_page_keyset)->Arg(1)->Arg(10'000)->Arg(99'975)->Unit(benchmark::kMicrosecond);

void BM_db_page_offset(benchmark::State& state) {
    auto& f = fixture();
    const auto depth = static_cast<std::size_t>(state.range(0));
    const auto q = db::objects<Item>(f.database).all();
    for (auto _ : state) {
        auto page = q.offset(depth).limit(25).all();
        benchmark::DoNotOptimize(page);
    }
}
BENCHMARK(BM_db_page_offset)->Arg(1)->Arg(10'000)->Arg(99'975)->Unit(benchmark::kMicrosecond);

}  // namespace db_bench
