// drf/commands/makemigrations.hpp — the built-in makemigrations command: replays the app's migration
// history, compares it with the app's models and writes a migration of values for the difference, in
// Django's words:
//     Migrations for 'projects':
//       migrations/0003_project_priority.hpp
//         - Add field priority to project
#pragma once

#include <drf/commands/command.hpp>
#include <drf/core/clock.hpp>
#include <drf/core/datetime.hpp>
#include <drf/migrations/autodetector.hpp>
#include <drf/migrations/state.hpp>
#include <drf/migrations/writer.hpp>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

namespace drf::commands {

class MakeMigrationsCommand : public Command {
public:
    explicit MakeMigrationsCommand(migrations::App app) : app_(std::move(app)) {}

    std::string help() const override { return "Creates new migration(s) for the app's model changes."; }
    void add_arguments(CLI::App& parser) override {
        parser.add_flag("--check", check_, "Exits with a non-zero status if model changes are missing migrations (writes nothing).");
        parser.add_flag("--dry-run", dry_run_, "Just shows what migrations would be made; doesn't write them.");
        parser.add_option("-n,--name", name_, "Use this name for the migration file(s).");
        parser.add_flag("--empty", empty_, "Create an empty migration (a run_code data migration to fill in).");
    }

    void handle() override {
        namespace mig = migrations;
        const mig::SchemaState state = mig::replay(app_.migrations);
        std::vector<mig::Change> changes;
        if (empty_) {
            changes.push_back({mig::run_code("describe what this data migration does", {}), {}, {}});
        } else {
            try {
                changes = mig::detect_changes(app_, state);
            } catch (const mig::NonNullableFieldError& e) {
                throw CommandError(e.what(), 3);  // Django's non-interactive questioner exits with 3
            }
        }
        if (changes.empty()) {
            out() << "No changes detected in app '" << app_.label << "'\n";
            return;
        }
        const auto own = mig::app_migrations(app_);
        const std::string stamp = timestamp();
        const std::string name = !name_.empty() ? name_ : empty_ ? "auto_" + stamp : mig::suggest_name(changes, own.empty(), stamp);
        const mig::MigrationFile file{app_.label, number(own) + "_" + name};
        const std::filesystem::path directory(app_.directory);
        const std::filesystem::path path = directory / file.file();

        out() << "Migrations for '" << app_.label << "':\n  " << shown(path) << '\n';
        for (const auto& c : changes)
            if (!c.description.empty()) out() << "    - " << c.description << '\n';
        if (check_)  // Django exits 1 without a word; the reason helps in CI logs
            throw CommandError("The models have changes that no migration has yet: run makemigrations.");
        if (dry_run_) return;

        std::vector<mig::Action> actions;
        for (const auto& c : changes) actions.push_back(c.operation.action);
        const std::string source = mig::migration_source(file, directory.filename().string(),
                                                         mig::new_dependencies(app_, state, changes), actions,
                                                         generated_at());
        std::filesystem::create_directories(directory);
        write(path, source);

        // The list the project migrates with: <directory>.hpp, next to the directory.
        std::filesystem::path list = directory;
        list += ".hpp";
        const std::string previous =
            own.empty() ? std::string() : mig::MigrationFile{app_.label, own.back()->name.substr(app_.label.size() + 1)}.function();
        const std::string updated = std::filesystem::exists(list)
                                        ? mig::add_to_list(read(list), file, directory.filename().string(), previous)
                                        : std::string();
        if (updated.empty())
            err() << "Add it to the app's migration list: #include \"" << directory.filename().string() << "/"
                  << file.file() << "\" and list.push_back(" << file.function() << "());\n";
        else
            write(list, updated);
    }

private:
    // The next number after the app's highest, four digits.
    std::string number(const std::vector<const migrations::Migration*>& own) const {
        int highest = 0;
        for (const auto* m : own) highest = std::max(highest, std::stoi(m->name.substr(app_.label.size() + 1, 4)));
        char buf[16];
        std::snprintf(buf, sizeof buf, "%04d", highest + 1);
        return buf;
    }
    // Django's "2026-12-02 06:53" (UTC).
    static std::string generated_at() {
        const std::string iso = drf::to_iso8601(drf::now());
        return iso.substr(0, 10) + " " + iso.substr(11, 5);
    }
    // Django's auto_YYYYMMDD_HHMM.
    static std::string timestamp() {
        const std::string iso = drf::to_iso8601(drf::now());  // 2026-12-02T07:30:00...
        return iso.substr(0, 4) + iso.substr(5, 2) + iso.substr(8, 2) + "_" + iso.substr(11, 2) + iso.substr(14, 2);
    }
    // The path relative to the working directory when it is below it, as Django shows it.
    static std::string shown(const std::filesystem::path& path) {
        std::error_code ec;
        const auto relative = std::filesystem::relative(path, std::filesystem::current_path(), ec);
        const std::string r = relative.generic_string();
        return ec || r.empty() || r.rfind("..", 0) == 0 ? path.generic_string() : r;
    }
    static std::string read(const std::filesystem::path& path) {
        std::ifstream in(path, std::ios::binary);
        std::ostringstream s;
        s << in.rdbuf();
        return s.str();
    }
    static void write(const std::filesystem::path& path, const std::string& text) {
        std::ofstream f(path, std::ios::binary | std::ios::trunc);
        f << text;
        if (!f) throw CommandError("Cannot write " + path.string() + ".");
    }

    migrations::App app_;
    bool check_ = false;
    bool dry_run_ = false;
    bool empty_ = false;
    std::string name_;
};

}  // namespace drf::commands
