// tests/db/sqlite_checkpoint_test.cpp — sqlite::Options::wal_autocheckpoint: a commit runs a passive
// checkpoint once every that many pages written to the WAL since the last checkpoint, counted across
// the process's connections to the file, even while a reader keeps the WAL from starting over; 0 never.
// Readers that keep coming cannot keep the WAL growing: once it is wal_size_limit pages long its
// checkpoint waits for them (RESTART), after which it starts over.
#include "../support/sqlite_file.hpp"

#include <drf/db/sqlite.hpp>

#include <catch2/catch.hpp>

#include <atomic>
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <thread>

namespace sqlite_checkpoint_test {

namespace db = drf::db;
namespace sqlite = drf::db::sqlite;

// The WAL file's pages: a 32-byte header, then frames of a 24-byte header and a page.
std::uintmax_t wal_pages(const drf_test::TempSqliteFile& file) {
    const auto size = std::filesystem::file_size(file.path + "-wal");
    return size < 32 ? 0 : (size - 32) / (4096 + 24);
}

// A database and the SQLite connection under it, whose checkpoints() the tests read.
struct Opened {
    sqlite::SqliteConnection* connection;
    db::Database database;
    Opened(const std::string& path, int wal_autocheckpoint, int wal_size_limit = sqlite::Options{}.wal_size_limit)
        : Opened(std::make_unique<sqlite::SqliteConnection>(
              path, sqlite::Options{.wal_autocheckpoint = wal_autocheckpoint, .wal_size_limit = wal_size_limit})) {}

private:
    explicit Opened(std::unique_ptr<sqlite::SqliteConnection> c) : connection(c.get()), database(std::move(c)) {}
};

void insert(db::Database& database, int n) {
    db::StatementScope s(database.connection().prepare("INSERT INTO notes (body) VALUES (?)"));
    s->bind_owned_text(1, "note " + std::to_string(n));
    s->step();
}

// A reader whose snapshot is held open: the WAL cannot start over from its beginning while it lasts.
struct HeldReader {
    explicit HeldReader(const std::string& path) : reader(sqlite::open(path)) {
        reader.connection().execute("BEGIN");
        db::StatementScope s(reader.connection().prepare("SELECT count(*) FROM notes"));
        s->step();
    }
    ~HeldReader() { reader.connection().execute("COMMIT"); }
    db::Database reader;
};

TEST_CASE("A SQLite commit checkpoints once every wal_autocheckpoint new WAL pages, even while a reader holds the WAL",
          "[db][sqlite]") {
    drf_test::TempSqliteFile file;
    Opened writer(file.path, 20);
    writer.database.connection().execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)");
    insert(writer.database, 0);
    const HeldReader reader(file.path);
    const auto before = writer.connection->checkpoints();
    for (int n = 1; n <= 200; ++n) insert(writer.database, n);
    // SQLite's own policy checkpoints after every commit once the WAL is past its limit, and with the
    // reader there the WAL never starts over: that would be ~190 checkpoints here.
    const auto written = wal_pages(file);
    const auto checkpoints = writer.connection->checkpoints() - before;
    INFO("WAL pages: " << written << ", checkpoints: " << checkpoints);
    CHECK(written >= 200);  // the reader kept every page in the WAL
    CHECK(checkpoints >= written / 20 - 1);
    CHECK(checkpoints <= written / 20 + 1);
}

TEST_CASE("Two connections to one SQLite file share the checkpoint count: pages are checkpointed once, not once per connection",
          "[db][sqlite]") {
    drf_test::TempSqliteFile file;
    Opened first(file.path, 20);
    first.database.connection().execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)");
    Opened second(file.path, 20);
    insert(first.database, 0);
    const HeldReader reader(file.path);
    const auto before = first.connection->checkpoints() + second.connection->checkpoints();
    for (int n = 1; n <= 200; ++n) insert(n % 2 ? first.database : second.database, n);
    const auto written = wal_pages(file);
    const auto checkpoints = first.connection->checkpoints() + second.connection->checkpoints() - before;
    INFO("WAL pages: " << written << ", checkpoints: " << checkpoints);
    CHECK(checkpoints >= written / 20 - 1);
    CHECK(checkpoints <= written / 20 + 1);
}

TEST_CASE("An ATTACHed SQLite database's commits leave the main database's checkpoint count alone", "[db][sqlite]") {
    drf_test::TempSqliteFile file;
    drf_test::TempSqliteFile other;
    Opened writer(file.path, 20);
    auto& connection = writer.database.connection();
    connection.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)");
    {
        db::StatementScope attach(connection.prepare("ATTACH DATABASE ? AS other"));
        attach->bind_text(1, other.path);
        attach->step();
    }
    connection.execute("PRAGMA other.journal_mode = WAL; CREATE TABLE other.log (id INTEGER PRIMARY KEY, line TEXT)");
    insert(writer.database, 0);
    const HeldReader reader(file.path);  // holds the main WAL only: the attached one starts over
    const auto before = writer.connection->checkpoints();
    for (int n = 1; n <= 200; ++n) {
        insert(writer.database, n);
        connection.execute("INSERT INTO other.log (line) VALUES ('written')");
    }
    const auto written = wal_pages(file);
    const auto checkpoints = writer.connection->checkpoints() - before;
    INFO("main WAL pages: " << written << ", checkpoints of both: " << checkpoints);
    CHECK(written >= 200);
    // About ten for each WAL (20 in all). Counted against main's mark, each of the attached WAL's small
    // sizes would read as main's WAL having started over, and main would checkpoint on nearly every
    // commit (193 when measured).
    CHECK(checkpoints <= written / 5);
    CHECK(wal_pages(other) <= 30);  // the attached database is checkpointed by SQLite's policy
}

// A server's other thread: short read transactions, one after another, so that nearly always one of
// them is in the WAL when a checkpoint runs or a writer begins.
struct Readers {
    explicit Readers(const std::string& path)
        : thread([this, path] {
              auto reader = sqlite::open(path);
              while (!stop) {
                  reader.read_only([&] {
                      db::StatementScope s(reader.connection().prepare("SELECT count(*) FROM notes"));
                      s->step();
                      std::this_thread::sleep_for(std::chrono::microseconds(200));
                  });
                  ++reads;
              }
          }) {}
    ~Readers() { finish(); }
    int finish() {
        stop = true;
        if (thread.joinable()) thread.join();
        return reads;
    }
    std::atomic<bool> stop{false};
    std::atomic<int> reads{0};
    std::thread thread;  // last: started once the flags exist
};

TEST_CASE("Under steady writes while readers keep coming, the SQLite WAL still starts over at wal_size_limit pages",
          "[db][sqlite]") {
    drf_test::TempSqliteFile file;
    Opened writer(file.path, 20, 80);
    writer.database.connection().execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)");
    insert(writer.database, 0);
    Readers readers(file.path);
    std::uintmax_t largest = 0;
    for (int n = 1; n <= 3000; ++n) {
        insert(writer.database, n);
        if (n % 100 == 0) largest = std::max(largest, wal_pages(file));
    }
    const int reads = readers.finish();
    INFO("largest WAL: " << largest << " pages, checkpoints: " << writer.connection->checkpoints()
                         << ", restarts: " << writer.connection->restarts() << ", read transactions: " << reads);
    CHECK(reads > 100);  // the readers did run alongside
    CHECK(writer.connection->restarts() > 0);
    // 3000 commits write some 3000 pages. With passive checkpoints alone the WAL grew with them (1 748
    // pages when measured), since a reader is nearly always in it. A RESTART from 80 pages on lets it
    // start over (220-240 pages when measured on a busy machine, where a reader descheduled for longer
    // than the RESTART waits made some of them give up).
    CHECK(largest <= 400);
}

TEST_CASE("wal_size_limit 0: SQLite's checkpoints never wait for readers to make the WAL start over", "[db][sqlite]") {
    drf_test::TempSqliteFile file;
    Opened writer(file.path, 20, 0);
    writer.database.connection().execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)");
    insert(writer.database, 0);
    Readers readers(file.path);
    for (int n = 1; n <= 1000; ++n) insert(writer.database, n);
    readers.finish();
    INFO("WAL: " << wal_pages(file) << " pages");
    CHECK(writer.connection->checkpoints() >= 40);
    CHECK(writer.connection->restarts() == 0);
}

TEST_CASE("A restarting checkpoint gives up soon on a reader that stays, and the commit before it stands", "[db][sqlite]") {
    drf_test::TempSqliteFile file;
    Opened writer(file.path, 20, 80);
    writer.database.connection().execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)");
    insert(writer.database, 0);
    const HeldReader reader(file.path);  // in this thread: it cannot finish while the checkpoint waits
    const auto started = std::chrono::steady_clock::now();
    for (int n = 1; n <= 200; ++n) insert(writer.database, n);  // 200 pages: RESTARTs from 80 on, each giving up
    const auto took = std::chrono::steady_clock::now() - started;
    CHECK(wal_pages(file) >= 200);  // the reader still holds every page in the WAL
    CHECK(writer.connection->restarts() == 0);
    // About seven RESTARTs, each waiting 10 ms at the most; busy_timeout's 5 s would have made it 35 s.
    CHECK(took < std::chrono::seconds(3));
    db::StatementScope s(writer.database.connection().prepare("SELECT count(*) FROM notes"));
    REQUIRE(s->step());
    CHECK(s->column_int(0) == 201);
}

TEST_CASE("With no reader in the way the SQLite WAL starts over after each checkpoint and stays small", "[db][sqlite]") {
    drf_test::TempSqliteFile file;
    Opened writer(file.path, 20);
    writer.database.connection().execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)");
    for (int n = 0; n < 500; ++n) insert(writer.database, n);
    CHECK(writer.connection->checkpoints() >= 10);
    CHECK(wal_pages(file) <= 30);  // 500 commits, but never more than the limit and a commit's pages
}

TEST_CASE("wal_autocheckpoint 0: commits never checkpoint, and the last connection to close empties the WAL",
          "[db][sqlite]") {
    drf_test::TempSqliteFile file;
    {
        Opened writer(file.path, 0);
        writer.database.connection().execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)");
        for (int n = 0; n < 300; ++n) insert(writer.database, n);
        CHECK(writer.connection->checkpoints() == 0);
        CHECK(wal_pages(file) >= 300);
    }
    CHECK_FALSE(std::filesystem::exists(file.path + "-wal"));
    auto reopened = sqlite::open(file.path);
    db::StatementScope s(reopened.connection().prepare("SELECT count(*) FROM notes"));
    REQUIRE(s->step());
    CHECK(s->column_int(0) == 300);
}

TEST_CASE("sqlite::Options wal_autocheckpoint is 1000 pages, as SQLite's, and replaces SQLite's own", "[db][sqlite]") {
    drf_test::TempSqliteFile file;
    CHECK(sqlite::Options{}.wal_autocheckpoint == 1000);
    CHECK(sqlite::Options{}.wal_size_limit == 4000);  // 16 MB of 4 kB pages
    auto database = sqlite::open(file.path);
    db::StatementScope s(database.connection().prepare("PRAGMA wal_autocheckpoint"));
    REQUIRE(s->step());
    CHECK(s->column_int(0) == 0);  // SQLite's auto-checkpoint is off: drf's runs instead
}

}  // namespace sqlite_checkpoint_test
