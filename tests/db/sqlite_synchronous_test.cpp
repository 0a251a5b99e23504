// tests/db/sqlite_synchronous_test.cpp — sqlite::Options::synchronous: NORMAL by default with WAL, FULL
// when asked (a commit then survives a crash of the machine), FULL always with a rollback journal; and
// the example's PROJECTS_SQLITE_SYNCHRONOUS setting that chooses it.
#include "../../examples/projects/settings.hpp"
#include "../support/sqlite_file.hpp"

#include <drf/db/sqlite.hpp>

#include <catch2/catch.hpp>

#include <cstdint>
#include <cstdlib>
#include <string>

namespace sqlite_synchronous_test {

namespace sqlite = drf::db::sqlite;

// PRAGMA synchronous as the connection reports it: 1 NORMAL, 2 FULL.
std::int64_t synchronous_of(drf::db::Database& database) {
    drf::db::StatementScope s(database.connection().prepare("PRAGMA synchronous"));
    REQUIRE(s->step());
    return s->column_int(0);
}
std::string journal_mode_of(drf::db::Database& database) {
    drf::db::StatementScope s(database.connection().prepare("PRAGMA journal_mode"));
    REQUIRE(s->step());
    return std::string(s->column_text(0));
}

TEST_CASE("A SQLite file opens in WAL mode with synchronous NORMAL by default", "[db][sqlite]") {
    drf_test::TempSqliteFile file;
    auto database = sqlite::open(file.path);
    CHECK(journal_mode_of(database) == "wal");
    CHECK(synchronous_of(database) == 1);
}

TEST_CASE("sqlite::Options synchronous full makes every WAL commit wait for the disk", "[db][sqlite]") {
    drf_test::TempSqliteFile file;
    auto database = sqlite::open(file.path, {.synchronous = sqlite::Synchronous::full});
    CHECK(journal_mode_of(database) == "wal");
    CHECK(synchronous_of(database) == 2);
}

TEST_CASE("A SQLite file without WAL is synchronous FULL whatever synchronous says", "[db][sqlite]") {
    drf_test::TempSqliteFile file;
    auto database = sqlite::open(file.path, {.wal = false, .synchronous = sqlite::Synchronous::normal});
    CHECK(journal_mode_of(database) == "delete");
    CHECK(synchronous_of(database) == 2);
}

// Sets an environment variable for one test and restores its absence after.
struct ScopedEnv {
    explicit ScopedEnv(const char* value) { ::setenv(name, value, 1); }
    ~ScopedEnv() { ::unsetenv(name); }
    static constexpr const char* name = "PROJECTS_SQLITE_SYNCHRONOUS";
};

TEST_CASE("The example's PROJECTS_SQLITE_SYNCHRONOUS=full opens its SQLite database synchronous FULL", "[db][sqlite]") {
    drf_test::TempSqliteFile file;
    {
        ::unsetenv(ScopedEnv::name);
        auto database = projects::open_database("sqlite:///" + file.path, projects::sqlite_options());
        CHECK(synchronous_of(database) == 1);
    }
    {
        const ScopedEnv full("full");
        auto database = projects::open_database("sqlite:///" + file.path, projects::sqlite_options());
        CHECK(synchronous_of(database) == 2);
    }
    {
        const ScopedEnv normal("normal");
        auto database = projects::open_database("sqlite:///" + file.path, projects::sqlite_options());
        CHECK(synchronous_of(database) == 1);
    }
}

TEST_CASE("The example refuses a PROJECTS_SQLITE_SYNCHRONOUS other than normal or full", "[db][sqlite]") {
    for (const char* value : {"FULL", "extra", "off", "1"}) {
        INFO(value);
        const ScopedEnv bad(value);
        CHECK_THROWS_AS(projects::sqlite_options(), projects::ConfigurationError);
        CHECK_THROWS_WITH(projects::sqlite_options(), "PROJECTS_SQLITE_SYNCHRONOUS must be normal or full");
    }
}

}  // namespace sqlite_synchronous_test
