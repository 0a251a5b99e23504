// drf/core/detail/utf8.hpp — UTF-8 as Python sees it: the decoding check a request body's JSON parse
// needs (DRF decodes the whole body before json reads it, so its errors and their wording come first),
// strict validity, length in code points, and writing a code point, lone surrogates included.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <string>
#include <string_view>

namespace drf::detail {

// What decoding `bytes` as DRF does found: the length of the text json then reads, and the codec's
// error message ("" when none).
struct Utf8Decoded {
    std::size_t size = 0;
    std::string error;
};

namespace utf8 {
constexpr bool is_continuation(unsigned char c) { return (c & 0xC0) == 0x80; }

// One step of CPython's UTF-8 decoder (Objects/stringlib/codecs.h) at a non-ASCII byte: the length of
// a valid sequence (2..4) as a positive number; 0 when the input ends inside a sequence that is valid
// so far; -1 for an invalid start byte; -2, -3, -4 for an invalid continuation byte, the error
// covering 1, 2 or 3 bytes (CPython's 2, 3 and 4).
inline int decode_step(const unsigned char* s, const unsigned char* end) {
    const unsigned c = s[0];
    const auto left = end - s;
    if (c < 0xC2) return -1;  // a continuation byte, or C0/C1 (an overlong ASCII character)
    if (c < 0xE0) {
        if (left < 2) return 0;
        return is_continuation(s[1]) ? 2 : -2;
    }
    if (c < 0xF0) {
        // E0 needs A0..BF next (no overlong forms), ED 80..9F (no UTF-16 surrogates)
        const auto bad_second = [c](unsigned c2) { return !is_continuation(static_cast<unsigned char>(c2)) || (c2 < 0xA0 ? c == 0xE0 : c == 0xED); };
        if (left < 2) return 0;
        if (bad_second(s[1])) return -2;
        if (left < 3) return 0;
        return is_continuation(s[2]) ? 3 : -3;
    }
    if (c < 0xF5) {
        // F0 needs 90..BF next (no overlong forms), F4 80..8F (nothing past U+10FFFF)
        const auto bad_second = [c](unsigned c2) { return !is_continuation(static_cast<unsigned char>(c2)) || (c2 < 0x90 ? c == 0xF0 : c == 0xF4); };
        if (left < 2) return 0;
        if (bad_second(s[1])) return -2;
        if (left < 3) return 0;
        if (!is_continuation(s[2])) return -3;
        if (left < 4) return 0;
        return is_continuation(s[3]) ? 4 : -4;
    }
    return -1;
}
}  // namespace utf8

// Strict UTF-8, as Python's bytes.decode() checks it: no overlong forms, no surrogates, nothing above
// U+10FFFF, no truncated sequence.
inline bool is_valid_utf8(std::string_view s) noexcept {
    const auto* p = reinterpret_cast<const unsigned char*>(s.data());
    const auto* const end = p + s.size();
    while (p < end) {
        if (*p < 0x80) {
            ++p;
            continue;
        }
        const int step = utf8::decode_step(p, end);
        if (step <= 0) return false;
        p += step;
    }
    return true;
}

// len() of UTF-8 text, as Python and Django's max_length count it: code points, not bytes.
constexpr std::size_t utf8_length(std::string_view s) noexcept {
    std::size_t n = 0;
    for (const char c : s) n += !utf8::is_continuation(static_cast<unsigned char>(c));
    return n;
}

// Decodes `bytes` as DRF's JSONParser does: codecs.getreader('utf-8')(stream).read(). The reader does
// not decode a sequence cut off by the end of the input (nor a cut-off ED A0..BF, CPython's "truncated
// surrogate"): it drops it, so json reads the text before it. Any other invalid sequence is the codec's
// error, worded as Python words it: "'utf-8' codec can't decode byte 0xff in position 6: invalid start
// byte", or "bytes in position 6-7" when it spans more than one.
inline Utf8Decoded python_utf8_decode(std::string_view bytes) {
    const auto* const begin = reinterpret_cast<const unsigned char*>(bytes.data());
    const auto* const end = begin + bytes.size();
    const auto* s = begin;
    while (s < end) {
        if (end - s >= 8) {  // ASCII eight bytes at a time: the usual body is nothing else
            std::uint64_t word;
            std::memcpy(&word, s, 8);
            if ((word & 0x8080808080808080ULL) == 0) {
                s += 8;
                continue;
            }
        }
        if (*s < 0x80) {
            ++s;
            continue;
        }
        const int step = utf8::decode_step(s, end);
        if (step > 0) {
            s += step;
            continue;
        }
        if (step == 0 || (step == -2 && s[0] == 0xED && end - s == 2 && s[1] >= 0xA0 && s[1] <= 0xBF))
            return {static_cast<std::size_t>(s - begin), {}};
        const auto position = static_cast<std::size_t>(s - begin);
        const std::size_t length = step == -1 ? 1 : static_cast<std::size_t>(-step - 1);
        const char* reason = step == -1 ? "invalid start byte" : "invalid continuation byte";
        char message[128];
        if (length == 1)
            std::snprintf(message, sizeof message, "'utf-8' codec can't decode byte 0x%02x in position %zu: %s", s[0],
                          position, reason);
        else
            std::snprintf(message, sizeof message, "'utf-8' codec can't decode bytes in position %zu-%zu: %s", position,
                          position + length - 1, reason);
        return {position, message};
    }
    return {bytes.size(), {}};
}

// Appends code point `cp` (at most U+10FFFF) as UTF-8; U+D800..U+DFFF as their 3-byte form, as
// drf::parse_json keeps a lone surrogate (drf/core/json.hpp).
inline void append_code_point(std::string& out, char32_t cp) {
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        const char bytes[] = {static_cast<char>(0xC0 | (cp >> 6)), static_cast<char>(0x80 | (cp & 0x3F))};
        out.append(bytes, 2);
    } else if (cp < 0x10000) {
        const char bytes[] = {static_cast<char>(0xE0 | (cp >> 12)), static_cast<char>(0x80 | ((cp >> 6) & 0x3F)),
                              static_cast<char>(0x80 | (cp & 0x3F))};
        out.append(bytes, 3);
    } else {
        const char bytes[] = {static_cast<char>(0xF0 | (cp >> 18)), static_cast<char>(0x80 | ((cp >> 12) & 0x3F)),
                              static_cast<char>(0x80 | ((cp >> 6) & 0x3F)), static_cast<char>(0x80 | (cp & 0x3F))};
        out.append(bytes, 4);
    }
}

}  // namespace drf::detail
