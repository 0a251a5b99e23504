// drf/migrations/autodetector.hpp — what makemigrations compares: an app (its label, models, the
// project's migration list, the directory its migration files live in), the schema its history builds,
// and the operations that bring that schema to the models (Django's MigrationAutodetector).
#pragma once

#include <drf/migrations/column.hpp>
#include <drf/migrations/migration.hpp>
#include <drf/migrations/model_state.hpp>
#include <drf/migrations/operations.hpp>
#include <drf/migrations/state.hpp>

#include <algorithm>
#include <cctype>
#include <set>
#include <string>
#include <utility>
#include <vector>

namespace drf::migrations {

// An application, as makemigrations sees it:
//     App{"projects", models<Project, Announcement, Profile>(), migrations(), "examples/projects/migrations"}
// Its migrations are named "<label>_0001_initial", … and live in `directory` as 0001_initial.hpp, …;
// `migrations` is the whole list the project migrates with (other apps' too, for references).
struct App {
    std::string label;
    std::vector<CreateTable> models;
    std::vector<Migration> migrations;
    std::string directory;
};

template <class... T>
std::vector<CreateTable> models() {
    return {from_model<T>()...};
}

// One detected change: the operation, Django's line for it ("Add field priority to project") and the
// fragment a migration with only this change is named after ("project_priority").
struct Change {
    Operation operation;
    std::string description;
    std::string fragment;
};

// A model's name in Django's words: the table without the app's prefix ("projects_project" → "project").
inline std::string model_name(const std::string& label, const std::string& table) {
    const std::string prefix = label + "_";
    return table.rfind(prefix, 0) == 0 && table.size() > prefix.size() ? table.substr(prefix.size()) : table;
}

// A new NOT NULL column without a default cannot be added to a table that may hold rows.
class NonNullableFieldError : public MigrationError {
public:
    NonNullableFieldError(std::string field, std::string model)
        : MigrationError("You are trying to add a non-nullable field '" + field + "' to " + model +
                         " without a default; we can't do that (the database needs something to populate existing "
                         "rows).\nMake the member std::optional, or write this migration yourself (makemigrations "
                         "--empty) with add_column(..., column(\"" + field + "\", ...).default_value(...))."),
          field_(std::move(field)),
          model_(std::move(model)) {}
    const std::string& field() const noexcept { return field_; }
    const std::string& model() const noexcept { return model_; }

private:
    std::string field_;
    std::string model_;
};

namespace detail {
// Indexes makemigrations manages: the ones from_model makes (a column's own index, "<table>_<column>",
// and the default ordering's, "<table>_<column>_id"). Others were added by hand and are left alone.
inline bool managed_index(const std::string& table, const Index& ix) {
    if (ix.name != index(table, ix.columns).name) return false;
    return ix.columns.size() == 1 || (ix.columns.size() == 2 && ix.columns[1] == "id");
}

inline std::string lower(std::string s) {
    for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}
}  // namespace detail

// The operations that take `state` to the app's models, in Django's order: new tables, then per table
// added, altered and removed columns, then indexes. Tables no model names are left alone.
inline std::vector<Change> detect_changes(const App& app, const SchemaState& state) {
    std::vector<Change> changes;
    for (const auto& model : app.models) {
        const std::string name = model_name(app.label, model.table);
        const CreateTable* current = state.table(model.table);
        if (current == nullptr) {
            changes.push_back({create_table(model), "Create model " + name, detail::lower(name)});
            continue;
        }
        SchemaState after;
        after.tables[model.table] = *current;
        auto add = [&](Operation op, std::string description, std::string fragment) {
            after.apply(op.action);
            changes.push_back({std::move(op), std::move(description), std::move(fragment)});
        };
        for (const auto& column : model.columns) {
            const auto it = std::find_if(current->columns.begin(), current->columns.end(),
                                         [&](const Column& c) { return c.name == column.name; });
            if (it == current->columns.end()) {
                if (!column.null && !column.primary_key && !column.default_value)
                    throw NonNullableFieldError(column.name, name);
                add(add_column(model.table, column), "Add field " + column.name + " to " + name, name + "_" + column.name);
                continue;
            }
            Column wanted = column;
            wanted.default_value = it->default_value;  // a model declares no default: keep the migration's
            if (wanted != *it)
                add(alter_column(model.table, *it, wanted), "Alter field " + column.name + " on " + name,
                    "alter_" + name + "_" + column.name);
        }
        for (const auto& column : current->columns)
            if (std::none_of(model.columns.begin(), model.columns.end(), [&](const Column& c) { return c.name == column.name; }))
                add(remove_column(model.table, column.name), "Remove field " + column.name + " from " + name,
                    "remove_" + name + "_" + column.name);
        std::set<std::string> touched;  // columns added or altered here: their index needs no name of its own
        for (const auto& c : changes)
            if (const auto* added = std::get_if<AddColumn>(&c.operation.action)) touched.insert(added->column.name);
            else if (const auto* altered = std::get_if<AlterColumn>(&c.operation.action)) touched.insert(altered->to.name);
        const CreateTable& now = after.tables[model.table];
        for (const auto& ix : model.indexes)
            if (std::none_of(now.indexes.begin(), now.indexes.end(), [&](const Index& i) { return i.name == ix.name; }))
                add(add_index(model.table, ix.columns),
                    "Create index " + ix.name + " on field(s) " + [&] {
                        std::string s;
                        for (const auto& c : ix.columns) s += (s.empty() ? "" : ", ") + c;
                        return s;
                    }() + " of model " + name,
                    ix.columns.size() == 1 && touched.count(ix.columns[0]) ? std::string() : name + "_" + detail::lower(ix.name));
        const std::vector<Index> existing = after.tables[model.table].indexes;
        for (const auto& ix : existing)
            if (detail::managed_index(model.table, ix) &&
                std::none_of(model.indexes.begin(), model.indexes.end(), [&](const Index& i) { return i.name == ix.name; }))
                add(remove_index(model.table, ix.columns), "Remove index " + ix.name + " from " + name,
                    "remove_" + name + "_" + detail::lower(ix.name));
    }
    return changes;
}

// The app's migrations, by their names "<label>_NNNN_…", in number order.
inline std::vector<const Migration*> app_migrations(const App& app) {
    std::vector<const Migration*> out;
    const std::string prefix = app.label + "_";
    for (const auto& m : app.migrations)
        if (m.name.rfind(prefix, 0) == 0 && m.name.size() > prefix.size() + 4 &&
            std::all_of(m.name.begin() + static_cast<std::ptrdiff_t>(prefix.size()),
                        m.name.begin() + static_cast<std::ptrdiff_t>(prefix.size() + 4),
                        [](char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; }))
            out.push_back(&m);
    std::stable_sort(out.begin(), out.end(), [&](const Migration* a, const Migration* b) {
        return a->name.substr(prefix.size(), 4) < b->name.substr(prefix.size(), 4);
    });
    return out;
}

// Django's name for a migration of these changes: "initial" for an app's first, the change's fragment
// for one change, the fragments joined when they fit in 52 characters, else "auto_<timestamp>". The
// index of a column added in the same migration adds nothing to the name.
inline std::string suggest_name(const std::vector<Change>& changes, bool initial, const std::string& timestamp) {
    if (initial) return "initial";
    std::string joined;
    for (const auto& c : changes)
        if (!c.fragment.empty()) joined += (joined.empty() ? "" : "_") + c.fragment;
    if (!joined.empty() && joined.size() <= 52) return joined;
    return "auto_" + timestamp;
}

// The migrations a new one of the app depends on: the app's latest, and the migrations that created the
// tables its columns reference in other apps (Django adds those dependencies the same way).
inline std::vector<std::string> new_dependencies(const App& app, const SchemaState& state, const std::vector<Change>& changes) {
    std::vector<std::string> deps;
    const auto own = app_migrations(app);
    std::set<std::string> own_names;
    for (const auto* m : own) own_names.insert(m->name);
    if (!own.empty()) deps.push_back(own.back()->name);
    auto need = [&](const std::string& table) {
        const auto it = state.created_by.find(table);
        if (it == state.created_by.end() || own_names.count(it->second)) return;
        if (std::find(deps.begin(), deps.end(), it->second) == deps.end()) deps.push_back(it->second);
    };
    for (const auto& change : changes) {
        if (const auto* t = std::get_if<CreateTable>(&change.operation.action))
            for (const auto& c : t->columns)
                if (!c.references.empty()) need(c.references);
        if (const auto* a = std::get_if<AddColumn>(&change.operation.action))
            if (!a->column.references.empty()) need(a->column.references);
        if (const auto* a = std::get_if<AlterColumn>(&change.operation.action))
            if (!a->to.references.empty()) need(a->to.references);
    }
    return deps;
}

}  // namespace drf::migrations
