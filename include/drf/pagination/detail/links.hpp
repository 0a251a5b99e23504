// drf/pagination/detail/links.hpp — the next/previous links of every paginator, written as DRF writes
// them (rest_framework.utils.urls.replace_query_param / remove_query_param): the request's absolute URL
// with one parameter replaced or removed, the keys sorted (a key's values keep their order), spaces as
// '+' (Python's urlencode). A client comparing links with a DRF service's sees the same bytes.
#pragma once

#include <drf/http/request.hpp>
#include <drf/http/url.hpp>

#include <algorithm>
#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>

namespace drf::pagination::detail {

// The request's URL without `drop`'s keys and with `add`'s pairs (each replacing its key), sorted.
inline std::string link(const http::Request& request, std::initializer_list<std::string_view> drop,
                        std::initializer_list<std::pair<std::string_view, std::string>> add) {
    auto dropped = [&](std::string_view key) {
        return std::find(drop.begin(), drop.end(), key) != drop.end() ||
               std::any_of(add.begin(), add.end(), [&](const auto& a) { return a.first == key; });
    };
    http::QueryParams query;
    for (const auto& [k, v] : request.query_params())
        if (!dropped(k)) query.emplace_back(k, v);
    for (const auto& [k, v] : add) query.emplace_back(std::string(k), v);
    std::stable_sort(query.begin(), query.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    return request.absolute_url(query);
}

}  // namespace drf::pagination::detail
