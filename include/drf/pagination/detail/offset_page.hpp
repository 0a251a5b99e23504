// drf/pagination/detail/offset_page.hpp — what PageNumberPagination and LimitOffsetPagination share:
// how they count (DRF's COUNT(*), a COUNT capped at a number of rows, or none), their links, and their
// {"count", "next", "previous", "results"} body written straight to the response's text.
#pragma once

#include <drf/core/detail/json_text.hpp>
#include <drf/db/queryset.hpp>
#include <drf/http/request.hpp>
#include <drf/http/response.hpp>
#include <drf/pagination/detail/body_size.hpp>
#include <drf/pagination/detail/links.hpp>
#include <drf/pagination/detail/python_int.hpp>
#include <drf/serializers/serializer.hpp>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace drf::pagination::detail {

// The largest offset a query is given: SQL's OFFSET is a signed 64-bit integer, and no table holds
// more rows.
inline constexpr std::uint64_t largest_offset = static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max());

// The number of rows `query` matches: exact (DRF's queryset.count()) when `count` and no `cap`; with a
// cap, nullopt when there are more than `cap` rows, else the exact count; nullopt without `count`.
// A nullopt count is never rendered: the body then has no "count" key.
// The cap first asks whether a row follows the first `cap` (OFFSET cap LIMIT 1: the database steps over
// the rows without reading their columns, several times faster than COUNT(*) over a LIMIT cap + 1
// subquery, which reads every column of every row), and counts only when none does.
template <class T>
std::optional<std::int64_t> count_rows(const db::QuerySet<T>& query, bool count, std::size_t cap) {
    if (!count) return std::nullopt;
    if (cap > 0 && query.offset(cap).exists()) return std::nullopt;
    return query.count();
}

// DRF's _positive_int(text) without strict: int(text) if it is not negative, else nullopt (DRF then
// falls back to 0); saturated at largest_offset.
inline std::optional<std::uint64_t> non_negative_int(std::string_view text) {
    const auto n = python_int(text);
    if (!n || (n->negative && n->magnitude != 0)) return std::nullopt;
    return std::min(n->magnitude, largest_offset);
}

// A link as a JSON string, or null.
inline void append_link(std::string& out, const std::optional<std::string>& url) {
    if (url)
        drf::detail::append_json_string(out, *url);
    else
        out += "null";
}

// {"count":n,"next":…,"previous":…,"results":[…]} in DRF's key order; without a count, no "count" key
// (the shape of DRF's CursorPagination body).
template <class S, class T>
http::Response render_page(const std::optional<std::int64_t>& count, const std::optional<std::string>& next,
                           const std::optional<std::string>& previous, const std::vector<T>& rows) {
    std::string body = BodySize<S>::reserved();
    body += '{';
    if (count) {
        body += "\"count\":";
        body += std::to_string(*count);
        body += ',';
    }
    body += "\"next\":";
    append_link(body, next);
    body += ",\"previous\":";
    append_link(body, previous);
    body += ",\"results\":";
    serializers::render_many_to<S>(body, rows);
    body += '}';
    BodySize<S>::seen(body);
    return http::Response::from_json_text(std::move(body));
}

}  // namespace drf::pagination::detail
