// drf/openapi/detail/generator_paths.hpp — drf-spectacular's rules over paths: the common path prefix,
// operationIds and tags from the path's tokens, and the order of the paths and their operations.
#pragma once

#include <drf/http/method.hpp>

#include <algorithm>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace drf::openapi::detail {

inline std::vector<std::string> split_path(std::string_view path) {
    std::vector<std::string> parts;
    std::size_t start = 0;
    while (start <= path.size()) {
        const auto slash = path.find('/', start);
        const auto end = slash == std::string_view::npos ? path.size() : slash;
        if (end > start) parts.emplace_back(path.substr(start, end - start));
        if (slash == std::string_view::npos) break;
        start = slash + 1;
    }
    return parts;
}

// Python's os.path.commonpath over absolute paths: "/api" for "/api/projects/" and "/api/me/".
inline std::string common_path(const std::vector<std::string>& paths) {
    if (paths.empty()) return "/";
    std::vector<std::string> common = split_path(paths.front());
    for (const auto& p : paths) {
        const auto parts = split_path(p);
        std::size_t n = 0;
        while (n < common.size() && n < parts.size() && common[n] == parts[n]) ++n;
        common.resize(n);
    }
    std::string out;
    for (const auto& c : common) out += "/" + c;
    return out.empty() ? "/" : out;
}

// drf-spectacular's _tokenize_path: the path without the prefix and the {parameters}, split on '/';
// a '-' is '_' in an operationId.
inline std::vector<std::string> tokenize_path(std::string_view path, std::string_view prefix) {
    if (path.substr(0, prefix.size()) == prefix) path.remove_prefix(prefix.size());
    std::vector<std::string> tokens;
    for (auto& part : split_path(path))
        if (!(part.size() >= 2 && part.front() == '{' && part.back() == '}')) tokens.push_back(std::move(part));
    return tokens;
}

// drf-spectacular's method_mapping: the action word of an operationId that is not a list.
inline std::string_view method_action(http::Method m) {
    switch (m) {
        case http::Method::get: return "retrieve";
        case http::Method::post: return "create";
        case http::Method::put: return "update";
        case http::Method::patch: return "partial_update";
        case http::Method::remove: return "destroy";
        case http::Method::head: return "head";
        case http::Method::options: return "options";
    }
    return "retrieve";
}

inline std::string operation_id(const std::vector<std::string>& tokens, http::Method method, bool is_list) {
    std::string out;
    for (auto token : tokens) {
        std::replace(token.begin(), token.end(), '-', '_');
        out += token + "_";
    }
    if (tokens.empty()) out = "root_";
    out += method == http::Method::get && is_list ? std::string_view("list") : method_action(method);
    return out;
}

// drf-spectacular's alpha_operation_sorter: by path, where "foo/" sorts before "foo{arg}" before
// "foo/bar", then GET, POST, PUT, PATCH, DELETE.
inline std::pair<std::string, int> sort_key(std::string path, http::Method method) {
    if (!path.empty() && path.back() == '/') path.back() = ' ';
    std::replace(path.begin(), path.end(), '{', '!');
    int priority = 5;
    switch (method) {
        case http::Method::get: priority = 0; break;
        case http::Method::post: priority = 1; break;
        case http::Method::put: priority = 2; break;
        case http::Method::patch: priority = 3; break;
        case http::Method::remove: priority = 4; break;
        default: break;
    }
    return {std::move(path), priority};
}

inline std::string method_key(http::Method m) {
    std::string out(http::to_string(m));
    for (char& c : out) c = static_cast<char>(c - 'A' + 'a');
    return out;
}

}  // namespace drf::openapi::detail
