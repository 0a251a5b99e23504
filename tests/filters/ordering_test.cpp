// tests/filters/ordering_test.cpp — OrderingFilter: the client's ?ordering= terms among the allowed
// fields, DRF's dropping of unknown terms, the default ordering, the parameter's name, and the
// queryset's run-time order_by it relies on. On every backend (tests/support/database.hpp).
#include "../support/database.hpp"

#include <drf/db.hpp>
#include <drf/filters/ordering.hpp>
#include <drf/http.hpp>

#include <catch2/catch.hpp>

#include <string>
#include <vector>

namespace ordering_test {

namespace db = drf::db;
namespace f = drf::filters;
using drf::http::Method;
using drf::http::Request;
using drf::models::asc;
using drf::models::desc;

struct Song : drf::models::Model<Song> {
    std::string title;
    std::string artist;
    std::int64_t plays = 0;
    std::string secret;
    static constexpr auto meta = drf::models::meta<Song>(
        "filter_songs", drf::models::field<&Song::title>("name"),  // the meta names the column "name"
        drf::models::field<&Song::artist>(), drf::models::field<&Song::plays>(), drf::models::field<&Song::secret>());
};

struct Store {
    db::Database database = drf_test::open_database();
    Store() {
        for (const auto& s : db::create_table_sql<Song>(database.dialect())) database.connection().execute(s);
        add("b", "x", 3);
        add("a", "y", 3);
        add("c", "x", 1);
        add("d", "z", 2);
    }
    void add(std::string title, std::string artist, std::int64_t plays) {
        Song s;
        s.title = std::move(title);
        s.artist = std::move(artist);
        s.plays = plays;
        s.secret = "s";
        db::objects<Song>(database).create(s);
    }
    db::QuerySet<Song> all() { return db::objects<Song>(database).all(); }
};

Request get(const std::string& target) { return Request(Method::get, target, {}); }

std::string titles(const std::vector<Song>& songs) {
    std::string out;
    for (const auto& s : songs) out += s.title;
    return out;
}

constexpr auto by_fields = f::ordering_fields(&Song::title, &Song::artist, &Song::plays);

TEST_CASE("?ordering=-plays,name orders by the client's terms, then by id", "[filters]") {
    Store store;
    const auto query = by_fields.filter_queryset(get("/songs?ordering=-plays,name"), store.all());
    CHECK(titles(query.all()) == "abdc");
    REQUIRE(query.explicit_ordering().size() == 2);
    CHECK(query.explicit_ordering()[0].column == "plays");
    CHECK(query.explicit_ordering()[0].descending);
    CHECK(query.sql().find("ORDER BY \"plays\" DESC, \"name\" ASC, \"id\" ASC") != std::string::npos);
}

TEST_CASE("Ordering terms are the meta's field names, as DRF's are the model's field names", "[filters]") {
    Store store;
    CHECK(by_fields.fields() == std::array<std::string_view, 3>{"name", "artist", "plays"});
    CHECK(titles(by_fields.filter_queryset(get("/songs?ordering=-name"), store.all()).all()) == "dcba");
    // The member's own name is not the field's: DRF drops it like any unknown term.
    CHECK(by_fields.filter_queryset(get("/songs?ordering=title"), store.all()).explicit_ordering().empty());
}

TEST_CASE("Unknown, unlisted and malformed ordering terms are dropped as DRF drops them", "[filters]") {
    Store store;
    const auto terms = by_fields.get_ordering(get("/songs?ordering=secret,--plays,,-,id,%2Bartist,-artist,nam"));
    REQUIRE(terms.size() == 1);
    CHECK(terms[0].column == "artist");
    CHECK(terms[0].descending);
}

TEST_CASE("Whitespace around an ordering term is ignored, as Python's strip() ignores it", "[filters]") {
    // %C2%A0 is U+00A0 (no-break space), whitespace to Python's str.strip().
    const auto terms = by_fields.get_ordering(get("/songs?ordering=%20-plays%09,%C2%A0artist%20"));
    REQUIRE(terms.size() == 2);
    CHECK(terms[0].column == "plays");
    CHECK(terms[0].descending);
    CHECK(terms[1].column == "artist");
    CHECK_FALSE(terms[1].descending);
    // Inside a term it is part of the name, so "- plays" names no field.
    CHECK(by_fields.get_ordering(get("/songs?ordering=-%20plays")).empty());
}

TEST_CASE("A field named twice in ?ordering= counts once, at its first place", "[filters]") {
    const auto terms = by_fields.get_ordering(get("/songs?ordering=name,-plays,-name"));
    REQUIRE(terms.size() == 2);
    CHECK(terms[0].column == "name");
    CHECK_FALSE(terms[0].descending);
    CHECK(terms[1].column == "plays");
}

TEST_CASE("With no valid ordering term the filter's default ordering applies", "[filters]") {
    Store store;
    constexpr auto with_default = by_fields.ordering(desc(&Song::artist), asc(&Song::title));
    for (const char* target : {"/songs", "/songs?ordering=", "/songs?ordering=secret", "/songs?ordering=,"}) {
        INFO(target);
        CHECK(titles(with_default.filter_queryset(get(target), store.all()).all()) == "dabc");
    }
    // A valid term replaces the default entirely.
    CHECK(titles(with_default.filter_queryset(get("/songs?ordering=plays,-name"), store.all()).all()) == "cdba");
}

TEST_CASE("With no valid ordering term and no default the queryset keeps its own order", "[filters]") {
    Store store;
    const auto query = by_fields.filter_queryset(get("/songs?ordering=secret"), store.all().order_by(asc(&Song::plays)));
    REQUIRE(query.explicit_ordering().size() == 1);
    CHECK(query.explicit_ordering()[0].column == "plays");
    CHECK(by_fields.filter_queryset(get("/songs"), store.all()).explicit_ordering().empty());
}

TEST_CASE("The ordering parameter is renamed with param(), as DRF's ordering_param", "[filters]") {
    Store store;
    constexpr auto sorted = by_fields.param("sort");
    STATIC_REQUIRE(sorted.param() == "sort");
    STATIC_REQUIRE(by_fields.param() == "ordering");
    CHECK(titles(sorted.filter_queryset(get("/songs?sort=-name"), store.all()).all()) == "dcba");
    CHECK(sorted.filter_queryset(get("/songs?ordering=-name"), store.all()).explicit_ordering().empty());
}

TEST_CASE("The last ?ordering= value counts when a client sends several, as Django's query_params.get", "[filters]") {
    const auto terms = by_fields.get_ordering(get("/songs?ordering=plays&ordering=-artist"));
    REQUIRE(terms.size() == 1);
    CHECK(terms[0].column == "artist");
}

TEST_CASE("An ordering value longer than the bound is read up to the bound only", "[filters]") {
    std::string target = "/songs?ordering=";
    while (target.size() < decltype(by_fields)::max_param_length + 20)
        target += "plays,";
    target += "-artist";  // past the bound: not read
    const auto terms = by_fields.get_ordering(get(target));
    REQUIRE(terms.size() == 1);
    CHECK(terms[0].column == "plays");
}

TEST_CASE("order_by with terms chosen at run time checks each column and drops repeats", "[filters]") {
    Store store;
    const auto query = store.all().order_by(std::vector<db::Ordering>{{"plays", true}, {"name", false}, {"plays", false}});
    REQUIRE(query.explicit_ordering().size() == 2);
    CHECK(titles(query.all()) == "abdc");
    CHECK_THROWS_MATCHES(store.all().order_by(std::vector<db::Ordering>{{"title", false}}), db::FieldError,
                         Catch::Matchers::Message("drf::db::QuerySet::order_by: 'title' is not a field of filter_songs's meta"));
    CHECK(store.all().explicit_ordering().empty());
}

}  // namespace ordering_test
