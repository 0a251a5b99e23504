// tests/migrations/field_types_test.cpp — decimal, date, time, duration, JSON and IP address columns in
// migrations: the type functions and the defaults they take, each dialect's DDL, from_model, the
// migration files makemigrations writes, AlterField for a decimal's digits, and migrating with them on
// every backend (tests/support/database.hpp).
#include "../support/database.hpp"
#include "../support/migrations.hpp"

#include <drf/core/json.hpp>
#include <drf/db.hpp>
#include <drf/db/sqlite.hpp>
#if DRF_TEST_HAVE_POSTGRESQL
#include <drf/db/postgresql.hpp>
#endif
#include <drf/commands/makemigrations.hpp>
#include <drf/migrations.hpp>
#include <drf/models.hpp>

#include <catch2/catch.hpp>

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include <unistd.h>

namespace field_types_test {

namespace db = drf::db;
namespace mig = drf::migrations;
namespace fs = std::filesystem;
using drf::models::field;

namespace v1 {
struct Invoice : drf::models::Model<Invoice> {
    drf::Decimal total;
    drf::Date due;
    drf::Time cutoff;
    drf::Duration grace;
    drf::Json details;
    std::string client_ip;
    std::optional<drf::Decimal> discount;
    std::optional<drf::Date> paid_on;
    static constexpr auto meta = drf::models::meta<Invoice>(
        "billing_invoice", field<&Invoice::total>().max_digits(10).decimal_places(2), field<&Invoice::due>(),
        field<&Invoice::cutoff>(), field<&Invoice::grace>(), field<&Invoice::details>(),
        field<&Invoice::client_ip>().ip_address(), field<&Invoice::discount>().max_digits(5).decimal_places(2),
        field<&Invoice::paid_on>());
};
}  // namespace v1
namespace v2 {  // total gained digits, discount a decimal place
struct Invoice : drf::models::Model<Invoice> {
    drf::Decimal total;
    drf::Date due;
    drf::Time cutoff;
    drf::Duration grace;
    drf::Json details;
    std::string client_ip;
    std::optional<drf::Decimal> discount;
    std::optional<drf::Date> paid_on;
    static constexpr auto meta = drf::models::meta<Invoice>(
        "billing_invoice", field<&Invoice::total>().max_digits(12).decimal_places(2), field<&Invoice::due>(),
        field<&Invoice::cutoff>(), field<&Invoice::grace>(), field<&Invoice::details>(),
        field<&Invoice::client_ip>().ip_address(), field<&Invoice::discount>().max_digits(5).decimal_places(3),
        field<&Invoice::paid_on>());
};
}  // namespace v2

// The initial migration as makemigrations writes it for v1::Invoice.
mig::Migration initial() {
    return {"billing_0001_initial",
            {},
            {mig::create_table("billing_invoice",
                               {
                                   mig::column("id", mig::uuid().primary_key()),
                                   mig::column("created_at", mig::datetime()),
                                   mig::column("updated_at", mig::datetime()),
                                   mig::column("total", mig::decimal(10, 2)),
                                   mig::column("due", mig::date()),
                                   mig::column("cutoff", mig::time()),
                                   mig::column("grace", mig::duration()),
                                   mig::column("details", mig::json()),
                                   mig::column("client_ip", mig::ip_address()),
                                   mig::column("discount", mig::decimal(5, 2).null()),
                                   mig::column("paid_on", mig::date().null()),
                               },
                               {{"created_at", "id"}})},
            {}};
}

// Each column's definition in the SQLite dialect and, when this build has it, the PostgreSQL one.
std::vector<std::string> definitions(const db::Dialect& dialect, const std::vector<mig::Column>& columns) {
    std::vector<std::string> out;
    for (const auto& c : columns) out.push_back(mig::column_sql(dialect, c));
    return out;
}

// A fresh directory for an app's migrations, removed at the end of the test.
struct TempDir {
    fs::path path;
    TempDir() {
        static int n = 0;
        path = fs::temp_directory_path() / ("drf_field_types_" + std::to_string(::getpid()) + "_" + std::to_string(++n));
        fs::remove_all(path);
        fs::create_directories(path);
    }
    ~TempDir() { fs::remove_all(path); }
};

}  // namespace field_types_test
using namespace field_types_test;

TEST_CASE("Decimal, date, time, duration, JSON and IP address columns get Django's column types on each dialect",
          "[migrations]") {
    const std::vector<mig::Column> columns{
        mig::column("total", mig::decimal(10, 2)), mig::column("due", mig::date()),
        mig::column("cutoff", mig::time()),        mig::column("grace", mig::duration()),
        mig::column("details", mig::json()),       mig::column("client_ip", mig::ip_address().null()),
    };
    CHECK(definitions(db::sqlite::SqliteDialect(), columns) ==
          std::vector<std::string>{R"("total" decimal NOT NULL)", R"("due" date NOT NULL)", R"("cutoff" time NOT NULL)",
                                   R"("grace" bigint NOT NULL)", R"("details" TEXT NOT NULL)", R"("client_ip" char(39))"});
#if DRF_TEST_HAVE_POSTGRESQL
    CHECK(definitions(db::postgresql::PostgresDialect(), columns) ==
          std::vector<std::string>{R"("total" numeric(10, 2) NOT NULL)", R"("due" date NOT NULL)", R"("cutoff" time without time zone NOT NULL)",
                                   R"("grace" interval NOT NULL)", R"("details" jsonb NOT NULL)", R"("client_ip" inet)"});
#endif
}

TEST_CASE("A new column type's default is written as each dialect's literal", "[migrations]") {
    const std::vector<mig::Column> columns{
        mig::column("total", mig::decimal(10, 2).default_value(drf::Decimal("0.50"))),
        mig::column("due", mig::date().default_value(drf::Date(2026, 12, 31))),
        mig::column("cutoff", mig::time().default_value(drf::Time(17, 30))),
        mig::column("grace", mig::duration().default_value(boost::posix_time::minutes(90))),
        mig::column("details", mig::json().default_value(drf::Json{{"note", "it's"}})),
        mig::column("client_ip", mig::ip_address().default_value("192.0.2.1")),
    };
    CHECK(definitions(db::sqlite::SqliteDialect(), columns) ==
          std::vector<std::string>{R"("total" decimal NOT NULL DEFAULT '0.50')", R"("due" date NOT NULL DEFAULT '2026-12-31')",
                                   R"("cutoff" time NOT NULL DEFAULT '17:30:00')", R"("grace" bigint NOT NULL DEFAULT 5400000000)",
                                   R"("details" TEXT NOT NULL DEFAULT '{"note":"it''s"}')",
                                   R"("client_ip" char(39) NOT NULL DEFAULT '192.0.2.1')"});
#if DRF_TEST_HAVE_POSTGRESQL
    CHECK(definitions(db::postgresql::PostgresDialect(), columns) ==
          std::vector<std::string>{R"("total" numeric(10, 2) NOT NULL DEFAULT '0.50')", R"("due" date NOT NULL DEFAULT '2026-12-31')",
                                   R"("cutoff" time without time zone NOT NULL DEFAULT '17:30:00')",
                                   R"("grace" interval NOT NULL DEFAULT '0 days 01:30:00.000000')",
                                   R"("details" jsonb NOT NULL DEFAULT '{"note":"it''s"}')",
                                   R"("client_ip" inet NOT NULL DEFAULT '192.0.2.1')"});
#endif
}

TEST_CASE("decimal() refuses the digits Django's DecimalField refuses, with Django's messages", "[migrations]") {
    CHECK_THROWS_WITH(mig::decimal(5, -1), "drf::migrations::decimal: 'decimal_places' must be a non-negative integer.");
    CHECK_THROWS_WITH(mig::decimal(0, 0), "drf::migrations::decimal: 'max_digits' must be a positive integer.");
    CHECK_THROWS_WITH(mig::decimal(4, 5), "drf::migrations::decimal: 'max_digits' must be greater or equal to 'decimal_places'.");
    CHECK(mig::column("rate", mig::decimal(5, 5)).decimal_places == 5);  // all digits after the point: allowed
    CHECK(mig::column("count", mig::decimal(3, 0)).max_digits == 3);
}

TEST_CASE("A new column type's default_value takes the member type a model holds for it, and nothing else", "[migrations]") {
    using K = db::ColumnKind;
    STATIC_REQUIRE(mig::detail::default_fits<K::decimal, drf::Decimal>);
    STATIC_REQUIRE_FALSE(mig::detail::default_fits<K::decimal, double>);  // a double is not the exact value
    STATIC_REQUIRE_FALSE(mig::detail::default_fits<K::decimal, const char*>);
    STATIC_REQUIRE(mig::detail::default_fits<K::date, drf::Date>);
    STATIC_REQUIRE_FALSE(mig::detail::default_fits<K::date, drf::DateTime>);
    STATIC_REQUIRE_FALSE(mig::detail::default_fits<K::date, std::string>);
    STATIC_REQUIRE(mig::detail::default_fits<K::time, drf::Time>);
    STATIC_REQUIRE_FALSE(mig::detail::default_fits<K::time, drf::Duration>);
    STATIC_REQUIRE(mig::detail::default_fits<K::duration, drf::Duration>);
    STATIC_REQUIRE(mig::detail::default_fits<K::duration, boost::posix_time::minutes>);
    STATIC_REQUIRE_FALSE(mig::detail::default_fits<K::duration, std::int64_t>);
    STATIC_REQUIRE(mig::detail::default_fits<K::json, drf::Json>);
    STATIC_REQUIRE(mig::detail::default_fits<K::json, const char*>);
    STATIC_REQUIRE_FALSE(mig::detail::default_fits<K::json, int>);
    STATIC_REQUIRE(mig::detail::default_fits<K::ip_address, std::string>);
    STATIC_REQUIRE_FALSE(mig::detail::default_fits<K::ip_address, drf::Uuid>);
    STATIC_REQUIRE_FALSE(mig::detail::default_fits<K::text, drf::Json>);  // JSON text goes in a json() column

    SECTION("not_a_date_time (a default-constructed Date) is refused as a default, since it is no value") {
        const std::string message = "drf::migrations::default_value: a special drf::Date or drf::Duration (not_a_date_time, as "
                                    "a default-constructed drf::Date is) is not a value; use .null() for a column without one";
        CHECK_THROWS_WITH(mig::date().default_value(drf::Date()), message);
        CHECK_THROWS_WITH(mig::duration().default_value(drf::Duration(boost::posix_time::not_a_date_time)), message);
        CHECK_NOTHROW(mig::duration().default_value(drf::Duration()));  // zero, a value
    }
    SECTION("the default is held as the value the column binds; JSON as its text") {
        CHECK(mig::decimal(10, 2).default_value(drf::Decimal("9.90")).spec.default_value == db::Value(drf::Decimal("9.90")));
        CHECK(mig::date().default_value(drf::Date(2026, 12, 3)).spec.default_value == db::Value(drf::Date(2026, 12, 3)));
        CHECK(mig::time().default_value(drf::Time(9, 30)).spec.default_value == db::Value(drf::Time(9, 30)));
        CHECK(mig::duration().default_value(boost::posix_time::minutes(90)).spec.default_value ==
              db::Value(drf::Duration(1, 30, 0)));
        CHECK(mig::json().default_value(drf::Json{{"tags", {"a"}}}).spec.default_value == db::Value(std::string(R"({"tags":["a"]})")));
        CHECK(mig::json().default_value("[]").spec.default_value == db::Value(std::string("[]")));
        CHECK(mig::ip_address().default_value("127.0.0.1").spec.default_value == db::Value(std::string("127.0.0.1")));
    }
}

TEST_CASE("from_model makes a model's decimal, date, time, duration, JSON and IP address fields columns with their options",
          "[migrations]") {
    const mig::CreateTable table = mig::from_model<v1::Invoice>();
    CHECK(table.columns == std::get<mig::CreateTable>(initial().operations[0].action).columns);
    CHECK(table.columns[3].max_digits == 10);
    CHECK(table.columns[3].decimal_places == 2);
    CHECK(table.columns[4].max_digits == 0);  // unset on every other column
    CHECK(table.columns[4].decimal_places == -1);
    CHECK(table.columns[8].kind == db::ColumnKind::ip_address);
}

// The text of a column as a migration file spells it, next to the same text compiled here: the
// writer's output is C++ that builds the column it describes.
#define WRITTEN(...) std::pair<std::string, mig::Column>(#__VA_ARGS__, __VA_ARGS__)

TEST_CASE("makemigrations writes the new column types and their defaults as C++ that builds the same columns",
          "[migrations]") {
    const std::vector<std::pair<std::string, mig::Column>> written{
        WRITTEN(mig::column("total", mig::decimal(10, 2))),
        WRITTEN(mig::column("discount", mig::decimal(5, 2).null().default_value(drf::Decimal("0.50")))),
        WRITTEN(mig::column("due", mig::date().default_value(drf::Date(2026, 12, 3)))),
        WRITTEN(mig::column("cutoff", mig::time().default_value(drf::Time(17, 30, 0)))),
        WRITTEN(mig::column("precise", mig::time().default_value(drf::Time(0, 0, 5, 250)))),
        WRITTEN(mig::column("grace", mig::duration().default_value(drf::Duration(36, 0, 0)))),
        WRITTEN(mig::column("early", mig::duration().default_value(-drf::Duration(0, 1, 30, 500000)))),
        WRITTEN(mig::column("details", mig::json().default_value("{\"tags\": []}"))),
        WRITTEN(mig::column("client_ip", mig::ip_address().db_index().default_value("::1"))),
    };
    for (const auto& [text, column] : written) {
        INFO(text);
        CHECK(mig::column_source(column) == text);
    }

    SECTION("the initial migration of a model with these fields") {
        TempDir dir;
        drf::commands::Registry registry("billing");
        registry.add<drf::commands::MakeMigrationsCommand>(
            "makemigrations", mig::App{"billing", mig::models<v1::Invoice>(), {}, dir.path.string()});
        std::ostringstream out, err;
        REQUIRE(drf::commands::call_command(registry, "makemigrations", {}, out, err) == 0);
        std::ifstream in(dir.path / "0001_initial.hpp");
        std::stringstream file;
        file << in.rdbuf();
        for (const char* line : {R"(mig::column("total", mig::decimal(10, 2)),)", R"(mig::column("due", mig::date()),)",
                                 R"(mig::column("cutoff", mig::time()),)", R"(mig::column("grace", mig::duration()),)",
                                 R"(mig::column("details", mig::json()),)", R"(mig::column("client_ip", mig::ip_address()),)",
                                 R"(mig::column("discount", mig::decimal(5, 2).null()),)",
                                 R"(mig::column("paid_on", mig::date().null()),)"}) {
            INFO(line);
            CHECK(file.str().find(line) != std::string::npos);
        }
    }
}

TEST_CASE("makemigrations alters a decimal column whose max_digits or decimal_places changed", "[migrations]") {
    const std::vector<mig::Migration> history{initial()};
    CHECK(mig::detect_changes(mig::App{"billing", mig::models<v1::Invoice>(), history, ""}, mig::replay(history)).empty());

    const auto changes = mig::detect_changes(mig::App{"billing", mig::models<v2::Invoice>(), history, ""}, mig::replay(history));
    REQUIRE(changes.size() == 2);
    CHECK(changes[0].description == "Alter field total on invoice");
    CHECK(changes[1].description == "Alter field discount on invoice");
    CHECK(mig::suggest_name(changes, false, "x") == "alter_invoice_total_alter_invoice_discount");
    const auto& total = std::get<mig::AlterColumn>(changes[0].operation.action);
    CHECK(total.from == mig::column("total", mig::decimal(10, 2)));
    CHECK(total.to == mig::column("total", mig::decimal(12, 2)));
    // SQLite's decimal carries no digits: nothing to run there, as for max_length.
    CHECK(changes[0].operation.sql(db::sqlite::SqliteDialect()).empty());
#if DRF_TEST_HAVE_POSTGRESQL
    CHECK(changes[0].operation.sql(db::postgresql::PostgresDialect()) ==
          std::vector<std::string>{R"(ALTER TABLE "billing_invoice" ALTER COLUMN "total" TYPE numeric(12, 2) USING "total"::numeric(12, 2))"});
    CHECK(changes[1].operation.sql(db::postgresql::PostgresDialect()) ==
          std::vector<std::string>{
              R"(ALTER TABLE "billing_invoice" ALTER COLUMN "discount" TYPE numeric(5, 3) USING "discount"::numeric(5, 3))"});
#endif

    SECTION("the replayed history then agrees with the model") {
        auto list = history;
        list.push_back({"billing_0002", {"billing_0001_initial"}, {changes[0].operation, changes[1].operation}, {}});
        CHECK(mig::detect_changes(mig::App{"billing", mig::models<v2::Invoice>(), list, ""}, mig::replay(list)).empty());
    }
}

TEST_CASE("The new column types migrate on every backend, and existing rows get each column's default", "[migrations]") {
    auto database = drf_test::open_database();
    const auto first = [] {
        return mig::Migration{"billing_0001_initial",
                              {},
                              {mig::create_table(test_support::only(mig::from_model<v1::Invoice>(), {"total"}))},
                              {}};
    };
    mig::Migrator(database, {first()}).migrate();
    const drf::Uuid id = drf::uuid4();
    {
        auto& insert = database.connection().prepare(
            R"(INSERT INTO "billing_invoice" ("id", "created_at", "updated_at", "total") VALUES (?, ?, ?, ?))");
        insert.reset();
        db::ColumnTraits<drf::Uuid>::bind(insert, 1, id);
        db::ColumnTraits<drf::DateTime>::bind(insert, 2, drf::now());
        db::ColumnTraits<drf::DateTime>::bind(insert, 3, drf::now());
        db::ColumnTraits<drf::Decimal>::bind(insert, 4, drf::Decimal("12.50"));
        insert.step();
        insert.reset();
    }
    const mig::Operation grace = mig::add_column("billing_invoice", mig::column("grace", mig::duration().default_value(drf::Duration(36, 0, 0))));
    CHECK(grace.sql(database.dialect()) ==
          std::vector<std::string>{std::string(drf_test::expect(
              R"(ALTER TABLE "billing_invoice" ADD COLUMN "grace" bigint NOT NULL DEFAULT 129600000000)",
              R"(ALTER TABLE "billing_invoice" ADD COLUMN "grace" interval NOT NULL DEFAULT '1 days 12:00:00.000000')"))});
    mig::Migrator(database,
                  {first(),
                   {"billing_0002_more",
                    {"billing_0001_initial"},
                    {mig::add_column("billing_invoice", mig::column("due", mig::date().default_value(drf::Date(2026, 12, 31)))),
                     mig::add_column("billing_invoice", mig::column("cutoff", mig::time().default_value(drf::Time(17, 30, 0, 250)))),
                     grace,
                     mig::add_column("billing_invoice", mig::column("details", mig::json().default_value(drf::Json{{"tags", {"new"}}}))),
                     mig::add_column("billing_invoice", mig::column("client_ip", mig::ip_address().default_value("192.0.2.1"))),
                     mig::add_column("billing_invoice",
                                     mig::column("discount", mig::decimal(5, 2).null().default_value(drf::Decimal("0.5")))),
                     mig::add_column("billing_invoice", mig::column("paid_on", mig::date().null()))},
                    {}}})
        .migrate();
    const v1::Invoice old = db::objects<v1::Invoice>(database).get(id);
    CHECK(old.total == drf::Decimal("12.50"));
    CHECK(old.due == drf::Date(2026, 12, 31));
    CHECK(old.cutoff == drf::Time(17, 30, 0, 250));
    CHECK(old.grace == drf::Duration(36, 0, 0));
    CHECK(old.details == drf::Json{{"tags", {"new"}}});
    CHECK(old.client_ip == "192.0.2.1");
    REQUIRE(old.discount.has_value());
    CHECK(old.discount->to_string() == "0.50");  // read back with the field's two places
    CHECK_FALSE(old.paid_on.has_value());
    CHECK(db::schema_differences<v1::Invoice>(database.connection()) == std::vector<std::string>{});
}
