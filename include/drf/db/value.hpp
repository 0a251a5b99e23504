// drf/db/value.hpp — how C++ member types map to columns: the column kind, binding a value as a
// parameter and reading it back. A query parameter is a Value; a model field binds directly.
#pragma once

#include <drf/core/date.hpp>
#include <drf/core/datetime.hpp>
#include <drf/core/decimal.hpp>
#include <drf/core/uuid.hpp>
#include <drf/db/backend.hpp>
#include <drf/models/field.hpp>

#include <nlohmann/json_fwd.hpp>

#include <charconv>
#include <cmath>
#include <concepts>
#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <type_traits>
#include <utility>
#include <variant>

namespace drf::db {

// A bound query parameter. A JSON value travels as its text (Json::dump()).
using Value = std::variant<std::nullptr_t, bool, std::int64_t, double, std::string, Uuid, DateTime, Decimal, Date,
                           Time, Duration>;

template <class M>
struct ColumnTraits;

template <>
struct ColumnTraits<bool> {
    static constexpr ColumnKind kind = ColumnKind::boolean;
    static void bind(Statement& s, int i, bool v) { s.bind_bool(i, v); }
    static bool read(const Statement& s, int c) { return s.column_bool(c); }
    static Value value(bool v) { return v; }
};

template <class I>
    requires(std::integral<I> && !std::same_as<I, bool>)
struct ColumnTraits<I> {
    static_assert(sizeof(I) < 8 || std::is_signed_v<I>,
                  "drf::db: 64-bit unsigned integers do not fit the databases' signed 64-bit integer columns");
    static constexpr ColumnKind kind = ColumnKind::integer;
    static void bind(Statement& s, int i, I v) { s.bind_int(i, static_cast<std::int64_t>(v)); }
    static I read(const Statement& s, int c) { return static_cast<I>(s.column_int(c)); }
    static Value value(I v) { return static_cast<std::int64_t>(v); }
};

template <class F>
    requires std::floating_point<F>
struct ColumnTraits<F> {
    static constexpr ColumnKind kind = ColumnKind::real;
    static void bind(Statement& s, int i, F v) { s.bind_double(i, static_cast<double>(v)); }
    static F read(const Statement& s, int c) { return static_cast<F>(s.column_double(c)); }
    static Value value(F v) { return static_cast<double>(v); }
};

template <class E>
    requires std::is_enum_v<E>
struct ColumnTraits<E> {
    static constexpr ColumnKind kind = ColumnKind::integer;
    static void bind(Statement& s, int i, E v) { s.bind_int(i, static_cast<std::int64_t>(v)); }
    static E read(const Statement& s, int c) { return static_cast<E>(s.column_int(c)); }
    static Value value(E v) { return static_cast<std::int64_t>(v); }
};

template <>
struct ColumnTraits<std::string> {
    static constexpr ColumnKind kind = ColumnKind::text;
    static void bind(Statement& s, int i, const std::string& v) { s.bind_text(i, v); }
    static std::string read(const Statement& s, int c) { return std::string(s.column_text(c)); }
    static Value value(std::string v) { return v; }
};

template <>
struct ColumnTraits<Uuid> {
    static constexpr ColumnKind kind = ColumnKind::uuid;
    static void bind(Statement& s, int i, const Uuid& v) { s.bind_uuid(i, v); }
    static Uuid read(const Statement& s, int c) { return s.column_uuid(c); }
    static Value value(const Uuid& v) { return v; }
};

template <>
struct ColumnTraits<DateTime> {
    static constexpr ColumnKind kind = ColumnKind::datetime;
    static void bind(Statement& s, int i, const DateTime& v) { s.bind_datetime(i, v); }
    static DateTime read(const Statement& s, int c) { return s.column_datetime(c); }
    static Value value(const DateTime& v) { return v; }
};

template <>
struct ColumnTraits<Decimal> {
    static constexpr ColumnKind kind = ColumnKind::decimal;
    static void bind(Statement& s, int i, const Decimal& v) { s.bind_decimal(i, v); }
    static Decimal read(const Statement& s, int c) { return s.column_decimal(c); }
    static Value value(const Decimal& v) { return v; }
};

template <>
struct ColumnTraits<Date> {
    static constexpr ColumnKind kind = ColumnKind::date;
    static void bind(Statement& s, int i, const Date& v) { s.bind_date(i, v); }
    static Date read(const Statement& s, int c) { return s.column_date(c); }
    static Value value(const Date& v) { return v; }
};

template <>
struct ColumnTraits<Time> {
    static constexpr ColumnKind kind = ColumnKind::time;
    static void bind(Statement& s, int i, const Time& v) { s.bind_time(i, v); }
    static Time read(const Statement& s, int c) { return s.column_time(c); }
    static Value value(const Time& v) { return v; }
};

template <>
struct ColumnTraits<Duration> {
    static constexpr ColumnKind kind = ColumnKind::duration;
    static void bind(Statement& s, int i, const Duration& v) { s.bind_duration(i, v); }
    static Duration read(const Statement& s, int c) { return s.column_duration(c); }
    static Value value(const Duration& v) { return v; }
};

// Django's JSONField: the value's text (json.dumps) in, the column's text parsed out. Its members are
// templates so that this header needs only nlohmann's forward declarations: a model with a Json member
// has included <drf/core/json.hpp> already.
template <>
struct ColumnTraits<nlohmann::ordered_json> {
    static constexpr ColumnKind kind = ColumnKind::json;
    template <class J>
    static void bind(Statement& s, int i, const J& v) { s.bind_owned_text(i, v.dump()); }
    template <class J = nlohmann::ordered_json>
    static J read(const Statement& s, int c) { return J::parse(s.column_text(c)); }
    template <class J>
    static Value value(const J& v) { return v.dump(); }
};

template <class M>
struct ColumnTraits<std::optional<M>> {
    static constexpr ColumnKind kind = ColumnTraits<M>::kind;
    static void bind(Statement& s, int i, const std::optional<M>& v) {
        if (v)
            ColumnTraits<M>::bind(s, i, *v);
        else
            s.bind_null(i);
    }
    static std::optional<M> read(const Statement& s, int c) {
        if (s.is_null(c)) return std::nullopt;
        return ColumnTraits<M>::read(s, c);
    }
    static Value value(const std::optional<M>& v) {
        if (v) return ColumnTraits<M>::value(*v);
        return nullptr;
    }
};

// The kind of a model field's column: its member type's, except that `.ip_address()` text is an address.
template <class F>
constexpr ColumnKind column_kind(const F& f) {
    return f.is_ip_address ? ColumnKind::ip_address : ColumnTraits<typename F::value_type>::kind;
}

// A model field's column type in `dialect`: a decimal's carries its digits (numeric(10, 2)).
template <class F>
std::string field_column_type(const Dialect& dialect, const F& f) {
    const ColumnKind kind = column_kind(f);
    if (kind == ColumnKind::decimal) return dialect.decimal_type(f.max_digits_, f.decimal_places_);
    return dialect.column_type(kind);
}

namespace detail {
template <class M>
M quantized(M value, int places) {
    if constexpr (std::is_same_v<M, Decimal>) {
        return value.quantize(places, Rounding::half_even, static_cast<std::size_t>(-1));
    } else if constexpr (std::is_same_v<M, std::optional<Decimal>>) {
        if (value) *value = value->quantize(places, Rounding::half_even, static_cast<std::size_t>(-1));
        return value;
    } else {
        return value;
    }
}
}  // namespace detail

// Reads column `c` as model field `f` holds it. A decimal comes back with exactly the field's
// decimal_places, as Django's converters return it: SQLite keeps 12.50 as the number 12.5, and
// PostgreSQL's numeric(p, s) has the places already.
template <class F>
typename F::value_type read_field(const Statement& s, int c, const F& f) {
    using M = typename F::value_type;
    if constexpr (std::is_same_v<drf::detail::unwrap_optional_t<M>, Decimal>) {
        M value = ColumnTraits<M>::read(s, c);
        return f.decimal_places_ < 0 ? value : detail::quantized(std::move(value), f.decimal_places_);
    } else {
        return ColumnTraits<M>::read(s, c);
    }
}

// `v` as an SQL literal in `dialect`, for DDL, where a parameter cannot stand (ALTER TABLE … DEFAULT).
// Text is quoted with its quotes doubled; a NUL byte or a non-finite double has no portable literal
// and is std::invalid_argument.
inline std::string sql_literal(const Dialect& dialect, const Value& v) {
    return std::visit(
        [&](const auto& x) -> std::string {
            using X = std::decay_t<decltype(x)>;
            if constexpr (std::is_same_v<X, std::nullptr_t>) {
                return "NULL";
            } else if constexpr (std::is_same_v<X, bool>) {
                return dialect.bool_literal(x);
            } else if constexpr (std::is_same_v<X, std::int64_t>) {
                return std::to_string(x);
            } else if constexpr (std::is_same_v<X, double>) {
                if (!std::isfinite(x)) throw std::invalid_argument("drf::db::sql_literal: a non-finite double has no SQL literal");
                char buf[32];
                return std::string(buf, std::to_chars(buf, buf + sizeof buf, x).ptr);
            } else if constexpr (std::is_same_v<X, DateTime>) {
                return dialect.datetime_literal(x);
            } else if constexpr (std::is_same_v<X, Duration> || std::is_same_v<X, Date>) {
                if (x.is_special()) return "NULL";  // not a date: NULL, as bound
                if constexpr (std::is_same_v<X, Duration>) return dialect.duration_literal(x);
                else return "'" + to_iso8601(x) + "'";
            } else {
                // Decimals, dates and times are quoted text: both backends read them into their columns.
                const std::string text = [&] {
                    if constexpr (std::is_same_v<X, Uuid>) return to_string(x);
                    else if constexpr (std::is_same_v<X, Decimal>) return x.to_fixed_string();
                    else if constexpr (std::is_same_v<X, Time>) return to_iso8601(x);
                    else return x;
                }();
                if (text.find('\0') != std::string::npos)
                    throw std::invalid_argument("drf::db::sql_literal: text with a NUL byte has no SQL literal");
                std::string out = "'";
                for (char c : text) {
                    out += c;
                    if (c == '\'') out += c;  // a quote inside is doubled
                }
                return out + "'";
            }
        },
        v);
}

inline void bind_value(Statement& s, int i, const Value& v) {
    std::visit(
        [&](const auto& x) {
            using X = std::decay_t<decltype(x)>;
            if constexpr (std::is_same_v<X, std::nullptr_t>)
                s.bind_null(i);
            else
                ColumnTraits<X>::bind(s, i, x);
        },
        v);
}

}  // namespace drf::db
