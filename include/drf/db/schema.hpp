// drf/db/schema.hpp — DDL derived from a model's meta: CREATE TABLE with the column types the dialect
// chooses, NOT NULL for every non-optional field, UNIQUE, foreign keys, and the indexes the model
// needs (its default ordering plus id, for keyset pagination; each db_index field).
#pragma once

#include <drf/db/backend.hpp>
#include <drf/core/member_name.hpp>
#include <drf/db/value.hpp>
#include <drf/models/meta.hpp>

#include <string>
#include <string_view>
#include <tuple>
#include <type_traits>
#include <vector>

namespace drf::db {

namespace detail {
template <class F>
std::string column_definition(const Dialect& dialect, const F& f) {
    std::string def = quote_name(f.name) + " " + field_column_type(dialect, f);
    if (f.name == "id") return def + " NOT NULL PRIMARY KEY";
    if (!f.nullable()) def += " NOT NULL";
    if (f.is_unique) def += " UNIQUE";
    if (f.references_ != nullptr) def += " REFERENCES " + quote_name(f.references_()) + " (\"id\")";
    return def;
}
}  // namespace detail

namespace detail {
// Whether the type the database reports is the one drf writes: PostgreSQL's format_type() spells
// numeric(10, 2) as numeric(10,2), and SQLite keeps the declared text as written.
inline bool same_type(std::string_view reported, std::string_view written) {
    std::string a, b;
    for (char c : reported)
        if (c != ' ' || (!a.empty() && a.back() != ',')) a += c;
    for (char c : written)
        if (c != ' ' || (!b.empty() && b.back() != ',')) b += c;
    return a == b;
}

// "<table>_<column>_<column>…": the name create_table_sql gives an index on these columns.
template <class T>
std::string index_name(const std::vector<std::string_view>& columns) {
    std::string name(T::meta.table);
    for (auto c : columns) name += "_" + std::string(c);
    return name;
}

template <class T>
std::string create_index_sql(const std::vector<std::string_view>& columns) {
    std::string list;
    for (auto c : columns) list += (list.empty() ? "" : ", ") + quote_name(c);
    return "CREATE INDEX " + quote_name(index_name<T>(columns)) + " ON " + quote_name(T::meta.table) + " (" + list + ")";
}

template <auto First, auto... Rest>
struct first_model {
    using type = models::model_of_t<member_owner_t<First>>;
};

template <auto First, auto... Rest>
constexpr bool one_model() {
    return (std::is_same_v<typename first_model<First>::type, models::model_of_t<member_owner_t<Rest>>> && ...);
}
}  // namespace detail

// The column definition of member M's field, as CREATE TABLE writes it: column_definition<&Project::name>(dialect).
template <auto M>
    requires DataMemberPointer<M>
std::string column_definition(const Dialect& dialect) {
    return detail::column_definition(dialect, models::get_field<M>());
}

// The name drf gives an index on these members' columns: "<table>_<column>_<column>…", as
// create_table_sql names its own.
template <auto... Ms>
    requires(sizeof...(Ms) > 0 && (DataMemberPointer<Ms> && ...))
std::string index_name() {
    static_assert(detail::one_model<Ms...>(), "drf::db::index_name: every member must belong to the same model");
    using T = typename detail::first_model<Ms...>::type;
    return detail::index_name<T>({models::get_field<Ms>().name...});
}

// CREATE INDEX on these members' columns, in that order: a composite index serves a query that filters
// on the first columns and orders by the rest (&Project::owner_id, &Project::created_at, &Project::id
// serves "this owner's rows, newest first" and its keyset pages without a sort).
template <auto... Ms>
    requires(sizeof...(Ms) > 0 && (DataMemberPointer<Ms> && ...))
std::string create_index_sql() {
    static_assert(detail::one_model<Ms...>(), "drf::db::create_index_sql: every member must belong to the same model");
    using T = typename detail::first_model<Ms...>::type;
    return detail::create_index_sql<T>({models::get_field<Ms>().name...});
}

// CREATE TABLE for T, then its indexes. One statement per element.
template <class T>
std::vector<std::string> create_table_sql(const Dialect& dialect) {
    const std::string table(T::meta.table);
    std::string columns;
    T::meta.for_each_field([&](const auto& f) {
        columns += (columns.empty() ? "\n    " : ",\n    ") + detail::column_definition(dialect, f);
    });
    std::vector<std::string> statements{"CREATE TABLE " + quote_name(table) + " (" + columns + "\n)"};
    // The default ordering's columns then id: what keyset pages over the default ordering seek on.
    std::vector<std::string_view> ordering_columns;
    std::apply(
        [&](const auto&... term) {
            auto add = [&](const auto& t) {
                T::meta.for_each_field([&](const auto& f) {
                    if constexpr (std::is_same_v<std::remove_cvref_t<decltype(f.member)>, std::remove_cvref_t<decltype(t.member)>>) {
                        if (f.member == t.member) ordering_columns.push_back(f.name);
                    }
                });
            };
            (add(term), ...);
        },
        T::meta.ordering_terms);
    if (!ordering_columns.empty()) {
        ordering_columns.push_back("id");
        statements.push_back(detail::create_index_sql<T>(ordering_columns));
    }
    T::meta.for_each_field([&](const auto& f) {
        if ((f.is_indexed || f.references_ != nullptr) && !f.is_unique) statements.push_back(detail::create_index_sql<T>({f.name}));
    });
    return statements;
}

// What differs between T's meta and the table the database holds; empty when they agree.
template <class T>
std::vector<std::string> schema_differences(Connection& connection) {
    std::vector<std::string> problems;
    const std::string table(T::meta.table);
    const auto columns = connection.table_columns(table);
    if (columns.empty()) return {"table " + table + " does not exist"};
    std::vector<bool> seen(columns.size(), false);
    T::meta.for_each_field([&](const auto& f) {
        const std::string expected_type = field_column_type(connection.dialect(), f);
        for (std::size_t i = 0; i < columns.size(); ++i) {
            if (columns[i].name != f.name) continue;
            seen[i] = true;
            if (!detail::same_type(columns[i].type, expected_type))
                problems.push_back(table + "." + std::string(f.name) + " is " + columns[i].type + ", the model says " +
                                   expected_type);
            if (columns[i].not_null == f.nullable() && !columns[i].primary_key)
                problems.push_back(table + "." + std::string(f.name) +
                                   (f.nullable() ? " is NOT NULL, the model says nullable" : " is nullable, the model says NOT NULL"));
            return;
        }
        problems.push_back(table + "." + std::string(f.name) + " is missing");
    });
    for (std::size_t i = 0; i < columns.size(); ++i)
        if (!seen[i]) problems.push_back(table + "." + columns[i].name + " is not in the model");
    return problems;
}

}  // namespace drf::db
