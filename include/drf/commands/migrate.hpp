// drf/commands/migrate.hpp — the built-in migrate and showmigrations commands, in Django's words:
//     Running migrations:
//       Applying 0001_initial... OK
#pragma once

#include <drf/commands/command.hpp>
#include <drf/db/databases.hpp>
#include <drf/migrations/migrator.hpp>

#include <functional>
#include <string>
#include <utility>
#include <vector>

namespace drf::commands {

class MigrateCommand : public Command {
public:
    MigrateCommand(db::Databases& databases, std::vector<migrations::Migration> list)
        : databases_(databases), list_(std::move(list)) {}

    std::string help() const override { return "Updates the database schema: applies the migrations not applied yet."; }
    void add_arguments(CLI::App& parser) override {
        parser.add_flag("--plan", plan_, "Shows the migrations that would be applied, without applying them.");
        parser.add_flag("--fake", fake_, "Marks the migrations as applied without running them.");
    }
    void handle() override {
        try {
            migrations::Migrator migrator(databases_.get(), list_);
            if (plan_) {
                out() << "Planned operations:\n";
                const auto steps = migrator.plan();
                if (steps.empty()) out() << "  No planned migration operations.\n";
                for (const auto& step : steps) out() << step.name << (step.record_only ? " (recorded: replaces applied migrations)" : "") << '\n';
                return;
            }
            out() << "Running migrations:\n";
            const auto applied = migrator.migrate([&](const migrations::PlanStep& s) { out() << "  Applying " << s.name << "..." << std::flush; },
                                                  [&](const migrations::PlanStep&) { out() << (fake_ ? " FAKED\n" : " OK\n"); }, fake_);
            if (applied.empty()) out() << "  No migrations to apply.\n";
        } catch (const migrations::MigrationError& e) {
            throw CommandError(e.what());
        } catch (const std::exception& e) {
            out() << " FAILED\n";
            throw CommandError(std::string("The migration failed and was rolled back: ") + e.what());
        }
    }

private:
    db::Databases& databases_;
    std::vector<migrations::Migration> list_;
    bool plan_ = false;
    bool fake_ = false;
};

class ShowMigrationsCommand : public Command {
public:
    ShowMigrationsCommand(db::Databases& databases, std::vector<migrations::Migration> list)
        : databases_(databases), list_(std::move(list)) {}

    std::string help() const override { return "Shows all migrations: [X] applied, [ ] not applied."; }
    void handle() override {
        try {
            migrations::Migrator migrator(databases_.get(), list_);
            for (const auto& m : migrator.showmigrations()) out() << " [" << (m.applied ? 'X' : ' ') << "] " << m.name << '\n';
        } catch (const migrations::MigrationError& e) {
            throw CommandError(e.what());
        }
    }

private:
    db::Databases& databases_;
    std::vector<migrations::Migration> list_;
};

}  // namespace drf::commands
