// drf/serializers/kinds/datetime_format.hpp — DRF's DateTimeField format and input_formats options:
// datetime_field<&S::at>({.format = "%I:%M%p, %d %b %Y", .input_formats = {"%I:%M%p, %d %b %Y"}}).
// A kind of its own, so the plain datetime_field<&S::at>() keeps its fixed ISO 8601 fast path.
#pragma once

#include <drf/core/date.hpp>
#include <drf/core/datetime.hpp>
#include <drf/core/detail/json_text.hpp>
#include <drf/core/detail/strftime.hpp>
#include <drf/core/json.hpp>
#include <drf/serializers/detail/builder.hpp>
#include <drf/serializers/field.hpp>
#include <drf/serializers/kinds/date.hpp>
#include <drf/serializers/kinds/datetime.hpp>
#include <drf/serializers/kinds/step.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>

namespace drf::serializers {

// DRF's default_timezone is not an option: drf::DateTime is UTC, and naming another zone needs an IANA
// time zone database, which drf does not carry. Text without an offset is read as UTC.
using DateTimeOptions = TemporalOptions;

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

    // A JSON string only: DRF's "Expected a datetime but got a date." needs a Python date object.
    Step to_internal(const Json& in, DateTime& out, Json& slot, const Context&) const {
        if (in.is_string()) {
            const std::string& s = in.get_ref<const std::string&>();
            for (std::string_view f : input_formats) {
                if (f.empty()) continue;
                ParsedDateTime parsed{DateTime(), ParsedDateTime::Error::format};
                if (detail::is_iso_8601(f)) {
                    parsed = read_datetime(s);
                } else if (auto p = drf::detail::strptime(s, f)) {
                    parsed = detail::to_utc(*p);
                }
                if (parsed.error == ParsedDateTime::Error::none) {
                    out = parsed.value;
                    return Step::ok;
                }
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
        } else if (detail::iso_output(format)) {
            out = to_iso8601(v);
        } else {
            out = drf::detail::strftime(*format, detail::civil_of(v));
        }
    }
    void append_json(const DateTime& v, std::string& out) const {
        if (v.is_special()) {
            out += "null";
        } else if (detail::iso_output(format)) {
            out += '"';
            append_datetime(out, v);
            out += '"';
        } else {
            drf::detail::append_json_string(out, drf::detail::strftime(*format, detail::civil_of(v)));
        }
    }
    // drf-spectacular writes "date-time" whatever the format; drf does so only for ISO output, since
    // drf's response validation checks "date-time" text against RFC 3339.
    Json openapi_schema() const {
        if (detail::iso_output(format)) return Json{{"type", "string"}, {"format", "date-time"}};
        return Json{{"type", "string"}};
    }
};

namespace detail {
template <class A>
constexpr auto datetime_format_field(std::string_view name, A access, TemporalOptions o) {
    static_assert(std::is_same_v<access_value_t<A>, DateTime>,
                  "drf::serializers::datetime_field: the member must be drf::DateTime (or std::optional of it)");
    return make_field<DateTimeFormatKind>(name, access, DateTimeFormatKind{o.format, o.input_formats});
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
    return Field<DateTimeFormatKind, Unbound<DateTime>>{{}, {}, DateTimeFormatKind{o.format, o.input_formats}};
}

}  // namespace drf::serializers
