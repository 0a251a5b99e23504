// drf/models/meta.hpp — the compile-time description of a model: its table, its fields (the base
// model's id, created_at and updated_at first) and its default ordering. Serializers, the database
// layer and migrations all read this one list, so a model cannot drift from its schema.
#pragma once

#include <drf/core/member_name.hpp>
#include <drf/models/field.hpp>
#include <drf/models/model.hpp>

#include <array>
#include <cstddef>
#include <string_view>
#include <tuple>
#include <type_traits>
#include <utility>

namespace drf::models {

// One term of an ordering: a field and a direction ("-created_at" is desc(&Model<T>::created_at)).
template <class C, class M>
struct OrderTerm {
    using owner_type = C;
    using value_type = M;

    M C::*member;
    bool descending;
};
template <class C, class M>
constexpr OrderTerm<C, M> asc(M C::*member) { return {member, false}; }
template <class C, class M>
constexpr OrderTerm<C, M> desc(M C::*member) { return {member, true}; }

namespace detail {
inline void drf_error_model_table_name_must_be_a_lowercase_identifier() {}
inline void drf_error_model_field_names_id_created_at_updated_at_are_reserved_by_the_base_model() {}

template <std::size_t N>
constexpr bool has_duplicates(const std::array<std::string_view, N>& names) {
    for (std::size_t i = 0; i < N; ++i)
        for (std::size_t j = i + 1; j < N; ++j)
            if (names[i] == names[j]) return true;
    return false;
}
}  // namespace detail

template <class T, class Fields, class Ordering>
struct Meta;

template <class T, class... Fs, class... Os>
struct Meta<T, std::tuple<Fs...>, std::tuple<Os...>> {
    using model_type = T;
    static constexpr std::size_t field_count = sizeof...(Fs);

    std::string_view table;
    std::tuple<Fs...> fields;
    std::tuple<Os...> ordering_terms;

    // Replaces the default ordering (-created_at); the id is still appended as the tie-breaker by
    // whoever needs a total order (pagination, keyset queries).
    template <class... Terms>
    constexpr Meta<T, std::tuple<Fs...>, std::tuple<Terms...>> ordering(Terms... terms) const {
        return {table, fields, std::tuple<Terms...>{terms...}};
    }

    constexpr std::array<std::string_view, field_count> names() const {
        return std::apply([](const auto&... f) { return std::array<std::string_view, field_count>{f.name...}; },
                          fields);
    }

    // Index of the field called `name`, or field_count when there is none.
    constexpr std::size_t index_of(std::string_view name) const {
        const auto all = names();
        for (std::size_t i = 0; i < field_count; ++i)
            if (all[i] == name) return i;
        return field_count;
    }
    constexpr bool has_field(std::string_view name) const { return index_of(name) != field_count; }

    // Calls f(field) for each field in declaration order.
    template <class F>
    constexpr void for_each_field(F&& f) const {
        std::apply([&](const auto&... each) { (f(each), ...); }, fields);
    }
};

// meta<Project>("projects", field<&Project::name>(), ...): declare inside the model as
//     static constexpr auto meta = drf::models::meta<Project>("projects", ...);
// The base model's id, created_at and updated_at are prepended, in that order.
template <class T, class... Fs>
constexpr auto meta(std::string_view table, Fs... fs) {
    static_assert(((std::is_same_v<typename Fs::owner_type, T> || std::is_same_v<typename Fs::owner_type, Model<T>>) &&
                   ...),
                  "drf::models::meta<T>: every field must be a member of T, as in field<&T::name>()");
    if (!detail::is_identifier(table)) detail::drf_error_model_table_name_must_be_a_lowercase_identifier();
    if (((fs.name == "id" || fs.name == "created_at" || fs.name == "updated_at") || ...))
        detail::drf_error_model_field_names_id_created_at_updated_at_are_reserved_by_the_base_model();
    if (detail::has_duplicates(std::array<std::string_view, sizeof...(Fs) + 1>{"", fs.name...}))
        detail::drf_error_model_has_two_fields_with_the_same_name();
    (fs.check_decimal(), ...);
    using Base = Model<T>;
    auto fields = std::tuple{field<&Base::id>().unique(), field<&Base::created_at>(), field<&Base::updated_at>(),
                             fs...};
    using Fields = decltype(fields);
    return Meta<T, Fields, std::tuple<OrderTerm<Base, DateTime>>>{table, fields, {desc(&Base::created_at)}};
}

// A T about to be filled in field by field (from a row, say: db::read_row): its base built with no_init,
// so no random id is drawn and no clock read, when T is an aggregate; T{} otherwise.
template <class T>
T make_no_init() {
    if constexpr (std::is_aggregate_v<T> && requires { T{Model<T>(no_init)}; }) {
#if defined(__GNUC__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"
#endif
        return T{Model<T>(no_init)};
#if defined(__GNUC__)
#pragma GCC diagnostic pop
#endif
    } else {
        return T{};
    }
}

// A model: derives from Model<T> and declares `static constexpr auto meta = drf::models::meta<T>(...)`.
template <class T>
concept ModelType = std::is_base_of_v<Model<T>, T> && requires { T::meta.table; T::meta.fields; };

// The model a member belongs to: &Project::id points into Model<Project>, which is Project's.
template <class C>
struct model_of {
    using type = C;
};
template <class T>
struct model_of<Model<T>> {
    using type = T;
};
template <class C>
using model_of_t = typename model_of<C>::type;

// The index in its model's meta of the field that holds `member`, or the meta's field_count when the
// member is not a field. Member pointers are compared, so the match is exact whatever the columns are called.
template <class C, class M>
constexpr std::size_t field_index(M C::*member) {
    using T = model_of_t<C>;
    std::size_t index = T::meta.field_count;
    std::size_t i = 0;
    T::meta.for_each_field([&](const auto& f) {
        if constexpr (std::is_same_v<std::remove_cvref_t<decltype(f.member)>, M C::*>) {
            if (index == T::meta.field_count && f.member == member) index = i;
        }
        ++i;
    });
    return index;
}

// The column that holds `member` in its model's meta, or "" when the member is not a meta field.
template <class C, class M>
constexpr std::string_view column_name(M C::*member) {
    using T = model_of_t<C>;
    const std::size_t index = field_index(member);
    return index == T::meta.field_count ? std::string_view() : T::meta.names()[index];
}

// The meta field that holds member M, checked at compile time (Django's _meta.get_field, by member):
// get_field<&Project::name>().max_length_ == 200; a member that is not a field does not build.
template <auto M>
    requires DataMemberPointer<M>
constexpr const auto& get_field() {
    using T = model_of_t<member_owner_t<M>>;
    constexpr std::size_t index = field_index(M);
    static_assert(index != T::meta.field_count,
                  "drf::models::get_field: the member is not one of its model's meta fields");
    return std::get<(index < T::meta.field_count ? index : 0)>(T::meta.fields);
}

}  // namespace drf::models
