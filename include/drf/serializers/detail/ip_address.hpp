// drf/serializers/detail/ip_address.hpp — Django's IPv4/IPv6 address checks and clean_ipv6_address,
// written to follow Python's ipaddress module (no leading zeros in an IPv4 octet, "%scope" accepted
// and dropped) rather than inet_pton, whose rules differ at the edges.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace drf::serializers::detail {

// ipaddress.IPv4Address(text): four decimal octets of 1..3 ASCII digits, none above 255, no leading
// zero (Python 3.9.5+ and Django's validate_ipv4_address both refuse "01").
inline std::optional<std::uint32_t> parse_ipv4(std::string_view s) {
    std::uint32_t value = 0;
    for (int octet = 0; octet < 4; ++octet) {
        if (octet > 0) {
            if (s.empty() || s.front() != '.') return std::nullopt;
            s.remove_prefix(1);
        }
        std::size_t n = 0;
        unsigned part = 0;
        while (n < s.size() && s[n] >= '0' && s[n] <= '9') {
            if (++n > 3) return std::nullopt;
            part = part * 10 + static_cast<unsigned>(s[n - 1] - '0');
        }
        if (n == 0 || part > 255 || (n > 1 && s.front() == '0')) return std::nullopt;
        value = (value << 8) | part;
        s.remove_prefix(n);
    }
    if (!s.empty()) return std::nullopt;
    return value;
}

using Ipv6 = std::array<std::uint16_t, 8>;

// ipaddress.IPv6Address(text) after Django's 39-character limit (counted with the scope id; urlsplit
// has none, hence max_length): eight
// hextets of 1..4 hex digits, at most one "::" standing for one or more zero hextets, an IPv4 tail
// allowed, and "%scope" (not empty, no second '%') accepted and left out of the value.
inline std::optional<Ipv6> parse_ipv6(std::string_view text, std::size_t max_length = 39) {
    if (text.size() > max_length) return std::nullopt;
    if (const auto percent = text.find('%'); percent != std::string_view::npos) {
        const std::string_view scope = text.substr(percent + 1);
        if (scope.empty() || scope.find('%') != std::string_view::npos) return std::nullopt;
        text = text.substr(0, percent);
    }
    // text.split(':'); an IPv4 tail then stands for two hextets, already parsed (value >= 0).
    struct Part {
        std::string_view text;
        long value = -1;
    };
    std::array<Part, 10> parts{};
    std::size_t n = 0;
    for (std::size_t start = 0;;) {
        const auto colon = text.find(':', start);
        if (n == 9) return std::nullopt;  // ten parts or more
        parts[n++].text = text.substr(start, colon == std::string_view::npos ? std::string_view::npos : colon - start);
        if (colon == std::string_view::npos) break;
        start = colon + 1;
    }
    if (n < 3) return std::nullopt;
    if (parts[n - 1].text.find('.') != std::string_view::npos) {
        const auto v4 = parse_ipv4(parts[n - 1].text);
        if (!v4) return std::nullopt;
        parts[n - 1] = {"hi", static_cast<long>(*v4 >> 16)};
        parts[n++] = {"lo", static_cast<long>(*v4 & 0xffff)};
    }
    if (n > 9) return std::nullopt;
    std::optional<std::size_t> skip;
    for (std::size_t i = 1; i + 1 < n; ++i) {
        if (!parts[i].text.empty()) continue;
        if (skip) return std::nullopt;  // at most one "::"
        skip = i;
    }
    std::size_t hi = n, lo = 0;
    if (skip) {
        hi = *skip;
        lo = n - *skip - 1;
        if (parts[0].text.empty() && --hi != 0) return std::nullopt;  // a leading ':' only as part of "::"
        if (parts[n - 1].text.empty() && --lo != 0) return std::nullopt;
        if (hi + lo > 7) return std::nullopt;  // "::" stands for one hextet at least
    } else if (n != 8 || parts[0].text.empty() || parts[n - 1].text.empty()) {
        return std::nullopt;
    }
    const auto hextet = [](const Part& p) -> long {
        if (p.value >= 0) return p.value;
        if (p.text.empty() || p.text.size() > 4) return -1;
        long v = 0;
        for (char c : p.text) {
            long d;
            if (c >= '0' && c <= '9') d = c - '0';
            else if (c >= 'a' && c <= 'f') d = c - 'a' + 10;
            else if (c >= 'A' && c <= 'F') d = c - 'A' + 10;
            else return -1;
            v = v * 16 + d;
        }
        return v;
    };
    Ipv6 out{};
    for (std::size_t i = 0; i < hi; ++i) {
        const long v = hextet(parts[i]);
        if (v < 0) return std::nullopt;
        out[i] = static_cast<std::uint16_t>(v);
    }
    for (std::size_t i = 0; i < lo; ++i) {
        const long v = hextet(parts[n - lo + i]);
        if (v < 0) return std::nullopt;
        out[8 - lo + i] = static_cast<std::uint16_t>(v);
    }
    return out;
}

inline bool is_valid_ipv4_address(std::string_view s) { return parse_ipv4(s).has_value(); }
inline bool is_valid_ipv6_address(std::string_view s) { return parse_ipv6(s).has_value(); }

inline void append_ipv4(std::string& out, std::uint32_t v) {
    for (int shift = 24; shift >= 0; shift -= 8) {
        out += std::to_string((v >> shift) & 0xff);
        if (shift) out += '.';
    }
}

// str(ipaddress.IPv6Address): lowercase hextets without leading zeros, the first longest run of two
// or more zero hextets written "::".
inline std::string ipv6_text(const Ipv6& a) {
    std::size_t best = 0, best_len = 0;
    for (std::size_t i = 0; i < 8;) {
        if (a[i] != 0) {
            ++i;
            continue;
        }
        std::size_t j = i;
        while (j < 8 && a[j] == 0) ++j;
        if (j - i > best_len) best = i, best_len = j - i;
        i = j;
    }
    if (best_len < 2) best_len = 0;
    std::string out;
    constexpr char digits[] = "0123456789abcdef";
    for (std::size_t i = 0; i < 8; ++i) {
        if (best_len && i == best) {
            out += "::";
            i += best_len - 1;
            continue;
        }
        if (!out.empty() && out.back() != ':') out += ':';
        bool started = false;
        for (int shift = 12; shift >= 0; shift -= 4) {
            const unsigned d = (a[i] >> shift) & 0xf;
            if (d || started || shift == 0) out += digits[d], started = true;
        }
    }
    return out;
}

// Django's clean_ipv6_address: the compressed lowercase form; an IPv4-mapped address (::ffff:a.b.c.d)
// as a.b.c.d when unpack_ipv4, else as ::ffff:a.b.c.d. Nothing when the text is no IPv6 address.
inline std::optional<std::string> clean_ipv6_address(std::string_view text, bool unpack_ipv4) {
    const auto a = parse_ipv6(text);
    if (!a) return std::nullopt;
    const bool mapped = (*a)[0] == 0 && (*a)[1] == 0 && (*a)[2] == 0 && (*a)[3] == 0 && (*a)[4] == 0 && (*a)[5] == 0xffff;
    if (!mapped) return ipv6_text(*a);
    std::string out = unpack_ipv4 ? "" : "::ffff:";
    append_ipv4(out, (static_cast<std::uint32_t>((*a)[6]) << 16) | (*a)[7]);
    return out;
}

}  // namespace drf::serializers::detail
