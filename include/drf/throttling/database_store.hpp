// drf/throttling/database_store.hpp — DatabaseStore: the throttles' sliding log kept in the database
// (table throttling_history, from throttling::migrations()), so several instances of a service share
// one limit per key — what DRF gets from a shared cache backend, without its race.
//
// Why it is exact. DRF's SimpleRateThrottle reads the history from the cache, decides, then writes it
// back: two instances reading at once both accept the last free request. Here each hit is one
// transaction that takes the key's row lock before it reads, then decides and writes under it.
// PostgreSQL: SELECT ... FOR UPDATE waits for any transaction holding the row and then reads what it
// wrote (READ COMMITTED re-reads a row it waited for), so hits on one key queue behind each other while
// hits on other keys go on. A key's first request has no row to lock: it inserts one with
//     INSERT ... ON CONFLICT (key) DO UPDATE SET expires_at = throttling_history.expires_at RETURNING history
// which, when a concurrent first request inserted it meanwhile, waits for that one's lock and returns
// its history instead — never two first requests each recorded as the only one. SQLite: atomic() is
// BEGIN IMMEDIATE, which takes the database's one write lock before the read, so hits are serialized
// (SQLite has one writer at a time anyway) and a plain SELECT reads under the lock.
//
// Why not one UPDATE ... RETURNING doing it all in SQL: the decision (DRF's allow_request and wait())
// stays the one decide() LocalStore also uses, so both stores answer alike. The price: an accepted
// request runs BEGIN, SET LOCAL synchronous_commit = off, the SELECT, an UPDATE and COMMIT (five round
// trips to PostgreSQL, none waiting for a disk flush), a refused one the same without the UPDATE.
//
// Bounded. A hit rewrites its key's history without the entries that left the window, so a row holds
// at most num_requests times; rows whose newest entry has left the window are deleted by sweep(), which
// hit() runs every Options::sweep_every hits (a DELETE on the expires_at index, in its own statement).
#pragma once

#include <drf/core/datetime.hpp>
#include <drf/db/backend.hpp>
#include <drf/db/databases.hpp>
#include <drf/throttling/store.hpp>

#include <algorithm>
#include <atomic>
#include <charconv>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace drf::throttling {

namespace detail {

// The history column's text: the accepted times, microseconds since the Unix epoch, oldest first.
inline std::vector<std::int64_t> parse_history(std::string_view text) {
    std::vector<std::int64_t> out;
    const char* p = text.data();
    const char* end = p + text.size();
    while (p < end) {
        std::int64_t value = 0;
        const auto [next, ec] = std::from_chars(p, end, value);
        if (ec != std::errc()) break;  // not ours: what parsed so far stands, the rest is dropped
        out.push_back(value);
        p = next;
        if (p < end && *p == ',') ++p;
    }
    return out;
}

inline std::string format_history(const std::vector<std::int64_t>& history) {
    std::string out;
    out.reserve(history.size() * 17);
    char buf[24];
    for (const auto t : history) {
        if (!out.empty()) out += ',';
        out.append(buf, std::to_chars(buf, buf + sizeof buf, t).ptr);
    }
    return out;
}

}  // namespace detail

class DatabaseStore final : public Store {
public:
    struct Options {
        // hit() sweeps stale keys once every this many hits of this store (0: never; call sweep()).
        std::uint64_t sweep_every = 1000;
    };

    explicit DatabaseStore(db::Databases& databases) : DatabaseStore(databases, Options{}) {}
    DatabaseStore(db::Databases& databases, Options options) : databases_(databases), options_(options) {}

    Decision hit(std::string_view key, const Rate& rate, DateTime now) override {
        db::Database& database = databases_.get();
        const std::int64_t window = rate.duration * 1'000'000;
        // A throttle's record is not worth a disk flush: after a crash, the last few requests counted are
        // forgotten at worst. Without this, every check of a durable server waits for fsync. Not inside
        // the caller's own transaction, whose writes may well be worth it.
        const bool async_commit = database.dialect().name() == "postgresql" && !database.in_atomic_block();
        const Decision decision = database.atomic_with_retry([&] {
            if (async_commit) database.connection().execute("SET LOCAL synchronous_commit = off");
            std::vector<std::int64_t> history;
            if (!read_locked(database, key, history)) create_locked(database, key, now, history);
            // Instances' clocks differ a little, and requests reach the lock in another order than they
            // read them: a key's time never goes back, so its history stays sorted (as LocalStore's).
            std::int64_t at = to_unix_micros(now);
            if (!history.empty()) at = std::max(at, history.back());
            // DRF's loop: the entries at or before now - duration leave the history.
            const auto live = std::upper_bound(history.begin(), history.end(), at - window);
            const bool expired = live != history.begin();
            history.erase(history.begin(), live);
            const Decision d = decide(history, rate, from_unix_micros(at));
            if (d.allowed) history.push_back(at);
            if (d.allowed || expired) {
                db::StatementScope write(database.connection().prepare(
                    "UPDATE \"throttling_history\" SET \"history\" = ?, \"expires_at\" = ? WHERE \"key\" = ?"));
                const std::string text = detail::format_history(history);
                write->bind_text(1, text);
                write->bind_datetime(2, from_unix_micros(history.empty() ? at : history.back() + window));
                write->bind_text(3, key);
                write->step();
            }
            return d;
        });
        // Not inside the caller's own transaction: a failed sweep there would doom it.
        if (options_.sweep_every != 0 && !database.in_atomic_block() &&
            hits_.fetch_add(1, std::memory_order_relaxed) % options_.sweep_every == options_.sweep_every - 1) {
            try {
                sweep(now);
            } catch (const db::OperationalError&) {
                // Busy, or in a conflict with another instance's sweep: the next sweep gets these rows.
            }
        }
        return decision;
    }

    // Deletes the keys whose every recorded request has left its window by `now`; returns how many.
    // hit() calls it now and then; a service with many short-lived keys may also call it on a timer.
    std::int64_t sweep(DateTime now) {
        db::Database& database = databases_.get();
        db::StatementScope s(
            database.connection().prepare("DELETE FROM \"throttling_history\" WHERE \"expires_at\" <= ?"));
        s->bind_datetime(1, now);
        s->step();
        return database.connection().changes();
    }

private:
    // The key's history, its row locked until the transaction ends; false when there is no row yet.
    // SQLite's BEGIN IMMEDIATE already holds the database's one write lock, and it has no FOR UPDATE.
    static bool read_locked(db::Database& database, std::string_view key, std::vector<std::int64_t>& history) {
        const bool row_locks = database.dialect().name() != "sqlite";
        db::StatementScope s(database.connection().prepare(
            row_locks ? "SELECT \"history\" FROM \"throttling_history\" WHERE \"key\" = ? FOR UPDATE"
                      : "SELECT \"history\" FROM \"throttling_history\" WHERE \"key\" = ?"));
        s->bind_text(1, key);
        if (!s->step()) return false;
        history = detail::parse_history(s->column_text(0));
        return true;
    }

    // A key's first request: creates its row, or — when a concurrent transaction created it meanwhile —
    // waits for that one's lock and reads what it wrote, in one statement.
    static void create_locked(db::Database& database, std::string_view key, DateTime now,
                              std::vector<std::int64_t>& history) {
        db::StatementScope s(database.connection().prepare(
            "INSERT INTO \"throttling_history\" (\"key\", \"history\", \"expires_at\") VALUES (?, '', ?) "
            "ON CONFLICT (\"key\") DO UPDATE SET \"expires_at\" = \"throttling_history\".\"expires_at\" "
            "RETURNING \"history\""));
        s->bind_text(1, key);
        s->bind_datetime(2, now);
        if (s->step()) history = detail::parse_history(s->column_text(0));
    }

    db::Databases& databases_;
    Options options_;
    std::atomic<std::uint64_t> hits_{0};
};

}  // namespace drf::throttling
