// drf/migrations/operations.hpp — the schema operations a migration file holds, each built from values
// only (Django's CreateModel, AddField, AlterField, RemoveField, RenameField, AddIndex, RemoveIndex):
//     create_table("projects_project", {column("id", uuid().primary_key()), column("name", text())},
//                  {{"created_at", "id"}})
#pragma once

#include <drf/migrations/column.hpp>
#include <drf/migrations/migration.hpp>

#include <string>
#include <utility>
#include <vector>

namespace drf::migrations {

// CreateModel: CREATE TABLE with the columns in order, then one CREATE INDEX per entry of `indexes`
// (each named "<table>_<column>_…").
inline Operation create_table(std::string table, std::vector<Column> columns,
                              const std::vector<std::vector<std::string>>& indexes = {}) {
    CreateTable what{table, std::move(columns), {}};
    for (const auto& ix : indexes) what.indexes.push_back(index(table, ix));
    return {"Create model " + table,
            [what](const db::Dialect& d) {
                std::string body;
                for (const auto& c : what.columns) body += (body.empty() ? "\n    " : ",\n    ") + column_sql(d, c);
                std::vector<std::string> out{"CREATE TABLE " + db::quote_name(what.table) + " (" + body + "\n)"};
                for (const auto& ix : what.indexes) out.push_back(create_index_sql(what.table, ix));
                return out;
            },
            {},
            what};
}

// The same, from a table's values (makemigrations' replay state, or from_model<T>() in a test).
inline Operation create_table(const CreateTable& table) {
    std::vector<std::vector<std::string>> indexes;
    for (const auto& ix : table.indexes) indexes.push_back(ix.columns);
    return create_table(table.table, table.columns, indexes);
}

// AddField: ALTER TABLE ADD COLUMN. A NOT NULL column needs a default_value(...) when the table may
// hold rows; a db_index or references column gets its index with add_index.
inline Operation add_column(std::string table, Column column) {
    return {"Add field " + column.name + " to " + table,
            [table, column](const db::Dialect& d) {
                return std::vector<std::string>{"ALTER TABLE " + db::quote_name(table) + " ADD COLUMN " + column_sql(d, column)};
            },
            {},
            AddColumn{table, column}};
}

// RemoveField: ALTER TABLE DROP COLUMN, after dropping the column's own index (SQLite refuses to drop
// an indexed column). A UNIQUE or REFERENCES column cannot be dropped on SQLite: rebuild the table.
inline Operation remove_column(std::string table, std::string column) {
    return {"Remove field " + column + " from " + table,
            [table, column](const db::Dialect&) {
                return std::vector<std::string>{"DROP INDEX IF EXISTS " + db::quote_name(table + "_" + column),
                                                "ALTER TABLE " + db::quote_name(table) + " DROP COLUMN " + db::quote_name(column)};
            },
            {},
            RemoveColumn{table, column}};
}

// RenameField: ALTER TABLE RENAME COLUMN (both dialects keep the column's indexes and constraints).
inline Operation rename_column(std::string table, std::string from, std::string to) {
    return {"Rename field " + from + " on " + table + " to " + to,
            [table, from, to](const db::Dialect&) {
                return std::vector<std::string>{"ALTER TABLE " + db::quote_name(table) + " RENAME COLUMN " +
                                                db::quote_name(from) + " TO " + db::quote_name(to)};
            },
            {},
            RenameColumn{table, from, to}};
}

namespace detail {
// AlterField's SQL. PostgreSQL alters the column in place; SQLite has no ALTER COLUMN, so there only
// the index, max_length and a decimal's digits (no SQL) can change, and anything else asks for a table
// rebuild by run_sql.
inline std::vector<std::string> alter_column_sql(const db::Dialect& d, const std::string& table, const Column& from,
                                                 const Column& to) {
    std::vector<std::string> out;
    const std::string t = db::quote_name(table), c = db::quote_name(to.name);
    const bool rebuild = from.kind != to.kind || from.null != to.null || from.unique != to.unique ||
                         from.references != to.references || from.default_value != to.default_value ||
                         from.primary_key != to.primary_key;
    if (rebuild && d.name() != "postgresql")
        throw MigrationError("no SQL for the " + std::string(d.name()) + " dialect to alter " + table + "." + to.name +
                             " in place (rebuild the table with run_sql)");
    if (wants_index(from) && !wants_index(to)) out.push_back("DROP INDEX " + db::quote_name(table + "_" + to.name));
    // A decimal's digits are part of its type where the dialect spells them (numeric(p, s)); SQLite's
    // decimal has none, so there a change of digits needs no SQL, as max_length.
    if (from.kind != to.kind || column_type(d, from) != column_type(d, to)) {
        const std::string type = column_type(d, to);
        out.push_back("ALTER TABLE " + t + " ALTER COLUMN " + c + " TYPE " + type + " USING " + c + "::" + type);
    }
    if (from.null != to.null)
        out.push_back("ALTER TABLE " + t + " ALTER COLUMN " + c + (to.null ? " DROP NOT NULL" : " SET NOT NULL"));
    if (from.default_value != to.default_value)
        out.push_back("ALTER TABLE " + t + " ALTER COLUMN " + c +
                      (to.default_value ? " SET DEFAULT " + db::sql_literal(d, *to.default_value) : " DROP DEFAULT"));
    // PostgreSQL's names for the constraints an inline UNIQUE / REFERENCES creates.
    if (from.unique && !to.unique) out.push_back("ALTER TABLE " + t + " DROP CONSTRAINT " + db::quote_name(table + "_" + to.name + "_key"));
    if (!from.unique && to.unique)
        out.push_back("ALTER TABLE " + t + " ADD CONSTRAINT " + db::quote_name(table + "_" + to.name + "_key") + " UNIQUE (" + c + ")");
    if (from.references != to.references) {
        const std::string fk = db::quote_name(table + "_" + to.name + "_fkey");
        if (!from.references.empty()) out.push_back("ALTER TABLE " + t + " DROP CONSTRAINT " + fk);
        if (!to.references.empty())
            out.push_back("ALTER TABLE " + t + " ADD CONSTRAINT " + fk + " FOREIGN KEY (" + c + ") REFERENCES " +
                          db::quote_name(to.references) + " (\"id\")");
    }
    if (!wants_index(from) && wants_index(to)) out.push_back(create_index_sql(table, index(table, {to.name})));
    return out;
}
}  // namespace detail

// AlterField: the column `from` becomes `to` (same name). Both definitions are in the migration so its
// SQL depends on nothing else.
inline Operation alter_column(std::string table, Column from, Column to) {
    return {"Alter field " + to.name + " on " + table,
            [table, from, to](const db::Dialect& d) { return detail::alter_column_sql(d, table, from, to); },
            {},
            AlterColumn{table, from, to}};
}

// AddIndex: a (composite) index on the columns in the order given, named "<table>_<column>_…".
// add_index("projects_project", {"owner_id", "created_at", "id"}) serves "one owner's projects, newest
// first" and its cursor pages from the index alone.
inline Operation add_index(std::string table, std::vector<std::string> columns) {
    Index ix = index(table, std::move(columns));
    return {"Add index " + ix.name,
            [table, ix](const db::Dialect&) { return std::vector<std::string>{create_index_sql(table, ix)}; },
            {},
            AddIndex{table, ix}};
}

// RemoveIndex: drops the index add_index(table, columns) created.
inline Operation remove_index(std::string table, std::vector<std::string> columns) {
    Index ix = index(table, std::move(columns));
    return {"Remove index " + ix.name,
            [name = ix.name](const db::Dialect&) { return std::vector<std::string>{"DROP INDEX " + db::quote_name(name)}; },
            {},
            RemoveIndex{table, ix}};
}

}  // namespace drf::migrations
