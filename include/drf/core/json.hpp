// drf/core/json.hpp — drf::Json: nlohmann's ordered_json, because DRF renders keys in the order a
// serializer declares its fields and reports errors in that order too; and what a Json parsed from a
// request body can hold beyond nlohmann's own values (integers wider than 64 bits, lone surrogates).
#pragma once

#include <nlohmann/json.hpp>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

namespace drf {
using Json = nlohmann::ordered_json;

// What drf::parse_json (drf/core/json_parse.hpp) throws for text that is not JSON, or is over its
// limits. what() is worded as Python's json words it ("Expecting value: line 1 column 10 (char 9)").
class JsonParseError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// --- integers wider than 64 bits -----------------------------------------------------------------
// Python's int is unbounded, so DRF keeps 10**30 from a body exactly: a CharField gets
// "1000000000000000000000000000000", an IntegerField the number itself. nlohmann has no such number,
// so drf::parse_json keeps an integer literal outside int64/uint64 as a binary value of this subtype
// whose bytes are the literal's text ("-9223372036854775809"). Why a binary value: it is the one kind
// of value a parsed body never otherwise holds, so no field can mistake it for text or for a number it
// would silently round (a double holds 10**30 as 1e+30), and drf::Json stays nlohmann's own type.
// Floats need nothing of the kind: Python reads 1e400 as inf, and a double holds inf.
inline constexpr std::uint64_t json_big_integer_subtype = 0x6472'6669;  // "drfi"

// The Json for an integer literal too wide for 64 bits: an optional '-' and decimal digits.
inline Json json_big_integer(std::string_view literal) {
    return Json::binary(Json::binary_t::container_type(literal.begin(), literal.end()), json_big_integer_subtype);
}

// The literal's text when `j` is such an integer (json_big_integer), else nullopt.
inline std::optional<std::string_view> json_big_integer_text(const Json& j) noexcept {
    if (!j.is_binary()) return std::nullopt;
    const auto& bytes = *j.get_ptr<const Json::binary_t*>();
    if (!bytes.has_subtype() || bytes.subtype() != json_big_integer_subtype) return std::nullopt;
    return std::string_view(reinterpret_cast<const char*>(bytes.data()), bytes.size());
}

// --- lone surrogates -----------------------------------------------------------------------------
// JSON may escape half of a UTF-16 surrogate pair alone ("\ud800"); Python's json reads it as a str
// holding that code point, and DRF's CharField then answers "Surrogate characters are not allowed:
// U+D800.". drf::parse_json keeps such a code point in its 3-byte generalised UTF-8 form (WTF-8: ED A0
// 80 for U+D800). UTF-8 never contains those bytes, and the body was checked to be UTF-8 first, so they
// can only have come from an escape.

// The first lone surrogate in `text` (U+D800..U+DFFF in its 3-byte form), or nullopt.
inline std::optional<char32_t> find_lone_surrogate(std::string_view text) noexcept {
    for (std::size_t at = text.find('\xed'); at != std::string_view::npos; at = text.find('\xed', at + 1)) {
        if (at + 2 >= text.size()) break;
        const auto b1 = static_cast<unsigned char>(text[at + 1]);
        const auto b2 = static_cast<unsigned char>(text[at + 2]);
        if (b1 >= 0xA0 && b1 <= 0xBF && (b2 & 0xC0) == 0x80)
            return static_cast<char32_t>(0xD000 | ((b1 & 0x3F) << 6) | (b2 & 0x3F));
    }
    return std::nullopt;
}

// Replaces each lone surrogate in `text` by U+FFFD (both are 3 bytes), as it would be written on the
// wire: for a message that quotes the client's text, so it holds nothing but UTF-8.
inline void replace_lone_surrogates(std::string& text) noexcept {
    for (std::size_t at = text.find('\xed'); at != std::string::npos; at = text.find('\xed', at + 1)) {
        if (find_lone_surrogate(std::string_view(text).substr(at, 3))) text.replace(at, 3, "\xef\xbf\xbd");
    }
}

// --- walking a Json ------------------------------------------------------------------------------
// drf's recursive walks over a Json (writing it as text, Python's str() of it, error trees) go no
// deeper than this and throw JsonTooDeep beyond it, as Python's own walks stop at its recursion limit
// (1000) with a RecursionError — a 500 in DRF, and in drf. A parsed body is far shallower
// (JsonLimits::max_depth); only a Json built in code can get here.
inline constexpr std::size_t json_max_walk_depth = 1000;

class JsonTooDeep : public std::length_error {
public:
    explicit JsonTooDeep(std::string_view walk)
        : std::length_error("drf: " + std::string(walk) + ": the JSON value is nested deeper than " +
                            std::to_string(json_max_walk_depth) + " levels") {}
};

namespace detail {
// Called on entering a container at `depth` (the top value is depth 0).
inline void check_walk_depth(std::size_t depth, std::string_view walk) {
    if (depth >= json_max_walk_depth) throw JsonTooDeep(walk);
}
}  // namespace detail

}  // namespace drf
