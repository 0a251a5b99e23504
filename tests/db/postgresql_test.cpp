// tests/db/postgresql_test.cpp — what only the PostgreSQL backend's own API shows (its connection type,
// the server's catalog, its dialect beside SQLite's). Built when the build has drf::postgresql; the
// [postgresql] cases run in drf.db.postgresql.
#include <drf/db.hpp>
#include <drf/db/postgresql.hpp>
#include <drf/db/sqlite.hpp>

#include <catch2/catch.hpp>

#include <cstdlib>
#include <limits>
#include <string>

namespace postgresql_test {

TEST_CASE("PostgreSQL deallocates the statements a full cache drops", "[db][postgresql]") {
    auto database = drf::db::postgresql::open(std::getenv("DRF_TEST_DATABASE_URL"), {.statement_cache_size = 4});
    auto& connection = dynamic_cast<drf::db::postgresql::PostgresConnection&>(database.connection());
    for (int n = 1; n <= 10; ++n) {
        auto& s = database.connection().prepare("SELECT " + std::to_string(n));
        s.reset();
        REQUIRE(s.step());
        CHECK(s.column_int(0) == n);
        s.reset();
    }
    CHECK(connection.cached_statements() == 4);
    auto& count = database.connection().prepare("SELECT count(*) FROM pg_prepared_statements");
    count.reset();
    REQUIRE(count.step());
    CHECK(count.column_int(0) == 4);  // three of the SELECTs and this one
    count.reset();
}

TEST_CASE("A PostgreSQL statement knows its parameters and result columns before it runs", "[db][postgresql]") {
    auto database = drf::db::postgresql::open(std::getenv("DRF_TEST_DATABASE_URL"));
    auto& s = database.connection().prepare("SELECT ?::bigint + 1, 'x', now()");
    s.reset();
    CHECK(s.column_count() == 3);
    CHECK_THROWS_WITH(s.bind_int(2, 1), Catch::StartsWith("cannot bind parameter 2: the statement has 1"));
    s.bind_int(1, 41);
    REQUIRE(s.step());
    CHECK(s.column_int(0) == 42);
    CHECK(s.column_text(1) == "x");
    CHECK_FALSE(s.step());
    s.reset();
}

TEST_CASE("sql_literal spells a DDL default in each dialect's own words, and refuses what has no literal", "[db]") {
    const drf::db::sqlite::SqliteDialect sqlite;
    const drf::db::postgresql::PostgresDialect postgresql;
    const auto when = *drf::parse_datetime("2026-12-01T12:00:00.5Z");
    CHECK(drf::db::sql_literal(sqlite, true) == "1");
    CHECK(drf::db::sql_literal(postgresql, true) == "true");
    CHECK(drf::db::sql_literal(sqlite, when) == std::to_string(drf::to_unix_micros(when)));
    CHECK(drf::db::sql_literal(postgresql, when) == "'2026-12-01T12:00:00.500000Z'");
    CHECK(drf::db::sql_literal(sqlite, std::string("it's")) == "'it''s'");
    CHECK(drf::db::sql_literal(postgresql, std::int64_t{-7}) == "-7");
    CHECK(drf::db::sql_literal(postgresql, 0.25) == "0.25");
    CHECK(drf::db::sql_literal(postgresql, nullptr) == "NULL");
    CHECK_THROWS_WITH(drf::db::sql_literal(sqlite, std::string("a\0b", 3)),
                      "drf::db::sql_literal: text with a NUL byte has no SQL literal");
    CHECK_THROWS_WITH(drf::db::sql_literal(sqlite, std::numeric_limits<double>::infinity()),
                      "drf::db::sql_literal: a non-finite double has no SQL literal");
}

}  // namespace postgresql_test
