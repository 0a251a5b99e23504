// tests/migrations/frozen_test.cpp — frozen migrations: operations hold values only, so their SQL and
// checksum never follow a model; and the frozen spelling of drf's own and the example's migrations is
// byte for byte what the model-derived spelling produced before it (same checksums, both dialects).
#include "../../examples/projects/migrations.hpp"
#include "../../examples/projects/models.hpp"

#include <drf/db/schema.hpp>
#include <drf/db/sqlite.hpp>
#if DRF_TEST_HAVE_POSTGRESQL
#include <drf/db/postgresql.hpp>
#endif
#include <drf/migrations.hpp>
#include <drf/models.hpp>

#include <catch2/catch.hpp>

#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace frozen_test {

namespace mig = drf::migrations;

// Checksums of these migrations as the model-derived operations (create_model<T>({fields...}) and
// add_index<T, "...">()) produced them, computed with that code before it was replaced. A database
// that applied them must see the same checksum from the frozen files, or it refuses to migrate.
const std::map<std::string, std::pair<std::string, std::string>> recorded = {
    {"auth_0001_initial",
     {"e4fe4703d0cd37a3ac67761f6155f14281ed92e89d7075941515398e3045d8ca",
      "3fee50a0f79f00279011c35391bc6e1dd3599b046dca80315a33792674687b39"}},
    {"projects_0001_initial",
     {"766c4d610067d0867b81fe1b0e5840cb1d2cda909cc9053a2de79da8aca375fc",
      "bd5e82eed15a339c483a58b19c030f2319f91593da48d84a70cd09eba1d783b1"}},
    {"projects_0002_project_owner_created_at",
     {"6f28bc7fe3a03f8b496e0b48e6e9d6b6e80d2ef0101bfdbb1eabbd4ad667a182",
      "6f28bc7fe3a03f8b496e0b48e6e9d6b6e80d2ef0101bfdbb1eabbd4ad667a182"}},
    // Written frozen: recorded as first applied, since a deployed migration must never change.
    {"projects_0003_list_orderings",
     {"8a8e4bec3244ae3517f8f6acd1daf557633d3e89bda73e051d9374fd68a3e537",
      "8a8e4bec3244ae3517f8f6acd1daf557633d3e89bda73e051d9374fd68a3e537"}},
    {"throttling_0001_initial",
     {"002efd64544307c0fa107e8968991158d93bae4f2e6fc71eb524559390555146",
      "49b64a32ca26001b6fab2cac6a526f7d469f1a535d231fee70e6c9e3e4d9618c"}},
    {"projects_0004_track_changes",
     {"88c773058755739bb1238a6fa73ff0fa32dd09674e0ef01a7c7048a39d9006e3",
      "4dec46c7396fafe52e0d6f7ea1ee0588693365e31caa8a5d22304a0a11cab9ce"}},
};

TEST_CASE("The frozen auth and example migrations keep the checksums databases recorded for them", "[migrations]") {
    const drf::db::sqlite::SqliteDialect sqlite;
    const auto list = projects::migrations();
    REQUIRE(list.size() == recorded.size());
    for (const auto& m : list) {
        INFO(m.name);
        REQUIRE(recorded.count(m.name) == 1);
        CHECK(mig::checksum(m, sqlite) == recorded.at(m.name).first);
#if DRF_TEST_HAVE_POSTGRESQL
        CHECK(mig::checksum(m, drf::db::postgresql::PostgresDialect()) == recorded.at(m.name).second);
#endif
    }
}

namespace v1 {
struct Note : drf::models::Model<Note> {
    std::string title;
    static constexpr auto meta = drf::models::meta<Note>("notes", drf::models::field<&Note::title>().max_length(80));
};
}  // namespace v1
namespace v2 {  // title became optional and unique, and the model gained a field
struct Note : drf::models::Model<Note> {
    std::optional<std::string> title;
    std::int64_t stars = 0;
    static constexpr auto meta = drf::models::meta<Note>("notes", drf::models::field<&Note::title>().unique(),
                                                         drf::models::field<&Note::stars>());
};
}  // namespace v2

mig::Migration frozen_initial() {
    return {"0001_initial", {},
            {mig::create_table("notes",
                               {mig::column("id", mig::uuid().primary_key()), mig::column("created_at", mig::datetime()),
                                mig::column("updated_at", mig::datetime()), mig::column("title", mig::text().max_length(80))},
                               {{"created_at", "id"}})},
            {}};
}

TEST_CASE("Changing a field of a model leaves the checksum of its frozen migration unchanged", "[migrations]") {
    const drf::db::sqlite::SqliteDialect dialect;
    const std::string before = mig::checksum(frozen_initial(), dialect);
    // The frozen values are what the model said when the migration was written...
    CHECK(before == mig::checksum({"0001_initial", {}, {mig::create_table(mig::from_model<v1::Note>())}, {}}, dialect));
    // ...and the model changing does not reach them; a migration derived from the model would change.
    CHECK(mig::checksum({"0001_initial", {}, {mig::create_table(mig::from_model<v2::Note>())}, {}}, dialect) != before);
    CHECK(mig::checksum(frozen_initial(), dialect) == before);
}

TEST_CASE("create_table writes the same SQL as create_table_sql for the model's fields", "[migrations]") {
    const drf::db::sqlite::SqliteDialect sqlite;
    CHECK(mig::create_table(mig::from_model<projects::Project>()).sql(sqlite) == drf::db::create_table_sql<projects::Project>(sqlite));
#if DRF_TEST_HAVE_POSTGRESQL
    const drf::db::postgresql::PostgresDialect postgresql;
    CHECK(mig::create_table(mig::from_model<projects::Project>()).sql(postgresql) ==
          drf::db::create_table_sql<projects::Project>(postgresql));
    CHECK(mig::create_table(mig::from_model<drf::auth::User>()).sql(postgresql) == drf::db::create_table_sql<drf::auth::User>(postgresql));
#endif
}

TEST_CASE("An operation says what it does as values, for the history replay", "[migrations]") {
    const auto op = mig::add_column("notes", mig::column("stars", mig::integer().default_value(3)));
    REQUIRE(std::holds_alternative<mig::AddColumn>(op.action));
    const auto& add = std::get<mig::AddColumn>(op.action);
    CHECK(add.table == "notes");
    CHECK(add.column.name == "stars");
    CHECK(add.column.kind == drf::db::ColumnKind::integer);
    CHECK_FALSE(add.column.null);
    CHECK(add.column.default_value == drf::db::Value(std::int64_t{3}));
    CHECK(std::get<mig::CreateTable>(frozen_initial().operations[0].action).columns[3].max_length == 80);
    CHECK(std::holds_alternative<mig::RunCode>(mig::run_code("x", [](drf::db::Database&) {}).action));
}

TEST_CASE("alter_column changes a column in place on PostgreSQL and asks for a rebuild on SQLite", "[migrations]") {
    const drf::db::sqlite::SqliteDialect sqlite;
    const auto from = mig::column("title", mig::text());
    const auto op = mig::alter_column("notes", from, mig::column("title", mig::text().null().unique()));
    CHECK(op.description == "Alter field title on notes");
#if DRF_TEST_HAVE_POSTGRESQL
    CHECK(op.sql(drf::db::postgresql::PostgresDialect()) == std::vector<std::string>{
                                    R"(ALTER TABLE "notes" ALTER COLUMN "title" DROP NOT NULL)",
                                    R"(ALTER TABLE "notes" ADD CONSTRAINT "notes_title_key" UNIQUE ("title"))"});
#endif
    CHECK_THROWS_WITH(op.sql(sqlite), "no SQL for the sqlite dialect to alter notes.title in place (rebuild the table with run_sql)");
    // An index or max_length change needs no rebuild.
    CHECK(mig::alter_column("notes", from, mig::column("title", mig::text().db_index().max_length(9))).sql(sqlite) ==
          std::vector<std::string>{R"(CREATE INDEX "notes_title" ON "notes" ("title"))"});
}

}  // namespace frozen_test
