// drf/commands/builtin.hpp — add_builtin_commands: the commands every drf service offers, registered in
// one call (Django's core and contrib apps bring theirs the same way): migrate, showmigrations,
// sqlmigrate, createuser, drf_create_token and runserver, and makemigrations when given the app. Needs
// drf::auth and drf::server besides drf::commands.
#pragma once

#include <drf/commands/command.hpp>
#include <drf/commands/createuser.hpp>
#include <drf/commands/makemigrations.hpp>
#include <drf/commands/migrate.hpp>
#include <drf/commands/runserver.hpp>
#include <drf/commands/sqlmigrate.hpp>
#include <drf/commands/tokens.hpp>
#include <drf/db/databases.hpp>
#include <drf/migrations/autodetector.hpp>
#include <drf/migrations/migration.hpp>

#include <functional>
#include <utility>
#include <vector>

namespace drf::commands {

// Registers the built-in commands on `registry`, over `databases` (which, with `router`, must outlive
// it) and the project's migrations `list`, oldest first. A project overrides one by adding its own command
// under the same name afterwards, as a Django app's command shadows a built-in one.
template <class Router>
void add_builtin_commands(Registry& registry, db::Databases& databases, std::vector<migrations::Migration> list,
                          const Router& router) {
    registry.add<MigrateCommand>("migrate", std::ref(databases), list);
    registry.add<SqlMigrateCommand>("sqlmigrate", std::ref(databases), list);
    registry.add<ShowMigrationsCommand>("showmigrations", std::ref(databases), std::move(list));
    registry.add<CreateUserCommand>("createuser", std::ref(databases));
    registry.add<CreateTokenCommand>("drf_create_token", std::ref(databases));
    registry.add<RunServerCommand<Router>>("runserver", std::cref(router));
}

// The same, and makemigrations for `app` (its label, models, the project's migrations and its
// migrations directory); the other commands use app.migrations.
template <class Router>
void add_builtin_commands(Registry& registry, db::Databases& databases, migrations::App app, const Router& router) {
    add_builtin_commands(registry, databases, app.migrations, router);
    registry.add<MakeMigrationsCommand>("makemigrations", std::move(app));
}

}  // namespace drf::commands
