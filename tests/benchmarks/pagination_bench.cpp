// tests/benchmarks/pagination_bench.cpp — cursor pagination over 1M rows in SQLite (:memory:): a page
// of 25 at depth 1, 10k, 100k and 1M by cursor against OFFSET, and the cost of encoding and decoding
// a cursor (payload, HMAC-SHA-256, base64).
#include <drf/db.hpp>
#include <drf/db/sqlite.hpp>
#include <drf/http.hpp>
#include <drf/pagination.hpp>
#include <drf/serializers.hpp>

#include <benchmark/benchmark.h>

#include <array>
#include <string>
#include <vector>

namespace pagination_bench {

namespace db = drf::db;
namespace pg = drf::pagination;

struct Row : drf::models::Model<Row> {
    std::string name;
    static constexpr auto meta = drf::models::meta<Row>("rows", drf::models::field<&Row::name>());
};
struct RowOutput {
    static constexpr auto fields = drf::serializers::model_serializer<Row, &Row::id, &Row::name, &Row::created_at>();
};
using Pagination = pg::CursorPagination<pg::Options{.page_size = 25}>;

constexpr int table_rows = 1'000'000;

// 1M rows, created 1 µs apart with every tenth pair sharing a timestamp; and the cursor that starts a
// page at each benchmarked depth.
struct Fixture {
    db::Database database = db::sqlite::open(":memory:");
    std::vector<std::string> cursor_at;  // cursor_at[i]: the page starting at depths[i]
    static constexpr std::size_t depths[] = {1, 10'000, 100'000, 999'975};

    Fixture() {
        for (const auto& s : db::create_table_sql<Row>(database.dialect())) database.connection().execute(s);
        drf::FrozenClock clock(*drf::parse_datetime("2026-01-01T00:00:00Z"));
        drf::ClockOverride use(clock);
        auto rows = db::objects<Row>(database);
        database.atomic([&] {
            for (int i = 0; i < table_rows; ++i) {
                Row r;
                r.name = "row";
                rows.create(r);
                if (i % 10 != 0) clock.advance(boost::posix_time::microseconds(1));
            }
        });
        const auto q = rows.all();
        for (std::size_t depth : depths) {
            // The row just before the page: its key, signed as a "next" cursor.
            const auto before = q.offset(depth - 1).limit(1).all().front();
            cursor_at.push_back(pg::detail::encode_cursor(
                {pg::detail::Direction::next, pg::detail::ordering_tag<Row>(std::array{pg::detail::OrderingTerm{.field = 1, .descending = true}}) /* -created_at */, q.key_of(before)},
                pg::CursorSecrets::instance().get()->front()));
        }
    }
};

Fixture& fixture() {
    static Fixture f;
    return f;
}

void BM_page_cursor(benchmark::State& state) {
    auto& f = fixture();
    const auto index = static_cast<std::size_t>(state.range(0));
    const std::string target = "/rows/?cursor=" + f.cursor_at[index];
    state.SetLabel("depth " + std::to_string(Fixture::depths[index]));
    for (auto _ : state) {
        drf::http::Request request(drf::http::Method::get, target);
        auto response = Pagination::paginate<RowOutput>(request, db::objects<Row>(f.database).all());
        auto text = response.content();
        benchmark::DoNotOptimize(text);
    }
}
BENCHMARK(BM_page_cursor)->DenseRange(0, 3)->Unit(benchmark::kMicrosecond);

// The same page by OFFSET, rendered the same way: what DRF's PageNumberPagination does.
void BM_page_offset(benchmark::State& state) {
    auto& f = fixture();
    const auto index = static_cast<std::size_t>(state.range(0));
    const auto depth = Fixture::depths[index];
    state.SetLabel("depth " + std::to_string(depth));
    for (auto _ : state) {
        auto rows = db::objects<Row>(f.database).all().offset(depth).limit(25).all();
        std::string text;
        drf::serializers::render_many_to<RowOutput>(text, rows);  // as paginate renders its page
        benchmark::DoNotOptimize(text);
    }
}
BENCHMARK(BM_page_offset)->DenseRange(0, 3)->Unit(benchmark::kMicrosecond);

void BM_cursor_encode_decode(benchmark::State& state) {
    const auto secrets = *pg::CursorSecrets::instance().get();
    const pg::detail::Position position{pg::detail::Direction::next, 12345,
                                        {drf::now(), drf::uuid4()}};
    for (auto _ : state) {
        auto text = pg::detail::encode_cursor(position, secrets.front());
        auto back = pg::detail::decode_cursor(text, secrets);
        benchmark::DoNotOptimize(back);
    }
}
BENCHMARK(BM_cursor_encode_decode);

}  // namespace pagination_bench
