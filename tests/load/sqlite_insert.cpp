// tests/load/sqlite_insert.cpp — the POST's floor: the row `POST /api/projects/` writes, inserted with no
// HTTP, no authentication, no serializer and no model layer, one transaction per row, from as many
// threads as the server runs, each on a connection of its own opened as the example opens its own
// (drf::db::sqlite::open with default Options: WAL, synchronous=NORMAL, drf's busy handler and
// checkpoints). Whatever a POST costs beyond this is the library's; this is what the storage costs.
//     drf_sqlite_insert DATABASE THREADS SECONDS [ROWS_PER_COMMIT | shared | writer] [WORK_US]
// ROWS_PER_COMMIT (1, as a POST commits) above 1 puts that many rows in each transaction: what a writer
// that gathered several requests' rows into one commit would get from the storage at most.
// `shared` and `writer` measure group commit, each thread standing for a request that must not go on
// before its row is committed:
// - shared: the threads share one connection; each thread's row is a savepoint in a transaction they
//   share, which the thread that finds nobody else waiting for the connection (or the 64th row) commits
//   for all of them;
// - writer: the threads queue their rows for one writer thread, which puts all it finds queued (up to
//   64) in one transaction, each row a savepoint, commits, then lets their threads go on.
// WORK_US (0) is CPU time each thread spends before each row, outside any lock: the rest of a request.
// DATABASE is one the example migrated, with its one user (`projects migrate`, `projects createuser`),
// who owns every row. Prints the rows inserted and the rate, then checks that the table grew by exactly
// that many rows; exits 1 when it did not, 2 on bad arguments.
#include <drf/core/clock.hpp>
#include <drf/core/uuid.hpp>
#include <drf/db/database.hpp>
#include <drf/db/sqlite.hpp>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <cstdio>
#include <deque>
#include <exception>
#include <memory>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <thread>
#include <utility>
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

// The POST's row, bound and stepped on `connection`.
void insert_row(drf::db::Connection& connection, const std::string& owner) {
    const auto now = drf::now();
    drf::db::StatementScope insert(connection.prepare(insert_sql));
    insert->bind_uuid(1, drf::uuid4());
    insert->bind_datetime(2, now);
    insert->bind_datetime(3, now);
    insert->bind_text(4, "load test");
    insert->bind_text(5, "from wrk");
    insert->bind_text(6, owner);
    insert->bind_bool(7, false);
    insert->step();
}

// A prepared statement run once: BEGIN, SAVEPOINT, COMMIT (execute() would compile it every time).
void run(drf::db::Connection& connection, std::string_view sql) {
    drf::db::StatementScope statement(connection.prepare(sql));
    statement->step();
}

// The rest of a request: `work` of CPU time on this thread, spent on the clock rather than sleeping so
// that it takes a core from the others as a request's parsing and rendering would.
void other_work(std::chrono::microseconds work) {
    if (work.count() == 0) return;
    const auto until = std::chrono::steady_clock::now() + work;
    while (std::chrono::steady_clock::now() < until) {
    }
}

// The row as a savepoint in the transaction open on `connection` (a failed row leaves the others). The
// shared connection's transaction spans several threads' calls, so it cannot be one Database::atomic
// block, and a nested atomic() would begin a transaction of its own.
void insert_savepoint(drf::db::Connection& connection, const std::string& owner) {
    run(connection, "SAVEPOINT drf_row");
    try {
        insert_row(connection, owner);
    } catch (...) {
        run(connection, "ROLLBACK TO drf_row");
        run(connection, "RELEASE drf_row");
        throw;
    }
    run(connection, "RELEASE drf_row");
}

constexpr int max_group = 64;

// After a failed COMMIT: the transaction, if SQLite left it open, is given up.
void rollback(drf::db::Connection& connection) noexcept {
    try {
        run(connection, "ROLLBACK");
    } catch (...) {
        // no transaction was left open
    }
}

// One thread's inserts until `stop`, each transaction its own: the statement, its values and its
// transaction as the POST's.
std::int64_t insert_until(const std::string& path, const std::string& owner, int rows_per_commit,
                          std::chrono::microseconds work, const std::atomic<bool>& stop) {
    auto database = drf::db::sqlite::open(path);
    std::int64_t inserted = 0;
    while (!stop.load(std::memory_order_relaxed)) {
        other_work(work);
        database.atomic([&] {
            for (int row = 0; row < rows_per_commit; ++row) insert_row(database.connection(), owner);
        });
        inserted += rows_per_commit;
    }
    return inserted;
}

// Group commit on one connection the threads share. The thread that finds nobody waiting behind it
// commits; the others wait for that commit. Every thread that counts itself waiting then takes the
// connection, so the last one in always commits, and no row waits for ever.
class SharedTransaction {
public:
    SharedTransaction(const std::string& path, std::string owner)
        : database_(drf::db::sqlite::open(path)), owner_(std::move(owner)) {}

    // Adds one row; returns once a commit holds it, throws if that commit (or the row) failed.
    void insert() {
        waiting_.fetch_add(1);
        std::unique_lock lock(mutex_);
        waiting_.fetch_sub(1);
        auto& connection = database_.connection();
        if (!open_) {
            run(connection, "BEGIN IMMEDIATE");
            open_ = std::make_shared<Group>();
            rows_in_group_ = 0;
        }
        const std::shared_ptr<Group> group = open_;
        std::exception_ptr row_failed;
        try {
            insert_savepoint(connection, owner_);
        } catch (...) {
            row_failed = std::current_exception();
        }
        if (waiting_.load() == 0 || ++rows_in_group_ >= max_group) {
            try {
                run(connection, "COMMIT");
                ++commits_;
            } catch (...) {
                group->failed = std::current_exception();
                rollback(connection);
            }
            open_.reset();
            group->done = true;
            group->done.notify_all();
        } else {
            lock.unlock();
            group->done.wait(false);
        }
        if (row_failed) std::rethrow_exception(row_failed);
        if (group->failed) std::rethrow_exception(group->failed);
    }
    std::int64_t commits() const { return commits_; }

private:
    struct Group {
        std::atomic<bool> done{false};
        std::exception_ptr failed;  // the commit's error, set before done
    };
    drf::db::Database database_;
    std::string owner_;
    std::mutex mutex_;
    std::atomic<int> waiting_{0};
    std::shared_ptr<Group> open_;  // the transaction open on the connection, if any
    int rows_in_group_ = 0;
    std::int64_t commits_ = 0;  // read once the threads are joined
};

// Group commit by a writer thread: the threads queue their rows and wait; the writer commits all it
// finds queued together.
class Writer {
public:
    Writer(const std::string& path, std::string owner)
        : database_(drf::db::sqlite::open(path)), owner_(std::move(owner)), thread_([this] { write(); }) {}
    ~Writer() {
        {
            const std::lock_guard lock(mutex_);
            stop_ = true;
        }
        queued_.notify_one();
        thread_.join();
    }
    Writer(const Writer&) = delete;
    Writer& operator=(const Writer&) = delete;

    // Queues one row; returns once the writer has committed it, throws if that failed.
    void insert() {
        // Shared with the writer, which may still be notifying it when this thread has seen it done.
        const auto row = std::make_shared<Row>();
        {
            const std::lock_guard lock(mutex_);
            queue_.push_back(row);
        }
        queued_.notify_one();
        row->done.wait(false);
        if (row->failed) std::rethrow_exception(row->failed);
    }
    std::int64_t commits() const { return commits_; }

private:
    struct Row {
        std::atomic<bool> done{false};
        std::exception_ptr failed;
    };
    void write() {
        std::vector<std::shared_ptr<Row>> group;
        for (;;) {
            {
                std::unique_lock lock(mutex_);
                queued_.wait(lock, [&] { return !queue_.empty() || stop_; });
                if (queue_.empty()) return;
                while (!queue_.empty() && group.size() < max_group) {
                    group.push_back(queue_.front());
                    queue_.pop_front();
                }
            }
            std::exception_ptr commit_failed;
            try {
                // One transaction, each row a savepoint in it: nested atomic blocks, as drf nests them.
                database_.atomic([&] {
                    for (const auto& row : group) {
                        try {
                            database_.atomic([&] { insert_row(database_.connection(), owner_); });
                        } catch (...) {
                            row->failed = std::current_exception();
                        }
                    }
                });
                ++commits_;
            } catch (...) {
                commit_failed = std::current_exception();
            }
            for (const auto& row : group) {
                if (commit_failed && !row->failed) row->failed = commit_failed;
                row->done = true;
                row->done.notify_one();
            }
            group.clear();
        }
    }

    drf::db::Database database_;
    std::string owner_;
    std::mutex mutex_;
    std::condition_variable queued_;
    std::deque<std::shared_ptr<Row>> queue_;
    bool stop_ = false;
    std::atomic<std::int64_t> commits_{0};
    std::thread thread_;  // last: started once the rest exists
};

// One thread's rows through a group commit until `stop`.
template <class Group>
std::int64_t group_until(Group& group, std::chrono::microseconds work, const std::atomic<bool>& stop) {
    std::int64_t inserted = 0;
    while (!stop.load(std::memory_order_relaxed)) {
        other_work(work);
        group.insert();
        ++inserted;
    }
    return inserted;
}

}  // namespace

int main(int argc, char** argv) {
    enum class Mode { own_transactions, shared, writer };
    Mode mode = Mode::own_transactions;
    int threads = 0;
    double seconds = 0;
    int rows_per_commit = 1;
    long work_us = 0;
    try {
        if (argc >= 4 && argc <= 6) {
            threads = std::stoi(argv[2]);
            seconds = std::stod(argv[3]);
            if (argc >= 5) {
                const std::string_view how = argv[4];
                if (how == "shared")
                    mode = Mode::shared;
                else if (how == "writer")
                    mode = Mode::writer;
                else
                    rows_per_commit = std::stoi(argv[4]);
            }
            if (argc == 6) work_us = std::stol(argv[5]);
        }
    } catch (const std::exception&) {
        threads = 0;
    }
    if (threads < 1 || threads > 64 || !(seconds > 0 && seconds <= 600) || rows_per_commit < 1 ||
        rows_per_commit > 1000 || work_us < 0 || work_us > 100000) {
        std::fprintf(stderr,
                     "usage: drf_sqlite_insert DATABASE THREADS(1-64) SECONDS(0-600) "
                     "[ROWS_PER_COMMIT(1-1000) | shared | writer] [WORK_US(0-100000)]\n");
        return 2;
    }
    try {
        const std::string path = argv[1];
        const std::chrono::microseconds work(work_us);
        auto database = drf::db::sqlite::open(path);
        const std::string owner = the_owner(database);
        const std::int64_t before = count_rows(database);

        std::optional<SharedTransaction> shared;
        std::optional<Writer> writer;
        if (mode == Mode::shared) shared.emplace(path, owner);
        if (mode == Mode::writer) writer.emplace(path, owner);
        std::atomic<bool> stop{false};
        std::vector<std::int64_t> inserted(static_cast<std::size_t>(threads), 0);
        std::vector<std::exception_ptr> failed(static_cast<std::size_t>(threads));
        std::vector<std::thread> workers;
        const auto start = std::chrono::steady_clock::now();
        for (std::size_t t = 0; t < inserted.size(); ++t)
            workers.emplace_back([&, t] {
                try {
                    if (shared)
                        inserted[t] = group_until(*shared, work, stop);
                    else if (writer)
                        inserted[t] = group_until(*writer, work, stop);
                    else
                        inserted[t] = insert_until(path, owner, rows_per_commit, work, stop);
                } catch (...) {
                    failed[t] = std::current_exception();
                }
            });
        std::this_thread::sleep_for(std::chrono::duration<double>(seconds));
        stop = true;
        for (auto& worker : workers) worker.join();
        const double elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        const std::int64_t commits = shared ? shared->commits() : writer ? writer->commits() : 0;
        writer.reset();
        shared.reset();
        for (const auto& failure : failed)
            if (failure) std::rethrow_exception(failure);

        std::int64_t total = 0;
        for (const auto n : inserted) total += n;
        const std::int64_t grown = count_rows(database) - before;
        const double rate = static_cast<double>(total) / elapsed;
        if (mode == Mode::own_transactions)
            std::printf("%lld rows in %.2f s from %d threads, %d per commit, %ld us of other work: %.0f inserts/s\n",
                        static_cast<long long>(total), elapsed, threads, rows_per_commit, work_us, rate);
        else
            std::printf("%lld rows in %.2f s from %d threads, group commit (%s, %.1f rows per commit), %ld us of "
                        "other work: %.0f inserts/s\n",
                        static_cast<long long>(total), elapsed, threads, mode == Mode::shared ? "shared" : "writer",
                        commits ? static_cast<double>(total) / static_cast<double>(commits) : 0.0, work_us, rate);
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
