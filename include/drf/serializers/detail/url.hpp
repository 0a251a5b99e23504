// drf/serializers/detail/url.hpp — Django's URLValidator (the rule behind DRF's URLField) as plain
// checks over code points instead of its regular expression, with the checks Python's urlsplit adds.
// The regular expression is anchored at both ends and its pieces cannot overlap, so each piece (user
// info, host, port, path) has one place to be and no backtracking is needed.
#pragma once

#include <drf/core/detail/utf8.hpp>
#include <drf/serializers/detail/ip_address.hpp>

#include <cstddef>
#include <string>
#include <string_view>

namespace drf::serializers::detail {

namespace url {
// The text as code points. The input is UTF-8 (lone surrogates written as three bytes, as drf's JSON
// parser keeps them); a stray byte counts as one code point of its own value.
inline std::u32string code_points(std::string_view s) {
    std::u32string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size();) {
        const auto c = static_cast<unsigned char>(s[i]);
        const std::size_t len = c < 0xC0 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
        if (c < 0x80 || len == 1 || i + len > s.size()) {
            out += static_cast<char32_t>(c);
            ++i;
            continue;
        }
        char32_t cp = c & (0x7F >> len);
        for (std::size_t k = 1; k < len; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
        out += cp;
        i += len;
    }
    return out;
}

// Python's \s on str: str.isspace().
constexpr bool is_space(char32_t c) {
    return (c >= 0x09 && c <= 0x0D) || (c >= 0x1C && c <= 0x20) || c == 0x85 || c == 0xA0 || c == 0x1680 ||
           (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029 || c == 0x202F || c == 0x205F || c == 0x3000;
}
constexpr bool is_digit(char32_t c) { return c >= '0' && c <= '9'; }
constexpr bool is_letter(char32_t c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
constexpr bool is_hex(char32_t c) { return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }
constexpr char32_t lower(char32_t c) { return c >= 'A' && c <= 'Z' ? c + 32 : c; }

// Django's ul (\u00a1-\uffff), widened past U+FFFF: Django retries a failing URL with its host in
// punycode, where such a character becomes an xn-- label.
constexpr bool is_unicode_letter(char32_t c) { return c >= 0xA1; }
constexpr bool is_label_char(char32_t c) { return is_letter(c) || is_digit(c) || c == '-' || is_unicode_letter(c); }

inline bool equals_ignore_case(std::u32string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (lower(a[i]) != static_cast<char32_t>(b[i])) return false;
    return true;
}

inline std::string ascii(std::u32string_view s) {  // for the IP parsers, once the text is known ASCII
    std::string out;
    for (char32_t c : s) {
        if (c > 0x7F) return {};
        out += static_cast<char>(c);
    }
    return out;
}

// [^\s:@/]+(?::[^\s:@/]*)?
inline bool user_info_ok(std::u32string_view u) {
    if (u.empty() || u.front() == ':') return false;
    bool colon = false;
    for (char32_t c : u) {
        if (is_space(c) || c == '@' || c == '/') return false;
        if (c == ':') {
            if (colon) return false;
            colon = true;
        }
    }
    return true;
}

// hostname_re domain_re tld_re: labels of [a-z ul 0-9-] up to 63 long, never starting or ending with
// '-'; the last one (the TLD) of two or more letters or hyphens, or xn-- and up to 59 letters and
// digits; then an optional '.'.
inline bool hostname_ok(std::u32string_view h) {
    if (!h.empty() && h.back() == '.') h.remove_suffix(1);
    const auto last_dot = h.rfind(U'.');
    if (last_dot == std::u32string_view::npos) return false;
    const std::u32string_view tld = h.substr(last_dot + 1);
    const bool punycode_tld = tld.size() >= 5 && tld.size() <= 63 && equals_ignore_case(tld.substr(0, 4), "xn--") &&
                              [&] {
                                  for (char32_t c : tld.substr(4))
                                      if (!is_letter(c) && !is_digit(c)) return false;
                                  return true;
                              }();
    if (!punycode_tld) {
        if (tld.size() < 2 || tld.size() > 63 || tld.front() == '-' || tld.back() == '-') return false;
        for (char32_t c : tld)
            if (!is_letter(c) && !is_unicode_letter(c) && c != '-') return false;
    }
    std::u32string_view rest = h.substr(0, last_dot);
    while (true) {
        const auto dot = rest.find(U'.');
        const std::u32string_view label = rest.substr(0, dot);
        if (label.empty() || label.size() > 63 || label.front() == '-' || label.back() == '-') return false;
        for (char32_t c : label)
            if (!is_label_char(c)) return false;
        if (dot == std::u32string_view::npos) return true;
        rest.remove_prefix(dot + 1);
    }
}

// (?::\d{2,5})?(?:[/?#][^\s]*)?\Z
inline bool tail_ok(std::u32string_view t) {
    if (!t.empty() && t.front() == ':') {
        std::size_t n = 1;
        while (n < t.size() && is_digit(t[n])) ++n;
        if (n - 1 < 2 || n - 1 > 5) return false;
        t.remove_prefix(n);
    }
    if (t.empty()) return true;
    if (t.front() != '/' && t.front() != '?' && t.front() != '#') return false;
    for (char32_t c : t)
        if (is_space(c)) return false;
    return true;
}

// Code points whose NFKC form holds '/', '?', '#', '@' or ':': urlsplit refuses a network location
// with one (Python 3.11's _checknetloc; the list is unicodedata's, Unicode 14.0).
inline bool nfkc_delimiter(char32_t c) {
    constexpr char32_t list[] = {0x2047, 0x2048, 0x2049, 0x2100, 0x2101, 0x2105, 0x2106, 0x2A74, 0xFE13, 0xFE16,
                                 0xFE55, 0xFE56, 0xFE5F, 0xFE6B, 0xFF03, 0xFF0F, 0xFF1A, 0xFF1F, 0xFF20};
    for (char32_t d : list)
        if (c == d) return true;
    return false;
}

// ipaddress.ip_address() taking an IPv6 address, or \Av[a-fA-F0-9]+\..+\Z: urlsplit's check of the
// host of a network location holding brackets (Python 3.11.4+; the host need not be the bracketed part).
inline bool bracketed_host_ok(std::u32string_view h) {
    if (!h.empty() && h.front() == 'v') {
        std::size_t n = 1;
        while (n < h.size() && is_hex(h[n])) ++n;
        return n > 1 && n + 1 < h.size() && h[n] == '.';
    }
    const std::string text = ascii(h);
    return !text.empty() && parse_ipv6(text, std::string_view::npos).has_value();
}

// The host at the start of s (a bracketed IPv6 address, an IPv4 address, a host name or localhost),
// then the port and the path. `host` receives the host as urlsplit's hostname gives it.
inline bool authority_ok(std::u32string_view s, std::u32string_view& host) {
    std::size_t end = 0;
    if (!s.empty() && s.front() == '[') {
        const auto close = s.find(U']');
        if (close == std::u32string_view::npos || close == 1) return false;
        for (char32_t c : s.substr(1, close - 1))
            if (!is_hex(c) && c != ':' && c != '.') return false;
        end = close + 1;
        host = s.substr(1, close - 1);
    } else {
        while (end < s.size() && s[end] != ':' && s[end] != '/' && s[end] != '?' && s[end] != '#') ++end;
        host = s.substr(0, end);
        const std::string text = ascii(host);
        const bool ok = (!text.empty() && parse_ipv4(text)) || hostname_ok(host) || equals_ignore_case(host, "localhost");
        if (!ok) return false;
    }
    return tail_ok(s.substr(end));
}
}  // namespace url

// URLValidator(schemes=['http', 'https', 'ftp', 'ftps']) on a str value.
inline bool is_valid_url(std::string_view value) {
    if (drf::detail::utf8_length(value) > 2048) return false;
    const std::u32string u = url::code_points(value);
    if (u.find_first_of(U"\t\r\n") != std::u32string::npos) return false;
    const auto sep = u.find(U"://");
    const std::u32string_view scheme = std::u32string_view(u).substr(0, sep);
    if (!url::equals_ignore_case(scheme, "http") && !url::equals_ignore_case(scheme, "https") &&
        !url::equals_ignore_case(scheme, "ftp") && !url::equals_ignore_case(scheme, "ftps"))
        return false;
    if (sep == std::u32string::npos) return false;
    const std::u32string_view rest = std::u32string_view(u).substr(sep + 3);

    // urlsplit: no character that NFKC turns into a delimiter; a '[' in the network location needs a
    // ']', and then the host must be bracketed.
    const std::u32string_view netloc = rest.substr(0, rest.find_first_of(U"/?#"));
    for (char32_t c : netloc)
        if (url::nfkc_delimiter(c)) return false;
    const auto open = netloc.find(U'['), close = netloc.find(U']');
    if ((open == std::u32string_view::npos) != (close == std::u32string_view::npos)) return false;
    if (open != std::u32string_view::npos) {  // _check_bracketed_netloc, on what follows the last '@'
        std::u32string_view host_port = netloc.substr(netloc.rfind(U'@') + 1);  // npos + 1 == 0
        std::u32string_view hostname;
        if (const auto bracket = host_port.find(U'['); bracket != std::u32string_view::npos) {
            if (bracket != 0) return false;
            host_port.remove_prefix(1);
            const auto end = host_port.find(U']');
            hostname = host_port.substr(0, end);
            if (end != std::u32string_view::npos && end + 1 < host_port.size() && host_port[end + 1] != ':')
                return false;
        } else {
            hostname = host_port.substr(0, host_port.find(U':'));
        }
        if (!url::bracketed_host_ok(hostname)) return false;
    }

    // The user info, if any, runs to the first '@': it has none of its own.
    std::u32string_view host;
    bool matched = url::authority_ok(rest, host);
    bool user_info = false;
    if (!matched) {
        const auto at = rest.find(U'@');
        user_info = at != std::u32string_view::npos && url::user_info_ok(rest.substr(0, at));
        matched = user_info && url::authority_ok(rest.substr(at + 1), host);
    }
    if (!matched) return false;
    // ^\[(.+)\](?::\d{2,5})?$ on the network location: Django's own IPv6 check, 39 characters at most.
    if (!user_info && !rest.empty() && rest.front() == '[' && !is_valid_ipv6_address(url::ascii(host))) return false;
    return !host.empty() && host.size() <= 253;
}

}  // namespace drf::serializers::detail
