// drf/filters/detail/python_text.hpp — Python's str.split() and str.strip() on UTF-8 text, which DRF's
// SearchFilter and OrderingFilter use on query parameters: the same whitespace (Unicode's, not only
// ASCII's) separates search terms and is trimmed from ordering terms, so a client sees DRF's answer.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace drf::filters::detail {

// The length in bytes of the whitespace character (str.isspace()) starting at s[i], or 0. UTF-8 is
// self-synchronising, so matching the encoded bytes cannot match inside another character.
constexpr std::size_t python_space_at(std::string_view s, std::size_t i) {
    const auto byte = [&](std::size_t k) { return i + k < s.size() ? static_cast<unsigned char>(s[i + k]) : 0u; };
    const unsigned b0 = byte(0);
    if ((b0 >= 0x09 && b0 <= 0x0d) || (b0 >= 0x1c && b0 <= 0x20)) return 1;
    if (b0 == 0xc2) return (byte(1) == 0x85 || byte(1) == 0xa0) ? 2 : 0;                // U+0085, U+00A0
    if (b0 == 0xe1) return (byte(1) == 0x9a && byte(2) == 0x80) ? 3 : 0;                // U+1680
    if (b0 == 0xe3) return (byte(1) == 0x80 && byte(2) == 0x80) ? 3 : 0;                // U+3000
    if (b0 == 0xe2) {
        const unsigned b1 = byte(1), b2 = byte(2);
        if (b1 == 0x80 && ((b2 >= 0x80 && b2 <= 0x8a) || b2 == 0xa8 || b2 == 0xa9 || b2 == 0xaf)) return 3;
        if (b1 == 0x81 && b2 == 0x9f) return 3;                                          // U+205F
    }
    return 0;
}

// str.strip(): the text without leading and trailing whitespace.
constexpr std::string_view python_strip(std::string_view s) {
    std::size_t start = 0;
    while (start < s.size()) {
        const std::size_t n = python_space_at(s, start);
        if (n == 0) break;
        start += n;
    }
    // From the end: find the last non-space character by scanning forward (multi-byte spaces).
    std::size_t end = start;
    for (std::size_t i = start; i < s.size();) {
        const std::size_t n = python_space_at(s, i);
        if (n == 0) {
            ++i;
            end = i;
        } else {
            i += n;
        }
    }
    return s.substr(start, end - start);
}

// str.split() with no separator: the runs of non-whitespace, in order.
inline std::vector<std::string_view> python_split(std::string_view s) {
    std::vector<std::string_view> parts;
    std::size_t i = 0, start = 0;
    bool in_word = false;
    while (i < s.size()) {
        const std::size_t n = python_space_at(s, i);
        if (n) {
            if (in_word) parts.push_back(s.substr(start, i - start));
            in_word = false;
            i += n;
        } else {
            if (!in_word) start = i;
            in_word = true;
            ++i;
        }
    }
    if (in_word) parts.push_back(s.substr(start));
    return parts;
}

}  // namespace drf::filters::detail
