// drf/serializers/kinds.hpp — the scalar field kinds (char, email, integer, float, boolean, UUID,
// datetime, choice): how each converts JSON to a C++ value and back, with DRF's rules and messages.
// Char, email, integer, boolean, UUID and datetime also write their JSON text directly (append_json).
#pragma once

#include <drf/core/datetime.hpp>
#include <drf/core/json.hpp>
#include <drf/core/uuid.hpp>
#include <drf/core/detail/json_text.hpp>
#include <drf/serializers/detail/email.hpp>
#include <drf/serializers/detail/python.hpp>
#include <drf/serializers/field.hpp>

#include <array>
#include <charconv>
#include <cmath>
#include <concepts>
#include <cstdint>
#include <cstdlib>
#include <limits>
#include <string>
#include <string_view>
#include <type_traits>

namespace drf::serializers {

// What a kind's conversion did: failed (an error is in the slot), produced a value that skips the
// validators (DRF returns '' for an allowed blank before validating), produced a value, or produced null.
enum class Step { invalid, skip_validators, ok, null };

inline constexpr std::size_t no_limit = static_cast<std::size_t>(-1);

namespace detail {
inline std::string limit_text(std::size_t n) { return std::to_string(n); }

// Shared by char and email: DRF's CharField.run_validation + to_internal_value.
inline Step char_to_internal(const Json& in, std::string& out, Json& slot, bool allow_blank, bool trim) {
    switch (in.type()) {
        case Json::value_t::string: out = in.get_ref<const std::string&>(); break;
        case Json::value_t::number_integer:
        case Json::value_t::number_unsigned:
        case Json::value_t::number_float: out = python_str(in); break;  // DRF coerces numbers with str()
        default: {
            // '' and whitespace are tested on str(data) before the type check, but no other type can be blank.
            add_error(slot, "Not a valid string.", "invalid");
            return Step::invalid;
        }
    }
    const std::string_view stripped = trim ? python_strip(out) : std::string_view(out);
    if (out.empty() || stripped.empty()) {
        if (!allow_blank) {
            add_error(slot, "This field may not be blank.", "blank");
            return Step::invalid;
        }
        out.clear();
        return Step::skip_validators;
    }
    if (stripped.size() != out.size()) out = std::string(stripped);
    return Step::ok;
}

inline void char_check(const std::string& v, Json& slot, std::size_t max_length, std::size_t min_length) {
    if (max_length != no_limit || min_length != 0) {
        const std::size_t len = utf8_length(v);
        if (max_length != no_limit && len > max_length)
            add_error(slot, "Ensure this field has no more than " + limit_text(max_length) + " characters.",
                      "max_length");
        if (len < min_length)
            add_error(slot, "Ensure this field has at least " + limit_text(min_length) + " characters.", "min_length");
    }
    if (v.find('\0') != std::string::npos)
        add_error(slot, "Null characters are not allowed.", "null_characters_not_allowed");
}
}  // namespace detail

// --- char ----------------------------------------------------------------------------------------

struct CharKind {
    using value_type = std::string;
    std::size_t max_length = no_limit;
    std::size_t min_length = 0;
    bool allow_blank = false;
    bool trim_whitespace = true;

    constexpr CharKind with_max_length(std::size_t n) const { CharKind k = *this; k.max_length = n; return k; }
    constexpr CharKind with_min_length(std::size_t n) const { CharKind k = *this; k.min_length = n; return k; }
    constexpr CharKind with_allow_blank(bool b) const { CharKind k = *this; k.allow_blank = b; return k; }
    constexpr CharKind with_trim_whitespace(bool b) const { CharKind k = *this; k.trim_whitespace = b; return k; }

    Step to_internal(const Json& in, std::string& out, Json& slot, const Context&) const {
        return detail::char_to_internal(in, out, slot, allow_blank, trim_whitespace);
    }
    void check(const std::string& v, Json& slot) const { detail::char_check(v, slot, max_length, min_length); }
    static void to_representation(const std::string& v, Json& out) { out = v; }
    static void append_json(const std::string& v, std::string& out) { drf::detail::append_json_string(out, v); }
};

struct EmailKind {
    using value_type = std::string;
    std::size_t max_length = no_limit;
    std::size_t min_length = 0;
    bool allow_blank = false;
    bool trim_whitespace = true;

    constexpr EmailKind with_max_length(std::size_t n) const { EmailKind k = *this; k.max_length = n; return k; }
    constexpr EmailKind with_min_length(std::size_t n) const { EmailKind k = *this; k.min_length = n; return k; }
    constexpr EmailKind with_allow_blank(bool b) const { EmailKind k = *this; k.allow_blank = b; return k; }

    Step to_internal(const Json& in, std::string& out, Json& slot, const Context&) const {
        return detail::char_to_internal(in, out, slot, allow_blank, trim_whitespace);
    }
    void check(const std::string& v, Json& slot) const {
        detail::char_check(v, slot, max_length, min_length);
        if (!detail::is_valid_email(v)) detail::add_error(slot, "Enter a valid email address.", "invalid");
    }
    static void to_representation(const std::string& v, Json& out) { out = v; }
    static void append_json(const std::string& v, std::string& out) { drf::detail::append_json_string(out, v); }
};

// --- numbers -------------------------------------------------------------------------------------

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

inline constexpr std::size_t max_number_string_length = 1000;  // DRF's MAX_STRING_LENGTH

// Python's int() on text, after DRF strips a trailing ".000": optional surrounding whitespace, a sign,
// digits with single underscores between them. Fails on overflow of long double precision? No: exact
// digits are accumulated into a wide integer and overflow is reported through `overflow`.
__extension__ typedef __int128 wide_int;  // Python ints outgrow 64 bits; __extension__ keeps -Wpedantic quiet

inline bool parse_python_int(std::string_view s, wide_int& out, bool& overflow) {
    overflow = false;
    auto trim = [](std::string_view t) {
        const std::string_view stripped = python_strip(t);
        return stripped;
    };
    s = trim(s);
    // DRF's re_decimal: r'\.0*\s*$' removed before int()
    {
        std::size_t end = s.size();
        std::size_t p = end;
        while (p > 0 && s[p - 1] == '0') --p;
        if (p > 0 && s[p - 1] == '.') s = trim(s.substr(0, p - 1));
    }
    if (s.empty()) return false;
    bool negative = false;
    std::size_t i = 0;
    if (s[0] == '+' || s[0] == '-') {
        negative = s[0] == '-';
        i = 1;
    }
    if (i >= s.size()) return false;
    wide_int value = 0;
    constexpr wide_int cap = static_cast<wide_int>(1) << 100;
    bool last_digit = false;
    for (; i < s.size(); ++i) {
        const char c = s[i];
        if (c == '_') {
            if (!last_digit || i + 1 >= s.size()) return false;
            last_digit = false;
            continue;
        }
        if (c < '0' || c > '9') return false;
        last_digit = true;
        if (value < cap) value = value * 10 + (c - '0');
        else overflow = true;
    }
    if (!last_digit) return false;
    out = negative ? -value : value;
    return true;
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
                // DRF runs int() on str(data): 5.0 -> "5.0" -> 5, but 1e+20 and 5.5 are invalid.
                const std::string text = detail::python_float(in.get<double>());
                if (!detail::parse_python_int(text, value, overflow)) return invalid(slot);
                break;
            }
            case Json::value_t::string: {
                const auto& s = in.get_ref<const std::string&>();
                if (s.size() > detail::max_number_string_length) {
                    detail::add_error(slot, "String value too large.", "max_string_length");
                    return Step::invalid;
                }
                if (!detail::parse_python_int(s, value, overflow)) return invalid(slot);
                break;
            }
            default: return invalid(slot);
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

namespace detail {
// Python's float() on text: surrounding whitespace, decimal/exponent forms, underscores between digits,
// nan/inf/infinity in any case.
inline bool parse_python_float(std::string_view s, double& out) {
    s = python_strip(s);
    if (s.empty()) return false;
    std::string text;
    text.reserve(s.size());
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '_') {
            const bool ok = i > 0 && i + 1 < s.size() && drf::detail::is_digit(s[i - 1]) && drf::detail::is_digit(s[i + 1]);
            if (!ok) return false;
            continue;
        }
        text += s[i];
    }
    std::string lower;
    for (char c : text) lower += static_cast<char>((c >= 'A' && c <= 'Z') ? c - 'A' + 'a' : c);
    std::string_view body = lower;
    bool negative = false;
    if (!body.empty() && (body[0] == '+' || body[0] == '-')) {
        negative = body[0] == '-';
        body.remove_prefix(1);
    }
    if (body == "nan") { out = std::numeric_limits<double>::quiet_NaN(); return true; }
    if (body == "inf" || body == "infinity") {
        out = negative ? -std::numeric_limits<double>::infinity() : std::numeric_limits<double>::infinity();
        return true;
    }
    // digits [. digits] [e [+-] digits], at least one digit in the mantissa
    std::size_t i = 0, mant = 0;
    while (i < body.size() && drf::detail::is_digit(body[i])) ++i, ++mant;
    if (i < body.size() && body[i] == '.') {
        ++i;
        while (i < body.size() && drf::detail::is_digit(body[i])) ++i, ++mant;
    }
    if (mant == 0) return false;
    if (i < body.size() && body[i] == 'e') {
        ++i;
        if (i < body.size() && (body[i] == '+' || body[i] == '-')) ++i;
        std::size_t exp_digits = 0;
        while (i < body.size() && drf::detail::is_digit(body[i])) ++i, ++exp_digits;
        if (exp_digits == 0) return false;
    }
    if (i != body.size()) return false;
    out = std::strtod(text.c_str(), nullptr);
    return true;
}
}  // namespace detail

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
                if (s.size() > detail::max_number_string_length) {
                    detail::add_error(slot, "String value too large.", "max_string_length");
                    return Step::invalid;
                }
                if (!detail::parse_python_float(s, value)) {
                    detail::add_error(slot, "A valid number is required.", "invalid");
                    return Step::invalid;
                }
                break;
            }
            default: detail::add_error(slot, "A valid number is required.", "invalid"); return Step::invalid;
        }
        out = static_cast<F>(value);
        return Step::ok;
    }
    void check(const F& v, Json& slot) const { detail::bound_errors(static_cast<double>(v), max_value, min_value, slot); }
    static void to_representation(const F& v, Json& out) { out = v; }
};

// --- boolean -------------------------------------------------------------------------------------

struct BooleanKind {
    using value_type = bool;
    bool allow_null = false;  // set by Field::allow_null(): then "", "null", "Null", "NULL" mean null

    Step to_internal(const Json& in, bool& out, Json& slot, const Context&) const {
        switch (in.type()) {
            case Json::value_t::boolean: out = in.get<bool>(); return Step::ok;
            case Json::value_t::number_integer:
            case Json::value_t::number_unsigned:
            case Json::value_t::number_float: {
                const double d = in.get<double>();  // Python: 1 == 1.0 == True, 0 == 0.0 == False
                if (d == 1.0) { out = true; return Step::ok; }
                if (d == 0.0) { out = false; return Step::ok; }
                break;
            }
            case Json::value_t::string: {
                const std::string_view s = in.get_ref<const std::string&>();
                for (std::string_view t : {"t", "T", "y", "Y", "yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON", "1"})
                    if (s == t) { out = true; return Step::ok; }
                for (std::string_view f : {"f", "F", "n", "N", "no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF", "0"})
                    if (s == f) { out = false; return Step::ok; }
                for (std::string_view n : {"null", "Null", "NULL", ""})
                    if (allow_null && s == n) return Step::null;
                break;
            }
            default: break;
        }
        detail::add_error(slot, "Must be a valid boolean.", "invalid");
        return Step::invalid;
    }
    static void check(const bool&, Json&) {}
    static void to_representation(const bool& v, Json& out) { out = v; }
    static void append_json(const bool& v, std::string& out) {
        out += v ? std::string_view("true") : std::string_view("false");
    }
};

// --- UUID ----------------------------------------------------------------------------------------

struct UuidKind {
    using value_type = Uuid;

    Step to_internal(const Json& in, Uuid& out, Json& slot, const Context&) const {
        if (in.is_string()) {
            if (auto u = parse_uuid(in.get_ref<const std::string&>())) {
                out = *u;
                return Step::ok;
            }
        } else if (in.is_boolean() || in.is_number_unsigned() || (in.is_number_integer() && in.get<std::int64_t>() >= 0)) {
            // uuid.UUID(int=n): the integer's 128 bits, big-endian (a bool is an int in Python)
            std::uint64_t n = in.is_boolean() ? (in.get<bool>() ? 1U : 0U) : in.get<std::uint64_t>();
            out = Uuid{};
            for (int i = 15; i >= 8; --i) {
                out.data[i] = static_cast<std::uint8_t>(n & 0xff);
                n >>= 8;
            }
            return Step::ok;
        }
        detail::add_error(slot, "Must be a valid UUID.", "invalid");
        return Step::invalid;
    }
    static void check(const Uuid&, Json&) {}
    static void to_representation(const Uuid& v, Json& out) { out = to_string(v); }
    // Hex digits and hyphens: nothing to escape.
    static void append_json(const Uuid& v, std::string& out) {
        out += '"';
        append_uuid(out, v);
        out += '"';
    }
};

// --- datetime ------------------------------------------------------------------------------------

struct DateTimeKind {
    using value_type = DateTime;

    Step to_internal(const Json& in, DateTime& out, Json& slot, const Context&) const {
        if (in.is_string()) {
            if (auto t = parse_datetime(in.get_ref<const std::string&>())) {
                out = *t;
                return Step::ok;
            }
        }
        detail::add_error(slot,
                          "Datetime has wrong format. Use one of these formats instead: "
                          "YYYY-MM-DDThh:mm[:ss[.uuuuuu]][+HH:MM|-HH:MM|Z].",
                          "invalid");
        return Step::invalid;
    }
    static void check(const DateTime&, Json&) {}
    static void to_representation(const DateTime& v, Json& out) {
        if (v.is_special()) {
            out = nullptr;
            return;
        }
        std::string s;
        s.reserve(27);
        append_datetime(s, v);
        out = std::move(s);
    }
    // Digits, '-', ':', '.', 'T' and 'Z': nothing to escape.
    static void append_json(const DateTime& v, std::string& out) {
        if (v.is_special()) {
            out += "null";
            return;
        }
        out += '"';
        append_datetime(out, v);
        out += '"';
    }
};

// --- choice --------------------------------------------------------------------------------------

// One allowed choice: the text clients send and receive, and the C++ value it maps to.
template <class V>
struct Choice {
    std::string_view key;
    V value;
};
template <class V>
constexpr Choice<V> choice(std::string_view key, V value) {
    return {key, value};
}

template <class V, std::size_t N, class Stored = V>
struct ChoiceKind {
    using value_type = V;
    std::array<Choice<Stored>, N> choices;
    bool allow_blank = false;

    constexpr ChoiceKind with_allow_blank(bool b) const { ChoiceKind k = *this; k.allow_blank = b; return k; }

    Step to_internal(const Json& in, V& out, Json& slot, const Context&) const {
        if constexpr (std::is_same_v<V, std::string>) {
            if (allow_blank && in.is_string() && in.get_ref<const std::string&>().empty()) {
                out.clear();
                return Step::skip_validators;
            }
        }
        const std::string text = detail::python_str(in);  // DRF looks up str(data)
        for (const auto& c : choices) {
            if (c.key == text) {
                out = V(c.value);
                return Step::ok;
            }
        }
        detail::add_error(slot, "\"" + text + "\" is not a valid choice.", "invalid_choice");
        return Step::invalid;
    }
    static void check(const V&, Json&) {}
    void to_representation(const V& v, Json& out) const {
        for (const auto& c : choices) {
            if (c.value == v) {
                out = std::string(c.key);
                return;
            }
        }
        if constexpr (std::is_convertible_v<const V&, std::string_view>)
            out = std::string(std::string_view(v));
        else
            out = nullptr;
    }
};

// choices("draft", "published") for a std::string member.
template <class... S>
    requires(std::is_convertible_v<S, std::string_view> && ...)
constexpr std::array<Choice<std::string_view>, sizeof...(S)> choices(S... keys) {
    return {Choice<std::string_view>{keys, keys}...};
}
// choices(choice("draft", Status::draft), ...) for an enum or any other member type.
template <class V, class... Rest>
constexpr std::array<Choice<V>, 1 + sizeof...(Rest)> choices(Choice<V> first, Rest... rest) {
    return {first, rest...};
}

// --- builders ------------------------------------------------------------------------------------

namespace detail {
template <class A>
struct access_value {
    using type = unwrap_optional_t<typename A::member_type>;
};
template <class C, class M>
struct access_value<M C::*> {
    using type = unwrap_optional_t<M>;
};
template <class A>
using access_value_t = typename access_value<A>::type;
}  // namespace detail

// char_field("name", &S::name) — DRF's CharField; the member is std::string (or std::optional of it).
template <class A>
constexpr auto char_field(std::string_view name, A access) {
    static_assert(std::is_same_v<detail::access_value_t<A>, std::string>,
                  "drf::serializers::char_field: the member must be std::string or std::optional<std::string>");
    return make_field<CharKind>(name, access);
}
constexpr auto char_field() { return Field<CharKind, Unbound<std::string>>{}; }

// email_field("email", &S::email) — DRF's EmailField (Django's EmailValidator rules).
template <class A>
constexpr auto email_field(std::string_view name, A access) {
    static_assert(std::is_same_v<detail::access_value_t<A>, std::string>,
                  "drf::serializers::email_field: the member must be std::string or std::optional<std::string>");
    return make_field<EmailKind>(name, access);
}
constexpr auto email_field() { return Field<EmailKind, Unbound<std::string>>{}; }

// integer_field("age", &S::age) — DRF's IntegerField; any integer member type (not bool).
template <class A>
constexpr auto integer_field(std::string_view name, A access) {
    using V = detail::access_value_t<A>;
    static_assert(std::is_integral_v<V> && !std::is_same_v<V, bool>,
                  "drf::serializers::integer_field: the member must be an integer type (or std::optional of one)");
    return make_field<IntegerKind<V>>(name, access);
}
template <class I = std::int64_t>
constexpr auto integer_field() { return Field<IntegerKind<I>, Unbound<I>>{}; }

// float_field("price", &S::price) — DRF's FloatField; a float or double member.
template <class A>
constexpr auto float_field(std::string_view name, A access) {
    using V = detail::access_value_t<A>;
    static_assert(std::is_floating_point_v<V>,
                  "drf::serializers::float_field: the member must be float or double (or std::optional of one)");
    return make_field<FloatKind<V>>(name, access);
}
template <class F = double>
constexpr auto float_field() { return Field<FloatKind<F>, Unbound<F>>{}; }

// boolean_field("archived", &S::archived) — DRF's BooleanField.
template <class A>
constexpr auto boolean_field(std::string_view name, A access) {
    static_assert(std::is_same_v<detail::access_value_t<A>, bool>,
                  "drf::serializers::boolean_field: the member must be bool (or std::optional<bool>)");
    return make_field<BooleanKind>(name, access);
}
constexpr auto boolean_field() { return Field<BooleanKind, Unbound<bool>>{}; }

// uuid_field("id", &S::id) — DRF's UUIDField, rendered as lowercase hyphenated hex.
template <class A>
constexpr auto uuid_field(std::string_view name, A access) {
    static_assert(std::is_same_v<detail::access_value_t<A>, Uuid>,
                  "drf::serializers::uuid_field: the member must be drf::Uuid (or std::optional<drf::Uuid>)");
    return make_field<UuidKind>(name, access);
}
constexpr auto uuid_field() { return Field<UuidKind, Unbound<Uuid>>{}; }

// datetime_field("created_at", &S::created_at) — DRF's DateTimeField in UTC.
template <class A>
constexpr auto datetime_field(std::string_view name, A access) {
    static_assert(std::is_same_v<detail::access_value_t<A>, DateTime>,
                  "drf::serializers::datetime_field: the member must be drf::DateTime (or std::optional of it)");
    return make_field<DateTimeKind>(name, access);
}
constexpr auto datetime_field() { return Field<DateTimeKind, Unbound<DateTime>>{}; }

// choice_field("status", &S::status, choices("draft", "published")) — DRF's ChoiceField.
template <class A, class V, std::size_t N>
constexpr auto choice_field(std::string_view name, A access, std::array<Choice<V>, N> allowed) {
    using M = detail::access_value_t<A>;
    if constexpr (std::is_same_v<V, std::string_view>) {
        static_assert(std::is_same_v<M, std::string>,
                      "drf::serializers::choice_field: choices(\"a\", \"b\") needs a std::string member; use "
                      "choices(choice(\"a\", value), ...) for other member types");
        using Kind = ChoiceKind<std::string, N, std::string_view>;
        return make_field<Kind>(name, access, Kind{allowed});
    } else {
        static_assert(std::is_same_v<M, V>,
                      "drf::serializers::choice_field: the choices' values must have the member's type");
        return make_field<ChoiceKind<V, N>>(name, access, ChoiceKind<V, N>{allowed});
    }
}

}  // namespace drf::serializers
