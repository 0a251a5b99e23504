// tests/db/databases_test.cpp — Databases (Django's `connections`): one Database per thread, opened on
// the thread's first call and the same one after; several Databases side by side; release(); and that
// SQLite's per-allocation memory statistics are off once drf has opened a database.
#include <drf/db/databases.hpp>
#include <drf/db/sqlite.hpp>

#include <catch2/catch.hpp>

#include <atomic>
#include <memory>
#include <optional>
#include <thread>

namespace databases_test {

namespace db = drf::db;

// A Databases on private in-memory SQLite databases that counts the connections it opened.
struct Counted {
    std::atomic<int> opened{0};
    db::Databases databases{[this] {
        ++opened;
        return db::sqlite::open(":memory:");
    }};
};

TEST_CASE("Databases gives a thread the same Database on every call, and another thread its own") {
    Counted c;
    db::Database& first = c.databases.get();
    CHECK(&c.databases.get() == &first);
    CHECK(c.opened == 1);

    db::Database* other = nullptr;
    std::thread([&] { other = &c.databases.get(); }).join();
    CHECK(other != &first);
    CHECK(c.opened == 2);
    CHECK(&c.databases.get() == &first);
}

TEST_CASE("Two Databases used in turn by one thread each answer with their own Database") {
    Counted a, b;
    db::Database& from_a = a.databases.get();
    db::Database& from_b = b.databases.get();
    CHECK(&from_a != &from_b);
    for (int i = 0; i < 3; ++i) {
        CHECK(&a.databases.get() == &from_a);
        CHECK(&b.databases.get() == &from_b);
    }
    CHECK(a.opened == 1);
    CHECK(b.opened == 1);
}

TEST_CASE("After release, a thread's next call to Databases opens a new connection") {
    Counted c;
    db::Database& first = c.databases.get();
    first.connection().execute("CREATE TABLE kept (x INTEGER)");
    c.databases.release();
    db::Database& second = c.databases.get();
    CHECK(c.opened == 2);
    // A new private in-memory database: the table made on the released connection is not there.
    CHECK_THROWS_AS(second.connection().execute("INSERT INTO kept VALUES (1)"), db::DatabaseError);
}

TEST_CASE("A Databases made after another was destroyed never answers with the destroyed one's Database") {
    // Both live in the same storage, so the second may well sit at the first one's address.
    std::optional<Counted> slot;
    slot.emplace();
    slot->databases.get().connection().execute("CREATE TABLE only_in_first (x INTEGER)");
    slot.reset();
    slot.emplace();
    db::Database& fresh = slot->databases.get();
    CHECK(slot->opened == 1);
    CHECK_THROWS_AS(fresh.connection().execute("INSERT INTO only_in_first VALUES (1)"), db::DatabaseError);
}

TEST_CASE("Once drf has opened a SQLite database, SQLite no longer counts its allocations under a global mutex") {
    db::Database database = db::sqlite::open(":memory:");
    database.connection().execute("CREATE TABLE t (x TEXT)");
    database.connection().execute("INSERT INTO t VALUES ('a row of text that SQLite allocates memory for')");
    // With SQLITE_CONFIG_MEMSTATUS on, this is the bytes SQLite holds (tens of kilobytes here).
    CHECK(sqlite3_memory_used() == 0);
}

}  // namespace databases_test
