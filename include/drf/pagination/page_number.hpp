// drf/pagination/page_number.hpp — PageNumberPagination (rest_framework.pagination.PageNumberPagination):
// ?page=N pages of the queryset in its own ordering, {"count", "next", "previous", "results"}, with
// DRF's links, `?page=last` and 404 {"detail": "Invalid page."}; plus a capped count or none at all,
// for tables where COUNT(*) is the cost.
//     using DefaultPagination = drf::pagination::PageNumberPagination<drf::pagination::PageNumberOptions{.page_size = 25}>;
#pragma once

#include <drf/core/json.hpp>
#include <drf/db/queryset.hpp>
#include <drf/http/exceptions.hpp>
#include <drf/http/request.hpp>
#include <drf/http/response.hpp>
#include <drf/pagination/base.hpp>
#include <drf/pagination/detail/offset_page.hpp>
#include <drf/pagination/detail/python_int.hpp>
#include <drf/pagination/detail/schema.hpp>

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace drf::pagination {

struct PageNumberOptions {
    std::size_t page_size = 25;
    Name page_query_param = "page";
    Name page_size_query_param = "";          // empty: clients cannot choose the page size
    std::size_t max_page_size = 0;            // 0: no cap
    std::array<Name, 4> last_page_strings{"last"};  // values of page_query_param meaning the last page
    bool count = true;                        // false: no COUNT; the body has no "count", ?page=last is 404
    std::size_t count_cap = 0;                // > 0: COUNT at most count_cap + 1 rows; beyond, as count = false
};

// DRF's invalid_page_message.
inline constexpr std::string_view invalid_page_message = "Invalid page.";

template <PageNumberOptions O = PageNumberOptions{}>
class PageNumberPagination {
public:
    static constexpr PageNumberOptions options = O;
    static_assert(O.page_size > 0, "drf::pagination::PageNumberPagination: page_size must be positive");
    static_assert(O.page_size <= largest_page_size && O.max_page_size <= largest_page_size && O.count_cap <= largest_page_size,
                  "drf::pagination::PageNumberPagination: page_size, max_page_size and count_cap must fit a SQL LIMIT");
    static_assert(O.page_query_param.size > 0, "drf::pagination::PageNumberPagination: page_query_param must not be empty");

    // The page size for this request: page_size_query_param if allowed and a positive integer (capped at
    // max_page_size), else page_size (DRF's get_page_size).
    static std::size_t page_size(const http::Request& request) {
        if constexpr (O.page_size_query_param.size > 0) {
            if (const auto text = request.query_param(O.page_size_query_param.view()))
                if (const auto n = detail::positive_int(*text, O.max_page_size)) return *n;
        }
        return O.page_size;
    }

    template <class T>
    struct Page {
        std::vector<T> rows;
        std::optional<std::int64_t> count;    // nullopt: not counted (count = false, or over count_cap)
        std::uint64_t number = 1;             // the page's number, 1 first
        std::optional<std::string> next;     // absolute URL
        std::optional<std::string> previous;  // absolute URL
    };

    // The rows of the requested page of `query`, in its ordering, and the links around it, without
    // rendering. A page that does not exist is NotFound("Invalid page.").
    template <class T>
    static Page<T> fetch(const http::Request& request, const db::QuerySet<T>& query) {
        const std::size_t size = page_size(request);
        const auto text = request.query_param(O.page_query_param.view());
        const bool last = text && is_last_page_string(*text);
        Page<T> page;
        if (text && !last) {  // read as Django's Paginator.validate_number reads it, before counting
            const auto n = detail::python_int(*text);
            if (!n || n->negative || n->magnitude == 0) throw http::NotFound(std::string(invalid_page_message));
            page.number = n->magnitude;
        }
        page.count = detail::count_rows(query, O.count, O.count_cap);
        if (last) {
            if (!page.count) throw http::NotFound(std::string(invalid_page_message));
            page.number = page_count(*page.count, size);
        }
        if (page.count) {
            const std::uint64_t pages = page_count(*page.count, size);
            if (page.number > pages) throw http::NotFound(std::string(invalid_page_message));
            page.rows = slice(query, (page.number - 1) * size, size);  // at most count: no overflow
            if (page.number < pages) page.next = link(request, page.number + 1);
        } else {
            // Unknown count: the page exists if it is the first or has a row; one row more says whether
            // a next one does. An offset past 2^63 - 1 has no row in any table.
            if (page.number - 1 > detail::largest_offset / size) throw http::NotFound(std::string(invalid_page_message));
            page.rows = slice(query, (page.number - 1) * size, size + 1);
            if (page.rows.empty() && page.number > 1) throw http::NotFound(std::string(invalid_page_message));
            if (page.rows.size() > size) {
                page.rows.pop_back();
                page.next = link(request, page.number + 1);
            }
        }
        if (page.number > 1) page.previous = link(request, page.number - 1);
        return page;
    }

    // One page of `query` rendered with serializer S: {"count": n, "next": url|null, "previous":
    // url|null, "results": [...]} ("count" left out when not counted), written straight to the
    // response's text. `prepare` may load related data into the rows before they are rendered.
    template <class S, class T, class Prepare = void (*)(std::vector<T>&)>
    static http::Response paginate(const http::Request& request, const db::QuerySet<T>& query,
                                   Prepare prepare = [](std::vector<T>&) {}) {
        auto page = fetch(request, query);
        prepare(page.rows);
        return detail::render_page<S>(page.count, page.next, page.previous, page.rows);
    }

    // DRF's get_schema_operation_parameters: the page parameter, and the page size one when clients
    // may choose it.
    static Json get_schema_operation_parameters() {
        Json parameters = Json::array({detail::query_parameter(O.page_query_param.view(), detail::page_query_description, "integer")});
        if constexpr (O.page_size_query_param.size > 0)
            parameters.push_back(
                detail::query_parameter(O.page_size_query_param.view(), detail::page_size_query_description, "integer"));
        return parameters;
    }

    // DRF's get_paginated_response_schema, given the schema of one result: "count" only when counted
    // (not with count = false; with a count_cap a response may still leave it out, which the schema
    // allows: DRF requires no key).
    static Json get_paginated_response_schema(Json results_item_schema) {
        const std::string param(O.page_query_param.view());
        return detail::envelope(O.count, detail::link_schema("http://api.example.org/accounts/?" + param + "=4"),
                                detail::link_schema("http://api.example.org/accounts/?" + param + "=2"),
                                std::move(results_item_schema));
    }

private:
    static bool is_last_page_string(std::string_view text) {
        for (const auto& s : O.last_page_strings)
            if (s.size > 0 && s.view() == text) return true;
        return false;
    }

    // Django's Paginator.num_pages with allow_empty_first_page: an empty result is one page.
    static std::uint64_t page_count(std::int64_t count, std::size_t size) {
        const auto rows = static_cast<std::uint64_t>(count);
        return rows == 0 ? 1 : (rows - 1) / size + 1;
    }

    template <class T>
    static std::vector<T> slice(const db::QuerySet<T>& query, std::uint64_t offset, std::size_t limit) {
        return offset == 0 ? query.limit(limit).all() : query.offset(offset).limit(limit).all();
    }

    // DRF's links: the page parameter replaced, or removed for page 1.
    static std::string link(const http::Request& request, std::uint64_t number) {
        if (number == 1) return detail::link(request, {O.page_query_param.view()}, {});
        return detail::link(request, {O.page_query_param.view()}, {{O.page_query_param.view(), std::to_string(number)}});
    }
};

}  // namespace drf::pagination
