// drf/db/backend.hpp — the backend-neutral database interface: connection, prepared statement, dialect
// and the errors every backend raises. Nothing above this file knows which database it talks to.
#pragma once

#include <drf/core/date.hpp>
#include <drf/core/datetime.hpp>
#include <drf/core/decimal.hpp>
#include <drf/core/uuid.hpp>

#include <cstdint>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace drf::db {

// Django's django.db.Error family.
class DatabaseError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};
// A constraint was violated: unique, not null, foreign key, check.
class IntegrityError : public DatabaseError {
public:
    using DatabaseError::DatabaseError;
};
// The database is busy or locked beyond the busy timeout, or the connection to it was lost; retrying
// later may succeed.
class OperationalError : public DatabaseError {
public:
    using DatabaseError::DatabaseError;
};
// The database aborted the transaction to resolve a conflict with a concurrent one (PostgreSQL's
// serialization_failure 40001 and deadlock_detected 40P01): running the whole transaction again may
// succeed — Database::atomic_with_retry does that.
class TransactionConflict : public OperationalError {
public:
    using OperationalError::OperationalError;
};

// The backend cannot run what was asked of it (Django's NotSupportedError): a regex or full-text
// lookup on SQLite.
class NotSupportedError : public DatabaseError {
public:
    using DatabaseError::DatabaseError;
};

// Django's connection.ops.quote_name: a table or column name as SQL text, "order". Identifiers are
// quoted in every statement drf writes, so a field may be called "order" or "group"; quote them the
// same in SQL you write. Model and field names are checked lowercase identifiers: no escaping needed.
inline std::string quote_name(std::string_view name) { return '"' + std::string(name) + '"'; }

// What a column holds, independent of the backend's own type names. The kinds after datetime are
// Django's DecimalField, DateField, TimeField, DurationField, JSONField and GenericIPAddressField.
enum class ColumnKind { boolean, integer, real, text, uuid, datetime, decimal, date, time, duration, json, ip_address };

// The SQL a backend speaks where dialects differ. Queries are built with `?` placeholders and
// rewritten by the dialect when prepared, so the query builder never needs to know which one runs.
class Dialect {
public:
    virtual ~Dialect() = default;
    virtual std::string_view name() const = 0;                     // "sqlite", "postgresql"
    virtual std::string placeholders(std::string_view sql) const = 0;  // `?` → the backend's own
    virtual std::string column_type(ColumnKind kind) const = 0;
    // A decimal column with Django's max_digits and decimal_places: numeric(p, s) where the backend has it.
    virtual std::string decimal_type(std::size_t /*max_digits*/, int /*decimal_places*/) const {
        return column_type(ColumnKind::decimal);
    }
    // A case-sensitive substring test and a case-insensitive one, with the needle bound as a parameter.
    virtual std::string contains(std::string_view column) const = 0;
    virtual std::string icontains(std::string_view column) const = 0;
    // Django's other text lookups, each comparing the column with one bound parameter: iexact,
    // istartswith and iendswith get a LIKE pattern (wildcards in the user's text escaped with `\`),
    // startswith and endswith the text itself.
    virtual std::string iexact(std::string_view column) const = 0;
    virtual std::string startswith(std::string_view column) const = 0;
    virtual std::string istartswith(std::string_view column) const = 0;
    virtual std::string endswith(std::string_view column) const = 0;
    virtual std::string iendswith(std::string_view column) const = 0;
    // A regular expression (the database's own dialect of them) and full-text search, which not every
    // backend has: by default NotSupportedError.
    virtual std::string regex(std::string_view) const { throw unsupported("regex", "has no regular expressions"); }
    virtual std::string iregex(std::string_view) const { throw unsupported("iregex", "has no regular expressions"); }
    virtual std::string search(std::string_view) const { throw unsupported("search", "has no full-text search"); }
    virtual std::string quote(std::string_view identifier) const { return '"' + std::string(identifier) + '"'; }
    // Opens the outermost transaction (SQLite takes the write lock at once, so two writers never
    // deadlock upgrading a read lock).
    virtual std::string_view begin() const { return "BEGIN"; }
    // Django's QuerySet.explain(): the statement that shows how `sql` would run, and the column of its
    // rows that holds the plan's text.
    virtual std::string explain(std::string_view sql) const = 0;
    virtual int explain_column() const = 0;
    // What stands for "no limit" in `LIMIT <it> OFFSET ?` (SQLite needs a LIMIT before an OFFSET).
    virtual std::string_view no_limit() const = 0;
    // SQL literals where DDL cannot take a parameter (a column's DEFAULT), for the types that differ.
    virtual std::string bool_literal(bool value) const { return value ? "1" : "0"; }
    virtual std::string datetime_literal(const DateTime& value) const { return std::to_string(to_unix_micros(value)); }
    virtual std::string duration_literal(const Duration& value) const { return std::to_string(value.total_microseconds()); }

protected:
    NotSupportedError unsupported(std::string_view lookup, std::string_view why) const {
        return NotSupportedError("drf::db: the " + std::string(lookup) + " lookup is not supported on " +
                                 std::string(name()) + ", which " + std::string(why) +
                                 " (Django's __" + std::string(lookup) + " needs PostgreSQL)");
    }
};

// A prepared statement: bind parameters (1-based), step through rows, read columns (0-based).
// Text is bound and read with its length, so embedded NULs survive.
class Statement {
public:
    virtual ~Statement() = default;
    virtual void bind_null(int index) = 0;
    virtual void bind_int(int index, std::int64_t value) = 0;
    virtual void bind_double(int index, double value) = 0;
    // The text must stay valid until the statement is reset(): backends may bind it without copying.
    virtual void bind_text(int index, std::string_view value) = 0;
    // Text made for this binding (a decimal's, a date's): the backend keeps it until the next reset().
    virtual void bind_owned_text(int index, std::string value) = 0;
    // Booleans, UUIDs and datetimes have native types on some backends; the defaults store 0/1,
    // canonical text and microseconds since the Unix epoch.
    virtual void bind_bool(int index, bool value) { bind_int(index, value ? 1 : 0); }
    virtual bool column_bool(int column) const { return column_int(column) != 0; }
    virtual void bind_uuid(int index, const Uuid& value) { bind_text(index, to_string(value)); }
    virtual void bind_datetime(int index, const DateTime& value) { bind_int(index, to_unix_micros(value)); }
    virtual Uuid column_uuid(int column) const { return read_text<Uuid>(column, "a UUID", parse_uuid); }
    virtual DateTime column_datetime(int column) const { return from_unix_micros(column_int(column)); }
    // Decimals, dates and times travel as their text (positional decimals, isoformat()), which every backend
    // takes as a parameter; durations as microseconds (Django's on backends without an interval type).
    // A default-constructed Date or Duration ("not a date", which serializers render as null) is NULL,
    // so a NOT NULL column refuses it with an IntegrityError rather than store a made-up value.
    virtual void bind_decimal(int index, const Decimal& value) { bind_owned_text(index, value.to_fixed_string()); }
    virtual void bind_date(int index, const Date& value) {
        if (value.is_special()) return bind_null(index);
        bind_owned_text(index, to_iso8601(value));
    }
    virtual void bind_time(int index, const Time& value) { bind_owned_text(index, to_iso8601(value)); }
    virtual void bind_duration(int index, const Duration& value) {
        if (value.is_special()) return bind_null(index);
        bind_int(index, value.total_microseconds());
    }
    virtual Decimal column_decimal(int column) const { return read_text<Decimal>(column, "a decimal", parse_decimal); }
    virtual Date column_date(int column) const { return read_text<Date>(column, "a date", parse_date); }
    virtual Time column_time(int column) const { return read_text<Time>(column, "a time", parse_time); }
    virtual Duration column_duration(int column) const { return boost::posix_time::microseconds(column_int(column)); }
    // Runs until the next row (true) or the end (false).
    virtual bool step() = 0;
    virtual bool is_null(int column) const = 0;
    virtual std::int64_t column_int(int column) const = 0;
    virtual double column_double(int column) const = 0;
    virtual std::string_view column_text(int column) const = 0;
    virtual int column_count() const = 0;
    // Ready for new bindings and a new run.
    virtual void reset() = 0;

private:
    // The column's text read by `parse` (one of core's parse_* functions), or DatabaseError naming what
    // it should have held.
    template <class T, class Parse>
    T read_text(int column, std::string_view what, Parse parse) const {
        const auto text = column_text(column);
        if (auto value = parse(text)) return *value;
        throw DatabaseError("column " + std::to_string(column) + " does not hold " + std::string(what) + ": \"" +
                            std::string(text) + "\"");
    }
};

// Resets a statement from Connection::prepare (which hands out the same statement for the same text)
// when the scope that used it begins and when it ends, however it ends:
//     StatementScope s(db.connection().prepare(sql)); s->bind_text(1, key); while (s->step()) ...
class StatementScope {
public:
    explicit StatementScope(Statement& s) : s_(s) { s_.reset(); }
    ~StatementScope() { s_.reset(); }
    StatementScope(const StatementScope&) = delete;
    StatementScope& operator=(const StatementScope&) = delete;
    Statement& operator*() const noexcept { return s_; }
    Statement* operator->() const noexcept { return &s_; }

private:
    Statement& s_;
};

// A column as the database reports it, for checking a migrated schema against the models.
struct ColumnInfo {
    std::string name;
    std::string type;
    bool not_null = false;
    bool primary_key = false;
};

class Connection {
public:
    virtual ~Connection() = default;
    virtual const Dialect& dialect() const = 0;
    // Prepares `sql`, written with `?` placeholders whatever the backend (it rewrites them once, when the
    // statement is first prepared). The connection keeps the statement and hands out the same one for
    // the same text, so callers must reset() it before use and not hold it across calls.
    virtual Statement& prepare(std::string_view sql) = 0;
    // Runs one or more statements without parameters (DDL, transaction control).
    virtual void execute(std::string_view sql) = 0;
    // Database::read_only's transaction: begin_read_only() opens it (one snapshot for every query in it,
    // and the connection refuses writes until it ends); end_read_only() commits it, or rolls it back
    // when `commit` is false.
    virtual void begin_read_only() = 0;
    virtual void end_read_only(bool commit) = 0;
    // Database::grouped_reads' transaction, on backends whose read transactions are local (SQLite):
    // begin_grouped_reads() opens one read transaction, which the connection ends by itself before the
    // first statement that writes or opens a transaction or savepoint, so that the statement runs as it
    // would have outside; end_grouped_reads() ends it if it is still open. Elsewhere (PostgreSQL, where
    // BEGIN and COMMIT are two more round trips) the default does nothing and each read is its own.
    virtual void begin_grouped_reads() {}
    virtual void end_grouped_reads() noexcept {}
    virtual bool in_grouped_reads() const noexcept { return false; }
    // Rows changed by the last INSERT, UPDATE or DELETE.
    virtual std::int64_t changes() const = 0;
    // The columns of `table` in declaration order; empty when there is no such table.
    virtual std::vector<ColumnInfo> table_columns(std::string_view table) = 0;
};

}  // namespace drf::db
