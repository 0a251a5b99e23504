// drf/serializers/detail/email.hpp — Django's EmailValidator (the rule behind DRF's EmailField),
// written out as plain checks instead of Python regular expressions.
#pragma once

#include <drf/core/detail/strings.hpp>
#include <drf/core/json.hpp>

#include <arpa/inet.h>

#include <string>
#include <string_view>

namespace drf::serializers::detail {

// dot-atom: [-!#$%&'*+/=?^_`{}|~0-9A-Z]+(\.[-!#$%&'*+/=?^_`{}|~0-9A-Z]+)*
// or quoted-string: "([\001-\010\013\014\016-\037!#-\[\]-\177]|\\[\001-\011\013\014\016-\177])*"
inline bool is_valid_email_user(std::string_view u) {
    if (u.empty()) return false;
    if (u.size() >= 2 && u.front() == '"' && u.back() == '"') {
        for (std::size_t i = 1; i + 1 < u.size(); ++i) {
            const auto c = static_cast<unsigned char>(u[i]);
            if (c == '\\') {
                if (i + 2 >= u.size()) return false;
                const auto n = static_cast<unsigned char>(u[++i]);
                if (n == 0 || n == '\n' || n == '\r' || n > 0x7f) return false;
                continue;
            }
            const bool ok = (c >= 1 && c <= 8) || c == 11 || c == 12 || (c >= 14 && c <= 31) || c == '!' ||
                            (c >= '#' && c <= '[') || (c >= ']' && c <= 0x7f);
            if (!ok) return false;
        }
        return true;
    }
    constexpr std::string_view specials = "-!#$%&'*+/=?^_`{}|~";
    bool atom_empty = true;
    for (char ch : u) {
        const auto c = static_cast<unsigned char>(ch);
        if (c == '.') {
            if (atom_empty) return false;
            atom_empty = true;
            continue;
        }
        if (!drf::detail::is_ascii_alnum(ch) && specials.find(ch) == std::string_view::npos) return false;
        atom_empty = false;
    }
    return !atom_empty;
}

// ((?:[A-Z0-9](?:[A-Z0-9-]{0,61}[A-Z0-9])?\.)+)(?:[A-Z0-9-]{2,63}(?<!-)). Non-ASCII bytes count as
// letters: Django retries such a domain in punycode, where they become xn--… labels.
inline bool is_valid_email_domain_name(std::string_view d) {
    auto label_char = [](unsigned char c) { return drf::detail::is_ascii_alnum(static_cast<char>(c)) || c >= 0x80; };
    const auto last_dot = d.rfind('.');
    if (last_dot == std::string_view::npos) return false;
    const std::string_view tld = d.substr(last_dot + 1);
    if (tld.size() < 2 || tld.size() > 63 || tld.back() == '-') return false;
    for (unsigned char c : tld)
        if (!label_char(c) && c != '-') return false;
    std::string_view rest = d.substr(0, last_dot);
    while (true) {
        const auto dot = rest.find('.');
        const std::string_view label = rest.substr(0, dot);
        if (label.empty() || label.size() > 63) return false;
        if (!label_char(static_cast<unsigned char>(label.front())) || !label_char(static_cast<unsigned char>(label.back())))
            return false;
        for (unsigned char c : label)
            if (!label_char(c) && c != '-') return false;
        if (dot == std::string_view::npos) break;
        rest.remove_prefix(dot + 1);
    }
    return true;
}

// \[([A-f0-9:.]+)\] holding an IPv4 or IPv6 address.
inline bool is_valid_email_literal(std::string_view d) {
    if (d.size() < 3 || d.front() != '[' || d.back() != ']') return false;
    const std::string ip(d.substr(1, d.size() - 2));
    for (char c : ip)
        if (!((c >= '0' && c <= '9') || (c >= 'A' && c <= 'f') || c == ':' || c == '.')) return false;
    unsigned char buf[16];
    return inet_pton(AF_INET, ip.c_str(), buf) == 1 || inet_pton(AF_INET6, ip.c_str(), buf) == 1;
}

inline bool is_valid_email(std::string_view value) {
    const auto at = value.rfind('@');
    if (value.empty() || at == std::string_view::npos) return false;
    if (find_lone_surrogate(value)) return false;  // Django's punycode step fails on a surrogate
    const std::string_view user = value.substr(0, at);
    const std::string_view domain = value.substr(at + 1);
    if (!is_valid_email_user(user)) return false;
    return domain == "localhost" || is_valid_email_domain_name(domain) || is_valid_email_literal(domain);
}

}  // namespace drf::serializers::detail
