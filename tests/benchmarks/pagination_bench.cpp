// tests/benchmarks/pagination_bench.cpp — pagination over 1M rows in SQLite (:memory:): a page of 25
// at depth 1, 10k, 100k and 1M by cursor against OFFSET; page-number pages 1 and 10 000 counted
// exactly, with a count cap and without a count, beside the cursor page at the same depth; the counts
// alone; and the cost of encoding and decoding a cursor (payload, HMAC-SHA-256, base64).
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
    std::string cursor_at_page_10000;    // the page a page number of 10 000 (of 25) starts: depth 249 975

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
        for (std::size_t depth : depths) cursor_at.push_back(cursor_before(depth));
        cursor_at_page_10000 = cursor_before(9'999 * 25);
    }

    // The cursor of the page after the first `depth` rows: the key of the row just before it, signed
    // as a "next" cursor.
    std::string cursor_before(std::size_t depth) {
        const auto q = db::objects<Row>(database).all();
        const auto before = q.offset(depth - 1).limit(1).all().front();
        return pg::detail::encode_cursor(
            {pg::detail::Direction::next, pg::detail::ordering_tag<Row>(std::array{pg::detail::OrderingTerm{.field = 1, .descending = true}}) /* -created_at */, q.key_of(before)},
            pg::CursorSecrets::instance().get()->front());
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

using PageNumbers = pg::PageNumberPagination<pg::PageNumberOptions{.page_size = 25}>;
using PageNumbersCapped = pg::PageNumberPagination<pg::PageNumberOptions{.page_size = 25, .count_cap = 10'000}>;
using PageNumbersUncounted = pg::PageNumberPagination<pg::PageNumberOptions{.page_size = 25, .count = false}>;

// paginate ?page=1 (range 0) or ?page=10000 (range 1): count, OFFSET query, render, links.
template <class P>
void page_number(benchmark::State& state) {
    auto& f = fixture();
    const std::string target = state.range(0) == 0 ? "/rows/" : "/rows/?page=10000";
    state.SetLabel(state.range(0) == 0 ? "page 1" : "page 10000");
    for (auto _ : state) {
        drf::http::Request request(drf::http::Method::get, target);
        auto response = P::template paginate<RowOutput>(request, db::objects<Row>(f.database).all());
        auto text = response.content();
        benchmark::DoNotOptimize(text);
    }
}
void BM_page_number_count_exact(benchmark::State& state) { page_number<PageNumbers>(state); }
void BM_page_number_count_cap_10000(benchmark::State& state) { page_number<PageNumbersCapped>(state); }
void BM_page_number_no_count(benchmark::State& state) { page_number<PageNumbersUncounted>(state); }
BENCHMARK(BM_page_number_count_exact)->DenseRange(0, 1)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_page_number_count_cap_10000)->DenseRange(0, 1)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_page_number_no_count)->DenseRange(0, 1)->Unit(benchmark::kMicrosecond);

// The cursor page holding the same rows as ?page=10000.
void BM_page_cursor_at_page_10000(benchmark::State& state) {
    auto& f = fixture();
    const std::string target = "/rows/?cursor=" + f.cursor_at_page_10000;
    for (auto _ : state) {
        drf::http::Request request(drf::http::Method::get, target);
        auto response = Pagination::paginate<RowOutput>(request, db::objects<Row>(f.database).all());
        auto text = response.content();
        benchmark::DoNotOptimize(text);
    }
}
BENCHMARK(BM_page_cursor_at_page_10000)->Unit(benchmark::kMicrosecond);

// The counts alone: DRF's COUNT(*) against the count capped at 10 000 rows (pg::detail::count_rows).
void BM_count_exact(benchmark::State& state) {
    auto& f = fixture();
    for (auto _ : state) benchmark::DoNotOptimize(pg::detail::count_rows(db::objects<Row>(f.database).all(), true, 0));
}
void BM_count_cap_10000(benchmark::State& state) {
    auto& f = fixture();
    for (auto _ : state) benchmark::DoNotOptimize(pg::detail::count_rows(db::objects<Row>(f.database).all(), true, 10'000));
}
// The cap as COUNT(*) over a LIMIT 10 001 subquery, which reads every column of every row it counts:
// what count_rows does instead (OFFSET 10 000 LIMIT 1, then COUNT only if nothing follows) is compared with it.
void BM_count_cap_10000_as_limit_subquery(benchmark::State& state) {
    auto& f = fixture();
    for (auto _ : state) benchmark::DoNotOptimize(db::objects<Row>(f.database).all().limit(10'001).count());
}
BENCHMARK(BM_count_exact)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_count_cap_10000)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_count_cap_10000_as_limit_subquery)->Unit(benchmark::kMicrosecond);

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
