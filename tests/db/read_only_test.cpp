// tests/db/read_only_test.cpp — Database::read_only: one snapshot for every query inside it while
// another connection writes, writes refused inside it (changing nothing) and allowed again after it,
// and inside atomic() it runs in the transaction already open; Database::grouped_reads, one read
// transaction on SQLite until the first write or transaction, which end it first; none on PostgreSQL.
// On both backends.
#include "../support/database.hpp"

#include <drf/db/backend.hpp>
#include <drf/db/database.hpp>

#include <catch2/catch.hpp>

#include <cstdint>
#include <stdexcept>

namespace read_only_test {

namespace db = drf::db;

std::int64_t count(db::Database& database) {
    db::StatementScope s(database.connection().prepare("SELECT count(*) FROM \"notes\""));
    REQUIRE(s->step());
    return s->column_int(0);
}

void insert(db::Database& database) {
    db::StatementScope s(database.connection().prepare("INSERT INTO \"notes\" (\"text\") VALUES (?)"));
    s->bind_text(1, "a note");
    s->step();
}

struct Notes : drf_test::SharedDatabase {
    Notes() {
        first().connection().execute("CREATE TABLE \"notes\" (\"text\" TEXT NOT NULL)");
        insert(first());
    }
};

TEST_CASE("Every query in Database::read_only sees the database as it was at the first, while another connection writes",
          "[db]") {
    Notes notes;
    db::Database writer = notes.open();
    const std::int64_t seen_after_write = notes.first().read_only([&] {
        CHECK(count(notes.first()) == 1);
        insert(writer);  // committed at once, by another connection
        CHECK(count(writer) == 2);
        return count(notes.first());
    });
    CHECK(seen_after_write == 1);
    CHECK(count(notes.first()) == 2);  // the next read, outside the block, sees the write
}

TEST_CASE("A write inside Database::read_only fails and changes nothing; after the block the connection writes again",
          "[db]") {
    Notes notes;
    db::Database& database = notes.first();
    CHECK_THROWS_AS(database.read_only([&] { insert(database); }), db::DatabaseError);
    CHECK_THROWS_AS(database.read_only([&] { database.connection().execute("DELETE FROM \"notes\""); }),
                    db::DatabaseError);
    CHECK_THROWS_AS(database.read_only([&] { database.atomic([&] { insert(database); }); }), db::DatabaseError);
    CHECK(count(database) == 1);
    CHECK_FALSE(database.in_atomic_block());
    CHECK_NOTHROW(database.read_only([&] { database.connection().execute("SELECT 1; SELECT count(*) FROM \"notes\""); }));

    insert(database);
    database.atomic([&] { insert(database); });
    CHECK(count(database) == 3);
}

TEST_CASE("An exception thrown inside Database::read_only ends its transaction and propagates", "[db]") {
    Notes notes;
    db::Database& database = notes.first();
    CHECK_THROWS_WITH(database.read_only([&]() -> int {
        CHECK(count(database) == 1);
        throw std::runtime_error("not found");
    }),
                      "not found");
    CHECK_FALSE(database.in_atomic_block());
    // A new snapshot: the block's transaction did not stay open to hide this write.
    db::Database writer = notes.open();
    insert(writer);
    CHECK(count(database) == 2);
}

TEST_CASE("Inside atomic(), Database::read_only runs in the transaction already open, writes included", "[db]") {
    Notes notes;
    db::Database& database = notes.first();
    database.atomic([&] {
        database.read_only([&] { insert(database); });
        CHECK(database.read_only([&] { return count(database); }) == 2);
    });
    CHECK(count(database) == 2);
}

TEST_CASE("Database::grouped_reads shares one snapshot on SQLite, and runs each query on its own on PostgreSQL",
          "[db]") {
    Notes notes;
    db::Database writer = notes.open();
    const std::int64_t seen_after_write = notes.first().grouped_reads([&] {
        CHECK(notes.first().connection().in_grouped_reads() == drf_test::on_sqlite());
        CHECK(count(notes.first()) == 1);
        insert(writer);
        return count(notes.first());
    });
    CHECK(seen_after_write == (drf_test::on_sqlite() ? 1 : 2));
    CHECK_FALSE(notes.first().connection().in_grouped_reads());
    CHECK(count(notes.first()) == 2);
}

TEST_CASE("A write inside Database::grouped_reads ends the grouped reads first: it commits at once, even after "
          "another connection's write, and the reads after it see both",
          "[db]") {
    Notes notes;
    db::Database& database = notes.first();
    db::Database writer = notes.open();
    database.grouped_reads([&] {
        CHECK(count(database) == 1);
        insert(writer);  // after the snapshot: a write in it would fail (SQLite's SQLITE_BUSY_SNAPSHOT)
        insert(database);
        CHECK_FALSE(database.connection().in_grouped_reads());
        CHECK(count(writer) == 3);  // committed already, not at the block's end
        CHECK(count(database) == 3);
    });
    CHECK(count(database) == 3);
}

TEST_CASE("atomic() inside Database::grouped_reads is a transaction of its own: a throw in it rolls back all it wrote",
          "[db]") {
    Notes notes;
    db::Database& database = notes.first();
    database.grouped_reads([&] {
        CHECK(count(database) == 1);
        CHECK_THROWS_WITH(database.atomic([&] {
            insert(database);
            insert(database);
            throw std::runtime_error("invalid");
        }),
                          "invalid");
        CHECK_FALSE(database.in_atomic_block());
        CHECK(count(database) == 1);
        database.atomic([&] { insert(database); });
        CHECK(count(database) == 2);
    });
    CHECK(count(database) == 2);
    // Transaction control given as SQL ends the grouped reads too, and read_only() still refuses writes.
    database.grouped_reads([&] {
        CHECK(count(database) == 2);
        database.connection().execute("BEGIN; DELETE FROM \"notes\"; ROLLBACK");
        CHECK_THROWS_AS(database.read_only([&] { insert(database); }), db::DatabaseError);
        CHECK(count(database) == 2);
    });
}

TEST_CASE("An exception thrown inside Database::grouped_reads ends its read transaction and propagates", "[db]") {
    Notes notes;
    db::Database& database = notes.first();
    CHECK_THROWS_WITH(database.grouped_reads([&]() -> int {
        CHECK(count(database) == 1);
        throw std::runtime_error("not found");
    }),
                      "not found");
    CHECK_FALSE(database.connection().in_grouped_reads());
    db::Database writer = notes.open();
    insert(writer);
    CHECK(count(database) == 2);
}

TEST_CASE("Inside atomic(), Database::grouped_reads runs in the transaction already open", "[db]") {
    Notes notes;
    db::Database& database = notes.first();
    database.atomic([&] {
        database.grouped_reads([&] {
            CHECK_FALSE(database.connection().in_grouped_reads());
            insert(database);
        });
        CHECK(database.in_atomic_block());
    });
    CHECK(count(database) == 2);
}

}  // namespace read_only_test
