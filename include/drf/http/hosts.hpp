// drf/http/hosts.hpp — which hosts a request may name (Django's ALLOWED_HOSTS) and which proxy headers
// are believed (SECURE_PROXY_SSL_HEADER, USE_X_FORWARDED_HOST), with Django's matching rules and messages.
// A Host is what absolute links are built from: one that is not allowed is 400, never echoed into a link.
#pragma once

#include <drf/core/detail/strings.hpp>
#include <drf/http/exceptions.hpp>

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace drf::http {

// A header the proxy in front sets to say the client's connection was https: Django's
// SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") is {"X-Forwarded-Proto", "https"}.
struct ProxySslHeader {
    std::string name;
    std::string value;
};

struct HostSettings {
    // Django's ALLOWED_HOSTS: "api.example.com" exactly, ".example.com" for example.com and every
    // subdomain, "*" for any. Compared without the port and case-insensitively. The default is the list
    // Django uses under DEBUG when ALLOWED_HOSTS is empty: the local machine only.
    std::vector<std::string> allowed_hosts{".localhost", "127.0.0.1", "[::1]"};
    // Requests whose `name` header is exactly `value` are https. Unset: every request is http, whatever
    // a client sends. Set it only behind a proxy that always sets (or strips) that header itself.
    std::optional<ProxySslHeader> secure_proxy_ssl_header;
    // Django's USE_X_FORWARDED_HOST: the host comes from X-Forwarded-Host when there is one. Only behind a
    // proxy that sets it; the value is still checked against allowed_hosts.
    bool use_x_forwarded_host = false;
};

// The settings a request gets when nobody gave it any: Django's defaults.
inline const std::shared_ptr<const HostSettings>& default_host_settings() {
    static const std::shared_ptr<const HostSettings> defaults = std::make_shared<const HostSettings>();
    return defaults;
}

// Django's DisallowedHost, answered as an API error: 400 {"detail": "Invalid HTTP_HOST header: ..."}.
class DisallowedHost : public APIException {
public:
    explicit DisallowedHost(std::string detail) : APIException(400, std::move(detail), "disallowed_host") {}
};

namespace detail {

constexpr bool is_digit(char c) { return c >= '0' && c <= '9'; }
constexpr bool is_hex(char c) {
    c = drf::detail::ascii_lower(c);
    return is_digit(c) || (c >= 'a' && c <= 'f');
}
constexpr bool is_name_char(char c) {
    c = drf::detail::ascii_lower(c);
    return (c >= 'a' && c <= 'z') || is_digit(c) || c == '.' || c == '-';
}

// Django's host_validation_re, ^([a-z0-9.-]+|\[[a-f0-9]*:[a-f0-9\.:]+\])(:\d+)?$ on the lowercased host.
constexpr bool has_host_syntax(std::string_view host) {
    std::size_t i = 0;
    if (!host.empty() && host.front() == '[') {
        i = 1;
        while (i < host.size() && is_hex(host[i])) ++i;
        if (i == host.size() || host[i] != ':') return false;
        const std::size_t rest = ++i;
        while (i < host.size() && (is_hex(host[i]) || host[i] == '.' || host[i] == ':')) ++i;
        if (i == rest || i == host.size() || host[i] != ']') return false;
        ++i;
    } else {
        while (i < host.size() && is_name_char(host[i])) ++i;
        if (i == 0) return false;
    }
    if (i == host.size()) return true;
    if (host[i] != ':' || i + 1 == host.size()) return false;
    for (++i; i < host.size(); ++i)
        if (!is_digit(host[i])) return false;
    return true;
}

// Python's repr() of the header as Django sees it: WSGI decodes header bytes as Latin-1, so each byte
// is one character; the result is UTF-8.
inline std::string python_repr(std::string_view text) {
    const bool double_quotes = text.find('\'') != std::string_view::npos && text.find('"') == std::string_view::npos;
    const char quote = double_quotes ? '"' : '\'';
    constexpr char digits[] = "0123456789abcdef";
    std::string out(1, quote);
    for (const char ch : text) {
        const auto c = static_cast<unsigned char>(ch);
        if (c == quote || c == '\\') {
            out += '\\';
            out += ch;
        } else if (c == '\t') {
            out += "\\t";
        } else if (c == '\n') {
            out += "\\n";
        } else if (c == '\r') {
            out += "\\r";
        } else if (c < 0x20 || (c >= 0x7f && c <= 0xa0) || c == 0xad) {  // not printable in Latin-1
            out += "\\x";
            out += digits[c >> 4];
            out += digits[c & 0x0f];
        } else if (c < 0x80) {
            out += ch;
        } else {  // U+00A1..U+00FF as UTF-8
            out += static_cast<char>(0xc0 | (c >> 6));
            out += static_cast<char>(0x80 | (c & 0x3f));
        }
    }
    out += quote;
    return out;
}

// The domain part of a Host value as it was sent (not lowercased), one trailing dot removed; nullopt
// when the value is not a host name, an IPv4 address or a bracketed IPv6 address (with a port or not).
constexpr std::optional<std::string_view> domain_of(std::string_view host) {
    if (!has_host_syntax(host)) return std::nullopt;
    if (host.back() == ']') return host;
    std::string_view domain = host.substr(0, host.rfind(':'));
    if (!domain.empty() && domain.back() == '.') domain.remove_suffix(1);
    return domain;
}

// "::1" → "[::1]": a bare IPv6 address as a URL's authority needs it. Anything else is kept.
inline std::string bracket_ipv6(std::string host) {
    if (host.empty() || host.front() == '[' || host.find(':') == host.rfind(':')) return host;
    return "[" + host + "]";
}

}  // namespace detail

// Django's split_domain_port: the domain (lowercased, one trailing dot removed) and the port of a Host
// value; both empty when the value is not a host name, an IPv4 address or a bracketed IPv6 address.
struct DomainPort {
    std::string domain;
    std::string port;
};
inline DomainPort split_domain_port(std::string_view host) {
    const auto domain = detail::domain_of(host);
    if (!domain) return {};
    const bool has_port = host.back() != ']' && host.find(':', host.find(']') + 1) != std::string_view::npos;
    return {drf::detail::ascii_lowered(*domain), has_port ? std::string(host.substr(host.rfind(':') + 1)) : std::string()};
}

// Django's is_same_domain: `pattern` exactly, or with a leading dot the domain and its subdomains;
// case-insensitive.
inline bool is_same_domain(std::string_view domain, std::string_view pattern) {
    if (pattern.empty()) return false;
    if (pattern.front() == '.') {
        if (drf::detail::iequals(domain, pattern.substr(1))) return true;
        return domain.size() >= pattern.size() && drf::detail::iequals(domain.substr(domain.size() - pattern.size()), pattern);
    }
    return drf::detail::iequals(domain, pattern);
}

// Django's validate_host: `domain` (from split_domain_port) matches one of the patterns, or one is "*".
inline bool validate_host(std::string_view domain, const std::vector<std::string>& allowed_hosts) {
    for (const auto& pattern : allowed_hosts)
        if (pattern == "*" || is_same_domain(domain, pattern)) return true;
    return false;
}

// The check in Django's get_host: returns when the domain of `host` (the raw Host value) is allowed,
// throws DisallowedHost with Django's message when not. Allocates nothing when the host is allowed.
inline void check_host(std::string_view host, const HostSettings& settings) {
    const auto domain = detail::domain_of(host);
    if (domain && !domain->empty() && validate_host(*domain, settings.allowed_hosts)) return;
    std::string message = "Invalid HTTP_HOST header: " + detail::python_repr(host) + ".";
    if (!domain || domain->empty())
        message += " The domain name provided is not valid according to RFC 1034/1035.";
    else
        message += " You may need to add " + detail::python_repr(drf::detail::ascii_lowered(*domain)) + " to ALLOWED_HOSTS.";
    throw DisallowedHost(std::move(message));
}

}  // namespace drf::http
