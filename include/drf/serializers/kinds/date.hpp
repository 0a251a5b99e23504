// drf/serializers/kinds/date.hpp — DRF's DateField (Django's parse_date or strptime formats in,
// isoformat() or strftime out) and the format/input_formats options DateField, TimeField and
// DateTimeField share.
#pragma once

#include <drf/core/date.hpp>
#include <drf/core/detail/json_text.hpp>
#include <drf/core/detail/strftime.hpp>
#include <drf/core/json.hpp>
#include <drf/serializers/detail/builder.hpp>
#include <drf/serializers/field.hpp>
#include <drf/serializers/kinds/step.hpp>

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>

namespace drf::serializers {

// DRF's ISO_8601: as a format, isoformat() out and Django's parser in.
inline constexpr std::string_view iso_8601 = "iso-8601";

// DRF's input_formats: up to eight formats, tried in order; empty entries are unused.
using InputFormats = std::array<std::string_view, 8>;

// The keyword arguments of DRF's DateField, TimeField and DateTimeField:
//     {.format = "%d %b %Y", .input_formats = {"%d %b %Y", iso_8601}}
// format: iso_8601 (the default), a strftime format, or std::nullopt — DRF's format=None, which hands
// the value to the JSON encoder: the same ISO text for these types.
struct TemporalOptions {
    std::optional<std::string_view> format = iso_8601;
    InputFormats input_formats = {iso_8601};
};
using DateOptions = TemporalOptions;

namespace detail {
// DRF compares input_format.lower() == ISO_8601.
constexpr bool is_iso_8601(std::string_view f) noexcept {
    if (f.size() != iso_8601.size()) return false;
    for (std::size_t i = 0; i < f.size(); ++i) {
        const char c = f[i] >= 'A' && f[i] <= 'Z' ? static_cast<char>(f[i] + 32) : f[i];
        if (c != iso_8601[i]) return false;
    }
    return true;
}

// Whether the output is isoformat(): the ISO format, or format=None (the JSON encoder's isoformat()).
constexpr bool iso_output(const std::optional<std::string_view>& format) noexcept {
    return !format || is_iso_8601(*format);
}

inline drf::detail::CivilTime civil_of(const Date& d) {
    const auto ymd = d.year_month_day();
    return {static_cast<int>(ymd.year), static_cast<int>(ymd.month), static_cast<int>(ymd.day), 0, 0, 0, 0, false};
}

inline void add_temporal_error(Json& slot, std::string_view what, const InputFormats& formats, std::string_view iso_text) {
    add_error(slot,
              std::string(what) + " has wrong format. Use one of these formats instead: " +
                  drf::detail::humanize_formats(formats, iso_text) + ".",
              "invalid");
}
}  // namespace detail

struct DateKind {
    using value_type = Date;
    std::optional<std::string_view> format = iso_8601;
    InputFormats input_formats = {iso_8601};

    // A JSON string only: DRF's "Expected a date but got a datetime." needs a Python datetime object,
    // which no JSON input is ("2001-01-01T00:00" is a wrong format, as in DRF).
    Step to_internal(const Json& in, Date& out, Json& slot, const Context&) const {
        if (in.is_string()) {
            const std::string& s = in.get_ref<const std::string&>();
            for (std::string_view f : input_formats) {
                if (f.empty()) continue;
                if (detail::is_iso_8601(f)) {
                    const ParsedDate parsed = read_date(s);
                    if (parsed.error == ParsedDate::Error::none) {
                        out = parsed.value;
                        return Step::ok;
                    }
                    if (parsed.error == ParsedDate::Error::format) continue;
                    return out_of_range(slot);
                }
                const auto parsed = drf::detail::strptime(s, f);
                if (!parsed) continue;
                if (parsed->year < 1400) return out_of_range(slot);
                out = Date(static_cast<unsigned short>(parsed->year), static_cast<unsigned short>(parsed->month),
                           static_cast<unsigned short>(parsed->day));
                return Step::ok;
            }
        }
        detail::add_temporal_error(slot, "Date", input_formats, "YYYY-MM-DD");
        return Step::invalid;
    }
    static void check(const Date&, Json&) {}
    void to_representation(const Date& v, Json& out) const {
        if (v.is_special()) {
            out = nullptr;
        } else {
            std::string s;
            write(v, s);
            out = std::move(s);
        }
    }
    void append_json(const Date& v, std::string& out) const {
        if (v.is_special()) {
            out += "null";
        } else if (detail::iso_output(format)) {
            out += '"';
            append_date(out, v);
            out += '"';
        } else {
            drf::detail::append_json_string(out, drf::detail::strftime(*format, detail::civil_of(v)));
        }
    }
    // drf-spectacular: {"type": "string", "format": "date"}, whatever the format option says.
    static Json openapi_schema() { return Json{{"type", "string"}, {"format", "date"}}; }

private:
    void write(const Date& v, std::string& s) const {
        if (detail::iso_output(format))
            append_date(s, v);
        else
            drf::detail::append_strftime(s, *format, detail::civil_of(v));
    }
    // drf::Date holds years 1400 to 9999; Django's date goes back to year 1. DRF has no message for
    // this: drf says so as DateTimeField does for its own range.
    static Step out_of_range(Json& slot) {
        detail::add_error(slot, "Date value out of range.", "overflow");
        return Step::invalid;
    }
};

namespace detail {
template <class A>
constexpr auto date_field(std::string_view name, A access, TemporalOptions o) {
    static_assert(std::is_same_v<access_value_t<A>, Date>,
                  "drf::serializers::date_field: the member must be drf::Date (or std::optional of it)");
    return make_field<DateKind>(name, access, DateKind{o.format, o.input_formats});
}
}  // namespace detail

// date_field<&S::day>() — DRF's DateField; the member is drf::Date (or std::optional of it).
//     date_field<&Event::day>({.format = "%d/%m/%Y", .input_formats = {"%d/%m/%Y", iso_8601}})
//     date_field<&Event::day>("when", {.format = "%d/%m/%Y"})     the key first, as other builders take it
template <auto M>
    requires DataMemberPointer<M>
constexpr auto date_field(DateOptions o = {}, std::string_view key = {}) {
    return detail::date_field(detail::key_of<M>(key), M, o);
}
template <auto M>
    requires DataMemberPointer<M>
constexpr auto date_field(std::string_view key, DateOptions o = {}) {
    return detail::date_field(detail::key_of<M>(key), M, o);
}
template <SourcePath A>
constexpr auto date_field(std::string_view key, A path, DateOptions o = {}) {
    return detail::date_field(key, path, o);
}
constexpr auto date_field(DateOptions o = {}) {
    return Field<DateKind, Unbound<Date>>{{}, {}, DateKind{o.format, o.input_formats}};
}

}  // namespace drf::serializers
