// drf/core/date.hpp — drf::Date (a Boost.date_time gregorian date), drf::Time (a time of day with
// microseconds) and drf::Duration's text forms: Django's parse_date and parse_time in, DRF's isoformat()
// and Django's duration_string out. Django's parse_duration is in <drf/core/duration_parse.hpp>, for the
// serializers' and the filters' DurationField: the database layer reads its own columns without it.
#pragma once

#include <drf/core/datetime.hpp>

#include <boost/date_time/gregorian/gregorian_types.hpp>

#include <charconv>
#include <compare>
#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

namespace drf {

// A calendar date, 1400-01-01 to 9999-12-31 (Boost.date_time's range). Default-constructed values are
// "not a date" and render as null.
using Date = boost::gregorian::date;

namespace detail {
constexpr bool is_leap_year(std::int64_t y) noexcept { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }
constexpr int days_in_month(std::int64_t year, int month) noexcept {
    constexpr int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return month == 2 && is_leap_year(year) ? 29 : days[month - 1];
}
constexpr bool valid_civil(std::int64_t year, int month, int day) noexcept {
    return year >= 1 && year <= 9999 && month >= 1 && month <= 12 && day >= 1 && day <= days_in_month(year, month);
}
// Python's `$`: the end of the text, or just before a final newline.
constexpr bool at_python_end(std::string_view s, std::size_t p) noexcept {
    return p == s.size() || (p + 1 == s.size() && s[p] == '\n');
}
inline void put_digits(std::string& out, std::int64_t value, int width) {
    char buf[24];
    char* end = std::to_chars(buf, buf + sizeof buf, value).ptr;
    for (auto n = end - buf; n < width; ++n) out += '0';
    out.append(buf, end);
}
}  // namespace detail

// What read_date found: a date, text that is not one, or a real date before 1400 that drf::Date
// cannot hold (Django accepts years from 1).
struct ParsedDate {
    enum class Error { none, format, range };
    Date value;
    Error error = Error::none;
};

// Django's parse_date: YYYY-MM-DD (month and day may have one digit); an impossible date is a format
// error, as Django's ValueError is for DRF.
inline ParsedDate read_date(std::string_view s) noexcept {
    const ParsedDate format_error{Date(), ParsedDate::Error::format};
    std::size_t p = 0;
    int year = 0, month = 0, day = 0;
    if (!detail::read_digits(s, p, 4, 4, year) || p >= s.size() || s[p++] != '-') return format_error;
    if (!detail::read_digits(s, p, 1, 2, month) || p >= s.size() || s[p++] != '-') return format_error;
    if (!detail::read_digits(s, p, 1, 2, day) || !detail::at_python_end(s, p)) return format_error;
    if (!detail::valid_civil(year, month, day)) return format_error;
    if (year < 1400) return {Date(), ParsedDate::Error::range};
    return {Date(static_cast<unsigned short>(year), static_cast<unsigned short>(month), static_cast<unsigned short>(day)),
            ParsedDate::Error::none};
}

inline std::optional<Date> parse_date(std::string_view s) noexcept {
    ParsedDate parsed = read_date(s);
    if (parsed.error != ParsedDate::Error::none) return std::nullopt;
    return parsed.value;
}

// date.isoformat(): "2001-01-01".
inline void append_date(std::string& out, const Date& d) {
    const auto ymd = d.year_month_day();
    detail::put_digits(out, ymd.year, 4);
    out += '-';
    detail::put_digits(out, ymd.month, 2);
    out += '-';
    detail::put_digits(out, ymd.day, 2);
}

inline std::string to_iso8601(const Date& d) {
    std::string out;
    append_date(out, d);
    return out;
}

// A time of day, 00:00:00 to 23:59:59.999999, without a zone: Python's naive datetime.time, which DRF's
// TimeField holds. Constructing one out of range throws std::out_of_range, as Python's ValueError.
class Time {
public:
    constexpr Time() = default;
    constexpr Time(int hour, int minute, int second = 0, int microsecond = 0)
        : hour_(check(hour, 23, "hour must be in 0..23")),
          minute_(check(minute, 59, "minute must be in 0..59")),
          second_(check(second, 59, "second must be in 0..59")),
          microsecond_(check(microsecond, 999'999, "microsecond must be in 0..999999")) {}

    // The time, or nullopt when a part is out of range.
    static constexpr std::optional<Time> from(int hour, int minute, int second = 0, int microsecond = 0) noexcept {
        if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59 || microsecond < 0 ||
            microsecond > 999'999)
            return std::nullopt;
        return Time(hour, minute, second, microsecond);
    }

    constexpr int hour() const noexcept { return hour_; }
    constexpr int minute() const noexcept { return minute_; }
    constexpr int second() const noexcept { return second_; }
    constexpr int microsecond() const noexcept { return microsecond_; }
    // The time as a duration since midnight.
    Duration since_midnight() const {
        return boost::posix_time::hours(hour_) + boost::posix_time::minutes(minute_) +
               boost::posix_time::seconds(second_) + boost::posix_time::microseconds(microsecond_);
    }

    friend constexpr auto operator<=>(const Time&, const Time&) = default;
    friend constexpr bool operator==(const Time&, const Time&) = default;

private:
    static constexpr int check(int v, int max, const char* what) {
        if (v < 0 || v > max) throw std::out_of_range(std::string("drf::Time: ") + what);
        return v;
    }
    int hour_ = 0;
    int minute_ = 0;
    int second_ = 0;
    int microsecond_ = 0;
};

// Django's parse_time: hh:mm[:ss[.ffffff]] (one or two digits each; ',' may replace '.'; up to 12
// fraction digits, the 7th on ignored). Django 3.2 ignores text after the match ("10:00junk" is 10:00);
// here, as in Django 4, the whole text must match. Out-of-range parts (25:00) are nullopt.
inline std::optional<Time> parse_time(std::string_view s) noexcept {
    std::size_t p = 0;
    int hour = 0, minute = 0, second = 0, micro = 0;
    if (!detail::read_digits(s, p, 1, 2, hour) || p >= s.size() || s[p++] != ':') return std::nullopt;
    if (!detail::read_digits(s, p, 1, 2, minute)) return std::nullopt;
    if (p < s.size() && s[p] == ':') {
        ++p;
        if (!detail::read_digits(s, p, 1, 2, second)) return std::nullopt;
        if (p < s.size() && (s[p] == '.' || s[p] == ',')) {
            const std::size_t mark = p++;
            int digits = 0;
            while (p < s.size() && detail::is_digit(s[p]) && digits < 12) {
                if (digits < 6) micro = micro * 10 + (s[p] - '0');
                ++digits;
                ++p;
            }
            if (digits == 0) p = mark;  // the optional group did not match
            for (int d = digits; d < 6; ++d) micro *= 10;
        }
    }
    if (!detail::at_python_end(s, p)) return std::nullopt;
    return Time::from(hour, minute, second, micro);
}

// time.isoformat(): "13:00:00", or "13:00:00.000123" when there is a fraction.
inline void append_time(std::string& out, const Time& t) {
    detail::put_digits(out, t.hour(), 2);
    out += ':';
    detail::put_digits(out, t.minute(), 2);
    out += ':';
    detail::put_digits(out, t.second(), 2);
    if (t.microsecond() != 0) {
        out += '.';
        detail::put_digits(out, t.microsecond(), 6);
    }
}

inline std::string to_iso8601(const Time& t) {
    std::string out;
    append_time(out, t);
    return out;
}

// --- Duration --------------------------------------------------------------------------------------

// drf::Duration (Boost's time_duration, 64-bit microseconds) holds fewer days than Python's timedelta
// (-999999999..999999999): this many either way.
inline constexpr std::int64_t max_duration_days = 106'751'990;

// Text longer than this is no date, time or duration (only zeros in front of a number would make it so
// long), and is refused unread: strptime's std::regex backtracks recursively, and every reader keeps
// the same limit.
inline constexpr std::size_t max_temporal_text = 1000;

struct ParsedDuration {
    enum class Error { none, format, range };
    Duration value;
    Error error = Error::none;
};

namespace detail {
// Adds digits × unit to total; false when that leaves int64 (far past any drf::Duration).
inline bool add_scaled(std::string_view digits, std::int64_t unit, std::int64_t& total) {
    std::int64_t n = 0;
    for (char c : digits) {
        if (__builtin_mul_overflow(n, 10, &n) || __builtin_add_overflow(n, c - '0', &n)) return false;
    }
    return !__builtin_mul_overflow(n, unit, &n) && !__builtin_add_overflow(total, n, &total);
}

// days + sign * rest, false on int64 overflow.
inline bool add_signed_rest(std::int64_t days, bool negative, std::int64_t rest, std::int64_t& out) {
    return !__builtin_add_overflow(days, negative ? -rest : rest, &out);
}

inline ParsedDuration make_duration(std::int64_t us) {
    // Python's days (floor division) must be within drf::Duration's range.
    std::int64_t days = us / us_per_day;
    if (us % us_per_day < 0) --days;
    if (days > max_duration_days || days < -max_duration_days) return {Duration(), ParsedDuration::Error::range};
    return {boost::posix_time::microseconds(us), ParsedDuration::Error::none};
}

}  // namespace detail

namespace detail {
// Python's timedelta parts: days floored, the rest in 0..86399.999999 seconds.
inline void timedelta_parts(const Duration& d, std::int64_t& days, std::int64_t& secs, std::int64_t& micro) {
    std::int64_t us = 0;
    split_days(d.total_microseconds(), days, us);
    secs = us / 1'000'000;
    micro = us % 1'000'000;
}

// ":MM:SS[.ffffff]" of a time of day in seconds: the tail Django's duration_string and Python's
// str(timedelta) share (they differ in the days and in the hour's width).
inline void append_minutes_seconds(std::string& out, std::int64_t secs, std::int64_t micro) {
    out += ':';
    put_digits(out, secs / 60 % 60, 2);
    out += ':';
    put_digits(out, secs % 60, 2);
    if (micro != 0) {
        out += '.';
        put_digits(out, micro, 6);
    }
}
}  // namespace detail

// Django's duration_string, DRF's DurationField output: "3 08:32:01.000123", "00:00:13"; a negative
// duration keeps Python's floored days: -1 second is "-1 23:59:59".
inline void append_duration(std::string& out, const Duration& d) {
    std::int64_t days = 0, secs = 0, micro = 0;
    detail::timedelta_parts(d, days, secs, micro);
    if (days != 0) {
        out += std::to_string(days);
        out += ' ';
    }
    detail::put_digits(out, secs / 3600, 2);
    detail::append_minutes_seconds(out, secs, micro);
}

inline std::string duration_string(const Duration& d) {
    std::string out;
    append_duration(out, d);
    return out;
}

// Python's str(timedelta), which DRF's DurationField bound messages print: "1 day, 0:00:00",
// "4 days, 0:00:00.000123", "-1 day, 23:59:59".
inline std::string timedelta_str(const Duration& d) {
    std::int64_t days = 0, secs = 0, micro = 0;
    detail::timedelta_parts(d, days, secs, micro);
    std::string out;
    if (days != 0) {
        out += std::to_string(days);
        out += days == 1 || days == -1 ? " day, " : " days, ";
    }
    out += std::to_string(secs / 3600);
    detail::append_minutes_seconds(out, secs, micro);
    return out;
}

}  // namespace drf
