// drf/filters/filterset.hpp — django-filter's FilterSet and DjangoFilterBackend as one constexpr value:
//     using namespace drf::filters::lookups;
//     static constexpr auto project_filters = f::filters<Project>(
//         f::filter<&Project::archived>(),                  // ?archived=true
//         f::filter<&Project::created_at>({gte, lte}),      // ?created_at__gte=...&created_at__lte=...
//         f::method<&owned_by>("owner"));                   // ?owner=<uuid>, through owned_by(query, uuid)
//     db::QuerySet<Project> q = project_filters.filter_queryset(request, query);
// A lookup that makes no sense on the field's type does not compile. Values are read as django-filter
// reads them; bad ones answer 400 with django-filter's body, every bad parameter at once. Beyond
// django-filter, OR groups (?or.name__icontains=moon&or.archived=true): see filter_queryset.
#pragma once

#include <drf/core/detail/traits.hpp>
#include <drf/core/exceptions.hpp>
#include <drf/core/json.hpp>
#include <drf/db/query.hpp>
#include <drf/db/queryset.hpp>
#include <drf/filters/detail/build.hpp>
#include <drf/filters/detail/members.hpp>
#include <drf/filters/detail/or_groups.hpp>
#include <drf/filters/detail/schema.hpp>
#include <drf/filters/detail/values.hpp>
#include <drf/filters/lookups.hpp>
#include <drf/http/request.hpp>

#include <array>
#include <cstddef>
#include <functional>
#include <initializer_list>
#include <string>
#include <string_view>
#include <tuple>
#include <type_traits>
#include <utility>
#include <vector>

namespace drf::filters {

namespace detail {
// Called only when a check fails during constant evaluation: the compiler's error then names it.
inline void drf_error_filter_member_is_not_a_field_of_the_models_meta() {}
inline void drf_error_filter_lookup_iexact_contains_startswith_endswith_need_a_text_field() {}
inline void drf_error_filter_lookup_gt_gte_lt_lte_range_do_not_apply_to_a_bool_or_uuid_field() {}
inline void drf_error_filter_lookup_in_does_not_apply_to_a_bool_field() {}
inline void drf_error_filter_lookup_isnull_needs_a_nullable_field_std_optional() {}
inline void drf_error_filter_lists_the_same_lookup_twice() {}
inline void drf_error_filter_needs_at_least_one_lookup() {}
inline void drf_error_method_filter_needs_a_name() {}
inline void drf_error_filterset_has_two_parameters_with_the_same_name() {}
}  // namespace detail

// One query parameter of a filter set, as for_each_param shows it (for documentation generators):
// `base` is the field's meta name (or the method filter's name), value_type the type one value is
// read as (a list of them for `in`, two for `range`, a boolean for `isnull`).
template <class V>
struct Param {
    using value_type = V;
    std::string_view base;
    Lookup lookup = Lookup::exact;
    bool is_method = false;
    bool nullable = false;

    // django-filter's parameter name: "name" for exact, "name__icontains" otherwise.
    std::string name() const {
        return lookup == Lookup::exact ? std::string(base) : std::string(base) + "__" + std::string(lookup_name(lookup));
    }
    constexpr bool named(std::string_view key) const {
        if (lookup == Lookup::exact) return key == base;
        const std::string_view suffix = lookup_name(lookup);
        return key.size() == base.size() + 2 + suffix.size() && key.substr(0, base.size()) == base &&
               key.substr(base.size(), 2) == "__" && key.substr(base.size() + 2) == suffix;
    }
};

// f::filter<&Project::name>({exact, icontains}): django-filter's filterset_fields entry for one field.
template <auto Member>
struct Filter {
    static_assert(std::is_member_object_pointer_v<decltype(Member)>,
                  "drf::filters::filter: the template argument is a data member pointer, as &Project::name");
    using model_type = detail::model_of_member<decltype(Member)>;
    using field_type = detail::member_type<decltype(Member)>;
    using value_type = drf::detail::unwrap_optional_t<field_type>;
    static constexpr bool nullable = drf::detail::is_optional_v<field_type>;

    std::string_view field;
    std::array<Lookup, 15> lookups{};
    std::size_t lookup_count = 0;

    constexpr Param<value_type> param(std::size_t i) const { return {field, lookups[i], false, nullable}; }
};

// f::method<&owned_by>("owner"): django-filter's Filter(method=...): the value, read as the function's
// V, is handed to `db::QuerySet<T> owned_by(db::QuerySet<T>, V)`.
namespace detail {
// The model and value type of a method filter's function, db::QuerySet<T> fn(db::QuerySet<T>, V).
template <class F>
struct method_traits {};
template <class T, class A>
struct method_traits<db::QuerySet<T> (*)(db::QuerySet<T>, A)> {
    using model = T;
    using value = std::remove_cvref_t<A>;
};
template <class T, class A>
struct method_traits<db::QuerySet<T> (*)(db::QuerySet<T>, A) noexcept> : method_traits<db::QuerySet<T> (*)(db::QuerySet<T>, A)> {};
template <auto Fn>
concept method_function = requires { typename method_traits<decltype(Fn)>::model; };
}  // namespace detail

template <auto Fn>
struct Method {
    using model_type = typename detail::method_traits<decltype(Fn)>::model;
    using value_type = typename detail::method_traits<decltype(Fn)>::value;
    static_assert(is_filterable_v<value_type> && !std::is_same_v<value_type, char>,
                  "drf::filters::method: the function's value is a bool, an integer, a double, std::string, "
                  "drf::Uuid, drf::DateTime, drf::Decimal, drf::Date, drf::Time or drf::Duration");
    std::string_view name;
    constexpr Param<value_type> param(std::size_t) const { return {name, Lookup::exact, true, false}; }
};

namespace detail {
template <class V>
consteval void check_lookup(Lookup l, bool nullable) {
    constexpr ValueKind kind = value_kind<V>();
    if (lookup_applies(l, kind, nullable)) return;
    if (l == Lookup::isnull) drf_error_filter_lookup_isnull_needs_a_nullable_field_std_optional();
    else if (is_text_lookup(l)) drf_error_filter_lookup_iexact_contains_startswith_endswith_need_a_text_field();
    else if (l == Lookup::in) drf_error_filter_lookup_in_does_not_apply_to_a_bool_field();
    else drf_error_filter_lookup_gt_gte_lt_lte_range_do_not_apply_to_a_bool_or_uuid_field();
}

template <class Item>
constexpr std::size_t param_count_of(const Item& item) {
    if constexpr (requires { item.lookup_count; }) return item.lookup_count;
    else return 1;
}

// Whether two parameters have the same name ("owner" the method and "owner" the field, or a method
// called "name__icontains" beside the field's icontains).
template <class V>
constexpr bool same_name(const Param<V>& a, const Param<V>& b) {
    if (a.lookup == Lookup::exact) return b.named(a.base);
    if (b.lookup == Lookup::exact) return a.named(b.base);
    return a.base == b.base && a.lookup == b.lookup;
}

template <class Fn>
struct method_signature {
    static_assert(sizeof(Fn) == 0,
                  "drf::filters::method: the function must be db::QuerySet<T> fn(db::QuerySet<T>, V), V one of bool, "
                  "an integer, double, std::string, drf::Uuid, drf::DateTime, drf::Decimal, drf::Date, drf::Time, "
                  "drf::Duration");
};
}  // namespace detail

template <auto Member>
consteval Filter<Member> filter(std::initializer_list<Lookup> lookups) {
    Filter<Member> f;
    f.field = detail::checked_column(Member, detail::drf_error_filter_member_is_not_a_field_of_the_models_meta);
    if (lookups.size() == 0) detail::drf_error_filter_needs_at_least_one_lookup();
    for (const Lookup l : lookups) {
        detail::check_lookup<typename Filter<Member>::value_type>(l, Filter<Member>::nullable);
        for (std::size_t i = 0; i < f.lookup_count; ++i)
            if (f.lookups[i] == l) detail::drf_error_filter_lists_the_same_lookup_twice();
        f.lookups[f.lookup_count++] = l;
    }
    return f;
}
// The exact lookup only: ?archived=true.
template <auto Member>
consteval Filter<Member> filter() {
    return filter<Member>({Lookup::exact});
}

template <auto Fn>
    requires detail::method_function<Fn>
consteval Method<Fn> method(std::string_view name) {
    if (name.empty()) detail::drf_error_method_filter_needs_a_name();
    return Method<Fn>{name};
}
template <auto Fn>
    requires(!detail::method_function<Fn>)
consteval int method(std::string_view) {
    (void)detail::method_signature<decltype(Fn)>{};
    return 0;
}

template <class T, class... Items>
class FilterSet {
public:
    using model_type = T;
    static_assert((std::is_same_v<typename Items::model_type, T> && ...),
                  "drf::filters::filters<T>: every filter is on a member of T (and every method filters a "
                  "db::QuerySet<T>)");

    constexpr explicit FilterSet(std::tuple<Items...> items) : items_(items) {}

    // How many items one `in` list may hold, and how many OR groups one request may open (400 past them).
    constexpr FilterSet max_in_items(std::size_t n) const {
        FilterSet copy = *this;
        copy.limits_.max_in_items = n;
        return copy;
    }
    constexpr FilterSet max_or_groups(std::size_t n) const {
        FilterSet copy = *this;
        copy.limits_.max_or_groups = n;
        return copy;
    }
    constexpr std::size_t max_in_items() const { return limits_.max_in_items; }
    constexpr std::size_t max_or_groups() const { return limits_.max_or_groups; }

    // The number of query parameters, and each in declaration order: fn(Param<V>) (usable in constant
    // evaluation).
    constexpr std::size_t param_count() const {
        return std::apply([](const auto&... item) { return (std::size_t{0} + ... + detail::param_count_of(item)); },
                          items_);
    }
    template <class Fn>
    constexpr void for_each_param(Fn&& fn) const {
        for_each_item_param([&](const auto&, const auto& param) { fn(param); });
    }

    // DjangoFilterBackend's parameters as drf-spectacular describes them: one per name and lookup, in
    // declaration order, typed by the field (or the method's value); `in` and `range` as
    // comma-separated arrays; isnull a boolean. The OR groups (`or.<name>`, `or_<label>.<name>`) are
    // not listed: OpenAPI cannot name a family of keys, and listing `or.` copies would double the list.
    Json get_schema_operation_parameters() const {
        Json parameters = Json::array();
        for_each_param([&](const auto& param) {
            using V = typename std::remove_cvref_t<decltype(param)>::value_type;
            parameters.push_back(detail::filter_parameter<V>(param.name(), param.lookup));
        });
        return parameters;
    }

    // DjangoFilterBackend.filter_queryset: the queryset narrowed by the request's filter parameters, in
    // declaration order. Unknown parameters are ignored; an empty value is no filter; bad values throw
    // drf::ValidationError (400) with one key per bad parameter.
    //
    // OR groups: parameters prefixed `or.` form one group whose filters are OR-ed; `or_<label>.`
    // (label: 1 to 32 letters or digits) opens more groups. Groups and plain parameters are AND-ed.
    // Inside a group every name must be a field filter of this set (a method filter cannot be OR-ed), and
    // errors are reported under the key as written ("or.created_at__gte").
    db::QuerySet<T> filter_queryset(const http::Request& request, db::QuerySet<T> query) const {
        Json errors = Json::object();
        std::vector<std::function<db::QuerySet<T>(db::QuerySet<T>)>> steps;
        const auto& params = request.query_params();

        for_each_item_param([&](const auto& item, const auto& param) {
            std::optional<std::string_view> raw;
            for (const auto& [k, v] : params)
                if (param.named(k)) raw = v;  // QueryDict.get: the last value
            if (!raw) return;
            using Item = std::remove_cvref_t<decltype(item)>;
            if constexpr (requires { item.lookup_count; }) {
                auto built = detail::build_condition<item_member<Item>::value>(param.lookup, *raw, limits_);
                if (!built.error.empty()) errors[param.name()] = Json::array({built.error});
                else if (built.condition)
                    steps.push_back([c = std::move(*built.condition)](db::QuerySet<T> q) { return q.filter(c); });
            } else {
                const std::string_view text = detail::value_text<typename Item::value_type>(*raw);
                if (text.empty()) return;
                typename Item::value_type value{};
                if (auto e = detail::parse_value(text, value); !e.empty()) errors[param.name()] = Json::array({e});
                else
                    steps.push_back([fn = item_function<Item>::value, v = std::move(value)](db::QuerySet<T> q) {
                        return fn(std::move(q), v);
                    });
            }
        });

        for (auto& group : detail::or_groups(params, limits_.max_or_groups, errors)) {
            std::optional<db::Condition<T>> any;
            for (const auto& member : group.members) {
                const std::string_view key = member.key, name = member.name, value = member.value;  // lambdas capture these
                bool found = false;
                for_each_item_param([&](const auto& item, const auto& param) {
                    if (found || !param.named(name)) return;
                    found = true;
                    using Item = std::remove_cvref_t<decltype(item)>;
                    if constexpr (requires { item.lookup_count; }) {
                        auto built = detail::build_condition<item_member<Item>::value>(param.lookup, value, limits_);
                        if (!built.error.empty()) errors[std::string(key)] = Json::array({built.error});
                        else if (built.condition)
                            any = any ? std::move(*any) || std::move(*built.condition) : std::move(*built.condition);
                    } else {
                        errors[std::string(key)] = Json::array({detail::method_in_or_group});
                    }
                });
                if (!found) errors[std::string(key)] = Json::array({detail::unknown_filter});
            }
            if (any) steps.push_back([c = std::move(*any)](db::QuerySet<T> q) { return q.filter(c); });
        }

        if (!errors.empty()) throw ValidationError(errors);
        for (auto& step : steps) query = step(std::move(query));
        return query;
    }

private:
    template <class Item>
    struct item_member;
    template <auto Member>
    struct item_member<Filter<Member>> {
        static constexpr auto value = Member;
    };
    template <class Item>
    struct item_function;
    template <auto Fn>
    struct item_function<Method<Fn>> {
        static constexpr auto value = Fn;
    };

    template <class Fn>
    constexpr void for_each_item_param(Fn&& fn) const {
        std::apply(
            [&](const auto&... item) {
                (
                    [&](const auto& it) {
                        for (std::size_t i = 0; i < detail::param_count_of(it); ++i) fn(it, it.param(i));
                    }(item),
                    ...);
            },
            items_);
    }

    std::tuple<Items...> items_;
    detail::Limits limits_{};
};

// django-filter's FilterSet for model T: the filters (f::filter) and method filters (f::method) it
// offers, each parameter name once.
template <class T, class... Items>
consteval FilterSet<T, Items...> filters(Items... items) {
    FilterSet<T, Items...> set{std::tuple<Items...>{items...}};
    // Declared parameters, heterogeneous in value type: compared by name, each with those before it.
    std::array<Param<bool>, 128> seen{};
    std::size_t count = 0;
    bool duplicate = false;
    set.for_each_param([&](const auto& param) {
        const Param<bool> p{param.base, param.lookup, param.is_method, param.nullable};
        for (std::size_t i = 0; i < count && i < seen.size(); ++i)
            if (detail::same_name(seen[i], p)) duplicate = true;
        if (count < seen.size()) seen[count++] = p;
    });
    if (duplicate) detail::drf_error_filterset_has_two_parameters_with_the_same_name();
    return set;
}

}  // namespace drf::filters
