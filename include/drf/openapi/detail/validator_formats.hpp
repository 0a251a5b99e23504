// drf/openapi/detail/validator_formats.hpp — the string formats the response validator checks (uuid,
// RFC 3339 date-time, email, uri), string length in code points, and how a value is named in a message.
// JSON Schema 2020-12 makes "format" an annotation by default; these four are asserted because a
// response that breaks them breaks every client that parses them.
#pragma once

#include <drf/core/detail/strings.hpp>
#include <drf/core/detail/utf8.hpp>
#include <drf/core/json.hpp>
#include <drf/core/uuid.hpp>

#include <cstddef>
#include <string>
#include <string_view>

namespace drf::openapi::detail::validation {

constexpr bool is_ascii_digit(char c) noexcept { return c >= '0' && c <= '9'; }
constexpr bool is_ascii_alpha(char c) noexcept { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
constexpr bool is_hex_digit(char c) noexcept { return drf::detail::hex_value(c) >= 0; }

// JSON Schema counts a string's length in code points, as Django's max_length does.
constexpr std::size_t code_points(std::string_view text) noexcept { return drf::detail::utf8_length(text); }

// RFC 4122's textual form: 8-4-4-4-12 hexadecimal digits, either case (the form drf renders, read back).
constexpr bool is_uuid(std::string_view s) noexcept { return drf::detail::parse_canonical_uuid(s).has_value(); }

constexpr bool read_number(std::string_view s, std::size_t& at, std::size_t digits, int& value) noexcept {
    if (at + digits > s.size()) return false;
    value = 0;
    for (std::size_t i = 0; i < digits; ++i) {
        if (!is_ascii_digit(s[at + i])) return false;
        value = value * 10 + (s[at + i] - '0');
    }
    at += digits;
    return true;
}

constexpr bool read_char(std::string_view s, std::size_t& at, char expected) noexcept {
    if (at >= s.size() || (s[at] | 0x20) != (expected | 0x20)) return false;
    ++at;
    return true;
}

// RFC 3339 section 5.6's date-time: full-date "T" full-time, the T and Z in either case, seconds up to
// 60 (a leap second), an optional fraction, and Z or a numeric offset. Days are checked against the
// month (February 29 in leap years only), as RFC 3339 section 5.7 requires.
constexpr bool is_rfc3339_datetime(std::string_view s) noexcept {
    std::size_t at = 0;
    int year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0;
    if (!read_number(s, at, 4, year) || !read_char(s, at, '-') || !read_number(s, at, 2, month) ||
        !read_char(s, at, '-') || !read_number(s, at, 2, day) || !read_char(s, at, 'T') ||
        !read_number(s, at, 2, hour) || !read_char(s, at, ':') || !read_number(s, at, 2, minute) ||
        !read_char(s, at, ':') || !read_number(s, at, 2, second))
        return false;
    if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 60) return false;
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    constexpr int days_in_month[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (day > days_in_month[month - 1] + (month == 2 && leap ? 1 : 0)) return false;
    if (at < s.size() && s[at] == '.') {
        const std::size_t start = ++at;
        while (at < s.size() && is_ascii_digit(s[at])) ++at;
        if (at == start) return false;
    }
    if (at < s.size() && (s[at] == 'Z' || s[at] == 'z')) return at + 1 == s.size();
    if (at >= s.size() || (s[at] != '+' && s[at] != '-')) return false;
    ++at;
    int off_hour = 0, off_minute = 0;
    if (!read_number(s, at, 2, off_hour) || !read_char(s, at, ':') || !read_number(s, at, 2, off_minute)) return false;
    return off_hour <= 23 && off_minute <= 59 && at == s.size();
}

// RFC 5322's atext: the characters of a dot-atom besides letters and digits.
constexpr bool is_atext(char c) noexcept {
    return is_ascii_alpha(c) || is_ascii_digit(c) || std::string_view("!#$%&'*+-/=?^_`{|}~").find(c) != std::string_view::npos;
}

// A host name as RFC 1123 writes one: dot-separated labels of letters, digits and inner hyphens, each
// 1..63 long.
constexpr bool is_hostname(std::string_view s) noexcept {
    if (s.empty() || s.size() > 253) return false;
    std::size_t label = 0;
    for (std::size_t i = 0; i <= s.size(); ++i) {
        if (i == s.size() || s[i] == '.') {
            if (label == 0 || label > 63 || s[i - 1] == '-') return false;
            label = 0;
            continue;
        }
        const char c = s[i];
        if (!is_ascii_alpha(c) && !is_ascii_digit(c) && c != '-') return false;
        if (label == 0 && c == '-') return false;
        ++label;
    }
    return true;
}

// RFC 5321's Mailbox, as JSON Schema's "email" names it: a dot-atom or quoted local part (at most 64
// octets), '@', and a host name or an address literal in brackets. Non-ASCII belongs to "idn-email".
constexpr bool is_email(std::string_view s) noexcept {
    const auto at = s.rfind('@');
    if (at == std::string_view::npos || at == 0 || at > 64 || at + 1 == s.size()) return false;
    const std::string_view local = s.substr(0, at);
    const std::string_view domain = s.substr(at + 1);
    if (local.size() >= 2 && local.front() == '"' && local.back() == '"') {
        for (std::size_t i = 1; i + 1 < local.size(); ++i) {
            const char c = local[i];
            if (c == '\\') {
                if (++i + 1 >= local.size() || local[i] < 0x20 || local[i] > 0x7e) return false;
            } else if (c < 0x20 || c > 0x7e || c == '"') {
                return false;
            }
        }
    } else {
        if (local.front() == '.' || local.back() == '.' || local.find("..") != std::string_view::npos) return false;
        for (const char c : local)
            if (c != '.' && !is_atext(c)) return false;
    }
    if (domain.front() == '[') {
        if (domain.back() != ']' || domain.size() < 3) return false;
        for (const char c : domain.substr(1, domain.size() - 2))
            if (!is_hex_digit(c) && c != '.' && c != ':' && !is_ascii_alpha(c)) return false;
        return true;
    }
    return is_hostname(domain);
}

// RFC 3986's URI (absolute, a fragment allowed): a scheme, ':', then only the characters a URI may
// hold, every '%' starting a two-digit escape. The structure after the scheme is not parsed: what this
// catches is what breaks a client's URL parser (spaces, non-ASCII, a missing scheme).
constexpr bool is_uri(std::string_view s) noexcept {
    const auto colon = s.find(':');
    if (colon == std::string_view::npos || colon == 0 || !is_ascii_alpha(s[0])) return false;
    for (std::size_t i = 1; i < colon; ++i)
        if (!is_ascii_alpha(s[i]) && !is_ascii_digit(s[i]) && s[i] != '+' && s[i] != '-' && s[i] != '.') return false;
    constexpr std::string_view allowed = "-._~:/?#[]@!$&'()*+,;=";
    for (std::size_t i = colon + 1; i < s.size(); ++i) {
        const char c = s[i];
        if (c == '%') {
            if (i + 2 >= s.size() || !is_hex_digit(s[i + 1]) || !is_hex_digit(s[i + 2])) return false;
            i += 2;
        } else if (!is_ascii_alpha(c) && !is_ascii_digit(c) && allowed.find(c) == std::string_view::npos) {
            return false;
        }
    }
    return true;
}

// `text` cut to at most `limit` bytes on a code point boundary, "..." marking the cut.
inline std::string shortened(std::string text, std::size_t limit = 60) {
    if (text.size() <= limit) return text;
    std::size_t end = limit;
    while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
    text.resize(end);
    return text + "...";
}

// How a message names a value: "number 5", "string \"abc\"", "null", "boolean true", "object {...}".
inline std::string describe(const Json& value) {
    if (json_big_integer_text(value)) return "number " + std::string(*json_big_integer_text(value));
    switch (value.type()) {
        case Json::value_t::null: return "null";
        case Json::value_t::boolean: return value.get<bool>() ? "boolean true" : "boolean false";
        case Json::value_t::number_integer:
        case Json::value_t::number_unsigned:
        case Json::value_t::number_float: return "number " + value.dump();
        case Json::value_t::string: return "string " + shortened(value.dump());
        case Json::value_t::array: return "array " + shortened(value.dump());
        case Json::value_t::object: return "object " + shortened(value.dump());
        default: return "a binary value";
    }
}

// RFC 6901: '~' is written "~0" and '/' "~1" in a pointer's reference token.
inline std::string escape_pointer_token(std::string_view token) {
    std::string out;
    out.reserve(token.size());
    for (const char c : token) {
        if (c == '~')
            out += "~0";
        else if (c == '/')
            out += "~1";
        else
            out += c;
    }
    return out;
}

}  // namespace drf::openapi::detail::validation
