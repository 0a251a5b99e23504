// tests/db/postgresql_test.cpp — what only the PostgreSQL backend's own API shows (its connection type,
// the server's catalog). Built when the build has drf::postgresql; runs in drf.db.postgresql.
#include <drf/db.hpp>
#include <drf/db/postgresql.hpp>

#include <catch2/catch.hpp>

#include <cstdlib>
#include <string>

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
