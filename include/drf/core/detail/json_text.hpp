// drf/core/detail/json_text.hpp — JSON text as Response::content() sends it, byte for byte what
// nlohmann's dump(-1, ' ', false, replace) writes (then with U+2028/U+2029 escaped), without nlohmann's
// character-by-character escaping pass over text that needs none. Response::content() writes a Json
// with it; the serializers' render_to and the pagination write their text with it.
//
// Why: dump() was a fifth of a 25-item page's request. Why it is not a second JSON serializer: it only
// writes the structure (braces, commas, colons), literals and integers, and copies a string verbatim
// only when every byte is printable ASCII other than '"' and '\\' — text nlohmann copies verbatim too.
// Every other string (control bytes, non-ASCII, invalid UTF-8) and every floating-point number, binary
// or discarded value is written by nlohmann itself, one value at a time, so escaping, UTF-8 replacement
// and number formatting stay nlohmann's — except an integer wider than 64 bits, written as its digits. tests/http/content_test.cpp compares the two byte for byte.
#pragma once

#include <drf/core/json.hpp>

#include <charconv>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

namespace drf::detail {

// True when nlohmann writes `s` unchanged between its quotes: printable ASCII (0x20..0x7E) only, no '"'
// and no '\\'. Eight bytes at a time: each test below is non-zero exactly when some byte fails it.
inline bool is_verbatim_json_string(std::string_view s) noexcept {
    constexpr std::uint64_t ones = 0x0101010101010101ULL;
    constexpr std::uint64_t highs = 0x8080808080808080ULL;
    const auto has_zero_byte = [](std::uint64_t v) { return (v - ones) & ~v & highs; };
    const auto bad_in = [&](std::uint64_t w) {
        return (w & highs)                        // 0x80..0xFF: not ASCII
               | ((w - ones * 0x20) & ~w & highs)  // below 0x20: a control byte
               | has_zero_byte(w ^ (ones * 0x7f)) | has_zero_byte(w ^ (ones * '"')) | has_zero_byte(w ^ (ones * '\\'));
    };
    const std::size_t n = s.size();
    if (n < 8) {
        bool verbatim = true;
        for (const char ch : s) {
            const auto c = static_cast<unsigned char>(ch);
            verbatim &= static_cast<unsigned char>(c - 0x20) < 0x5f && c != '"' && c != '\\';
        }
        return verbatim;
    }
    std::uint64_t bad = 0;
    std::uint64_t w = 0;
    for (std::size_t i = 0; i + 8 <= n; i += 8) {
        std::memcpy(&w, s.data() + i, 8);
        bad |= bad_in(w);
    }
    std::memcpy(&w, s.data() + n - 8, 8);  // the last 8 bytes (overlapping the loop's: n need not be a multiple)
    bad |= bad_in(w);
    return bad == 0;
}

// nlohmann's text for one value, with U+2028 and U+2029 escaped as DRF's JSONRenderer does
// (nlohmann leaves them as UTF-8, which is valid JSON but not valid JavaScript).
inline std::string nlohmann_text(const Json& value) {
    std::string out = value.dump(-1, ' ', false, Json::error_handler_t::replace);
    for (std::size_t at = out.find("\xe2\x80"); at != std::string::npos; at = out.find("\xe2\x80", at + 1)) {
        if (at + 2 < out.size() && (out[at + 2] == '\xa8' || out[at + 2] == '\xa9')) {
            const char* escaped = out[at + 2] == '\xa8' ? "\\u2028" : "\\u2029";
            out.replace(at, 3, escaped);
        }
    }
    return out;
}

// Appends `s` as a JSON string, the bytes dump_json(Json(s)) returns: copied between quotes when
// nothing in it needs escaping, else written by nlohmann.
inline void append_json_string(std::string& out, std::string_view s) {
    if (is_verbatim_json_string(s)) {
        out += '"';
        out += s;
        out += '"';
    } else {
        out += nlohmann_text(Json(s));
    }
}

template <class Integer>
void append_json_integer(std::string& out, Integer value) {
    char digits[20];  // the longest 64-bit integer, int64 min, is 20 characters
    out.append(digits, std::to_chars(digits, digits + sizeof digits, value).ptr);
}

// Appends the text of `j`: the bytes dump_json(j) returns. An integer wider than 64 bits (drf/core/
// json.hpp) is written as its digits, as Python's json.dumps writes an int; nlohmann would write a
// binary value as an object of bytes. Recurses into arrays and objects to drf::json_max_walk_depth
// levels, then throws drf::JsonTooDeep (where Python's json.dumps raises RecursionError).
inline void append_json(std::string& out, const Json& j, std::size_t depth = 0) {
    switch (j.type()) {
        case Json::value_t::object: {
            check_walk_depth(depth, "writing JSON text");
            out += '{';
            bool first = true;
            for (const auto& [key, value] : *j.get_ptr<const Json::object_t*>()) {
                if (!first) out += ',';
                first = false;
                append_json_string(out, key);
                out += ':';
                append_json(out, value, depth + 1);
            }
            out += '}';
            return;
        }
        case Json::value_t::array: {
            check_walk_depth(depth, "writing JSON text");
            out += '[';
            bool first = true;
            for (const auto& element : *j.get_ptr<const Json::array_t*>()) {
                if (!first) out += ',';
                first = false;
                append_json(out, element, depth + 1);
            }
            out += ']';
            return;
        }
        case Json::value_t::string:
            append_json_string(out, *j.get_ptr<const Json::string_t*>());
            return;
        case Json::value_t::boolean:
            out += *j.get_ptr<const Json::boolean_t*>() ? std::string_view("true") : std::string_view("false");
            return;
        case Json::value_t::null:
            out += "null";
            return;
        case Json::value_t::number_integer:
            append_json_integer(out, *j.get_ptr<const Json::number_integer_t*>());
            return;
        case Json::value_t::number_unsigned:
            append_json_integer(out, *j.get_ptr<const Json::number_unsigned_t*>());
            return;
        case Json::value_t::binary:
            if (const auto digits = json_big_integer_text(j)) {
                out += *digits;
                return;
            }
            break;
        case Json::value_t::number_float:  // nlohmann's shortest round-trip form: 0.1, 1e+300, -0.0, null for NaN
        case Json::value_t::discarded:
            break;
    }
    out += nlohmann_text(j);
}

// Room for the text of `j` when its strings are verbatim: exact for strings, keys and structure, 20
// characters for any other scalar — one allocation for a body in the usual case. Past
// drf::json_max_walk_depth levels it stops counting: append_json will throw there.
inline std::size_t estimated_json_size(const Json& j, std::size_t depth = 0) noexcept {
    switch (j.type()) {
        case Json::value_t::object: {
            std::size_t n = 2;
            if (depth >= json_max_walk_depth) return n;
            for (const auto& [key, value] : *j.get_ptr<const Json::object_t*>())
                n += key.size() + 4 + estimated_json_size(value, depth + 1);
            return n;
        }
        case Json::value_t::array: {
            std::size_t n = 2;
            if (depth >= json_max_walk_depth) return n;
            for (const auto& element : *j.get_ptr<const Json::array_t*>()) n += 1 + estimated_json_size(element, depth + 1);
            return n;
        }
        case Json::value_t::string:
            return j.get_ptr<const Json::string_t*>()->size() + 2;
        default:
            return 20;
    }
}

// The whole body: what content() sends.
inline std::string dump_json(const Json& j) {
    std::string out;
    out.reserve(estimated_json_size(j));
    append_json(out, j);
    return out;
}

}  // namespace drf::detail
