// drf/core/timezone.hpp — drf::TimeZone: an IANA time zone read from the system's tzdata (Debian's
// tzdata package, /usr/share/zoneinfo/<Name>), UTC, or a fixed offset. It answers the UTC offset at an
// instant and turns a naive wall time into an instant as pytz's localize(is_dst=None) does, for
// DateTimeField's default_timezone. TZif files are read by hand (the 64-bit block, then the footer's
// POSIX TZ rule past the last transition): Boost's posix_time_zone knows only the footer's rule and
// not the zone's history.
#pragma once

#include <drf/core/datetime.hpp>

#include <cstdint>
#include <fstream>
#include <iterator>
#include <map>
#include <memory>
#include <mutex>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace drf {

// A name that is not a zone, or a zone file that is missing or not TZif.
class TimeZoneError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// What a zone says at an instant: the offset east of UTC, whether it is daylight saving time, and the
// abbreviation strftime's %Z writes ("IST", "EDT").
struct ZoneOffset {
    std::int32_t seconds = 0;
    bool is_dst = false;
    std::string abbreviation;
};

// A wall time made aware: one instant, none (a DST gap: pytz's NonExistentTimeError) or two (a fold:
// AmbiguousTimeError). value is the instant when unique, the earlier one when ambiguous.
struct LocalizedTime {
    enum class Result { unique, nonexistent, ambiguous };
    Result result = Result::unique;
    DateTime value;
};

namespace detail::tz {
// A POSIX TZ rule's day: Jn (1..365, no Feb 29), n (0..365) or Mm.w.d, and the local time it turns at.
struct RuleDay {
    char kind = 'M';
    int month = 0, week = 0, weekday = 0, day = 0;
    std::int32_t time = 7200;
};

struct PosixRule {
    std::string std_abbr, dst_abbr;
    std::int32_t std_offset = 0, dst_offset = 0;  // east of UTC, unlike the text
    bool has_dst = false;
    RuleDay start, end;
};

struct Type {
    std::int32_t offset = 0;
    bool is_dst = false;
    std::string abbreviation;
};

struct Data {
    std::string name;
    std::vector<std::int64_t> transitions;  // UTC seconds, ascending
    std::vector<std::uint8_t> type_of;      // the type from each transition on
    std::vector<Type> types;
    bool has_rule = false;
    PosixRule rule;
};

class Reader {
public:
    explicit Reader(std::string_view s) : s_(s) {}
    bool done() const { return p_ == s_.size(); }
    char peek() const { return p_ < s_.size() ? s_[p_] : '\0'; }
    bool eat(char c) {
        if (peek() != c) return false;
        ++p_;
        return true;
    }
    bool number(int& v, int max_digits) {
        int n = 0;
        v = 0;
        while (n < max_digits && peek() >= '0' && peek() <= '9') {
            v = v * 10 + (s_[p_++] - '0');
            ++n;
        }
        return n > 0;
    }
    // std or dst: three or more letters, or <...> with digits and signs.
    bool abbreviation(std::string& out) {
        const std::size_t from = p_;
        if (eat('<')) {
            while (p_ < s_.size() && s_[p_] != '>') ++p_;
            if (!eat('>')) return false;
            out.assign(s_.substr(from + 1, p_ - from - 2));
        } else {
            while ((peek() >= 'A' && peek() <= 'Z') || (peek() >= 'a' && peek() <= 'z')) ++p_;
            out.assign(s_.substr(from, p_ - from));
        }
        return out.size() >= 3;
    }
    // [+-]hh[:mm[:ss]], hh up to 167 (RFC 8536's extension for rule times).
    bool hms(std::int32_t& out) {
        int sign = 1;
        if (eat('-')) {
            sign = -1;
        } else {
            eat('+');
        }
        int h = 0, m = 0, sec = 0;
        if (!number(h, 3) || h > 167) return false;
        if (eat(':') && (!number(m, 2) || m > 59 || (eat(':') && (!number(sec, 2) || sec > 59)))) return false;
        out = sign * ((h * 60 + m) * 60 + sec);
        return true;
    }
    bool rule_day(RuleDay& d) {
        if (eat('M')) {
            d.kind = 'M';
            if (!number(d.month, 2) || !eat('.') || !number(d.week, 1) || !eat('.') || !number(d.weekday, 1)) return false;
            if (d.month < 1 || d.month > 12 || d.week < 1 || d.week > 5 || d.weekday > 6) return false;
        } else {
            d.kind = eat('J') ? 'J' : 'n';
            if (!number(d.day, 3) || d.day > 365 || (d.kind == 'J' && d.day < 1)) return false;
        }
        d.time = 7200;
        return !eat('/') || hms(d.time);
    }

private:
    std::string_view s_;
    std::size_t p_ = 0;
};

// The footer's rule ("EST5EDT,M3.2.0,M11.1.0"); offsets in the text are west of UTC.
inline bool parse_rule(std::string_view text, PosixRule& r) {
    Reader in(text);
    std::int32_t west = 0;
    if (!in.abbreviation(r.std_abbr) || !in.hms(west)) return false;
    r.std_offset = -west;
    if (in.done()) return true;
    r.has_dst = true;
    if (!in.abbreviation(r.dst_abbr)) return false;
    r.dst_offset = r.std_offset + 3600;
    if (in.peek() != ',' && !in.done()) {
        if (!in.hms(west)) return false;
        r.dst_offset = -west;
    }
    if (in.done()) {  // POSIX leaves the dates to the implementation; glibc takes the US rules
        r.start = {'M', 3, 2, 0, 0, 7200};
        r.end = {'M', 11, 1, 0, 0, 7200};
        return true;
    }
    return in.eat(',') && in.rule_day(r.start) && in.eat(',') && in.rule_day(r.end) && in.done();
}

inline bool is_leap(std::int64_t y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

// The UTC second at which a rule day of year y turns, given the offset in force before it.
inline std::int64_t turn_at(const RuleDay& d, std::int64_t y, std::int32_t offset_before) {
    std::int64_t day = 0;
    if (d.kind == 'J') {
        day = days_from_civil(y, 1, 1) + d.day - 1 + (is_leap(y) && d.day >= 60 ? 1 : 0);
    } else if (d.kind == 'n') {
        day = days_from_civil(y, 1, 1) + d.day;
    } else {
        const auto month = static_cast<unsigned>(d.month);
        const std::int64_t first = days_from_civil(y, month, 1);
        const std::int64_t next = month == 12 ? days_from_civil(y + 1, 1, 1) : days_from_civil(y, month + 1, 1);
        const auto first_weekday = ((first + 4) % 7 + 7) % 7;  // 1970-01-01 was a Thursday; Sunday is 0
        day = first + (d.weekday - first_weekday + 7) % 7 + 7 * (d.week - 1);
        while (day >= next) day -= 7;
    }
    return day * 86400 + d.time - offset_before;
}

inline Type rule_type(const PosixRule& r, std::int64_t t) {
    const Type standard{r.std_offset, false, r.std_abbr};
    if (!r.has_dst) return standard;
    std::int64_t days = (t + r.std_offset) / 86400, year = 0;
    if ((t + r.std_offset) % 86400 < 0) --days;
    unsigned month = 0, day = 0;
    civil_from_days(days, year, month, day);
    const std::int64_t start = turn_at(r.start, year, r.std_offset);
    const std::int64_t end = turn_at(r.end, year, r.dst_offset);
    const bool dst = start < end ? (start <= t && t < end) : !(end <= t && t < start);
    return dst ? Type{r.dst_offset, true, r.dst_abbr} : standard;
}

inline std::uint64_t big_endian(std::string_view s, std::size_t at, int bytes) {
    std::uint64_t v = 0;
    for (int i = 0; i < bytes; ++i) v = v << 8 | static_cast<unsigned char>(s[at + static_cast<std::size_t>(i)]);
    return v;
}

// RFC 8536: a header, the 32-bit block, and for version 2 on a second header, the 64-bit block and a
// footer. False for anything that does not add up.
inline bool parse_tzif(std::string_view f, Data& z) {
    if (f.size() < 44 || f.substr(0, 4) != "TZif") return false;
    const bool v1 = f[4] == '\0';
    std::size_t at = 0;
    auto counts = [&](std::size_t header, std::uint64_t c[6]) {
        for (int i = 0; i < 6; ++i) c[i] = big_endian(f, header + 20 + 4 * static_cast<std::size_t>(i), 4);
    };
    std::uint64_t c[6];  // isutcnt, isstdcnt, leapcnt, timecnt, typecnt, charcnt
    counts(0, c);
    auto block_size = [&](std::size_t time_size) {
        return c[3] * time_size + c[3] + c[4] * 6 + c[5] + c[2] * (time_size + 4) + c[1] + c[0];
    };
    std::size_t time_size = 4;
    if (!v1) {
        if (c[3] > f.size() || c[4] > f.size() || c[5] > f.size() || c[2] > f.size() || c[1] > f.size() ||
            c[0] > f.size())
            return false;
        at = 44 + block_size(4);
        if (at + 44 > f.size() || f.substr(at, 4) != "TZif") return false;
        counts(at, c);
        at += 44;
        time_size = 8;
    } else {
        at = 44;
    }
    for (auto n : c)
        if (n > f.size()) return false;
    if (c[4] == 0 || c[5] == 0 || (c[0] != 0 && c[0] != c[4]) || (c[1] != 0 && c[1] != c[4])) return false;
    if (at + block_size(time_size) > f.size()) return false;
    for (std::uint64_t i = 0; i < c[3]; ++i) {
        const std::uint64_t raw = big_endian(f, at + i * time_size, static_cast<int>(time_size));
        const std::int64_t t = time_size == 8 ? static_cast<std::int64_t>(raw)
                                              : static_cast<std::int64_t>(static_cast<std::int32_t>(raw));
        if (!z.transitions.empty() && t <= z.transitions.back()) return false;
        z.transitions.push_back(t);
    }
    at += c[3] * time_size;
    for (std::uint64_t i = 0; i < c[3]; ++i) {
        const auto idx = static_cast<std::uint8_t>(f[at + i]);
        if (idx >= c[4]) return false;
        z.type_of.push_back(idx);
    }
    at += c[3];
    const std::size_t chars_at = at + c[4] * 6;
    const std::string_view chars = f.substr(chars_at, c[5]);
    if (chars.back() != '\0') return false;
    for (std::uint64_t i = 0; i < c[4]; ++i) {
        const auto offset = static_cast<std::int32_t>(static_cast<std::uint32_t>(big_endian(f, at + i * 6, 4)));
        const auto dst = static_cast<unsigned char>(f[at + i * 6 + 4]);
        const auto abbr_at = static_cast<unsigned char>(f[at + i * 6 + 5]);
        if (offset <= -89999 || offset >= 93600 || dst > 1 || abbr_at >= c[5]) return false;
        z.types.push_back({offset, dst == 1, std::string(chars.substr(abbr_at, chars.find('\0', abbr_at) - abbr_at))});
    }
    at = chars_at + block_size(time_size) - (c[3] * time_size + c[3] + c[4] * 6);
    if (v1) return true;
    // The footer: "\n<POSIX TZ>\n"; empty means no rule past the last transition.
    if (at >= f.size() || f[at] != '\n') return false;
    const std::size_t close = f.find('\n', at + 1);
    if (close == std::string_view::npos) return false;
    const std::string_view footer = f.substr(at + 1, close - at - 1);
    if (footer.empty()) return true;
    z.has_rule = true;
    return parse_rule(footer, z.rule);
}

// IANA names are relative paths of letters, digits and "-+_." with no "." or ".." component.
inline bool valid_name(std::string_view name) {
    if (name.empty() || name.size() > 255 || name.front() == '/' || name.back() == '/') return false;
    std::size_t from = 0;
    while (from <= name.size()) {
        std::size_t to = name.find('/', from);
        if (to == std::string_view::npos) to = name.size();
        const std::string_view part = name.substr(from, to - from);
        if (part.empty() || part == "." || part == "..") return false;
        for (char ch : part) {
            const bool ok = (ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') ||
                            ch == '-' || ch == '+' || ch == '_' || ch == '.';
            if (!ok) return false;
        }
        from = to + 1;
    }
    return true;
}

// Django's get_fixed_timezone names: "+0530", "-0800".
inline std::string offset_name(std::int32_t seconds) {
    const std::int32_t m = (seconds < 0 ? -seconds : seconds) / 60;
    std::string out(1, seconds < 0 ? '-' : '+');
    for (int v : {m / 60 / 10, m / 60 % 10, m % 60 / 10, m % 60 % 10}) out += static_cast<char>('0' + v);
    return out;
}
}  // namespace detail::tz

// An IANA zone, UTC or a fixed offset. Copies share one immutable table.
class TimeZone {
public:
    static TimeZone utc() { return fixed(0, "UTC"); }
    // A fixed offset east of UTC, named as Django's get_fixed_timezone names it unless a name is given.
    static TimeZone fixed(std::int32_t offset_seconds, std::string_view name = {}) {
        if (offset_seconds <= -86400 || offset_seconds >= 86400)
            throw TimeZoneError("drf::TimeZone: a fixed offset must lie strictly within a day");
        auto z = std::make_shared<detail::tz::Data>();
        z->name = name.empty() ? detail::tz::offset_name(offset_seconds) : std::string(name);
        z->types.push_back({offset_seconds, false, z->name});
        return TimeZone(std::move(z));
    }
    // The zone file <directory>/<name>. "UTC" needs no file, as pytz.utc does not.
    static TimeZone load(std::string_view name, std::string_view directory = "/usr/share/zoneinfo") {
        if (!detail::tz::valid_name(name))
            throw TimeZoneError("drf::TimeZone: \"" + std::string(name) + "\" is not a time zone name");
        if (name == "UTC") return utc();
        const std::string path = std::string(directory) + "/" + std::string(name);
        std::ifstream file(path, std::ios::binary);
        if (!file.is_open())
            throw TimeZoneError("drf::TimeZone: no time zone \"" + std::string(name) + "\": cannot read " + path +
                                " (is the tzdata package installed?)");
        std::string text;
        try {
            text.assign(std::istreambuf_iterator<char>(file), std::istreambuf_iterator<char>());
        } catch (const std::exception&) {  // libstdc++ throws on reading a directory
            file.setstate(std::ios::badbit);
        }
        auto z = std::make_shared<detail::tz::Data>();
        z->name = std::string(name);
        if (file.bad() || !detail::tz::parse_tzif(text, *z))
            throw TimeZoneError("drf::TimeZone: no time zone \"" + std::string(name) + "\": " + path +
                                " is not a TZif file");
        return TimeZone(std::move(z));
    }
    // load(name) from /usr/share/zoneinfo, read once per process and kept.
    static const TimeZone& named(std::string_view name) {
        static std::mutex mutex;
        static std::map<std::string, TimeZone, std::less<>> zones;
        std::lock_guard lock(mutex);
        if (auto it = zones.find(name); it != zones.end()) return it->second;
        return zones.emplace(std::string(name), load(name)).first->second;
    }

    const std::string& name() const { return d_->name; }

    ZoneOffset at(const DateTime& instant) const {
        std::int64_t us = to_unix_micros(instant);
        std::int64_t t = us / 1'000'000;
        if (us % 1'000'000 < 0) --t;
        detail::tz::Type type = type_at(t);
        return {type.offset, type.is_dst, std::move(type.abbreviation)};
    }
    std::int32_t utc_offset(const DateTime& instant) const { return at(instant).seconds; }

    // A naive wall time (a DateTime read as local, not UTC) made aware as pytz's localize(is_dst=None):
    // the offsets in force a day either side are tried, and the instants they give that read back as
    // the same wall time are the answers.
    LocalizedTime localize(const DateTime& wall) const {
        const std::int64_t wall_us = to_unix_micros(wall);
        std::int64_t wall_s = wall_us / 1'000'000;
        if (wall_us % 1'000'000 < 0) --wall_s;
        std::int64_t found[2] = {0, 0};
        int n = 0;
        for (std::int64_t delta : {-86400, 86400}) {
            const std::int32_t offset = type_at(wall_s + delta).offset;
            const std::int64_t t = wall_s - offset;
            if (type_at(t).offset != offset) continue;
            if (n == 0 || found[0] != t) found[n++] = t;
        }
        if (n == 0) return {LocalizedTime::Result::nonexistent, DateTime()};
        if (n == 2 && found[1] < found[0]) std::swap(found[0], found[1]);
        const std::int64_t frac = wall_us - wall_s * 1'000'000;
        return {n == 1 ? LocalizedTime::Result::unique : LocalizedTime::Result::ambiguous,
                from_unix_micros(found[0] * 1'000'000 + frac)};
    }

private:
    explicit TimeZone(std::shared_ptr<const detail::tz::Data> d) : d_(std::move(d)) {}

    // RFC 8536: type 0 before the first transition; the footer's rule after the last, when there is one.
    detail::tz::Type type_at(std::int64_t t) const {
        const auto& z = *d_;
        if (z.transitions.empty() || t < z.transitions.front()) {
            if (z.transitions.empty() && z.has_rule) return detail::tz::rule_type(z.rule, t);
            return z.types.front();
        }
        if (t >= z.transitions.back() && z.has_rule) return detail::tz::rule_type(z.rule, t);
        std::size_t lo = 0, hi = z.transitions.size();
        while (hi - lo > 1) {
            const std::size_t mid = lo + (hi - lo) / 2;
            (z.transitions[mid] <= t ? lo : hi) = mid;
        }
        return z.types[z.type_of[lo]];
    }
    std::shared_ptr<const detail::tz::Data> d_;
};

}  // namespace drf
