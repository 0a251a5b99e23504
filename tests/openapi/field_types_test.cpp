// tests/openapi/field_types_test.cpp — Decimal, Date, Time, Duration, JSON and IP address fields in the
// OpenAPI document: a model_serializer over them, a DictField's child, an integer ChoiceField that takes
// null and method fields returning the new types. Each expected schema was written by drf-spectacular
// for the equivalent DRF serializer ("nullable": true written as OpenAPI 3.1's null type, as drf does
// everywhere), except where a comment says why drf differs.
#include <drf/openapi/serializer.hpp>
#include <drf/models.hpp>
#include <drf/serializers.hpp>
#include <drf/serializers/formats.hpp>

#include <catch2/catch.hpp>

#include "../serializers/field_types_model.hpp"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace openapi_field_types_test {

namespace s = drf::serializers;
using drf::Json;
using drf::openapi::Components;
using drf::openapi::Direction;

template <class S>
std::string schemas_of(Direction direction = Direction::request) {
    Components components;
    drf::openapi::serializer_schema<S>(components, direction);
    return components.schemas().dump(1);
}

std::string expected(const char* text) { return Json::parse(text).dump(1); }

using field_types_model::Item;

struct ItemOutput : s::model_serializer<Item, &Item::id, &Item::price, &Item::discount, &Item::whole, &Item::day,
                                        &Item::opens, &Item::timeout, &Item::data, &Item::extra, &Item::ip,
                                        &Item::backup_ip> {};

TEST_CASE("A model_serializer's Decimal, Date, Time, Duration, JSON and IP address fields as drf-spectacular writes them",
          "[openapi]") {
    CHECK(schemas_of<ItemOutput>(Direction::response) == expected(R"({"ItemOutput": {"type": "object", "properties": {
        "id": {"type": "string", "format": "uuid", "readOnly": true},
        "price": {"type": "string", "format": "decimal", "pattern": "^-?\\d{0,6}(?:\\.\\d{0,2})?$"},
        "discount": {"type": ["string", "null"], "format": "decimal"},
        "whole": {"type": "string", "format": "decimal", "pattern": "^-?\\d{0,4}(?:\\.\\d{0,0})?$"},
        "day": {"type": "string", "format": "date"},
        "opens": {"type": ["string", "null"], "format": "time"},
        "timeout": {"type": "string"},
        "data": {"type": "object", "additionalProperties": {}},
        "extra": {"type": ["object", "null"], "additionalProperties": {}},
        "ip": {"type": "string"},
        "backup_ip": {"type": ["string", "null"]}},
        "required": ["data", "day", "id", "ip", "price", "timeout"]}})"));
}

struct Ledger {
    std::map<std::string, std::int64_t> scores;
    std::map<std::string, std::int64_t> marks;
    std::map<std::string, std::int64_t> big;
    std::map<std::string, drf::Decimal> prices;
    std::map<std::string, std::optional<std::int64_t>> maybe;
    std::map<std::string, drf::Date> days;
    std::map<std::string, std::string> names;
    std::map<std::string, Json> anything;
};
struct LedgerSerializer {
    static constexpr auto fields = s::fields(
        s::dict_field<&Ledger::scores>(s::integer_field()),
        s::dict_field<&Ledger::marks>(s::integer_field().max_value(10).min_value(0)),
        s::dict_field<&Ledger::big>(s::integer_field().max_value(5000000000)),
        s::dict_field<&Ledger::prices>(s::decimal_field({.max_digits = 5, .decimal_places = 2})),
        s::dict_field<&Ledger::maybe>(s::nullable(s::integer_field().max_value(10).min_value(0))),
        s::dict_field<&Ledger::days>(s::date_field()), s::dict_field<&Ledger::names>(s::char_field().max_length(10)),
        s::dict_field<&Ledger::anything>());
};

TEST_CASE("A DictField's additionalProperties is its child's whole schema, options and validators included",
          "[openapi]") {
    // An integer child has the bounds it was given only: drf-spectacular's, where a ListField's child
    // is bounded by its C++ type too.
    CHECK(schemas_of<LedgerSerializer>() == expected(R"({"Ledger": {"type": "object", "properties": {
        "scores": {"type": "object", "additionalProperties": {"type": "integer"}},
        "marks": {"type": "object", "additionalProperties": {"type": "integer", "maximum": 10, "minimum": 0}},
        "big": {"type": "object", "additionalProperties": {"type": "integer", "maximum": 5000000000, "format": "int64"}},
        "prices": {"type": "object", "additionalProperties": {"type": "string", "format": "decimal",
                                                              "pattern": "^-?\\d{0,3}(?:\\.\\d{0,2})?$"}},
        "maybe": {"type": "object", "additionalProperties": {"type": ["integer", "null"], "maximum": 10, "minimum": 0}},
        "days": {"type": "object", "additionalProperties": {"type": "string", "format": "date"}},
        "names": {"type": "object", "additionalProperties": {"type": "string", "maxLength": 10}},
        "anything": {"type": "object", "additionalProperties": {}}},
        "required": ["anything", "big", "days", "marks", "maybe", "names", "prices", "scores"]}})"));
}

struct Review {
    int rating = 1;
    std::optional<int> stars;
};
struct ReviewSerializer {
    static constexpr auto fields = s::fields(s::choice_field<&Review::rating>(s::choices(1, 2, 3)),
                                             s::choice_field<&Review::stars>(s::choices(1, 2, 3)).allow_null());
};

TEST_CASE("An integer ChoiceField that allows null is its enum component or NullEnum", "[openapi]") {
    // One choice set under two names: drf-spectacular warns and keeps both.
    CHECK(schemas_of<ReviewSerializer>() == expected(R"({
        "Review": {"type": "object", "properties": {
            "rating": {"$ref": "#/components/schemas/RatingEnum"},
            "stars": {"oneOf": [{"$ref": "#/components/schemas/StarsEnum"}, {"$ref": "#/components/schemas/NullEnum"}]}},
            "required": ["rating", "stars"]},
        "RatingEnum": {"enum": [1, 2, 3], "type": "integer", "description": "* `1` - 1\n* `2` - 2\n* `3` - 3"},
        "StarsEnum": {"enum": [1, 2, 3], "type": "integer", "description": "* `1` - 1\n* `2` - 2\n* `3` - 3"},
        "NullEnum": {"type": "null"}})"));
}

struct Priced {
    int n = 0;
};
struct PricedSerializer {
    static constexpr auto fields = s::fields(
        s::method_field<Priced>("total", [](const Priced&) { return drf::Decimal("1.50"); }),
        s::method_field<Priced>("due", [](const Priced&) { return drf::Date(2024, 1, 1); }),
        s::method_field<Priced>("opens", [](const Priced&) { return drf::Time(9, 0); }),
        s::method_field<Priced>("lasts", [](const Priced&) { return drf::Duration(); }),
        s::method_field<Priced>("discount", [](const Priced&) { return std::optional<drf::Decimal>(); }),
        s::method_field<Priced>("holidays", [](const Priced&) { return std::vector<drf::Date>(); }),
        s::method_field<Priced>("by_day", [](const Priced&) { return std::map<std::string, drf::Duration>(); }));
};

TEST_CASE("A method field returning a Decimal, Date, Time or Duration is typed as drf-spectacular types the hint",
          "[openapi]") {
    CHECK(schemas_of<PricedSerializer>(Direction::response) == expected(R"({"Priced": {"type": "object", "properties": {
        "total": {"type": "number", "format": "double", "readOnly": true},
        "due": {"type": "string", "format": "date", "readOnly": true},
        "opens": {"type": "string", "format": "time", "readOnly": true},
        "lasts": {"type": "string", "format": "duration", "readOnly": true},
        "discount": {"type": ["number", "null"], "format": "double", "readOnly": true},
        "holidays": {"type": "array", "items": {"type": "string", "format": "date"}, "readOnly": true},
        "by_day": {"type": "object", "additionalProperties": {"type": "string", "format": "duration"}, "readOnly": true}},
        "required": ["by_day", "discount", "due", "holidays", "lasts", "opens", "total"]}})"));
}

}  // namespace openapi_field_types_test
