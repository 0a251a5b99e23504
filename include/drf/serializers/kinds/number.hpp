// drf/serializers/kinds/number.hpp — DRF's IntegerField and FloatField: what each accepts (numbers,
// numeric strings, integers wider than 64 bits), min/max bounds printed as the user wrote them, and
// the C++ member's own range. A float must be finite: stricter than DRF, which takes NaN and inf.
#pragma once

#include <drf/core/detail/decimal.hpp>
#include <drf/core/json.hpp>
#include <drf/serializers/detail/numbers.hpp>
#include <drf/serializers/detail/python.hpp>
#include <drf/serializers/field.hpp>
#include <drf/serializers/kinds/step.hpp>

#include <charconv>
#include <cmath>
#include <cstdint>
#include <limits>
#include <string>
#include <type_traits>

namespace drf::serializers {

// A min/max bound as the user wrote it: DRF prints 10 for an int bound and 2.0 for a float one.
struct NumberBound {
    double value = 0;
    bool integral = false;
    bool set = false;
    constexpr NumberBound() = default;
    template <class N>
        requires std::is_arithmetic_v<N>
    constexpr NumberBound(N n) : value(static_cast<double>(n)), integral(std::is_integral_v<N>), set(true) {}  // NOLINT
    std::string text() const {
        if (integral) return std::to_string(static_cast<long long>(value));
        return detail::python_float(value);
    }
};

namespace detail {
inline void bound_errors(double v, const NumberBound& max, const NumberBound& min, Json& slot) {
    if (max.set && v > max.value)
        add_error(slot, "Ensure this value is less than or equal to " + max.text() + ".", "max_value");
    if (min.set && v < min.value)
        add_error(slot, "Ensure this value is greater than or equal to " + min.text() + ".", "min_value");
}

// Checks a string input's length against DRF's MAX_STRING_LENGTH.
inline bool number_string_fits(const std::string& s, Json& slot) {
    if (s.size() <= max_number_string_length) return true;
    add_error(slot, "String value too large.", "max_string_length");
    return false;
}
}  // namespace detail

template <class I>
struct IntegerKind {
    using value_type = I;
    using bound_type = NumberBound;
    NumberBound max_value{};
    NumberBound min_value{};

    constexpr IntegerKind with_max_value(NumberBound v) const { IntegerKind k = *this; k.max_value = v; return k; }
    constexpr IntegerKind with_min_value(NumberBound v) const { IntegerKind k = *this; k.min_value = v; return k; }

    Step to_internal(const Json& in, I& out, Json& slot, const Context&) const {
        detail::wide_int value = 0;
        bool overflow = false;
        switch (in.type()) {
            case Json::value_t::number_integer: value = in.get<std::int64_t>(); break;
            case Json::value_t::number_unsigned: value = in.get<std::uint64_t>(); break;
            case Json::value_t::number_float: {
                // DRF runs int() on str(data): 5.0 -> "5.0" -> 5, but 1e+20, 5.5 and inf are invalid.
                const std::string text = detail::python_float(in.get<double>());
                if (!detail::parse_python_int(text, value, overflow)) return invalid(slot);
                break;
            }
            case Json::value_t::string: {
                const auto& s = in.get_ref<const std::string&>();
                if (!detail::number_string_fits(s, slot)) return Step::invalid;
                if (!detail::parse_python_int(s, value, overflow)) return invalid(slot);
                break;
            }
            default: {
                const auto digits = json_big_integer_text(in);  // a valid int in Python, beyond any member here
                if (!digits) return invalid(slot);
                overflow = true;
                value = digits->front() == '-' ? -1 : 1;
                break;
            }
        }
        // Python's int is unbounded; ours is I. A value outside I's range cannot be stored, so it is
        // reported here: as the user's bound when it breaks one (what DRF says), else as I's own limit.
        constexpr auto hi = static_cast<detail::wide_int>(std::numeric_limits<I>::max());
        constexpr auto lo = static_cast<detail::wide_int>(std::numeric_limits<I>::min());
        if (overflow || value > hi || value < lo) {
            const bool above = value > 0;
            const double beyond = above ? std::numeric_limits<double>::infinity() : -std::numeric_limits<double>::infinity();
            if ((above && max_value.set) || (!above && min_value.set)) {
                detail::bound_errors(beyond, max_value, min_value, slot);
            } else if (above) {
                detail::add_error(slot, "Ensure this value is less than or equal to " + std::to_string(std::numeric_limits<I>::max()) + ".",
                                  "max_value");
            } else {
                detail::add_error(slot, "Ensure this value is greater than or equal to " + std::to_string(std::numeric_limits<I>::min()) + ".",
                                  "min_value");
            }
            return Step::invalid;
        }
        out = static_cast<I>(value);
        return Step::ok;
    }
    void check(const I& v, Json& slot) const { detail::bound_errors(static_cast<double>(v), max_value, min_value, slot); }
    static void to_representation(const I& v, Json& out) { out = v; }
    // Json holds an integer as int64 or uint64 and writes it in decimal: digits and a sign, no escaping.
    static void append_json(const I& v, std::string& out) {
        using Wide = std::conditional_t<std::is_signed_v<I>, std::int64_t, std::uint64_t>;
        char digits[20];  // the longest, int64 min, is 20 characters
        const auto end = std::to_chars(digits, digits + sizeof digits, static_cast<Wide>(v)).ptr;
        out.append(digits, end);
    }

private:
    static Step invalid(Json& slot) {
        detail::add_error(slot, "A valid integer is required.", "invalid");
        return Step::invalid;
    }
};

// DRF's FloatField runs Python's float(): numbers, numeric strings, true and false. Unlike DRF, the
// result must be finite: NaN passes every bound and inf is no quantity, so "nan", "inf", 1e400 and an
// integer past the largest double are "A valid number is required." (DRF takes NaN and inf, and
// answers 500 for a too large integer).
template <class F>
struct FloatKind {
    using value_type = F;
    using bound_type = NumberBound;
    NumberBound max_value{};
    NumberBound min_value{};

    constexpr FloatKind with_max_value(NumberBound v) const { FloatKind k = *this; k.max_value = v; return k; }
    constexpr FloatKind with_min_value(NumberBound v) const { FloatKind k = *this; k.min_value = v; return k; }

    Step to_internal(const Json& in, F& out, Json& slot, const Context&) const {
        double value = 0;
        switch (in.type()) {
            case Json::value_t::number_integer:
            case Json::value_t::number_unsigned:
            case Json::value_t::number_float: value = in.get<double>(); break;
            case Json::value_t::boolean: value = in.get<bool>() ? 1.0 : 0.0; break;  // float(True) == 1.0
            case Json::value_t::string: {
                const auto& s = in.get_ref<const std::string&>();
                if (!detail::number_string_fits(s, slot)) return Step::invalid;
                if (!detail::parse_python_float(s, value)) return invalid(slot);
                break;
            }
            default: {
                const auto digits = json_big_integer_text(in);  // float(10**30) == 1e+30
                if (!digits) return invalid(slot);
                value = drf::detail::decimal_to_double(*digits);
                break;
            }
        }
        // A float member holds less than a double: 1e300 is inf as a float.
        if (!std::isfinite(value) || !std::isfinite(static_cast<F>(value))) return invalid(slot);
        out = static_cast<F>(value);
        return Step::ok;
    }
    void check(const F& v, Json& slot) const { detail::bound_errors(static_cast<double>(v), max_value, min_value, slot); }
    static void to_representation(const F& v, Json& out) { out = v; }

private:
    static Step invalid(Json& slot) {
        detail::add_error(slot, "A valid number is required.", "invalid");
        return Step::invalid;
    }
};

}  // namespace drf::serializers
