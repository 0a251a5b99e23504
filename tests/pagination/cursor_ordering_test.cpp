// tests/pagination/cursor_ordering_test.cpp — cursor pagination under the client's ordering: the cursor
// keys on the queryset's own order_by (an OrderingFilter's) then id, so walking every page in either
// direction under orderings full of ties neither skips nor repeats a row; a cursor minted under one
// ordering is refused under another. On every backend (tests/support/database.hpp).
#include "../support/database.hpp"

#include <drf/db.hpp>
#include <drf/filters/ordering.hpp>
#include <drf/http.hpp>
#include <drf/pagination.hpp>

#include <catch2/catch.hpp>

#include <algorithm>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace cursor_ordering_test {

namespace db = drf::db;
namespace f = drf::filters;
namespace pg = drf::pagination;
using drf::Json;
using drf::Uuid;
using drf::http::Method;
using drf::http::Request;
using drf::models::asc;
using drf::models::desc;

struct Track : drf::models::Model<Track> {
    std::string name;
    std::int64_t rank = 0;
    bool starred = false;
    std::optional<std::string> note;
    static constexpr auto meta = drf::models::meta<Track>(
        "cursor_tracks", drf::models::field<&Track::name>(), drf::models::field<&Track::rank>(),
        drf::models::field<&Track::starred>(), drf::models::field<&Track::note>());
};

using Pages = pg::CursorPagination<pg::Options{.page_size = 4}>;
using ByRank = pg::CursorPagination<pg::Options{.page_size = 4}, asc(&Track::rank), desc(&Track::name)>;

constexpr auto sortable = f::ordering_fields(&Track::name, &Track::rank, &Track::starred, &Track::created_at);

struct Store {
    db::Database database = drf_test::open_database();
    drf::FrozenClock clock{*drf::parse_datetime("2026-01-01T00:00:00Z")};
    drf::ClockOverride use{clock};
    Store() {
        for (const auto& s : db::create_table_sql<Track>(database.dialect())) database.connection().execute(s);
    }
    // 23 rows: ranks 0..3, four names, a few timestamps, so every ordering has long runs of ties.
    void fill() {
        for (int i = 0; i < 23; ++i) {
            if (i % 7 == 0) clock.advance(boost::posix_time::seconds(1));
            Track t;
            t.name = std::string(1, static_cast<char>('a' + i % 4));
            t.rank = i % 3;
            t.starred = i % 5 == 0;
            db::objects<Track>(database).create(t);
        }
    }
    db::QuerySet<Track> all() { return db::objects<Track>(database).all(); }
};

Request get(const std::string& target) { return Request(Method::get, target, {}); }

std::vector<Uuid> ids(const std::vector<Track>& rows) {
    std::vector<Uuid> out;
    for (const auto& r : rows) out.push_back(r.id);
    return out;
}

TEST_CASE("Paging under a client's ordering with ties never skips or repeats a row, forwards and back",
          "[pagination]") {
    Store store;
    store.fill();
    for (const std::string ordering :
         {"rank", "-rank", "rank,-name", "-name,rank", "starred,-rank,name", "created_at", "-created_at,-starred"}) {
        INFO("ordering=" << ordering);
        const std::string base = "/tracks?ordering=" + ordering;
        const auto expected = ids(sortable.filter_queryset(get(base), store.all()).all());
        REQUIRE(expected.size() == 23);

        std::vector<Uuid> forwards;
        std::optional<std::string> next, last_previous;
        auto page = Pages::fetch(get(base), sortable.filter_queryset(get(base), store.all()));
        while (true) {
            for (const auto& r : page.rows) forwards.push_back(r.id);
            if (!page.next) break;
            const auto request = get(base + "&cursor=" + *page.next);
            page = Pages::fetch(request, sortable.filter_queryset(request, store.all()));
        }
        CHECK(forwards == expected);

        // From the last page back to the first, through the previous links.
        std::vector<std::vector<Uuid>> pages{ids(page.rows)};
        while (page.previous) {
            const auto request = get(base + "&cursor=" + *page.previous);
            page = Pages::fetch(request, sortable.filter_queryset(request, store.all()));
            pages.insert(pages.begin(), ids(page.rows));
        }
        std::vector<Uuid> backwards;
        for (const auto& p : pages) backwards.insert(backwards.end(), p.begin(), p.end());
        CHECK(backwards == expected);
        CHECK(std::set<Uuid>(backwards.begin(), backwards.end()).size() == 23);
    }
}

TEST_CASE("Without a client's ordering the cursor keys on the pagination's own ordering", "[pagination]") {
    Store store;
    store.fill();
    const auto page = ByRank::fetch(get("/tracks"), sortable.filter_queryset(get("/tracks"), store.all()));
    CHECK(ids(page.rows) == ids(store.all().order_by(asc(&Track::rank), desc(&Track::name)).limit(4).all()));
    REQUIRE(page.next);
    // The client's ordering wins over the pagination's.
    const auto by_name = ByRank::fetch(get("/tracks?ordering=name"), sortable.filter_queryset(get("/tracks?ordering=name"), store.all()));
    CHECK(ids(by_name.rows) == ids(store.all().order_by(asc(&Track::name)).limit(4).all()));
}

TEST_CASE("A cursor minted under one ordering is 404 Invalid cursor under another", "[pagination]") {
    Store store;
    store.fill();
    const auto first = get("/tracks?ordering=rank");
    const auto page = Pages::fetch(first, sortable.filter_queryset(first, store.all()));
    REQUIRE(page.next);
    for (const std::string other : {"-rank", "rank,name", "name", ""}) {
        INFO("ordering=" << other);
        const auto request = get("/tracks?ordering=" + other + "&cursor=" + *page.next);
        try {
            Pages::fetch(request, sortable.filter_queryset(request, store.all()));
            FAIL("no exception");
        } catch (const drf::http::NotFound& e) {
            CHECK(e.status_code() == 404);
            CHECK(e.body() == Json::parse(R"({"detail": "Invalid cursor"})"));
        }
    }
    // Under its own ordering it still reads.
    const auto same = get("/tracks?ordering=rank&cursor=" + *page.next);
    CHECK(Pages::fetch(same, sortable.filter_queryset(same, store.all())).rows.size() == 4);
}

TEST_CASE("A run-time ordering's cursor tag equals the compile-time tag of the same ordering", "[pagination]") {
    Store store;
    store.fill();
    // A cursor minted by the pagination's own rank,-name ordering reads under order_by(rank, -name).
    const auto page = ByRank::fetch(get("/tracks"), store.all());
    REQUIRE(page.next);
    const auto request = get("/tracks?cursor=" + *page.next);
    const auto by_query = Pages::fetch(request, store.all().order_by(asc(&Track::rank), desc(&Track::name)));
    CHECK(ids(by_query.rows) == ids(ByRank::fetch(request, store.all()).rows));
    // decode(request, query) reads the position as fetch() would.
    CHECK(Pages::decode(request, store.all().order_by(asc(&Track::rank), desc(&Track::name))).has_value());
    CHECK_THROWS_AS(Pages::decode(request, store.all().order_by(asc(&Track::rank))), drf::http::NotFound);
    CHECK_THROWS_AS(Pages::decode(request, store.all()), drf::http::NotFound);  // Pages' own -created_at
    CHECK(pg::detail::ordering_tag("cursor_tracks", {{"rank", false}, {"name", true}}) ==
          pg::detail::ordering_tag<Track>(std::array{pg::detail::OrderingTerm{.field = Track::meta.index_of("rank")},
                                                      pg::detail::OrderingTerm{.field = Track::meta.index_of("name"),
                                                                               .descending = true}}));
}

TEST_CASE("A signed cursor whose values do not fit the run-time ordering's columns is 404 Invalid cursor",
          "[pagination]") {
    Store store;
    store.fill();
    const std::vector<db::Ordering> by_rank{{"rank", false}};
    const auto tag = pg::detail::ordering_tag("cursor_tracks", by_rank);
    const auto secret = pg::CursorSecrets::instance().get()->front();
    const std::vector<std::vector<db::Value>> wrong_keys{
        {std::string("a"), Uuid{}},           // text where rank is an integer
        {std::int64_t{1}},                    // the id missing
        {std::int64_t{1}, Uuid{}, Uuid{}},    // one value too many
        {std::int64_t{1}, std::int64_t{2}}};  // an integer where the id is a UUID
    for (const auto& key : wrong_keys) {
        const auto cursor = pg::detail::encode_cursor({pg::detail::Direction::next, tag, key}, secret);
        const auto request = get("/tracks?ordering=rank&cursor=" + cursor);
        CHECK_THROWS_MATCHES(Pages::fetch(request, sortable.filter_queryset(request, store.all())), drf::http::NotFound,
                             Catch::Matchers::Message("Invalid cursor"));
    }
    const auto good = pg::detail::encode_cursor({pg::detail::Direction::next, tag, {std::int64_t{1}, Uuid{}}}, secret);
    const auto request = get("/tracks?ordering=rank&cursor=" + good);
    CHECK_NOTHROW(Pages::fetch(request, sortable.filter_queryset(request, store.all())));
}

TEST_CASE("Cursor pagination by a nullable field chosen at run time is a clear error", "[pagination]") {
    Store store;
    CHECK_THROWS_MATCHES(Pages::fetch(get("/tracks"), store.all().order_by(asc(&Track::note))), std::logic_error,
                         Catch::Matchers::Message("drf::pagination::CursorPagination: cannot order pages by 'note': "
                                                  "the field is nullable, and NULLs have no place in a keyset"));
}

}  // namespace cursor_ordering_test
