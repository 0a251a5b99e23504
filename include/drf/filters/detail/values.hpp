// drf/filters/detail/values.hpp — one query-parameter value read as django-filter's form fields read it
// (stripped as Django's forms strip, then DecimalField, IsoDateTimeField, DateField, TimeField,
// DurationField, UUIDField, CharField or BooleanWidget), with their messages for what they refuse.
#pragma once

#include <drf/core/date.hpp>
#include <drf/core/datetime.hpp>
#include <drf/core/decimal.hpp>
#include <drf/core/detail/strings.hpp>
#include <drf/core/uuid.hpp>
#include <drf/filters/detail/temporal.hpp>
#include <drf/serializers/detail/numbers.hpp>
#include <drf/serializers/detail/python.hpp>

#include <cmath>
#include <cstdint>
#include <limits>
#include <string>
#include <string_view>
#include <type_traits>

namespace drf::filters::detail {

// django-filter's messages, word for word.
inline constexpr std::string_view enter_a_number = "Enter a number.";
inline constexpr std::string_view enter_a_whole_number = "Enter a whole number.";  // Django's IntegerField
inline constexpr std::string_view at_most_1e50 = "Ensure this value is less than or equal to 1e+50.";
inline constexpr std::string_view enter_a_datetime = "Enter a valid date/time.";
inline constexpr std::string_view enter_a_date = "Enter a valid date.";
inline constexpr std::string_view enter_a_time = "Enter a valid time.";
inline constexpr std::string_view enter_a_duration = "Enter a valid duration.";
inline constexpr std::string_view enter_a_uuid = "Enter a valid UUID.";
inline constexpr std::string_view no_null_characters = "Null characters are not allowed.";
inline constexpr std::string_view range_needs_two_values = "Range query expects two values.";
// django-filter's BooleanWidget turns any other spelling into "no filter"; an answer that silently
// ignores a misspelt filter is wrong, so drf refuses it with DRF's BooleanField message.
inline constexpr std::string_view must_be_a_boolean = "Must be a valid boolean.";
// Django takes dates from year 1 and durations to 999999999 days; drf::Date starts at 1400 and
// drf::Duration ends at max_duration_days. Past them drf answers as its serializers do: DRF's
// DateTimeField message for dates, Django's DurationField 'overflow' message with drf's bound.
inline constexpr std::string_view date_out_of_range = "Date value out of range.";
inline std::string duration_overflow() {
    const std::string limit = std::to_string(max_duration_days);
    return "The number of days must be between -" + limit + " and " + limit + ".";
}

// Django's forms strip surrounding whitespace (Python's str.strip()) before reading a value.
inline std::string_view stripped(std::string_view raw) { return serializers::detail::python_strip(raw); }

// The text a value of type V is read from: stripped, except for a duration (forms.DurationField reads
// the text as given, so " P1D" is no duration).
template <class V>
std::string_view value_text(std::string_view raw) {
    if constexpr (std::is_same_v<V, Duration>) return raw;
    else return stripped(raw);
}

// django-filter's NumberFilter bound, MaxValueValidator(1e50): Python compares a Decimal with the float
// 1e50 exactly, so the bound is that float's exact value.
inline const Decimal& decimal_max_value() {
    static const Decimal bound("100000000000000007629769841091887003294964970946560");
    return bound;
}

// BooleanWidget's spellings: "true"/"false"/"1"/"0" in any case (the caller strips first, as for every value).
inline bool parse_boolean(std::string_view raw, bool& out) {
    const std::string lowered = drf::detail::ascii_lowered(raw);
    if (lowered == "true" || lowered == "1") out = true;
    else if (lowered == "false" || lowered == "0") out = false;
    else return false;
    return true;
}

// The message for `text` (value_text<V>, not empty) as a value of type V, or "" with `out` set.
template <class V>
std::string parse_value(std::string_view text, V& out) {
    if constexpr (std::is_same_v<V, bool>) {
        return parse_boolean(text, out) ? std::string() : std::string(must_be_a_boolean);
    } else if constexpr (std::is_arithmetic_v<V>) {
        // DecimalField: Python's Decimal() syntax (that of float(), whose underscores it shares), finite,
        // then django-filter's MaxValueValidator(1e50).
        double d = 0;
        if (!serializers::detail::parse_python_float(text, d)) return std::string(enter_a_number);
        const std::string_view body = text.substr(text.front() == '+' || text.front() == '-' ? 1 : 0);
        if (std::isnan(d) || (!body.empty() && (body.front() == 'i' || body.front() == 'I'))) return std::string(enter_a_number);
        if (d > 1e50) return std::string(at_most_1e50);
        if constexpr (std::is_floating_point_v<V>) {
            out = static_cast<V>(d);
        } else {
            // An integer field takes whole numbers only: django-filter would truncate 1.5 to 1, which
            // makes ?stars=1.5 match 1 star.
            using wide = serializers::detail::wide_int;
            constexpr wide beyond = static_cast<wide>(1) << 64;  // outside every integer member's range
            wide n = 0;
            bool overflow = false;
            if (serializers::detail::parse_python_int(text, n, overflow)) {
                // "12", "1_000", "5.000": exact, past a double's 53 bits
                if (overflow) n = text.front() == '-' ? -beyond : beyond;
            } else {
                // "1e3", "1.5": through the double
                if (std::trunc(d) != d) return std::string(enter_a_whole_number);
                n = std::fabs(d) < 1e19 ? static_cast<wide>(d) : (d < 0 ? -beyond : beyond);
            }
            if (n > static_cast<serializers::detail::wide_int>(std::numeric_limits<V>::max()))
                return "Ensure this value is less than or equal to " + std::to_string(std::numeric_limits<V>::max()) + ".";
            if (n < static_cast<serializers::detail::wide_int>(std::numeric_limits<V>::min()))
                return "Ensure this value is greater than or equal to " + std::to_string(std::numeric_limits<V>::min()) + ".";
            out = static_cast<V>(n);
        }
        return {};
    } else if constexpr (std::is_same_v<V, std::string>) {
        if (text.find('\0') != std::string_view::npos) return std::string(no_null_characters);
        out = std::string(text);
        return {};
    } else if constexpr (std::is_same_v<V, Uuid>) {
        if (auto u = parse_uuid(text)) {
            out = *u;
            return {};
        }
        return std::string(enter_a_uuid);
    } else if constexpr (std::is_same_v<V, DateTime>) {
        if (auto t = parse_datetime(text)) {
            out = *t;
            return {};
        }
        return std::string(enter_a_datetime);
    } else if constexpr (std::is_same_v<V, Decimal>) {
        // DecimalField: Python's Decimal(text), exactly (no double on the way), finite, at most 1e50.
        auto d = parse_decimal(text);
        if (!d) return std::string(enter_a_number);
        if (*d > decimal_max_value()) return std::string(at_most_1e50);
        out = std::move(*d);
        return {};
    } else if constexpr (std::is_same_v<V, Date>) {
        const ParsedDate parsed = read_form_date(text);
        if (parsed.error == ParsedDate::Error::format) return std::string(enter_a_date);
        if (parsed.error == ParsedDate::Error::range) return std::string(date_out_of_range);
        out = parsed.value;
        return {};
    } else if constexpr (std::is_same_v<V, Time>) {
        if (auto t = read_form_time(text)) {
            out = *t;
            return {};
        }
        return std::string(enter_a_time);
    } else {
        static_assert(std::is_same_v<V, Duration>);
        const ParsedDuration parsed = read_form_duration(text);
        if (parsed.error == ParsedDuration::Error::format) return std::string(enter_a_duration);
        if (parsed.error == ParsedDuration::Error::range) return duration_overflow();
        out = parsed.value;
        return {};
    }
}

}  // namespace drf::filters::detail
