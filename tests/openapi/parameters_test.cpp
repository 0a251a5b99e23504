// tests/openapi/parameters_test.cpp — what the paginators and filter backends say about themselves for
// the OpenAPI document: DRF's query parameters (get_schema_operation_parameters) and page envelopes
// (get_paginated_response_schema). Expected objects are drf-spectacular's for the same Django
// declarations, with OpenAPI 3.1's `"type": [..., "null"]` where DRF writes `"nullable": true`.
#include <drf/core/json.hpp>
#include <drf/filters.hpp>
#include <drf/models.hpp>
#include <drf/openapi/concepts.hpp>
#include <drf/pagination.hpp>

#include <catch2/catch.hpp>

#include <cstdint>
#include <optional>
#include <string>

namespace openapi_parameters_test {

namespace db = drf::db;
namespace f = drf::filters;
namespace pg = drf::pagination;
using drf::Json;
using namespace drf::filters::lookups;

struct Item : drf::models::Model<Item> {
    std::string name;
    std::optional<std::string> nick;
    bool flag = false;
    std::optional<bool> opt_flag;
    std::int64_t rank = 0;
    double score = 0;
    drf::Uuid uid;
    drf::DateTime at;
    std::optional<drf::DateTime> opt_at;
    static constexpr auto meta = drf::models::meta<Item>(
        "openapi_parameters_items", drf::models::field<&Item::name>(), drf::models::field<&Item::nick>(),
        drf::models::field<&Item::flag>(), drf::models::field<&Item::opt_flag>(), drf::models::field<&Item::rank>(),
        drf::models::field<&Item::score>(), drf::models::field<&Item::uid>(), drf::models::field<&Item::at>(),
        drf::models::field<&Item::opt_at>());
};

inline db::QuerySet<Item> owned_by(db::QuerySet<Item> query, drf::Uuid) { return query; }
inline db::QuerySet<Item> popular(db::QuerySet<Item> query, bool) { return query; }

// Every lookup, on every kind of field it applies to, and a method filter.
inline constexpr auto item_filters = f::filters<Item>(
    f::filter<&Item::name>({exact, iexact, contains, icontains, startswith, istartswith, endswith, iendswith, gt, gte,
                            lt, lte, in, range}),
    f::filter<&Item::nick>({exact, isnull, in}),
    f::filter<&Item::flag>(),
    f::filter<&Item::opt_flag>({exact, isnull}),
    f::filter<&Item::rank>({exact, gt, gte, lt, lte, in, range}),
    f::filter<&Item::score>({exact, gte, in, range}),
    f::filter<&Item::uid>({exact, in}),
    f::filter<&Item::at>({exact, gte, lte, gt, lt, in, range}),
    f::filter<&Item::opt_at>({isnull}),
    f::method<&owned_by>("owner"));

const Json item = Json::parse(R"({"$ref": "#/components/schemas/Item"})");

// ---- paginators --------------------------------------------------------------------------------

TEST_CASE("PageNumberPagination documents the page parameter with DRF's description", "[openapi]") {
    CHECK(pg::PageNumberPagination<>::get_schema_operation_parameters() == Json::parse(R"([
        {"name": "page", "required": false, "in": "query",
         "description": "A page number within the paginated result set.", "schema": {"type": "integer"}}])"));
    using Renamed = pg::PageNumberPagination<pg::PageNumberOptions{.page_query_param = "p"}>;
    CHECK(Renamed::get_schema_operation_parameters()[0]["name"] == "p");
}

TEST_CASE("PageNumberPagination documents the page size parameter only when clients may choose the page size", "[openapi]") {
    using Sized = pg::PageNumberPagination<pg::PageNumberOptions{.page_size_query_param = "page_size", .max_page_size = 50}>;
    CHECK(Sized::get_schema_operation_parameters() == Json::parse(R"([
        {"name": "page", "required": false, "in": "query",
         "description": "A page number within the paginated result set.", "schema": {"type": "integer"}},
        {"name": "page_size", "required": false, "in": "query",
         "description": "Number of results to return per page.", "schema": {"type": "integer"}}])"));
}

TEST_CASE("A page-number page is documented as DRF's count, next, previous and results", "[openapi]") {
    CHECK(pg::PageNumberPagination<>::get_paginated_response_schema(item) == Json::parse(R"({
        "type": "object",
        "properties": {
            "count": {"type": "integer", "example": 123},
            "next": {"type": ["string", "null"], "format": "uri", "example": "http://api.example.org/accounts/?page=4"},
            "previous": {"type": ["string", "null"], "format": "uri", "example": "http://api.example.org/accounts/?page=2"},
            "results": {"type": "array", "items": {"$ref": "#/components/schemas/Item"}}}})"));
}

TEST_CASE("A page-number page's example links use the page parameter's name", "[openapi]") {
    using Renamed = pg::PageNumberPagination<pg::PageNumberOptions{.page_query_param = "p"}>;
    const Json schema = Renamed::get_paginated_response_schema(item);
    CHECK(schema["properties"]["next"]["example"] == "http://api.example.org/accounts/?p=4");
    CHECK(schema["properties"]["previous"]["example"] == "http://api.example.org/accounts/?p=2");
}

TEST_CASE("A page-number page without counting has no count in its schema", "[openapi]") {
    using Uncounted = pg::PageNumberPagination<pg::PageNumberOptions{.count = false}>;
    CHECK(Uncounted::get_paginated_response_schema(item) == Json::parse(R"({
        "type": "object",
        "properties": {
            "next": {"type": ["string", "null"], "format": "uri", "example": "http://api.example.org/accounts/?page=4"},
            "previous": {"type": ["string", "null"], "format": "uri", "example": "http://api.example.org/accounts/?page=2"},
            "results": {"type": "array", "items": {"$ref": "#/components/schemas/Item"}}}})"));
    // A capped count is sometimes left out: the schema keeps count, which no key is required to be.
    using Capped = pg::PageNumberPagination<pg::PageNumberOptions{.count_cap = 1000}>;
    CHECK(Capped::get_paginated_response_schema(item)["properties"].contains("count"));
    CHECK_FALSE(Capped::get_paginated_response_schema(item).contains("required"));
}

TEST_CASE("LimitOffsetPagination documents limit and offset with DRF's descriptions", "[openapi]") {
    CHECK(pg::LimitOffsetPagination<>::get_schema_operation_parameters() == Json::parse(R"([
        {"name": "limit", "required": false, "in": "query",
         "description": "Number of results to return per page.", "schema": {"type": "integer"}},
        {"name": "offset", "required": false, "in": "query",
         "description": "The initial index from which to return the results.", "schema": {"type": "integer"}}])"));
    using Renamed = pg::LimitOffsetPagination<pg::LimitOffsetOptions{.limit_query_param = "l", .offset_query_param = "o"}>;
    const Json renamed = Renamed::get_schema_operation_parameters();
    CHECK(renamed[0]["name"] == "l");
    CHECK(renamed[1]["name"] == "o");
}

TEST_CASE("LimitOffsetPagination documents no limit parameter when clients cannot choose the limit", "[openapi]") {
    using Fixed = pg::LimitOffsetPagination<pg::LimitOffsetOptions{.default_limit = 10, .limit_query_param = ""}>;
    CHECK(Fixed::get_schema_operation_parameters() == Json::parse(R"([
        {"name": "offset", "required": false, "in": "query",
         "description": "The initial index from which to return the results.", "schema": {"type": "integer"}}])"));
    CHECK(Fixed::get_paginated_response_schema(item)["properties"]["next"]["example"] ==
          "http://api.example.org/accounts/?offset=400");
}

TEST_CASE("A limit/offset page is documented as DRF's count, next, previous and results", "[openapi]") {
    CHECK(pg::LimitOffsetPagination<>::get_paginated_response_schema(item) == Json::parse(R"({
        "type": "object",
        "properties": {
            "count": {"type": "integer", "example": 123},
            "next": {"type": ["string", "null"], "format": "uri", "example": "http://api.example.org/accounts/?offset=400&limit=100"},
            "previous": {"type": ["string", "null"], "format": "uri", "example": "http://api.example.org/accounts/?offset=200&limit=100"},
            "results": {"type": "array", "items": {"$ref": "#/components/schemas/Item"}}}})"));
    using Renamed = pg::LimitOffsetPagination<pg::LimitOffsetOptions{.limit_query_param = "l", .offset_query_param = "o", .count = false}>;
    const Json renamed = Renamed::get_paginated_response_schema(item);
    CHECK(renamed["properties"]["previous"]["example"] == "http://api.example.org/accounts/?o=200&l=100");
    CHECK_FALSE(renamed["properties"].contains("count"));
}

TEST_CASE("A limit/offset list that is unpaginated without ?limit= is documented as the page or the bare array", "[openapi]") {
    using OnRequest = pg::LimitOffsetPagination<pg::LimitOffsetOptions{.default_limit = 0}>;
    CHECK(OnRequest::get_paginated_response_schema(item) == Json::parse(R"({"oneOf": [
        {"type": "object",
         "properties": {
            "count": {"type": "integer", "example": 123},
            "next": {"type": ["string", "null"], "format": "uri", "example": "http://api.example.org/accounts/?offset=400&limit=100"},
            "previous": {"type": ["string", "null"], "format": "uri", "example": "http://api.example.org/accounts/?offset=200&limit=100"},
            "results": {"type": "array", "items": {"$ref": "#/components/schemas/Item"}}}},
        {"type": "array", "items": {"$ref": "#/components/schemas/Item"}}]})"));
}

TEST_CASE("CursorPagination documents the cursor and, when clients may choose it, the page size", "[openapi]") {
    CHECK(pg::CursorPagination<>::get_schema_operation_parameters() == Json::parse(R"([
        {"name": "cursor", "required": false, "in": "query",
         "description": "The pagination cursor value.", "schema": {"type": "string"}}])"));
    using Sized = pg::CursorPagination<pg::Options{.cursor_query_param = "c", .page_size_query_param = "size"}>;
    CHECK(Sized::get_schema_operation_parameters() == Json::parse(R"([
        {"name": "c", "required": false, "in": "query",
         "description": "The pagination cursor value.", "schema": {"type": "string"}},
        {"name": "size", "required": false, "in": "query",
         "description": "Number of results to return per page.", "schema": {"type": "integer"}}])"));
}

TEST_CASE("A cursor page is documented as DRF's next, previous and results, without a count", "[openapi]") {
    CHECK(pg::CursorPagination<>::get_paginated_response_schema(item) == Json::parse(R"({
        "type": "object",
        "properties": {
            "next": {"type": ["string", "null"]},
            "previous": {"type": ["string", "null"]},
            "results": {"type": "array", "items": {"$ref": "#/components/schemas/Item"}}}})"));
}

// ---- filter backends ---------------------------------------------------------------------------

TEST_CASE("A filter set documents one parameter per field and lookup, typed as drf-spectacular types them", "[openapi]") {
    const auto csv = [](const char* name, const char* items) {
        return Json::parse(std::string(R"({"in": "query", "name": ")") + name + R"(", "schema": {"type": "array", "items": )" +
                           items + R"(}, "description": "Multiple values may be separated by commas.", "explode": false, "style": "form"})");
    };
    const auto one = [](const char* name, const char* schema) {
        return Json::parse(std::string(R"({"in": "query", "name": ")") + name + R"(", "schema": )" + schema + "}");
    };
    const char* text = R"({"type": "string"})";
    const char* boolean = R"({"type": "boolean"})";
    const char* integer = R"({"type": "integer"})";
    const char* number = R"({"type": "number", "format": "float"})";
    const char* uuid = R"({"type": "string", "format": "uuid"})";
    const char* datetime = R"({"type": "string", "format": "date-time"})";
    const Json expected = Json::array({
        one("name", text), one("name__iexact", text), one("name__contains", text), one("name__icontains", text),
        one("name__startswith", text), one("name__istartswith", text), one("name__endswith", text),
        one("name__iendswith", text), one("name__gt", text), one("name__gte", text), one("name__lt", text),
        one("name__lte", text), csv("name__in", text), csv("name__range", text),
        one("nick", text), one("nick__isnull", boolean), csv("nick__in", text),
        one("flag", boolean),
        one("opt_flag", boolean), one("opt_flag__isnull", boolean),
        one("rank", integer), one("rank__gt", integer), one("rank__gte", integer), one("rank__lt", integer),
        one("rank__lte", integer), csv("rank__in", integer), csv("rank__range", integer),
        one("score", number), one("score__gte", number), csv("score__in", number), csv("score__range", number),
        one("uid", uuid), csv("uid__in", uuid),
        one("at", datetime), one("at__gte", datetime), one("at__lte", datetime), one("at__gt", datetime),
        one("at__lt", datetime), csv("at__in", datetime), csv("at__range", datetime),
        one("opt_at__isnull", boolean),
        one("owner", uuid),
    });
    const Json parameters = item_filters.get_schema_operation_parameters();
    REQUIRE(parameters.size() == item_filters.param_count());
    CHECK(parameters == expected);
}

TEST_CASE("A method filter is documented with its function's value type", "[openapi]") {
    constexpr auto set = f::filters<Item>(f::method<&popular>("popular"), f::method<&owned_by>("owner"));
    CHECK(set.get_schema_operation_parameters() == Json::parse(R"([
        {"in": "query", "name": "popular", "schema": {"type": "boolean"}},
        {"in": "query", "name": "owner", "schema": {"type": "string", "format": "uuid"}}])"));
}

TEST_CASE("The filter set's OR groups are not listed among its parameters", "[openapi]") {
    for (const auto& parameter : item_filters.get_schema_operation_parameters())
        CHECK(parameter["name"].get<std::string>().rfind("or", 0) == std::string::npos);
}

TEST_CASE("SearchFilter documents the search parameter with DRF's description", "[openapi]") {
    constexpr auto search = f::search_fields(&Item::name, f::starts_with(&Item::nick));
    CHECK(search.get_schema_operation_parameters() == Json::parse(R"([
        {"name": "search", "required": false, "in": "query", "description": "A search term.", "schema": {"type": "string"}}])"));
    CHECK(search.param("q").get_schema_operation_parameters()[0]["name"] == "q");
}

TEST_CASE("OrderingFilter documents the allowed terms in both directions as a comma-separated enum", "[openapi]") {
    constexpr auto ordering = f::ordering_fields(&Item::rank, &Item::name, &Item::created_at).ordering(drf::models::desc(&Item::rank));
    CHECK(ordering.get_schema_operation_parameters() == Json::parse(R"([
        {"name": "ordering", "required": false, "in": "query",
         "description": "Which field to use when ordering the results.",
         "schema": {"type": "array", "items": {"type": "string",
                    "enum": ["-created_at", "-name", "-rank", "created_at", "name", "rank"]}},
         "explode": false, "style": "form"}])"));
    CHECK(ordering.param("sort").get_schema_operation_parameters()[0]["name"] == "sort");
}

TEST_CASE("filter_backends document the parameters of each backend in order", "[openapi]") {
    constexpr auto backends = f::backends(f::search_fields(&Item::name), f::filters<Item>(f::filter<&Item::flag>()),
                                          f::ordering_fields(&Item::name));
    CHECK(backends.get_schema_operation_parameters() == Json::parse(R"([
        {"name": "search", "required": false, "in": "query", "description": "A search term.", "schema": {"type": "string"}},
        {"in": "query", "name": "flag", "schema": {"type": "boolean"}},
        {"name": "ordering", "required": false, "in": "query",
         "description": "Which field to use when ordering the results.",
         "schema": {"type": "array", "items": {"type": "string", "enum": ["-name", "name"]}},
         "explode": false, "style": "form"}])"));
    CHECK(f::backends().get_schema_operation_parameters() == Json::array());
}

// ---- what the document requires ----------------------------------------------------------------

// A backend of one's own, without a self-description.
struct Undescribed {
    db::QuerySet<Item> filter_queryset(const drf::http::Request&, db::QuerySet<Item> query) const { return query; }
};
// The same, describing its parameter.
struct Described : Undescribed {
    Json get_schema_operation_parameters() const {
        return Json::parse(R"([{"in": "query", "name": "mine", "schema": {"type": "boolean"}}])");
    }
};
struct UndescribedPagination {};

TEST_CASE("A paginator or filter backend that does not describe itself does not satisfy the document's concepts", "[openapi]") {
    STATIC_REQUIRE(drf::openapi::DescribedPagination<pg::PageNumberPagination<>>);
    STATIC_REQUIRE(drf::openapi::DescribedPagination<pg::LimitOffsetPagination<>>);
    STATIC_REQUIRE(drf::openapi::DescribedPagination<pg::CursorPagination<>>);
    STATIC_REQUIRE_FALSE(drf::openapi::DescribedPagination<UndescribedPagination>);

    STATIC_REQUIRE(drf::openapi::DescribedFilterBackends<decltype(f::backends(item_filters, f::search_fields(&Item::name)))>);
    STATIC_REQUIRE(drf::openapi::DescribedFilterBackends<decltype(f::backends(item_filters, Described{}))>);
    STATIC_REQUIRE_FALSE(drf::openapi::DescribedFilterBackends<decltype(f::backends(item_filters, Undescribed{}))>);
    STATIC_REQUIRE(drf::openapi::DescribedFilterBackend<Described>);
    STATIC_REQUIRE_FALSE(drf::openapi::DescribedFilterBackend<Undescribed>);
}

TEST_CASE("A backend of one's own is documented by its own get_schema_operation_parameters", "[openapi]") {
    constexpr auto backends = f::backends(Described{}, f::search_fields(&Item::name));
    const Json parameters = backends.get_schema_operation_parameters();
    REQUIRE(parameters.size() == 2);
    CHECK(parameters[0] == Json::parse(R"({"in": "query", "name": "mine", "schema": {"type": "boolean"}})"));
    CHECK(parameters[1]["name"] == "search");
}

}  // namespace openapi_parameters_test
