// drf/openapi/detail/validator_paths.hpp — what ResponseValidator matches a response by: the path
// templates' segments, the operation's key, media types, and drf's error body for the answers the
// document does not list.
#pragma once

#include <drf/core/json.hpp>
#include <drf/http/method.hpp>

#include <cstddef>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace drf::openapi {

namespace detail::validation {

// The key of an operation in a path item.
constexpr std::string_view operation_key(http::Method m) {
    switch (m) {
        case http::Method::get: return "get";
        case http::Method::post: return "post";
        case http::Method::put: return "put";
        case http::Method::patch: return "patch";
        case http::Method::remove: return "delete";
        case http::Method::head: return "head";
        case http::Method::options: return "options";
    }
    return "get";
}

inline std::vector<std::string> split_path(std::string_view path) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (true) {
        const auto slash = path.find('/', start);
        out.emplace_back(path.substr(start, slash == std::string_view::npos ? std::string_view::npos : slash - start));
        if (slash == std::string_view::npos) return out;
        start = slash + 1;
    }
}

// One segment of a path template, "{id}", "archive" or "{id}.json": literal pieces and parameters.
struct TemplatePiece {
    bool parameter = false;
    std::string text;  // the literal, or the parameter's name
};

inline std::vector<TemplatePiece> template_pieces(std::string_view segment) {
    std::vector<TemplatePiece> out;
    std::size_t at = 0;
    while (at < segment.size()) {
        const auto open = segment.find('{', at);
        const auto close = open == std::string_view::npos ? open : segment.find('}', open);
        if (close == std::string_view::npos) {
            out.push_back({false, std::string(segment.substr(at))});
            break;
        }
        if (open > at) out.push_back({false, std::string(segment.substr(at, open - at))});
        out.push_back({true, std::string(segment.substr(open + 1, close - open - 1))});
        at = close + 1;
    }
    return out;
}

// Whether `text` is the pieces from `i` on, binding each parameter to a non-empty run of characters.
inline bool match_pieces(const std::vector<TemplatePiece>& pieces, std::size_t i, std::string_view text,
                         std::map<std::string, std::string>& values) {
    if (i == pieces.size()) return text.empty();
    const auto& piece = pieces[i];
    if (!piece.parameter)
        return text.starts_with(piece.text) && match_pieces(pieces, i + 1, text.substr(piece.text.size()), values);
    for (std::size_t n = text.size(); n >= 1; --n) {
        if (match_pieces(pieces, i + 1, text.substr(n), values)) {
            values[piece.text] = std::string(text.substr(0, n));
            return true;
        }
    }
    return false;
}

// "application/json; charset=utf-8" → "application/json".
inline std::string media_type(std::string_view content_type) {
    const auto semicolon = content_type.find(';');
    std::string_view type = content_type.substr(0, semicolon);
    while (!type.empty() && (type.back() == ' ' || type.back() == '\t')) type.remove_suffix(1);
    while (!type.empty() && (type.front() == ' ' || type.front() == '\t')) type.remove_prefix(1);
    std::string out(type);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

inline bool media_type_matches(const std::string& declared, const std::string& actual) {
    if (declared == actual || declared == "*/*") return true;
    return declared.ends_with("/*") && actual.starts_with(declared.substr(0, declared.size() - 1));
}

inline bool is_json_media_type(const std::string& type) { return type == "application/json" || type.ends_with("+json"); }

// drf's error body for the answers the document does not describe (no such path, no such method):
// {"detail": "..."}, as ErrorDetail.
inline const Json& error_detail_schema() {
    static const Json schema = {{"type", "object"},
                                {"properties", {{"detail", {{"type", "string"}}}}},
                                {"required", {"detail"}},
                                {"additionalProperties", false}};
    return schema;
}

}  // namespace detail::validation

}  // namespace drf::openapi
