// drf/commands/sqlmigrate.hpp — the built-in sqlmigrate command: prints the SQL a migration runs on the
// configured database, in Django's format:
//     BEGIN;
//     --
//     -- Create model projects_project
//     --
//     CREATE TABLE "projects_project" (...);
//     COMMIT;
#pragma once

#include <drf/commands/command.hpp>
#include <drf/db/databases.hpp>
#include <drf/migrations/migration.hpp>

#include <string>
#include <utility>
#include <vector>

namespace drf::commands {

class SqlMigrateCommand : public Command {
public:
    SqlMigrateCommand(db::Databases& databases, std::vector<migrations::Migration> list)
        : databases_(databases), list_(std::move(list)) {}

    std::string help() const override { return "Prints the SQL statements for the named migration."; }
    void add_arguments(CLI::App& parser) override {
        parser.add_option("migration_name", name_, "The migration, or the start of its name (\"projects_0002\").")->required();
    }
    void handle() override {
        const migrations::Migration& m = find();
        const auto& dialect = databases_.get().dialect();
        // Each migration runs in a transaction on both backends, as Django's sqlmigrate shows it.
        out() << "BEGIN;\n";
        for (const auto& op : m.operations) {
            out() << "--\n-- " << op.description << "\n--\n";
            if (op.sql) {
                try {
                    for (const auto& s : op.sql(dialect)) out() << s << ";\n";
                } catch (const migrations::MigrationError& e) {
                    throw CommandError("Migration " + m.name + ": " + e.what() + ".");
                }
            }
            if (op.code) out() << "-- THIS OPERATION CANNOT BE WRITTEN AS SQL\n";
        }
        out() << "COMMIT;\n";
    }

private:
    // The migration named exactly, else the only one whose name starts with what was given (Django's
    // prefix match).
    const migrations::Migration& find() const {
        for (const auto& m : list_)
            if (m.name == name_) return m;
        const migrations::Migration* match = nullptr;
        for (const auto& m : list_) {
            if (m.name.rfind(name_, 0) != 0) continue;
            if (match) throw CommandError("More than one migration matches '" + name_ + "'. Please be more specific.");
            match = &m;
        }
        if (!match) throw CommandError("Cannot find a migration matching '" + name_ + "'.");
        return *match;
    }

    db::Databases& databases_;
    std::vector<migrations::Migration> list_;
    std::string name_;
};

}  // namespace drf::commands
