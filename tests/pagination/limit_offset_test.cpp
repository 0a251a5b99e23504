// tests/pagination/limit_offset_test.cpp — LimitOffsetPagination: DRF 3.14's body and links, its
// fall-backs for a bad limit or offset, an offset past the end, no pagination without a default limit,
// and the count modes (exact, capped, none). Expected bodies are what DRF answered for the same rows
// and query. On every backend.
#include "offset_fixture.hpp"

#include <drf/db.hpp>
#include <drf/http.hpp>
#include <drf/pagination.hpp>
#include <drf/serializers.hpp>

#include <catch2/catch.hpp>

#include <memory>
#include <string>
#include <vector>

namespace limit_offset_test {

using namespace offset_fixture;

namespace db = drf::db;
namespace pg = drf::pagination;
using drf::Json;
using drf::http::Method;
using drf::http::Request;

using Slices = pg::LimitOffsetPagination<pg::LimitOffsetOptions{.default_limit = 3, .max_limit = 5}>;
using Unpaginated = pg::LimitOffsetPagination<pg::LimitOffsetOptions{.default_limit = 0}>;
using Uncounted = pg::LimitOffsetPagination<pg::LimitOffsetOptions{.default_limit = 3, .count = false}>;
using CountCapped = pg::LimitOffsetPagination<pg::LimitOffsetOptions{.default_limit = 3, .count_cap = 5}>;
using FixedLimit = pg::LimitOffsetPagination<pg::LimitOffsetOptions{.default_limit = 3, .limit_query_param = "", .offset_query_param = "start"}>;

std::vector<std::string> names(const Json& body) {
    std::vector<std::string> out;
    for (const auto& r : body["results"]) out.push_back(r["name"]);
    return out;
}

TEST_CASE("Limit/offset pages come as {count, next, previous, results} with DRF's links", "[pagination]") {
    Store store(7);
    CHECK(body<Slices>(store, "/items/") == Json::parse(R"({"count": 7, "next": "http://testserver/items/?limit=3&offset=3",
        "previous": null, "results": [{"name": "g0"}, {"name": "g1"}, {"name": "g2"}]})"));
    CHECK(body<Slices>(store, "/items/?offset=3") == Json::parse(R"({"count": 7,
        "next": "http://testserver/items/?limit=3&offset=6", "previous": "http://testserver/items/?limit=3",
        "results": [{"name": "g3"}, {"name": "g4"}, {"name": "g5"}]})"));
    CHECK(body<Slices>(store, "/items/?offset=6") == Json::parse(R"({"count": 7, "next": null,
        "previous": "http://testserver/items/?limit=3&offset=3", "results": [{"name": "g6"}]})"));
    CHECK(respond<Slices>(store, "/items/?offset=6").content() ==
          R"({"count":7,"next":null,"previous":"http://testserver/items/?limit=3&offset=3","results":[{"name":"g6"}]})");
}

TEST_CASE("The previous link drops the offset when offset - limit would be 0 or less", "[pagination]") {
    Store store(7);
    const Json page = body<Slices>(store, "/items/?offset=2");
    CHECK(names(page) == std::vector<std::string>{"g2", "g3", "g4"});
    CHECK(page["previous"] == "http://testserver/items/?limit=3");
    CHECK(page["next"] == "http://testserver/items/?limit=3&offset=5");
    CHECK(body<Slices>(store, "/items/?limit=2&offset=1")["previous"] == "http://testserver/items/?limit=2");
    CHECK(body<Slices>(store, "/items/?offset=4")["previous"] == "http://testserver/items/?limit=3&offset=1");
}

TEST_CASE("An offset past the end is an empty page whose previous link steps back by the limit", "[pagination]") {
    Store store(7);
    CHECK(body<Slices>(store, "/items/?offset=7") == Json::parse(R"({"count": 7, "next": null,
        "previous": "http://testserver/items/?limit=3&offset=4", "results": []})"));
    CHECK(body<Slices>(store, "/items/?offset=100")["previous"] == "http://testserver/items/?limit=3&offset=97");
    Store empty(0);
    CHECK(body<Slices>(empty, "/items/") == Json::parse(R"({"count": 0, "next": null, "previous": null, "results": []})"));
    CHECK(body<Slices>(empty, "/items/?offset=5")["previous"] == "http://testserver/items/?limit=3&offset=2");
}

TEST_CASE("An offset beyond 64 bits is read as 2^63 - 1: an empty page, never an overflow", "[pagination]") {
    Store store(7);
    for (const char* offset : {"9223372036854775807", "18446744073709551616", "99999999999999999999999"}) {
        INFO(offset);
        const Json counted = body<Slices>(store, std::string("/items/?offset=") + offset);
        CHECK(counted["results"].empty());
        CHECK(counted["next"].is_null());
        CHECK(counted["previous"] == "http://testserver/items/?limit=3&offset=9223372036854775804");
        CHECK(body<Uncounted>(store, std::string("/items/?offset=") + offset)["results"].empty());
    }
}

TEST_CASE("A bad offset reads as 0 and a bad limit as the default; a limit over max_limit is capped", "[pagination]") {
    Store store(7);
    const Json first = body<Slices>(store, "/items/");
    for (const char* offset : {"-1", "abc", "", "1.5", "-0", "0"}) {
        INFO(offset);
        CHECK(body<Slices>(store, std::string("/items/?offset=") + offset) == first);
    }
    for (const char* limit : {"0", "-2", "x", ""}) {
        INFO(limit);
        CHECK(body<Slices>(store, std::string("/items/?limit=") + limit) == first);
    }
    const Json capped = body<Slices>(store, "/items/?limit=9");
    CHECK(capped["results"].size() == 5);
    CHECK(capped["next"] == "http://testserver/items/?limit=5&offset=5");
    CHECK(body<Slices>(store, "/items/?limit=x&offset=4")["previous"] == "http://testserver/items/?limit=3&offset=1");
    CHECK(body<Slices>(store, "/items/?offset=%202%20")["previous"] == "http://testserver/items/?limit=3");  // int(" 2 ")
}

TEST_CASE("Limit/offset links are DRF's: the other query parameters kept, every key sorted", "[pagination]") {
    Store store(7);
    const Json page = body<Slices>(store, "/items/?offset=3&limit=3&z=1");
    CHECK(page["next"] == "http://testserver/items/?limit=3&offset=6&z=1");
    CHECK(page["previous"] == "http://testserver/items/?limit=3&z=1");
    // Without limit_query_param clients cannot choose the limit, and links carry only the offset.
    const Json fixed = body<FixedLimit>(store, "/items/?start=3&limit=1");
    CHECK(names(fixed) == std::vector<std::string>{"g3", "g4", "g5"});
    CHECK(fixed["next"] == "http://testserver/items/?limit=1&start=6");
    CHECK(fixed["previous"] == "http://testserver/items/?limit=1");
}

TEST_CASE("Without a default limit the response is the bare list unless ?limit= is given, as DRF", "[pagination]") {
    Store store(4);
    const Json all = Json::parse(R"([{"name": "g0"}, {"name": "g1"}, {"name": "g2"}, {"name": "g3"}])");
    CHECK(body<Unpaginated>(store, "/items/") == all);
    CHECK(body<Unpaginated>(store, "/items/?offset=2") == all);
    CHECK(body<Unpaginated>(store, "/items/?limit=0") == all);
    CHECK(body<Unpaginated>(store, "/items/?limit=2") == Json::parse(R"({"count": 4,
        "next": "http://testserver/items/?limit=2&offset=2", "previous": null, "results": [{"name": "g0"}, {"name": "g1"}]})"));
    const auto request = get("/items/");
    CHECK_FALSE(Unpaginated::fetch(request, store.ranked()).paginated);
}

TEST_CASE("Without a count the limit/offset body has no count and next comes from one row more", "[pagination]") {
    Store store(7);
    CHECK(body<Uncounted>(store, "/items/?offset=3") == Json::parse(R"({"next": "http://testserver/items/?limit=3&offset=6",
        "previous": "http://testserver/items/?limit=3", "results": [{"name": "g3"}, {"name": "g4"}, {"name": "g5"}]})"));
    CHECK(body<Uncounted>(store, "/items/?offset=4")["next"].is_null());  // exactly the last three
    CHECK(body<Uncounted>(store, "/items/?offset=9") == Json::parse(R"({"next": null,
        "previous": "http://testserver/items/?limit=3&offset=6", "results": []})"));
}

TEST_CASE("A capped limit/offset count is exact up to the cap and left out beyond it", "[pagination]") {
    Store five(5);
    const auto request = get("/items/?offset=3");
    const auto counted = CountCapped::fetch(request, five.ranked());
    CHECK(counted.count == 5);
    CHECK(counted.offset == 3);
    CHECK(counted.limit == 3);
    CHECK(counted.rows.size() == 2);
    CHECK_FALSE(counted.next);
    CHECK(counted.previous == "http://testserver/items/?limit=3");
    Store six(6);
    const auto over = CountCapped::fetch(request, six.ranked());
    CHECK_FALSE(over.count);
    CHECK(over.rows.size() == 3);
    CHECK_FALSE(over.next);
    CHECK(body<CountCapped>(six, "/items/?offset=2") == Json::parse(R"({"next": "http://testserver/items/?limit=3&offset=5",
        "previous": "http://testserver/items/?limit=3", "results": [{"name": "g2"}, {"name": "g3"}, {"name": "g4"}]})"));
}

}  // namespace limit_offset_test
