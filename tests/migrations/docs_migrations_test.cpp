// tests/migrations/docs_migrations_test.cpp — the examples in docs/migrations.md, compiled and run (the
// page's `assert`s are CHECKs here), and the rows of the page's rule tables, so the page cannot claim
// what the code does not do. Each snippet's types live in their own named namespace (other tests link
// into the same binary and have their own User and Project).
#include "../support/migrations.hpp"

#include <drf/db.hpp>
#include <drf/db/sqlite.hpp>
#include <drf/migrations.hpp>
#include <drf/models.hpp>

#include <catch2/catch.hpp>

#include <algorithm>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace docs_migrations_rules {

// =================================================================================================
// The example
// =================================================================================================

namespace docs_migrations_example {

namespace db = drf::db;
namespace mig = drf::migrations;

struct User : drf::models::Model<User> {
    std::string username;
    bool is_active = true;
    bool is_staff = false;
    std::optional<drf::DateTime> last_login;  // added by 0003
    static constexpr auto meta = drf::models::meta<User>(
        "users", drf::models::field<&User::username>().unique(),
        drf::models::field<&User::is_active>(), drf::models::field<&User::is_staff>(),
        drf::models::field<&User::last_login>());
};

struct Project : drf::models::Model<Project> {
    std::string name;
    drf::Uuid owner_id;
    bool archived = false;  // added by 0004
    static constexpr auto meta = drf::models::meta<Project>(
        "projects", drf::models::field<&Project::name>(),
        drf::models::field<&Project::owner_id>().references<User>(),
        drf::models::field<&Project::archived>());
};

// The app's migrations, oldest first; each is one logical change.
std::vector<mig::Migration> migrations() {
    return {
        {"0001_initial", {},
         {mig::create_table("users",
                            {mig::column("id", mig::uuid().primary_key()), mig::column("created_at", mig::datetime()),
                             mig::column("updated_at", mig::datetime()), mig::column("username", mig::text().unique()),
                             mig::column("is_active", mig::boolean()), mig::column("is_staff", mig::boolean())},
                            {{"created_at", "id"}}),
          mig::create_table("projects",
                            {mig::column("id", mig::uuid().primary_key()), mig::column("created_at", mig::datetime()),
                             mig::column("updated_at", mig::datetime()), mig::column("name", mig::text()),
                             mig::column("owner_id", mig::uuid().references("users"))},
                            {{"created_at", "id"}, {"owner_id"}})}, {}},
        // A data migration, on its own. It writes only the columns that exist at this point of the
        // history, so it keeps working after User gains fields (see "Data migrations").
        {"0002_seed_admin", {"0001_initial"},
         {mig::run_code("create the admin user", [](db::Database& database) {
             auto& insert = database.connection().prepare(
                 "INSERT INTO \"users\" (\"id\", \"created_at\", \"updated_at\", \"username\", \"is_active\", \"is_staff\") "
                 "VALUES (?, ?, ?, 'admin', 1, 1)");
             const auto now = drf::now();
             insert.reset();
             insert.bind_uuid(1, drf::uuid4());
             insert.bind_datetime(2, now);
             insert.bind_datetime(3, now);
             insert.step();
             insert.reset();
         })}, {}},
        {"0003_user_last_login", {"0002_seed_admin"}, {mig::add_column("users", mig::column("last_login", mig::datetime().null()))}, {}},
        // NOT NULL: the rows already there need a value (DEFAULT 0 on SQLite, DEFAULT false on PostgreSQL).
        {"0004_project_archived", {"0001_initial"}, {mig::add_column("projects", mig::column("archived", mig::boolean().default_value(false)))}, {}},
    };
}

TEST_CASE("docs/migrations.md: the example migrates a fresh database, then does nothing the second time", "[migrations]") {
    auto database = db::sqlite::open(":memory:");
    mig::Migrator migrator(database, migrations());

    std::vector<std::string> log;  // python manage.py migrate
    migrator.migrate([&](const mig::PlanStep& step) { log.push_back("Applying " + step.name + "..."); },
                     [&](const mig::PlanStep&) { log.back() += " OK"; });
    CHECK(log == std::vector<std::string>{"Applying 0001_initial... OK", "Applying 0002_seed_admin... OK",
                                          "Applying 0003_user_last_login... OK",
                                          "Applying 0004_project_archived... OK"});

    // The schema the migrations built is the one the models describe (run this in CI).
    CHECK(db::schema_differences<User>(database.connection()).empty());
    CHECK(db::schema_differences<Project>(database.connection()).empty());
    CHECK(db::objects<User>(database).get(db::eq(&User::username, "admin")).is_staff);

    // A second run does nothing; showmigrations lists every migration as applied.
    CHECK(migrator.plan().empty());
    CHECK(migrator.migrate().empty());
    const auto states = migrator.showmigrations();
    REQUIRE(states.size() == 4);
    for (const mig::MigrationState& state : states) CHECK(state.applied);
    CHECK(db::objects<User>(database).count() == 1);  // the data migration ran once
}

// The page's CI test, word for word but for its name.
TEST_CASE("docs/migrations.md: the CI test — migrations build the schema the models describe, on a fresh database",
          "[migrations]") {
    auto database = drf::db::sqlite::open(":memory:");
    drf::migrations::Migrator(database, migrations()).migrate();
    CHECK(drf::db::schema_differences<User>(database.connection()).empty());
    CHECK(drf::db::schema_differences<Project>(database.connection()).empty());
}

}  // namespace docs_migrations_example

// =================================================================================================
// The rules
// =================================================================================================

namespace db = drf::db;
namespace mig = drf::migrations;

using test_support::only;
using docs_migrations_example::migrations;
using docs_migrations_example::Project;
using docs_migrations_example::User;

std::vector<std::string> names(const std::vector<mig::PlanStep>& steps) {
    std::vector<std::string> out;
    for (const auto& s : steps) out.push_back(s.name);
    return out;
}

std::vector<std::string> index_names(db::Database& database) {
    auto& s = database.connection().prepare(
        "SELECT \"name\" FROM sqlite_master WHERE type = 'index' AND \"name\" NOT LIKE 'sqlite_autoindex_%' ORDER BY \"name\"");
    s.reset();
    std::vector<std::string> out;
    while (s.step()) out.emplace_back(s.column_text(0));
    s.reset();
    return out;
}

std::int64_t count_rows(db::Database& database, const std::string& table) {
    auto& s = database.connection().prepare("SELECT COUNT(*) FROM " + table);
    s.reset();
    s.step();
    const auto n = s.column_int(0);
    s.reset();
    return n;
}

struct Team : drf::models::Model<Team> {
    std::string name;
    std::string code;
    int size = 0;
    std::optional<std::string> motto;
    drf::Uuid lead_id;
    std::optional<drf::Uuid> coach_id;
    std::string slug;
    static constexpr auto meta = drf::models::meta<Team>(
        "teams", drf::models::field<&Team::name>(), drf::models::field<&Team::code>().unique(),
        drf::models::field<&Team::size>(), drf::models::field<&Team::motto>(),
        drf::models::field<&Team::lead_id>().references<User>(),
        drf::models::field<&Team::coach_id>().references<User>(),
        drf::models::field<&Team::slug>().db_index());
};

TEST_CASE("docs/migrations.md: the operations table", "[migrations]") {
    auto database = db::sqlite::open(":memory:");
    const auto& dialect = database.dialect();
    CHECK(mig::run_sql("CREATE INDEX a ON b (c)").sql(dialect) == std::vector<std::string>{"CREATE INDEX a ON b (c)"});
    CHECK(mig::run_sql({{"sqlite", "SELECT 1"}, {"postgresql", "SELECT 2"}}).sql(dialect) == std::vector<std::string>{"SELECT 1"});
    CHECK(mig::add_column("users", mig::column("last_login", mig::datetime().null())).sql(dialect) ==
          std::vector<std::string>{"ALTER TABLE \"users\" ADD COLUMN \"last_login\" INTEGER"});
    CHECK(mig::add_column("projects", mig::column("archived", mig::boolean().default_value(false))).sql(dialect) ==
          std::vector<std::string>{"ALTER TABLE \"projects\" ADD COLUMN \"archived\" INTEGER NOT NULL DEFAULT 0"});
    CHECK(mig::add_column("users", mig::column("username", mig::text().unique().default_value("it's"))).sql(dialect) ==
          std::vector<std::string>{"ALTER TABLE \"users\" ADD COLUMN \"username\" TEXT NOT NULL UNIQUE DEFAULT 'it''s'"});
    CHECK(mig::add_index("projects", {"owner_id", "name"}).sql(dialect) ==
          std::vector<std::string>{"CREATE INDEX \"projects_owner_id_name\" ON \"projects\" (\"owner_id\", \"name\")"});
    CHECK(mig::remove_index("projects", {"owner_id", "name"}).sql(dialect) ==
          std::vector<std::string>{"DROP INDEX \"projects_owner_id_name\""});
    CHECK(mig::remove_column("projects", "name").sql(dialect) ==
          std::vector<std::string>{"DROP INDEX IF EXISTS \"projects_name\"", "ALTER TABLE \"projects\" DROP COLUMN \"name\""});
    CHECK(mig::rename_column("projects", "name", "title").sql(dialect) ==
          std::vector<std::string>{"ALTER TABLE \"projects\" RENAME COLUMN \"name\" TO \"title\""});
    CHECK(mig::create_table("projects",
                            {mig::column("id", mig::uuid().primary_key()), mig::column("created_at", mig::datetime()),
                             mig::column("updated_at", mig::datetime()), mig::column("name", mig::text())},
                            {{"created_at", "id"}})
              .sql(dialect) ==
          std::vector<std::string>{"CREATE TABLE \"projects\" (\n    \"id\" TEXT NOT NULL PRIMARY KEY,\n    \"created_at\" INTEGER NOT NULL,\n"
                                   "    \"updated_at\" INTEGER NOT NULL,\n    \"name\" TEXT NOT NULL\n)",
                                   "CREATE INDEX \"projects_created_at_id\" ON \"projects\" (\"created_at\", \"id\")"});
    CHECK(mig::create_table(mig::from_model<Project>()).sql(dialect).back() == "CREATE INDEX \"projects_owner_id\" ON \"projects\" (\"owner_id\")");
    CHECK(mig::create_table(mig::from_model<Team>()).sql(dialect).size() == 5);  // table, ordering, lead_id, coach_id, slug; not code

    // Several statements in one run_sql.
    mig::Migrator(database, {{"0001", {}, {mig::run_sql("CREATE TABLE a (x INTEGER); CREATE TABLE b (y INTEGER)")}, {}}}).migrate();
    CHECK(database.connection().table_columns("b").size() == 1);
    bool ran = false;
    mig::Migrator(database, {{"0002", {}, {mig::run_code("flip a flag", [&](db::Database&) { ran = true; })}, {}}}).migrate();
    CHECK(ran);
}

TEST_CASE("docs/migrations.md: the add_field table", "[migrations]") {
    auto database = db::sqlite::open(":memory:");
    const std::vector<mig::Migration> base{
        {"0001", {}, {mig::create_table(only(mig::from_model<User>(), {"username"})), mig::create_table(only(mig::from_model<Team>(), {"name"}))}, {}},
        {"0002", {"0001"}, {mig::run_sql("INSERT INTO teams (\"id\", \"created_at\", \"updated_at\", \"name\") VALUES ('t', 0, 0, 'x')")}, {}}};
    mig::Migrator(database, base).migrate();
    auto with = [&](mig::Operation op) {
        auto list = base;
        list.push_back({"0003", {"0002"}, {std::move(op)}, {}});
        return mig::Migrator(database, list);
    };
    CHECK_NOTHROW(with(mig::add_column("teams", mig::column("motto", mig::text().null()))).migrate());
    database.connection().execute("DELETE FROM drf_migrations WHERE \"name\" = '0003'");
    CHECK_THROWS_WITH(with(mig::add_column("teams", mig::column("size", mig::integer()))).migrate(), "Cannot add a NOT NULL column with default value NULL: SQL logic error");
    CHECK_NOTHROW(with(mig::add_column("teams", mig::column("size", mig::integer().default_value(0)))).migrate());
    database.connection().execute("DELETE FROM drf_migrations WHERE \"name\" = '0003'");
    CHECK_THROWS_WITH(with(mig::add_column("teams", mig::column("code", mig::text().unique().default_value("")))).migrate(), "Cannot add a UNIQUE column: SQL logic error");
    CHECK_THROWS_WITH(with(mig::add_column("teams", mig::column("lead_id", mig::uuid().references("users").default_value(drf::uuid4())))).migrate(),
                      "Cannot add a REFERENCES column with non-NULL default value: SQL logic error");
    CHECK_NOTHROW(with(mig::add_column("teams", mig::column("coach_id", mig::uuid().null().references("users")))).migrate());
    database.connection().execute("DELETE FROM drf_migrations WHERE \"name\" = '0003'");
    CHECK_NOTHROW(with(mig::add_column("teams", mig::column("slug", mig::text().db_index().default_value("")))).migrate());
    // The column only: no teams_coach_id or teams_slug index, unlike create_table.
    CHECK(index_names(database) == std::vector<std::string>{"teams_created_at_id", "users_created_at_id"});

    SECTION("on an empty table a NOT NULL column without DEFAULT is added, so a fresh database does not catch it") {
        auto empty = db::sqlite::open(":memory:");
        CHECK_NOTHROW(mig::Migrator(empty, {{"0001", {}, {mig::create_table(only(mig::from_model<Team>(), {"name"}))}, {}},
                                            {"0002", {"0001"}, {mig::add_column("teams", mig::column("size", mig::integer()))}, {}}})
                          .migrate());
    }
}

namespace v1 {
struct User : drf::models::Model<User> {
    std::string username;
    bool is_active = true;
    static constexpr auto meta = drf::models::meta<User>(
        "users", drf::models::field<&User::username>().unique(), drf::models::field<&User::is_active>());
};
}  // namespace v1
namespace v2 {  // the same model after it gained `bio`
struct User : drf::models::Model<User> {
    std::string username;
    bool is_active = true;
    std::string bio;
    static constexpr auto meta = drf::models::meta<User>(
        "users", drf::models::field<&User::username>().unique(), drf::models::field<&User::is_active>(),
        drf::models::field<&User::bio>());
};
}  // namespace v2
namespace v3 {  // a named field's definition changed: username is no longer unique
struct User : drf::models::Model<User> {
    std::string username;
    bool is_active = true;
    std::string bio;
    static constexpr auto meta = drf::models::meta<User>(
        "users", drf::models::field<&User::username>(), drf::models::field<&User::is_active>(),
        drf::models::field<&User::bio>());
};
}  // namespace v3

TEST_CASE("docs/migrations.md: a migration derived from the model changes with it; a frozen one does not", "[migrations]") {
    auto deployed = db::sqlite::open(":memory:");
    mig::Migrator(deployed, {{"0001_initial", {}, {mig::create_table(mig::from_model<v1::User>())}, {}}}).migrate();

    // The model gains `bio`: a migration that reads the model now means something else.
    mig::Migrator unfrozen(deployed, {{"0001_initial", {}, {mig::create_table(mig::from_model<v2::User>())}, {}}});
    CHECK_THROWS_AS(unfrozen.migrate(), mig::MigrationError);
    CHECK_THROWS_WITH(unfrozen.plan(), Catch::StartsWith("Migration 0001_initial has changed since it was applied (checksum ") &&
                                           Catch::EndsWith(" now). Never edit a deployed migration: restore it and add a new one."));

    // The frozen spelling of what v1 created (what makemigrations writes): the same SQL, so the same
    // checksum, whatever User becomes; bio comes in 0002.
    const std::vector<mig::Migration> frozen{
        {"0001_initial", {},
         {mig::create_table("users",
                            {mig::column("id", mig::uuid().primary_key()), mig::column("created_at", mig::datetime()),
                             mig::column("updated_at", mig::datetime()), mig::column("username", mig::text().unique()),
                             mig::column("is_active", mig::boolean())},
                            {{"created_at", "id"}})},
         {}},
        {"0002_user_bio", {"0001_initial"}, {mig::add_column("users", mig::column("bio", mig::text().default_value("")))}, {}}};
    mig::Migrator migrator(deployed, frozen);
    CHECK(migrator.checksum(frozen[0]) == migrator.checksum({"0001_initial", {}, {mig::create_table(mig::from_model<v1::User>())}, {}}));
    CHECK(names(migrator.migrate()) == std::vector<std::string>{"0002_user_bio"});
    CHECK(db::schema_differences<v2::User>(deployed.connection()).empty());
    auto fresh = db::sqlite::open(":memory:");
    mig::Migrator(fresh, frozen).migrate();
    CHECK(db::schema_differences<v2::User>(fresh.connection()).empty());
    // v3 drops username's UNIQUE: the frozen 0001 is still what was deployed.
    CHECK(mig::Migrator(deployed, frozen).plan().empty());
    CHECK(db::schema_differences<v3::User>(deployed.connection()).empty());  // UNIQUE is not compared
}

TEST_CASE("docs/migrations.md: the data migrations table", "[migrations]") {
    auto database = db::sqlite::open(":memory:");
    const auto admin_by_model = [](db::Database& d) {
        User admin;
        admin.username = "admin";
        db::objects<User>(d).create(admin);  // writes every column User has today, last_login included
    };
    SECTION("objects<T> in a data migration fails on a fresh database once T has gained a field") {
        auto list = migrations();
        list[1].operations = {mig::run_code("create the admin user", admin_by_model)};
        CHECK_THROWS_WITH(mig::Migrator(database, list).migrate(), Catch::Contains("table users has no column named last_login"));
        CHECK(names(mig::Migrator(database, migrations()).plan()) ==
              std::vector<std::string>{"0002_seed_admin", "0003_user_last_login", "0004_project_archived"});
    }
    SECTION("run_code's checksum covers its name only") {
        mig::Migrator migrator(database, {});
        const mig::Migration a{"0002", {}, {mig::run_code("create the admin user", [](db::Database&) {})}, {}};
        const mig::Migration b{"0002", {}, {mig::run_code("create the admin user", admin_by_model)}, {}};
        const mig::Migration c{"0002", {}, {mig::run_code("create the first admin", [](db::Database&) {})}, {}};
        CHECK(migrator.checksum(a) == migrator.checksum(b));
        CHECK(migrator.checksum(a) != migrator.checksum(c));
        CHECK(migrator.checksum(a).size() == 64);
    }
    SECTION("a data migration that throws is rolled back with the schema changes of its migration, and not recorded") {
        mig::Migrator migrator(database, {{"0001", {}, {mig::create_table(mig::from_model<User>()), mig::run_code("seed then fail", [&](db::Database& d) {
                                                           admin_by_model(d);
                                                           throw std::runtime_error("stop");
                                                       })},
                                           {}}});
        CHECK_THROWS_WITH(migrator.migrate(), "stop");
        CHECK(database.connection().table_columns("users").empty());
        CHECK(count_rows(database, "drf_migrations") == 0);
    }
}

TEST_CASE("docs/migrations.md: the Migrator table and the applied table", "[migrations]") {
    auto database = db::sqlite::open(":memory:");
    CHECK_THROWS_WITH(mig::Migrator(database, {{"a", {}, {}, {}}, {"a", {}, {}, {}}}), "Migration a is declared twice.");

    mig::Migrator migrator(database, migrations());
    const auto plan = migrator.plan();
    CHECK(names(plan) == std::vector<std::string>{"0001_initial", "0002_seed_admin", "0003_user_last_login", "0004_project_archived"});
    for (const auto& step : plan) CHECK_FALSE(step.record_only);
    std::vector<std::string> columns;
    for (const auto& c : database.connection().table_columns("drf_migrations"))
        columns.push_back(c.name + " " + c.type + (c.not_null ? " NOT NULL" : "") + (c.primary_key ? " PRIMARY KEY" : ""));
    CHECK(columns == std::vector<std::string>{"name TEXT NOT NULL PRIMARY KEY", "applied_at INTEGER NOT NULL", "checksum TEXT NOT NULL"});

    // fake: recorded, not run.
    drf::FrozenClock clock(*drf::parse_datetime("2026-11-24T10:00:00Z"));
    drf::ClockOverride use(clock);
    CHECK(names(migrator.migrate({}, {}, true)) == names(plan));
    CHECK(database.connection().table_columns("users").empty());
    CHECK(migrator.plan().empty());
    auto& s = database.connection().prepare("SELECT applied_at, checksum FROM drf_migrations WHERE \"name\" = '0001_initial'");
    s.reset();
    REQUIRE(s.step());
    CHECK(s.column_int(0) == drf::to_unix_micros(drf::now()));
    CHECK(s.column_text(1) == migrator.checksum(migrations()[0]));
    s.reset();

    // showmigrations does not check checksums.
    auto edited = migrations();
    edited[0].operations.push_back(mig::run_sql("SELECT 1"));
    mig::Migrator changed(database, edited);
    CHECK_NOTHROW(changed.showmigrations());
    CHECK_THROWS_AS(changed.plan(), mig::MigrationError);
}

TEST_CASE("docs/migrations.md: the migrate() table", "[migrations]") {
    auto database = db::sqlite::open(":memory:");
    SECTION("an edited applied migration is refused before anything runs") {
        mig::Migrator(database, migrations()).migrate();
        auto edited = migrations();
        edited[0].operations.push_back(mig::run_sql("CREATE TABLE sneaky (x INTEGER)"));
        edited.push_back({"0005_more", {"0004_project_archived"}, {mig::run_sql("CREATE TABLE more (x INTEGER)")}, {}});
        CHECK_THROWS_WITH(mig::Migrator(database, edited).migrate(),
                          Catch::StartsWith("Migration 0001_initial has changed since it was applied (checksum "));
        CHECK(database.connection().table_columns("more").empty());
        CHECK(database.connection().table_columns("sneaky").empty());
    }
    SECTION("a failing migration is rolled back and not recorded; the ones before it stay applied") {
        auto list = migrations();
        list.push_back({"0005_broken", {"0004_project_archived"},
                        {mig::run_sql("CREATE TABLE half (x INTEGER)"), mig::run_sql("NOT SQL")}, {}});
        CHECK_THROWS_AS(mig::Migrator(database, list).migrate(), db::DatabaseError);
        CHECK(database.connection().table_columns("half").empty());
        CHECK(count_rows(database, "drf_migrations") == 4);
        CHECK(names(mig::Migrator(database, list).plan()) == std::vector<std::string>{"0005_broken"});
    }
    SECTION("per-dialect SQL with no text for this dialect") {
        CHECK_THROWS_WITH(mig::Migrator(database, {{"0002", {}, {mig::run_sql({{"postgresql", "SELECT 1"}})}, {}}}).migrate(),
                          "Migration 0002: no SQL for the sqlite dialect.");
    }
    SECTION("unknown dependencies and cycles") {
        CHECK_THROWS_WITH(mig::Migrator(database, {{"0002", {"0001"}, {}, {}}}).plan(),
                          "Migration 0002 depends on 0001, which does not exist.");
        CHECK_THROWS_WITH(mig::Migrator(database, {{"a", {"b"}, {}, {}}, {"b", {"a"}, {}, {}}}).plan(),
                          "Migrations depend on each other in a cycle: a, b.");
    }
    SECTION("a dependency applied and since removed from the code is ignored") {
        mig::Migrator(database, {{"0001", {}, {}, {}}}).migrate();
        CHECK(names(mig::Migrator(database, {{"0002", {"0001"}, {}, {}}}).migrate()) == std::vector<std::string>{"0002"});
    }
}

mig::Migration squashed() {
    return {"0001_squashed_0004", {},
            {mig::create_table(mig::from_model<User>()), mig::create_table(mig::from_model<Project>()),
             migrations()[1].operations[0]},
            {"0001_initial", "0002_seed_admin", "0003_user_last_login", "0004_project_archived"}};
}

TEST_CASE("docs/migrations.md: the squashing table", "[migrations]") {
    auto database = db::sqlite::open(":memory:");
    SECTION("none applied: the squash runs instead, and a dependency on a replaced migration waits for it") {
        auto list = migrations();
        list.push_back(squashed());
        list.push_back({"0005_more", {"0003_user_last_login"}, {mig::run_sql("CREATE TABLE more (x INTEGER)")}, {}});
        mig::Migrator migrator(database, list);
        CHECK(names(migrator.migrate()) == std::vector<std::string>{"0001_squashed_0004", "0005_more"});
        CHECK(db::schema_differences<User>(database.connection()).empty());
        CHECK(db::schema_differences<Project>(database.connection()).empty());
        CHECK(db::objects<User>(database).count() == 1);
        const auto states = migrator.showmigrations();
        REQUIRE(states.size() == 2);
        CHECK(states[0].name == "0001_squashed_0004");
        CHECK(states[0].applied);
    }
    SECTION("all applied: the squash is recorded without running; the originals can then go") {
        mig::Migrator(database, migrations()).migrate();
        auto list = migrations();
        list.push_back(squashed());
        const auto plan = mig::Migrator(database, list).plan();
        REQUIRE(plan.size() == 1);
        CHECK(plan[0].name == "0001_squashed_0004");
        CHECK(plan[0].record_only);
        mig::Migrator(database, list).migrate();
        CHECK(db::objects<User>(database).count() == 1);  // the squash's data step did not run
        mig::Migrator without_originals(database, {squashed(), {"0005_more", {"0003_user_last_login"}, {}, {}}});
        CHECK(names(without_originals.migrate()) == std::vector<std::string>{"0005_more"});
    }
    SECTION("some applied: the rest of the originals run, then the squash is recorded") {
        mig::Migrator(database, {migrations()[0]}).migrate();
        auto list = migrations();
        list.push_back(squashed());
        CHECK(names(mig::Migrator(database, list).migrate()) ==
              std::vector<std::string>{"0002_seed_admin", "0003_user_last_login", "0004_project_archived",
                                       "0001_squashed_0004"});
        CHECK(mig::Migrator(database, list).plan().empty());
    }
    SECTION("some applied, the others gone from the code: an error naming them") {
        mig::Migrator(database, {migrations()[0]}).migrate();
        CHECK_THROWS_WITH(mig::Migrator(database, {squashed()}).plan(),
                          "Migration 0001_squashed_0004 replaces 0001_initial, 0002_seed_admin, 0003_user_last_login, "
                          "0004_project_archived, but only 0001_initial of them are applied here and the others are no "
                          "longer in the code. Restore the original migrations (0002_seed_admin, 0003_user_last_login, "
                          "0004_project_archived), migrate, then remove them again.");
    }
}

TEST_CASE("docs/migrations.md: schema_differences names each difference", "[migrations]") {
    auto database = db::sqlite::open(":memory:");
    database.connection().execute(
        "CREATE TABLE \"users\" (\"id\" TEXT NOT NULL PRIMARY KEY, \"created_at\" INTEGER NOT NULL, \"updated_at\" INTEGER NOT NULL, "
        "\"username\" TEXT NOT NULL, \"is_active\" TEXT NOT NULL, \"last_login\" INTEGER NOT NULL, extra TEXT)");
    CHECK(db::schema_differences<User>(database.connection()) ==
          std::vector<std::string>{"users.is_active is TEXT, the model says INTEGER", "users.is_staff is missing",
                                   "users.last_login is NOT NULL, the model says nullable", "users.extra is not in the model"});
    CHECK(db::schema_differences<Project>(database.connection()) == std::vector<std::string>{"table projects does not exist"});
}

}  // namespace docs_migrations_rules
