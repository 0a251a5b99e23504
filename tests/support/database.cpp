// tests/support/database.cpp — open_database() for the backend this run uses (see database.hpp). The
// PostgreSQL half is compiled only when the build has drf::postgresql (DRF_TEST_HAVE_POSTGRESQL).
#include "database.hpp"

#include <drf/db/sqlite.hpp>
#if DRF_TEST_HAVE_POSTGRESQL
#include <drf/db/postgresql.hpp>
#endif

#include <atomic>
#include <cstdlib>
#include <memory>
#include <stdexcept>
#include <string>
#include <unistd.h>

namespace drf_test {

namespace {

std::string url() {
    const char* env = std::getenv("DRF_TEST_DATABASE_URL");
    return env ? env : "";
}

#if DRF_TEST_HAVE_POSTGRESQL
// A PostgreSQL connection confined to a schema of its own, dropped (with everything in it) when the
// connection closes, so every test case starts from an empty database and leaves nothing behind.
class SchemaConnection final : public drf::db::Connection {
public:
    // The search_path may name a schema that does not exist yet; creating it makes it current.
    SchemaConnection(const std::string& url, std::string schema)
        : schema_(std::move(schema)),
          inner_(std::make_unique<drf::db::postgresql::PostgresConnection>(
              url, drf::db::postgresql::Options{.search_path = schema_, .application_name = "drf_tests"})) {
        inner_->execute("CREATE SCHEMA \"" + schema_ + "\"");
    }
    ~SchemaConnection() override {
        try {
            inner_->execute("ROLLBACK");  // a test that failed inside atomic() may have left one open
        } catch (...) {
        }
        try {
            inner_->execute("DROP SCHEMA IF EXISTS \"" + schema_ + "\" CASCADE");
        } catch (...) {
        }
    }
    const drf::db::Dialect& dialect() const override { return inner_->dialect(); }
    drf::db::Statement& prepare(std::string_view sql) override { return inner_->prepare(sql); }
    void execute(std::string_view sql) override { inner_->execute(sql); }
    void begin_read_only() override { inner_->begin_read_only(); }
    void end_read_only(bool commit) override { inner_->end_read_only(commit); }
    std::int64_t changes() const override { return inner_->changes(); }
    std::vector<drf::db::ColumnInfo> table_columns(std::string_view table) override { return inner_->table_columns(table); }

private:
    std::string schema_;
    std::unique_ptr<drf::db::postgresql::PostgresConnection> inner_;
};

drf::db::Database open_postgresql(const std::string& url) {
    static std::atomic<int> counter{0};
    const std::string schema = "drf_test_" + std::to_string(::getpid()) + "_" + std::to_string(++counter);
    return drf::db::Database(std::make_unique<SchemaConnection>(url, schema));
}
#endif

}  // namespace

std::string_view backend() {
    static const std::string name = [] {
        const std::string u = url();
        if (u.empty()) return std::string("sqlite");
        if (u.rfind("postgresql://", 0) == 0 || u.rfind("postgres://", 0) == 0) return std::string("postgresql");
        throw std::runtime_error("DRF_TEST_DATABASE_URL must be a postgresql:// URL (unset: SQLite), not \"" + u + "\"");
    }();
    return name;
}

drf::db::Database another_connection(drf::db::Database& database) {
#if DRF_TEST_HAVE_POSTGRESQL
    if (on_postgresql()) {
        auto& s = database.connection().prepare("SELECT current_schema()");
        s.reset();
        s.step();
        std::string schema(s.column_text(0));
        s.reset();
        return drf::db::postgresql::open(url(), {.search_path = schema, .application_name = "drf_tests"});
    }
#endif
    (void)database;
    throw std::logic_error("another_connection: a SQLite :memory: database cannot be shared");
}

drf::db::Database open_database() {
    if (on_sqlite()) return drf::db::sqlite::open(":memory:");
#if DRF_TEST_HAVE_POSTGRESQL
    return open_postgresql(url());
#else
    throw std::runtime_error("DRF_TEST_DATABASE_URL names a PostgreSQL server, but this build has no drf::postgresql");
#endif
}

SharedDatabase::SharedDatabase() {
    if (on_sqlite()) {
        first_.emplace(drf::db::sqlite::open(file_.emplace().path));
    } else {
        first_.emplace(open_database());
    }
}

const std::string& SharedDatabase::path() const {
    static const std::string none;
    return file_ ? file_->path : none;
}

drf::db::Database SharedDatabase::open() {
    return file_ ? drf::db::sqlite::open(file_->path) : another_connection(*first_);
}

}  // namespace drf_test
