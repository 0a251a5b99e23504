// drf/pagination/detail/python_int.hpp — Python 3.11's int() on UTF-8 text, as DRF reads page_size:
// surrounding whitespace, a sign, single underscores between digits, any Unicode decimal digit (Nd),
// at most 4300 digits; the magnitude saturates at 2^64 - 1 instead of growing without bound.
#pragma once

#include <drf/core/detail/strings.hpp>

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <optional>
#include <string_view>

namespace drf::pagination::detail {

// The zero of every run of ten Unicode decimal digits (category Nd, Unicode 14.0 as in Python 3.11):
// code points zero..zero+9 are the digits 0..9. Generated with
//     [c for c in range(0x110000) if unicodedata.category(chr(c)) == 'Nd' and unicodedata.decimal(chr(c)) == 0]
inline constexpr std::array<char32_t, 66> decimal_zeros{
    0x30,    0x660,   0x6F0,   0x7C0,   0x966,   0x9E6,   0xA66,   0xAE6,   0xB66,   0xBE6,   0xC66,
    0xCE6,   0xD66,   0xDE6,   0xE50,   0xED0,   0xF20,   0x1040,  0x1090,  0x17E0,  0x1810,  0x1946,
    0x19D0,  0x1A80,  0x1A90,  0x1B50,  0x1BB0,  0x1C40,  0x1C50,  0xA620,  0xA8D0,  0xA900,  0xA9D0,
    0xA9F0,  0xAA50,  0xABF0,  0xFF10,  0x104A0, 0x10D30, 0x11066, 0x110F0, 0x11136, 0x111D0, 0x112F0,
    0x11450, 0x114D0, 0x11650, 0x116C0, 0x11730, 0x118E0, 0x11950, 0x11C50, 0x11D50, 0x11DA0, 0x16A60,
    0x16AC0, 0x16B50, 0x1D7CE, 0x1D7D8, 0x1D7E2, 0x1D7EC, 0x1D7F6, 0x1E140, 0x1E2F0, 0x1E950, 0x1FBF0};

// The digit value of a Unicode decimal digit, or -1.
constexpr int decimal_value(char32_t c) {
    const auto after = std::upper_bound(decimal_zeros.begin(), decimal_zeros.end(), c);
    if (after == decimal_zeros.begin()) return -1;
    const char32_t offset = c - *(after - 1);
    return offset < 10 ? static_cast<int>(offset) : -1;
}

// The non-ASCII characters int() skips as whitespace (Python's str.isspace() beyond ASCII). Of ASCII,
// int() skips only drf::detail::is_ascii_space's " \t\n\v\f\r": unlike str.strip(), not \x1c..\x1f.
constexpr bool is_unicode_space(char32_t c) {
    return c == 0x85 || c == 0xA0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029 ||
           c == 0x202F || c == 0x205F || c == 0x3000;
}

// The code point at text[i], advancing i; nullopt for bytes that are not well-formed UTF-8 (Django
// decodes them to U+FFFD, which int() refuses).
constexpr std::optional<char32_t> next_code_point(std::string_view text, std::size_t& i) {
    const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
    const unsigned char lead = byte(i);
    if (lead < 0x80) {
        ++i;
        return lead;
    }
    const std::size_t length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC2 ? 2 : 0;
    if (length == 0 || lead > 0xF4 || text.size() - i < length) return std::nullopt;
    char32_t c = lead & (0xFF >> (length + 1));
    for (std::size_t k = 1; k < length; ++k) {
        if ((byte(i + k) & 0xC0) != 0x80) return std::nullopt;
        c = (c << 6) | (byte(i + k) & 0x3F);
    }
    constexpr std::array<char32_t, 5> smallest{0, 0, 0x80, 0x800, 0x10000};
    if (c < smallest[length] || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) return std::nullopt;
    i += length;
    return c;
}

struct PythonInt {
    bool negative = false;
    std::uint64_t magnitude = 0;  // saturated at 2^64 - 1
};

// Python's default sys.get_int_max_str_digits(): int() refuses text with more digits (leading zeros
// count, underscores do not).
inline constexpr std::size_t python_max_str_digits = 4300;

// int(text), or nullopt where int() raises ValueError.
constexpr std::optional<PythonInt> python_int(std::string_view text) {
    // Python first maps non-ASCII spaces to ' ' and non-ASCII digits to ASCII ones; anything else
    // outside ASCII makes the text invalid.
    enum class State { leading_space, sign, digit, underscore, trailing_space };
    State state = State::leading_space;
    PythonInt out;
    std::size_t digits = 0;
    std::size_t i = 0;
    while (i < text.size()) {
        const auto c = next_code_point(text, i);
        if (!c) return std::nullopt;
        int digit = -1;
        char ascii = 0;
        if (*c < 0x80) {
            ascii = static_cast<char>(*c);
            if (ascii >= '0' && ascii <= '9') digit = ascii - '0';
        } else if (is_unicode_space(*c)) {
            ascii = ' ';
        } else {
            digit = decimal_value(*c);
            if (digit < 0) return std::nullopt;
        }
        if (digit >= 0) {
            if (state == State::trailing_space) return std::nullopt;
            state = State::digit;
            if (++digits > python_max_str_digits) return std::nullopt;
            constexpr std::uint64_t max = std::numeric_limits<std::uint64_t>::max();
            const auto d = static_cast<std::uint64_t>(digit);
            out.magnitude = out.magnitude > (max - d) / 10 ? max : out.magnitude * 10 + d;
        } else if (drf::detail::is_ascii_space(ascii)) {
            if (state == State::sign || state == State::underscore) return std::nullopt;
            if (state == State::digit) state = State::trailing_space;
        } else if ((ascii == '+' || ascii == '-') && state == State::leading_space) {
            out.negative = ascii == '-';
            state = State::sign;
        } else if (ascii == '_' && state == State::digit) {
            state = State::underscore;
        } else {
            return std::nullopt;
        }
    }
    if (state != State::digit && state != State::trailing_space) return std::nullopt;
    return out;
}

}  // namespace drf::pagination::detail
