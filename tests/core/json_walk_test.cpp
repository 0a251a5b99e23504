// tests/core/json_walk_test.cpp — the recursive walks over a drf::Json (the JSON text writer) stop at
// drf::json_max_walk_depth with JsonTooDeep, whatever depth a Json built in code has.
#include <drf/core/detail/json_text.hpp>
#include <drf/core/json.hpp>

#include <catch2/catch.hpp>

#include <cstddef>
#include <string>
#include <utility>

namespace json_walk_test {

using drf::Json;

// `depth` arrays inside one another, built by moves (a copy would recurse).
Json nested_arrays(std::size_t depth) {
    Json value = Json::array();
    for (std::size_t i = 1; i < depth; ++i) {
        Json outer = Json::array();
        outer.push_back(std::move(value));
        value = std::move(outer);
    }
    return value;
}

TEST_CASE("JSON text nested deeper than 1000 levels throws JsonTooDeep instead of overflowing the stack", "[core]") {
    CHECK(drf::detail::dump_json(nested_arrays(drf::json_max_walk_depth)) ==
          std::string(drf::json_max_walk_depth, '[') + std::string(drf::json_max_walk_depth, ']'));
    CHECK_THROWS_AS(drf::detail::dump_json(nested_arrays(drf::json_max_walk_depth + 1)), drf::JsonTooDeep);
    CHECK_THROWS_WITH(drf::detail::dump_json(nested_arrays(200'000)),
                      "drf: writing JSON text: the JSON value is nested deeper than 1000 levels");
    Json object = Json::object();
    object["a"] = nested_arrays(2000);
    CHECK_THROWS_AS(drf::detail::dump_json(object), drf::JsonTooDeep);
}

}  // namespace json_walk_test
