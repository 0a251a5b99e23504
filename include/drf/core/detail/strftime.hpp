// drf/core/detail/strftime.hpp — Python's strftime and strptime for the directives DRF's format and
// input_formats use (%Y %y %m %d %H %I %M %S %f %p %b %B %a %A %j %w %z %Z %%), in the C locale, and
// DRF's humanize_strptime for error messages. strptime translates the format into a regular expression
// as Python's _strptime does, so it backtracks and must match the whole text as Python's does.
#pragma once

#include <drf/core/date.hpp>

#include <cstdint>
#include <map>
#include <mutex>
#include <optional>
#include <regex>
#include <string>
#include <string_view>
#include <vector>

namespace drf::detail {

// A broken-down time to format. zone_utc: an aware UTC datetime (%z is "+0000", %Z "UTC"); a zone_name:
// aware in that zone, utc_offset seconds east (%z "+0530", %Z the name); neither: naive, as Python's
// date and time objects are (%z and %Z are empty).
struct CivilTime {
    int year = 1900, month = 1, day = 1, hour = 0, minute = 0, second = 0, microsecond = 0;
    bool zone_utc = false;
    std::int32_t utc_offset = 0;
    std::string_view zone_name = {};
};

// Python's %z: +HHMM, with seconds when the offset has them.
inline void append_utc_offset(std::string& out, std::int32_t seconds, bool colons) {
    out += seconds < 0 ? '-' : '+';
    const std::int32_t s = seconds < 0 ? -seconds : seconds;
    put_digits(out, s / 3600, 2);
    if (colons) out += ':';
    put_digits(out, s / 60 % 60, 2);
    if (s % 60 != 0) {
        if (colons) out += ':';
        put_digits(out, s % 60, 2);
    }
}

inline constexpr std::string_view weekday_names[] = {"Monday", "Tuesday", "Wednesday", "Thursday",
                                                     "Friday", "Saturday", "Sunday"};
inline constexpr std::string_view month_names[] = {"January", "February", "March",     "April",   "May",      "June",
                                                   "July",    "August",   "September", "October", "November", "December"};

// Monday = 0, as Python's weekday().
inline int weekday_of(int year, int month, int day) {
    const std::int64_t days = days_from_civil(year, static_cast<unsigned>(month), static_cast<unsigned>(day));
    return static_cast<int>(((days + 3) % 7 + 7) % 7);  // 1970-01-01 was a Thursday
}
inline int day_of_year(int year, int month, int day) {
    return static_cast<int>(days_from_civil(year, static_cast<unsigned>(month), static_cast<unsigned>(day)) -
                            days_from_civil(year, 1, 1)) + 1;
}

// Python's strftime in the C locale. A directive outside the list is copied as it stands, as glibc does.
inline void append_strftime(std::string& out, std::string_view format, const CivilTime& t) {
    for (std::size_t i = 0; i < format.size(); ++i) {
        if (format[i] != '%' || i + 1 == format.size()) {
            out += format[i];
            continue;
        }
        const char d = format[++i];
        switch (d) {
            case 'Y': put_digits(out, t.year, 4); break;
            case 'y': put_digits(out, t.year % 100, 2); break;
            case 'm': put_digits(out, t.month, 2); break;
            case 'd': put_digits(out, t.day, 2); break;
            case 'H': put_digits(out, t.hour, 2); break;
            case 'I': put_digits(out, t.hour % 12 == 0 ? 12 : t.hour % 12, 2); break;
            case 'M': put_digits(out, t.minute, 2); break;
            case 'S': put_digits(out, t.second, 2); break;
            case 'f': put_digits(out, t.microsecond, 6); break;
            case 'p': out += t.hour < 12 ? "AM" : "PM"; break;
            case 'j': put_digits(out, day_of_year(t.year, t.month, t.day), 3); break;
            case 'w': put_digits(out, (weekday_of(t.year, t.month, t.day) + 1) % 7, 1); break;
            case 'a': out += weekday_names[weekday_of(t.year, t.month, t.day)].substr(0, 3); break;
            case 'A': out += weekday_names[weekday_of(t.year, t.month, t.day)]; break;
            case 'b': out += month_names[t.month - 1].substr(0, 3); break;
            case 'B': out += month_names[t.month - 1]; break;
            case 'z':
                if (t.zone_utc) out += "+0000";
                else if (!t.zone_name.empty()) append_utc_offset(out, t.utc_offset, false);
                break;
            case 'Z':
                if (t.zone_utc) out += "UTC";
                else out += t.zone_name;
                break;
            case '%': out += '%'; break;
            default: out += '%'; out += d; break;
        }
    }
}

inline std::string strftime(std::string_view format, const CivilTime& t) {
    std::string out;
    append_strftime(out, format, t);
    return out;
}

// What strptime read: Python's defaults (1900-01-01 00:00) for what the format does not name, and the
// UTC offset in microseconds when %z gave one.
struct Strptime {
    int year = 1900, month = 1, day = 1, hour = 0, minute = 0, second = 0, microsecond = 0;
    std::optional<std::int64_t> utc_offset_us;
};

namespace strptime_detail {
// Python's _strptime regexes, per directive.
inline std::string_view pattern(char d) {
    switch (d) {
        case 'd': return "(3[01]|[12]\\d|0[1-9]|[1-9]| [1-9])";
        case 'f': return "([0-9]{1,6})";
        case 'H': return "(2[0-3]|[0-1]\\d|\\d)";
        case 'I': return "(1[0-2]|0[1-9]|[1-9])";
        case 'j': return "(36[0-6]|3[0-5]\\d|[12]\\d\\d|0[1-9]\\d|00[1-9]|[1-9]\\d|0[1-9]|[1-9])";
        case 'm': return "(1[0-2]|0[1-9]|[1-9])";
        case 'M': return "([0-5]\\d|\\d)";
        case 'S': return "(6[0-1]|[0-5]\\d|\\d)";
        case 'w': return "([0-6])";
        case 'y': return "(\\d\\d)";
        case 'Y': return "(\\d\\d\\d\\d)";
        case 'z': return "([+-]\\d\\d:?[0-5]\\d(?::?[0-5]\\d(?:\\.\\d{1,6})?)?|Z)";
        // Longest first, as Python sorts them, so "Mon" does not stop "Monday".
        case 'A': return "(wednesday|thursday|saturday|tuesday|monday|friday|sunday)";
        case 'a': return "(mon|tue|wed|thu|fri|sat|sun)";
        case 'B': return "(september|february|november|december|january|october|august|april|march|july|june|may)";
        case 'b': return "(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)";
        case 'p': return "(am|pm)";
        case 'Z': return "(utc|gmt)";
        default: return {};
    }
}

struct Compiled {
    std::regex re;
    std::string directives;  // the directive of each capture group, in order
    bool ok = false;         // false: Python's "bad directive" or "stray %" ValueError
};

inline Compiled compile(std::string_view format) {
    Compiled c;
    std::string re;
    for (std::size_t i = 0; i < format.size(); ++i) {
        const char ch = format[i];
        if (ch == '%') {
            if (i + 1 == format.size()) return c;
            const char d = format[++i];
            if (d == '%') {
                re += '%';
                continue;
            }
            const std::string_view p = pattern(d);
            if (p.empty()) return c;
            re += p;
            c.directives += d;
        } else if (ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r' || ch == '\f' || ch == '\v') {
            while (i + 1 < format.size() && std::string_view(" \t\n\r\f\v").find(format[i + 1]) != std::string_view::npos) ++i;
            re += "\\s+";  // Python: any run of whitespace in the format matches one or more
        } else if (std::string_view("\\^$.|?*+()[]{}").find(ch) != std::string_view::npos) {
            re += '\\';
            re += ch;
        } else {
            re += ch;
        }
    }
    c.re = std::regex(re, std::regex::ECMAScript | std::regex::icase);
    c.ok = true;
    return c;
}

// Formats come from field options: a handful per program, compiled once each.
inline const Compiled& compiled(std::string_view format) {
    static std::mutex lock;
    static std::map<std::string, Compiled, std::less<>> cache;
    const std::lock_guard<std::mutex> guard(lock);
    auto it = cache.find(format);
    if (it == cache.end()) it = cache.emplace(std::string(format), compile(format)).first;
    return it->second;
}

inline int to_int(std::string_view s) {
    int v = 0;
    for (char c : s)
        if (c >= '0' && c <= '9') v = v * 10 + (c - '0');
    return v;
}

inline int index_of(std::string_view name, const std::string_view* names, int count) {
    for (int i = 0; i < count; ++i) {
        const std::string_view full = names[i];
        if (name.size() != full.size() && name.size() != 3) continue;
        bool same = true;
        for (std::size_t k = 0; k < name.size() && same; ++k) same = (name[k] | 0x20) == (full[k] | 0x20);
        if (same) return i;
    }
    return -1;
}
}  // namespace strptime_detail

// Python's datetime.strptime: nullopt where Python raises ValueError (no match, text left over, an
// impossible date such as 31 Feb, a bad directive). Text past max_temporal_text is refused unread:
// std::regex backtracks recursively.
inline std::optional<Strptime> strptime(std::string_view text, std::string_view format) {
    using namespace strptime_detail;
    if (text.size() > max_temporal_text) return std::nullopt;
    const Compiled& c = compiled(format);
    if (!c.ok) return std::nullopt;
    std::match_results<std::string_view::const_iterator> m;
    if (!std::regex_match(text.begin(), text.end(), m, c.re)) return std::nullopt;
    Strptime r;
    bool have_year = false, pm = false, have_p = false;
    int hour12 = -1, julian = -1;
    for (std::size_t g = 0; g < c.directives.size(); ++g) {
        const auto& sub = m[static_cast<int>(g) + 1];
        const std::string_view v(&*sub.first, static_cast<std::size_t>(sub.length()));
        switch (c.directives[g]) {
            case 'Y': r.year = to_int(v); have_year = true; break;
            case 'y': r.year = to_int(v) + (to_int(v) < 69 ? 2000 : 1900); have_year = true; break;
            case 'm': r.month = to_int(v); break;
            case 'b':
            case 'B': r.month = index_of(v, month_names, 12) + 1; break;
            case 'd': r.day = to_int(v); break;
            case 'H': r.hour = to_int(v); break;
            case 'I': hour12 = to_int(v); break;
            case 'p': have_p = true; pm = (v[0] | 0x20) == 'p'; break;
            case 'M': r.minute = to_int(v); break;
            case 'S': r.second = to_int(v); break;
            case 'f': r.microsecond = to_int(std::string(v) + std::string(6 - v.size(), '0')); break;
            case 'j': julian = to_int(v); break;
            case 'z': {
                if (v == "z") return std::nullopt;  // Python's (?-i:Z): the UTC letter is upper case only
                if (v == "Z") {
                    r.utc_offset_us = 0;
                    break;
                }
                std::string z(v);
                if (z[3] == ':') {
                    z.erase(3, 1);
                    if (z.size() > 5) {
                        if (z[5] != ':') return std::nullopt;  // "Inconsistent use of :"
                        z.erase(5, 1);
                    }
                }
                const std::int64_t secs = to_int(z.substr(1, 2)) * 3600 + to_int(z.substr(3, 2)) * 60 +
                                          (z.size() > 5 ? to_int(z.substr(5, 2)) : 0);
                std::string frac = z.size() > 8 ? z.substr(8) : "";
                frac.resize(6, '0');
                const std::int64_t us = secs * 1'000'000 + to_int(frac);
                if (us >= 86'400'000'000) return std::nullopt;  // Python's timezone() takes less than a day
                r.utc_offset_us = z[0] == '-' ? -us : us;
                break;
            }
            default: break;  // %a %A %w %Z are read and, without a week number, not used (as in Python)
        }
    }
    // Without %p, Python takes %I as AM: 12 is midnight.
    if (hour12 >= 0) r.hour = have_p && pm ? (hour12 == 12 ? 12 : hour12 + 12) : (hour12 == 12 ? 0 : hour12);
    if (!have_year && r.month == 2 && r.day == 29) return std::nullopt;  // Python's default year 1900 has no 29 Feb
    if (!valid_civil(r.year, r.month, r.day)) return std::nullopt;
    if (julian > 0) {
        // Python trusts %j over %m and %d.
        std::int64_t y = 0;
        unsigned mo = 0, da = 0;
        civil_from_days(days_from_civil(r.year, 1, 1) + julian - 1, y, mo, da);
        r.year = static_cast<int>(y);
        r.month = static_cast<int>(mo);
        r.day = static_cast<int>(da);
    }
    return r;
}

// DRF's humanize_strptime: "%d %b %Y" reads "DD [Jan-Dec] YYYY" in error messages.
inline std::string humanize_strptime(std::string format) {
    constexpr std::pair<std::string_view, std::string_view> mapping[] = {
        {"%Y", "YYYY"}, {"%y", "YY"},  {"%m", "MM"}, {"%b", "[Jan-Dec]"}, {"%B", "[January-December]"},
        {"%d", "DD"},   {"%H", "hh"},  {"%I", "hh"}, {"%M", "mm"},        {"%S", "ss"},
        {"%f", "uuuuuu"}, {"%a", "[Mon-Sun]"}, {"%A", "[Monday-Sunday]"}, {"%p", "[AM|PM]"},
        {"%z", "[+HHMM|-HHMM]"}};
    for (const auto& [from, to] : mapping) {
        for (std::size_t at = format.find(from); at != std::string::npos; at = format.find(from, at + to.size()))
            format.replace(at, from.size(), to);
    }
    return format;
}

// DRF's humanize_datetime: the input formats joined with ", ", 'iso-8601' replaced by `iso_text`.
template <class Formats>
std::string humanize_formats(const Formats& formats, std::string_view iso_text) {
    std::string joined;
    for (std::string_view f : formats) {
        if (f.empty()) continue;
        if (!joined.empty()) joined += ", ";
        joined += f;
    }
    constexpr std::string_view iso = "iso-8601";
    for (std::size_t at = joined.find(iso); at != std::string::npos; at = joined.find(iso, at + iso_text.size()))
        joined.replace(at, iso.size(), iso_text);
    return humanize_strptime(std::move(joined));
}

}  // namespace drf::detail
