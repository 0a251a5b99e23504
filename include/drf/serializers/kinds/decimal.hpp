// drf/serializers/kinds/decimal.hpp — DRF's DecimalField over a drf::Decimal member: str() of the input
// read as Python's Decimal(), max_digits/decimal_places checked with DRF's messages, quantized with
// its rounding, written as '{:f}' text (or a JSON number with the same digits), and its OpenAPI schema.
#pragma once

#include <drf/core/decimal.hpp>
#include <drf/core/detail/decimal.hpp>
#include <drf/core/detail/json_text.hpp>
#include <drf/core/detail/utf8.hpp>
#include <drf/core/json.hpp>
#include <drf/core/member_name.hpp>
#include <drf/serializers/detail/builder.hpp>
#include <drf/serializers/detail/numbers.hpp>
#include <drf/serializers/detail/python.hpp>
#include <drf/serializers/field.hpp>
#include <drf/serializers/kinds/step.hpp>

#include <concepts>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <type_traits>

namespace drf::serializers {

// A max_value/min_value bound: an integer or decimal text ("12.50"), both usable in a constexpr field
// list, or a drf::Decimal (at run time). Messages print it as DRF does, str(bound): 10, 12.50, 1E+1.
// A float bound is not taken: a binary float is not the decimal it is written as.
class DecimalBound {
public:
    static constexpr std::size_t capacity = 64;  // characters of text a bound keeps

    constexpr DecimalBound() = default;
    template <std::integral I>
        requires(!std::is_same_v<I, bool>)
    constexpr DecimalBound(I n) : integral_(true), set_(true) {  // NOLINT: .max_value(10)
        using U = std::make_unsigned_t<I>;
        bool negative = false;
        if constexpr (std::is_signed_v<I>) negative = n < 0;
        U magnitude = negative ? static_cast<U>(U{0} - static_cast<U>(n)) : static_cast<U>(n);
        char reversed[24]{};
        std::size_t k = 0;
        do {
            reversed[k++] = static_cast<char>('0' + magnitude % 10);
            magnitude = static_cast<U>(magnitude / 10);
        } while (magnitude != 0);
        if (negative) text_[size_++] = '-';
        while (k > 0) text_[size_++] = reversed[--k];
    }
    // Text is checked as Decimal() reads it: in a constexpr field list, bad text does not compile.
    constexpr DecimalBound(std::string_view text) : set_(true) {  // NOLINT: .max_value("12.50")
        if (!drf::detail::scan_decimal(text))
            throw std::invalid_argument("drf::serializers::DecimalBound: the bound is not a finite decimal number");
        if (text.size() > capacity)
            throw std::invalid_argument("drf::serializers::DecimalBound: the bound's text is longer than 64 characters");
        for (const char c : text) text_[size_++] = c;
    }
    constexpr DecimalBound(const char* text) : DecimalBound(std::string_view(text)) {}  // NOLINT
    DecimalBound(const Decimal& d) : DecimalBound(std::string_view(d.to_string())) {}   // NOLINT

    constexpr bool is_set() const noexcept { return set_; }
    constexpr bool is_integral() const noexcept { return integral_; }
    Decimal value() const { return Decimal(std::string_view(text_, size_)); }
    // str() of the bound, as DRF's message formats it
    std::string text() const { return value().to_string(); }
    // As DRF's JSON encoder writes it in a schema: an int as it is, a Decimal as float(bound).
    Json json() const {
        const std::string t = value().to_string();
        if (integral_) return Json::parse(t);
        return drf::detail::decimal_to_double(t);
    }

private:
    char text_[capacity]{};
    std::size_t size_ = 0;
    bool integral_ = false;
    bool set_ = false;
};

// DecimalField's keyword arguments. max_digits and decimal_places are DRF's required arguments, given
// None here when left out: no limit on digits, no quantizing.
struct DecimalOptions {
    std::optional<std::size_t> max_digits{};
    std::optional<std::size_t> decimal_places{};
    bool coerce_to_string = true;  // DRF's COERCE_DECIMAL_TO_STRING default
    DecimalBound max_value{};
    DecimalBound min_value{};
    Rounding rounding = Rounding::half_even;  // DRF's rounding=None: the default context's
};

namespace detail {
inline constexpr std::size_t default_decimal_precision = 28;  // Python's default context, prec=28

// Characters of '{:f}' text for `d`, without writing it.
inline std::uint64_t fixed_length(const Decimal& d) {
    const auto n = static_cast<std::uint64_t>(d.digits().size());
    const std::int64_t e = d.exponent();
    std::uint64_t length = d.is_signed() ? 1 : 0;
    if (e >= 0) return length + (d.is_zero() ? 1 : n + static_cast<std::uint64_t>(e));
    const auto places = static_cast<std::uint64_t>(-e);
    return length + (n > places ? n : places + 1) + 1;
}
}  // namespace detail

struct DecimalKind {
    using value_type = Decimal;
    using bound_type = DecimalBound;
    DecimalOptions options{};
    bool allow_null = false;  // set by Field::allow_null(): then "" and whitespace mean null, as in DRF

    constexpr DecimalKind with_max_value(DecimalBound v) const { DecimalKind k = *this; k.options.max_value = v; return k; }
    constexpr DecimalKind with_min_value(DecimalBound v) const { DecimalKind k = *this; k.options.min_value = v; return k; }

    // DRF's max_whole_digits: max_digits - decimal_places when both are given (a Python int: it may be
    // negative, and then nothing fits).
    constexpr std::optional<std::int64_t> max_whole_digits() const {
        if (!options.max_digits || !options.decimal_places) return std::nullopt;
        return static_cast<std::int64_t>(*options.max_digits) - static_cast<std::int64_t>(*options.decimal_places);
    }

    // DRF's to_internal_value: Decimal(str(data).strip()), then validate_precision, then quantize.
    Step to_internal(const Json& in, Decimal& out, Json& slot, const Context&) const {
        const std::string text = in.is_string() ? in.get_ref<const std::string&>() : detail::python_str(in);
        const std::string_view data = detail::python_strip(text);
        if (data.empty() && allow_null) return Step::null;  // DRF's validate_empty_values
        if (drf::detail::utf8_length(data) > detail::max_number_string_length) return fail(slot, "String value too large.", "max_string_length");
        auto value = parse_decimal(data);
        if (!value) return fail(slot, "A valid number is required.", "invalid");
        if (!validate_precision(*value, slot)) return Step::invalid;
        if (options.decimal_places) {
            try {
                *value = quantize(*value);
            } catch (const std::overflow_error&) {
                // Python's default precision holds 28 digits: DRF answers 500 (InvalidOperation) here.
                return fail(slot, "Ensure that there are no more than 28 digits in total.", "max_digits");
            }
        } else if (!options.max_digits && detail::fixed_length(*value) > detail::max_number_string_length) {
            // 1E+999999999 would be written as a billion digits: refused as the long text it stands for
            return fail(slot, "String value too large.", "max_string_length");
        }
        out = std::move(*value);
        return Step::ok;
    }

    // DRF's MaxValueValidator then MinValueValidator.
    void check(const Decimal& v, Json& slot) const {
        if (options.max_value.is_set() && v > options.max_value.value())
            detail::add_error(slot, "Ensure this value is less than or equal to " + options.max_value.text() + ".", "max_value");
        if (options.min_value.is_set() && v < options.min_value.value())
            detail::add_error(slot, "Ensure this value is greater than or equal to " + options.min_value.text() + ".",
                              "min_value");
    }

    // DRF's to_representation: quantized, then '{:f}' text; with coerce_to_string=False DRF's JSON
    // encoder writes float(value), which a Json holds as the nearest double. A value more digits than
    // max_digits once quantized throws std::overflow_error, where DRF raises InvalidOperation (a 500).
    void to_representation(const Decimal& v, Json& out) const {
        const Decimal q = options.decimal_places ? quantize(v) : v;
        if (options.coerce_to_string) out = q.to_fixed_string();
        else out = drf::detail::decimal_to_double(q.to_string());
    }
    // The text fast path writes the exact digits: "12.50", or the number 12.50 where DRF writes 12.5.
    void append_json(const Decimal& v, std::string& out) const {
        const Decimal q = options.decimal_places ? quantize(v) : v;
        if (options.coerce_to_string) out += '"';
        out += q.to_fixed_string();  // digits, '-' and '.': nothing to escape
        if (options.coerce_to_string) out += '"';
    }

    // drf-spectacular 0.25's DecimalField: a string of format decimal with a pattern, or a number with
    // bounds from the whole digits, replaced by max_value/min_value where given.
    Json openapi_schema() const {
        Json schema = Json::object();
        const auto whole = max_whole_digits();
        if (options.coerce_to_string) {
            schema["type"] = "string";
            schema["format"] = "decimal";
            if (whole && *whole != 0)
                schema["pattern"] = "^-?\\d{0," + std::to_string(*whole) + "}(?:\\.\\d{0," +
                                    std::to_string(*options.decimal_places) + "})?$";
            return schema;
        }
        schema["type"] = "number";
        schema["format"] = "double";
        if (whole && *whole != 0) {
            const std::string power = "1e" + std::to_string(*whole);  // Python's 10 ** max_whole_digits
            Json limit = *whole > 0 && *whole < 19 ? Json::parse(Decimal(power).to_fixed_string())
                                                   : Json(drf::detail::decimal_to_double(power));
            schema["maximum"] = limit;
            schema["minimum"] = limit.is_number_float() ? Json(-limit.get<double>()) : Json(-limit.get<std::int64_t>());
            schema["exclusiveMaximum"] = true;
            schema["exclusiveMinimum"] = true;
        }
        if (options.max_value.is_set()) {
            schema["maximum"] = options.max_value.json();
            schema.erase("exclusiveMaximum");
        }
        if (options.min_value.is_set()) {
            schema["minimum"] = options.min_value.json();
            schema.erase("exclusiveMinimum");
        }
        return schema;
    }

private:
    Decimal quantize(const Decimal& v) const {
        return v.quantize(static_cast<std::int64_t>(*options.decimal_places), options.rounding,
                          options.max_digits.value_or(detail::default_decimal_precision));
    }

    static Step fail(Json& slot, std::string message, std::string code) {
        detail::add_error(slot, std::move(message), std::move(code));
        return Step::invalid;
    }

    // DRF's validate_precision: digits in total, after the point and before it, from as_tuple().
    bool validate_precision(const Decimal& v, Json& slot) const {
        const auto n = static_cast<std::int64_t>(v.digits().size());
        const std::int64_t e = v.exponent();
        std::int64_t total = 0, whole = 0, places = 0;
        if (e >= 0) {
            total = whole = n + e;
        } else if (n > -e) {
            total = n;
            whole = n + e;
            places = -e;
        } else {
            total = places = -e;
        }
        if (options.max_digits && total > static_cast<std::int64_t>(*options.max_digits)) {
            fail(slot, "Ensure that there are no more than " + std::to_string(*options.max_digits) + " digits in total.",
                 "max_digits");
            return false;
        }
        if (options.decimal_places && places > static_cast<std::int64_t>(*options.decimal_places)) {
            fail(slot, "Ensure that there are no more than " + std::to_string(*options.decimal_places) + " decimal places.",
                 "max_decimal_places");
            return false;
        }
        if (const auto w = max_whole_digits(); w && whole > *w) {
            fail(slot, "Ensure that there are no more than " + std::to_string(*w) + " digits before the decimal point.",
                 "max_whole_digits");
            return false;
        }
        return true;
    }
};

namespace detail {
template <class A>
constexpr auto decimal_field(std::string_view name, A access, DecimalOptions o) {
    static_assert(std::is_same_v<access_value_t<A>, Decimal>,
                  "drf::serializers::decimal_field: the member must be drf::Decimal (or std::optional of it)");
    return make_field<DecimalKind>(name, access, DecimalKind{o});
}
}  // namespace detail

// decimal_field<&S::price>({.max_digits = 5, .decimal_places = 2}) — DRF's DecimalField; the member is
// drf::Decimal (or std::optional of it). The key is the member's name unless given.
template <auto M>
    requires DataMemberPointer<M>
constexpr auto decimal_field(DecimalOptions o = {}, std::string_view key = {}) {
    return detail::decimal_field(detail::key_of<M>(key), M, o);
}
template <SourcePath A>
constexpr auto decimal_field(std::string_view key, A path, DecimalOptions o = {}) {
    return detail::decimal_field(key, path, o);
}
constexpr auto decimal_field(DecimalOptions o = {}) {
    return Field<DecimalKind, Unbound<Decimal>>{{}, {}, DecimalKind{o}};
}

}  // namespace drf::serializers
