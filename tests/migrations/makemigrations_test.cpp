// tests/migrations/makemigrations_test.cpp — sqlmigrate and makemigrations: the SQL a migration runs, in
// Django's format, and the migration files written from the difference between the replayed history
// and the models, with Django's messages and exit statuses.
#include "../support/database.hpp"

#include <drf/auth/migrations.hpp>
#include <drf/auth/user.hpp>
#include <drf/commands/makemigrations.hpp>
#include <drf/commands/sqlmigrate.hpp>
#include <drf/core/clock.hpp>
#include <drf/db/databases.hpp>
#include <drf/db/sqlite.hpp>
#include <drf/migrations.hpp>
#include <drf/models.hpp>

#include <catch2/catch.hpp>

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include <unistd.h>

namespace makemigrations_test {

namespace cmd = drf::commands;
namespace mig = drf::migrations;
namespace fs = std::filesystem;

struct Run {
    int status = 0;
    std::string out, err;
};

Run run(const cmd::Registry& registry, const std::string& name, std::vector<std::string> args = {}) {
    std::ostringstream out, err;
    Run r;
    r.status = cmd::call_command(registry, name, std::move(args), out, err);
    r.out = out.str();
    r.err = err.str();
    return r;
}

std::string read(const fs::path& p) {
    std::ifstream in(p);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

// A fresh directory for an app's migrations, removed at the end of the test.
struct TempDir {
    fs::path path;
    TempDir() {
        static int n = 0;
        path = fs::temp_directory_path() / ("drf_makemigrations_" + std::to_string(::getpid()) + "_" + std::to_string(++n));
        fs::remove_all(path);
        fs::create_directories(path);
    }
    ~TempDir() { fs::remove_all(path); }
};

mig::Migration initial() {
    return {"notes_0001_initial",
            {"auth_0001_initial"},
            {mig::create_table("notes_note",
                               {mig::column("id", mig::uuid().primary_key()), mig::column("created_at", mig::datetime()),
                                mig::column("updated_at", mig::datetime()), mig::column("title", mig::text().max_length(80)),
                                mig::column("author_id", mig::uuid().references("auth_user"))},
                               {{"created_at", "id"}, {"author_id"}})},
            {}};
}

std::vector<mig::Migration> history() {
    auto list = drf::auth::migrations();
    list.push_back(initial());
    return list;
}

namespace v1 {  // what notes_0001_initial froze
struct Note : drf::models::Model<Note> {
    std::string title;
    drf::Uuid author_id;
    static constexpr auto meta = drf::models::meta<Note>("notes_note", drf::models::field<&Note::title>().max_length(80),
                                                         drf::models::field<&Note::author_id>().references<drf::auth::User>());
};
}  // namespace v1
namespace v2 {  // gained an optional priority
struct Note : drf::models::Model<Note> {
    std::string title;
    drf::Uuid author_id;
    std::optional<std::int64_t> priority;
    static constexpr auto meta = drf::models::meta<Note>("notes_note", drf::models::field<&Note::title>().max_length(80),
                                                         drf::models::field<&Note::author_id>().references<drf::auth::User>(),
                                                         drf::models::field<&Note::priority>());
};
}  // namespace v2
namespace v3 {  // gained a NOT NULL field
struct Note : drf::models::Model<Note> {
    std::string title;
    drf::Uuid author_id;
    std::int64_t stars = 0;
    static constexpr auto meta = drf::models::meta<Note>("notes_note", drf::models::field<&Note::title>().max_length(80),
                                                         drf::models::field<&Note::author_id>().references<drf::auth::User>(),
                                                         drf::models::field<&Note::stars>());
};
}  // namespace v3
namespace v4 {  // title longer and indexed, author gone
struct Note : drf::models::Model<Note> {
    std::string title;
    static constexpr auto meta = drf::models::meta<Note>("notes_note", drf::models::field<&Note::title>().max_length(120).db_index());
};
}  // namespace v4

template <class Model>
cmd::Registry registry_for(const fs::path& directory, std::vector<mig::Migration> list = history()) {
    cmd::Registry registry("notes");
    registry.add<cmd::MakeMigrationsCommand>("makemigrations", mig::App{"notes", mig::models<Model>(), list, directory.string()});
    return registry;
}

// The list file makemigrations keeps up to date, next to the directory.
void write_list(const fs::path& directory) {
    std::ofstream(directory.string() + ".hpp") << "#pragma once\n\n#include \"" << directory.filename().string()
                                               << "/0001_initial.hpp\"\n\ninline std::vector<drf::migrations::Migration> migrations() {\n"
                                                  "    auto list = drf::auth::migrations();\n"
                                                  "    list.push_back(notes_migrations::migration_0001_initial());\n"
                                                  "    return list;\n}\n";
}

TEST_CASE("sqlmigrate prints the SQL of a migration in Django's format, for the configured database", "[migrations]") {
    drf::db::Databases databases([] { return drf_test::open_database(); });
    cmd::Registry registry;
    auto list = history();
    list.push_back({"notes_0002_seed", {"notes_0001_initial"}, {mig::run_code("add the welcome note", [](drf::db::Database&) {})}, {}});
    registry.add<cmd::SqlMigrateCommand>("sqlmigrate", std::ref(databases), list);

    const Run r = run(registry, "sqlmigrate", {"notes_0001_initial"});
    CHECK(r.status == 0);
    CHECK(r.out == std::string("BEGIN;\n--\n-- Create model notes_note\n--\nCREATE TABLE \"notes_note\" (\n") +
                       std::string(drf_test::expect(
                           "    \"id\" TEXT NOT NULL PRIMARY KEY,\n    \"created_at\" INTEGER NOT NULL,\n    \"updated_at\" INTEGER NOT NULL,\n"
                           "    \"title\" TEXT NOT NULL,\n    \"author_id\" TEXT NOT NULL REFERENCES \"auth_user\" (\"id\")\n",
                           "    \"id\" uuid NOT NULL PRIMARY KEY,\n    \"created_at\" timestamp with time zone NOT NULL,\n"
                           "    \"updated_at\" timestamp with time zone NOT NULL,\n    \"title\" text NOT NULL,\n"
                           "    \"author_id\" uuid NOT NULL REFERENCES \"auth_user\" (\"id\")\n")) +
                       ");\nCREATE INDEX \"notes_note_created_at_id\" ON \"notes_note\" (\"created_at\", \"id\");\n"
                       "CREATE INDEX \"notes_note_author_id\" ON \"notes_note\" (\"author_id\");\nCOMMIT;\n");
    SECTION("a data migration is named, and said not to be SQL") {
        CHECK(run(registry, "sqlmigrate", {"notes_0002"}).out ==
              "BEGIN;\n--\n-- Run add the welcome note\n--\n-- THIS OPERATION CANNOT BE WRITTEN AS SQL\nCOMMIT;\n");
    }
    SECTION("a name matching none, or several, is an error") {
        const Run none = run(registry, "sqlmigrate", {"notes_0009"});
        CHECK(none.status == 1);
        CHECK(none.err == "CommandError: Cannot find a migration matching 'notes_0009'.\n");
        CHECK(run(registry, "sqlmigrate", {"notes_000"}).err ==
              "CommandError: More than one migration matches 'notes_000'. Please be more specific.\n");
    }
    SECTION("run_sql with no text for the database's dialect is an error naming the migration") {
        cmd::Registry other;
        other.add<cmd::SqlMigrateCommand>("sqlmigrate", std::ref(databases),
                                          std::vector<mig::Migration>{{"x_0001", {}, {mig::run_sql({{"oracle", "SELECT 1"}})}, {}}});
        CHECK(run(other, "sqlmigrate", {"x_0001"}).err ==
              "CommandError: Migration x_0001: no SQL for the " + std::string(drf_test::backend()) + " dialect.\n");
    }
}

TEST_CASE("Replaying the history gives the schema the migrations build, without a database", "[migrations]") {
    const mig::SchemaState state = mig::replay(history());
    REQUIRE(state.table("notes_note") != nullptr);
    CHECK(state.created_by.at("auth_user") == "auth_0001_initial");
    CHECK(state.table("notes_note")->columns.back() == mig::column("author_id", mig::uuid().references("auth_user")));
    CHECK(mig::detect_changes(mig::App{"notes", mig::models<v1::Note>(), history(), ""}, state).empty());

    auto list = history();
    list.push_back({"notes_0002", {"notes_0001_initial"},
                    {mig::add_column("notes_note", mig::column("body", mig::text().default_value(""))),
                     mig::rename_column("notes_note", "title", "heading"), mig::remove_column("notes_note", "author_id"),
                     mig::run_sql("UPDATE notes_note SET body = heading")},
                    {}});
    const mig::SchemaState after = mig::replay(list);
    const auto* note = after.table("notes_note");
    REQUIRE(note->columns.size() == 5);
    CHECK(note->columns[3].name == "heading");
    CHECK(note->columns[4].name == "body");
    CHECK(note->indexes == std::vector<mig::Index>{mig::index("notes_note", {"created_at", "id"})});
}

TEST_CASE("makemigrations with no model changes says so and writes nothing", "[migrations]") {
    TempDir dir;
    const Run r = run(registry_for<v1::Note>(dir.path), "makemigrations", {"--check"});
    CHECK(r.status == 0);
    CHECK(r.out == "No changes detected in app 'notes'\n");
    CHECK(fs::is_empty(dir.path));
}

TEST_CASE("makemigrations writes a migration of values for a new field, named after it, and adds it to the list", "[migrations]") {
    TempDir dir;
    const fs::path migrations = dir.path / "migrations";
    fs::create_directories(migrations);
    write_list(migrations);
    const Run r = run(registry_for<v2::Note>(migrations), "makemigrations");
    CHECK(r.status == 0);
    CHECK(r.err.empty());
    CHECK(r.out == "Migrations for 'notes':\n  " + (migrations / "0002_note_priority.hpp").generic_string() +
                       "\n    - Add field priority to note\n");
    const std::string source = read(migrations / "0002_note_priority.hpp");
    CHECK(source.find("inline drf::migrations::Migration migration_0002_note_priority() {") != std::string::npos);
    CHECK(source.find("    return {\"notes_0002_note_priority\",\n            {\"notes_0001_initial\"},\n") != std::string::npos);
    CHECK(source.find("mig::add_column(\"notes_note\", mig::column(\"priority\", mig::integer().null())),") != std::string::npos);
    CHECK(source.find("Note") == std::string::npos);  // never the model
    const std::string list = read(migrations.string() + ".hpp");
    CHECK(list.find("#include \"migrations/0001_initial.hpp\"\n#include \"migrations/0002_note_priority.hpp\"\n") != std::string::npos);
    CHECK(list.find("    list.push_back(notes_migrations::migration_0001_initial());\n"
                    "    list.push_back(notes_migrations::migration_0002_note_priority());\n") != std::string::npos);

    SECTION("--name names it") {
        CHECK(run(registry_for<v2::Note>(migrations), "makemigrations", {"--name", "rank"}).status == 0);
        CHECK(fs::exists(migrations / "0002_rank.hpp"));
    }
}

TEST_CASE("makemigrations --check and --dry-run print the migration and write nothing; --check exits 1", "[migrations]") {
    TempDir dir;
    const Run check = run(registry_for<v2::Note>(dir.path), "makemigrations", {"--check"});
    CHECK(check.status == 1);
    CHECK(check.out.find("    - Add field priority to note\n") != std::string::npos);
    CHECK(check.err == "CommandError: The models have changes that no migration has yet: run makemigrations.\n");
    const Run dry = run(registry_for<v2::Note>(dir.path), "makemigrations", {"--dry-run"});
    CHECK(dry.status == 0);
    CHECK(dry.out == check.out);
    CHECK(fs::is_empty(dir.path));
}

TEST_CASE("makemigrations refuses a new NOT NULL field without a default, with Django's message and status 3", "[migrations]") {
    TempDir dir;
    const Run r = run(registry_for<v3::Note>(dir.path), "makemigrations");
    CHECK(r.status == 3);
    CHECK(r.err ==
          "CommandError: You are trying to add a non-nullable field 'stars' to note without a default; we can't do that "
          "(the database needs something to populate existing rows).\nMake the member std::optional, or write this "
          "migration yourself (makemigrations --empty) with add_column(..., column(\"stars\", ...).default_value(...)).\n");
    CHECK(fs::is_empty(dir.path));
}

TEST_CASE("makemigrations detects altered and removed fields and the indexes that follow them", "[migrations]") {
    const auto changes = mig::detect_changes(mig::App{"notes", mig::models<v4::Note>(), history(), ""}, mig::replay(history()));
    std::vector<std::string> said;
    for (const auto& c : changes) said.push_back(c.description);
    CHECK(said == std::vector<std::string>{"Alter field title on note", "Remove field author_id from note"});
    const auto& alter = std::get<mig::AlterColumn>(changes[0].operation.action);
    CHECK(alter.from.max_length == 80);
    CHECK(alter.to == mig::column("title", mig::text().db_index().max_length(120)));
    // The altered column's index comes with alter_column; no separate add_index.
    CHECK(changes[0].operation.sql(drf::db::sqlite::SqliteDialect()) ==
          std::vector<std::string>{R"(CREATE INDEX "notes_note_title" ON "notes_note" ("title"))"});
    CHECK(mig::suggest_name(changes, false, "x") == "alter_note_title_remove_note_author_id");
}

TEST_CASE("makemigrations writes an app's first migration as initial, depending on the tables it references", "[migrations]") {
    TempDir dir;
    const Run r = run(registry_for<v1::Note>(dir.path, drf::auth::migrations()), "makemigrations");
    CHECK(r.status == 0);
    CHECK(r.out.find("0001_initial.hpp\n    - Create model note\n") != std::string::npos);
    CHECK(r.err == "Add it to the app's migration list: #include \"" + dir.path.filename().string() +
                       "/0001_initial.hpp\" and list.push_back(notes_migrations::migration_0001_initial());\n");
    const std::string source = read(dir.path / "0001_initial.hpp");
    CHECK(source.find("{\"auth_0001_initial\"},") != std::string::npos);
    CHECK(source.find("mig::column(\"author_id\", mig::uuid().references(\"auth_user\")),") != std::string::npos);
    CHECK(source.find("{{\"created_at\", \"id\"}, {\"author_id\"}}),") != std::string::npos);
}

TEST_CASE("makemigrations --empty writes a data migration to fill in", "[migrations]") {
    TempDir dir;
    drf::FrozenClock clock(*drf::parse_datetime("2026-12-02T06:53:00Z"));
    drf::ClockOverride use(clock);
    const Run r = run(registry_for<v1::Note>(dir.path), "makemigrations", {"--empty"});
    CHECK(r.status == 0);
    CHECK(r.out == "Migrations for 'notes':\n  " + (dir.path / "0002_auto_20261202_0653.hpp").generic_string() + "\n");
    const std::string source = read(dir.path / "0002_auto_20261202_0653.hpp");
    CHECK(source.find("mig::run_code(\"describe what this data migration does\", [](drf::db::Database& database) {") !=
          std::string::npos);
}

}  // namespace makemigrations_test
