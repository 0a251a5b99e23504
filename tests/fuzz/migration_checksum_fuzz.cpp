// tests/fuzz/migration_checksum_fuzz.cpp — the Migrator reading back an arbitrary applied table: names
// and checksums as a damaged, hand-edited or hostile database may hold them. The input is one row per
// line, `name<TAB>checksum`; a line without a tab, or a checksum of `*`, stores the checksum the code
// computes for that name, so the fuzzer also reaches the paths past the checksum check (squashes,
// dependencies on removed migrations). An in-memory SQLite database is opened once.
// Properties, for the migrations with their originals and for the squash alone:
//   - plan() answers or throws MigrationError, nothing else;
//   - a stored checksum that differs from the code's is refused, naming the first such migration and
//     the recorded checksum's first 12 characters; with none differing, that refusal never comes;
//   - when plan() answers, a fake migrate() (rolled back afterwards) leaves nothing to do, and
//     showmigrations() then lists every migration as applied.
#include "fuzz.hpp"

#include <drf/core/clock.hpp>
#include <drf/db.hpp>
#include <drf/db/sqlite.hpp>
#include <drf/migrations.hpp>

#include <exception>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace db = drf::db;
namespace mig = drf::migrations;
using drf_fuzz::require;

namespace {

std::vector<mig::Migration> with_originals() {
    return {
        {"0001_initial", {}, {mig::run_sql("CREATE TABLE a (x INTEGER)")}, {}},
        {"0002_second", {"0001_initial"}, {mig::run_sql("ALTER TABLE a ADD COLUMN y INTEGER")}, {}},
        {"0003_postgresql_only", {"0002_second"}, {mig::run_sql({{"postgresql", "CREATE INDEX a_x ON a (x)"}})}, {}},
        {"0001_squashed_0002", {}, {mig::run_sql("CREATE TABLE a (x INTEGER, y INTEGER)")}, {"0001_initial", "0002_second"}},
        {"0004_data", {"0002_second", "0003_postgresql_only"}, {mig::run_code("fill a", [](db::Database&) {})}, {}},
    };
}

std::vector<mig::Migration> squash_only() {
    auto all = with_originals();
    return {all[2], all[3], all[4]};
}

db::Database& database() {
    static db::Database instance = [] {
        auto d = db::sqlite::open(":memory:");
        mig::Migrator(d, {}).plan();  // creates the applied table
        return d;
    }();
    return instance;
}

// Rows of the applied table, as the input describes them.
std::vector<std::pair<std::string, std::string>> rows_of(std::string_view text, mig::Migrator& migrator,
                                                          const std::vector<mig::Migration>& migrations) {
    std::vector<std::pair<std::string, std::string>> rows;
    while (!text.empty() && rows.size() < 64) {
        const auto end = text.find('\n');
        const std::string_view line = text.substr(0, end);
        text = end == std::string_view::npos ? std::string_view() : text.substr(end + 1);
        const auto tab = line.find('\t');
        std::string name(line.substr(0, tab));
        std::string sum = tab == std::string_view::npos ? "*" : std::string(line.substr(tab + 1));
        if (sum == "*")
            for (const auto& m : migrations)
                if (m.name == name) sum = migrator.checksum(m);
        rows.emplace_back(std::move(name), std::move(sum));
    }
    return rows;
}

void store(db::Database& d, const std::vector<std::pair<std::string, std::string>>& rows) {
    d.connection().execute("DELETE FROM drf_migrations");
    auto& insert = d.connection().prepare("INSERT OR REPLACE INTO drf_migrations (name, applied_at, checksum) VALUES (?, ?, ?)");
    for (const auto& [name, sum] : rows) {
        insert.reset();
        insert.bind_text(1, name);
        insert.bind_datetime(2, drf::now());
        insert.bind_text(3, sum);
        insert.step();
    }
    insert.reset();
}

struct RolledBack {};

void check(std::string_view text, const std::vector<mig::Migration>& migrations) {
    db::Database& d = database();
    mig::Migrator migrator(d, migrations);
    const auto rows = rows_of(text, migrator, migrations);
    store(d, rows);

    // What the table holds after INSERT OR REPLACE: the last row given for a name.
    std::map<std::string, std::string> stored;
    for (const auto& [name, sum] : rows) stored[name] = sum;
    std::string first_changed;  // the refusal plan() must give, if any
    for (const auto& m : migrations) {
        const auto it = stored.find(m.name);
        if (it != stored.end() && it->second != migrator.checksum(m)) {
            first_changed = "Migration " + m.name + " has changed since it was applied (checksum " + it->second.substr(0, 12) +
                            " recorded, " + migrator.checksum(m).substr(0, 12) + " now).";
            break;
        }
    }
    first_changed = first_changed.substr(0, first_changed.find('\0'));  // what() is a C string: it ends at a NUL

    try {
        migrator.plan();
    } catch (const mig::MigrationError& e) {
        const std::string_view message = e.what();
        if (!first_changed.empty())
            require(message.substr(0, first_changed.size()) == first_changed, "the first changed migration is named", message);
        else
            require(message.find("has changed since it was applied") == std::string_view::npos,
                    "an unchanged migration is not refused", message);
        return;
    }
    require(first_changed.empty(), "a changed migration is refused", first_changed);
    migrator.showmigrations();
    try {
        d.atomic([&] {
            migrator.migrate({}, {}, true);
            require(migrator.plan().empty(), "after migrate(), nothing is left to do");
            for (const auto& state : migrator.showmigrations())
                require(state.applied, "after migrate(), every migration is applied", state.name);
            throw RolledBack{};
        });
    } catch (const RolledBack&) {
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const auto originals = with_originals();
    static const auto squash = squash_only();
    const std::string_view text = drf_fuzz::as_text(data, size);
    try {
        check(text, originals);
        check(text, squash);
    } catch (const std::exception& e) {
        drf_fuzz::fail("unexpected exception", e.what());
    }
    return 0;
}
