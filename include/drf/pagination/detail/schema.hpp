// drf/pagination/detail/schema.hpp — what every paginator's OpenAPI self-description shares: DRF's
// query parameter objects (rest_framework.pagination get_schema_operation_parameters) and the
// {"count", "next", "previous", "results"} envelope of get_paginated_response_schema, with OpenAPI
// 3.1's `"type": ["string", "null"]` where DRF writes the 3.0 `"nullable": true`.
#pragma once

#include <drf/core/json.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace drf::pagination::detail {

// DRF's descriptions, word for word.
inline constexpr std::string_view cursor_query_description = "The pagination cursor value.";
inline constexpr std::string_view page_query_description = "A page number within the paginated result set.";
inline constexpr std::string_view page_size_query_description = "Number of results to return per page.";
inline constexpr std::string_view limit_query_description = "Number of results to return per page.";
inline constexpr std::string_view offset_query_description = "The initial index from which to return the results.";

// One optional query parameter, keys in DRF's order.
inline Json query_parameter(std::string_view name, std::string_view description, std::string_view type) {
    return Json::object({{"name", std::string(name)},
                         {"required", false},
                         {"in", "query"},
                         {"description", std::string(description)},
                         {"schema", Json::object({{"type", std::string(type)}})}});
}

// A next/previous link: a string or null; DRF's format and example when it gives them.
inline Json link_schema(std::optional<std::string> example) {
    Json schema = Json::object({{"type", Json::array({"string", "null"})}});
    if (example) {
        schema["format"] = "uri";
        schema["example"] = std::move(*example);
    }
    return schema;
}

// {"type": "object", "properties": {"count"?, "next", "previous", "results"}}: DRF's shape, "count"
// (DRF's example 123) only when the paginator counts.
inline Json envelope(bool count, Json next, Json previous, Json results_item_schema) {
    Json properties = Json::object();
    if (count) properties["count"] = Json::object({{"type", "integer"}, {"example", 123}});
    properties["next"] = std::move(next);
    properties["previous"] = std::move(previous);
    properties["results"] = Json::object({{"type", "array"}, {"items", std::move(results_item_schema)}});
    return Json::object({{"type", "object"}, {"properties", std::move(properties)}});
}

}  // namespace drf::pagination::detail
