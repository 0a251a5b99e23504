// drf/serializers/detail/python.hpp — the few bits of Python's behaviour DRF's messages and coercions
// depend on: type names, str()/repr() of values, float repr and str.strip() of Unicode text.
// Values are what drf::parse_json reads, integers wider than 64 bits and lone surrogates included.
#pragma once

#include <drf/core/detail/python_repr.hpp>
#include <drf/core/detail/strings.hpp>
#include <drf/core/json.hpp>

#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <optional>
#include <string>
#include <string_view>
#include <system_error>

namespace drf::serializers::detail {

// type(x).__name__ of the Python value a JSON value parses to.
inline std::string_view python_type_name(const Json& v) {
    switch (v.type()) {
        case Json::value_t::null: return "NoneType";
        case Json::value_t::boolean: return "bool";
        case Json::value_t::number_integer:
        case Json::value_t::number_unsigned: return "int";
        case Json::value_t::number_float: return "float";
        case Json::value_t::string: return "str";
        case Json::value_t::array: return "list";
        case Json::value_t::object: return "dict";
        default: return json_big_integer_text(v) ? "int" : "bytes";
    }
}

// DRF's not_a_list message (ListField, MultipleChoiceField, ListSerializer), naming the type given.
inline std::string not_a_list_message(const Json& v) {
    return std::string("Expected a list of items but got type \"") + std::string(python_type_name(v)) + "\".";
}

// Python's repr(float): the shortest digits that round-trip, positional between 1e-4 and 1e16,
// otherwise d.ddde+XX; always with a '.0' when integral.
inline void append_python_float(std::string& out, double x) {
    if (std::isnan(x)) { out += "nan"; return; }
    if (std::isinf(x)) { out += x < 0 ? "-inf" : "inf"; return; }
    char buf[64];
    auto res = std::to_chars(buf, buf + sizeof buf, x, std::chars_format::scientific);
    std::string_view sci(buf, static_cast<std::size_t>(res.ptr - buf));
    // sci looks like "-1.2345e+17" or "5e-05"
    bool negative = false;
    if (!sci.empty() && sci[0] == '-') { negative = true; sci.remove_prefix(1); }
    const auto e_pos = sci.find('e');
    std::string digits;
    for (char c : sci.substr(0, e_pos))
        if (c != '.') digits += c;
    int exponent = 0;
    std::from_chars(sci.data() + e_pos + 1 + (sci[e_pos + 1] == '+' ? 1 : 0), sci.data() + sci.size(), exponent);
    if (negative) out += '-';
    const int decpt = exponent + 1;  // position of the decimal point relative to the digits
    if (decpt > -4 && decpt <= 16) {
        if (decpt <= 0) {
            out += "0.";
            out.append(static_cast<std::size_t>(-decpt), '0');
            out += digits;
        } else if (static_cast<std::size_t>(decpt) >= digits.size()) {
            out += digits;
            out.append(static_cast<std::size_t>(decpt) - digits.size(), '0');
            out += ".0";
        } else {
            out.append(digits, 0, static_cast<std::size_t>(decpt));
            out += '.';
            out.append(digits, static_cast<std::size_t>(decpt));
        }
    } else {
        out += digits[0];
        if (digits.size() > 1) {
            out += '.';
            out.append(digits, 1);
        }
        out += 'e';
        out += exponent < 0 ? '-' : '+';
        const int a = exponent < 0 ? -exponent : exponent;
        if (a < 10) out += '0';
        out += std::to_string(a);
    }
}

inline std::string python_float(double x) {
    std::string s;
    append_python_float(s, x);
    return s;
}

// str(x) (repr = false) or repr(x) (repr = true) of the Python value a JSON value parses to. Nested
// lists and dicts recurse, to drf::json_max_walk_depth levels (then drf::JsonTooDeep, where Python
// raises RecursionError).
inline void append_python_str(std::string& out, const Json& v, bool repr, std::size_t depth = 0) {
    switch (v.type()) {
        case Json::value_t::null: out += "None"; break;
        case Json::value_t::boolean: out += v.get<bool>() ? "True" : "False"; break;
        case Json::value_t::number_integer: out += std::to_string(v.get<std::int64_t>()); break;
        case Json::value_t::number_unsigned: out += std::to_string(v.get<std::uint64_t>()); break;
        case Json::value_t::number_float: append_python_float(out, v.get<double>()); break;
        case Json::value_t::string:
            if (repr) drf::detail::append_python_repr(out, v.get_ref<const std::string&>());
            else out += v.get_ref<const std::string&>();
            break;
        case Json::value_t::array: {
            drf::detail::check_walk_depth(depth, "str() of a list");
            out += '[';
            bool first = true;
            for (const auto& item : v) {
                if (!first) out += ", ";
                first = false;
                append_python_str(out, item, true, depth + 1);
            }
            out += ']';
            break;
        }
        case Json::value_t::object: {
            drf::detail::check_walk_depth(depth, "str() of a dict");
            out += '{';
            bool first = true;
            for (const auto& [key, item] : *v.get_ptr<const Json::object_t*>()) {
                if (!first) out += ", ";
                first = false;
                drf::detail::append_python_repr(out, key);
                out += ": ";
                append_python_str(out, item, true, depth + 1);
            }
            out += '}';
            break;
        }
        default:
            if (const auto digits = json_big_integer_text(v)) out += *digits;  // an int wider than 64 bits
            break;
    }
}

inline std::string python_str(const Json& v) {
    std::string s;
    append_python_str(s, v, false);
    return s;
}

// Length in bytes of the Unicode whitespace character (as Python's str.isspace() sees it) that starts
// at s[i], or 0.
inline std::size_t whitespace_at(std::string_view s, std::size_t i) noexcept {
    const auto b = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
    const unsigned char c = b(i);
    if (drf::detail::is_python_ascii_space(s[i])) return 1;
    if (c == 0xC2 && i + 1 < s.size() && (b(i + 1) == 0x85 || b(i + 1) == 0xA0)) return 2;
    if (i + 2 < s.size()) {
        const unsigned c1 = b(i + 1), c2 = b(i + 2);
        if (c == 0xE1 && c1 == 0x9A && c2 == 0x80) return 3;                 // U+1680
        if (c == 0xE2 && c1 == 0x80 && (c2 <= 0x8A || c2 == 0xA8 || c2 == 0xA9 || c2 == 0xAF)) return 3;  // U+2000..200A, 2028, 2029, 202F
        if (c == 0xE2 && c1 == 0x81 && c2 == 0x9F) return 3;                 // U+205F
        if (c == 0xE3 && c1 == 0x80 && c2 == 0x80) return 3;                 // U+3000
    }
    return 0;
}

// Python's str.strip() with no arguments, on UTF-8.
inline std::string_view python_strip(std::string_view s) noexcept {
    std::size_t begin = 0;
    while (begin < s.size()) {
        const std::size_t w = whitespace_at(s, begin);
        if (w == 0) break;
        begin += w;
    }
    std::size_t end = s.size();
    while (end > begin) {
        // step back to the start of the last code point
        std::size_t start = end - 1;
        while (start > begin && (static_cast<unsigned char>(s[start]) & 0xC0) == 0x80) --start;
        const std::size_t w = whitespace_at(s, start);
        if (w == 0 || start + w != end) break;
        end = start;
    }
    return s.substr(begin, end - begin);
}

}  // namespace drf::serializers::detail
