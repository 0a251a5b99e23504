// drf/migrations/column.hpp — a column and an index as frozen values (name, type, nullability, unique,
// references, default, max_length, a decimal's digits), and the DDL each dialect spells for them.
// Migrations hold these values, never a model, so a deployed migration does the same thing whatever
// the model becomes.
#pragma once

#include <drf/core/date.hpp>
#include <drf/core/datetime.hpp>
#include <drf/core/decimal.hpp>
#include <drf/core/uuid.hpp>
#include <drf/db/backend.hpp>
#include <drf/db/value.hpp>

#include <concepts>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

namespace drf::migrations {

// A column of a table: what CREATE TABLE and ALTER TABLE ADD COLUMN write, and what the history
// replay (makemigrations) compares with a model's field.
struct Column {
    std::string name;
    db::ColumnKind kind = db::ColumnKind::text;
    bool primary_key = false;
    bool null = false;
    bool unique = false;
    bool db_index = false;
    std::size_t max_length = 0;  // 0: unbounded; no SQL of its own (both dialects store text)
    // A decimal column's digits (Django's max_digits and decimal_places): numeric(p, s) on PostgreSQL.
    // Unset (0 and -1) on every other column, so the columns of existing migrations compare as before.
    std::size_t max_digits = 0;
    int decimal_places = -1;
    std::string references;      // the table whose "id" this column holds; empty: none
    std::optional<db::Value> default_value;

    bool operator==(const Column&) const = default;
};

namespace detail {
// Kinds whose values are text in C++ (a JSON column also takes a drf::Json, written as its text).
template <db::ColumnKind K>
inline constexpr bool textual = K == db::ColumnKind::text || K == db::ColumnKind::json || K == db::ColumnKind::ip_address;

// drf::Json (nlohmann's), recognised without including it: a value whose dump() is its JSON text.
template <class D>
concept is_json_value = requires(const D& d) {
    { d.dump() } -> std::convertible_to<std::string>;
    typename D::object_t;
};

// Whether a C++ value of type D may be the default of a column of kind K: the member type a model
// holds for that kind (Decimal for decimal(), Date, Time, Duration, text or Json for json()).
template <db::ColumnKind K, class D>
inline constexpr bool default_fits = [] {
    if constexpr (K == db::ColumnKind::boolean) return std::is_same_v<D, bool>;
    else if constexpr (K == db::ColumnKind::integer) return std::is_integral_v<D> && !std::is_same_v<D, bool>;
    else if constexpr (K == db::ColumnKind::real) return std::is_arithmetic_v<D> && !std::is_same_v<D, bool>;
    else if constexpr (K == db::ColumnKind::json) return std::is_convertible_v<const D&, std::string_view> || is_json_value<D>;
    else if constexpr (textual<K>) return std::is_convertible_v<const D&, std::string_view>;
    else if constexpr (K == db::ColumnKind::uuid) return std::is_same_v<D, Uuid>;
    else if constexpr (K == db::ColumnKind::decimal) return std::is_same_v<D, Decimal>;
    else if constexpr (K == db::ColumnKind::date) return std::is_same_v<D, Date>;
    else if constexpr (K == db::ColumnKind::time) return std::is_same_v<D, Time>;
    else if constexpr (K == db::ColumnKind::duration) return std::is_convertible_v<const D&, Duration>;  // hours(1) too
    else return std::is_same_v<D, DateTime>;
}();
}  // namespace detail

// A column type as written in a migration: text().max_length(200), uuid().references("auth_user"),
// datetime().null(), boolean().default_value(false). K fixes which defaults it accepts.
template <db::ColumnKind K>
struct ColumnType {
    Column spec = [] {
        Column c;
        c.kind = K;
        return c;
    }();

    ColumnType primary_key() const { return with([](Column& c) { c.primary_key = true; }); }
    ColumnType null() const { return with([](Column& c) { c.null = true; }); }
    ColumnType unique() const { return with([](Column& c) { c.unique = true; }); }
    ColumnType db_index() const { return with([](Column& c) { c.db_index = true; }); }
    ColumnType max_length(std::size_t n) const { return with([n](Column& c) { c.max_length = n; }); }
    ColumnType references(std::string table) const {
        return with([&](Column& c) { c.references = std::move(table); });
    }
    // The value existing rows get when the column is added (DEFAULT in the column's definition).
    template <class V>
    ColumnType default_value(V&& value) const {
        using D = std::remove_cvref_t<V>;
        static_assert(detail::default_fits<K, D>,
                      "drf::migrations::default_value: the default's type does not match the column's type");
        if constexpr (K == db::ColumnKind::date || K == db::ColumnKind::duration) {
            // not_a_date_time (a default-constructed Date, "not a date") has no SQL literal or C++ spelling.
            if (value.is_special())
                throw std::invalid_argument("drf::migrations::default_value: a special drf::Date or drf::Duration (not_a_date_time, "
                                            "as a default-constructed drf::Date is) is not a value; use .null() for a column without one");
        }
        db::Value v;
        if constexpr (K == db::ColumnKind::integer) v = static_cast<std::int64_t>(value);
        else if constexpr (K == db::ColumnKind::real) v = static_cast<double>(value);
        else if constexpr (K == db::ColumnKind::duration) v = Duration(value);
        else if constexpr (detail::is_json_value<D>) v = value.dump();  // JSON travels as its text
        else if constexpr (detail::textual<K>) v = std::string(std::string_view(value));
        else v = D(std::forward<V>(value));
        return with([&](Column& c) { c.default_value = std::move(v); });
    }

private:
    template <class F>
    ColumnType with(F&& change) const {
        ColumnType t = *this;
        change(t.spec);
        return t;
    }
};

inline ColumnType<db::ColumnKind::boolean> boolean() { return {}; }
inline ColumnType<db::ColumnKind::integer> integer() { return {}; }
inline ColumnType<db::ColumnKind::real> real() { return {}; }
inline ColumnType<db::ColumnKind::text> text() { return {}; }
inline ColumnType<db::ColumnKind::uuid> uuid() { return {}; }
inline ColumnType<db::ColumnKind::datetime> datetime() { return {}; }
// Django's DecimalField(max_digits, decimal_places): numeric(p, s) on PostgreSQL, decimal on SQLite.
// Django's checks fields.E131, E133 and E134 hold here as std::invalid_argument with Django's words.
inline ColumnType<db::ColumnKind::decimal> decimal(std::size_t max_digits, int decimal_places) {
    if (decimal_places < 0)
        throw std::invalid_argument("drf::migrations::decimal: 'decimal_places' must be a non-negative integer.");
    if (max_digits == 0) throw std::invalid_argument("drf::migrations::decimal: 'max_digits' must be a positive integer.");
    if (static_cast<std::size_t>(decimal_places) > max_digits)
        throw std::invalid_argument("drf::migrations::decimal: 'max_digits' must be greater or equal to 'decimal_places'.");
    ColumnType<db::ColumnKind::decimal> t;
    t.spec.max_digits = max_digits;
    t.spec.decimal_places = decimal_places;
    return t;
}
inline ColumnType<db::ColumnKind::date> date() { return {}; }
inline ColumnType<db::ColumnKind::time> time() { return {}; }
inline ColumnType<db::ColumnKind::duration> duration() { return {}; }
inline ColumnType<db::ColumnKind::json> json() { return {}; }
inline ColumnType<db::ColumnKind::ip_address> ip_address() { return {}; }  // GenericIPAddressField

namespace detail {
template <class T>
inline constexpr bool is_column_type = false;
template <db::ColumnKind K>
inline constexpr bool is_column_type<ColumnType<K>> = true;
}  // namespace detail

// column("name", text().max_length(200)): a column with its full definition.
template <class Type>
Column column(std::string name, Type type) {
    static_assert(detail::is_column_type<Type>,
                  "drf::migrations::column: the type must be boolean(), integer(), real(), text(), uuid(), datetime(), "
                  "decimal(max_digits, decimal_places), date(), time(), duration(), json() or ip_address()");
    Column c = std::move(type.spec);
    c.name = std::move(name);
    return c;
}

// The column's type in `dialect`: the dialect's name for its kind, with a decimal's digits where the
// dialect spells them (PostgreSQL's numeric(10, 2)).
inline std::string column_type(const db::Dialect& dialect, const Column& c) {
    if (c.kind == db::ColumnKind::decimal) return dialect.decimal_type(c.max_digits, c.decimal_places);
    return dialect.column_type(c.kind);
}

// The column's definition in `dialect`, as CREATE TABLE and ADD COLUMN write it:
// "owner_id" TEXT NOT NULL REFERENCES "auth_user" ("id").
inline std::string column_sql(const db::Dialect& dialect, const Column& c) {
    std::string def = db::quote_name(c.name) + " " + column_type(dialect, c);
    if (c.primary_key) return def + " NOT NULL PRIMARY KEY";
    if (!c.null) def += " NOT NULL";
    if (c.unique) def += " UNIQUE";
    if (!c.references.empty()) def += " REFERENCES " + db::quote_name(c.references) + " (\"id\")";
    if (c.default_value) def += " DEFAULT " + db::sql_literal(dialect, *c.default_value);
    return def;
}

// Whether the column gets an index of its own: a db_index or references column that UNIQUE does not
// already index (what create_table_sql makes for a model).
inline bool wants_index(const Column& c) { return (c.db_index || !c.references.empty()) && !c.unique && !c.primary_key; }

// An index on a table's columns, in order, named "<table>_<column>_<column>…" as drf names its own.
struct Index {
    std::string name;
    std::vector<std::string> columns;

    bool operator==(const Index&) const = default;
};

inline Index index(std::string_view table, std::vector<std::string> columns) {
    std::string name(table);
    for (const auto& c : columns) name += "_" + c;
    return {std::move(name), std::move(columns)};
}

inline std::string create_index_sql(std::string_view table, const Index& ix) {
    std::string columns;
    for (const auto& c : ix.columns) columns += (columns.empty() ? "" : ", ") + db::quote_name(c);
    return "CREATE INDEX " + db::quote_name(ix.name) + " ON " + db::quote_name(table) + " (" + columns + ")";
}

}  // namespace drf::migrations
