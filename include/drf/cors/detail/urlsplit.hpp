// drf/cors/detail/urlsplit.hpp — the parts of Python's urllib.parse.urlsplit django-cors-headers relies on:
// an origin is compared by (scheme, netloc), and an allowed origin is checked for a path, query or fragment.
#pragma once

#include <drf/core/detail/strings.hpp>

#include <optional>
#include <string>
#include <string_view>

namespace drf::cors::detail {

struct SplitUrl {
    std::string scheme;  // lowercased, as urlsplit does
    std::string_view netloc;
    std::string_view path;
    std::string_view query;
    std::string_view fragment;
};

// urlsplit(url) for text without tabs or line breaks, which urlsplit would drop first (a header value has
// none). nullopt where urlsplit raises ValueError ("Invalid IPv6 URL": one
// bracket of a netloc without the other).
constexpr bool is_alpha(char c) noexcept { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

inline std::optional<SplitUrl> urlsplit(std::string_view url) {
    SplitUrl out;
    // WHATWG C0 control or space, stripped from the front.
    while (!url.empty() && static_cast<unsigned char>(url.front()) <= ' ') url.remove_prefix(1);
    const auto colon = url.find(':');
    if (colon != std::string_view::npos && colon > 0 && is_alpha(url.front())) {
        bool scheme = true;
        for (const char c : url.substr(0, colon))
            if (!drf::detail::is_ascii_alnum(c) && c != '+' && c != '-' && c != '.') scheme = false;
        if (scheme) {
            out.scheme.assign(url.substr(0, colon));
            for (char& c : out.scheme) c = drf::detail::ascii_lower(c);
            url.remove_prefix(colon + 1);
        }
    }
    if (url.substr(0, 2) == "//") {
        const auto end = url.find_first_of("/?#", 2);
        out.netloc = url.substr(2, end == std::string_view::npos ? std::string_view::npos : end - 2);
        url.remove_prefix(2 + out.netloc.size());
        const bool open = out.netloc.find('[') != std::string_view::npos;
        const bool close = out.netloc.find(']') != std::string_view::npos;
        if (open != close) return std::nullopt;
    }
    if (const auto hash = url.find('#'); hash != std::string_view::npos) {
        out.fragment = url.substr(hash + 1);
        url = url.substr(0, hash);
    }
    if (const auto q = url.find('?'); q != std::string_view::npos) {
        out.query = url.substr(q + 1);
        url = url.substr(0, q);
    }
    out.path = url;
    return out;
}

}  // namespace drf::cors::detail
