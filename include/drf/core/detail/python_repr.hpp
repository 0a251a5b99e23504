// drf/core/detail/python_repr.hpp — Python's repr() of a str, which DRF's, Django's and
// django-cors-headers' messages put values in: 'x', or "it's" when the text has ' but no ", with
// control characters escaped and lone surrogates (drf/core/json.hpp) as \udxxx.
#pragma once

#include <drf/core/json.hpp>

#include <cstdio>
#include <optional>
#include <string>
#include <string_view>

namespace drf::detail {

inline void append_python_repr(std::string& out, std::string_view s) {
    const bool use_double = s.find('\'') != std::string_view::npos && s.find('"') == std::string_view::npos;
    const char q = use_double ? '"' : '\'';
    out += q;
    for (std::size_t i = 0; i < s.size(); ++i) {
        const auto c = static_cast<unsigned char>(s[i]);
        const auto surrogate = c == 0xED ? find_lone_surrogate(s.substr(i, 3)) : std::nullopt;
        if (surrogate) {
            char hex[8];
            std::snprintf(hex, sizeof hex, "\\u%04x", static_cast<unsigned>(*surrogate));
            out += hex;
            i += 2;
        } else if (c == static_cast<unsigned char>(q) || c == '\\') {
            out += '\\';
            out += static_cast<char>(c);
        } else if (c == '\n') {
            out += "\\n";
        } else if (c == '\r') {
            out += "\\r";
        } else if (c == '\t') {
            out += "\\t";
        } else if (c < 0x20 || c == 0x7f) {
            char hex[8];
            std::snprintf(hex, sizeof hex, "\\x%02x", c);
            out += hex;
        } else {
            out += static_cast<char>(c);
        }
    }
    out += q;
}

inline std::string python_repr(std::string_view s) {
    std::string out;
    append_python_repr(out, s);
    return out;
}

}  // namespace drf::detail
