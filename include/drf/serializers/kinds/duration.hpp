// drf/serializers/kinds/duration.hpp — DRF's DurationField: Django's parse_duration of str(input) in,
// Django's duration_string out, max_value/min_value bounds printed as Python's str(timedelta).
#pragma once

#include <drf/core/date.hpp>
#include <drf/core/duration_parse.hpp>
#include <drf/core/json.hpp>
#include <drf/serializers/detail/builder.hpp>
#include <drf/serializers/detail/python.hpp>
#include <drf/serializers/field.hpp>
#include <drf/serializers/kinds/step.hpp>

#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>
#include <type_traits>

namespace drf::serializers {

// A max_value/min_value bound: any std::chrono duration (usable in a constexpr field list, e.g.
// std::chrono::days{1}) or a drf::Duration.
struct DurationBound {
    std::int64_t microseconds = 0;
    bool set = false;
    constexpr DurationBound() = default;
    template <class Rep, class Period>
    constexpr DurationBound(std::chrono::duration<Rep, Period> d)  // NOLINT: a bound is written as a duration
        : microseconds(std::chrono::duration_cast<std::chrono::microseconds>(d).count()), set(true) {}
    DurationBound(const Duration& d) : microseconds(d.total_microseconds()), set(true) {}  // NOLINT
    Duration value() const { return boost::posix_time::microseconds(microseconds); }
};

struct DurationKind {
    using value_type = Duration;
    using bound_type = DurationBound;
    DurationBound max_value{};
    DurationBound min_value{};

    constexpr DurationKind with_max_value(DurationBound v) const { DurationKind k = *this; k.max_value = v; return k; }
    constexpr DurationKind with_min_value(DurationBound v) const { DurationKind k = *this; k.min_value = v; return k; }

    // DRF parses str(value): 3600 is "3600" seconds, 1.5 is "1.5"; true ("True"), lists and objects
    // never parse. A duration beyond drf::Duration's days is DRF 3.15's 'overflow' message with drf's
    // limits (DRF 3.14 answers 500 past Python's 999999999 days).
    Step to_internal(const Json& in, Duration& out, Json& slot, const Context&) const {
        ParsedDuration parsed{Duration(), ParsedDuration::Error::format};
        if (in.is_string()) {
            parsed = read_duration(in.get_ref<const std::string&>());
        } else if (in.is_number() || json_big_integer_text(in)) {
            parsed = read_duration(detail::python_str(in));
        }
        if (parsed.error == ParsedDuration::Error::none) {
            out = parsed.value;
            return Step::ok;
        }
        if (parsed.error == ParsedDuration::Error::range) {
            const std::string limit = std::to_string(max_duration_days);
            detail::add_error(slot, "The number of days must be between -" + limit + " and " + limit + ".", "overflow");
        } else {
            detail::add_error(slot, "Duration has wrong format. Use one of these formats instead: [DD] [HH:[MM:]]ss[.uuuuuu].",
                              "invalid");
        }
        return Step::invalid;
    }
    void check(const Duration& v, Json& slot) const {
        const std::int64_t us = v.total_microseconds();
        if (max_value.set && us > max_value.microseconds)
            detail::add_error(slot, "Ensure this value is less than or equal to " + timedelta_str(max_value.value()) + ".",
                              "max_value");
        if (min_value.set && us < min_value.microseconds)
            detail::add_error(slot, "Ensure this value is greater than or equal to " + timedelta_str(min_value.value()) + ".",
                              "min_value");
    }
    static void to_representation(const Duration& v, Json& out) {
        if (v.is_special()) {
            out = nullptr;
            return;
        }
        out = duration_string(v);
    }
    // Digits, '-', ' ', ':' and '.': nothing to escape.
    static void append_json(const Duration& v, std::string& out) {
        if (v.is_special()) {
            out += "null";
            return;
        }
        out += '"';
        append_duration(out, v);
        out += '"';
    }
    // drf-spectacular 0.25 gives DurationField {"type": "string"}, bounds left out.
    static Json openapi_schema() { return Json{{"type", "string"}}; }
};

namespace detail {
template <class A>
constexpr auto duration_field(std::string_view name, A access) {
    static_assert(std::is_same_v<access_value_t<A>, Duration>,
                  "drf::serializers::duration_field: the member must be drf::Duration (or std::optional of it)");
    return make_field<DurationKind>(name, access);
}
}  // namespace detail

// duration_field<&S::timeout>() — DRF's DurationField; the member is drf::Duration (Boost's
// time_duration). Bounds through the field's own options:
//     duration_field<&Job::timeout>().min_value(std::chrono::days{1}).max_value(std::chrono::days{4})
template <auto M>
    requires DataMemberPointer<M>
constexpr auto duration_field(std::string_view key = {}) {
    return detail::duration_field(detail::key_of<M>(key), M);
}
template <SourcePath A>
constexpr auto duration_field(std::string_view key, A path) {
    return detail::duration_field(key, path);
}
constexpr auto duration_field() { return Field<DurationKind, Unbound<Duration>>{}; }

}  // namespace drf::serializers
