// drf/core/detail/decimal.hpp — Python's float() of a decimal literal ("-1.5e300"): correctly
// rounded, inf past the largest double, 0.0 below the smallest, without the C locale's say.
#pragma once

#include <algorithm>
#include <charconv>
#include <limits>
#include <string_view>
#include <system_error>

namespace drf::detail {

// For a literal std::from_chars found out of range: whether it is too large rather than too small. The
// power of ten of its first significant digit decides: nothing from 10**0 up is too small, nothing
// below 10**-300 too large.
inline bool decimal_overflows(std::string_view text) noexcept {
    long long integer_digits = 0, first_significant = -1, index = 0, exponent = 0;
    bool fraction = false;
    std::size_t k = !text.empty() && text[0] == '-' ? 1 : 0;
    for (; k < text.size() && text[k] != 'e' && text[k] != 'E'; ++k) {
        if (text[k] == '.') {
            fraction = true;
            continue;
        }
        if (first_significant < 0 && text[k] != '0') first_significant = index;
        ++index;
        if (!fraction) ++integer_digits;
    }
    if (first_significant < 0) return false;  // zero is never out of range
    bool negative_exponent = false;
    if (++k < text.size() && (text[k] == '-' || text[k] == '+')) negative_exponent = text[k++] == '-';
    for (; k < text.size(); ++k) exponent = std::min(exponent * 10 + (text[k] - '0'), 1'000'000'000LL);
    return integer_digits - 1 - first_significant + (negative_exponent ? -exponent : exponent) >= 0;
}

// `text`: an optional '-', digits with an optional '.', an optional exponent — a JSON number, or what
// Python's float() accepts once its underscores, sign '+' and spaces are gone.
inline double decimal_to_double(std::string_view text) noexcept {
    double value = 0;
    if (std::from_chars(text.data(), text.data() + text.size(), value).ec == std::errc{}) return value;
    const double magnitude = decimal_overflows(text) ? std::numeric_limits<double>::infinity() : 0.0;
    return !text.empty() && text[0] == '-' ? -magnitude : magnitude;
}

}  // namespace drf::detail
