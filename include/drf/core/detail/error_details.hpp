// drf/core/detail/error_details.hpp — the error tree behind ValidationError: DRF's full-details form
// ({"message", "code"} leaves) and its messages-only view. Shared by core's ValidationError and the
// serializers, which build such trees field by field.
#pragma once

#include <drf/core/json.hpp>

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>

namespace drf::detail {

// Appends a member to an object whose keys are known to be distinct (they come from another object):
// ordered_json's own insert searches the keys first, so a wide tree would cost O(n²).
inline void append_distinct(Json& object, const std::string& key, Json value) {
    static_cast<Json::object_t::Container&>(*object.get_ptr<Json::object_t*>()).emplace_back(key, std::move(value));
}

// An error detail is stored as {"message": "...", "code": "..."} (DRF's full-details form); field
// error lists are arrays of those and nested errors are objects or arrays of such trees.
inline Json make_detail(std::string message, std::string code) {
    Json d = Json::object();
    d["message"] = std::move(message);
    d["code"] = std::move(code);
    return d;
}

inline bool is_detail(const Json& j) {
    if (!j.is_object() || j.size() != 2) return false;
    auto m = j.find("message");
    auto c = j.find("code");
    return m != j.end() && c != j.end() && m->is_string() && c->is_string();
}

// The messages-only view of a full-details tree. Error trees follow the serializers' nesting, but a
// ValidationError may carry any Json: the walk stops at drf::json_max_walk_depth (drf::JsonTooDeep).
inline Json messages_of(const Json& tree, std::size_t depth = 0) {
    if (is_detail(tree)) return tree["message"];
    if (tree.is_array()) {
        check_walk_depth(depth, "error details");
        Json out = Json::array();
        for (const auto& item : tree) out.push_back(messages_of(item, depth + 1));
        return out;
    }
    if (tree.is_object()) {
        check_walk_depth(depth, "error details");
        Json out = Json::object();
        for (const auto& [key, item] : *tree.get_ptr<const Json::object_t*>()) append_distinct(out, key, messages_of(item, depth + 1));
        return out;
    }
    return tree;
}

// Normalises what a user passes to ValidationError into a full-details tree, as DRF's
// _get_error_details does: a string becomes [detail], a dict's string values become [detail].
inline Json to_details(const Json& value, std::string_view code, std::size_t depth = 0) {
    if (is_detail(value)) return value;
    if (value.is_string()) return make_detail(value.get<std::string>(), std::string(code));
    if (value.is_array()) {
        check_walk_depth(depth, "error details");
        Json out = Json::array();
        for (const auto& item : value) out.push_back(to_details(item, code, depth + 1));
        return out;
    }
    if (value.is_object()) {
        check_walk_depth(depth, "error details");
        Json out = Json::object();
        for (const auto& [key, item] : *value.get_ptr<const Json::object_t*>()) {
            Json d = to_details(item, code, depth + 1);
            if (is_detail(d)) d = Json::array({d});
            append_distinct(out, key, std::move(d));
        }
        return out;
    }
    if (const auto digits = json_big_integer_text(value)) return make_detail(std::string(*digits), std::string(code));
    return make_detail(value.dump(), std::string(code));
}

}  // namespace drf::detail
