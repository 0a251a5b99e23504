// drf/core/duration_parse.hpp — Django's parse_duration: its own form, ISO 8601 and PostgreSQL's, each
// of Django's three patterns read by hand, without <regex>. The serializers' DurationField and the
// filters' duration values both read text with it. Apart from <drf/core/date.hpp> because the database
// layer reads its own columns without it.
#pragma once

#include <drf/core/date.hpp>

#include <charconv>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace drf {

namespace detail {
// Python's round(): half to even.
inline std::int64_t round_to_even(double v) {
    const double r = std::nearbyint(v);  // the default rounding mode is to nearest, ties to even
    return static_cast<std::int64_t>(r);
}

// The run of ASCII digits at s[p...].
constexpr std::string_view digit_run(std::string_view s, std::size_t p) {
    std::size_t q = p;
    while (q < s.size() && is_digit(s[q])) ++q;
    return s.substr(p, q - p);
}

// Days as Django's duration patterns write them, "-?\d+", in microseconds (false past int64). Days
// carry their own sign; the sign group applies to the rest (Django: days + sign * rest).
inline bool signed_days_us(std::string_view d, std::int64_t& out) {
    const bool negative = !d.empty() && d.front() == '-';
    std::int64_t us = 0;
    if (!add_scaled(negative ? d.substr(1) : d, us_per_day, us)) return false;
    out = negative ? -us : us;
    return true;
}

// Up to six fraction digits as microseconds (padded with zeros).
constexpr std::int64_t fraction_us(std::string_view f) {
    std::int64_t us = 0;
    for (std::size_t i = 0; i < 6; ++i) us = us * 10 + (i < f.size() ? f[i] - '0' : 0);
    return us;
}

// '^(?:(-?\d+) (days?, )?)?(-?)((?:(\d+):)(?=\d+:\d+))?(?:(\d+):)?(\d+)(?:[.,](\d{1,6})\d{0,6})?$':
// nullopt when it does not match. Each group is decided by the character after it, so no choice is
// ever taken back.
inline std::optional<ParsedDuration> read_standard_duration(std::string_view s) {
    const ParsedDuration range_error{Duration(), ParsedDuration::Error::range};
    std::size_t p = 0;
    std::string_view days;
    {
        const std::size_t sign = p < s.size() && s[p] == '-' ? 1 : 0;
        const std::string_view run = digit_run(s, p + sign);
        if (!run.empty() && p + sign + run.size() < s.size() && s[p + sign + run.size()] == ' ') {
            days = s.substr(p, sign + run.size());
            p += days.size() + 1;
            if (s.substr(p).starts_with("days, ")) p += 6;
            else if (s.substr(p).starts_with("day, ")) p += 5;
        }
    }
    const bool negative = p < s.size() && s[p] == '-';
    if (negative) ++p;
    std::string_view runs[3];
    std::size_t count = 0;
    for (;;) {
        const std::string_view run = digit_run(s, p);
        if (run.empty() || count == 3) return std::nullopt;
        runs[count++] = run;
        p += run.size();
        if (p < s.size() && s[p] == ':') ++p;
        else break;
    }
    std::string_view fraction;
    if (p < s.size() && (s[p] == '.' || s[p] == ',')) {
        const std::string_view run = digit_run(s, p + 1);
        if (run.empty() || run.size() > 12) return std::nullopt;
        fraction = run.substr(0, 6);
        p += 1 + run.size();
    }
    if (p != s.size()) return std::nullopt;
    const std::string_view hours = count == 3 ? runs[0] : std::string_view();
    const std::string_view minutes = count >= 2 ? runs[count - 2] : std::string_view();
    const std::string_view seconds = runs[count - 1];

    std::int64_t day_us = 0, rest = 0, us = 0;
    if (!signed_days_us(days, day_us)) return range_error;
    if (!add_scaled(hours, 3'600'000'000, rest) || !add_scaled(minutes, 60'000'000, rest) ||
        !add_scaled(seconds, 1'000'000, rest))
        return range_error;
    if (__builtin_add_overflow(rest, fraction_us(fraction), &rest) || !add_signed_rest(day_us, negative, rest, us))
        return range_error;
    return make_duration(us);
}

// ISO 8601's '^([-+]?)P(?:(\d+(?:[.,]\d+)?)D)?(?:T(?:(\d+(?:[.,]\d+)?)H)?(?:(\d+(?:[.,]\d+)?)M)?
// (?:(\d+(?:[.,]\d+)?)S)?)?$'. Whole units exactly, fractions as Python's float does. The fraction
// separator is [.,] only: Django 3.2's unescaped '.' let "P1x5D" through to a crash.
inline std::optional<ParsedDuration> read_iso_duration(std::string_view s) {
    const ParsedDuration range_error{Duration(), ParsedDuration::Error::range};
    std::size_t p = 0;
    const bool negative = p < s.size() && s[p] == '-';
    if (p < s.size() && (s[p] == '-' || s[p] == '+')) ++p;
    if (p >= s.size() || s[p] != 'P') return std::nullopt;
    ++p;
    // The number "\d+(?:[.,]\d+)?" at s[p...], if the unit letter follows it.
    const auto number_before = [&](char unit) -> std::string_view {
        const std::string_view whole = digit_run(s, p);
        if (whole.empty()) return {};
        std::size_t q = p + whole.size();
        if (q + 1 < s.size() && (s[q] == '.' || s[q] == ',') && is_digit(s[q + 1])) q += 1 + digit_run(s, q + 1).size();
        if (q >= s.size() || s[q] != unit) return {};
        const std::string_view number = s.substr(p, q - p);
        p = q + 1;
        return number;
    };
    std::string_view parts[4];
    parts[0] = number_before('D');
    if (p < s.size() && s[p] == 'T') {
        ++p;
        parts[1] = number_before('H');
        parts[2] = number_before('M');
        parts[3] = number_before('S');
    }
    if (p != s.size()) return std::nullopt;

    std::int64_t whole = 0;
    double fraction = 0;
    constexpr std::int64_t units[] = {us_per_day, 3'600'000'000, 60'000'000, 1'000'000};
    for (int i = 0; i < 4; ++i) {
        const std::string_view part = parts[i];
        if (part.empty()) continue;
        const auto sep = part.find_first_of(".,");
        if (!add_scaled(part.substr(0, sep), units[i], whole)) return range_error;
        if (sep != std::string_view::npos) {
            const std::string digits = "0." + std::string(part.substr(sep + 1));
            double f = 0;
            std::from_chars(digits.data(), digits.data() + digits.size(), f);
            fraction += f * static_cast<double>(units[i]);
        }
    }
    if (!(std::fabs(fraction) < 9e18)) return range_error;  // past int64, far out of range anyway
    std::int64_t us = 0;
    if (__builtin_add_overflow(whole, round_to_even(fraction), &us)) return range_error;
    return make_duration(negative ? -us : us);
}

// PostgreSQL's '^(?:(-?\d+) (days? ?))?(?:([-+])?(\d+):(\d\d):(\d\d)(?:\.(\d{1,6}))?)?$'.
inline std::optional<ParsedDuration> read_postgres_duration(std::string_view s) {
    const ParsedDuration range_error{Duration(), ParsedDuration::Error::range};
    std::size_t p = 0;
    std::string_view days;
    {
        const std::size_t sign = p < s.size() && s[p] == '-' ? 1 : 0;
        const std::string_view run = digit_run(s, sign);
        const std::size_t after = sign + run.size();
        if (!run.empty() && s.substr(after).starts_with(" day")) {
            days = s.substr(0, after);
            p = after + 4;
            if (p < s.size() && s[p] == 's') ++p;
            if (p < s.size() && s[p] == ' ') ++p;
        }
    }
    bool negative = false;
    std::string_view hours, minutes, seconds, fraction;
    if (p < s.size()) {
        const auto digit_at = [&s](std::size_t i) { return i < s.size() && is_digit(s[i]); };
        std::size_t q = p;
        if (s[q] == '-' || s[q] == '+') negative = s[q++] == '-';
        hours = digit_run(s, q);
        q += hours.size();
        if (hours.empty() || q >= s.size() || s[q] != ':') return std::nullopt;
        if (!digit_at(q + 1) || !digit_at(q + 2) || q + 3 >= s.size() || s[q + 3] != ':') return std::nullopt;
        minutes = s.substr(q + 1, 2);
        if (!digit_at(q + 4) || !digit_at(q + 5)) return std::nullopt;
        seconds = s.substr(q + 4, 2);
        q += 6;
        if (q < s.size() && s[q] == '.') {
            const std::string_view run = digit_run(s, q + 1);
            if (run.empty() || run.size() > 6) return std::nullopt;
            fraction = run;
            q += 1 + run.size();
        }
        if (q != s.size()) return std::nullopt;
    }

    std::int64_t day_us = 0, rest = 0, us = 0;
    if (!signed_days_us(days, day_us)) return range_error;
    if (!add_scaled(hours, 3'600'000'000, rest) || !add_scaled(minutes, 60'000'000, rest) ||
        !add_scaled(seconds, 1'000'000, rest) || __builtin_add_overflow(rest, fraction_us(fraction), &rest) ||
        !add_signed_rest(day_us, negative, rest, us))
        return range_error;
    return make_duration(us);
}
}  // namespace detail

// Django's parse_duration: its own '[-]D [days, ][-][[HH:]MM:]SS[.ffffff]' ("3 08:32:01.000123",
// "13", "-1 23:59:59"), ISO 8601 ("P3DT4H", "-PT0.5S") and PostgreSQL's "3 days 04:05:06", tried in
// Django's order on the text as given (nothing is stripped). A duration past ±max_duration_days is
// Error::range (Python overflows later, at 999999999 days). Text longer than max_temporal_text is a
// format error.
inline ParsedDuration read_duration(std::string_view s) {
    if (s.size() > max_temporal_text) return {Duration(), ParsedDuration::Error::format};
    // Python's `$` also matches before a final newline.
    if (!s.empty() && s.back() == '\n') s.remove_suffix(1);
    if (s.find('\n') != std::string_view::npos) return {Duration(), ParsedDuration::Error::format};
    if (auto d = detail::read_standard_duration(s)) return *d;
    if (auto d = detail::read_iso_duration(s)) return *d;
    if (auto d = detail::read_postgres_duration(s)) return *d;
    return {Duration(), ParsedDuration::Error::format};
}

inline std::optional<Duration> parse_duration(std::string_view s) {
    ParsedDuration parsed = read_duration(s);
    if (parsed.error != ParsedDuration::Error::none) return std::nullopt;
    return parsed.value;
}

}  // namespace drf
