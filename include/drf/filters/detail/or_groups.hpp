// drf/filters/detail/or_groups.hpp — the OR groups of a query string: `or.<param>=...` keys form one
// group, `or_<label>.<param>=...` more (label: 1 to 32 ASCII letters or digits). The last value of a
// repeated key wins, as QueryDict.get does. Past max_groups groups, each further group's keys get an
// error instead.
#pragma once

#include <drf/core/json.hpp>
#include <drf/http/url.hpp>

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace drf::filters::detail {

inline constexpr std::string_view unknown_filter = "Unknown filter.";
inline constexpr std::string_view method_in_or_group = "This filter cannot be part of an OR group.";
inline std::string too_many_or_groups(std::size_t max) {
    return "Too many OR groups: at most " + std::to_string(max) + " are allowed.";
}

struct OrMember {
    std::string_view key;    // as the client wrote it: "or_a.name__icontains"
    std::string_view name;   // the parameter: "name__icontains"
    std::string_view value;
};
struct OrGroup {
    std::string_view label;  // "" for `or.`
    std::vector<OrMember> members;
};

// The group label and parameter name of `key` when it has the group syntax.
inline bool split_or_key(std::string_view key, std::string_view& label, std::string_view& name) {
    if (key.substr(0, 2) != "or") return false;
    const auto dot = key.find('.');
    if (dot == std::string_view::npos) return false;
    const std::string_view head = key.substr(0, dot);
    if (head == "or") {
        label = {};
    } else {
        if (head.size() < 4 || head[2] != '_' || head.size() > 3 + 32) return false;
        label = head.substr(3);
        for (const char c : label)
            if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) return false;
    }
    name = key.substr(dot + 1);
    return true;
}

inline std::vector<OrGroup> or_groups(const http::QueryParams& params, std::size_t max_groups, Json& errors) {
    std::vector<OrGroup> groups;
    for (const auto& [k, v] : params) {
        std::string_view label, name;
        if (!split_or_key(k, label, name)) continue;
        OrGroup* group = nullptr;
        for (auto& g : groups)
            if (g.label == label) group = &g;
        if (!group) {
            if (groups.size() >= max_groups) {
                errors[k] = Json::array({too_many_or_groups(max_groups)});
                continue;
            }
            group = &groups.emplace_back(OrGroup{label, {}});
        }
        bool repeated = false;
        for (auto& m : group->members)
            if (m.key == k) {
                m.value = v;
                repeated = true;
            }
        if (!repeated) group->members.push_back({k, name, v});
    }
    return groups;
}

}  // namespace drf::filters::detail
