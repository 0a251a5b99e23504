// drf/core/detail/json_parser.hpp — the strict JSON parser (RFC 8259, read as Python's json reads
// it) behind drf::parse_json: one linear pass, no recursion, answers and messages as DRF's.
//
// Why not nlohmann's parser, which drf uses everywhere else:
// - Its ordered_json object insert searches the keys linearly, so a body of n keys costs O(n²): 100k
//   keys in 1 MiB took 12 s. Here keys are appended to the ordered_map's vector directly; a duplicate
//   is found by scanning an object's first keys and, past those, through a hash index of the rest.
// - Python reads "\ud800" (a lone surrogate escape) as a str, and DRF then answers with a field error;
//   nlohmann's lexer refuses the whole body, and no SAX handler can change what its lexer accepts.
// - Python reads 1e400 as inf; nlohmann stops the parse with out_of_range 406, SAX interface or not.
// - Python refuses a UTF-8 byte-order mark; nlohmann skips it silently.
// - DRF's messages are Python's ("Expecting ',' delimiter: line 1 column 9 (char 8)").
// Nesting is held in an explicit stack bounded by max_depth: no input reaches the C++ stack.
// tests/core/json_parse_test.cpp checks it against nlohmann's parser on a corpus, and against the
// answers Python gives.
#pragma once

#include <drf/core/detail/decimal.hpp>
#include <drf/core/detail/utf8.hpp>
#include <drf/core/json.hpp>

#include <charconv>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <system_error>
#include <unordered_set>
#include <utility>
#include <vector>

namespace drf::detail {

// Python's int(text) refuses more digits than this (sys.get_int_max_str_digits(), CVE-2020-10735).
inline constexpr std::size_t python_int_max_str_digits = 4300;

class JsonParser {
public:
    // `text` has been decoded (python_utf8_decode): it is UTF-8 throughout.
    JsonParser(std::string_view text, std::size_t max_depth, std::size_t max_values)
        : s_(text), n_(text.size()), max_depth_(max_depth), max_values_(max_values) {}

    Json parse() {
        if (s_.starts_with("\xef\xbb\xbf")) fail("Unexpected UTF-8 BOM (decode using utf-8-sig)", 0);
        Json root;
        Json* slot = &root;  // where the value at i goes
        std::size_t i = skip_whitespace(0);
        while (true) {
            if (i < n_ && (s_[i] == '{' || s_[i] == '[')) {
                const bool object = s_[i] == '{';
                open(*slot, object, i);
                i = skip_whitespace(i + 1);
                if (i < n_ && s_[i] == (object ? '}' : ']')) {
                    ++i;
                    open_.pop_back();
                } else {
                    i = object ? member(i, slot) : element(i, slot);
                    continue;
                }
            } else {
                i = scalar(i, *slot);
            }
            // A value is complete: close what it completes, then find where the next value goes.
            if (!next_slot(i, slot)) break;
        }
        i = skip_whitespace(i);
        if (i != n_) fail("Extra data", i);
        return root;
    }

private:
    using Members = Json::object_t::Container;  // the vector under nlohmann's ordered_map
    // An object's key index: each member's position with its key's hash, kept so that neither a rehash
    // nor a lookup hashes a key again; comparing reads the keys in place.
    struct Indexed {
        std::size_t hash;
        std::uint32_t position;
    };
    struct KeyHash {
        std::size_t operator()(const Indexed& k) const noexcept { return k.hash; }
    };
    struct KeyEqual {
        const Members* members;
        bool operator()(const Indexed& a, const Indexed& b) const noexcept {
            return a.hash == b.hash && (*members)[a.position].first == (*members)[b.position].first;
        }
    };
    using KeyIndex = std::unordered_set<Indexed, KeyHash, KeyEqual>;
    static std::size_t hash(std::string_view key) noexcept { return std::hash<std::string_view>{}(key); }
    // Below this many members a linear scan finds a duplicate faster than hashing would.
    static constexpr std::size_t indexed_from = 16;

    struct Open {
        Json* container;                  // in its parent, which grows no further while this is open
        std::unique_ptr<KeyIndex> index;  // an object's, from `indexed_from` members on
    };

    [[noreturn]] void fail(std::string_view message, std::size_t at) const {
        throw JsonParseError(std::string(message) + position(at));
    }

    // Python's JSONDecodeError position: ": line L column C (char N)", counted in characters.
    std::string position(std::size_t at) const {
        std::size_t line = 1, chars = 0, line_start = 0;
        for (std::size_t k = 0; k < at && k < n_; ++k) {
            const auto c = static_cast<unsigned char>(s_[k]);
            if ((c & 0xC0) == 0x80) continue;  // a continuation byte: same character
            ++chars;
            if (c == '\n') {
                ++line;
                line_start = chars;
            }
        }
        return ": line " + std::to_string(line) + " column " + std::to_string(chars - line_start + 1) + " (char " +
               std::to_string(chars) + ")";
    }

    std::size_t skip_whitespace(std::size_t i) const noexcept {
        while (i < n_ && (s_[i] == ' ' || s_[i] == '\n' || s_[i] == '\r' || s_[i] == '\t')) ++i;
        return i;
    }

    void count_value(std::size_t at) {
        if (++values_ > max_values_)
            fail("More than " + std::to_string(max_values_) + " array items and object members", at);
    }

    void open(Json& slot, bool object, std::size_t at) {
        if (open_.size() >= max_depth_) fail("Nested deeper than " + std::to_string(max_depth_) + " levels", at);
        slot = object ? Json(Json::value_t::object) : Json(Json::value_t::array);
        if (open_.capacity() == 0) open_.reserve(8);
        open_.push_back({&slot, nullptr});
    }

    // After a complete value: closes the containers it completes and points `slot` at the next value's
    // place; false when the top value is complete.
    bool next_slot(std::size_t& i, Json*& slot) {
        while (!open_.empty()) {
            i = skip_whitespace(i);
            const bool object = open_.back().container->is_object();
            if (i < n_ && s_[i] == (object ? '}' : ']')) {
                ++i;
                open_.pop_back();
                continue;
            }
            if (i >= n_ || s_[i] != ',') fail("Expecting ',' delimiter", i);
            i = skip_whitespace(i + 1);
            i = object ? member(i, slot) : element(i, slot);
            return true;
        }
        return false;
    }

    // The next element of the innermost (array) container, at i.
    std::size_t element(std::size_t i, Json*& slot) {
        count_value(i);
        slot = &open_.back().container->get_ptr<Json::array_t*>()->emplace_back();
        return i;
    }

    // `"key"` `:` at i, in the innermost (object) container; returns where its value starts.
    std::size_t member(std::size_t i, Json*& slot) {
        if (i >= n_ || s_[i] != '"') fail("Expecting property name enclosed in double quotes", i);
        count_value(i);
        std::string key;
        i = skip_whitespace(string(i, key));
        if (i >= n_ || s_[i] != ':') fail("Expecting ':' delimiter", i);
        slot = &add_member(open_.back(), std::move(key));
        return skip_whitespace(i + 1);
    }

    // Python's dict: a repeated key keeps its first place and takes the last value.
    static Json& add_member(Open& object, std::string key) {
        auto& members = static_cast<Members&>(*object.container->get_ptr<Json::object_t*>());
        const std::size_t count = members.size();
        if (!object.index) {
            for (auto& [name, value] : members) {
                if (name == key) {
                    value = nullptr;
                    return value;
                }
            }
            members.emplace_back(std::move(key), nullptr);
            if (members.size() == indexed_from) {
                object.index = std::make_unique<KeyIndex>(4 * indexed_from, KeyHash{}, KeyEqual{&members});
                for (std::uint32_t k = 0; k < indexed_from; ++k) object.index->insert({hash(members[k].first), k});
            }
            return members.back().second;
        }
        const std::size_t key_hash = hash(key);
        members.emplace_back(std::move(key), nullptr);
        const auto [found, added] = object.index->insert({key_hash, static_cast<std::uint32_t>(count)});
        if (added) return members.back().second;
        members.pop_back();
        Json& value = members[found->position].second;
        value = nullptr;
        return value;
    }

    bool next_is(std::size_t i, std::string_view word) const noexcept { return s_.substr(i).starts_with(word); }

    // A string, literal or number at i (Python's scan_once).
    std::size_t scalar(std::size_t i, Json& out) {
        if (i >= n_) fail("Expecting value", i);
        switch (s_[i]) {
            case '"': {
                std::string text;
                i = string(i, text);
                out = std::move(text);
                return i;
            }
            case 'n':
                if (next_is(i, "null")) return i + 4;  // out is null already
                break;
            case 't':
                if (next_is(i, "true")) {
                    out = true;
                    return i + 4;
                }
                break;
            case 'f':
                if (next_is(i, "false")) {
                    out = false;
                    return i + 5;
                }
                break;
            case 'N': constant(i, "NaN"); break;
            case 'I': constant(i, "Infinity"); break;
            case '-': constant(i, "-Infinity"); break;
            default: break;
        }
        return number(i, out);
    }

    // DRF's JSONParser refuses these (parse_constant=strict_constant), with no position.
    void constant(std::size_t i, std::string_view word) const {
        if (next_is(i, word))
            throw JsonParseError("Out of range float values are not JSON compliant: '" + std::string(word) + "'");
    }

    // The string whose opening quote is at `begin` (Python's scanstring); returns the index after it.
    std::size_t string(const std::size_t begin, std::string& out) const {
        std::size_t i = begin + 1;
        while (true) {
            const std::size_t run = i;
            while (i < n_ && s_[i] != '"' && s_[i] != '\\' && static_cast<unsigned char>(s_[i]) >= 0x20) ++i;
            out.append(s_.data() + run, i - run);
            if (i >= n_) fail("Unterminated string starting at", begin);
            if (s_[i] == '"') return i + 1;
            if (s_[i] != '\\') fail("Invalid control character at", i);
            if (++i >= n_) fail("Unterminated string starting at", begin);
            if (s_[i] != 'u') {
                out += unescaped(s_[i], i - 1);
                ++i;
                continue;
            }
            i = unicode_escape(i + 1, out);
        }
    }

    char unescaped(char c, std::size_t backslash) const {
        switch (c) {
            case '"': case '\\': case '/': return c;
            case 'b': return '\b';
            case 'f': return '\f';
            case 'n': return '\n';
            case 'r': return '\r';
            case 't': return '\t';
            default: fail("Invalid \\escape", backslash);
        }
    }

    // The four hex digits at i as a number, or -1.
    long hex4(std::size_t i) const noexcept {
        long value = 0;
        for (std::size_t k = i; k < i + 4; ++k) {
            const char c = s_[k];
            const int digit = c >= '0' && c <= '9' ? c - '0'
                              : c >= 'a' && c <= 'f' ? c - 'a' + 10
                              : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                                     : -1;
            if (digit < 0) return -1;
            value = value * 16 + digit;
        }
        return value;
    }

    // "\uXXXX" with its hex digits at `digits`, and its low half when it is a high surrogate followed by
    // one; a lone surrogate is kept (drf/core/json.hpp). Bounds and error positions are CPython's.
    std::size_t unicode_escape(std::size_t digits, std::string& out) const {
        std::size_t end = digits + 4;
        if (end >= n_) fail("Invalid \\uXXXX escape", digits - 1);
        const long unit = hex4(digits);
        if (unit < 0) fail("Invalid \\uXXXX escape", digits - 1);
        auto code = static_cast<char32_t>(unit);
        if (code >= 0xD800 && code <= 0xDBFF && end + 6 < n_ && s_[end] == '\\' && s_[end + 1] == 'u') {
            const long low = hex4(end + 2);
            if (low < 0) fail("Invalid \\uXXXX escape", end + 1);
            if (low >= 0xDC00 && low <= 0xDFFF) {
                code = 0x10000 + ((code - 0xD800) << 10) + (static_cast<char32_t>(low) - 0xDC00);
                end += 6;
            }
        }
        append_code_point(out, code);
        return end;
    }

    static bool is_digit(char c) noexcept { return c >= '0' && c <= '9'; }

    // Python's _match_number: -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][-+]?[0-9]+)?, the fraction and exponent
    // taken only when complete ("1." is 1 followed by '.').
    std::size_t number(const std::size_t start, Json& out) const {
        std::size_t i = start;
        const bool negative = s_[i] == '-';
        if (negative && ++i >= n_) fail("Expecting value", start);
        if (s_[i] >= '1' && s_[i] <= '9') {
            while (++i < n_ && is_digit(s_[i])) {}
        } else if (s_[i] == '0') {
            ++i;
        } else {
            fail("Expecting value", start);
        }
        bool is_float = false;
        if (i + 1 < n_ && s_[i] == '.' && is_digit(s_[i + 1])) {
            is_float = true;
            i += 2;
            while (i < n_ && is_digit(s_[i])) ++i;
        }
        if (i + 1 < n_ && (s_[i] == 'e' || s_[i] == 'E')) {
            const std::size_t exponent = i++;
            if (i + 1 < n_ && (s_[i] == '-' || s_[i] == '+')) ++i;
            while (i < n_ && is_digit(s_[i])) ++i;
            if (is_digit(s_[i - 1]))
                is_float = true;
            else
                i = exponent;
        }
        const std::string_view text = s_.substr(start, i - start);
        if (is_float)
            out = decimal_to_double(text);  // Python's float(): 1e400 is inf
        else
            out = integer_value(text, negative);
        return i;
    }

    static Json integer_value(std::string_view text, bool negative) {
        const std::size_t digits = text.size() - (negative ? 1 : 0);
        if (digits > python_int_max_str_digits)
            throw JsonParseError("Exceeds the limit (" + std::to_string(python_int_max_str_digits) +
                                 " digits) for integer string conversion: value has " + std::to_string(digits) + " digits");
        std::int64_t value = 0;
        if (std::from_chars(text.data(), text.data() + text.size(), value).ec == std::errc{}) return value;
        std::uint64_t big = 0;
        if (!negative && std::from_chars(text.data(), text.data() + text.size(), big).ec == std::errc{}) return big;
        return json_big_integer(text);
    }

    std::string_view s_;
    std::size_t n_;
    std::size_t max_depth_;
    std::size_t max_values_;
    std::size_t values_ = 0;
    std::vector<Open> open_;
};

}  // namespace drf::detail
