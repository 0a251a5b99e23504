// drf/migrations/changes.hpp — track_changes("projects_project"): the operation that keeps a table's
// change counter in drf_table_versions (read by drf/db/changes.hpp). Opaque to makemigrations, as
// RunSQL is: it adds triggers and a bookkeeping table, not model state.
#pragma once

#include <drf/db/backend.hpp>
#include <drf/migrations/migration.hpp>

#include <string>
#include <vector>

namespace drf::migrations {

namespace detail {
inline std::string versions_table_sql(const db::Dialect& d) {
    return "CREATE TABLE IF NOT EXISTS \"drf_table_versions\" (\"table_name\" " + d.column_type(db::ColumnKind::text) +
           " PRIMARY KEY, \"version\" " + d.column_type(db::ColumnKind::integer) + " NOT NULL DEFAULT 0)";
}

inline std::vector<std::string> track_changes_sql(const db::Dialect& d, const std::string& table) {
    const std::string literal = "'" + table + "'";  // a model's table is a lowercase identifier (models::meta checks)
    const std::string quoted = db::quote_name(table);
    const std::string bump = "UPDATE \"drf_table_versions\" SET \"version\" = \"version\" + 1 WHERE \"table_name\" = ";
    if (d.name() == "sqlite") {
        // SQLite has row triggers only: a statement touching n rows bumps n times, which is as good.
        std::vector<std::string> out{versions_table_sql(d),
                                     "INSERT OR IGNORE INTO \"drf_table_versions\" (\"table_name\", \"version\") VALUES (" + literal + ", 0)"};
        for (const char* event : {"insert", "update", "delete"})
            out.push_back("CREATE TRIGGER " + db::quote_name("drf_changes_" + table + "_" + event) + " AFTER " +
                          std::string(event) + " ON " + quoted + " BEGIN " + bump + literal + "; END");
        return out;
    }
    if (d.name() == "postgresql") {
        // One statement-level trigger per table (TRUNCATE included); the function is shared. The bump
        // takes the counter row's lock until the writing transaction ends, so writers of one table
        // queue on it: the price of a counter that every instance on this database agrees on.
        return {versions_table_sql(d),
                "INSERT INTO \"drf_table_versions\" (\"table_name\", \"version\") VALUES (" + literal +
                    ", 0) ON CONFLICT (\"table_name\") DO NOTHING",
                "CREATE OR REPLACE FUNCTION \"drf_bump_table_version\"() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN " + bump +
                    "TG_TABLE_NAME; RETURN NULL; END $$",
                "CREATE TRIGGER " + db::quote_name("drf_changes_" + table) + " AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON " +
                    quoted + " FOR EACH STATEMENT EXECUTE FUNCTION \"drf_bump_table_version\"()"};
    }
    throw MigrationError("no SQL for the " + std::string(d.name()) + " dialect to track changes of " + table);
}
}  // namespace detail

// Installs `table`'s change counter: its row in drf_table_versions (created when missing) and the
// triggers that bump it on every INSERT, UPDATE and DELETE, in the migration's transaction.
inline Operation track_changes(std::string table) {
    return {"Track changes of " + table, [table](const db::Dialect& d) { return detail::track_changes_sql(d, table); },
            {}, RunSql{}};
}

}  // namespace drf::migrations
