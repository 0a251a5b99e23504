// drf/serializers/kinds/file_path.hpp — DRF's FilePathField: a choice among the paths of the files (or
// folders) in a directory, listed as Django's FilePathField lists them.
#pragma once

#include <drf/core/json.hpp>
#include <drf/core/member_name.hpp>
#include <drf/serializers/detail/builder.hpp>
#include <drf/serializers/detail/python.hpp>
#include <drf/serializers/field.hpp>
#include <drf/serializers/kinds/step.hpp>

#include <algorithm>
#include <filesystem>
#include <regex>
#include <string>
#include <string_view>
#include <system_error>
#include <type_traits>
#include <vector>

namespace drf::serializers {

struct FilePathOptions {
    std::string_view path{};     // the directory
    std::string_view match{};    // a regular expression searched in each name (Python's re.search)
    bool recursive = false;      // the whole tree, not only the directory's own entries
    bool allow_files = true;
    bool allow_folders = false;
};

namespace detail {
inline std::string join_path(std::string_view dir, std::string_view name) {
    std::string out(dir);
    if (!out.empty() && out.back() != '/') out += '/';
    out += name;
    return out;
}

// Django's FilePathField choices (without its "" entry): non-recursive, the directory's entries
// sorted by name; recursive, each directory of the tree in path order, its files then its folders,
// each sorted by name. "__pycache__" folders are never choices.
inline std::vector<std::string> file_path_choices(const FilePathOptions& o) {
    namespace fs = std::filesystem;
    std::vector<std::string> out;
    std::regex pattern;
    const bool filtered = !o.match.empty();
    if (filtered) pattern = std::regex(std::string(o.match));
    const auto matches = [&](const std::string& name) { return !filtered || std::regex_search(name, pattern); };
    std::error_code ec;
    if (!o.recursive) {
        std::vector<std::string> names;
        for (const auto& entry : fs::directory_iterator(fs::path(std::string(o.path)), ec)) {
            const std::string name = entry.path().filename().string();
            if (name == "__pycache__") continue;
            std::error_code e;
            const bool take = (o.allow_files && entry.is_regular_file(e)) || (o.allow_folders && entry.is_directory(e));
            if (take && matches(name)) names.push_back(name);
        }
        std::sort(names.begin(), names.end());
        for (const auto& name : names) out.push_back(join_path(o.path, name));
        return out;
    }
    // os.walk: every directory (symlinks to directories are listed, not entered), sorted by its path.
    std::vector<std::string> roots{std::string(o.path)};
    for (fs::recursive_directory_iterator it(fs::path(std::string(o.path)), ec), end; !ec && it != end; it.increment(ec)) {
        std::error_code e;
        if (it->is_directory(e) && !it->is_symlink(e)) roots.push_back(it->path().string());
    }
    std::sort(roots.begin(), roots.end());
    for (const auto& root : roots) {
        std::vector<std::string> files, dirs;
        for (const auto& entry : fs::directory_iterator(fs::path(root), ec)) {
            const std::string name = entry.path().filename().string();
            std::error_code e;
            if (entry.is_directory(e)) dirs.push_back(name);
            else files.push_back(name);
        }
        std::sort(files.begin(), files.end());
        std::sort(dirs.begin(), dirs.end());
        if (o.allow_files)
            for (const auto& f : files)
                if (matches(f)) out.push_back(join_path(root, f));
        if (o.allow_folders)
            for (const auto& d : dirs)
                if (d != "__pycache__" && matches(d)) out.push_back(join_path(root, d));
    }
    return out;
}
}  // namespace detail

struct FilePathKind {
    using value_type = std::string;
    FilePathOptions options;

    // The directory is listed on each validation: a serializer is a constant, read before main().
    std::vector<std::string> choices() const { return detail::file_path_choices(options); }

    Step to_internal(const Json& in, std::string& out, Json& slot, const Context&) const {
        std::string text = detail::python_str(in);
        // DRF builds Django's field with required=None, so "" (Django's "---------") is a choice.
        const auto all = text.empty() ? std::vector<std::string>{} : choices();
        if (text.empty() || std::find(all.begin(), all.end(), text) != all.end()) {
            out = std::move(text);
            return Step::ok;
        }
        replace_lone_surrogates(text);
        detail::add_error(slot, "\"" + text + "\" is not a valid path choice.", "invalid_choice");
        return Step::invalid;
    }
    static void check(const std::string&, Json&) {}
    static void to_representation(const std::string& v, Json& out) { out = v; }
    // The paths as an enum, "" among them (drf-spectacular's BlankEnum beside the paths).
    Json openapi_schema() const {
        Json values = Json::array();
        std::string description;
        for (const auto& c : choices()) {
            values.push_back(c);
            if (!description.empty()) description += '\n';
            description += "* `" + c + "` - " + c;
        }
        values.push_back("");
        return Json::object({{"enum", std::move(values)}, {"type", "string"}, {"description", std::move(description)}});
    }
};

namespace detail {
template <class A>
constexpr auto file_path_field(std::string_view name, A access, FilePathOptions o) {
    static_assert(std::is_same_v<access_value_t<A>, std::string>,
                  "drf::serializers::file_path_field: the member must be std::string (or std::optional of it)");
    return make_field<FilePathKind>(name, access, FilePathKind{o});
}
}  // namespace detail

// file_path_field<&S::path>({.path = "/srv/files", .match = R"(.*\.txt)"}) — DRF's FilePathField.
template <auto M>
    requires DataMemberPointer<M>
constexpr auto file_path_field(FilePathOptions o, std::string_view key = {}) {
    return detail::file_path_field(detail::key_of<M>(key), M, o);
}
template <SourcePath A>
constexpr auto file_path_field(std::string_view key, A path, FilePathOptions o) {
    return detail::file_path_field(key, path, o);
}
constexpr auto file_path_field(FilePathOptions o) { return Field<FilePathKind, Unbound<std::string>>{{}, {}, FilePathKind{o}}; }

}  // namespace drf::serializers
