// drf/filters/detail/schema.hpp — the OpenAPI parameter objects the filter backends describe
// themselves with: DRF's own (SearchFilter, OrderingFilter: name, required, in, description, schema)
// and those drf-spectacular writes for a django-filter FilterSet (in, name, schema; lists as
// comma-separated arrays), each in the key order its source writes.
#pragma once

#include <drf/core/datetime.hpp>
#include <drf/core/json.hpp>
#include <drf/core/uuid.hpp>
#include <drf/filters/lookups.hpp>

#include <string>
#include <string_view>
#include <type_traits>
#include <utility>

namespace drf::filters::detail {

// django-filter's help text of a comma-separated filter (BaseCSVFilter), which drf-spectacular shows.
inline constexpr std::string_view csv_description = "Multiple values may be separated by commas.";
// DRF's descriptions, word for word.
inline constexpr std::string_view search_description = "A search term.";
inline constexpr std::string_view ordering_description = "Which field to use when ordering the results.";

// The schema of one value of type V as drf-spectacular types a django-filter filter on the matching
// Django field: integers "integer" (IntegerField, BigIntegerField alike), floating-point numbers
// "number"/"float" (FloatField), decimals "number" without a format (DecimalField), text "string";
// UUIDs, datetimes, dates, times and durations strings with their format.
template <class V>
Json value_schema() {
    constexpr ValueKind kind = value_kind<V>();
    if constexpr (kind == ValueKind::boolean) return Json::object({{"type", "boolean"}});
    else if constexpr (kind == ValueKind::integer) return Json::object({{"type", "integer"}});
    else if constexpr (kind == ValueKind::real) return Json::object({{"type", "number"}, {"format", "float"}});
    else if constexpr (kind == ValueKind::text) return Json::object({{"type", "string"}});
    else if constexpr (kind == ValueKind::decimal) return Json::object({{"type", "number"}});
    else if constexpr (kind == ValueKind::uuid) return Json::object({{"type", "string"}, {"format", "uuid"}});
    else if constexpr (kind == ValueKind::datetime) return Json::object({{"type", "string"}, {"format", "date-time"}});
    else if constexpr (kind == ValueKind::date) return Json::object({{"type", "string"}, {"format", "date"}});
    else if constexpr (kind == ValueKind::time) return Json::object({{"type", "string"}, {"format", "time"}});
    else return Json::object({{"type", "string"}, {"format", "duration"}});
}

// One FilterSet parameter as drf-spectacular writes it: {"in", "name", "schema"}; `in` and `range`
// (read comma-separated) an array with django-filter's help text, explode false, style form.
template <class V>
Json filter_parameter(const std::string& name, Lookup lookup) {
    if (lookup == Lookup::isnull)
        return Json::object({{"in", "query"}, {"name", name}, {"schema", Json::object({{"type", "boolean"}})}});
    if (lookup == Lookup::in || lookup == Lookup::range)
        return Json::object({{"in", "query"},
                             {"name", name},
                             {"schema", Json::object({{"type", "array"}, {"items", value_schema<V>()}})},
                             {"description", std::string(csv_description)},
                             {"explode", false},
                             {"style", "form"}});
    return Json::object({{"in", "query"}, {"name", name}, {"schema", value_schema<V>()}});
}

// A DRF backend's parameter: {"name", "required": false, "in": "query", "description", "schema"}.
inline Json query_parameter(std::string_view name, std::string_view description, Json schema) {
    return Json::object({{"name", std::string(name)},
                         {"required", false},
                         {"in", "query"},
                         {"description", std::string(description)},
                         {"schema", std::move(schema)}});
}

}  // namespace drf::filters::detail
