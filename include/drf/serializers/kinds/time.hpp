// drf/serializers/kinds/time.hpp — DRF's TimeField: Django's parse_time or strptime formats in,
// isoformat() ("13:00:00", "13:00:00.000123") or strftime out; the member is a drf::Time.
#pragma once

#include <drf/core/date.hpp>
#include <drf/core/detail/json_text.hpp>
#include <drf/core/detail/strftime.hpp>
#include <drf/core/json.hpp>
#include <drf/serializers/detail/builder.hpp>
#include <drf/serializers/field.hpp>
#include <drf/serializers/kinds/date.hpp>
#include <drf/serializers/kinds/step.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <type_traits>

namespace drf::serializers {

using TimeOptions = TemporalOptions;

namespace detail {
// Python's time.strftime() formats the time on 1900-01-01, naive.
inline drf::detail::CivilTime civil_of(const Time& t) {
    return {1900, 1, 1, t.hour(), t.minute(), t.second(), t.microsecond(), false};
}
}  // namespace detail

struct TimeKind {
    using value_type = Time;
    std::optional<std::string_view> format = iso_8601;
    InputFormats input_formats = {iso_8601};

    // A JSON string only (DRF's TypeError on other input is its wrong-format message). A strptime
    // format's date and %z parts are read and dropped, as DRF's parsed.time() does.
    Step to_internal(const Json& in, Time& out, Json& slot, const Context&) const {
        if (in.is_string()) {
            const std::string& s = in.get_ref<const std::string&>();
            for (std::string_view f : input_formats) {
                if (f.empty()) continue;
                if (detail::is_iso_8601(f)) {
                    if (auto t = parse_time(s)) {
                        out = *t;
                        return Step::ok;
                    }
                } else if (auto parsed = drf::detail::strptime(s, f)) {
                    out = Time(parsed->hour, parsed->minute, parsed->second, parsed->microsecond);
                    return Step::ok;
                }
            }
        }
        detail::add_temporal_error(slot, "Time", input_formats, "hh:mm[:ss[.uuuuuu]]");
        return Step::invalid;
    }
    static void check(const Time&, Json&) {}
    void to_representation(const Time& v, Json& out) const {
        std::string s;
        if (detail::iso_output(format))
            append_time(s, v);
        else
            drf::detail::append_strftime(s, *format, detail::civil_of(v));
        out = std::move(s);
    }
    void append_json(const Time& v, std::string& out) const {
        if (detail::iso_output(format)) {
            out += '"';
            append_time(out, v);
            out += '"';
        } else {
            drf::detail::append_json_string(out, drf::detail::strftime(*format, detail::civil_of(v)));
        }
    }
    // drf-spectacular: {"type": "string", "format": "time"}, whatever the format option says.
    static Json openapi_schema() { return Json{{"type", "string"}, {"format", "time"}}; }
};

namespace detail {
template <class A>
constexpr auto time_field(std::string_view name, A access, TemporalOptions o) {
    static_assert(std::is_same_v<access_value_t<A>, Time>,
                  "drf::serializers::time_field: the member must be drf::Time (or std::optional of it)");
    return make_field<TimeKind>(name, access, TimeKind{o.format, o.input_formats});
}
}  // namespace detail

// time_field<&S::opens>() — DRF's TimeField; the member is drf::Time (or std::optional of it).
//     time_field<&Shop::opens>({.format = "%I:%M%p", .input_formats = {"%I:%M%p"}})
//     time_field<&Shop::opens>("opens_at", {.format = "%H:%M"})     the key first, as other builders take it
template <auto M>
    requires DataMemberPointer<M>
constexpr auto time_field(TimeOptions o = {}, std::string_view key = {}) {
    return detail::time_field(detail::key_of<M>(key), M, o);
}
template <auto M>
    requires DataMemberPointer<M>
constexpr auto time_field(std::string_view key, TimeOptions o = {}) {
    return detail::time_field(detail::key_of<M>(key), M, o);
}
template <SourcePath A>
constexpr auto time_field(std::string_view key, A path, TimeOptions o = {}) {
    return detail::time_field(key, path, o);
}
constexpr auto time_field(TimeOptions o = {}) {
    return Field<TimeKind, Unbound<Time>>{{}, {}, TimeKind{o.format, o.input_formats}};
}

}  // namespace drf::serializers
