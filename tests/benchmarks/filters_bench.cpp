// tests/benchmarks/filters_bench.cpp — the cost of filter_backends on a cursor page over 1M rows in
// SQLite (:memory:): ?team=7&search=alpha&ordering=-created_at (a FilterSet, SearchFilter and
// OrderingFilter) against the unfiltered page, where an index on (team, created_at, id) serves the
// filter and the ordering; the first page and the page after a cursor.
#include <drf/db.hpp>
#include <drf/db/sqlite.hpp>
#include <drf/filters.hpp>
#include <drf/http.hpp>
#include <drf/pagination.hpp>
#include <drf/serializers.hpp>

#include <benchmark/benchmark.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

namespace filters_bench {

namespace db = drf::db;
namespace f = drf::filters;
namespace pg = drf::pagination;

struct Row : drf::models::Model<Row> {
    std::string name;
    std::int64_t team = 0;
    static constexpr auto meta =
        drf::models::meta<Row>("filter_rows", drf::models::field<&Row::name>(), drf::models::field<&Row::team>());
};
struct RowOutput {
    static constexpr auto fields = drf::serializers::model_serializer<Row, &Row::id, &Row::name, &Row::team, &Row::created_at>();
};
using Pagination = pg::CursorPagination<pg::Options{.page_size = 25}>;

// A viewset's filter_backends: ?team=, ?search= (icontains on name), ?ordering= among created_at and name.
inline constexpr auto filter_backends =
    f::backends(f::filters<Row>(f::filter<&Row::team>()), f::search_fields(&Row::name),
                f::ordering_fields(&Row::created_at, &Row::name));

constexpr int table_rows = 1'000'000;
// The search matches a third of team 7 ("alpha") or all of it ("a": "alpha …" and "beta …").
const std::string filtered_query[2] = {"team=7&search=a&ordering=-created_at", "team=7&search=alpha&ordering=-created_at"};

// 1M rows created 1 µs apart, in 100 teams (row i in team i % 100), a third named "alpha <i>" and the
// rest "beta <i>": ?team=7 keeps 10 000 of them, and &search=alpha 3 334. The index (team, created_at, id) serves
// the team filter and the ordering together; the search is checked on the rows the index yields.
struct Fixture {
    db::Database database = db::sqlite::open(":memory:");
    std::string unfiltered_cursor;  // the second page's cursor, unfiltered
    std::string filtered_cursor[2];  // the second page's cursor under filtered_query[i]

    Fixture() {
        for (const auto& s : db::create_table_sql<Row>(database.dialect())) database.connection().execute(s);
        database.connection().execute("CREATE INDEX filter_rows_team_created_at_id ON filter_rows (team, created_at, id)");
        drf::FrozenClock clock(*drf::parse_datetime("2026-01-01T00:00:00Z"));
        drf::ClockOverride use(clock);
        auto rows = db::objects<Row>(database);
        database.atomic([&] {
            for (int i = 0; i < table_rows; ++i) {
                Row r;
                r.name = (i % 3 == 0 ? "alpha " : "beta ") + std::to_string(i);
                r.team = i % 100;
                rows.create(r);
                clock.advance(boost::posix_time::microseconds(1));
            }
        });
        const drf::http::Request first(drf::http::Method::get, "/rows/");
        unfiltered_cursor = *Pagination::fetch(first, rows.all()).next;
        for (int i = 0; i < 2; ++i) {
            const drf::http::Request filtered(drf::http::Method::get, "/rows/?" + filtered_query[i]);
            filtered_cursor[i] = *Pagination::fetch(filtered, filter_backends.filter_queryset(filtered, rows.all())).next;
        }
        // DRF_BENCH_EXPLAIN=1: show that the index serves the filtered page after a cursor.
        if (std::getenv("DRF_BENCH_EXPLAIN")) {
            const drf::http::Request second(drf::http::Method::get, "/rows/?" + filtered_query[1] + "&cursor=" + filtered_cursor[1]);
            const auto q = filter_backends.filter_queryset(second, rows.all());
            std::fprintf(stderr, "%s\n", q.after(Pagination::decode(second, q)->key).limit(26).explain().c_str());
        }
    }
};

Fixture& fixture() {
    static Fixture f;
    return f;
}

// range 0: the first page; range 1: the page after the first page's cursor.
void BM_cursor_page_unfiltered(benchmark::State& state) {
    auto& f = fixture();
    const std::string target = state.range(0) == 0 ? "/rows/" : "/rows/?cursor=" + f.unfiltered_cursor;
    state.SetLabel(state.range(0) == 0 ? "first page" : "after a cursor");
    for (auto _ : state) {
        drf::http::Request request(drf::http::Method::get, target);
        auto response = Pagination::paginate<RowOutput>(request, db::objects<Row>(f.database).all());
        auto text = response.content();
        benchmark::DoNotOptimize(text);
    }
}
BENCHMARK(BM_cursor_page_unfiltered)->DenseRange(0, 1)->Unit(benchmark::kMicrosecond);

// The same page through the filter backends: parse and apply ?team=7&search=…&ordering=-created_at.
// range 1: 0, the search matches every row of the team; 1, a third of them (three times the rows read).
void BM_cursor_page_filtered_searched_ordered(benchmark::State& state) {
    auto& f = fixture();
    const auto search = static_cast<std::size_t>(state.range(1));
    const std::string target =
        "/rows/?" + filtered_query[search] + (state.range(0) == 0 ? std::string() : "&cursor=" + f.filtered_cursor[search]);
    state.SetLabel(std::string(state.range(0) == 0 ? "first page" : "after a cursor") +
                   (search == 0 ? ", search matches all" : ", search matches 1/3"));
    for (auto _ : state) {
        drf::http::Request request(drf::http::Method::get, target);
        const auto query = filter_backends.filter_queryset(request, db::objects<Row>(f.database).all());
        auto response = Pagination::paginate<RowOutput>(request, query);
        auto text = response.content();
        benchmark::DoNotOptimize(text);
    }
}
BENCHMARK(BM_cursor_page_filtered_searched_ordered)->ArgsProduct({{0, 1}, {0, 1}})->Unit(benchmark::kMicrosecond);

// What the backends alone cost a request: read ?team=7&search=a&ordering=-created_at and build the
// QuerySet (no SQL runs).
void BM_filter_backends_only(benchmark::State& state) {
    auto& f = fixture();
    const std::string target = "/rows/?" + filtered_query[0];
    for (auto _ : state) {
        drf::http::Request request(drf::http::Method::get, target);
        auto query = filter_backends.filter_queryset(request, db::objects<Row>(f.database).all());
        benchmark::DoNotOptimize(query);
    }
}
BENCHMARK(BM_filter_backends_only)->Unit(benchmark::kMicrosecond);

}  // namespace filters_bench
