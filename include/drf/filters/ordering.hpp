// drf/filters/ordering.hpp — OrderingFilter (rest_framework.filters.OrderingFilter): the client orders a
// list with ?ordering=-archived,name among the fields a whitelist of member pointers allows:
//     f::ordering_fields(&User::username, &User::email).ordering(drf::models::asc(&User::username))
// Terms name the meta fields (Django's field names); unknown ones are dropped as DRF drops them. The
// fields must not be nullable: the order feeds cursor pagination's keyset, where NULLs have no place.
#pragma once

#include <drf/core/detail/traits.hpp>
#include <drf/core/json.hpp>
#include <drf/db/query.hpp>
#include <drf/db/queryset.hpp>
#include <drf/filters/detail/members.hpp>
#include <drf/filters/detail/python_text.hpp>
#include <drf/filters/detail/schema.hpp>
#include <drf/http/request.hpp>
#include <drf/models/meta.hpp>

#include <algorithm>
#include <array>
#include <cstddef>
#include <string>
#include <string_view>
#include <tuple>
#include <type_traits>
#include <vector>

namespace drf::filters {

namespace detail {
// Called only when a check fails during constant evaluation: the compiler's error then names it.
inline void drf_error_ordering_fields_member_is_not_a_field_of_the_models_meta() {}
inline void drf_error_ordering_default_term_is_not_a_field_of_the_models_meta() {}
}  // namespace detail

template <class Fields, class Defaults>
class OrderingFilter;

// Fs are the member pointer types of the allowed fields; Ds the default ordering's models::OrderTerm.
template <class... Fs, class... Ds>
class OrderingFilter<std::tuple<Fs...>, std::tuple<Ds...>> {
public:
    static_assert(sizeof...(Fs) > 0, "drf::filters::ordering_fields: name at least one field the client may order by");
    static_assert((std::is_member_object_pointer_v<Fs> && ...),
                  "drf::filters::ordering_fields: each argument is a member pointer, as &User::username");
    using model_type = detail::model_of_member<std::tuple_element_t<0, std::tuple<Fs...>>>;
    static_assert((std::is_same_v<detail::model_of_member<Fs>, model_type> && ...),
                  "drf::filters::ordering_fields: every field must be a member of the same model");
    static_assert((!drf::detail::is_optional_v<detail::member_type<Fs>> && ...),
                  "drf::filters::ordering_fields: an ordering field must not be nullable (NULLs have no place in a keyset)");
    static_assert((std::is_same_v<models::model_of_t<typename Ds::owner_type>, model_type> && ...),
                  "drf::filters::OrderingFilter::ordering: a default term is a member of another model");
    static_assert((!drf::detail::is_optional_v<typename Ds::value_type> && ...),
                  "drf::filters::OrderingFilter::ordering: a default term must not be nullable (NULLs have no place in a keyset)");

    // The longest query parameter value read; DRF reads any length. Past it the value is cut, which
    // can only drop terms, never add one: the whitelist bounds what a client can ask for.
    static constexpr std::size_t max_param_length = 1024;

    constexpr OrderingFilter(std::array<std::string_view, sizeof...(Fs)> names, std::tuple<Ds...> defaults,
                             std::string_view param)
        : names_(names), defaults_(defaults), param_(param) {}

    // DRF's `ordering = [...]`: used when the request names no valid term. Without one, the queryset
    // keeps the order it had.
    template <class... Terms>
    constexpr OrderingFilter<std::tuple<Fs...>, std::tuple<Terms...>> ordering(Terms... terms) const {
        (detail::checked_column(terms.member, detail::drf_error_ordering_default_term_is_not_a_field_of_the_models_meta),
         ...);
        return {names_, std::tuple<Terms...>{terms...}, param_};
    }
    // DRF's ordering_param (setting ORDERING_PARAM): the query parameter read, "ordering" by default.
    constexpr OrderingFilter param(std::string_view name) const { return {names_, defaults_, name}; }

    constexpr std::string_view param() const { return param_; }
    // The allowed terms' names, in the order given.
    constexpr const std::array<std::string_view, sizeof...(Fs)>& fields() const { return names_; }

    // DRF's get_ordering: the request's valid terms (unknown ones dropped; a repeated field counts once),
    // or, when none is valid, the default ordering; empty when there is neither.
    std::vector<db::Ordering> get_ordering(const http::Request& request) const {
        std::vector<db::Ordering> terms;
        if (const auto value = request.query_param(param_); value && !value->empty()) {
            std::string_view rest = value->substr(0, max_param_length);
            while (true) {
                const auto comma = rest.find(',');
                add_term(terms, detail::python_strip(rest.substr(0, comma)));
                if (comma == std::string_view::npos) break;
                rest.remove_prefix(comma + 1);
            }
        }
        if (terms.empty())
            std::apply([&](const auto&... d) { (terms.push_back({models::column_name(d.member), d.descending}), ...); },
                       defaults_);
        return terms;
    }

    // DRF's get_schema_operation_parameters, with what DRF leaves out: the allowed terms, ascending and
    // descending, as the enum of a comma-separated array (explode false, style form), sorted as
    // drf-spectacular sorts a django-filter OrderingFilter's choices.
    Json get_schema_operation_parameters() const {
        std::vector<std::string> terms;
        for (const auto name : names_) {
            terms.emplace_back(name);
            terms.push_back("-" + std::string(name));
        }
        std::sort(terms.begin(), terms.end());
        Json parameter = detail::query_parameter(
            param_, detail::ordering_description,
            Json::object({{"type", "array"}, {"items", Json::object({{"type", "string"}, {"enum", terms}})}}));
        parameter["explode"] = false;
        parameter["style"] = "form";
        return Json::array({std::move(parameter)});
    }

    // DRF's filter_queryset: the queryset in the chosen order (then id), or unchanged.
    template <class T>
    db::QuerySet<T> filter_queryset(const http::Request& request, db::QuerySet<T> query) const {
        static_assert(std::is_same_v<T, model_type>,
                      "drf::filters::OrderingFilter: the queryset is of another model than the ordering fields");
        auto terms = get_ordering(request);
        if (terms.empty()) return query;
        return query.order_by(terms);
    }

private:
    void add_term(std::vector<db::Ordering>& terms, std::string_view term) const {
        const bool descending = !term.empty() && term.front() == '-';
        if (descending) term.remove_prefix(1);
        for (const auto name : names_) {
            if (name != term) continue;
            for (const auto& t : terms)
                if (t.column == name) return;
            terms.push_back({name, descending});
            return;
        }
    }

    std::array<std::string_view, sizeof...(Fs)> names_;
    std::tuple<Ds...> defaults_;
    std::string_view param_;
};

// DRF's `ordering_fields = ["username", "email"]`, as member pointers: the fields a client may order by.
template <class... C, class... M>
constexpr OrderingFilter<std::tuple<M C::*...>, std::tuple<>> ordering_fields(M C::*... members) {
    return {{detail::checked_column(members, detail::drf_error_ordering_fields_member_is_not_a_field_of_the_models_meta)...},
            {},
            "ordering"};
}

}  // namespace drf::filters
