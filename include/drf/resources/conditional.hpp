// drf/resources/conditional.hpp — what a ResourceViewSet's conditional requests are built from: the
// viewset's declaration (or none), the tables a list page reads, and a page's identity from their change
// counters (drf/db/changes.hpp): its ETag is the identity's hash, so that a 304 costs one small query
// instead of the page's, and the page cache (drf/resources/page_cache.hpp) finds pages by it.
#pragma once

#include <drf/core/uuid.hpp>
#include <drf/db/changes.hpp>
#include <drf/http/conditional.hpp>
#include <drf/http/request.hpp>

#include <algorithm>
#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace drf::resources {

// The tables a list's page reads, from the models' meta: tables<Project, drf::auth::User>().
using db::tables;

namespace detail {

// The model's table, then each table V declares in `etag_tables` that is not already listed.
template <class V, class Model>
std::vector<std::string_view> etag_tables() {
    std::vector<std::string_view> out{Model::meta.table};
    if constexpr (requires { V::etag_tables; })
        for (std::string_view t : V::etag_tables)
            if (std::find(out.begin(), out.end(), t) == out.end()) out.push_back(t);
    return out;
}

// `value`'s bytes appended to `out`: a part of a page's identity (or of the page cache's key).
inline void append_bytes(std::string& out, std::uint64_t value) {
    out.append(reinterpret_cast<const char*>(&value), sizeof value);
}

}  // namespace detail

// What a list page is a function of, as bytes: the change counters of the tables it reads, the full URL
// (scheme, host, path and query: the page, its filters, its cursor), the user it was rendered for (what
// it shows depends on who asks), the Accept header it was negotiated from (the client's own text: two
// Accept headers that select one representation get two ETags, never one ETag for two representations),
// and what the Pagination says its pages depend on besides (CursorPagination::page_epoch: the secret its
// links are signed with). Each text part length-prefixed, so ("ab", "c") and ("a", "bc") differ. Equal
// identities mean equal bytes: the page's ETag is its hash, and the page cache's key is the identity
// itself. (A template so that request.user() is only looked at once the user model is known.)
template <class Pagination, class Request = http::Request>
std::string page_identity(const Request& request, const std::vector<std::int64_t>& versions) {
    std::string out;
    const auto add = [&out](std::string_view part) {
        detail::append_bytes(out, part.size());
        out += part;
    };
    for (const std::int64_t v : versions) detail::append_bytes(out, static_cast<std::uint64_t>(v));
    add(request.absolute_url(request.query_params()));
    if constexpr (requires { request.user().id; })
        add(to_string(request.user().id));
    add(request.header("Accept").value_or(""));
    if constexpr (requires { Pagination::page_epoch(); })
        detail::append_bytes(out, Pagination::page_epoch());
    return out;
}

}  // namespace drf::resources
