// drf/migrations/column.hpp — a column and an index as frozen values (name, type, nullability, unique,
// references, default, max_length), and the DDL each dialect spells for them. Migrations hold these
// values, never a model, so a deployed migration does the same thing whatever the model becomes.
#pragma once

#include <drf/core/datetime.hpp>
#include <drf/core/uuid.hpp>
#include <drf/db/backend.hpp>
#include <drf/db/value.hpp>

#include <concepts>
#include <cstddef>
#include <cstdint>
#include <optional>
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
    std::string references;      // the table whose "id" this column holds; empty: none
    std::optional<db::Value> default_value;

    bool operator==(const Column&) const = default;
};

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
        constexpr bool fits = [] {
            if constexpr (K == db::ColumnKind::boolean) return std::is_same_v<D, bool>;
            else if constexpr (K == db::ColumnKind::integer) return std::is_integral_v<D> && !std::is_same_v<D, bool>;
            else if constexpr (K == db::ColumnKind::real) return std::is_arithmetic_v<D> && !std::is_same_v<D, bool>;
            else if constexpr (K == db::ColumnKind::text) return std::is_convertible_v<const D&, std::string_view>;
            else if constexpr (K == db::ColumnKind::uuid) return std::is_same_v<D, Uuid>;
            else return std::is_same_v<D, DateTime>;
        }();
        static_assert(fits, "drf::migrations::default_value: the default's type does not match the column's type");
        db::Value v;
        if constexpr (K == db::ColumnKind::integer) v = static_cast<std::int64_t>(value);
        else if constexpr (K == db::ColumnKind::real) v = static_cast<double>(value);
        else if constexpr (K == db::ColumnKind::text) v = std::string(std::string_view(value));
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
                  "drf::migrations::column: the type must be boolean(), integer(), real(), text(), uuid() or datetime()");
    Column c = std::move(type.spec);
    c.name = std::move(name);
    return c;
}

// The column's definition in `dialect`, as CREATE TABLE and ADD COLUMN write it:
// "owner_id" TEXT NOT NULL REFERENCES "auth_user" ("id").
inline std::string column_sql(const db::Dialect& dialect, const Column& c) {
    std::string def = db::quote_name(c.name) + " " + dialect.column_type(c.kind);
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
