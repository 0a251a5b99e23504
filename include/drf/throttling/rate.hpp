// drf/throttling/rate.hpp — Rate, a number of requests per period, read with DRF's syntax ("100/day",
// "10/minute", "5/s"), and parse_rates for a whole DEFAULT_THROTTLE_RATES given as one setting
// ("anon=60/minute,archive=10/minute"). Constexpr, so a rate written in code is checked at compile time.
#pragma once

#include <algorithm>
#include <cstdint>
#include <map>
#include <stdexcept>
#include <string>
#include <string_view>

namespace drf::throttling {

namespace detail {

constexpr bool is_rate_space(char c) noexcept { return c == ' ' || c == '\t'; }

constexpr std::string_view trim_rate_text(std::string_view text) noexcept {
    while (!text.empty() && is_rate_space(text.front())) text.remove_prefix(1);
    while (!text.empty() && is_rate_space(text.back())) text.remove_suffix(1);
    return text;
}

[[noreturn]] inline void bad_rate(std::string_view text, std::string_view why) {
    throw std::invalid_argument("drf::throttling: the rate \"" + std::string(text) + "\" " + std::string(why));
}

}  // namespace detail

// DRF's (num_requests, duration): at most `num_requests` accepted requests in any `duration` seconds.
struct Rate {
    std::int64_t num_requests = 0;
    std::int64_t duration = 0;  // seconds

    constexpr Rate() = default;
    constexpr Rate(std::int64_t requests, std::int64_t seconds) : num_requests(requests), duration(seconds) {}
    // Rate("100/day"): DRF's parse_rate; std::invalid_argument on text it does not read (a compile
    // error when the rate is a constant).
    constexpr Rate(std::string_view text);  // NOLINT: implicit, so rates read as in DRF's settings
    constexpr Rate(const char* text) : Rate(std::string_view(text)) {}  // NOLINT: implicit, as above

    friend constexpr bool operator==(const Rate&, const Rate&) = default;
};

// DRF's SimpleRateThrottle.parse_rate: "<number>/<period>", the period read by its first letter —
// s(econd), m(inute), h(our), d(ay) — so "10/min", "10/minute" and "10/m" are the same rate. Spaces
// around either part are ignored. Unlike Python's int(), the number is plain decimal digits: no sign,
// no underscores; 0 refuses every request, as in DRF.
constexpr Rate parse_rate(std::string_view text) {
    const auto slash = text.find('/');
    if (slash == std::string_view::npos || text.find('/', slash + 1) != std::string_view::npos)
        detail::bad_rate(text, "is not <number of requests>/<period>, e.g. \"100/day\" or \"10/minute\"");
    const std::string_view number = detail::trim_rate_text(text.substr(0, slash));
    const std::string_view period = detail::trim_rate_text(text.substr(slash + 1));
    if (number.empty() || number.size() > 18)
        detail::bad_rate(text, "does not start with a number of requests from 0 to 999999999999999999");
    std::int64_t requests = 0;
    for (const char c : number) {
        if (c < '0' || c > '9')
            detail::bad_rate(text, "does not start with a number of requests (plain digits, e.g. \"100/day\")");
        requests = requests * 10 + (c - '0');
    }
    std::int64_t seconds = 0;
    switch (period.empty() ? '\0' : period.front()) {
        case 's': seconds = 1; break;
        case 'm': seconds = 60; break;
        case 'h': seconds = 3600; break;
        case 'd': seconds = 86400; break;
        default:
            detail::bad_rate(text, "has no period: after the '/', one of second, minute, hour or day (or s, m, h, d)");
    }
    return {requests, seconds};
}

constexpr Rate::Rate(std::string_view text) : Rate(parse_rate(text)) {}

// "60/minute" for the periods parse_rate reads, "60/90s" for any other duration.
inline std::string to_string(const Rate& rate) {
    std::string out = std::to_string(rate.num_requests) + "/";
    switch (rate.duration) {
        case 1: return out + "second";
        case 60: return out + "minute";
        case 3600: return out + "hour";
        case 86400: return out + "day";
        default: return out + std::to_string(rate.duration) + "s";
    }
}

// Scope -> rate, as DRF's DEFAULT_THROTTLE_RATES.
using Rates = std::map<std::string, Rate, std::less<>>;

// DEFAULT_THROTTLE_RATES from one line of text, as an environment variable holds it:
// "anon=60/minute,archive=10/minute" (spaces around items, scopes and rates are ignored; "" is no
// rates). std::invalid_argument naming the item that is not <scope>=<rate>, has a bad rate, or repeats
// a scope.
inline Rates parse_rates(std::string_view text) {
    Rates rates;
    if (detail::trim_rate_text(text).empty()) return rates;
    std::size_t start = 0;
    while (start <= text.size()) {
        const auto comma = std::min(text.find(',', start), text.size());
        const std::string_view item = detail::trim_rate_text(text.substr(start, comma - start));
        start = comma + 1;
        const auto fail = [&](const std::string& why) {
            throw std::invalid_argument("drf::throttling::parse_rates: the item \"" + std::string(item) + "\" " + why);
        };
        const auto equals = item.find('=');
        if (item.empty()) fail("is empty: items are <scope>=<rate>, separated by commas");
        if (equals == std::string_view::npos) fail("is not <scope>=<rate>, e.g. \"anon=60/minute\"");
        const std::string_view scope = detail::trim_rate_text(item.substr(0, equals));
        if (scope.empty()) fail("has no scope before the '='");
        Rate rate;
        try {
            rate = parse_rate(item.substr(equals + 1));
        } catch (const std::invalid_argument& e) {
            fail(std::string("has a bad rate: ") + e.what());
        }
        if (!rates.emplace(std::string(scope), rate).second) fail("repeats the scope \"" + std::string(scope) + "\"");
    }
    return rates;
}

}  // namespace drf::throttling
