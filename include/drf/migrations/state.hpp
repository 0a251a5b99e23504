// drf/migrations/state.hpp — the schema a migration history builds, replayed from the operations' typed
// descriptions without a database (Django's ProjectState): what makemigrations compares the models with.
#pragma once

#include <drf/migrations/column.hpp>
#include <drf/migrations/migration.hpp>

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <type_traits>
#include <variant>
#include <vector>

namespace drf::migrations {

struct SchemaState {
    std::map<std::string, CreateTable> tables;
    std::map<std::string, std::string> created_by;  // table → the migration that created it

    const CreateTable* table(const std::string& name) const {
        const auto it = tables.find(name);
        return it == tables.end() ? nullptr : &it->second;
    }

    // Applies one operation's effect. run_sql and run_code are opaque: assumed to leave the schema alone.
    void apply(const Action& action, const std::string& migration = {}) {
        std::visit(
            [&](const auto& a) {
                using A = std::decay_t<decltype(a)>;
                if constexpr (std::is_same_v<A, CreateTable>) {
                    tables[a.table] = a;
                    created_by[a.table] = migration;
                } else if constexpr (std::is_same_v<A, AddColumn>) {
                    if (auto* t = find(a.table)) t->columns.push_back(a.column);
                } else if constexpr (std::is_same_v<A, AlterColumn>) {
                    if (auto* t = find(a.table)) {
                        for (auto& c : t->columns)
                            if (c.name == a.from.name) c = a.to;
                        const Index own = index(a.table, {a.to.name});
                        if (wants_index(a.from) && !wants_index(a.to)) drop_index(*t, own.name);
                        if (!wants_index(a.from) && wants_index(a.to)) t->indexes.push_back(own);
                    }
                } else if constexpr (std::is_same_v<A, RemoveColumn>) {
                    if (auto* t = find(a.table)) {
                        std::erase_if(t->columns, [&](const Column& c) { return c.name == a.column; });
                        // Dropping a column drops the indexes over it.
                        std::erase_if(t->indexes, [&](const Index& ix) {
                            return std::find(ix.columns.begin(), ix.columns.end(), a.column) != ix.columns.end();
                        });
                    }
                } else if constexpr (std::is_same_v<A, RenameColumn>) {
                    if (auto* t = find(a.table)) {
                        for (auto& c : t->columns)
                            if (c.name == a.from) c.name = a.to;
                        for (auto& ix : t->indexes)
                            for (auto& c : ix.columns)
                                if (c == a.from) c = a.to;  // the index keeps its name
                    }
                } else if constexpr (std::is_same_v<A, AddIndex>) {
                    if (auto* t = find(a.table)) t->indexes.push_back(a.index);
                } else if constexpr (std::is_same_v<A, RemoveIndex>) {
                    if (auto* t = find(a.table)) drop_index(*t, a.index.name);
                }
            },
            action);
    }

private:
    CreateTable* find(const std::string& name) {
        const auto it = tables.find(name);
        return it == tables.end() ? nullptr : &it->second;
    }
    static void drop_index(CreateTable& t, const std::string& name) {
        std::erase_if(t.indexes, [&](const Index& ix) { return ix.name == name; });
    }
};

// The migrations in an order that respects their dependencies (declaration order otherwise). A squash
// stands for what it replaces when those are not all in the list; otherwise the originals are used.
inline std::vector<const Migration*> history_order(const std::vector<Migration>& list) {
    std::set<std::string> present;
    for (const auto& m : list) present.insert(m.name);
    std::set<std::string> skipped;
    for (const auto& m : list) {
        if (m.replaces.empty()) continue;
        const bool originals = std::all_of(m.replaces.begin(), m.replaces.end(), [&](const auto& r) { return present.count(r) > 0; });
        if (originals)
            skipped.insert(m.name);
        else
            for (const auto& r : m.replaces) skipped.insert(r);
    }
    std::vector<const Migration*> out;
    std::set<std::string> done;
    bool progress = true;
    while (progress) {
        progress = false;
        for (const auto& m : list) {
            if (skipped.count(m.name) || done.count(m.name)) continue;
            const bool ready = std::all_of(m.dependencies.begin(), m.dependencies.end(), [&](const auto& d) {
                return done.count(d) > 0 || !present.count(d) || skipped.count(d) > 0;
            });
            if (!ready) continue;
            out.push_back(&m);
            done.insert(m.name);
            progress = true;
            break;  // restart: take the earliest ready migration each time
        }
    }
    return out;  // migrations in a cycle are left out; Migrator reports the cycle
}

// The schema the whole history builds.
inline SchemaState replay(const std::vector<Migration>& list) {
    SchemaState state;
    for (const Migration* m : history_order(list))
        for (const auto& op : m->operations) state.apply(op.action, m->name);
    return state;
}

}  // namespace drf::migrations
