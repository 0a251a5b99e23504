// drf/migrations/migration.hpp — a migration: a name ("0001_initial"), the migrations it depends on,
// what it replaces (squashing), and its operations. Each operation says what it does as a typed value
// (replayed by makemigrations into the schema the history builds) and produces its SQL per dialect, or
// runs C++ (Django's RunPython).
#pragma once

#include <drf/db/database.hpp>
#include <drf/migrations/column.hpp>

#include <functional>
#include <map>
#include <stdexcept>
#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace drf::migrations {

// A migration cannot be applied, or the applied history disagrees with the code.
class MigrationError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// What an operation does, as values (Django's operation classes).
struct CreateTable {
    std::string table;
    std::vector<Column> columns;
    std::vector<Index> indexes;
};
struct AddColumn {
    std::string table;
    Column column;
};
struct AlterColumn {
    std::string table;
    Column from;
    Column to;
};
struct RemoveColumn {
    std::string table;
    std::string column;
};
struct RenameColumn {
    std::string table;
    std::string from;
    std::string to;
};
struct AddIndex {
    std::string table;
    Index index;
};
struct RemoveIndex {
    std::string table;
    Index index;
};
struct RunSql {};  // opaque to the replay: makemigrations assumes it leaves the schema as it was
struct RunCode {
    std::string name;
};
using Action = std::variant<CreateTable, AddColumn, AlterColumn, RemoveColumn, RenameColumn, AddIndex, RemoveIndex,
                            RunSql, RunCode>;

// One step of a migration. Schema steps produce SQL for the dialect at hand; a data step runs C++.
// `description` and the SQL are what the checksum covers.
struct Operation {
    std::string description;
    // Schema step: the SQL statements for a dialect (empty function for a data step).
    std::function<std::vector<std::string>(const db::Dialect&)> sql;
    // Data step (Django's RunPython).
    std::function<void(db::Database&)> code;
    Action action = RunSql{};
};

// RunSQL with the same text on every backend.
inline Operation run_sql(std::string sql) {
    return {"Raw SQL", [sql = std::move(sql)](const db::Dialect&) { return std::vector<std::string>{sql}; }, {}, RunSql{}};
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
            {},
            RunSql{}};
}

// RunPython: a data migration in C++. Its checksum covers `name` only, since code cannot be hashed:
// give it a name that says what it does, and never change a deployed one.
inline Operation run_code(std::string name, std::function<void(db::Database&)> fn) {
    return {"Run " + name, {}, std::move(fn), RunCode{name}};
}

struct Migration {
    std::string name;
    std::vector<std::string> dependencies;
    std::vector<Operation> operations;
    std::vector<std::string> replaces;  // a squashed migration names the migrations it stands for
};

}  // namespace drf::migrations
