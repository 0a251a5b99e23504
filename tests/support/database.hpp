// tests/support/database.hpp — the database the backend-neutral suites (db, migrations, pagination,
// auth) run on. One suite, two backends: SQLite `:memory:` by default; with DRF_TEST_DATABASE_URL set
// to a postgresql:// URL (ctest's drf.<block>.postgresql tests set it, tests/support/with-postgres.sh),
// a fresh schema on that server for every database opened, dropped when the database closes.
// Test cases that only make sense on one backend carry the tag [sqlite] or [postgresql].
#pragma once

#include "sqlite_file.hpp"

#include <drf/db/database.hpp>

#include <optional>
#include <string>
#include <string_view>

namespace drf_test {

// "sqlite" or "postgresql": the backend open_database() connects to in this run.
std::string_view backend();
inline bool on_postgresql() { return backend() == "postgresql"; }
inline bool on_sqlite() { return backend() == "sqlite"; }

// A new, empty database on this run's backend.
drf::db::Database open_database();

// A second connection to the same database as `database` (PostgreSQL only: a SQLite :memory:
// database cannot be shared), for tests of concurrent transactions.
drf::db::Database another_connection(drf::db::Database& database);

// One database reached by several connections, as the threads or the instances of a service reach it:
// on SQLite a file (removed with its WAL files at the end), on PostgreSQL a schema of the test server
// (dropped when first() closes).
class SharedDatabase {
public:
    SharedDatabase();
    SharedDatabase(const SharedDatabase&) = delete;
    SharedDatabase& operator=(const SharedDatabase&) = delete;

    // A new connection to this database.
    drf::db::Database open();
    // The connection made with the database, open as long as this is.
    drf::db::Database& first() { return *first_; }
    // The SQLite file; empty on PostgreSQL.
    const std::string& path() const;

private:
    std::optional<TempSqliteFile> file_;       // before first_: the file outlives the connection
    std::optional<drf::db::Database> first_;
};

// The backend's wording for an error, where the suites check messages: `sqlite` on SQLite, `postgresql`
// on PostgreSQL.
inline std::string_view expect(std::string_view sqlite, std::string_view postgresql) {
    return on_postgresql() ? postgresql : sqlite;
}

}  // namespace drf_test
