// tests/pagination/page_number_test.cpp — PageNumberPagination: DRF 3.14's body, links, ?page=last and
// "Invalid page." for every page that does not exist, page sizes, and the count modes (exact, capped,
// none). Expected bodies are what DRF answered for the same rows and query. On every backend.
#include "offset_fixture.hpp"

#include <drf/db.hpp>
#include <drf/filters.hpp>
#include <drf/http.hpp>
#include <drf/pagination.hpp>
#include <drf/resources.hpp>
#include <drf/serializers.hpp>

#include <catch2/catch.hpp>

#include <memory>
#include <string>
#include <vector>

namespace page_number_test {

using namespace offset_fixture;

namespace db = drf::db;
namespace pg = drf::pagination;
using drf::Json;
using drf::http::Method;
using drf::http::Request;

using Pages = pg::PageNumberPagination<pg::PageNumberOptions{.page_size = 3, .page_size_query_param = "page_size", .max_page_size = 5}>;
using Uncounted = pg::PageNumberPagination<pg::PageNumberOptions{.page_size = 3, .count = false}>;
using CountCapped = pg::PageNumberPagination<pg::PageNumberOptions{.page_size = 3, .count_cap = 5}>;
using EndPages = pg::PageNumberPagination<pg::PageNumberOptions{.page_size = 3, .last_page_strings = {"last", "end"}}>;
using Numbered = pg::PageNumberPagination<pg::PageNumberOptions{.page_size = 2, .page_query_param = "p"}>;

const Json invalid_page = Json::parse(R"({"detail": "Invalid page."})");

// A Resource paged by page numbers, under the client's ?ordering= (DRF's OrderingFilter).
struct ItemInput : drf::serializers::model_serializer<Item, &Item::name> {};
using ItemResource = drf::resources::Resource<Item, ItemInput, ItemOutput, Pages>;

struct ItemViewSet : drf::resources::ResourceViewSet<ItemViewSet, ItemResource> {
    using ResourceViewSet::ResourceViewSet;
    static constexpr auto filter_backends =
        drf::filters::backends(drf::filters::ordering_fields(&Item::rank).ordering(drf::models::asc(&Item::rank)));
    drf::http::Response list(Request& request) { return paginate(request, filter_queryset(request, objects().all())); }
};

TEST_CASE("Page-number pages come as {count, next, previous, results} with DRF's links", "[pagination]") {
    Store store(7);
    CHECK(body<Pages>(store, "/items/") == Json::parse(R"({"count": 7, "next": "http://testserver/items/?page=2",
        "previous": null, "results": [{"name": "g0"}, {"name": "g1"}, {"name": "g2"}]})"));
    CHECK(body<Pages>(store, "/items/?page=2") == Json::parse(R"({"count": 7, "next": "http://testserver/items/?page=3",
        "previous": "http://testserver/items/", "results": [{"name": "g3"}, {"name": "g4"}, {"name": "g5"}]})"));
    CHECK(body<Pages>(store, "/items/?page=3") == Json::parse(R"({"count": 7, "next": null,
        "previous": "http://testserver/items/?page=2", "results": [{"name": "g6"}]})"));
}

TEST_CASE("A page-number page is written straight to text in DRF's key order", "[pagination]") {
    Store store(4);
    CHECK(respond<Pages>(store, "/items/?page=2").content() ==
          R"({"count":4,"next":null,"previous":"http://testserver/items/","results":[{"name":"g3"}]})");
}

TEST_CASE("?page=last is the last page, and an empty result is one empty page", "[pagination]") {
    Store store(7);
    CHECK(body<Pages>(store, "/items/?page=last") == body<Pages>(store, "/items/?page=3"));
    Store empty(0);
    const Json nothing = Json::parse(R"({"count": 0, "next": null, "previous": null, "results": []})");
    CHECK(body<Pages>(empty, "/items/") == nothing);
    CHECK(body<Pages>(empty, "/items/?page=1") == nothing);
    CHECK(body<Pages>(empty, "/items/?page=last") == nothing);
    CHECK(respond<Pages>(empty, "/items/?page=2").status_code() == 404);
}

TEST_CASE("A page that is not a number or out of range answers 404 Invalid page.", "[pagination]") {
    Store store(7);
    for (const char* page : {"4", "0", "-1", "-0", "abc", "", "1.0", "2.5", "1_0", "1__0", "99999999999999999999999",
                             "LAST", "lastx", "%20last", "end"}) {
        INFO(page);
        const auto response = respond<Pages>(store, std::string("/items/?page=") + page);
        CHECK(response.status_code() == 404);
        CHECK(*response.data() == invalid_page);
    }
}

TEST_CASE("The page number is read as Python's int() reads it, the last page parameter counting", "[pagination]") {
    Store store(7);
    const Json second = body<Pages>(store, "/items/?page=2");
    for (const char* page : {"%202%20", "%2B2", "02", "%D9%A2", "%EF%BC%92"}) {  // " 2 ", "+2", "٢", "２"
        INFO(page);
        CHECK(body<Pages>(store, std::string("/items/?page=") + page) == second);
    }
    CHECK(body<Pages>(store, "/items/?page=1&page=2") == second);
}

TEST_CASE("Page links are DRF's: the other query parameters kept, every key sorted, a space as +", "[pagination]") {
    Store store(7);
    const Json second = body<Pages>(store, "/items/?b=x+y&page=2&a=1");
    CHECK(second["next"] == "http://testserver/items/?a=1&b=x+y&page=3");
    CHECK(second["previous"] == "http://testserver/items/?a=1&b=x+y");
    CHECK(body<Numbered>(store, "/items/?p=2&page=9")["next"] == "http://testserver/items/?p=3&page=9");
}

TEST_CASE("page_size_query_param sets the page size, capped at max_page_size; junk falls back", "[pagination]") {
    Store store(7);
    const Json two = body<Pages>(store, "/items/?page_size=2&page=2");
    CHECK(two["results"] == Json::parse(R"([{"name": "g2"}, {"name": "g3"}])"));
    CHECK(two["next"] == "http://testserver/items/?page=3&page_size=2");
    CHECK(two["previous"] == "http://testserver/items/?page_size=2");
    CHECK(body<Pages>(store, "/items/?page_size=50")["results"].size() == 5);
    for (const char* bad : {"0", "-1", "abc", ""}) {
        INFO(bad);
        CHECK(body<Pages>(store, std::string("/items/?page_size=") + bad)["results"].size() == 3);
    }
    CHECK(body<Uncounted>(store, "/items/?page_size=1")["results"].size() == 3);  // not a parameter there
}

TEST_CASE("Pages follow the queryset's own filter and ordering", "[pagination]") {
    Store store(7);
    const auto query = db::objects<Item>(store.database)
                           .filter(drf::db::gt(&Item::rank, std::int64_t{1}))
                           .order_by(drf::models::desc(&Item::rank));
    const auto request = get("/items/?page=2");
    const auto page = Pages::fetch(request, query);
    CHECK(page.count == 5);
    CHECK(page.number == 2);
    REQUIRE(page.rows.size() == 2);
    CHECK(page.rows[0].name == "g3");
    CHECK(page.rows[1].name == "g2");
    CHECK(page.previous == "http://testserver/items/");
    CHECK_FALSE(page.next);
}

TEST_CASE("last_page_strings names the values that ask for the last page", "[pagination]") {
    Store store(7);
    CHECK(body<EndPages>(store, "/items/?page=end")["results"] == Json::parse(R"([{"name": "g6"}])"));
    CHECK(body<EndPages>(store, "/items/?page=last")["results"] == Json::parse(R"([{"name": "g6"}])"));
}

TEST_CASE("Without a count the body has no count, next comes from one row more, and ?page=last is 404", "[pagination]") {
    Store store(7);
    CHECK(body<Uncounted>(store, "/items/?page=2") == Json::parse(R"({"next": "http://testserver/items/?page=3",
        "previous": "http://testserver/items/", "results": [{"name": "g3"}, {"name": "g4"}, {"name": "g5"}]})"));
    CHECK(body<Uncounted>(store, "/items/?page=3") == Json::parse(R"({"next": null,
        "previous": "http://testserver/items/?page=2", "results": [{"name": "g6"}]})"));
    for (const char* page : {"4", "last", "0", "abc", "18446744073709551615", "99999999999999999999999"}) {
        INFO(page);
        const auto response = respond<Uncounted>(store, std::string("/items/?page=") + page);
        CHECK(response.status_code() == 404);
        CHECK(*response.data() == invalid_page);
    }
    Store six(6);
    CHECK(body<Uncounted>(six, "/items/?page=2")["next"].is_null());  // a full last page
    CHECK(respond<Uncounted>(six, "/items/?page=3").status_code() == 404);
    Store empty(0);
    CHECK(body<Uncounted>(empty, "/items/") == Json::parse(R"({"next": null, "previous": null, "results": []})"));
}

TEST_CASE("A capped count is exact up to the cap and left out beyond it", "[pagination]") {
    Store five(5);  // the cap: counted
    CHECK(body<CountCapped>(five, "/items/?page=2") == Json::parse(R"({"count": 5, "next": null,
        "previous": "http://testserver/items/", "results": [{"name": "g3"}, {"name": "g4"}]})"));
    CHECK(body<CountCapped>(five, "/items/?page=last")["results"].size() == 2);
    Store seven(7);  // over it: not counted, paged as without a count
    CHECK(body<CountCapped>(seven, "/items/?page=2") == Json::parse(R"({"next": "http://testserver/items/?page=3",
        "previous": "http://testserver/items/", "results": [{"name": "g3"}, {"name": "g4"}, {"name": "g5"}]})"));
    CHECK(body<CountCapped>(seven, "/items/?page=3")["next"].is_null());
    CHECK(respond<CountCapped>(seven, "/items/?page=4").status_code() == 404);
    CHECK(*respond<CountCapped>(seven, "/items/?page=last").data() == invalid_page);
}

TEST_CASE("A Resource pages by page number through ResourceViewSet::paginate, under the client's ordering",
          "[pagination]") {
    db::Databases databases([] {
        Store store(7);
        return std::move(store.database);
    });
    ItemViewSet view(databases);
    auto request = get("/items/?ordering=-rank&page=2");
    CHECK(*view.list(request).data() == Json::parse(R"({"count": 7, "next": "http://testserver/items/?ordering=-rank&page=3",
        "previous": "http://testserver/items/?ordering=-rank", "results": [{"name": "g3"}, {"name": "g2"}, {"name": "g1"}]})"));
}

}  // namespace page_number_test
