// drf/core/json_parse.hpp — parse_json: a request body's bytes into a drf::Json in time linear in their
// size, read as DRF's JSONParser reads them (Python's json, strict), within limits on depth and size.
#pragma once

#include <drf/core/detail/json_parser.hpp>
#include <drf/core/detail/utf8.hpp>
#include <drf/core/json.hpp>

#include <cstddef>
#include <string_view>

namespace drf {

// How much structure one body may hold. Python's json has no limits of its own: it stops at its
// recursion limit (a RecursionError, a 500 in DRF) and takes any number of values.
struct JsonLimits {
    std::size_t max_depth = 64;        // arrays and objects inside one another; the top one is level 1
    std::size_t max_values = 250'000;  // array items and object members, at all levels together
};

// The JSON value in `bytes`. Keys keep the order they came in; a repeated key keeps its first place and
// takes its last value (Python's dict). Throws JsonParseError with the text DRF puts after "JSON parse
// error - ": the UTF-8 codec's error, the BOM Python refuses, or the json module's own message, with
// its position in characters ("Expecting value: line 1 column 10 (char 9)").
// Beyond nlohmann's values the result may hold an integer wider than 64 bits (json_big_integer_text)
// and lone surrogates in strings and keys (find_lone_surrogate), as Python's would (drf/core/json.hpp).
// The differences from Python: more than limits.max_depth levels, or more than limits.max_values items
// and members, is an error; an integer of more than 4300 digits is refused as Python refuses it, without
// its advice to call sys.set_int_max_str_digits().
inline Json parse_json(std::string_view bytes, JsonLimits limits = {}) {
    const detail::Utf8Decoded decoded = detail::python_utf8_decode(bytes);
    if (!decoded.error.empty()) throw JsonParseError(decoded.error);
    return detail::JsonParser(bytes.substr(0, decoded.size), limits.max_depth, limits.max_values).parse();
}

}  // namespace drf
