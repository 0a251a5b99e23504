// drf/serializers/detail/numbers.hpp — Python's int() and float() on text, as DRF's IntegerField and
// FloatField run them on a string (or on str() of a number).
#pragma once

#include <drf/core/detail/decimal.hpp>
#include <drf/core/detail/strings.hpp>
#include <drf/serializers/detail/python.hpp>

#include <cstddef>
#include <limits>
#include <string>
#include <string_view>

namespace drf::serializers::detail {

inline constexpr std::size_t max_number_string_length = 1000;  // DRF's MAX_STRING_LENGTH

constexpr bool is_digit(char c) noexcept { return c >= '0' && c <= '9'; }

__extension__ typedef __int128 wide_int;  // Python ints outgrow 64 bits; __extension__ keeps -Wpedantic quiet
__extension__ typedef unsigned __int128 wide_uint;

// Python's int() on text, after DRF strips a trailing ".000": optional surrounding whitespace, a sign,
// digits with single underscores between them. Digits past 2**100 are not accumulated: `overflow` says
// the value is beyond any C++ integer member.
inline bool parse_python_int(std::string_view s, wide_int& out, bool& overflow) {
    overflow = false;
    s = python_strip(s);
    // DRF's re_decimal: r'\.0*\s*$' removed before int()
    {
        std::size_t p = s.size();
        while (p > 0 && s[p - 1] == '0') --p;
        if (p > 0 && s[p - 1] == '.') s = python_strip(s.substr(0, p - 1));
    }
    if (s.empty()) return false;
    bool negative = false;
    std::size_t i = 0;
    if (s[0] == '+' || s[0] == '-') {
        negative = s[0] == '-';
        i = 1;
    }
    if (i >= s.size()) return false;
    wide_int value = 0;
    constexpr wide_int cap = static_cast<wide_int>(1) << 100;
    bool last_digit = false;
    for (; i < s.size(); ++i) {
        const char c = s[i];
        if (c == '_') {
            if (!last_digit || i + 1 >= s.size()) return false;
            last_digit = false;
            continue;
        }
        if (!is_digit(c)) return false;
        last_digit = true;
        if (value < cap) value = value * 10 + (c - '0');
        else overflow = true;
    }
    if (!last_digit) return false;
    out = negative ? -value : value;
    return true;
}

// The non-negative integer `digits` (decimal, no sign) when it is below 2**128, as uuid.UUID(int=n)
// takes it.
inline bool parse_uint128(std::string_view digits, wide_uint& out) {
    constexpr wide_uint max = ~static_cast<wide_uint>(0);
    wide_uint value = 0;
    if (digits.empty()) return false;
    for (const char c : digits) {
        if (!is_digit(c)) return false;
        const auto d = static_cast<unsigned>(c - '0');
        if (value > (max - d) / 10) return false;
        value = value * 10 + d;
    }
    out = value;
    return true;
}

// Python's float() on text: surrounding whitespace, decimal/exponent forms, underscores between digits,
// nan/inf/infinity in any case.
inline bool parse_python_float(std::string_view s, double& out) {
    s = python_strip(s);
    if (s.empty()) return false;
    std::string text;
    text.reserve(s.size());
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '_') {
            const bool ok = i > 0 && i + 1 < s.size() && is_digit(s[i - 1]) && is_digit(s[i + 1]);
            if (!ok) return false;
            continue;
        }
        text += drf::detail::ascii_lower(s[i]);
    }
    std::string_view body = text;
    bool negative = false;
    if (body[0] == '+' || body[0] == '-') {
        negative = body[0] == '-';
        body.remove_prefix(1);
    }
    if (body == "nan") {
        out = std::numeric_limits<double>::quiet_NaN();
        return true;
    }
    if (body == "inf" || body == "infinity") {
        out = negative ? -std::numeric_limits<double>::infinity() : std::numeric_limits<double>::infinity();
        return true;
    }
    // digits [. digits] [e [+-] digits], at least one digit in the mantissa
    std::size_t i = 0, mantissa = 0;
    while (i < body.size() && is_digit(body[i])) ++i, ++mantissa;
    if (i < body.size() && body[i] == '.') {
        ++i;
        while (i < body.size() && is_digit(body[i])) ++i, ++mantissa;
    }
    if (mantissa == 0) return false;
    if (i < body.size() && body[i] == 'e') {
        ++i;
        if (i < body.size() && (body[i] == '+' || body[i] == '-')) ++i;
        std::size_t exponent_digits = 0;
        while (i < body.size() && is_digit(body[i])) ++i, ++exponent_digits;
        if (exponent_digits == 0) return false;
    }
    if (i != body.size()) return false;
    const double magnitude = drf::detail::decimal_to_double(body);
    out = negative ? -magnitude : magnitude;
    return true;
}

}  // namespace drf::serializers::detail
