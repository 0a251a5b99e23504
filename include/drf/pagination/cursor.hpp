// drf/pagination/cursor.hpp — CursorPagination (rest_framework.pagination.CursorPagination), keyed on
// the ordering fields *and* the id, so rows with equal ordering values are never skipped or repeated,
// and its cursors are opaque and signed: a forged or garbled cursor is 404 "Invalid cursor".
//     using DefaultPagination = drf::pagination::CursorPagination<drf::pagination::Options{.page_size = 25, .ordering = "-created_at"}>;
// The ordering is named once for every model (a DefaultPagination serves them all, as in DRF), or, for
// one model, by member pointers: CursorPagination<Options{.page_size = 3}, asc(&Item::rank), desc(&Item::name)>.
#pragma once

#include <drf/core/crypto.hpp>
#include <drf/core/detail/traits.hpp>
#include <drf/db/queryset.hpp>
#include <drf/core/detail/json_text.hpp>
#include <drf/core/json.hpp>
#include <drf/http/exceptions.hpp>
#include <drf/http/request.hpp>
#include <drf/http/response.hpp>
#include <drf/models/meta.hpp>
#include <drf/pagination/base.hpp>
#include <drf/pagination/detail/body_size.hpp>
#include <drf/pagination/detail/cursor_codec.hpp>
#include <drf/pagination/detail/links.hpp>
#include <drf/pagination/detail/python_int.hpp>
#include <drf/pagination/detail/schema.hpp>
#include <drf/serializers/serializer.hpp>

#include <algorithm>
#include <array>
#include <atomic>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <memory>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <tuple>
#include <type_traits>
#include <utility>
#include <vector>

namespace drf::pagination {

struct Options {
    std::size_t page_size = 25;
    Name ordering = "-created_at";       // fields separated by commas, '-' for descending; id is appended.
                                         // Ordering terms given as member pointers replace it.
    Name cursor_query_param = "cursor";
    Name page_size_query_param = "";     // empty: clients cannot choose the page size
    std::size_t max_page_size = 0;       // 0: no cap
};

// The shortest secret set_cursor_secret accepts, in bytes: 128 bits when they are random. A service
// that reads its secret from configuration checks against this same constant.
inline constexpr std::size_t min_cursor_secret_size = 16;

// The secret cursors are signed with. Set it from configuration so cursors survive restarts and work
// across instances; rotate by making the new secret current and keeping the old one as `previous`
// until old cursors have expired from clients. Unset, a random per-process secret is used.
class CursorSecrets {
public:
    using List = std::vector<std::string>;  // [current, previous...]

    static CursorSecrets& instance() {
        static CursorSecrets secrets;
        return secrets;
    }
    void set(std::string current, std::vector<std::string> previous = {}) {
        if (current.size() < min_cursor_secret_size)
            throw std::invalid_argument("drf::pagination: a cursor secret needs at least " +
                                        std::to_string(min_cursor_secret_size) + " bytes");
        auto all = std::make_shared<List>();
        all->push_back(std::move(current));
        for (auto& p : previous) all->push_back(std::move(p));
        const std::lock_guard lock(mutex_);
        all_ = std::move(all);
        ++generation_;
    }
    // A snapshot, shared rather than copied: every page reads it, a rotation replaces it.
    std::shared_ptr<const List> get() const {
        const std::lock_guard lock(mutex_);
        return all_;
    }

    // How many times set() has run: a page's links are signed with the current secret, so a page kept
    // from before a set() (an ETag, a page cache) no longer stands for the page sent now.
    std::uint64_t generation() const noexcept { return generation_; }

private:
    CursorSecrets() : all_(std::make_shared<const List>(List{crypto::random_bytes(32)})) {}
    mutable std::mutex mutex_;
    std::shared_ptr<const List> all_;
    std::atomic<std::uint64_t> generation_{0};
};

inline void set_cursor_secret(std::string current, std::vector<std::string> previous = {}) {
    CursorSecrets::instance().set(std::move(current), std::move(previous));
}

namespace detail {

inline void drf_error_pagination_ordering_names_a_field_the_model_does_not_have() {}

template <class P>
inline constexpr bool is_order_term = false;
template <class C, class M>
inline constexpr bool is_order_term<models::OrderTerm<C, M>> = true;

struct OrderingTerm {
    std::size_t field = 0;  // index in the model's meta
    bool descending = false;
};

// "-created_at,name" → terms, checked against T's meta at compile time.
template <class T, std::size_t N>
consteval std::array<OrderingTerm, N> parse_ordering(std::string_view spec) {
    std::array<OrderingTerm, N> out{};
    std::size_t n = 0;
    while (!spec.empty()) {
        const auto comma = spec.find(',');
        std::string_view item = spec.substr(0, comma);
        spec = comma == std::string_view::npos ? std::string_view() : spec.substr(comma + 1);
        while (!item.empty() && item.front() == ' ') item.remove_prefix(1);
        while (!item.empty() && item.back() == ' ') item.remove_suffix(1);
        const bool desc = !item.empty() && item.front() == '-';
        if (desc) item.remove_prefix(1);
        const std::size_t index = T::meta.index_of(item);
        if (index == T::meta.field_count) drf_error_pagination_ordering_names_a_field_the_model_does_not_have();
        out[n++] = {index, desc};
    }
    return out;
}

constexpr std::size_t count_terms(std::string_view spec) {
    std::size_t n = spec.empty() ? 0 : 1;
    for (char c : spec) n += c == ',';
    return n;
}

// Member-pointer ordering terms → terms, each checked to be a non-id field of T at compile time.
template <class T, auto... Terms>
consteval std::array<OrderingTerm, sizeof...(Terms)> ordering_of_terms() {
    return {OrderingTerm{models::field_index(Terms.member), Terms.descending}...};
}

// FNV-1a over the text "<table>|-created_at,name": a consistency tag, not a security measure (the MAC is).
struct TagHash {
    std::uint32_t h = 2166136261u;
    constexpr void add(char c) { h = (h ^ static_cast<unsigned char>(c)) * 16777619u; }
    constexpr void add(std::string_view text) {
        for (char c : text) add(c);
    }
    constexpr void term(std::size_t i, std::string_view name, bool descending) {
        if (i) add(',');
        if (descending) add('-');
        add(name);
    }
};

// Which ordering a cursor was minted for: a hash of the model's table and the ordering as text
// ("-created_at,name"), the same whether the ordering was given as text or as member pointers.
template <class T, std::size_t N>
constexpr std::uint32_t ordering_tag(const std::array<OrderingTerm, N>& terms) {
    TagHash hash;
    hash.add(T::meta.table);
    hash.add('|');
    const auto names = T::meta.names();
    for (std::size_t i = 0; i < N; ++i) hash.term(i, names[terms[i].field], terms[i].descending);
    return hash.h;
}
// The same tag for an ordering chosen at run time (a queryset's order_by): equal to the compile-time
// tag of the same ordering, so a cursor is valid under whichever spelling produced its ordering.
inline std::uint32_t ordering_tag(std::string_view table, const std::vector<db::Ordering>& terms) {
    TagHash hash;
    hash.add(table);
    hash.add('|');
    for (std::size_t i = 0; i < terms.size(); ++i) hash.term(i, terms[i].column, terms[i].descending);
    return hash.h;
}

// For an ordering chosen at run time: the db::Value alternative each key value must hold (the ordering
// columns, then id). A nullable column cannot be keyed on: that is the caller's mistake, said plainly.
template <class T>
std::vector<std::size_t> key_types(const std::vector<db::Ordering>& ordering) {
    std::vector<std::size_t> types;
    types.reserve(ordering.size());
    for (const auto& term : ordering) {
        T::meta.for_each_field([&](const auto& f) {
            using M = typename std::remove_cvref_t<decltype(f)>::value_type;
            if (f.name != term.column) return;
            if constexpr (drf::detail::is_optional_v<M>) {
                throw std::logic_error("drf::pagination::CursorPagination: cannot order pages by '" + std::string(f.name) +
                                       "': the field is nullable, and NULLs have no place in a keyset");
            } else {
                types.push_back(db::ColumnTraits<M>::value(M{}).index());
            }
        });
    }
    return types;
}


}  // namespace detail

template <Options O = Options{}, auto... Ordering>
class CursorPagination {
public:
    static constexpr Options options = O;
    static_assert((detail::is_order_term<std::remove_cv_t<decltype(Ordering)>> && ...),
                  "drf::pagination::CursorPagination: an ordering term is asc(&T::member) or desc(&T::member)");
    static_assert(O.page_size > 0, "drf::pagination::CursorPagination: page_size must be positive");
    static_assert(O.page_size <= largest_page_size && O.max_page_size <= largest_page_size,
                  "drf::pagination::CursorPagination: page_size and max_page_size must fit a SQL LIMIT");

    // What a page depends on beside its rows and its request: the secret its links are signed with
    // (CursorSecrets::generation). A page's ETag and the page cache's key include it.
    static std::uint64_t page_epoch() noexcept { return CursorSecrets::instance().generation(); }

    // Where the page starts, from the request's cursor: nullopt for the first page (no cursor, or an
    // empty one, as DRF). A cursor that is not one we signed, for this ordering, with well-typed values,
    // is 404 {"detail": "Invalid cursor"}.
    template <class T>
    static std::optional<detail::Position> decode(const http::Request& request) {
        return decode_checked(request, tag<T>(), [](const std::vector<db::Value>& key) { return well_typed<T>(key); });
    }
    // The same for `query` as fetch() pages it: under the query's own order_by when it has one.
    template <class T>
    static std::optional<detail::Position> decode(const http::Request& request, const db::QuerySet<T>& query) {
        return decode_keyed(request, keyed(query));
    }

    // The page size for this request: page_size_query_param if allowed and a positive integer (capped at
    // max_page_size), else page_size.
    static std::size_t page_size(const http::Request& request) {
        if constexpr (O.page_size_query_param.size > 0) {
            if (const auto text = request.query_param(O.page_size_query_param.view()))
                if (const auto n = detail::positive_int(*text, O.max_page_size)) return *n;
        }
        return O.page_size;
    }

    // One page of `query` rendered with serializer S, its filters kept; its ordering is the one it was
    // given with order_by (an OrderingFilter's, the client's choice), else ours, then id either way:
    // {"next": url|null, "previous": url|null, "results": [...]}, written straight to the response's
    // text (serializers::render_many_to); the response's data() parses it back if asked.
    // `prepare` may load related data into the rows before they are rendered (Django's prefetch_related).
    template <class S, class T, class Prepare = void (*)(std::vector<T>&)>
    static http::Response paginate(const http::Request& request, const db::QuerySet<T>& query,
                                   Prepare prepare = [](std::vector<T>&) {}) {
        auto page = fetch(request, query);
        prepare(page.rows);
        std::string body = detail::BodySize<S>::reserved();
        body += "{\"next\":";
        append_link(body, request, page.next);
        body += ",\"previous\":";
        append_link(body, request, page.previous);
        body += ",\"results\":";
        serializers::render_many_to<S>(body, page.rows);
        body += '}';
        detail::BodySize<S>::seen(body);
        return http::Response::from_json_text(std::move(body));
    }

    template <class T>
    struct Page {
        std::vector<T> rows;
        std::optional<std::string> next;      // cursor text
        std::optional<std::string> previous;  // cursor text
    };

    // The rows of the page and the cursors around it, without rendering.
    template <class T>
    static Page<T> fetch(const http::Request& request, const db::QuerySet<T>& query) {
        const auto keys = keyed(query);
        const auto& ordered = keys.ordered;
        const std::size_t size = page_size(request);
        const auto position = decode_keyed(request, keys);
        const auto cursor = [&](const T& row, detail::Direction direction) {
            return encode(direction, keys.tag, ordered.key_of(row));
        };
        const auto fetch_first = [&] {
            Page<T> first;
            first.rows = ordered.limit(size + 1).all();
            if (first.rows.size() > size) {
                first.rows.pop_back();
                first.next = cursor(first.rows.back(), detail::Direction::next);
            }
            return first;
        };
        Page<T> page;
        if (position && position->direction != detail::Direction::next) {
            const bool inclusive = position->direction == detail::Direction::previous_inclusive;
            page.rows = ordered.before(position->key, inclusive).limit(size + 1).all();
            const bool more_before = page.rows.size() > size;
            if (more_before) page.rows.erase(page.rows.begin());
            if (page.rows.empty()) return fetch_first();  // went back past the start
            if (more_before) page.previous = cursor(page.rows.front(), detail::Direction::previous);
            page.next = cursor(page.rows.back(), detail::Direction::next);
            return page;
        }
        if (!position) return fetch_first();
        page.rows = ordered.after(position->key).limit(size + 1).all();
        if (page.rows.size() > size) {
            page.rows.pop_back();
            page.next = cursor(page.rows.back(), detail::Direction::next);
        }
        // Back from here: before our first row, or — if rows after the position all vanished — up to and
        // including the position itself.
        page.previous = page.rows.empty() ? encode(detail::Direction::previous_inclusive, keys.tag, position->key)
                                          : cursor(page.rows.front(), detail::Direction::previous);
        return page;
    }

    // DRF's get_schema_operation_parameters: the cursor, and the page size when clients may choose it.
    static Json get_schema_operation_parameters() {
        Json parameters = Json::array({detail::query_parameter(O.cursor_query_param.view(), detail::cursor_query_description, "string")});
        if constexpr (O.page_size_query_param.size > 0)
            parameters.push_back(
                detail::query_parameter(O.page_size_query_param.view(), detail::page_size_query_description, "integer"));
        return parameters;
    }

    // DRF's get_paginated_response_schema, given the schema of one result: next, previous (DRF 3.14
    // gives them neither format nor example) and results; never a count.
    static Json get_paginated_response_schema(Json results_item_schema) {
        return detail::envelope(false, detail::link_schema(std::nullopt), detail::link_schema(std::nullopt),
                                std::move(results_item_schema));
    }

    // The number of ordering terms for T; evaluating it checks the ordering's names against T's meta.
    template <class T>
    static constexpr std::size_t ordering_size() {
        return terms<T>.size();
    }

private:
    template <class T>
    static constexpr std::size_t term_count =
        sizeof...(Ordering) > 0 ? sizeof...(Ordering) : detail::count_terms(O.ordering.view());

    template <class T>
    static consteval auto make_terms() {
        if constexpr (sizeof...(Ordering) > 0) {
            static_assert((std::is_same_v<models::model_of_t<typename decltype(Ordering)::owner_type>, T> && ...),
                          "drf::pagination::CursorPagination: an ordering term is a member of another model");
            static_assert(((models::field_index(Ordering.member) < T::meta.field_count) && ...),
                          "drf::pagination::CursorPagination: an ordering term is not one of the model's fields");
            return detail::ordering_of_terms<T, Ordering...>();
        } else {
            return detail::parse_ordering<T, term_count<T>>(O.ordering.view());
        }
    }

    template <class T>
    static constexpr auto terms = make_terms<T>();

    template <class T>
    static constexpr std::uint32_t tag() {
        return detail::ordering_tag<T>(terms<T>);
    }

    template <class T>
    static db::QuerySet<T> apply_ordering(const db::QuerySet<T>& query) {
        return [&]<std::size_t... I>(std::index_sequence<I...>) {
            return query.order_by(order_term<T, I>()...);
        }(std::make_index_sequence<term_count<T>>{});
    }

    template <class T, std::size_t I>
    static constexpr auto order_term() {
        constexpr auto term = terms<T>[I];
        constexpr auto& field = std::get<term.field>(T::meta.fields);
        static_assert(!field.nullable(),
                      "drf::pagination: an ordering field must not be nullable (NULLs have no place in a total order)");
        return models::OrderTerm<typename std::remove_cvref_t<decltype(field)>::owner_type,
                                 typename std::remove_cvref_t<decltype(field)>::value_type>{field.member, term.descending};
    }

    // The decoded values must have exactly the types of the ordering columns and the id.
    template <class T>
    static bool well_typed(const std::vector<db::Value>& key) {
        if (key.size() != term_count<T> + 1) return false;
        bool ok = true;
        [&]<std::size_t... I>(std::index_sequence<I...>) {
            ((ok = ok && key[I].index() == value_index<T, terms<T>[I].field>()), ...);
        }(std::make_index_sequence<term_count<T>>{});
        return ok && std::holds_alternative<Uuid>(key.back());
    }

    template <class T, std::size_t Field>
    static std::size_t value_index() {
        using M = typename std::remove_cvref_t<decltype(std::get<Field>(T::meta.fields))>::value_type;
        return db::ColumnTraits<M>::value(M{}).index();
    }

    // The queryset as it is paged, and the tag and key types of its ordering: the query's own order_by
    // (checked at run time) when it has one, else ours (checked at compile time).
    template <class T>
    struct Keyed {
        db::QuerySet<T> ordered;
        std::uint32_t tag = 0;
        std::optional<std::vector<std::size_t>> key_types;  // set for a run-time ordering
    };

    template <class T>
    static Keyed<T> keyed(const db::QuerySet<T>& query) {
        if (query.explicit_ordering().empty()) return {apply_ordering(query), tag<T>(), std::nullopt};
        return {query, detail::ordering_tag(T::meta.table, query.explicit_ordering()),
                detail::key_types<T>(query.ordering())};
    }

    template <class T>
    static std::optional<detail::Position> decode_keyed(const http::Request& request, const Keyed<T>& keys) {
        if (!keys.key_types) return decode<T>(request);
        return decode_checked(request, keys.tag, [&](const std::vector<db::Value>& key) {
            const auto& types = *keys.key_types;
            if (key.size() != types.size()) return false;
            for (std::size_t i = 0; i < key.size(); ++i)
                if (key[i].index() != types[i]) return false;
            return true;
        });
    }

    template <class Check>
    static std::optional<detail::Position> decode_checked(const http::Request& request, std::uint32_t tag,
                                                          Check well_typed_key) {
        const auto text = request.query_param(O.cursor_query_param.view());
        if (!text || text->empty()) return std::nullopt;
        auto pos = pagination::detail::decode_cursor(*text, *CursorSecrets::instance().get());
        if (!pos || pos->ordering_tag != tag || !well_typed_key(pos->key)) throw http::NotFound("Invalid cursor");
        return pos;
    }

    static std::string encode(detail::Direction direction, std::uint32_t tag, std::vector<db::Value> key) {
        return detail::encode_cursor({direction, tag, std::move(key)}, CursorSecrets::instance().get()->front());
    }

    // A link as a JSON string, or null.
    static void append_link(std::string& out, const http::Request& request, const std::optional<std::string>& cursor) {
        if (cursor)
            drf::detail::append_json_string(out, link(request, *cursor));
        else
            out += "null";
    }

    static std::string link(const http::Request& request, const std::string& cursor) {
        return detail::link(request, {}, {{O.cursor_query_param.view(), cursor}});
    }
};

}  // namespace drf::pagination
