// examples/projects/commands.hpp — the service's management commands, Django's pattern: the built-in
// ones in one call, runserver overridden to refuse a start without a shared cursor secret, and a
// cleanup_inactive command of the project's own.
#pragma once

#include "migrations.hpp"
#include "models.hpp"
#include "views.hpp"

#include <drf/auth/user.hpp>
#include <drf/commands.hpp>
#include <drf/commands/builtin.hpp>
#include <drf/commands/generateschema.hpp>
#include <drf/db.hpp>
#include <drf/migrations/autodetector.hpp>
#include <drf/pagination/cursor.hpp>
#include <drf/routers.hpp>

#include <filesystem>
#include <functional>
#include <string>

namespace projects {

class CleanupInactive : public drf::commands::Command {
public:
    explicit CleanupInactive(drf::db::Databases& databases) : databases_(databases) {}

    std::string help() const override { return "Deactivate users who haven't logged in for 90 days"; }
    void add_arguments(CLI::App& parser) override {
        parser.add_flag("--dry-run", dry_run_, "Only count the users who would be deactivated.");
        parser.add_option("--days", days_, "Inactivity threshold in days.")->check(CLI::PositiveNumber)->capture_default_str();
    }
    void handle() override {
        using drf::auth::User;
        namespace db = drf::db;
        const auto cutoff = drf::now() - boost::posix_time::hours(24 * days_);
        const auto users = db::objects<User>(databases_.get())
                               .filter(db::lt(&User::last_login, cutoff) && db::eq(&User::is_active, true));
        if (dry_run_) {
            out() << "Would deactivate " << users.count() << " users\n";
            return;
        }
        const auto count = users.update(db::set(&User::is_active, false));
        out() << "Deactivated " << count << " users\n";
    }

private:
    drf::db::Databases& databases_;
    bool dry_run_ = false;
    int days_ = 90;
};

// runserver, refusing to start when the cursors would have no shared secret.
class ProjectsRunServer : public drf::commands::RunServerCommand<drf::routers::Router> {
public:
    ProjectsRunServer(const drf::routers::Router& router, bool has_secret) : RunServerCommand(router), has_secret_(has_secret) {}
    void handle() override {
        if (!has_secret_)
            throw drf::commands::CommandError(
                "set PROJECTS_CURSOR_SECRET (" + std::to_string(drf::pagination::min_cursor_secret_size) +
                " or more bytes, the same for every instance) to serve from PROJECTS_DATABASE_URL: the pagination "
                "cursors are signed with it");
        RunServerCommand::handle();
    }

private:
    bool has_secret_;
};

// The projects app as makemigrations sees it: its models, the migrations, and migrations/ next to this file.
inline drf::migrations::App migrations_app() {
    return {"projects", drf::migrations::models<Project, Announcement, Profile>(), migrations(),
            (std::filesystem::path(__FILE__).parent_path() / "migrations").string()};
}

// Every command the `projects` program offers.
inline void add_commands(drf::commands::Registry& registry, drf::db::Databases& databases,
                         const drf::routers::Router& router, bool has_cursor_secret) {
    drf::commands::add_builtin_commands(registry, databases, migrations_app(), router);
    registry.add<ProjectsRunServer>("runserver", std::cref(router), has_cursor_secret);  // replaces the built-in one
    registry.add<CleanupInactive>("cleanup_inactive", std::ref(databases));
    registry.add<drf::commands::GenerateSchemaCommand<drf::routers::Router>>("generateschema", std::cref(router), api_info());
}

}  // namespace projects
