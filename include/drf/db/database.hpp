// drf/db/database.hpp — Database: one connection to one database, with Django's transaction.atomic
// (nested atomic blocks become savepoints). A Database is used by one thread at a time; a server keeps
// one per worker thread.
#pragma once

#include <drf/db/backend.hpp>

#include <exception>
#include <memory>
#include <string>
#include <type_traits>
#include <utility>

namespace drf::db {

class Database {
public:
    explicit Database(std::unique_ptr<Connection> connection) : connection_(std::move(connection)) {}

    Connection& connection() noexcept { return *connection_; }
    const Dialect& dialect() const noexcept { return connection_->dialect(); }

    // Runs f inside a transaction (or, when already inside one, a savepoint) and commits when f
    // returns. If f throws, everything it wrote is rolled back and the exception propagates:
    // nothing is ever half-written.
    template <class F>
    decltype(auto) atomic(F&& f) {
        Block block(*this);
        return run_in(block, f);
    }

    // atomic(f), run again — up to `attempts` runs in all — when the database aborts the transaction
    // to resolve a conflict with a concurrent one (TransactionConflict: PostgreSQL's deadlock or
    // serialization failure). f must be safe to run again: no effects outside the database. Only an
    // outermost block can be retried: inside another atomic block the conflict has doomed the outer
    // transaction as well, so there the TransactionConflict propagates at once.
    template <class F>
    decltype(auto) atomic_with_retry(F&& f, int attempts = 3) {
        for (int attempt = 1;; ++attempt) {
            try {
                return atomic(f);
            } catch (const TransactionConflict&) {
                if (in_atomic_block() || attempt >= attempts) throw;
            }
        }
    }

    // Runs f in one read-only transaction: every query in f sees the database as it was when the first
    // one ran (SQLite's WAL snapshot, PostgreSQL's REPEATABLE READ), and a write in f fails with a
    // DatabaseError, changing nothing. For reads that must agree with each other (a count and the page
    // it counts). Inside atomic() or another read_only(), f runs in the transaction already open.
    template <class F>
    decltype(auto) read_only(F&& f) {
        if (depth_ > 0) return f();
        Block block(*this, Block::ReadOnly{});
        return run_in(block, f);
    }

    // Runs f with its reads in one read transaction where the backend makes that cheaper than a
    // transaction per query (SQLite: each one takes and drops the WAL's locks), and as it is elsewhere
    // (PostgreSQL, where it would cost two more round trips). f may write: the read transaction ends
    // before the first statement that writes or opens a transaction (atomic(), read_only()), which then
    // runs exactly as it would have without it, and the reads after it see it. For speed only: the reads
    // before that share a snapshot, taken at the first of them, and what f reads must be correct without
    // one. Inside a transaction, or inside another grouped_reads(), f runs as it is.
    template <class F>
    decltype(auto) grouped_reads(F&& f) {
        if (depth_ > 0 || connection_->in_grouped_reads()) return f();
        connection_->begin_grouped_reads();
        struct End {
            Connection& connection;
            ~End() { connection.end_grouped_reads(); }
        } end{*connection_};
        return f();
    }

    bool in_atomic_block() const noexcept { return depth_ > 0; }

private:
    // One level of atomic(): BEGIN or SAVEPOINT on entry; RELEASE/COMMIT on commit(); rollback on
    // destruction without commit (an exception is on its way out).
    class Block {
    public:
        struct ReadOnly {};
        explicit Block(Database& db) : db_(db), level_(db.depth_) {
            db_.connection_->execute(level_ == 0 ? std::string(db_.dialect().begin()) : "SAVEPOINT " + name());
            ++db_.depth_;
        }
        // The outermost transaction only: read_only() inside another block runs in that one.
        Block(Database& db, ReadOnly) : db_(db), level_(0), read_only_(true) {
            db_.connection_->begin_read_only();
            ++db_.depth_;
        }
        void commit() {
            --db_.depth_;
            done_ = true;
            try {
                if (read_only_)
                    db_.connection_->end_read_only(true);
                else
                    db_.connection_->execute(level_ == 0 ? std::string("COMMIT") : "RELEASE SAVEPOINT " + name());
            } catch (...) {
                rollback();
                throw;
            }
        }
        ~Block() {
            if (!done_) {
                --db_.depth_;
                rollback();
            }
        }
        Block(const Block&) = delete;
        Block& operator=(const Block&) = delete;

    private:
        std::string name() const { return "drf_sp_" + std::to_string(level_); }
        void rollback() noexcept {
            try {
                if (read_only_)
                    db_.connection_->end_read_only(false);
                else if (level_ == 0)
                    db_.connection_->execute("ROLLBACK");
                else
                    db_.connection_->execute("ROLLBACK TO SAVEPOINT " + name() + "; RELEASE SAVEPOINT " + name());
            } catch (...) {
                // The connection is unusable if even a rollback fails; the original error is the one to report.
            }
        }
        Database& db_;
        int level_;
        bool read_only_ = false;
        bool done_ = false;
    };

    // Runs f in `block` and commits it when f returns; returns what f returns.
    template <class F>
    static decltype(auto) run_in(Block& block, F& f) {
        if constexpr (std::is_void_v<std::invoke_result_t<F&>>) {
            f();
            block.commit();
        } else {
            decltype(auto) result = f();
            block.commit();
            return result;
        }
    }

    std::unique_ptr<Connection> connection_;
    int depth_ = 0;
};

}  // namespace drf::db
