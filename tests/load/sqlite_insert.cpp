// tests/load/sqlite_insert.cpp — the POST's floor: the row `POST /api/projects/` writes, inserted with no
// HTTP, no authentication, no serializer and no model layer, one transaction per row, from as many
// threads as the server runs, each on a connection of its own opened as the example opens its own
// (drf::db::sqlite::open with default Options: WAL, synchronous=NORMAL, drf's busy handler and
// checkpoints). Whatever a POST costs beyond this is the library's; this is what the storage costs.
//     drf_sqlite_insert DATABASE THREADS SECONDS [ROWS_PER_COMMIT]
// ROWS_PER_COMMIT (1, as a POST commits) above 1 puts that many rows in each transaction: what a writer
// that gathered several requests' rows into one commit would get from the storage at most.
// DATABASE is one the example migrated, with its one user (`projects migrate`, `projects createuser`),
// who owns every row. Prints the rows inserted and the rate, then checks that the table grew by exactly
// that many rows; exits 1 when it did not, 2 on bad arguments.
#include <drf/core/clock.hpp>
#include <drf/core/uuid.hpp>
#include <drf/db/database.hpp>
#include <drf/db/sqlite.hpp>

#include <atomic>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <exception>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

namespace {

constexpr const char* insert_sql =
    "INSERT INTO \"projects_project\" (\"id\", \"created_at\", \"updated_at\", \"name\", \"description\", "
    "\"owner_id\", \"archived\") VALUES (?, ?, ?, ?, ?, ?, ?)";

std::int64_t count_rows(drf::db::Database& database) {
    drf::db::StatementScope count(database.connection().prepare("SELECT COUNT(*) FROM \"projects_project\""));
    count->step();
    return count->column_int(0);
}

std::string the_owner(drf::db::Database& database) {
    drf::db::StatementScope owner(database.connection().prepare("SELECT \"id\" FROM \"auth_user\" LIMIT 2"));
    if (!owner->step()) throw std::runtime_error("the database has no user: run `projects createuser` first");
    std::string id(owner->column_text(0));
    if (owner->step()) throw std::runtime_error("the database has more than one user: give it one owner");
    return id;
}

// One thread's inserts until `stop`: the statement, its values and its transaction as the POST's.
std::int64_t insert_until(const std::string& path, const std::string& owner, int rows_per_commit,
                          const std::atomic<bool>& stop) {
    auto database = drf::db::sqlite::open(path);
    std::int64_t inserted = 0;
    while (!stop.load(std::memory_order_relaxed)) {
        database.atomic([&] {
            for (int row = 0; row < rows_per_commit; ++row) {
                const auto now = drf::now();
                drf::db::StatementScope insert(database.connection().prepare(insert_sql));
                insert->bind_uuid(1, drf::uuid4());
                insert->bind_datetime(2, now);
                insert->bind_datetime(3, now);
                insert->bind_text(4, "load test");
                insert->bind_text(5, "from wrk");
                insert->bind_text(6, owner);
                insert->bind_bool(7, false);
                insert->step();
            }
        });
        inserted += rows_per_commit;
    }
    return inserted;
}

}  // namespace

int main(int argc, char** argv) {
    int threads = 0;
    double seconds = 0;
    int rows_per_commit = 1;
    try {
        if (argc == 4 || argc == 5) {
            threads = std::stoi(argv[2]);
            seconds = std::stod(argv[3]);
            if (argc == 5) rows_per_commit = std::stoi(argv[4]);
        }
    } catch (const std::exception&) {
        threads = 0;
    }
    if (threads < 1 || threads > 64 || !(seconds > 0 && seconds <= 600) || rows_per_commit < 1 ||
        rows_per_commit > 1000) {
        std::fprintf(stderr,
                     "usage: drf_sqlite_insert DATABASE THREADS(1-64) SECONDS(0-600) [ROWS_PER_COMMIT(1-1000)]\n");
        return 2;
    }
    try {
        const std::string path = argv[1];
        auto database = drf::db::sqlite::open(path);
        const std::string owner = the_owner(database);
        const std::int64_t before = count_rows(database);

        std::atomic<bool> stop{false};
        std::vector<std::int64_t> inserted(static_cast<std::size_t>(threads), 0);
        std::vector<std::exception_ptr> failed(static_cast<std::size_t>(threads));
        std::vector<std::thread> workers;
        const auto start = std::chrono::steady_clock::now();
        for (std::size_t t = 0; t < inserted.size(); ++t)
            workers.emplace_back([&, t] {
                try {
                    inserted[t] = insert_until(path, owner, rows_per_commit, stop);
                } catch (...) {
                    failed[t] = std::current_exception();
                }
            });
        std::this_thread::sleep_for(std::chrono::duration<double>(seconds));
        stop = true;
        for (auto& worker : workers) worker.join();
        const double elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        for (const auto& failure : failed)
            if (failure) std::rethrow_exception(failure);

        std::int64_t total = 0;
        for (const auto n : inserted) total += n;
        const std::int64_t grown = count_rows(database) - before;
        std::printf("%lld rows in %.2f s from %d threads, %d per commit: %.0f inserts/s\n",
                    static_cast<long long>(total), elapsed, threads, rows_per_commit,
                    static_cast<double>(total) / elapsed);
        if (grown != total) {
            std::fprintf(stderr, "drf_sqlite_insert: counted %lld inserts, but the table grew by %lld rows\n",
                         static_cast<long long>(total), static_cast<long long>(grown));
            return 1;
        }
        return 0;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "drf_sqlite_insert: %s\n", e.what());
        return 1;
    }
}
