// drf/filters/detail/temporal.hpp — dates, times and durations read as django-filter's form fields read
// them: DateField and TimeField through Django's input formats (Python's strptime, written out by hand so
// that the filters do without <regex>), DurationField through drf::read_duration, Django's parse_duration.
#pragma once

#include <drf/core/date.hpp>
#include <drf/core/duration_parse.hpp>
#include <drf/filters/detail/python_text.hpp>

#include <cstddef>
#include <optional>
#include <string_view>

namespace drf::filters::detail {

// What strptime's directives captured; -1 for what the format does not hold.
struct StrptimeParts {
    int year = -1, month = -1, day = -1;
    int hour = 0, minute = 0, second = 0, microsecond = 0;
};

constexpr bool ascii_digit_at(std::string_view s, std::size_t p) { return p < s.size() && s[p] >= '0' && s[p] <= '9'; }
constexpr bool digit_in(std::string_view s, std::size_t p, char lo, char hi) {
    return p < s.size() && s[p] >= lo && s[p] <= hi;
}
constexpr int digits_value(std::string_view s, std::size_t p, std::size_t n) {
    int v = 0;
    for (std::size_t i = 0; i < n; ++i) v = v * 10 + (s[p + i] - '0');
    return v;
}
constexpr char ascii_lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

// C locale month names, as strptime's %B and %b match them: case-insensitively. No name is a prefix of
// another, so the order Python tries them in (longest first) cannot change a match.
inline constexpr std::string_view month_names[12] = {"january", "february", "march",     "april",   "may",      "june",
                                                     "july",    "august",   "september", "october", "november", "december"};

// How many characters of month `name` (or its first three, for %b) start s at p; 0 if none.
constexpr std::size_t month_at(std::string_view s, std::size_t p, bool abbreviated, int& month) {
    for (int m = 0; m < 12; ++m) {
        const std::string_view name = abbreviated ? month_names[m].substr(0, 3) : month_names[m];
        if (s.size() - p < name.size()) continue;
        bool same = true;
        for (std::size_t i = 0; i < name.size() && same; ++i) same = ascii_lower(s[p + i]) == name[i];
        if (same) {
            month = m + 1;
            return name.size();
        }
    }
    return 0;
}

// Python's _strptime: the format becomes a regular expression (each run of whitespace `\s+`, each
// directive its alternatives, longest first), which must match the whole text. Every directive that
// can end a match is followed by a literal or ends the format, so taking each directive's first
// alternative that lets the rest match is what re.match does; a whitespace run is taken whole (giving a
// space back could only feed %d's ' [1-9]' alternative, which reads the same digit).
inline bool strptime_match(std::string_view format, std::string_view s, std::size_t p, StrptimeParts& parts) {
    if (format.empty()) return p == s.size();
    if (format[0] == ' ') {
        std::size_t q = p;
        while (q < s.size()) {
            const std::size_t n = python_space_at(s, q);
            if (n == 0) break;
            q += n;
        }
        return q != p && strptime_match(format.substr(1), s, q, parts);
    }
    if (format[0] != '%') return p < s.size() && s[p] == format[0] && strptime_match(format.substr(1), s, p + 1, parts);

    const char directive = format[1];
    const std::string_view rest = format.substr(2);
    // Tries the alternative `len` characters long holding `value`, in order; true when the rest matched.
    const auto attempt = [&](std::size_t len, int StrptimeParts::*field, int value) {
        StrptimeParts next = parts;
        next.*field = value;
        if (!strptime_match(rest, s, p + len, next)) return false;
        parts = next;
        return true;
    };
    switch (directive) {
        case 'Y':  // \d\d\d\d
            return ascii_digit_at(s, p) && ascii_digit_at(s, p + 1) && ascii_digit_at(s, p + 2) &&
                   ascii_digit_at(s, p + 3) && attempt(4, &StrptimeParts::year, digits_value(s, p, 4));
        case 'y': {  // \d\d: 69-99 are the 1900s, 00-68 the 2000s
            if (!ascii_digit_at(s, p) || !ascii_digit_at(s, p + 1)) return false;
            const int y = digits_value(s, p, 2);
            return attempt(2, &StrptimeParts::year, y <= 68 ? 2000 + y : 1900 + y);
        }
        case 'm':  // 1[0-2]|0[1-9]|[1-9]
            return (p < s.size() && s[p] == '1' && digit_in(s, p + 1, '0', '2') && attempt(2, &StrptimeParts::month, digits_value(s, p, 2))) ||
                   (p < s.size() && s[p] == '0' && digit_in(s, p + 1, '1', '9') && attempt(2, &StrptimeParts::month, digits_value(s, p, 2))) ||
                   (digit_in(s, p, '1', '9') && attempt(1, &StrptimeParts::month, digits_value(s, p, 1)));
        case 'd':  // 3[01]|[12]\d|0[1-9]|[1-9]| [1-9]
            return (p < s.size() && s[p] == '3' && digit_in(s, p + 1, '0', '1') && attempt(2, &StrptimeParts::day, digits_value(s, p, 2))) ||
                   (digit_in(s, p, '1', '2') && ascii_digit_at(s, p + 1) && attempt(2, &StrptimeParts::day, digits_value(s, p, 2))) ||
                   (p < s.size() && s[p] == '0' && digit_in(s, p + 1, '1', '9') && attempt(2, &StrptimeParts::day, digits_value(s, p, 2))) ||
                   (digit_in(s, p, '1', '9') && attempt(1, &StrptimeParts::day, digits_value(s, p, 1))) ||
                   (p < s.size() && s[p] == ' ' && digit_in(s, p + 1, '1', '9') && attempt(2, &StrptimeParts::day, digits_value(s, p + 1, 1)));
        case 'b':
        case 'B': {
            int month = 0;
            const std::size_t n = month_at(s, p, directive == 'b', month);
            return n != 0 && attempt(n, &StrptimeParts::month, month);
        }
        case 'H':  // 2[0-3]|[0-1]\d|\d
            return (p < s.size() && s[p] == '2' && digit_in(s, p + 1, '0', '3') && attempt(2, &StrptimeParts::hour, digits_value(s, p, 2))) ||
                   (digit_in(s, p, '0', '1') && ascii_digit_at(s, p + 1) && attempt(2, &StrptimeParts::hour, digits_value(s, p, 2))) ||
                   (ascii_digit_at(s, p) && attempt(1, &StrptimeParts::hour, digits_value(s, p, 1)));
        case 'M':  // [0-5]\d|\d
            return (digit_in(s, p, '0', '5') && ascii_digit_at(s, p + 1) && attempt(2, &StrptimeParts::minute, digits_value(s, p, 2))) ||
                   (ascii_digit_at(s, p) && attempt(1, &StrptimeParts::minute, digits_value(s, p, 1)));
        case 'S':  // 6[0-1]|[0-5]\d|\d (60 and 61 match, and datetime() refuses them after)
            return (p < s.size() && s[p] == '6' && digit_in(s, p + 1, '0', '1') && attempt(2, &StrptimeParts::second, digits_value(s, p, 2))) ||
                   (digit_in(s, p, '0', '5') && ascii_digit_at(s, p + 1) && attempt(2, &StrptimeParts::second, digits_value(s, p, 2))) ||
                   (ascii_digit_at(s, p) && attempt(1, &StrptimeParts::second, digits_value(s, p, 1)));
        case 'f': {  // [0-9]{1,6}, read as the digits padded with zeros to six
            std::size_t n = 0;
            while (n < 6 && ascii_digit_at(s, p + n)) ++n;
            for (; n > 0; --n) {
                int micro = digits_value(s, p, n);
                for (std::size_t k = n; k < 6; ++k) micro *= 10;
                if (attempt(n, &StrptimeParts::microsecond, micro)) return true;
            }
            return false;
        }
        default: return false;
    }
}

// Django's DATE_INPUT_FORMATS and TIME_INPUT_FORMATS (its defaults, those of the "en" locale), tried in
// order by forms.DateField and forms.TimeField.
inline constexpr std::string_view date_input_formats[] = {"%Y-%m-%d", "%m/%d/%Y", "%m/%d/%y", "%b %d %Y",
                                                          "%b %d, %Y", "%d %b %Y", "%d %b, %Y", "%B %d %Y",
                                                          "%B %d, %Y", "%d %B %Y", "%d %B, %Y"};
inline constexpr std::string_view time_input_formats[] = {"%H:%M:%S", "%H:%M:%S.%f", "%H:%M"};

// forms.DateField on stripped text: a date, or a format error (also for a day the month does not have),
// or a range error for a real date before 1400, which drf::Date cannot hold.
inline ParsedDate read_form_date(std::string_view text) {
    for (const std::string_view format : date_input_formats) {
        StrptimeParts parts;
        if (!strptime_match(format, text, 0, parts)) continue;
        if (!drf::detail::valid_civil(parts.year, parts.month, parts.day)) continue;  // datetime.date() refuses it
        if (parts.year < 1400) return {Date(), ParsedDate::Error::range};
        return {Date(static_cast<unsigned short>(parts.year), static_cast<unsigned short>(parts.month),
                     static_cast<unsigned short>(parts.day)),
                ParsedDate::Error::none};
    }
    return {Date(), ParsedDate::Error::format};
}

// forms.TimeField on stripped text.
inline std::optional<Time> read_form_time(std::string_view text) {
    for (const std::string_view format : time_input_formats) {
        StrptimeParts parts;
        if (!strptime_match(format, text, 0, parts)) continue;
        if (auto t = Time::from(parts.hour, parts.minute, parts.second, parts.microsecond)) return t;
    }
    return std::nullopt;
}

// forms.DurationField: Django's parse_duration on the text as given (DurationField does not strip), by
// the reader the serializers' DurationField uses; Python's `$` lets one final newline through. Past
// drf::Duration's days it is ParsedDuration::Error::range; text longer than max_temporal_text is refused
// unread.
inline ParsedDuration read_form_duration(std::string_view s) { return drf::read_duration(s); }

}  // namespace drf::filters::detail
