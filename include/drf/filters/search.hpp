// drf/filters/search.hpp — SearchFilter (rest_framework.filters.SearchFilter): ?search=ada lovelace keeps
// the rows where every term matches at least one of the search fields, named by member pointers:
//     f::search_fields(f::starts_with(&User::username), &User::email)   // DRF: ["^username", "email"]
// DRF's prefixes are functions: starts_with '^' (istartswith), exact_match '=' (iexact), full_text '@'
// (search) and regex '$' (iregex); a bare member is icontains. The terms are bound parameters, and
// their number is bounded (DRF has no bound): past it the request is a 400.
#pragma once

#include <drf/core/detail/traits.hpp>
#include <drf/core/exceptions.hpp>
#include <drf/core/json.hpp>
#include <drf/db/query.hpp>
#include <drf/db/queryset.hpp>
#include <drf/filters/detail/members.hpp>
#include <drf/filters/detail/python_text.hpp>
#include <drf/filters/detail/schema.hpp>
#include <drf/http/request.hpp>
#include <drf/models/meta.hpp>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <type_traits>
#include <utility>
#include <vector>

namespace drf::filters {

// The lookup a search field uses for each term, with DRF's prefix for it.
enum class SearchLookup {
    icontains,    // no prefix
    istartswith,  // '^'
    iexact,       // '='
    search,       // '@': full text, PostgreSQL only (NotSupportedError on SQLite)
    iregex,       // '$': PostgreSQL only (NotSupportedError on SQLite)
};

namespace detail {
inline void drf_error_search_fields_member_is_not_a_field_of_the_models_meta() {}
}  // namespace detail

// One search field: a text member and its lookup.
template <class C, class M>
struct SearchField {
    static_assert(std::is_same_v<drf::detail::unwrap_optional_t<M>, std::string>,
                  "drf::filters::search_fields: a search field must be text (a std::string member)");
    using owner_type = C;
    using value_type = M;

    M C::*member;
    SearchLookup lookup = SearchLookup::icontains;

    // The condition "this field matches `term`".
    auto condition(const std::string& term) const {
        switch (lookup) {
            case SearchLookup::istartswith: return db::istartswith(member, term);
            case SearchLookup::iexact: return db::iexact(member, term);
            case SearchLookup::search: return db::search(member, term);
            case SearchLookup::iregex: return db::iregex(member, term);
            case SearchLookup::icontains: break;
        }
        return db::icontains(member, term);
    }
};

// DRF's '^name': the field starts with the term, ignoring case.
template <class C, class M>
constexpr SearchField<C, M> starts_with(M C::*member) { return {member, SearchLookup::istartswith}; }
// DRF's '=name': the field equals the term, ignoring case.
template <class C, class M>
constexpr SearchField<C, M> exact_match(M C::*member) { return {member, SearchLookup::iexact}; }
// DRF's '@name': Django's full-text search lookup. PostgreSQL only: on SQLite the query raises
// db::NotSupportedError.
template <class C, class M>
constexpr SearchField<C, M> full_text(M C::*member) { return {member, SearchLookup::search}; }
// DRF's '$name': the field matches the term as a regular expression, ignoring case. PostgreSQL only.
template <class C, class M>
constexpr SearchField<C, M> regex(M C::*member) { return {member, SearchLookup::iregex}; }

namespace detail {
template <class C, class M>
constexpr SearchField<C, M> as_search_field(SearchField<C, M> field) { return field; }
template <class C, class M>
constexpr SearchField<C, M> as_search_field(M C::*member) { return {member, SearchLookup::icontains}; }

template <class A>
using search_field_t = decltype(as_search_field(std::declval<A>()));
}  // namespace detail

template <class... Fields>
class SearchFilter {
public:
    static_assert(sizeof...(Fields) > 0, "drf::filters::search_fields: name at least one field to search");
    using model_type = models::model_of_t<typename std::tuple_element_t<0, std::tuple<Fields...>>::owner_type>;
    static_assert((std::is_same_v<models::model_of_t<typename Fields::owner_type>, model_type> && ...),
                  "drf::filters::search_fields: every field must be a member of the same model");

    // How many terms a request may search for unless max_terms() says otherwise. Each term adds one
    // condition per field to the query, so the bound keeps a client from growing the query at will.
    static constexpr std::size_t default_max_terms = 10;

    constexpr SearchFilter(std::tuple<Fields...> fields, std::string_view param, std::size_t max_terms)
        : fields_(fields), param_(param), max_terms_(max_terms) {}

    // DRF's search_param (setting SEARCH_PARAM): the query parameter read, "search" by default.
    constexpr SearchFilter param(std::string_view name) const { return {fields_, name, max_terms_}; }
    // The most terms a request may send; more is a 400 (see get_search_terms).
    constexpr SearchFilter max_terms(std::size_t n) const { return {fields_, param_, n}; }

    constexpr std::string_view param() const { return param_; }
    constexpr std::size_t max_terms() const { return max_terms_; }

    // DRF's get_search_terms: the parameter's value without NUL characters, split on commas and
    // whitespace (Python's str.split()). More than max_terms() terms is a ValidationError (400):
    // {"search": ["Ensure this field has no more than 10 elements."]}, in DRF's ListField wording.
    std::vector<std::string> get_search_terms(const http::Request& request) const {
        std::vector<std::string> terms;
        const auto value = request.query_param(param_);
        if (!value) return terms;
        std::string text;
        text.reserve(value->size());
        for (char c : *value) {
            if (c == '\0') continue;
            text += c == ',' ? ' ' : c;
        }
        for (const auto term : detail::python_split(text)) {
            if (terms.size() == max_terms_)
                throw ValidationError(Json::object({{std::string(param_),
                                                     Json::array({"Ensure this field has no more than " +
                                                                  std::to_string(max_terms_) + " elements."})}}),
                                      "max_length");
            terms.emplace_back(term);
        }
        return terms;
    }

    // DRF's get_schema_operation_parameters: the search parameter, "A search term.".
    Json get_schema_operation_parameters() const {
        return Json::array({detail::query_parameter(param_, detail::search_description, Json::object({{"type", "string"}}))});
    }

    // DRF's filter_queryset: every term must match at least one field (an AND of ORs); no terms, the
    // queryset unchanged.
    template <class T>
    db::QuerySet<T> filter_queryset(const http::Request& request, db::QuerySet<T> query) const {
        static_assert(std::is_same_v<T, model_type>,
                      "drf::filters::SearchFilter: the queryset is of another model than the search fields");
        const auto terms = get_search_terms(request);
        for (const auto& term : terms) {
            std::optional<db::Condition<T>> any;
            std::apply([&](const auto&... field) {
                ((any = any ? std::move(*any) || field.condition(term) : field.condition(term)), ...);
            }, fields_);
            query = query.filter(std::move(*any));
        }
        return query;
    }

private:
    std::tuple<Fields...> fields_;
    std::string_view param_;
    std::size_t max_terms_;
};

// DRF's `search_fields = ["^username", "email"]`: each argument a member pointer (icontains) or one
// wrapped in starts_with, exact_match, full_text or regex. Only text fields can be searched.
template <class... A>
constexpr SearchFilter<detail::search_field_t<A>...> search_fields(A... fields) {
    const std::tuple<detail::search_field_t<A>...> all{detail::as_search_field(fields)...};
    std::apply([](const auto&... f) {
        (detail::checked_column(f.member, detail::drf_error_search_fields_member_is_not_a_field_of_the_models_meta), ...);
    }, all);
    return {all, "search", SearchFilter<detail::search_field_t<A>...>::default_max_terms};
}

}  // namespace drf::filters
