// drf/http/url.hpp — percent-decoding and query strings (application/x-www-form-urlencoded), as
// Django's QueryDict reads them: '+' is a space, repeated keys keep every value in order.
#pragma once

#include <drf/core/detail/strings.hpp>

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace drf::http {

using QueryParams = std::vector<std::pair<std::string, std::string>>;

// Decodes %XX escapes (and '+' as space when `plus_is_space`); a malformed escape is kept literally.
inline std::string percent_decode(std::string_view s, bool plus_is_space = false) {
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size(); ++i) {
        const char c = s[i];
        if (c == '%' && i + 2 < s.size()) {
            const int hi = drf::detail::hex_value(s[i + 1]);
            const int lo = drf::detail::hex_value(s[i + 2]);
            if (hi >= 0 && lo >= 0) {
                out += static_cast<char>(hi * 16 + lo);
                i += 2;
                continue;
            }
        }
        out += (plus_is_space && c == '+') ? ' ' : c;
    }
    return out;
}

// Appends a query-string component to `out`, encoded: unreserved characters stay, everything else
// becomes %XX (and a space '+' when `space_as_plus`, Python's quote_plus).
inline void append_percent_encoded(std::string& out, std::string_view s, bool space_as_plus = false) {
    constexpr char digits[] = "0123456789ABCDEF";
    for (unsigned char c : s) {
        if (drf::detail::is_ascii_alnum(static_cast<char>(c)) || c == '-' || c == '_' || c == '.' || c == '~') {
            out += static_cast<char>(c);
        } else if (space_as_plus && c == ' ') {
            out += '+';
        } else {
            out += '%';
            out += digits[c >> 4];
            out += digits[c & 0x0f];
        }
    }
}

// The same, as a new string.
inline std::string percent_encode(std::string_view s) {
    std::string out;
    append_percent_encoded(out, s);
    return out;
}

inline QueryParams parse_query(std::string_view query) {
    QueryParams params;
    while (!query.empty()) {
        const auto amp = query.find('&');
        const std::string_view pair = query.substr(0, amp);
        query = amp == std::string_view::npos ? std::string_view() : query.substr(amp + 1);
        if (pair.empty()) continue;
        const auto eq = pair.find('=');
        params.emplace_back(percent_decode(pair.substr(0, eq), true),
                            eq == std::string_view::npos ? std::string() : percent_decode(pair.substr(eq + 1), true));
    }
    return params;
}

// Appends `params` to `out` as Python's urlencode (quote_plus) writes them, without the '?': every
// component percent-encoded, a space as '+' (which parse_query reads back as a space), as DRF's links are
// written.
inline void append_query(std::string& out, const QueryParams& params) {
    bool first = true;
    for (const auto& [key, value] : params) {
        if (!first) out += '&';
        first = false;
        append_percent_encoded(out, key, true);
        out += '=';
        append_percent_encoded(out, value, true);
    }
}

// The same, as a new string.
inline std::string encode_query(const QueryParams& params) {
    std::string out;
    append_query(out, params);
    return out;
}

}  // namespace drf::http
