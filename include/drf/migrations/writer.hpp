// drf/migrations/writer.hpp — writes a migration as a C++ header of values (Django's MigrationWriter):
// the file makemigrations puts in the app's directory, and the two lines it adds to the app's list.
#pragma once

#include <drf/core/date.hpp>
#include <drf/core/datetime.hpp>
#include <drf/core/decimal.hpp>
#include <drf/core/uuid.hpp>
#include <drf/db/value.hpp>
#include <drf/migrations/column.hpp>
#include <drf/migrations/migration.hpp>

#include <charconv>
#include <cstdint>
#include <string>
#include <type_traits>
#include <variant>
#include <vector>

namespace drf::migrations {

namespace detail {
inline std::string cpp_string(const std::string& s) {
    std::string out = "\"";
    for (char c : s) {
        if (c == '"' || c == '\\') out += '\\';
        if (c == '\n') {
            out += "\\n";
            continue;
        }
        out += c;
    }
    return out + "\"";
}

inline std::string cpp_strings(const std::vector<std::string>& v) {
    std::string out = "{";
    for (std::size_t i = 0; i < v.size(); ++i) out += (i ? ", " : "") + cpp_string(v[i]);
    return out + "}";
}

// drf::Duration(hours, minutes, seconds[, microseconds]), negated as a whole when negative.
inline std::string cpp_duration(const Duration& d) {
    const std::int64_t total = d.total_microseconds();
    const std::uint64_t us = total < 0 ? 0 - static_cast<std::uint64_t>(total) : static_cast<std::uint64_t>(total);
    const std::uint64_t seconds = us / 1'000'000, fraction = us % 1'000'000;
    std::string out = std::string(total < 0 ? "-" : "") + "drf::Duration(" + std::to_string(seconds / 3600) + ", " +
                      std::to_string(seconds / 60 % 60) + ", " + std::to_string(seconds % 60);
    if (fraction) out += ", " + std::to_string(fraction);
    return out + ")";
}

inline std::string cpp_value(const db::Value& v) {
    return std::visit(
        [](const auto& x) -> std::string {
            using X = std::decay_t<decltype(x)>;
            if constexpr (std::is_same_v<X, std::nullptr_t>) return "nullptr";
            else if constexpr (std::is_same_v<X, bool>) return x ? "true" : "false";
            else if constexpr (std::is_same_v<X, std::int64_t>) return std::to_string(x);
            else if constexpr (std::is_same_v<X, double>) {
                char buf[32];
                std::string s(buf, std::to_chars(buf, buf + sizeof buf, x).ptr);
                if (s.find_first_of(".en") == std::string::npos) s += ".0";
                return s;
            } else if constexpr (std::is_same_v<X, std::string>) return cpp_string(x);
            else if constexpr (std::is_same_v<X, Uuid>) return "*drf::parse_uuid(" + cpp_string(to_string(x)) + ")";
            else if constexpr (std::is_same_v<X, Decimal>) return "drf::Decimal(" + cpp_string(x.to_string()) + ")";
            else if constexpr (std::is_same_v<X, Date>)
                return "drf::Date(" + std::to_string(static_cast<int>(x.year())) + ", " + std::to_string(static_cast<int>(x.month())) +
                       ", " + std::to_string(static_cast<int>(x.day())) + ")";
            else if constexpr (std::is_same_v<X, Time>)
                return "drf::Time(" + std::to_string(x.hour()) + ", " + std::to_string(x.minute()) + ", " + std::to_string(x.second()) +
                       (x.microsecond() ? ", " + std::to_string(x.microsecond()) : std::string()) + ")";
            else if constexpr (std::is_same_v<X, Duration>) return cpp_duration(x);
            else return "*drf::parse_datetime(" + cpp_string(to_iso8601(x)) + ")";
        },
        v);
}

inline std::string cpp_type(const Column& c) {
    switch (c.kind) {
        case db::ColumnKind::boolean: return "boolean()";
        case db::ColumnKind::integer: return "integer()";
        case db::ColumnKind::real: return "real()";
        case db::ColumnKind::text: return "text()";
        case db::ColumnKind::uuid: return "uuid()";
        case db::ColumnKind::datetime: return "datetime()";
        case db::ColumnKind::decimal:
            return "decimal(" + std::to_string(c.max_digits) + ", " + std::to_string(c.decimal_places) + ")";
        case db::ColumnKind::date: return "date()";
        case db::ColumnKind::time: return "time()";
        case db::ColumnKind::duration: return "duration()";
        case db::ColumnKind::json: return "json()";
        case db::ColumnKind::ip_address: return "ip_address()";
    }
    return "text()";
}
}  // namespace detail

// mig::column("owner_id", mig::uuid().references("auth_user")), as written in a migration file.
inline std::string column_source(const Column& c) {
    std::string t = "mig::" + detail::cpp_type(c);
    if (c.primary_key) t += ".primary_key()";
    if (c.null) t += ".null()";
    if (c.unique) t += ".unique()";
    if (c.db_index) t += ".db_index()";
    if (c.max_length) t += ".max_length(" + std::to_string(c.max_length) + ")";
    if (!c.references.empty()) t += ".references(" + detail::cpp_string(c.references) + ")";
    if (c.default_value) t += ".default_value(" + detail::cpp_value(*c.default_value) + ")";
    return "mig::column(" + detail::cpp_string(c.name) + ", " + t + ")";
}

// An operation as C++, indented by `pad`; run_sql and run_code, which makemigrations never writes,
// are not representable (their SQL and code are not values) and are refused.
inline std::string operation_source(const Action& action, const std::string& pad) {
    return std::visit(
        [&](const auto& a) -> std::string {
            using A = std::decay_t<decltype(a)>;
            if constexpr (std::is_same_v<A, CreateTable>) {
                std::string out = pad + "mig::create_table(" + detail::cpp_string(a.table) + ",\n" + pad + "                  {\n";
                for (const auto& c : a.columns) out += pad + "                      " + column_source(c) + ",\n";
                out += pad + "                  },\n" + pad + "                  {";
                for (std::size_t i = 0; i < a.indexes.size(); ++i) out += (i ? ", " : "") + detail::cpp_strings(a.indexes[i].columns);
                return out + "}),\n";
            } else if constexpr (std::is_same_v<A, AddColumn>) {
                return pad + "mig::add_column(" + detail::cpp_string(a.table) + ", " + column_source(a.column) + "),\n";
            } else if constexpr (std::is_same_v<A, AlterColumn>) {
                return pad + "mig::alter_column(" + detail::cpp_string(a.table) + ",\n" + pad + "                  " +
                       column_source(a.from) + ",\n" + pad + "                  " + column_source(a.to) + "),\n";
            } else if constexpr (std::is_same_v<A, RemoveColumn>) {
                return pad + "mig::remove_column(" + detail::cpp_string(a.table) + ", " + detail::cpp_string(a.column) + "),\n";
            } else if constexpr (std::is_same_v<A, RenameColumn>) {
                return pad + "mig::rename_column(" + detail::cpp_string(a.table) + ", " + detail::cpp_string(a.from) + ", " +
                       detail::cpp_string(a.to) + "),\n";
            } else if constexpr (std::is_same_v<A, AddIndex>) {
                return pad + "mig::add_index(" + detail::cpp_string(a.table) + ", " + detail::cpp_strings(a.index.columns) + "),\n";
            } else if constexpr (std::is_same_v<A, RemoveIndex>) {
                return pad + "mig::remove_index(" + detail::cpp_string(a.table) + ", " + detail::cpp_strings(a.index.columns) + "),\n";
            } else if constexpr (std::is_same_v<A, RunCode>) {
                return pad + "mig::run_code(" + detail::cpp_string(a.name) +
                       ", [](drf::db::Database& database) {\n" + pad +
                       "    // Write only the columns that exist at this point of the history (docs/migrations.md).\n" + pad +
                       "    (void)database;\n" + pad + "}),\n";
            } else {
                throw MigrationError("makemigrations cannot write raw SQL: write that migration by hand");
            }
        },
        action);
}

// What a migration file is called and what it defines, for an app and a name "0003_project_priority".
struct MigrationFile {
    std::string label;        // "projects"
    std::string stem;         // "0003_project_priority"
    std::string file() const { return stem + ".hpp"; }
    std::string migration_name() const { return label + "_" + stem; }
    std::string function() const { return label + "_migrations::migration_" + stem; }
};

// The header for a migration: values only, so it never changes with the models.
inline std::string migration_source(const MigrationFile& file, const std::string& directory_name,
                                    const std::vector<std::string>& dependencies, const std::vector<Action>& actions,
                                    const std::string& generated_at) {
    std::string out = "// " + directory_name + "/" + file.file() + " — the " + file.label + " app's migration " + file.stem +
                      ".\n// Frozen: values only, never a model. Generated by makemigrations on " + generated_at +
                      "; never edit it once deployed.\n#pragma once\n\n#include <drf/migrations/migration.hpp>\n"
                      "#include <drf/migrations/operations.hpp>\n\nnamespace " + file.label + "_migrations {\n\n"
                      "inline drf::migrations::Migration migration_" + file.stem + "() {\n"
                      "    namespace mig = drf::migrations;\n    return {" + detail::cpp_string(file.migration_name()) +
                      ",\n            " + detail::cpp_strings(dependencies) + ",\n            {\n";
    for (const auto& a : actions) out += operation_source(a, "                ");
    out += "            },\n            {}};\n}\n\n}  // namespace " + file.label + "_migrations\n";
    return out;
}

// The app's list file (`<directory>.hpp`) with the new migration's #include and list entry added
// after the last ones already there; empty when the file does not have that shape.
inline std::string add_to_list(const std::string& list, const MigrationFile& file, const std::string& directory_name,
                               const std::string& previous_function) {
    std::vector<std::string> lines;
    std::string line;
    for (char c : list) {
        if (c == '\n') {
            lines.push_back(line);
            line.clear();
        } else {
            line += c;
        }
    }
    if (!line.empty()) lines.push_back(line);
    std::ptrdiff_t last_include = -1, last_entry = -1;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        if (lines[i].rfind("#include \"" + directory_name + "/", 0) == 0) last_include = static_cast<std::ptrdiff_t>(i);
        if (!previous_function.empty() && lines[i].find(previous_function + "()") != std::string::npos)
            last_entry = static_cast<std::ptrdiff_t>(i);
    }
    if (last_include < 0 || last_entry < 0) return {};
    const std::string indent = lines[static_cast<std::size_t>(last_entry)].substr(
        0, lines[static_cast<std::size_t>(last_entry)].find_first_not_of(' '));
    lines.insert(lines.begin() + last_entry + 1, indent + "list.push_back(" + file.function() + "());");
    lines.insert(lines.begin() + last_include + 1, "#include \"" + directory_name + "/" + file.file() + "\"");
    std::string out;
    for (const auto& l : lines) out += l + "\n";
    return out;
}

}  // namespace drf::migrations
