// drf/core/detail/strings.hpp — the ASCII text helpers every block shares: case folding, comparison
// that ignores case, character classes and trimming.
// ASCII only, and never the C locale's: header names, media types, hosts, keywords and numbers are
// compared the same whatever locale the process runs in.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace drf::detail {

constexpr char ascii_lower(char c) noexcept { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

// `text` with A-Z lowercased, every other byte (UTF-8 included) kept.
inline std::string ascii_lowered(std::string_view text) {
    std::string out(text);
    for (char& c : out) c = ascii_lower(c);
    return out;
}

// Equal when A-Z and a-z are not told apart.
constexpr bool iequals(std::string_view a, std::string_view b) noexcept {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (ascii_lower(a[i]) != ascii_lower(b[i])) return false;
    return true;
}

constexpr bool starts_with_icase(std::string_view text, std::string_view prefix) noexcept {
    return text.size() >= prefix.size() && iequals(text.substr(0, prefix.size()), prefix);
}

// The value of a hex digit, either case; -1 for any other character.
constexpr int hex_value(char c) noexcept {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

constexpr bool is_ascii_alnum(char c) noexcept {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

// " \t\n\v\f\r": C's isspace() in the "C" locale, and what Python's bytes.split() and int() skip.
constexpr bool is_ascii_space(char c) noexcept { return c == ' ' || (c >= '\t' && c <= '\r'); }

// The ASCII characters Python's str.isspace() (and so str.strip()) accepts: is_ascii_space's six and
// the separators \x1c..\x1f.
constexpr bool is_python_ascii_space(char c) noexcept { return is_ascii_space(c) || (c >= '\x1c' && c <= '\x1f'); }

// `text` without the leading and trailing characters `is_space` accepts.
template <class IsSpace>
constexpr std::string_view trim(std::string_view text, IsSpace is_space) noexcept {
    while (!text.empty() && is_space(text.front())) text.remove_prefix(1);
    while (!text.empty() && is_space(text.back())) text.remove_suffix(1);
    return text;
}

constexpr std::string_view trim_ascii_space(std::string_view text) noexcept { return trim(text, is_ascii_space); }

}  // namespace drf::detail
