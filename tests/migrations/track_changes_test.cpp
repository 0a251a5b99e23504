// tests/migrations/track_changes_test.cpp — track_changes(table): the operation that installs a table's
// change counter, its SQL on each dialect, and that makemigrations sees nothing in it. On every backend.
#include "../support/database.hpp"

#include <drf/db.hpp>
#include <drf/db/postgresql.hpp>
#include <drf/db/sqlite.hpp>
#include <drf/migrations.hpp>

#include <catch2/catch.hpp>

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace track_changes_test {

namespace mig = drf::migrations;

struct Thing : drf::models::Model<Thing> {
    std::string name;
    static constexpr auto meta = drf::models::meta<Thing>("tc_things", drf::models::field<&Thing::name>());
};

// A dialect drf has no trigger SQL for: SQLite's, under another name.
struct OtherDialect final : drf::db::Dialect {
    drf::db::sqlite::SqliteDialect s;
    std::string_view name() const override { return "mysql"; }
    std::string placeholders(std::string_view sql) const override { return s.placeholders(sql); }
    std::string column_type(drf::db::ColumnKind kind) const override { return s.column_type(kind); }
    std::string contains(std::string_view c) const override { return s.contains(c); }
    std::string icontains(std::string_view c) const override { return s.icontains(c); }
    std::string iexact(std::string_view c) const override { return s.iexact(c); }
    std::string startswith(std::string_view c) const override { return s.startswith(c); }
    std::string istartswith(std::string_view c) const override { return s.istartswith(c); }
    std::string endswith(std::string_view c) const override { return s.endswith(c); }
    std::string iendswith(std::string_view c) const override { return s.iendswith(c); }
    std::string explain(std::string_view sql) const override { return s.explain(sql); }
    int explain_column() const override { return s.explain_column(); }
    std::string_view no_limit() const override { return s.no_limit(); }
};

TEST_CASE("track_changes is an opaque step named after its table, which makemigrations replays as no change", "[migrations]") {
    const mig::Operation op = mig::track_changes("tc_things");
    CHECK(op.description == "Track changes of tc_things");
    CHECK(std::holds_alternative<mig::RunSql>(op.action));
}

TEST_CASE("On SQLite, track_changes adds the counter's row and a trigger per INSERT, UPDATE and DELETE", "[migrations]") {
    const auto sql = mig::track_changes("tc_things").sql(drf::db::sqlite::SqliteDialect());
    REQUIRE(sql.size() == 5);
    CHECK(sql[0] == R"(CREATE TABLE IF NOT EXISTS "drf_table_versions" ("table_name" TEXT PRIMARY KEY, "version" INTEGER NOT NULL DEFAULT 0))");
    CHECK(sql[1] == R"(INSERT OR IGNORE INTO "drf_table_versions" ("table_name", "version") VALUES ('tc_things', 0))");
    CHECK(sql[2] == R"(CREATE TRIGGER "drf_changes_tc_things_insert" AFTER insert ON "tc_things" BEGIN UPDATE "drf_table_versions" SET "version" = "version" + 1 WHERE "table_name" = 'tc_things'; END)");
}

TEST_CASE("On PostgreSQL, track_changes adds one statement-level trigger sharing one function", "[migrations]") {
    const auto sql = mig::track_changes("tc_things").sql(drf::db::postgresql::PostgresDialect());
    REQUIRE(sql.size() == 4);
    CHECK(sql[1] == R"(INSERT INTO "drf_table_versions" ("table_name", "version") VALUES ('tc_things', 0) ON CONFLICT ("table_name") DO NOTHING)");
    CHECK(sql[2].starts_with(R"(CREATE OR REPLACE FUNCTION "drf_bump_table_version"() RETURNS trigger)"));
    CHECK(sql[3] == R"(CREATE TRIGGER "drf_changes_tc_things" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "tc_things" FOR EACH STATEMENT EXECUTE FUNCTION "drf_bump_table_version"())");
}

TEST_CASE("track_changes on a dialect without triggers' SQL fails naming the dialect and the table", "[migrations]") {
    CHECK_THROWS_WITH(mig::track_changes("tc_things").sql(OtherDialect()),
                      "no SQL for the mysql dialect to track changes of tc_things");
}

TEST_CASE("Migrating tracks each table once, its counter at 0, and makemigrations still sees no change", "[migrations]") {
    auto database = drf_test::open_database();
    const std::vector<mig::Migration> migrations{
        {"0001", {}, {mig::create_table(mig::from_model<Thing>()), mig::track_changes("tc_things")}, {}}};
    mig::Migrator(database, migrations).migrate();
    CHECK(drf::db::table_versions(database, std::array<std::string_view, 1>{"tc_things"}) == std::vector<std::int64_t>{0});
    drf::db::objects<Thing>(database).create(Thing{});
    CHECK(drf::db::table_versions(database, std::array<std::string_view, 1>{"tc_things"}) == std::vector<std::int64_t>{1});
    CHECK(mig::detect_changes(mig::App{"tc", mig::models<Thing>(), migrations, ""}, mig::replay(migrations)).empty());
}

}  // namespace track_changes_test
