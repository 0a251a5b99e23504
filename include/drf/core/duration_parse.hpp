// drf/core/duration_parse.hpp — Django's parse_duration: its own form, ISO 8601 and PostgreSQL's, read
// with std::regex as Django does. Apart from <drf/core/date.hpp> so that only the serializers' duration
// kind pays for <regex>; the database layer reads its own columns without it.
#pragma once

#include <drf/core/date.hpp>

#include <charconv>
#include <cmath>
#include <cstdint>
#include <optional>
#include <regex>
#include <string>
#include <string_view>

namespace drf {

namespace detail {
// Python's round(): half to even.
inline std::int64_t round_to_even(double v) {
    const double r = std::nearbyint(v);  // the default rounding mode is to nearest, ties to even
    return static_cast<std::int64_t>(r);
}

inline ParsedDuration read_duration_match(std::string_view s) {
    const ParsedDuration format_error{Duration(), ParsedDuration::Error::format};
    const ParsedDuration range_error{Duration(), ParsedDuration::Error::range};
    // Django's three patterns, in its order; ISO 8601's fraction separator is [.,] (Django 3.2's
    // unescaped '.' let "P1x5D" through to a crash).
    static const std::regex standard(
        R"(^(?:(-?\d+) (days?, )?)?(-?)((?:(\d+):)(?=\d+:\d+))?(?:(\d+):)?(\d+)(?:[.,](\d{1,6})\d{0,6})?$)");
    static const std::regex iso(R"(^([-+]?)P(?:(\d+(?:[.,]\d+)?)D)?(?:T(?:(\d+(?:[.,]\d+)?)H)?(?:(\d+(?:[.,]\d+)?)M)?(?:(\d+(?:[.,]\d+)?)S)?)?$)");
    static const std::regex postgres(
        R"(^(?:(-?\d+) (days? ?))?(?:([-+])?(\d+):(\d\d):(\d\d)(?:\.(\d{1,6}))?)?$)");
    std::match_results<std::string_view::const_iterator> m;
    const auto text = [&m](int i) {
        return m[i].matched ? std::string_view(&*m[i].first, static_cast<std::size_t>(m[i].length())) : std::string_view();
    };
    const auto micros = [](std::string_view f) {
        std::int64_t us = 0;
        for (std::size_t i = 0; i < 6; ++i) us = us * 10 + (i < f.size() ? f[i] - '0' : 0);
        return us;
    };
    // Days carry their own sign; the sign group applies to the rest (Django: days + sign * rest).
    const auto signed_days = [&](std::string_view d, std::int64_t& total) {
        const bool negative = !d.empty() && d.front() == '-';
        std::int64_t days = 0;
        if (!add_scaled(negative ? d.substr(1) : d, us_per_day, days)) return false;
        total = negative ? -days : days;
        return true;
    };
    if (std::regex_match(s.begin(), s.end(), m, standard)) {
        std::int64_t days = 0, rest = 0;
        if (!signed_days(text(1), days)) return range_error;
        if (!add_scaled(text(5), 3'600'000'000, rest) || !add_scaled(text(6), 60'000'000, rest) ||
            !add_scaled(text(7), 1'000'000, rest))
            return range_error;
        std::int64_t us = 0;
        if (__builtin_add_overflow(rest, micros(text(8)), &rest) ||
            !add_signed_rest(days, text(3) == "-", rest, us))
            return range_error;
        return make_duration(us);
    }
    if (std::regex_match(s.begin(), s.end(), m, iso)) {
        // Each part may have a fraction: whole units exactly, the fraction as Python's float does.
        std::int64_t whole = 0;
        double fraction = 0;
        constexpr std::int64_t units[] = {us_per_day, 3'600'000'000, 60'000'000, 1'000'000};
        for (int i = 0; i < 4; ++i) {
            const std::string_view part = text(i + 2);
            if (part.empty()) continue;
            const auto sep = part.find_first_of(".,");
            if (!add_scaled(part.substr(0, sep), units[i], whole)) return range_error;
            if (sep != std::string_view::npos) {
                std::string digits = "0." + std::string(part.substr(sep + 1));
                double f = 0;
                std::from_chars(digits.data(), digits.data() + digits.size(), f);
                fraction += f * static_cast<double>(units[i]);
            }
        }
        // A fraction past int64 is far out of range anyway.
        if (!(std::fabs(fraction) < 9e18)) return range_error;
        std::int64_t us = 0;
        if (__builtin_add_overflow(whole, round_to_even(fraction), &us)) return range_error;
        return make_duration(text(1) == "-" ? -us : us);
    }
    if (std::regex_match(s.begin(), s.end(), m, postgres)) {
        std::int64_t days = 0, rest = 0;
        if (!signed_days(text(1), days)) return range_error;
        if (!add_scaled(text(4), 3'600'000'000, rest)) return range_error;
        std::int64_t us = 0;
        if (!add_scaled(text(5), 60'000'000, rest) || !add_scaled(text(6), 1'000'000, rest) ||
            __builtin_add_overflow(rest, micros(text(7)), &rest) || !add_signed_rest(days, text(3) == "-", rest, us))
            return range_error;
        return make_duration(us);
    }
    return format_error;
}
}  // namespace detail

// Django's parse_duration: its own '[-]D [days, ][-][[HH:]MM:]SS[.ffffff]' ("3 08:32:01.000123",
// "13", "-1 23:59:59"), ISO 8601 ("P3DT4H", "-PT0.5S") and PostgreSQL's "3 days 04:05:06". A duration
// past ±max_duration_days is Error::range (Python overflows later, at 999999999 days). Text longer
// than max_temporal_text is a format error.
inline ParsedDuration read_duration(std::string_view s) {
    if (s.size() > max_temporal_text) return {Duration(), ParsedDuration::Error::format};
    // Python's `$` also matches before a final newline; std::regex's does not.
    if (!s.empty() && s.back() == '\n') s.remove_suffix(1);
    if (s.find('\n') != std::string_view::npos) return {Duration(), ParsedDuration::Error::format};
    return detail::read_duration_match(s);
}

inline std::optional<Duration> parse_duration(std::string_view s) {
    ParsedDuration parsed = read_duration(s);
    if (parsed.error != ParsedDuration::Error::none) return std::nullopt;
    return parsed.value;
}

}  // namespace drf
