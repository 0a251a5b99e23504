// drf/db/postgresql.hpp — the PostgreSQL backend on libpq: one connection per Database, prepared
// statements cached per connection, native uuid / timestamptz / boolean / bigint / double precision /
// text columns, SQLSTATEs mapped to drf's errors. The only header that includes <libpq-fe.h>; link
// drf::postgresql.
//     auto database = drf::db::postgresql::open("postgresql://app@db.internal:5432/app");
#pragma once

// Through CMake, drf::drf defines DRF_COMPONENT_CHECKS and drf::postgresql DRF_HAS_POSTGRESQL: a missing
// component is this message, not a wall of undefined references at link time.
#if defined(DRF_COMPONENT_CHECKS) && !defined(DRF_HAS_POSTGRESQL)
#error "drf: <drf/db/postgresql.hpp> needs the drf::postgresql component: target_link_libraries(... drf::postgresql) (or drf::all)"
#endif

#include <drf/core/datetime.hpp>
#include <drf/core/uuid.hpp>
#include <drf/db/backend.hpp>
#include <drf/db/connect.hpp>
#include <drf/db/database.hpp>
#include <drf/db/detail/postgresql_text.hpp>
#include <drf/db/detail/statement_cache.hpp>

#include <libpq-fe.h>

#include <charconv>
#include <chrono>
#include <cstdint>
#include <cstring>
#include <limits>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace drf::db::postgresql {

class PostgresDialect final : public Dialect {
public:
    std::string_view name() const override { return "postgresql"; }
    std::string placeholders(std::string_view sql) const override { return detail::numbered_placeholders(sql); }
    // The names format_type() reports, so schema_differences() compares like with like.
    std::string column_type(ColumnKind kind) const override {
        switch (kind) {
            case ColumnKind::boolean: return "boolean";
            case ColumnKind::integer: return "bigint";
            case ColumnKind::real: return "double precision";
            case ColumnKind::text: return "text";
            case ColumnKind::uuid: return "uuid";
            case ColumnKind::datetime: return "timestamp with time zone";  // microseconds, stored as UTC
            // Django's: numeric(p, s) (decimal_type), date, time, interval, jsonb, inet.
            case ColumnKind::decimal: return "numeric";
            case ColumnKind::date: return "date";
            case ColumnKind::time: return "time without time zone";
            case ColumnKind::duration: return "interval";
            case ColumnKind::json: return "jsonb";
            case ColumnKind::ip_address: return "inet";
        }
        return "text";
    }
    std::string decimal_type(std::size_t max_digits, int decimal_places) const override {
        return "numeric(" + std::to_string(max_digits) + ", " + std::to_string(decimal_places) + ")";
    }
    std::string contains(std::string_view column) const override { return "strpos(" + std::string(column) + ", ?) > 0"; }
    std::string icontains(std::string_view column) const override {
        return std::string(column) + " ILIKE ? ESCAPE '\\'";
    }
    // Django's: UPPER() on both sides of LIKE for the case-insensitive ones (PostgreSQL's LIKE is
    // case-sensitive), a bound pattern for the regular expressions and the full-text search.
    std::string iexact(std::string_view column) const override { return upper_like(column); }
    std::string istartswith(std::string_view column) const override { return upper_like(column); }
    std::string iendswith(std::string_view column) const override { return upper_like(column); }
    std::string startswith(std::string_view column) const override { return "starts_with(" + std::string(column) + ", ?)"; }
    std::string endswith(std::string_view column) const override {
        return "starts_with(reverse(" + std::string(column) + "), reverse(?))";
    }
    std::string regex(std::string_view column) const override { return std::string(column) + " ~ ?"; }
    std::string iregex(std::string_view column) const override { return std::string(column) + " ~* ?"; }
    std::string search(std::string_view column) const override {
        return "to_tsvector(COALESCE(" + std::string(column) + ", '')) @@ plainto_tsquery(?)";
    }
    std::string explain(std::string_view sql) const override { return "EXPLAIN " + std::string(sql); }
    int explain_column() const override { return 0; }
    std::string_view no_limit() const override { return "ALL"; }
    std::string bool_literal(bool value) const override { return value ? "true" : "false"; }
    std::string datetime_literal(const DateTime& value) const override { return "'" + to_iso8601(value) + "'"; }
    std::string duration_literal(const Duration& value) const override {
        return "'" + detail::pg_interval_text(value) + "'";
    }

private:
    static std::string upper_like(std::string_view column) {
        return "UPPER(" + std::string(column) + ") LIKE UPPER(?) ESCAPE '\\'";
    }
};

namespace detail {

// Django's mapping of SQLSTATE classes onto its exceptions: 23 integrity, 40001/40P01 a conflict
// worth retrying, 08 (connection), 53 (resources), 55P03 (lock not available), 57 (operator
// intervention, e.g. a cancelled statement) operational, the rest DatabaseError.
// libpq's messages end in a newline.
inline std::string trimmed(std::string message) {
    while (!message.empty() && (message.back() == '\n' || message.back() == ' ')) message.pop_back();
    return message;
}

[[noreturn]] inline void raise(std::string_view sqlstate, std::string message) {
    message = trimmed(std::move(message));
    if (sqlstate.substr(0, 2) == "23") throw IntegrityError(message);
    if (sqlstate == "40001" || sqlstate == "40P01") throw TransactionConflict(message);
    if (sqlstate.substr(0, 2) == "08" || sqlstate.substr(0, 2) == "53" || sqlstate.substr(0, 2) == "57" ||
        sqlstate == "55P03" || sqlstate.empty())
        throw OperationalError(message);
    throw DatabaseError(message);
}

// Owns a PGresult.
struct ResultDeleter {
    void operator()(PGresult* r) const noexcept { PQclear(r); }
};
using Result = std::unique_ptr<PGresult, ResultDeleter>;

// Throws unless `r` reports success: "<what> \"<sql>\": <the server's message>". The message is built
// only on failure, so the per-statement path allocates nothing for it.
inline void check(PGconn* conn, const PGresult* r, std::string_view what, std::string_view sql) {
    const auto status = r ? PQresultStatus(r) : PGRES_FATAL_ERROR;
    if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK || status == PGRES_EMPTY_QUERY) return;
    const char* state = r ? PQresultErrorField(r, PG_DIAG_SQLSTATE) : nullptr;
    const char* primary = r ? PQresultErrorField(r, PG_DIAG_MESSAGE_PRIMARY) : nullptr;
    std::string message = std::string(what) + " \"" + std::string(sql) + "\": " + (primary ? primary : PQerrorMessage(conn));
    if (PQstatus(conn) == CONNECTION_BAD)
        throw OperationalError(trimmed(std::move(message)) + " (the connection to the server was lost)");
    raise(state ? state : "", std::move(message));
}

}  // namespace detail

class PostgresConnection;

// A prepared statement: prepared on the server once per connection (and again after a reconnect),
// executed with text parameters on the first step(), its rows read from the result.
class PostgresStatement final : public Statement {
public:
    PostgresStatement(PostgresConnection& connection, std::string sql, std::string name)
        : connection_(connection), sql_(std::move(sql)), name_(std::move(name)) {}

    void bind_null(int index) override { slot(index).null = true; }
    void bind_int(int index, std::int64_t value) override {
        auto& s = slot(index);
        char buf[24];
        const auto end = std::to_chars(buf, buf + sizeof buf, value).ptr;
        s.text.assign(buf, end);
    }
    void bind_double(int index, double value) override {
        auto& s = slot(index);
        if (value != value) {
            s.text = "NaN";
        } else if (value == std::numeric_limits<double>::infinity() || value == -std::numeric_limits<double>::infinity()) {
            s.text = value > 0 ? "Infinity" : "-Infinity";
        } else {
            char buf[32];
            const auto end = std::to_chars(buf, buf + sizeof buf, value).ptr;  // shortest text that reads back exactly
            s.text.assign(buf, end);
        }
    }
    void bind_text(int index, std::string_view value) override {
        // Text parameters travel NUL-terminated, and PostgreSQL text cannot hold NUL: refuse it rather
        // than store a silently shortened value.
        if (value.find('\0') != std::string_view::npos)
            throw DatabaseError("PostgreSQL text cannot contain NUL (0x00) bytes; parameter " + std::to_string(index) +
                                " holds one");
        slot(index).text.assign(value);
    }
    void bind_owned_text(int index, std::string value) override { bind_text(index, value); }
    void bind_bool(int index, bool value) override { slot(index).text.assign(value ? "t" : "f"); }
    void bind_uuid(int index, const Uuid& value) override {
        const auto text = format_uuid(value);
        slot(index).text.assign(text.data(), text.size());
    }
    void bind_datetime(int index, const DateTime& value) override {
        auto& s = slot(index);
        s.text.clear();
        append_datetime(s.text, value);  // ISO 8601 with Z: timestamptz input reads it exactly
    }

    void bind_duration(int index, const Duration& value) override {
        if (value.is_special()) return bind_null(index);
        slot(index).text = detail::pg_interval_text(value);
    }

    bool step() override;
    bool is_null(int column) const override { return PQgetisnull(result_.get(), row_, column) != 0; }
    std::int64_t column_int(int column) const override {
        const auto text = column_text(column);
        std::int64_t value = 0;
        const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
        if (ec == std::errc() && end == text.data() + text.size()) return value;
        if (text == "t" || text == "f") return text == "t";  // a boolean read as a number
        throw DatabaseError("column " + std::to_string(column) + " does not hold an integer: \"" + std::string(text) + "\"");
    }
    double column_double(int column) const override {
        const auto text = column_text(column);
        if (text == "NaN") return std::numeric_limits<double>::quiet_NaN();
        if (text == "Infinity") return std::numeric_limits<double>::infinity();
        if (text == "-Infinity") return -std::numeric_limits<double>::infinity();
        double value = 0;
        const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
        if (ec != std::errc() || end != text.data() + text.size())
            throw DatabaseError("column " + std::to_string(column) + " does not hold a number: \"" + std::string(text) + "\"");
        return value;
    }
    bool column_bool(int column) const override {
        const auto text = column_text(column);
        if (text == "t") return true;
        if (text == "f") return false;
        return column_int(column) != 0;
    }
    std::string_view column_text(int column) const override {
        return {PQgetvalue(result_.get(), row_, column), static_cast<std::size_t>(PQgetlength(result_.get(), row_, column))};
    }
    DateTime column_datetime(int column) const override {
        const auto text = column_text(column);
        if (auto t = detail::parse_pg_datetime(text)) return *t;
        throw DatabaseError("column " + std::to_string(column) + " does not hold a datetime drf can read: \"" +
                            std::string(text) + "\"");
    }
    Duration column_duration(int column) const override {
        const auto text = column_text(column);
        if (auto d = detail::parse_pg_interval(text)) return *d;
        throw DatabaseError("column " + std::to_string(column) + " does not hold an interval drf can read: \"" +
                            std::string(text) + "\"");
    }
    int column_count() const override { return result_ ? PQnfields(result_.get()) : result_columns_; }
    void reset() override {
        result_.reset();
        executed_ = false;
        row_ = -1;
        for (auto& s : slots_) {
            s.null = true;
            s.text.clear();
        }
    }

    const std::string& sql() const noexcept { return sql_; }

private:
    friend class PostgresConnection;
    struct Slot {
        bool null = true;  // unbound parameters are NULL, as in SQLite
        std::string text;
    };
    Slot& slot(int index) {
        // Before the first binding, not at step(): preparing again after a reconnect resets the slots,
        // which must happen before they are filled, not after.
        ensure_prepared();
        if (index < 1 || index > parameter_count_)
            throw DatabaseError("cannot bind parameter " + std::to_string(index) + ": the statement has " +
                                std::to_string(parameter_count_) + " (\"" + sql_ + "\")");
        auto& s = slots_[static_cast<std::size_t>(index - 1)];
        s.null = false;
        return s;
    }
    void ensure_prepared();

    PostgresConnection& connection_;
    std::string sql_;   // with $n placeholders
    std::string name_;  // the server-side name, "drf_<n>"
    std::uint64_t prepared_generation_ = 0;  // the connection generation it was prepared on; 0: never
    int parameter_count_ = 0;
    int result_columns_ = 0;  // as described when prepared
    std::vector<Slot> slots_;
    std::vector<const char*> values_;  // the slots as libpq takes them, kept to reuse its storage
    detail::Result result_;
    bool executed_ = false;
    int row_ = -1;
};

struct Options {
    // SET search_path for this connection (a schema per tenant or per test); empty: the server's default.
    std::string search_path = {};
    // application_name, shown in pg_stat_activity.
    std::string application_name = "drf";
    // Prepared statements kept per connection (on the server too); the least recently used is
    // DEALLOCATEd first.
    std::size_t statement_cache_size = 256;
    // How long connecting may take, for open() and for every reconnect (libpq's connect_timeout, whole
    // seconds, at least 2; zero waits forever): a server that accepts the connection and never answers
    // would otherwise hold the thread until the OS gives up on TCP, which an idle connection never does.
    // A connect_timeout in the URL wins. It applies to each host a URL lists, one after another.
    std::chrono::seconds connect_timeout{10};
};

class PostgresConnection final : public Connection {
public:
    // `url`: a libpq connection URI or keyword string ("postgresql://user:pw@host:5432/db?sslmode=require",
    // "host=/run/postgresql dbname=app"). Sessions always run with TimeZone UTC, ISO dates and exact
    // float output, whatever the server's defaults, so values read back exactly as written.
    explicit PostgresConnection(const std::string& url, Options options = {})
        : url_(url), statements_(options.statement_cache_size) {
        // Set with SET after connecting rather than in libpq's "options", which would replace any
        // options=... the URL carries.
        session_ = "SET TimeZone = 'UTC'; SET DateStyle = 'ISO, YMD'; SET IntervalStyle = 'iso_8601'; "
                   "SET extra_float_digits = 3";
        if (!options.search_path.empty()) session_ += "; SET search_path TO \"" + options.search_path + "\"";
        // libpq keeps these for PQreset, so a reconnect is bounded by the same connect_timeout. Keywords
        // before "dbname" (the URL, expanded) are defaults the URL may override; those after it win.
        const auto seconds = options.connect_timeout.count();
        const std::string timeout = std::to_string(seconds > 0 ? seconds : 0);
        const char* keys[] = {"connect_timeout", "dbname", "client_encoding", "application_name", nullptr};
        const char* values[] = {timeout.c_str(), url.c_str(), "UTF8", options.application_name.c_str(), nullptr};
        conn_ = PQconnectdbParams(keys, values, /*expand_dbname=*/1);
        if (!conn_ || PQstatus(conn_) != CONNECTION_OK) {
            std::string message = "cannot connect to PostgreSQL at " + detail::redacted_url(url) + ": " +
                                  (conn_ ? PQerrorMessage(conn_) : "out of memory");
            PQfinish(conn_);
            throw OperationalError(detail::trimmed(std::move(message)));
        }
        // Notices ("relation already exists, skipping") would go to stderr; drf has nothing to tell the user there.
        PQsetNoticeProcessor(conn_, [](void*, const char*) {}, nullptr);
        try {
            start_session();
        } catch (...) {
            PQfinish(conn_);
            throw;
        }
    }
    ~PostgresConnection() override {
        statements_.clear();
        PQfinish(conn_);
    }
    PostgresConnection(const PostgresConnection&) = delete;
    PostgresConnection& operator=(const PostgresConnection&) = delete;

    const Dialect& dialect() const override {
        static const PostgresDialect dialect;
        return dialect;
    }

    Statement& prepare(std::string_view sql) override {
        return statements_.get(
            sql,
            [&] {
                auto statement = std::make_unique<PostgresStatement>(*this, dialect().placeholders(sql),
                                                                     "drf_" + std::to_string(++statement_counter_));
                statement->ensure_prepared();  // a syntax error surfaces here, as with SQLite
                return statement;
            },
            [&](PostgresStatement& dropped) { deallocate(dropped); });
    }

    std::size_t cached_statements() const noexcept { return statements_.size(); }

    // REPEATABLE READ: one snapshot, taken at the first query, for all of them; READ ONLY: the server
    // refuses writes ("cannot execute INSERT in a read-only transaction").
    void begin_read_only() override { execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY"); }
    void end_read_only(bool commit) override { execute(commit ? "COMMIT" : "ROLLBACK"); }
    void execute(std::string_view sql) override {
        if (lost_transaction_ && sql == "ROLLBACK") {
            lost_transaction_ = false;  // the server rolled it back when the connection went
            return;
        }
        reconnect_if_lost();
        const std::string text(sql);
        detail::Result r(PQexec(conn_, text.c_str()));
        after(r.get(), "cannot run", text);
    }

    std::int64_t changes() const override { return changes_; }

    std::vector<ColumnInfo> table_columns(std::string_view table) override {
        Statement& s = prepare(
            "SELECT a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull, "
            "COALESCE((SELECT i.indisprimary FROM pg_index i WHERE i.indrelid = a.attrelid AND i.indisprimary "
            "AND a.attnum = ANY(i.indkey)), false) "
            "FROM pg_attribute a WHERE a.attrelid = to_regclass(quote_ident(?)) AND a.attnum > 0 AND NOT a.attisdropped "
            "ORDER BY a.attnum");
        s.reset();
        s.bind_text(1, table);
        std::vector<ColumnInfo> columns;
        while (s.step())
            columns.push_back({std::string(s.column_text(0)), std::string(s.column_text(1)), s.column_bool(2), s.column_bool(3)});
        s.reset();
        return columns;
    }

    PGconn* handle() const noexcept { return conn_; }

private:
    friend class PostgresStatement;

    // A lost connection (a server restart, a network cut) is an OperationalError for the statement that
    // found it, and the next statement reconnects. If a transaction was open, the server rolled it
    // back: until the caller rolls back too (atomic() does, as the error leaves it), every statement is
    // refused, so nothing meant for that transaction runs outside it.
    void reconnect_if_lost() {
        if (lost_transaction_)
            throw OperationalError("the connection to PostgreSQL was lost inside a transaction, which the server "
                                   "rolled back; roll back before running more statements");
        if (PQstatus(conn_) == CONNECTION_OK) return;
        PQreset(conn_);  // bounded by the connect_timeout the connection was opened with
        if (PQstatus(conn_) != CONNECTION_OK) {
            throw OperationalError(detail::trimmed("cannot reconnect to PostgreSQL at " + detail::redacted_url(url_) + ": " +
                                                   PQerrorMessage(conn_)));
        }
        ++generation_;  // every statement must be prepared again on the new session
        start_session();
    }

    // Frees a dropped statement on the server. Best effort: in an aborted transaction or on a lost
    // connection it cannot run, and the statement lives on until the session ends.
    void deallocate(const PostgresStatement& statement) noexcept {
        if (statement.prepared_generation_ != generation_ || PQstatus(conn_) != CONNECTION_OK) return;
        const std::string sql = "DEALLOCATE \"" + statement.name_ + "\"";
        PQclear(PQexec(conn_, sql.c_str()));
    }

    void start_session() {
        detail::Result r(PQexec(conn_, session_.c_str()));
        detail::check(conn_, r.get(), "cannot set up the session with", session_);
    }

    // After running a statement: throws on failure (noting a transaction lost with the connection),
    // else records the rows changed and whether a transaction is open.
    void after(const PGresult* r, std::string_view what, std::string_view sql) {
        if (PQstatus(conn_) == CONNECTION_BAD && in_transaction_) lost_transaction_ = true;
        detail::check(conn_, r, what, sql);
        in_transaction_ = PQtransactionStatus(conn_) != PQTRANS_IDLE;
        record_changes(r);
    }

    void record_changes(const PGresult* r) {
        const std::string_view status = PQcmdStatus(const_cast<PGresult*>(r));
        if (status.rfind("INSERT", 0) == 0 || status.rfind("UPDATE", 0) == 0 || status.rfind("DELETE", 0) == 0) {
            const char* tuples = PQcmdTuples(const_cast<PGresult*>(r));
            std::int64_t n = 0;
            std::from_chars(tuples, tuples + std::strlen(tuples), n);
            changes_ = n;
        }
    }

    std::string url_;
    std::string session_;  // the SETs every session starts with
    PGconn* conn_ = nullptr;
    std::uint64_t generation_ = 1;
    bool in_transaction_ = false;   // after the last statement
    bool lost_transaction_ = false; // the connection went while a transaction was open
    std::uint64_t statement_counter_ = 0;
    std::int64_t changes_ = 0;
    drf::db::detail::StatementCache<PostgresStatement> statements_;
};

inline void PostgresStatement::ensure_prepared() {
    connection_.reconnect_if_lost();
    if (prepared_generation_ == connection_.generation_) return;
    PGconn* conn = connection_.conn_;
    detail::Result prepared(PQprepare(conn, name_.c_str(), sql_.c_str(), 0, nullptr));
    detail::check(conn, prepared.get(), "cannot prepare", sql_);
    detail::Result described(PQdescribePrepared(conn, name_.c_str()));
    detail::check(conn, described.get(), "cannot describe", sql_);
    parameter_count_ = PQnparams(described.get());
    result_columns_ = PQnfields(described.get());
    slots_.assign(static_cast<std::size_t>(parameter_count_), Slot{});
    prepared_generation_ = connection_.generation_;
}

inline bool PostgresStatement::step() {
    if (!executed_) {
        ensure_prepared();
        values_.resize(slots_.size());
        for (std::size_t i = 0; i < slots_.size(); ++i) values_[i] = slots_[i].null ? nullptr : slots_[i].text.c_str();
        PGconn* conn = connection_.conn_;
        result_.reset(PQexecPrepared(conn, name_.c_str(), parameter_count_, values_.data(), nullptr, nullptr, 0));
        executed_ = true;
        try {
            connection_.after(result_.get(), "cannot run", sql_);
        } catch (...) {
            result_.reset();
            throw;
        }
        row_ = -1;
    }
    if (!result_ || PQresultStatus(result_.get()) != PGRES_TUPLES_OK) return false;
    if (row_ + 1 >= PQntuples(result_.get())) return false;
    ++row_;
    return true;
}

// Connects to the PostgreSQL database at `url` (see PostgresConnection).
inline Database open(const std::string& url, Options options = {}) {
    return Database(std::make_unique<PostgresConnection>(url, std::move(options)));
}

namespace detail {
// connect("postgresql://…") and connect("postgres://…") open with postgresql::open.
inline Database open_url(const std::string& url) { return open(url); }
inline const bool registered = register_backend("postgresql", open_url) && register_backend("postgres", open_url);
}  // namespace detail

}  // namespace drf::db::postgresql
