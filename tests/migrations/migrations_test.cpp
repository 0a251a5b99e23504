// tests/migrations/migrations_test.cpp — applying, recording, checksumming and squashing migrations, on
// every backend (tests/support/database.hpp).
#include "../db/models.hpp"
#include "../support/database.hpp"
#include "../support/migrations.hpp"

#include <drf/db.hpp>
#include <drf/db/sqlite.hpp>
#include <drf/migrations.hpp>

#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <set>
#include <stdexcept>

namespace migrations_test {

namespace db = drf::db;
namespace mig = drf::migrations;
using db_test::Project;
using db_test::User;

using test_support::only;

// One column of the model as it is now.
template <class T>
mig::Column column_of(const std::string& name) {
    for (const auto& c : mig::from_model<T>().columns)
        if (c.name == name) return c;
    throw std::logic_error("no column " + name);
}

std::vector<mig::Migration> app_migrations() {
    return {
        {"0001_initial", {}, {mig::create_table(mig::from_model<User>()), mig::create_table(mig::from_model<Project>())}, {}},
        {"0002_seed_admin",
         {"0001_initial"},
         {mig::run_code("create the admin user",
                        [](db::Database& database) {
                            User admin;
                            admin.username = "admin";
                            admin.is_staff = true;
                            db::objects<User>(database).create(admin);
                        })},
         {}},
    };
}

std::vector<std::string> names(const std::vector<mig::PlanStep>& steps) {
    std::vector<std::string> out;
    for (const auto& s : steps) out.push_back(s.name);
    return out;
}

std::int64_t applied_rows(db::Database& database) {
    auto& s = database.connection().prepare("SELECT COUNT(*) FROM drf_migrations");
    s.reset();
    s.step();
    const auto n = s.column_int(0);
    s.reset();
    return n;
}

TEST_CASE("migrate on a fresh database applies every migration in dependency order", "[migrations]") {
    auto database = drf_test::open_database();
    // Declared out of order on purpose: dependencies decide.
    auto list = app_migrations();
    std::swap(list[0], list[1]);
    mig::Migrator migrator(database, list);
    std::vector<std::string> log;
    const auto applied = migrator.migrate([&](const mig::PlanStep& s) { log.push_back("Applying " + s.name); });
    CHECK(names(applied) == std::vector<std::string>{"0001_initial", "0002_seed_admin"});
    CHECK(log == std::vector<std::string>{"Applying 0001_initial", "Applying 0002_seed_admin"});
    CHECK(db::objects<User>(database).get(db::eq(&User::username, "admin")).is_staff);
}

TEST_CASE("The schema produced by migrating a fresh database matches every model's field list", "[migrations]") {
    auto database = drf_test::open_database();
    mig::Migrator(database, app_migrations()).migrate();
    CHECK(db::schema_differences<User>(database.connection()).empty());
    CHECK(db::schema_differences<Project>(database.connection()).empty());
}

TEST_CASE("migrate a second time is a no-op", "[migrations]") {
    auto database = drf_test::open_database();
    mig::Migrator(database, app_migrations()).migrate();
    mig::Migrator again(database, app_migrations());
    CHECK(again.plan().empty());
    CHECK(again.migrate().empty());
    CHECK(db::objects<User>(database).count() == 1);  // the data migration did not run twice
}

TEST_CASE("showmigrations lists every migration as applied or pending; plan lists what would run", "[migrations]") {
    auto database = drf_test::open_database();
    auto list = app_migrations();
    mig::Migrator(database, {list[0]}).migrate();
    mig::Migrator migrator(database, list);
    const auto states = migrator.showmigrations();
    REQUIRE(states.size() == 2);
    CHECK((states[0].name == "0001_initial" && states[0].applied));
    CHECK((states[1].name == "0002_seed_admin" && !states[1].applied));
    CHECK(names(migrator.plan()) == std::vector<std::string>{"0002_seed_admin"});
}

TEST_CASE("The applied table records each migration's name, time and checksum", "[migrations]") {
    auto database = drf_test::open_database();
    drf::FrozenClock clock(*drf::parse_datetime("2026-11-24T10:00:00Z"));
    drf::ClockOverride use(clock);
    mig::Migrator migrator(database, app_migrations());
    migrator.migrate();
    auto& s = database.connection().prepare("SELECT name, applied_at, checksum FROM drf_migrations ORDER BY name");
    s.reset();
    REQUIRE(s.step());
    CHECK(s.column_text(0) == "0001_initial");
    CHECK(drf::to_iso8601(s.column_datetime(1)) == "2026-11-24T10:00:00Z");
    CHECK(s.column_text(2) == migrator.checksum(app_migrations()[0]));
    CHECK(s.column_text(2).size() == 64);
    s.reset();
}

TEST_CASE("An applied migration whose content changed is refused, naming it", "[migrations]") {
    auto database = drf_test::open_database();
    mig::Migrator(database, app_migrations()).migrate();
    auto edited = app_migrations();
    edited[0].operations.push_back(mig::run_sql("CREATE TABLE sneaky (x INTEGER)"));
    mig::Migrator migrator(database, edited);
    CHECK_THROWS_AS(migrator.migrate(), mig::MigrationError);
    try {
        migrator.plan();
    } catch (const mig::MigrationError& e) {
        CHECK_THAT(e.what(), Catch::StartsWith("Migration 0001_initial has changed since it was applied"));
        CHECK_THAT(e.what(), Catch::Contains("Never edit a deployed migration"));
    }
    CHECK(database.connection().table_columns("sneaky").empty());
}

TEST_CASE("A migration that fails is rolled back and not recorded; earlier ones stay applied", "[migrations]") {
    auto database = drf_test::open_database();
    auto list = app_migrations();
    list.push_back({"0003_broken",
                    {"0002_seed_admin"},
                    {mig::run_sql("CREATE TABLE half (x INTEGER)"), mig::run_code("fail midway", [](db::Database& d) {
                         db::objects<User>(d).create([] {
                             User u;
                             u.username = "written-then-undone";
                             return u;
                         }());
                         throw std::runtime_error("data migration failed");
                     })},
                    {}});
    mig::Migrator migrator(database, list);
    CHECK_THROWS_WITH(migrator.migrate(), "data migration failed");
    CHECK(applied_rows(database) == 2);
    CHECK(database.connection().table_columns("half").empty());
    CHECK_FALSE(db::objects<User>(database).filter(db::eq(&User::username, "written-then-undone")).exists());
    CHECK(names(migrator.plan()) == std::vector<std::string>{"0003_broken"});
}

TEST_CASE("A failed migration on a database file leaves the file as it was before it", "[migrations][sqlite]") {
    const auto path = std::filesystem::temp_directory_path() / ("drf-mig-" + drf::to_string(drf::uuid4()) + ".sqlite3");
    {
        auto database = db::sqlite::open(path.string());
        auto list = app_migrations();
        list.push_back({"0003_bad_sql", {"0002_seed_admin"}, {mig::run_sql("CREATE TABLE ok (x INTEGER); NOT SQL AT ALL")}, {}});
        CHECK_THROWS_AS(mig::Migrator(database, list).migrate(), db::DatabaseError);
    }
    {
        auto reopened = db::sqlite::open(path.string());
        CHECK(applied_rows(reopened) == 2);
        CHECK(reopened.connection().table_columns("ok").empty());
        CHECK(db::objects<User>(reopened).count() == 1);
    }
    std::filesystem::remove(path);
    std::filesystem::remove(path.string() + "-wal");
    std::filesystem::remove(path.string() + "-shm");
}

TEST_CASE("Per-dialect SQL runs the text for the database's dialect and names a missing one", "[migrations]") {
    auto database = drf_test::open_database();
    mig::Migrator(database, {{"0001", {}, {mig::run_sql({{"sqlite", "CREATE TABLE t (x INTEGER)"}, {"postgresql", "CREATE TABLE t (x bigint)"}})}, {}}})
        .migrate();
    CHECK(database.connection().table_columns("t").size() == 1);
    // Its column has the type the dialect's text asked for.
    CHECK(database.connection().table_columns("t")[0].type == drf_test::expect("INTEGER", "bigint"));
    mig::Migrator missing(database, {{"0002", {}, {mig::run_sql({{"oracle", "SELECT 1 FROM dual"}})}, {}}});
    CHECK_THROWS_WITH(missing.migrate(), "Migration 0002: no SQL for the " + std::string(drf_test::backend()) + " dialect.");
}

TEST_CASE("Unknown dependencies, cycles and duplicate names are clear errors", "[migrations]") {
    auto database = drf_test::open_database();
    CHECK_THROWS_WITH(mig::Migrator(database, {{"0002", {"0001"}, {}, {}}}).plan(),
                      "Migration 0002 depends on 0001, which does not exist.");
    CHECK_THROWS_WITH(mig::Migrator(database, {{"a", {"b"}, {}, {}}, {"b", {"a"}, {}, {}}}).plan(),
                      "Migrations depend on each other in a cycle: a, b.");
    CHECK_THROWS_WITH(mig::Migrator(database, {{"a", {}, {}, {}}, {"a", {}, {}, {}}}), "Migration a is declared twice.");
}

std::vector<mig::Migration> long_chain() {
    return {
        {"0001_users", {}, {mig::create_table(mig::from_model<User>())}, {}},
        {"0002_projects", {"0001_users"}, {mig::create_table(mig::from_model<Project>())}, {}},
        {"0003_index", {"0002_projects"}, {mig::run_sql("CREATE INDEX projects_name ON projects (name)")}, {}},
    };
}
mig::Migration squashed() {
    return {"0001_squashed_0003",
            {},
            {mig::create_table(mig::from_model<User>()), mig::create_table(mig::from_model<Project>()), mig::run_sql("CREATE INDEX projects_name ON projects (name)")},
            {"0001_users", "0002_projects", "0003_index"}};
}
mig::Migration after_squash() {
    return {"0004_more", {"0003_index"}, {mig::run_sql("CREATE TABLE more (x INTEGER)")}, {}};
}

TEST_CASE("A fresh database applies a squashed migration instead of the ones it replaces", "[migrations]") {
    auto database = drf_test::open_database();
    auto list = long_chain();
    list.push_back(squashed());
    list.push_back(after_squash());  // depends on a replaced migration: resolved to the squash
    mig::Migrator migrator(database, list);
    CHECK(names(migrator.plan()) == std::vector<std::string>{"0001_squashed_0003", "0004_more"});
    migrator.migrate();
    CHECK(applied_rows(database) == 2);
    CHECK(database.connection().table_columns("more").size() == 1);
}

TEST_CASE("A database that applied the originals records the squash without running it", "[migrations]") {
    auto database = drf_test::open_database();
    mig::Migrator(database, long_chain()).migrate();
    std::vector<mig::Migration> now{squashed(), after_squash()};  // the originals may even be gone from the code
    mig::Migrator migrator(database, now);
    const auto plan = migrator.plan();
    REQUIRE(plan.size() == 2);
    CHECK((plan[0].name == "0001_squashed_0003" && plan[0].record_only));
    CHECK_FALSE(plan[1].record_only);
    CHECK_NOTHROW(migrator.migrate());  // running the squash would fail: its tables exist
    CHECK(migrator.plan().empty());
    CHECK(migrator.showmigrations()[0].applied);
}

TEST_CASE("A database that applied part of a squashed range finishes the originals, then records the squash",
          "[migrations]") {
    auto database = drf_test::open_database();
    auto chain = long_chain();
    mig::Migrator(database, {chain[0]}).migrate();
    auto list = long_chain();
    list.push_back(squashed());
    mig::Migrator migrator(database, list);
    CHECK(names(migrator.plan()) == std::vector<std::string>{"0002_projects", "0003_index"});
    CHECK(names(migrator.migrate()) == std::vector<std::string>{"0002_projects", "0003_index", "0001_squashed_0003"});
    CHECK(migrator.plan().empty());
}

TEST_CASE("A database that applied part of a squashed range whose originals are gone is an error naming them",
          "[migrations]") {
    auto database = drf_test::open_database();
    mig::Migrator(database, {long_chain()[0]}).migrate();
    mig::Migrator migrator(database, {squashed()});
    CHECK_THROWS_WITH(migrator.plan(),
                      "Migration 0001_squashed_0003 replaces 0001_users, 0002_projects, 0003_index, but only 0001_users "
                      "of them are applied here and the others are no longer in the code. Restore the original "
                      "migrations (0002_projects, 0003_index), migrate, then remove them again.");
}
TEST_CASE("A table created without a field and the field added later build the model's schema", "[migrations]") {
    auto database = drf_test::open_database();
    mig::Migrator migrator(database, {{"0001_initial", {}, {mig::create_table(only(mig::from_model<User>(), {"username", "is_active", "is_staff"}))}, {}},
                                      {"0002_last_login", {"0001_initial"}, {mig::add_column("users", column_of<User>("last_login"))}, {}}});
    migrator.migrate();
    CHECK(db::schema_differences<User>(database.connection()).empty());
}

TEST_CASE("add_index creates a composite index that serves a filtered, newest-first page without a sort", "[migrations]") {
    auto database = drf_test::open_database();
    mig::Migrator migrator(database, {{"0001_initial", {}, {mig::create_table(mig::from_model<User>()), mig::create_table(mig::from_model<Project>())}, {}},
                                      {"0002_project_owner_index",
                                       {"0001_initial"},
                                       {mig::add_index("projects", {"owner_id", "created_at", "id"})},
                                       {}}});
    CHECK(mig::add_index("projects", {"owner_id", "created_at", "id"}).sql(database.dialect()) ==
          std::vector<std::string>{
              R"(CREATE INDEX "projects_owner_id_created_at_id" ON "projects" ("owner_id", "created_at", "id"))"});
    migrator.migrate();
    const auto mine = db::objects<Project>(database).filter(db::eq(&Project::owner_id, drf::uuid4()));
    const std::string plan = mine.after({drf::now(), drf::uuid4()}).limit(25).explain();
    INFO(plan);
    CHECK(plan.find("projects_owner_id_created_at_id") != std::string::npos);
    CHECK(plan.find(drf_test::expect("TEMP B-TREE", "Sort")) == std::string::npos);

    mig::Migrator undo(database, {{"0003_drop", {}, {mig::remove_index("projects", {"owner_id", "created_at", "id"})}, {}}});
    undo.migrate();
    CHECK(mine.limit(25).explain().find("projects_owner_id_created_at_id") == std::string::npos);
}

TEST_CASE("add_column with default_value writes the default as the database's own literal", "[migrations]") {
    auto database = drf_test::open_database();
    mig::Migrator(database, {{"0001_initial", {}, {mig::create_table(mig::from_model<User>()), mig::create_table(only(mig::from_model<Project>(), {"name", "owner_id"}))}, {}}})
        .migrate();
    const User owner = db::objects<User>(database).create([] {
        User u;
        u.username = "owner";
        return u;
    }());
    // A row written before the new columns exist: only the columns 0001 created.
    const drf::Uuid id = drf::uuid4();
    {
        auto& insert = database.connection().prepare(
            R"(INSERT INTO "projects" ("id", "created_at", "updated_at", "name", "owner_id") VALUES (?, ?, ?, ?, ?))");
        insert.reset();
        db::ColumnTraits<drf::Uuid>::bind(insert, 1, id);
        db::ColumnTraits<drf::DateTime>::bind(insert, 2, drf::now());
        db::ColumnTraits<drf::DateTime>::bind(insert, 3, drf::now());
        insert.bind_text(4, "old");
        db::ColumnTraits<drf::Uuid>::bind(insert, 5, owner.id);
        insert.step();
        insert.reset();
    }
    CHECK(mig::add_column("projects", mig::column("archived", mig::boolean().default_value(true))).sql(database.dialect()) ==
          std::vector<std::string>{std::string(drf_test::expect(R"(ALTER TABLE "projects" ADD COLUMN "archived" INTEGER NOT NULL DEFAULT 1)",
                                                    R"(ALTER TABLE "projects" ADD COLUMN "archived" boolean NOT NULL DEFAULT true)"))});
    mig::Migrator(database,
                  {{"0001_initial", {}, {mig::create_table(mig::from_model<User>()), mig::create_table(only(mig::from_model<Project>(), {"name", "owner_id"}))}, {}},
                   {"0002_more",
                    {"0001_initial"},
                    {mig::add_column("projects", mig::column("description", mig::text().default_value("it's new"))),
                     mig::add_column("projects", mig::column("archived", mig::boolean().default_value(true))),
                     mig::add_column("projects", mig::column("stars", mig::integer().default_value(7))),
                     mig::add_column("projects", mig::column("score", mig::real().default_value(0.25))),
                     mig::add_column("projects", mig::column("note", mig::text().null()))},
                    {}}})
        .migrate();
    const Project old = db::objects<Project>(database).get(id);
    CHECK(old.description == "it's new");
    CHECK(old.archived);
    CHECK(old.stars == 7);
    CHECK(old.score == 0.25);
    CHECK_FALSE(old.note.has_value());
    CHECK(db::schema_differences<Project>(database.connection()).empty());
}

}  // namespace migrations_test
