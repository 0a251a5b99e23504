// main.cpp — the shop's manage program: migrate, makemigrations, sqlmigrate, and two commands the test
// uses: check_schema (the database against the model) and reset (drop what migrate made).
#include "all_migrations.hpp"
#include "models.hpp"

#include <drf/commands.hpp>
#include <drf/commands/makemigrations.hpp>
#include <drf/commands/sqlmigrate.hpp>
#include <drf/db/connect.hpp>
#include <drf/db/databases.hpp>
#include <drf/db/schema.hpp>
#include <drf/db/sqlite.hpp>
#include <drf/migrations.hpp>
#if SHOP_WITH_POSTGRESQL
#include <drf/db/postgresql.hpp>
#endif

#include <cstdlib>
#include <functional>
#include <string>

namespace {

class CheckSchema : public drf::commands::Command {
public:
    explicit CheckSchema(drf::db::Databases& databases) : databases_(databases) {}
    std::string help() const override { return "Compares the database with the model."; }
    void handle() override {
        const auto problems = drf::db::schema_differences<shop::Note>(databases_.get().connection());
        for (const auto& p : problems) err() << p << '\n';
        if (!problems.empty()) throw drf::commands::CommandError("the database does not match the model");
        out() << "The database matches the model.\n";
    }

private:
    drf::db::Databases& databases_;
};

class Reset : public drf::commands::Command {
public:
    explicit Reset(drf::db::Databases& databases) : databases_(databases) {}
    std::string help() const override { return "Drops the tables migrate made."; }
    void handle() override {
        databases_.get().connection().execute("DROP TABLE IF EXISTS shop_note");
        databases_.get().connection().execute("DROP TABLE IF EXISTS drf_migrations");
    }

private:
    drf::db::Databases& databases_;
};

}  // namespace

int main(int argc, char** argv) {
    const char* url = std::getenv("SHOP_DATABASE_URL");
    drf::db::Databases databases([u = std::string(url ? url : "sqlite:///shop.sqlite3")] { return drf::db::connect(u); });
    drf::commands::Registry registry("shop");
    registry.add<drf::commands::MigrateCommand>("migrate", std::ref(databases), shop::all_migrations());
    registry.add<drf::commands::SqlMigrateCommand>("sqlmigrate", std::ref(databases), shop::all_migrations());
    registry.add<drf::commands::MakeMigrationsCommand>(
        "makemigrations",
        drf::migrations::App{"shop", drf::migrations::models<shop::Note>(), shop::all_migrations(),
                             SHOP_MIGRATIONS_DIR});
    registry.add<CheckSchema>("check_schema", std::ref(databases));
    registry.add<Reset>("reset", std::ref(databases));
    return drf::commands::manage(registry, argc, argv);
}
