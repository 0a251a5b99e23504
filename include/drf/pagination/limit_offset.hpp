// drf/pagination/limit_offset.hpp — LimitOffsetPagination (rest_framework.pagination.LimitOffsetPagination):
// ?limit=L&offset=O slices of the queryset in its own ordering, {"count", "next", "previous", "results"},
// with DRF's links and its fall-backs for a bad limit or offset; plus a capped count or none at all.
//     using DefaultPagination = drf::pagination::LimitOffsetPagination<drf::pagination::LimitOffsetOptions{.default_limit = 25}>;
#pragma once

#include <drf/core/json.hpp>
#include <drf/db/queryset.hpp>
#include <drf/http/request.hpp>
#include <drf/http/response.hpp>
#include <drf/pagination/base.hpp>
#include <drf/pagination/detail/offset_page.hpp>
#include <drf/pagination/detail/schema.hpp>
#include <drf/serializers/serializer.hpp>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace drf::pagination {

struct LimitOffsetOptions {
    std::size_t default_limit = 25;   // 0: as DRF with PAGE_SIZE = None, no pagination without ?limit=
    Name limit_query_param = "limit";  // empty: clients cannot choose the limit
    Name offset_query_param = "offset";
    std::size_t max_limit = 0;         // 0: no cap
    bool count = true;                 // false: no COUNT; the body has no "count"
    std::size_t count_cap = 0;         // > 0: COUNT at most count_cap + 1 rows; beyond, as count = false
};

template <LimitOffsetOptions O = LimitOffsetOptions{}>
class LimitOffsetPagination {
public:
    static constexpr LimitOffsetOptions options = O;
    static_assert(O.default_limit <= largest_page_size && O.max_limit <= largest_page_size && O.count_cap <= largest_page_size,
                  "drf::pagination::LimitOffsetPagination: default_limit, max_limit and count_cap must fit a SQL LIMIT");
    static_assert(O.offset_query_param.size > 0, "drf::pagination::LimitOffsetPagination: offset_query_param must not be empty");
    static_assert(O.default_limit > 0 || O.limit_query_param.size > 0,
                  "drf::pagination::LimitOffsetPagination: without default_limit and limit_query_param nothing is ever paginated");

    // DRF's get_limit: limit_query_param if allowed and a positive integer (capped at max_limit), else
    // default_limit; nullopt when that is 0: the response is not paginated.
    static std::optional<std::size_t> limit(const http::Request& request) {
        if constexpr (O.limit_query_param.size > 0) {
            if (const auto text = request.query_param(O.limit_query_param.view()))
                if (const auto n = detail::positive_int(*text, O.max_limit)) return *n;
        }
        if (O.default_limit == 0) return std::nullopt;
        return O.default_limit;
    }

    // DRF's get_offset: offset_query_param if it is an integer >= 0, else 0; saturated at 2^63 - 1.
    static std::uint64_t offset(const http::Request& request) {
        if (const auto text = request.query_param(O.offset_query_param.view()))
            if (const auto n = detail::non_negative_int(*text)) return *n;
        return 0;
    }

    template <class T>
    struct Page {
        std::vector<T> rows;
        bool paginated = true;                // false: every row, no limit (default_limit = 0, no ?limit=)
        std::optional<std::int64_t> count;    // nullopt: not counted (count = false, or over count_cap)
        std::size_t limit = 0;
        std::uint64_t offset = 0;
        std::optional<std::string> next;      // absolute URL
        std::optional<std::string> previous;  // absolute URL
    };

    // The rows of the requested slice of `query`, in its ordering, and the links around it, without
    // rendering. Never an error: an offset past the end is an empty page.
    template <class T>
    static Page<T> fetch(const http::Request& request, const db::QuerySet<T>& query) {
        Page<T> page;
        const auto lim = limit(request);
        if (!lim) {
            page.paginated = false;
            page.rows = query.all();
            return page;
        }
        page.limit = *lim;
        page.offset = offset(request);
        page.count = detail::count_rows(query, O.count, O.count_cap);
        if (page.count) {
            const auto count = static_cast<std::uint64_t>(*page.count);
            if (count > 0 && page.offset <= count) page.rows = slice(query, page.offset, page.limit);
            if (page.offset < count && page.limit < count - page.offset) page.next = link(request, page, page.offset + page.limit);
        } else {
            page.rows = slice(query, page.offset, page.limit + 1);  // one row more says whether there is a next page
            if (page.rows.size() > page.limit) {
                page.rows.pop_back();
                page.next = link(request, page, page.offset + page.limit);  // a row is there: no overflow
            }
        }
        if (page.offset > 0) page.previous = link(request, page, page.offset > page.limit ? page.offset - page.limit : 0);
        return page;
    }

    // One page of `query` rendered with serializer S: {"count": n, "next": url|null, "previous":
    // url|null, "results": [...]} ("count" left out when not counted), or, not paginated, the bare
    // array DRF's list() returns. `prepare` may load related data into the rows before they are rendered.
    template <class S, class T, class Prepare = void (*)(std::vector<T>&)>
    static http::Response paginate(const http::Request& request, const db::QuerySet<T>& query,
                                   Prepare prepare = [](std::vector<T>&) {}) {
        auto page = fetch(request, query);
        prepare(page.rows);
        if (!page.paginated) {
            std::string body;
            serializers::render_many_to<S>(body, page.rows);
            return http::Response::from_json_text(std::move(body));
        }
        return detail::render_page<S>(page.count, page.next, page.previous, page.rows);
    }

    // DRF's get_schema_operation_parameters: limit (when clients may choose it) and offset.
    static Json get_schema_operation_parameters() {
        Json parameters = Json::array();
        if constexpr (O.limit_query_param.size > 0)
            parameters.push_back(detail::query_parameter(O.limit_query_param.view(), detail::limit_query_description, "integer"));
        parameters.push_back(detail::query_parameter(O.offset_query_param.view(), detail::offset_query_description, "integer"));
        return parameters;
    }

    // DRF's get_paginated_response_schema, given the schema of one result: "count" only when counted.
    // With default_limit = 0 a request without ?limit= gets the bare array, so the schema is then
    // oneOf the page and the array.
    static Json get_paginated_response_schema(Json results_item_schema) {
        const std::string offset(O.offset_query_param.view());
        const std::string limit = O.limit_query_param.size > 0 ? "&" + std::string(O.limit_query_param.view()) + "=100" : "";
        const auto example = [&](const char* at) { return "http://api.example.org/accounts/?" + offset + "=" + at + limit; };
        Json page = detail::envelope(O.count, detail::link_schema(example("400")), detail::link_schema(example("200")),
                                     results_item_schema);
        if constexpr (O.default_limit > 0) {
            return page;
        } else {
            return Json::object({{"oneOf", Json::array({std::move(page), Json::object({{"type", "array"},
                                                                                      {"items", std::move(results_item_schema)}})})}});
        }
    }

private:
    template <class T>
    static std::vector<T> slice(const db::QuerySet<T>& query, std::uint64_t offset, std::size_t limit) {
        return offset == 0 ? query.limit(limit).all() : query.offset(offset).limit(limit).all();
    }

    // DRF's links: limit replaced by the limit used, offset replaced, or removed when it would be 0.
    template <class T>
    static std::string link(const http::Request& request, const Page<T>& page, std::uint64_t offset) {
        const auto limit_param = O.limit_query_param.view();
        const auto offset_param = O.offset_query_param.view();
        if (limit_param.empty()) {
            if (offset == 0) return detail::link(request, {offset_param}, {});
            return detail::link(request, {offset_param}, {{offset_param, std::to_string(offset)}});
        }
        if (offset == 0) return detail::link(request, {limit_param, offset_param}, {{limit_param, std::to_string(page.limit)}});
        return detail::link(request, {limit_param, offset_param},
                            {{limit_param, std::to_string(page.limit)}, {offset_param, std::to_string(offset)}});
    }
};

}  // namespace drf::pagination
