// drf/migrations/migration.hpp — a migration: a name ("0001_initial"), the migrations it depends on,
// what it replaces (squashing), and its operations: schema SQL (per dialect where it differs), SQL
// derived from a model's meta, or a C++ data migration, as Django's RunSQL / CreateModel / RunPython.
#pragma once

#include <drf/core/detail/traits.hpp>
#include <drf/core/fixed_string.hpp>
#include <drf/db/database.hpp>
#include <drf/db/query.hpp>
#include <drf/db/schema.hpp>
#include <drf/db/value.hpp>
#include <drf/models/meta.hpp>

#include <functional>
#include <map>
#include <stdexcept>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

namespace drf::migrations {

// A migration cannot be applied, or the applied history disagrees with the code.
class MigrationError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// One step of a migration. Schema steps produce SQL for the dialect at hand; a data step runs C++.
struct Operation {
    std::string description;
    // Schema step: the SQL statements for a dialect (empty function for a data step).
    std::function<std::vector<std::string>(const db::Dialect&)> sql;
    // Data step (Django's RunPython).
    std::function<void(db::Database&)> code;
};

// RunSQL with the same text on every backend.
inline Operation run_sql(std::string sql) {
    return {"Raw SQL", [sql = std::move(sql)](const db::Dialect&) { return std::vector<std::string>{sql}; }, {}};
}

// RunSQL with text per dialect name ("sqlite", "postgresql"); migrating a backend with no entry fails
// with a message naming the migration and the dialect.
inline Operation run_sql(std::map<std::string, std::string, std::less<>> per_dialect) {
    return {"Raw SQL (per dialect)",
            [texts = std::move(per_dialect)](const db::Dialect& d) -> std::vector<std::string> {
                const auto it = texts.find(d.name());
                if (it == texts.end())
                    throw MigrationError("no SQL for the " + std::string(d.name()) + " dialect");
                return {it->second};
            },
            {}};
}

// CreateModel from T's meta: CREATE TABLE and its indexes. Name the fields to freeze the migration:
// create_model<Project>({"name", "owner_id"}) keeps creating exactly those columns (plus id and the
// timestamps) after the model gains new fields, which then belong in a later add_field migration.
// With no names it follows the model as it is now, which suits a migration not yet deployed.
template <class T>
Operation create_model(std::vector<std::string_view> fields = {}) {
    return {"Create model " + std::string(T::meta.table),
            [fields](const db::Dialect& d) { return db::create_table_sql<T>(d, fields); },
            {}};
}

// AddField: ALTER TABLE ADD COLUMN for T's field `name` (a NOT NULL column needs a DEFAULT in `extra`,
// e.g. "DEFAULT ''", since existing rows must get a value).
template <class T, fixed_string Name>
Operation add_field(std::string extra = {}) {
    static_assert(T::meta.has_field(Name.view()), "drf::migrations::add_field: the model has no field with this name");
    return {"Add field " + std::string(Name.view()) + " to " + std::string(T::meta.table),
            [extra](const db::Dialect& d) {
                std::string sql = "ALTER TABLE " + db::quote_name(T::meta.table) + " ADD COLUMN " +
                                  db::column_definition<T>(d, Name.view());
                if (!extra.empty()) sql += " " + extra;
                return std::vector<std::string>{sql};
            },
            {}};
}

// AddIndex: a (composite) index on T's fields, in the order given, named "<table>_<field>_<field>…".
// add_index<Project, "owner_id", "created_at", "id">() serves "one owner's projects, newest first" and
// its cursor pages from the index alone, with no sort however many rows the owner has.
template <class T, fixed_string... Names>
Operation add_index() {
    static_assert(sizeof...(Names) > 0, "drf::migrations::add_index: name at least one field");
    static_assert((T::meta.has_field(Names.view()) && ...),
                  "drf::migrations::add_index: the model has no field with one of these names");
    const std::vector<std::string_view> fields{Names.view()...};
    return {"Add index " + db::index_name<T>(fields),
            [fields](const db::Dialect&) { return std::vector<std::string>{db::create_index_sql<T>(fields)}; },
            {}};
}

// RemoveIndex: drops the index add_index<T, Names...>() created.
template <class T, fixed_string... Names>
Operation remove_index() {
    static_assert(sizeof...(Names) > 0, "drf::migrations::remove_index: name at least one field");
    static_assert((T::meta.has_field(Names.view()) && ...),
                  "drf::migrations::remove_index: the model has no field with one of these names");
    const std::string name = db::index_name<T>({Names.view()...});
    return {"Remove index " + name,
            [name](const db::Dialect&) { return std::vector<std::string>{"DROP INDEX " + db::quote_name(name)}; },
            {}};
}

// The value a new NOT NULL column gets in the rows a table already has:
// add_field<Project, "archived">(default_value(false)) writes DEFAULT 0 on SQLite, DEFAULT false on
// PostgreSQL — the literal each dialect spells, so one migration serves both.
template <class V>
struct DefaultValue {
    V value;
};
template <class V>
constexpr DefaultValue<std::decay_t<V>> default_value(V&& value) {
    return {std::forward<V>(value)};
}

// AddField with a typed default (see default_value); the value must have the field's type, as in a filter.
template <class T, fixed_string Name, class V>
Operation add_field(DefaultValue<V> fallback) {
    static_assert(T::meta.has_field(Name.view()), "drf::migrations::add_field: the model has no field with this name");
    using M = typename std::remove_cvref_t<decltype(models::field_named<T, Name>())>::value_type;
    using Plain = drf::detail::unwrap_optional_t<M>;
    static_assert(db::compatible_value<V, Plain>(),
                  "drf::migrations::add_field: the default's type does not match the field's type");
    const db::Value value = db::ColumnTraits<Plain>::value(Plain(fallback.value));
    return {"Add field " + std::string(Name.view()) + " to " + std::string(T::meta.table),
            [value](const db::Dialect& d) {
                return std::vector<std::string>{"ALTER TABLE " + db::quote_name(T::meta.table) + " ADD COLUMN " +
                                                db::column_definition<T>(d, Name.view()) + " DEFAULT " +
                                                db::sql_literal(d, value)};
            },
            {}};
}

// RunPython: a data migration in C++. Its checksum covers `name` only, since code cannot be hashed:
// give it a name that says what it does, and never change a deployed one.
inline Operation run_code(std::string name, std::function<void(db::Database&)> fn) {
    return {"Run " + name, {}, std::move(fn)};
}

struct Migration {
    std::string name;
    std::vector<std::string> dependencies;
    std::vector<Operation> operations;
    std::vector<std::string> replaces;  // a squashed migration names the migrations it stands for
};

}  // namespace drf::migrations
