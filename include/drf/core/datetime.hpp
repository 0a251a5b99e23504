// drf/core/datetime.hpp — drf::DateTime (a UTC Boost.date_time ptime with microseconds): DRF's ISO 8601
// rendering and Django's parsing. Rendering and parsing are hand-rolled because they sit on every
// serialized row; Boost's iostream facets are slow and cannot read UTC offsets.
#pragma once

#include <boost/date_time/posix_time/posix_time_types.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace drf {

// Always UTC; microsecond resolution. Default-constructed values are "not a date time".
using DateTime = boost::posix_time::ptime;
using Duration = boost::posix_time::time_duration;

inline const DateTime& unix_epoch() {
    static const DateTime epoch(boost::gregorian::date(1970, 1, 1));
    return epoch;
}

// Microseconds since 1970-01-01T00:00:00Z: the compact form the database layer stores and sorts.
inline std::int64_t to_unix_micros(const DateTime& t) { return (t - unix_epoch()).total_microseconds(); }
inline DateTime from_unix_micros(std::int64_t us) { return unix_epoch() + boost::posix_time::microseconds(us); }

namespace detail {
// Howard Hinnant's civil_from_days: the proleptic Gregorian date `days` after 1970-01-01. Integer
// arithmetic only; Boost's year_month_day conversion costs several times as much, on every rendered row.
constexpr void civil_from_days(std::int64_t days, std::int64_t& year, unsigned& month, unsigned& day) noexcept {
    days += 719468;
    const std::int64_t era = (days >= 0 ? days : days - 146096) / 146097;
    const auto doe = static_cast<unsigned>(days - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    day = doy - (153 * mp + 2) / 5 + 1;
    month = mp < 10 ? mp + 3 : mp - 9;
    year = static_cast<std::int64_t>(yoe) + era * 400 + (month <= 2);
}
}  // namespace detail

namespace detail {
inline constexpr std::int64_t us_per_day = 86'400'000'000;

// Microseconds since the epoch as whole days and the microseconds into the last one (floored).
constexpr void split_days(std::int64_t us, std::int64_t& days, std::int64_t& us_of_day) noexcept {
    days = us / us_per_day;
    us_of_day = us % us_per_day;
    if (us_of_day < 0) {
        us_of_day += us_per_day;
        --days;
    }
}
}  // namespace detail

// Appends DRF's rendering: "2026-11-23T19:43:37.727356Z", or "2026-11-23T19:43:37Z" when the fraction is zero.
inline void append_datetime(std::string& out, const DateTime& t) {
    std::int64_t days = 0, us = 0;
    detail::split_days(to_unix_micros(t), days, us);
    std::int64_t year = 0;
    unsigned month = 0, day = 0;
    detail::civil_from_days(days, year, month, day);
    const long frac = static_cast<long>(us % 1'000'000);
    const long secs = static_cast<long>(us / 1'000'000);
    char buf[32];
    auto put = [&buf](std::size_t at, long value, int width) {
        for (int i = width - 1; i >= 0; --i) {
            buf[at + static_cast<std::size_t>(i)] = static_cast<char>('0' + value % 10);
            value /= 10;
        }
    };
    put(0, static_cast<long>(year), 4);
    buf[4] = '-';
    put(5, static_cast<long>(month), 2);
    buf[7] = '-';
    put(8, static_cast<long>(day), 2);
    buf[10] = 'T';
    put(11, secs / 3600, 2);
    buf[13] = ':';
    put(14, secs / 60 % 60, 2);
    buf[16] = ':';
    put(17, secs % 60, 2);
    std::size_t len = 19;
    if (frac != 0) {
        buf[19] = '.';
        put(20, frac, 6);
        len = 26;
    }
    buf[len++] = 'Z';
    out.append(buf, len);
}

inline std::string to_iso8601(const DateTime& t) {
    std::string out;
    out.reserve(27);
    append_datetime(out, t);
    return out;
}

namespace detail {
constexpr bool is_digit(char c) noexcept { return c >= '0' && c <= '9'; }

// Reads 1..max_digits digits at pos (Django's \d{1,2} style); returns count read (0 = none).
constexpr int read_digits(std::string_view s, std::size_t& pos, int min_digits, int max_digits, int& value) noexcept {
    int n = 0;
    value = 0;
    while (pos < s.size() && n < max_digits && is_digit(s[pos])) {
        value = value * 10 + (s[pos] - '0');
        ++pos;
        ++n;
    }
    return n >= min_digits ? n : 0;
}
}  // namespace detail

namespace detail {
// Howard Hinnant's days_from_civil, civil_from_days' inverse: days from 1970-01-01 to a proleptic
// Gregorian date.
constexpr std::int64_t days_from_civil(std::int64_t year, unsigned month, unsigned day) noexcept {
    year -= month <= 2;
    const std::int64_t era = (year >= 0 ? year : year - 399) / 400;
    const auto yoe = static_cast<unsigned>(year - era * 400);
    const unsigned doy = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}
}  // namespace detail

// What read_datetime found: a value, text that is not a datetime, or a datetime drf::DateTime cannot
// hold (Boost.date_time's years 1400 to 9999, in UTC).
struct ParsedDateTime {
    enum class Error { none, format, range };
    DateTime value;
    Error error = Error::none;
};

namespace detail {
// A validated civil date and time less a UTC offset, as a DateTime: computed in integers, then
// range-checked, since Boost's ptime arithmetic past 9999 wraps instead of failing.
inline ParsedDateTime utc_datetime(std::int64_t year, int month, int day, int hour, int minute, int second,
                                   int microsecond, std::int64_t offset_us) noexcept {
    const std::int64_t utc_us =
        days_from_civil(year, static_cast<unsigned>(month), static_cast<unsigned>(day)) * us_per_day +
        ((hour * 60 + minute) * 60 + second) * std::int64_t{1'000'000} + microsecond - offset_us;
    constexpr std::int64_t first_us = days_from_civil(1400, 1, 1) * us_per_day;
    constexpr std::int64_t end_us = days_from_civil(10000, 1, 1) * us_per_day;
    if (utc_us < first_us || utc_us >= end_us) return {DateTime(), ParsedDateTime::Error::range};
    return {from_unix_micros(utc_us), ParsedDateTime::Error::none};
}
}  // namespace detail

// Reads ISO 8601 as Django's parse_datetime does (the DRF DateTimeField input rule):
//   YYYY-MM-DD[T ]hh:mm[:ss[.ffffff]][Z|±HH[[:]MM]]   (the fraction may have up to 12 digits, the 7th on
//   ignored; ',' may replace '.'). A time without a zone is taken as UTC.
// A wrong shape or an impossible date/time (month 13, hour 25, ...) is Error::format; a real datetime
// whose UTC value falls outside 1400-01-01T00:00:00Z..9999-12-31T23:59:59.999999Z is Error::range
// (DRF's "Datetime value out of range." when the offset carries it past year 9999; Django would accept
// years before 1400, Boost.date_time cannot hold them).
inline ParsedDateTime read_datetime(std::string_view s) noexcept {
    using detail::read_digits;
    const ParsedDateTime format_error{DateTime(), ParsedDateTime::Error::format};
    std::size_t p = 0;
    int year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0, micro = 0;
    if (!read_digits(s, p, 4, 4, year) || p >= s.size() || s[p++] != '-') return format_error;
    if (!read_digits(s, p, 1, 2, month) || p >= s.size() || s[p++] != '-') return format_error;
    if (!read_digits(s, p, 1, 2, day) || p >= s.size() || (s[p] != 'T' && s[p] != ' ')) return format_error;
    ++p;
    if (!read_digits(s, p, 1, 2, hour) || p >= s.size() || s[p++] != ':') return format_error;
    if (!read_digits(s, p, 1, 2, minute)) return format_error;
    if (p < s.size() && s[p] == ':') {
        ++p;
        if (!read_digits(s, p, 1, 2, second)) return format_error;
        if (p < s.size() && (s[p] == '.' || s[p] == ',')) {
            ++p;
            int digits = 0;
            while (p < s.size() && detail::is_digit(s[p]) && digits < 12) {
                if (digits < 6) micro = micro * 10 + (s[p] - '0');
                ++digits;
                ++p;
            }
            if (digits == 0) return format_error;
            for (int d = digits; d < 6; ++d) micro *= 10;
        }
    }
    std::int64_t offset_minutes = 0;
    if (p < s.size()) {
        if (s[p] == 'Z') {
            ++p;
        } else if (s[p] == '+' || s[p] == '-') {
            const int sign = s[p] == '-' ? -1 : 1;
            ++p;
            int oh = 0, om = 0;
            if (!read_digits(s, p, 2, 2, oh)) return format_error;
            const bool colon = p < s.size() && s[p] == ':';
            if (colon) ++p;
            if (colon || p < s.size()) {
                if (!read_digits(s, p, 2, 2, om)) return format_error;
            }
            offset_minutes = sign * (oh * 60L + om);
            if (offset_minutes <= -24 * 60 || offset_minutes >= 24 * 60) return format_error;
        } else {
            return format_error;
        }
    }
    if (p + 1 == s.size() && s[p] == '\n') ++p;  // Python's `$` also matches before a final newline
    if (p != s.size()) return format_error;
    if (month < 1 || month > 12 || hour > 23 || minute > 59 || second > 59) return format_error;
    constexpr int days_in_month[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    const int max_day = month == 2 && leap ? 29 : days_in_month[month - 1];
    if (day < 1 || day > max_day) return format_error;
    constexpr std::int64_t us_per_minute = 60'000'000;
    return detail::utc_datetime(year, month, day, hour, minute, second, micro, offset_minutes * us_per_minute);
}

// read_datetime's value, or nullopt for either error.
inline std::optional<DateTime> parse_datetime(std::string_view s) noexcept {
    ParsedDateTime parsed = read_datetime(s);
    if (parsed.error != ParsedDateTime::Error::none) return std::nullopt;
    return parsed.value;
}

}  // namespace drf
