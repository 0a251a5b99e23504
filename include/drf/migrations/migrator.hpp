// drf/migrations/migrator.hpp — applies migrations in dependency order, each in its own transaction,
// records them with a checksum of their content, refuses to run when an applied migration has been
// edited since, and honours squashed migrations (Django's migrate / showmigrations / plan).
#pragma once

#include <drf/core/clock.hpp>
#include <drf/core/crypto.hpp>
#include <drf/db/database.hpp>
#include <drf/db/value.hpp>
#include <drf/migrations/migration.hpp>

#include <algorithm>
#include <functional>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace drf::migrations {

// One row of showmigrations: "[X] 0001_initial".
struct MigrationState {
    std::string name;
    bool applied = false;
};

// One step of a plan: run the migration, or (a squash whose originals all ran) only record it.
struct PlanStep {
    std::string name;
    bool record_only = false;
};

inline constexpr std::string_view applied_table = "drf_migrations";

// SHA-256 of everything the migration does on `dialect`: its name, dependencies, replaces, and each
// operation's description and SQL. What Migrator records, and compares, for an applied migration.
inline std::string checksum(const Migration& m, const db::Dialect& dialect) {
    std::string text = "name:" + m.name + "\n";
    for (const auto& d : m.dependencies) text += "depends:" + d + "\n";
    for (const auto& r : m.replaces) text += "replaces:" + r + "\n";
    for (const auto& op : m.operations) {
        text += "op:" + op.description + "\n";
        if (op.sql) {
            try {
                for (const auto& s : op.sql(dialect)) text += s + "\n";
            } catch (const MigrationError&) {
                text += "(no SQL for this dialect)\n";
            }
        }
    }
    return crypto::sha256_hex(text);
}

class Migrator {
public:
    Migrator(db::Database& db, std::vector<Migration> migrations) : db_(db), migrations_(std::move(migrations)) {
        std::set<std::string> names;
        for (const auto& m : migrations_)
            if (!names.insert(m.name).second) throw MigrationError("Migration " + m.name + " is declared twice.");
    }

    // SHA-256 of everything the migration would do on this database's dialect.
    std::string checksum(const Migration& m) const { return migrations::checksum(m, db_.dialect()); }

    // What migrate() would do, in order.
    std::vector<PlanStep> plan() {
        ensure_table();
        const auto applied = read_applied();
        verify_checksums(applied);
        std::vector<PlanStep> steps;
        for (const Migration* m : ordered(applied)) {
            if (applied.count(m->name)) continue;
            const bool originals_ran = !m->replaces.empty() && std::all_of(m->replaces.begin(), m->replaces.end(),
                                                                           [&](const auto& r) { return applied.count(r) > 0; });
            steps.push_back({m->name, originals_ran});
        }
        return steps;
    }

    // Every migration in the code, in order, with whether it is applied (a squash counts as applied
    // once all it replaces have been).
    std::vector<MigrationState> showmigrations() {
        ensure_table();
        const auto applied = read_applied();
        std::vector<MigrationState> states;
        for (const Migration* m : ordered(applied)) {
            bool done = applied.count(m->name) > 0;
            if (!done && !m->replaces.empty())
                done = std::all_of(m->replaces.begin(), m->replaces.end(), [&](const auto& r) { return applied.count(r) > 0; });
            states.push_back({m->name, done});
        }
        return states;
    }

    // Applies the plan. Each migration runs in its own transaction together with its row in the
    // applied table, so a failure leaves both as they were. `before` and `after` are called around each
    // step (for "Applying 0001_initial... OK"). With `fake`, migrations are recorded without running.
    std::vector<PlanStep> migrate(const std::function<void(const PlanStep&)>& before = {},
                                  const std::function<void(const PlanStep&)>& after = {}, bool fake = false) {
        std::vector<PlanStep> done;
        // A second round records squashes whose originals the first round finished.
        for (int round = 0; round < 2; ++round) {
            const auto steps = plan();
            for (const auto& step : steps) {
                const Migration& m = find(step.name);
                if (before) before(step);
                db_.atomic([&] {
                    if (!step.record_only && !fake) run(m);
                    record(m);
                });
                if (after) after(step);
                done.push_back(step);
            }
            if (steps.empty()) break;
        }
        return done;
    }

private:
    const Migration& find(const std::string& name) const {
        for (const auto& m : migrations_)
            if (m.name == name) return m;
        throw MigrationError("Migration " + name + " is not known.");
    }

    void ensure_table() {
        const auto& d = db_.dialect();
        db_.connection().execute("CREATE TABLE IF NOT EXISTS " + std::string(applied_table) + " (name " +
                                 d.column_type(db::ColumnKind::text) + " NOT NULL PRIMARY KEY, applied_at " +
                                 d.column_type(db::ColumnKind::datetime) + " NOT NULL, checksum " +
                                 d.column_type(db::ColumnKind::text) + " NOT NULL)");
    }

    std::map<std::string, std::string> read_applied() {
        std::map<std::string, std::string> applied;
        auto& s = db_.connection().prepare("SELECT name, checksum FROM " + std::string(applied_table));
        s.reset();
        while (s.step()) applied.emplace(std::string(s.column_text(0)), std::string(s.column_text(1)));
        s.reset();
        return applied;
    }

    void verify_checksums(const std::map<std::string, std::string>& applied) const {
        for (const auto& m : migrations_) {
            const auto it = applied.find(m.name);
            if (it == applied.end()) continue;
            const std::string now = checksum(m);
            if (now != it->second)
                throw MigrationError("Migration " + m.name + " has changed since it was applied (checksum " +
                                     it->second.substr(0, 12) + " recorded, " + now.substr(0, 12) +
                                     " now). Never edit a deployed migration: restore it and add a new one.");
        }
    }

    // The migrations to consider, in dependency order: squashes stand in for what they replace.
    std::vector<const Migration*> ordered(const std::map<std::string, std::string>& applied) const {
        std::map<std::string, std::string> replaced_by;
        std::set<std::string> set_aside;  // squashes not usable yet: their originals are half applied
        for (const auto& m : migrations_) {
            if (m.replaces.empty()) continue;
            std::vector<std::string> done, missing;
            for (const auto& r : m.replaces) (applied.count(r) ? done : missing).push_back(r);
            if (!done.empty() && !missing.empty() && !applied.count(m.name)) {
                // As Django: with the originals still in the code, finish them and record the squash after.
                const bool originals_present = std::all_of(missing.begin(), missing.end(), [&](const auto& r) {
                    return std::any_of(migrations_.begin(), migrations_.end(), [&](const auto& o) { return o.name == r; });
                });
                if (originals_present) {
                    set_aside.insert(m.name);
                    continue;
                }
                auto join = [](const std::vector<std::string>& v) {
                    std::string s;
                    for (const auto& x : v) s += (s.empty() ? "" : ", ") + x;
                    return s;
                };
                throw MigrationError("Migration " + m.name + " replaces " + join(m.replaces) + ", but only " + join(done) +
                                     " of them are applied here and the others are no longer in the code. Restore the "
                                     "original migrations (" + join(missing) + "), migrate, then remove them again.");
            }
            for (const auto& r : m.replaces) replaced_by[r] = m.name;
        }
        std::vector<const Migration*> nodes;
        std::map<std::string, std::size_t> index;
        for (const auto& m : migrations_) {
            if (replaced_by.count(m.name) || set_aside.count(m.name)) continue;
            index[m.name] = nodes.size();
            nodes.push_back(&m);
        }
        auto resolve = [&](const std::string& name) {
            const auto r = replaced_by.find(name);
            return r == replaced_by.end() ? name : r->second;
        };
        // Kahn's algorithm, taking ready migrations in declaration order so the plan is stable.
        std::vector<std::vector<std::size_t>> dependents(nodes.size());
        std::vector<std::size_t> waiting(nodes.size(), 0);
        for (std::size_t i = 0; i < nodes.size(); ++i) {
            std::set<std::size_t> deps;
            for (const auto& d : nodes[i]->dependencies) {
                const std::string target = resolve(d);
                const auto it = index.find(target);
                if (it == index.end()) {
                    if (applied.count(d) || applied.count(target)) continue;  // applied and since removed from the code
                    throw MigrationError("Migration " + nodes[i]->name + " depends on " + d + ", which does not exist.");
                }
                if (it->second != i) deps.insert(it->second);
            }
            waiting[i] = deps.size();
            for (auto d : deps) dependents[d].push_back(i);
        }
        std::vector<const Migration*> out;
        std::vector<bool> done(nodes.size(), false);
        while (out.size() < nodes.size()) {
            std::size_t next = nodes.size();
            for (std::size_t i = 0; i < nodes.size(); ++i)
                if (!done[i] && waiting[i] == 0) {
                    next = i;
                    break;
                }
            if (next == nodes.size()) {
                std::string cycle;
                for (std::size_t i = 0; i < nodes.size(); ++i)
                    if (!done[i]) cycle += (cycle.empty() ? "" : ", ") + nodes[i]->name;
                throw MigrationError("Migrations depend on each other in a cycle: " + cycle + ".");
            }
            done[next] = true;
            out.push_back(nodes[next]);
            for (auto d : dependents[next]) --waiting[d];
        }
        return out;
    }

    void run(const Migration& m) {
        for (const auto& op : m.operations) {
            if (op.sql) {
                std::vector<std::string> statements;
                try {
                    statements = op.sql(db_.dialect());
                } catch (const MigrationError& e) {
                    throw MigrationError("Migration " + m.name + ": " + e.what() + ".");
                }
                for (const auto& s : statements) db_.connection().execute(s);
            }
            if (op.code) op.code(db_);
        }
    }

    void record(const Migration& m) {
        auto& s = db_.connection().prepare("INSERT INTO " + std::string(applied_table) +
                                           " (name, applied_at, checksum) VALUES (?, ?, ?)");
        s.reset();
        s.bind_text(1, m.name);
        db::ColumnTraits<DateTime>::bind(s, 2, drf::now());
        const std::string sum = checksum(m);
        s.bind_text(3, sum);
        s.step();
        s.reset();
    }

    db::Database& db_;
    std::vector<Migration> migrations_;
};

}  // namespace drf::migrations
