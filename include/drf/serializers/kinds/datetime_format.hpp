// drf/serializers/kinds/datetime_format.hpp — DRF's DateTimeField format, input_formats and
// default_timezone options:
// datetime_field<&S::at>({.format = "%I:%M%p, %d %b %Y", .input_formats = {"%I:%M%p, %d %b %Y"}}),
// datetime_field<&S::at>({.default_timezone = "Asia/Kolkata"}).
// A kind of its own, so the plain datetime_field<&S::at>() keeps its fixed ISO 8601 fast path.
#pragma once

#include <drf/core/date.hpp>
#include <drf/core/datetime.hpp>
#include <drf/core/detail/json_text.hpp>
#include <drf/core/detail/strftime.hpp>
#include <drf/core/json.hpp>
#include <drf/core/timezone.hpp>
#include <drf/serializers/detail/builder.hpp>
#include <drf/serializers/field.hpp>
#include <drf/serializers/kinds/date.hpp>
#include <drf/serializers/kinds/datetime.hpp>
#include <drf/serializers/kinds/step.hpp>

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <type_traits>

namespace drf::serializers {

// DateField's options and DRF's default_timezone, by IANA name ("America/New_York"): drf::DateTime stays
// a UTC instant; the zone decides how text without an offset is read and the zone the output is in. The
// zone is read from the system's tzdata on first use (drf::TimeZone::named), so a name that is not a
// zone throws drf::TimeZoneError then. Empty: UTC, DRF's default_timezone=utc. naive: DRF's
// default_timezone=None — aware input is made naive in UTC, and the output has no offset.
struct DateTimeOptions {
    std::optional<std::string_view> format = iso_8601;
    InputFormats input_formats = {iso_8601};
    std::string_view default_timezone = {};
    bool naive = false;
};

namespace detail {
inline drf::detail::CivilTime civil_of(const DateTime& t) {
    std::int64_t days = 0, us = 0;
    drf::detail::split_days(to_unix_micros(t), days, us);
    std::int64_t year = 0;
    unsigned month = 0, day = 0;
    drf::detail::civil_from_days(days, year, month, day);
    const auto secs = static_cast<int>(us / 1'000'000);
    return {static_cast<int>(year), static_cast<int>(month), static_cast<int>(day), secs / 3600, secs / 60 % 60,
            secs % 60, static_cast<int>(us % 1'000'000), true};
}

// Where a value is shown: its wall time in the zone and the zone's offset and abbreviation then.
struct Shown {
    DateTime wall;
    ZoneOffset offset;
};

// The datetime's zone was given: Django's parse_datetime found a Z or an offset after the date (the date
// is at least "YYYY-M-D", and holds the only other '-').
inline bool has_utc_offset(std::string_view iso) { return iso.find_first_of("Z+-", 8) != std::string_view::npos; }

// Python's isoformat() of an aware datetime, and DRF's 'Z' for +00:00.
inline void append_zoned_iso(std::string& out, const Shown& v) {
    std::string text;
    append_datetime(text, v.wall);
    text.pop_back();  // append_datetime's 'Z'
    out += text;
    if (v.offset.seconds == 0) {
        out += 'Z';
    } else {
        drf::detail::append_utc_offset(out, v.offset.seconds, true);
    }
}

// A strptime result in UTC, range-checked as read_datetime checks it (Boost's years 1400 to 9999).
inline ParsedDateTime to_utc(const drf::detail::Strptime& p) {
    return drf::detail::utc_datetime(p.year, p.month, p.day, p.hour, p.minute, p.second, p.microsecond,
                                     p.utc_offset_us.value_or(0));
}
}  // namespace detail

struct DateTimeFormatKind {
    using value_type = DateTime;
    std::optional<std::string_view> format = iso_8601;
    InputFormats input_formats = {iso_8601};
    std::string_view default_timezone = {};
    bool naive = false;

    // A JSON string only: DRF's "Expected a datetime but got a date." needs a Python date object.
    Step to_internal(const Json& in, DateTime& out, Json& slot, const Context&) const {
        if (in.is_string()) {
            const std::string& s = in.get_ref<const std::string&>();
            for (std::string_view f : input_formats) {
                if (f.empty()) continue;
                ParsedDateTime parsed{DateTime(), ParsedDateTime::Error::format};
                bool aware = false;
                if (detail::is_iso_8601(f)) {
                    parsed = read_datetime(s);
                    aware = detail::has_utc_offset(s);
                } else if (auto p = drf::detail::strptime(s, f)) {
                    parsed = detail::to_utc(*p);
                    aware = p->utc_offset_us.has_value();
                }
                if (parsed.error == ParsedDateTime::Error::none) return enforce_timezone(parsed.value, aware, out, slot);
                if (parsed.error == ParsedDateTime::Error::range) {
                    detail::add_error(slot, "Datetime value out of range.", "overflow");
                    return Step::invalid;
                }
            }
        }
        detail::add_temporal_error(slot, "Datetime", input_formats, "YYYY-MM-DDThh:mm[:ss[.uuuuuu]][+HH:MM|-HH:MM|Z]");
        return Step::invalid;
    }
    static void check(const DateTime&, Json&) {}
    void to_representation(const DateTime& v, Json& out) const {
        if (v.is_special()) {
            out = nullptr;
        } else {
            std::string text;
            append_text(v, text);
            out = std::move(text);
        }
    }
    void append_json(const DateTime& v, std::string& out) const {
        if (v.is_special()) {
            out += "null";
        } else if (utc_iso()) {
            out += '"';
            append_datetime(out, v);
            out += '"';
        } else {
            std::string text;
            append_text(v, text);
            drf::detail::append_json_string(out, text);
        }
    }
    // drf-spectacular writes "date-time" whatever the format; drf does so only for ISO output with an
    // offset, since drf's response validation checks "date-time" text against RFC 3339.
    Json openapi_schema() const {
        if (detail::iso_output(format) && !naive) return Json{{"type", "string"}, {"format", "date-time"}};
        return Json{{"type", "string"}};
    }

private:
    // DRF's enforce_timezone on what the input named: a naive wall time is made aware in the zone (read
    // as UTC without one, or kept as it is when naive), an aware one is the same instant.
    Step enforce_timezone(const DateTime& read, bool aware, DateTime& out, Json& slot) const {
        if (naive || default_timezone.empty()) {
            out = read;
            return Step::ok;
        }
        const TimeZone& zone = TimeZone::named(default_timezone);
        constexpr std::int64_t end_us = drf::detail::days_from_civil(10000, 1, 1) * drf::detail::us_per_day;
        if (aware) {
            // Python's astimezone fails when the wall time in the zone passes year 9999.
            if (to_unix_micros(read) + std::int64_t{zone.utc_offset(read)} * 1'000'000 >= end_us) {
                detail::add_error(slot, "Datetime value out of range.", "overflow");
                return Step::invalid;
            }
            out = read;
            return Step::ok;
        }
        const LocalizedTime local = zone.localize(read);
        if (local.result != LocalizedTime::Result::unique) {
            detail::add_error(slot, "Invalid datetime for the timezone \"" + zone.name() + "\".", "make_aware");
            return Step::invalid;
        }
        // The instant may leave the years drf::DateTime holds though the wall time did not.
        const std::int64_t us = to_unix_micros(local.value);
        if (us < drf::detail::days_from_civil(1400, 1, 1) * drf::detail::us_per_day || us >= end_us) {
            detail::add_error(slot, "Datetime value out of range.", "overflow");
            return Step::invalid;
        }
        out = local.value;
        return Step::ok;
    }

    // DRF's format=None hands the value to the JSON encoder as it is: in UTC, whatever the zone.
    bool utc_iso() const { return detail::iso_output(format) && !naive && (default_timezone.empty() || !format); }

    // The value as text in the field's zone: isoformat() or strftime on the wall time there.
    void append_text(const DateTime& v, std::string& out) const {
        if (naive || default_timezone.empty() || !format) {
            drf::detail::CivilTime civil = detail::civil_of(v);
            if (detail::iso_output(format)) {
                append_datetime(out, v);
                if (naive) out.pop_back();  // Python's isoformat() of a naive datetime has no 'Z'
            } else {
                civil.zone_utc = !naive;
                drf::detail::append_strftime(out, *format, civil);
            }
            return;
        }
        const TimeZone& zone = TimeZone::named(default_timezone);
        detail::Shown shown{v, zone.at(v)};
        shown.wall = v + boost::posix_time::seconds(shown.offset.seconds);
        if (detail::iso_output(format)) {
            detail::append_zoned_iso(out, shown);
        } else {
            drf::detail::CivilTime civil = detail::civil_of(shown.wall);
            civil.zone_utc = false;
            civil.utc_offset = shown.offset.seconds;
            civil.zone_name = shown.offset.abbreviation;
            drf::detail::append_strftime(out, *format, civil);
        }
    }
};

namespace detail {
constexpr DateTimeFormatKind datetime_format_kind(const DateTimeOptions& o) {
    if (o.naive && !o.default_timezone.empty())
        throw std::invalid_argument("drf::serializers::datetime_field: naive and default_timezone exclude each other");
    return DateTimeFormatKind{o.format, o.input_formats, o.default_timezone, o.naive};
}

template <class A>
constexpr auto datetime_format_field(std::string_view name, A access, DateTimeOptions o) {
    static_assert(std::is_same_v<access_value_t<A>, DateTime>,
                  "drf::serializers::datetime_field: the member must be drf::DateTime (or std::optional of it)");
    return make_field<DateTimeFormatKind>(name, access, datetime_format_kind(o));
}
}  // namespace detail

// datetime_field<&S::at>(options) — DRF's DateTimeField with format and/or input_formats. Without
// options, datetime_field<&S::at>() (drf/serializers/kinds.hpp) is the ISO 8601 one.
template <auto M>
    requires DataMemberPointer<M>
constexpr auto datetime_field(DateTimeOptions o, std::string_view key = {}) {
    return detail::datetime_format_field(detail::key_of<M>(key), M, o);
}
template <auto M>
    requires DataMemberPointer<M>
constexpr auto datetime_field(std::string_view key, DateTimeOptions o) {
    return detail::datetime_format_field(detail::key_of<M>(key), M, o);
}
template <SourcePath A>
constexpr auto datetime_field(std::string_view key, A path, DateTimeOptions o) {
    return detail::datetime_format_field(key, path, o);
}
constexpr auto datetime_field(DateTimeOptions o) {
    return Field<DateTimeFormatKind, Unbound<DateTime>>{{}, {}, detail::datetime_format_kind(o)};
}

}  // namespace drf::serializers
