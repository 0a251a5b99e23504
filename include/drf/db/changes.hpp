// drf/db/changes.hpp — per-table change counters: drf_table_versions holds one row per tracked table,
// bumped by triggers on every INSERT, UPDATE and DELETE (installed by drf::migrations::track_changes).
// Reading the counters of the tables a page reads is one indexed statement, far cheaper than the page:
// what a list's ETag is built from, so an unchanged page is answered 304 without its query.
#pragma once

#include <drf/db/backend.hpp>
#include <drf/db/database.hpp>
#include <drf/models/meta.hpp>

#include <algorithm>
#include <array>
#include <cstdint>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace drf::db {

inline constexpr std::string_view table_versions_table = "drf_table_versions";

// The tables of these models, each name said once, from the models' meta: tables<Project, User>().
template <class... Models>
constexpr std::array<std::string_view, sizeof...(Models)> tables() {
    static_assert(sizeof...(Models) > 0, "drf::db::tables: name at least one model");
    return {Models::meta.table...};
}

// A table whose counter is asked for but that no migration tracks: its changes would go unseen, and an
// ETag built from it would answer 304 for a page that changed, so this is an error, not a 0.
class UntrackedTable : public std::logic_error {
public:
    explicit UntrackedTable(std::string_view table)
        : std::logic_error("drf::db::table_versions: the table " + std::string(table) +
                           " is not tracked; add drf::migrations::track_changes(\"" + std::string(table) +
                           "\") to a migration") {}
};

namespace detail {
// SELECT 0, "version" … WHERE "table_name" = ? UNION ALL SELECT 1, … for `count` names: one seek of the
// primary key per name. `"table_name" IN (?, ?)` would read the same rows, but SQLite runs an IN list
// of two or more parameters through a temporary b-tree it opens and fills on every execution (its own
// pager and page cache: a dozen allocations per page's ETag). Built once per count and thread.
inline const std::string& table_versions_sql(std::size_t count) {
    thread_local std::vector<std::string> built;
    if (built.size() < count) built.resize(count);
    std::string& sql = built[count - 1];
    if (sql.empty()) {
        const std::string from = ", \"version\" FROM " + quote_name(table_versions_table) + " WHERE \"table_name\" = ?";
        for (std::size_t i = 0; i < count; ++i) sql += (i ? " UNION ALL SELECT " : "SELECT ") + std::to_string(i) + from;
    }
    return sql;
}
// Names per statement: SQLite allows 500 terms in a compound SELECT (SQLITE_MAX_COMPOUND_SELECT).
inline constexpr std::size_t table_versions_per_statement = 64;
}  // namespace detail

// The counters of `names`, in the order given, read with one statement (one per 64 names). Each only
// grows while the table changes (a rolled-back change rolls its bump back with it).
inline std::vector<std::int64_t> table_versions(Database& db, std::span<const std::string_view> names) {
    std::vector<std::int64_t> versions(names.size(), -1);
    for (std::size_t first = 0; first < names.size(); first += detail::table_versions_per_statement) {
        const auto chunk = names.subspan(first, std::min(detail::table_versions_per_statement, names.size() - first));
        StatementScope s(db.connection().prepare(detail::table_versions_sql(chunk.size())));
        for (std::size_t i = 0; i < chunk.size(); ++i) s->bind_text(static_cast<int>(i + 1), chunk[i]);
        while (s->step()) versions[first + static_cast<std::size_t>(s->column_int(0))] = s->column_int(1);
    }
    for (std::size_t i = 0; i < names.size(); ++i)
        if (versions[i] < 0) throw UntrackedTable(names[i]);
    return versions;
}

template <std::size_t N>
std::vector<std::int64_t> table_versions(Database& db, const std::array<std::string_view, N>& names) {
    return table_versions(db, std::span<const std::string_view>(names));
}

}  // namespace drf::db
