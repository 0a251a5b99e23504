// drf/db/sqlite.hpp — the SQLite backend: a file (or ":memory:") opened in WAL mode with a busy
// timeout, foreign keys on, checkpoints every wal_autocheckpoint new pages (a WAL past wal_size_limit
// pages made to start over), and a cache of prepared statements. The only header that includes
// <sqlite3.h>; link drf::sqlite.
#pragma once

// Through CMake, drf::drf defines DRF_COMPONENT_CHECKS and drf::sqlite DRF_HAS_SQLITE: a missing
// component is this message, not a wall of undefined references at link time.
#if defined(DRF_COMPONENT_CHECKS) && !defined(DRF_HAS_SQLITE)
#error "drf: <drf/db/sqlite.hpp> needs the drf::sqlite component: target_link_libraries(... drf::sqlite) (or drf::all)"
#endif

#include <drf/core/detail/strings.hpp>
#include <drf/db/backend.hpp>
#include <drf/db/connect.hpp>
#include <drf/db/database.hpp>
#include <drf/db/detail/statement_cache.hpp>

#include <sqlite3.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>
#include <utility>
#include <vector>

namespace drf::db::sqlite {

class SqliteDialect final : public Dialect {
public:
    std::string_view name() const override { return "sqlite"; }
    std::string placeholders(std::string_view sql) const override { return std::string(sql); }
    std::string column_type(ColumnKind kind) const override {
        switch (kind) {
            case ColumnKind::boolean:
            case ColumnKind::integer:
            case ColumnKind::datetime: return "INTEGER";  // datetimes: microseconds since the Unix epoch, UTC
            case ColumnKind::real: return "REAL";
            case ColumnKind::uuid:
            case ColumnKind::text: return "TEXT";
            // Django's: decimal (NUMERIC affinity), date and time (ISO text), bigint (a duration's
            // microseconds), text (JSON; spelled as SQLite reports it), char(39) (an IPv6 address at
            // its longest).
            case ColumnKind::decimal: return "decimal";
            case ColumnKind::date: return "date";
            case ColumnKind::time: return "time";
            case ColumnKind::duration: return "bigint";
            case ColumnKind::json: return "TEXT";
            case ColumnKind::ip_address: return "char(39)";
        }
        return "TEXT";
    }
    // LIKE is case-insensitive for ASCII in SQLite, so the case-sensitive test uses instr().
    std::string contains(std::string_view column) const override { return "instr(" + std::string(column) + ", ?) > 0"; }
    // The pattern is `(? || '')`, not a bare `?`: SQLite re-prepares a statement whose LIKE pattern is a
    // bare parameter every time it is rebound (for its LIKE optimization, which needs a NOCASE index
    // drf never creates), so a bare `?` would defeat the statement cache on every search.
    std::string icontains(std::string_view column) const override {
        return std::string(column) + " LIKE (? || '') ESCAPE '\\'";
    }
    // Django's: LIKE with the pattern, which folds ASCII letters only.
    std::string iexact(std::string_view column) const override { return icontains(column); }
    std::string istartswith(std::string_view column) const override { return icontains(column); }
    std::string iendswith(std::string_view column) const override { return icontains(column); }
    // Case-sensitive, unlike Django's LIKE here: instr() finds the first occurrence; an upper-case hex
    // image of the bytes has no LIKE wildcards and no case, and a suffix of even length starts on a
    // byte boundary (hex(NULL) is '', hence the NULL test).
    std::string startswith(std::string_view column) const override { return "instr(" + std::string(column) + ", ?) = 1"; }
    std::string endswith(std::string_view column) const override {
        return "(" + std::string(column) + " IS NOT NULL AND hex(" + std::string(column) + ") LIKE '%' || hex(?))";
    }
    std::string_view begin() const override { return "BEGIN IMMEDIATE"; }
    std::string explain(std::string_view sql) const override { return "EXPLAIN QUERY PLAN " + std::string(sql); }
    int explain_column() const override { return 3; }  // id, parent, notused, detail
    std::string_view no_limit() const override { return "-1"; }
};

namespace detail {
[[noreturn]] inline void raise(sqlite3* db, int code, std::string_view what) {
    std::string message = std::string(what) + ": " + (db ? sqlite3_errmsg(db) : sqlite3_errstr(code));
    const int primary = code & 0xff;
    if (primary == SQLITE_CONSTRAINT) throw IntegrityError(message);
    if (primary == SQLITE_BUSY || primary == SQLITE_LOCKED) throw OperationalError(message);
    throw DatabaseError(message);
}

// What a write inside Database::read_only gets: the statement, as the other errors name it, and why.
[[noreturn]] inline void refuse_write(std::string_view sql) {
    throw DatabaseError("cannot run \"" + std::string(sql) + "\": a write in a read-only transaction (Database::read_only)");
}

// The transaction a connection's statements check before they run: inside Database::read_only a
// write is refused; inside Database::grouped_reads the read transaction is committed first.
struct TransactionMode {
    bool read_only = false;
    bool grouped = false;
};

// BEGIN, SAVEPOINT, COMMIT, END, ROLLBACK, RELEASE: statements sqlite3_stmt_readonly counts as reads,
// which must not run inside a grouped read transaction either (an atomic block opened in it would
// commit with it at its first write).
inline bool is_transaction_control(std::string_view sql) {
    using drf::detail::iequals;
    sql = drf::detail::trim(sql, drf::detail::is_ascii_space);
    const std::string_view word = sql.substr(0, std::min(sql.find_first_of(" \t\r\n;"), sql.size()));
    return iequals(word, "BEGIN") || iequals(word, "SAVEPOINT") || iequals(word, "COMMIT") || iequals(word, "END") ||
           iequals(word, "ROLLBACK") || iequals(word, "RELEASE");
}

// Before `stmt` runs: refuses a write inside read_only; inside grouped reads, commits the read
// transaction before a write or transaction control, so that the statement runs as it would outside.
inline void before_run(sqlite3* db, sqlite3_stmt* stmt, bool transaction_control, TransactionMode& mode) {
    const bool writes = !sqlite3_stmt_readonly(stmt);
    if (mode.read_only && writes) refuse_write(sqlite3_sql(stmt));
    if (mode.grouped && (writes || transaction_control)) {
        mode.grouped = false;
        if (const int rc = sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr); rc != SQLITE_OK)
            raise(db, rc, "cannot end the grouped reads before \"" + std::string(sqlite3_sql(stmt)) + "\"");
    }
}

// SQLite counts every allocation it makes under one process-wide mutex (SQLITE_CONFIG_MEMSTATUS, on by
// default), for sqlite3_memory_used() and the soft heap limit: on a server that is half of all mutex
// locks of a GET, and a point where its threads wait for each other. drf turns the count off as it
// opens its first connection. sqlite3_config can change it only before SQLite is initialised, so a
// program that wants the count calls sqlite3_initialize() before it opens a drf database.
inline void configure_process() {
    [[maybe_unused]] static const int refused_when_initialised = sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
}

// What the connections of this process to one database file share: where its WAL stood at the last
// checkpoint one of them ran. Found by the file's full name at open; a process-wide registry that is
// never destroyed, so a connection closed during static destruction does not outlive it.
struct WalState {
    std::atomic<int> checkpointed_at{0};  // the WAL's size in pages then

    // After a commit left the WAL `pages` long: whether this connection checkpoints now. The one that
    // moves the mark does; the others' commits go on.
    bool claim(int pages, int limit) {
        int last = checkpointed_at.load(std::memory_order_relaxed);
        // The WAL started over: the mark goes back to its beginning (a failed exchange leaves in `last`
        // what another connection put there, which is then the mark to count from).
        if (pages < last && checkpointed_at.compare_exchange_strong(last, 0, std::memory_order_relaxed)) last = 0;
        return pages - last >= limit && checkpointed_at.compare_exchange_strong(last, pages, std::memory_order_relaxed);
    }
};
inline std::shared_ptr<WalState> wal_state(const std::string& file) {
    struct Registry {
        std::mutex mutex;
        std::map<std::string, std::weak_ptr<WalState>> files;
    };
    static auto* const registry = new Registry;
    const std::lock_guard lock(registry->mutex);
    std::erase_if(registry->files, [](const auto& entry) { return entry.second.expired(); });
    auto& entry = registry->files[file];
    auto state = entry.lock();
    if (!state) entry = state = std::make_shared<WalState>();
    return state;
}

}  // namespace detail

class SqliteStatement final : public Statement {
public:
    // `mode`: the connection's, which step() checks (Database::read_only, Database::grouped_reads).
    SqliteStatement(sqlite3* db, std::string_view sql, detail::TransactionMode& mode)
        : db_(db), mode_(mode), transaction_control_(detail::is_transaction_control(sql)) {
        const int rc = sqlite3_prepare_v3(db, sql.data(), static_cast<int>(sql.size()), SQLITE_PREPARE_PERSISTENT,
                                          &stmt_, nullptr);
        if (rc != SQLITE_OK) detail::raise(db, rc, "cannot prepare \"" + std::string(sql) + "\"");
    }
    ~SqliteStatement() override { sqlite3_finalize(stmt_); }
    SqliteStatement(const SqliteStatement&) = delete;
    SqliteStatement& operator=(const SqliteStatement&) = delete;

    void bind_null(int index) override { check(sqlite3_bind_null(stmt_, index)); }
    void bind_int(int index, std::int64_t value) override { check(sqlite3_bind_int64(stmt_, index, value)); }
    void bind_double(int index, double value) override { check(sqlite3_bind_double(stmt_, index, value)); }
    void bind_text(int index, std::string_view value) override {
        // SQLITE_STATIC: no copy; the interface requires the text to outlive the binding.
        check(sqlite3_bind_text64(stmt_, index, value.data(), value.size(), SQLITE_STATIC, SQLITE_UTF8));
    }
    void bind_owned_text(int index, std::string value) override {
        check(sqlite3_bind_text64(stmt_, index, value.data(), value.size(), SQLITE_TRANSIENT, SQLITE_UTF8));
    }
    void bind_uuid(int index, const Uuid& value) override {
        const auto text = format_uuid(value);  // canonical text, so ids compare and sort the same everywhere
        check(sqlite3_bind_text64(stmt_, index, text.data(), text.size(), SQLITE_TRANSIENT, SQLITE_UTF8));
    }
    bool step() override {
        if (mode_.read_only || mode_.grouped) detail::before_run(db_, stmt_, transaction_control_, mode_);
        const int rc = sqlite3_step(stmt_);
        if (rc == SQLITE_ROW) return true;
        if (rc == SQLITE_DONE) return false;
        sqlite3_reset(stmt_);
        detail::raise(db_, rc, "cannot run \"" + std::string(sqlite3_sql(stmt_)) + "\"");
    }
    bool is_null(int column) const override { return sqlite3_column_type(stmt_, column) == SQLITE_NULL; }
    std::int64_t column_int(int column) const override { return sqlite3_column_int64(stmt_, column); }
    double column_double(int column) const override { return sqlite3_column_double(stmt_, column); }
    std::string_view column_text(int column) const override {
        const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, column));
        const int size = sqlite3_column_bytes(stmt_, column);
        return text ? std::string_view(text, static_cast<std::size_t>(size)) : std::string_view();
    }
    int column_count() const override { return sqlite3_column_count(stmt_); }
    void reset() override {
        sqlite3_reset(stmt_);
        sqlite3_clear_bindings(stmt_);
    }

private:
    void check(int rc) const {
        if (rc != SQLITE_OK) detail::raise(db_, rc, "cannot bind a parameter");
    }
    sqlite3* db_;
    detail::TransactionMode& mode_;
    bool transaction_control_;
    sqlite3_stmt* stmt_ = nullptr;
};

// SQLite's PRAGMA synchronous with WAL: when a commit waits for the disk. NORMAL syncs the WAL only at
// checkpoints: a committed write survives a crash of the process, but a crash of the machine (power
// cut, kernel panic) may lose the last commits, never corrupting the file. FULL syncs the WAL on every
// commit: a committed write survives a crash of the machine too, at the price of one fsync per commit.
enum class Synchronous { normal, full };

struct Options {
    std::chrono::milliseconds busy_timeout{5000};
    bool wal = true;  // ignored for ":memory:", which has no journal file
    // With WAL only; a rollback journal (wal = false) is always FULL, which it needs to survive a power cut.
    Synchronous synchronous = Synchronous::normal;
    std::size_t statement_cache_size = 256;  // prepared statements kept, least recently used dropped first
    // With WAL: a commit that brings this many pages into the WAL since the last checkpoint (by any of
    // this process's connections to the file) runs a passive checkpoint; 0 never does (the last
    // connection to close checkpoints, or the program runs PRAGMA wal_checkpoint itself).
    int wal_autocheckpoint = 1000;
    // With WAL and wal_autocheckpoint: once the WAL is this many pages long, its checkpoint waits (10 ms
    // at the most) for the readers still in it, so that it starts over; 0 never does, and under steady
    // writes while readers keep coming the WAL then grows for as long as the load lasts.
    int wal_size_limit = 4000;
};

class SqliteConnection final : public Connection {
public:
    explicit SqliteConnection(const std::string& path, Options options = {}) : statements_(options.statement_cache_size) {
        detail::configure_process();
        const int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_URI;
        const int rc = sqlite3_open_v2(path.c_str(), &db_, flags, nullptr);
        if (rc != SQLITE_OK) {
            std::string message = "cannot open database \"" + path + "\": " + (db_ ? sqlite3_errmsg(db_) : sqlite3_errstr(rc));
            sqlite3_close(db_);
            throw OperationalError(message);
        }
        sqlite3_extended_result_codes(db_, 1);
        busy_timeout_ = options.busy_timeout;
        sqlite3_busy_handler(db_, &SqliteConnection::wait_for_lock, this);
        execute("PRAGMA foreign_keys = ON");
        if (options.wal && path != ":memory:") {
            execute("PRAGMA journal_mode = WAL");
            execute(options.synchronous == Synchronous::full ? "PRAGMA synchronous = FULL" : "PRAGMA synchronous = NORMAL");
            // drf's policy replaces SQLite's own auto-checkpoint (PRAGMA wal_autocheckpoint reads 0).
            if (options.wal_autocheckpoint > 0) {
                checkpoint_pages_ = options.wal_autocheckpoint;
                restart_pages_ = options.wal_size_limit;
                wal_ = detail::wal_state(sqlite3_db_filename(db_, "main"));
                sqlite3_wal_hook(db_, &SqliteConnection::after_commit, this);
            } else {
                sqlite3_wal_autocheckpoint(db_, 0);
            }
        } else {
            execute("PRAGMA synchronous = FULL");  // a rollback journal needs FULL to survive a power cut
        }
    }
    ~SqliteConnection() override {
        statements_.clear();
        sqlite3_close(db_);
    }
    SqliteConnection(const SqliteConnection&) = delete;
    SqliteConnection& operator=(const SqliteConnection&) = delete;

    const Dialect& dialect() const override {
        static const SqliteDialect dialect;
        return dialect;
    }
    Statement& prepare(std::string_view sql) override {
        return statements_.get(
            sql, [&] { return std::make_unique<SqliteStatement>(db_, sql, mode_); }, [](SqliteStatement&) {});
    }
    // sqlite3_exec's loop (prepare the next statement, step it to the end), written out so that inside
    // Database::read_only each statement is checked before it runs, as step() checks a prepared one.
    // Errors read as sqlite3_exec's did: SQLite's message, then the result code's text.
    void execute(std::string_view sql) override {
        const char* next = sql.data();
        const char* const end = sql.data() + sql.size();
        while (next < end) {
            sqlite3_stmt* raw = nullptr;
            const char* tail = nullptr;
            const int rc = sqlite3_prepare_v2(db_, next, static_cast<int>(end - next), &raw, &tail);
            const std::unique_ptr<sqlite3_stmt, int (*)(sqlite3_stmt*)> statement(raw, sqlite3_finalize);
            if (rc != SQLITE_OK) detail::raise(nullptr, rc, sqlite3_errmsg(db_));
            next = tail;
            if (!raw) continue;  // only whitespace or a comment was left
            if (mode_.read_only || mode_.grouped)
                detail::before_run(db_, raw, detail::is_transaction_control(sqlite3_sql(raw)), mode_);
            int step;
            while ((step = sqlite3_step(raw)) == SQLITE_ROW) {
            }
            if (step != SQLITE_DONE) detail::raise(nullptr, step, sqlite3_errmsg(db_));
        }
    }
    // A deferred transaction in WAL mode reads one snapshot, taken at its first read. BEGIN and COMMIT
    // are prepared once, like any statement: execute() would compile them on every request.
    void begin_read_only() override {
        run("BEGIN DEFERRED");
        mode_.read_only = true;
    }
    void end_read_only(bool commit) override {
        mode_.read_only = false;
        run(commit ? "COMMIT" : "ROLLBACK");
    }
    // A grouped read transaction's BEGIN and COMMIT. A statement outside a transaction takes and drops
    // the WAL index's locks (two fcntl calls and a mutex the server's threads contend for); a prepared
    // BEGIN and COMMIT around several reads cost less. A statement that must not run inside it commits it
    // first (detail::before_run).
    void begin_grouped_reads() override {
        run("BEGIN DEFERRED");
        mode_.grouped = true;
    }
    void end_grouped_reads() noexcept override {
        if (!mode_.grouped) return;
        mode_.grouped = false;
        try {
            run("COMMIT");
        } catch (...) {
            sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);  // reads only: nothing to lose
        }
    }
    bool in_grouped_reads() const noexcept override { return mode_.grouped; }
    std::int64_t changes() const override { return sqlite3_changes64(db_); }

    std::vector<ColumnInfo> table_columns(std::string_view table) override {
        Statement& s = prepare("SELECT name, type, \"notnull\", pk FROM pragma_table_info(?)");
        s.reset();
        s.bind_text(1, table);
        std::vector<ColumnInfo> columns;
        while (s.step())
            columns.push_back({std::string(s.column_text(0)), std::string(s.column_text(1)), s.column_int(2) != 0,
                               s.column_int(3) != 0});
        s.reset();
        return columns;
    }

    sqlite3* handle() const noexcept { return db_; }

    std::size_t cached_statements() const noexcept { return statements_.size(); }
    // Checkpoints this connection has run after its commits (Options::wal_autocheckpoint).
    std::size_t checkpoints() const noexcept { return checkpoints_; }
    // Those of them that went on to make the WAL start over (Options::wal_size_limit).
    std::size_t restarts() const noexcept { return restarts_; }

private:
    void run(std::string_view sql) {
        StatementScope s(prepare(sql));
        s->step();
    }
    // SQLite's own busy handler (sqlite3_busy_timeout) sleeps 1, 2, 5, 10, 15… ms between tries, so a
    // writer that finds the lock taken by a commit lasting 50 µs waits a millisecond or more: on a server
    // whose threads write at once, that was the POST's p99. This one tries again after short, growing
    // pauses (a yield, then 10 µs doubling up to 1 ms) and gives up, as SQLite's does, once busy_timeout
    // has passed since the first try; the statement then fails with SQLITE_BUSY (OperationalError).
    // During a restarting checkpoint (after_commit) it waits restart_wait at the most.
    static int wait_for_lock(void* self, int tries) {
        auto& c = *static_cast<SqliteConnection*>(self);
        const auto now = std::chrono::steady_clock::now();
        if (tries == 0) c.waiting_since_ = now;
        const auto limit = c.restarting_ ? std::min(c.busy_timeout_, restart_wait) : c.busy_timeout_;
        if (now - c.waiting_since_ >= limit) return 0;
        if (tries == 0)
            std::this_thread::yield();
        else
            std::this_thread::sleep_for(std::chrono::microseconds(10 << std::min(tries - 1, 7)));
        return 1;
    }

    // After each commit in WAL mode (the write lock already released), with the WAL's size in pages.
    // SQLite's own hook checkpoints whenever that size is past its limit; but the WAL starts over from
    // its beginning only when no reader is still using it, which on a busy server is seldom, so past
    // the limit every commit ran a checkpoint and its two fsyncs (measured: one per POST, half the
    // POST's system calls). This one counts the pages written since the last checkpoint instead.
    static int after_commit(void* self, sqlite3* db, const char* name, int pages) {
        auto& c = *static_cast<SqliteConnection*>(self);
        // An ATTACHed database has a WAL of its own, which the mark does not count: SQLite's own policy.
        const bool due = std::string_view(name) == "main" ? c.wal_->claim(pages, c.checkpoint_pages_)
                                                          : pages >= c.checkpoint_pages_;
        if (!due) return SQLITE_OK;
        // Passive: copies what no reader still needs, waits for nobody. But the WAL starts over only
        // when a writer begins while every page is copied and no reader is in it, which under steady
        // writes from two threads never happens: the WAL then grows for as long as the load lasts
        // (measured: 4.6 GB in 20 s of POSTs to the example, for a 66 MB database). So once the WAL is
        // wal_size_limit pages long, a RESTART follows the passive checkpoint: it holds off new writers,
        // copies what the passive one could not, and waits (restart_wait at the most) for the readers
        // still in the WAL to finish, so that the next writer starts it over. The passive one first does
        // most of the copying while writers still go on. A failure (SQLITE_BUSY: a reader or writer that
        // did not finish in time, or another process checkpointing) leaves the pages for the next
        // checkpoint; the commit itself has succeeded.
        sqlite3_wal_checkpoint_v2(db, name, SQLITE_CHECKPOINT_PASSIVE, nullptr, nullptr);
        if (c.restart_pages_ > 0 && pages >= c.restart_pages_) {
            c.restarting_ = true;
            const int rc = sqlite3_wal_checkpoint_v2(db, name, SQLITE_CHECKPOINT_RESTART, nullptr, nullptr);
            if (rc == SQLITE_OK) ++c.restarts_;
            c.restarting_ = false;
        }
        ++c.checkpoints_;
        return SQLITE_OK;
    }
    static constexpr std::chrono::milliseconds restart_wait{10};

    sqlite3* db_ = nullptr;
    std::shared_ptr<detail::WalState> wal_;
    int checkpoint_pages_ = 0;  // Options::wal_autocheckpoint; the hook is installed only when positive
    int restart_pages_ = 0;     // Options::wal_size_limit
    std::size_t checkpoints_ = 0;
    std::size_t restarts_ = 0;
    std::chrono::milliseconds busy_timeout_{0};
    std::chrono::steady_clock::time_point waiting_since_;
    bool restarting_ = false;  // inside a RESTART checkpoint: wait_for_lock waits restart_wait at the most
    detail::TransactionMode mode_;  // before statements_, which refer to it
    drf::db::detail::StatementCache<SqliteStatement> statements_;
};

// Opens (creating if needed) the SQLite database at `path`, or a private in-memory one for ":memory:".
inline Database open(const std::string& path, Options options = {}) {
    return Database(std::make_unique<SqliteConnection>(path, options));
}

namespace detail {
// The path of a sqlite:// URL, as dj-database-url reads it: sqlite:///relative.sqlite3,
// sqlite:////absolute.sqlite3, and sqlite:// or sqlite://:memory: for a private in-memory database.
inline std::string path_of(std::string_view url) {
    std::string_view rest = url.substr(url.find("://") + 3);
    if (rest.empty() || rest == ":memory:" || rest == "/:memory:") return ":memory:";
    if (rest.front() == '/') rest.remove_prefix(1);
    return std::string(rest);
}
// connect("sqlite:///app.sqlite3") opens with sqlite::open.
inline const bool registered = register_backend("sqlite", [](const std::string& url) { return open(path_of(url)); });
}  // namespace detail

}  // namespace drf::db::sqlite
