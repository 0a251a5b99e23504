// tests/db/docs_backends_test.cpp — docs/database.md's "Choosing a backend" snippet, compiled and run:
// connect(url) from the environment, with both backends included.
#include "../support/database.hpp"

#include <drf/db.hpp>
#include <drf/db/postgresql.hpp>  // registers postgresql:// and postgres://
#include <drf/db/sqlite.hpp>      // registers sqlite://

#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>

namespace docs_backends_test {

TEST_CASE("docs/database.md: choosing the backend at startup from DATABASE_URL", "[db]") {
    const auto dir = std::filesystem::temp_directory_path() / ("drf-docs-" + drf::to_string(drf::uuid4()));
    std::filesystem::create_directories(dir);
    const auto previous_directory = std::filesystem::current_path();
    std::filesystem::current_path(dir);  // sqlite:///app.sqlite3 is relative to the working directory
    const char* server = std::getenv("DRF_TEST_DATABASE_URL");
    if (server) ::setenv("DATABASE_URL", server, 1);

    drf::db::Databases databases([] {
        const char* url = std::getenv("DATABASE_URL");  // e.g. postgresql://app@db:5432/app
        return drf::db::connect(url && *url ? url : "sqlite:///app.sqlite3");
    });
    CHECK(databases.get().dialect().name() == drf_test::backend());
    if (!server) CHECK(std::filesystem::exists(dir / "app.sqlite3"));

    databases.release();
    ::unsetenv("DATABASE_URL");
    std::filesystem::current_path(previous_directory);
    std::filesystem::remove_all(dir);
}

}  // namespace docs_backends_test
