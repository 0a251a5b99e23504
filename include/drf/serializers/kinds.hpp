// drf/serializers/kinds.hpp — the field kinds (char, email, integer, float, decimal, boolean, UUID,
// datetime, choice, multiple choice, JSON), each in drf/serializers/kinds/, and the
// builders that bind one to a member: char_field<&S::name>(), integer_field<&S::age>(),
// choice_field<&S::status>(choices(...)). The kinds whose parsers use std::regex (date, time, duration,
// formatted datetimes, regex, slug, URL, IP address, file path) are in <drf/serializers/formats.hpp>:
// instantiating <regex> costs every translation unit about 1.5 s at -O0. Dict and hstore fields run
// a child field, as list_field does: they are in kinds/dict.hpp, after the engine.
#pragma once

#include <drf/core/datetime.hpp>
#include <drf/core/detail/traits.hpp>
#include <drf/core/member_name.hpp>
#include <drf/core/uuid.hpp>
#include <drf/serializers/detail/builder.hpp>
#include <drf/serializers/field.hpp>
#include <drf/serializers/kinds/boolean.hpp>
#include <drf/serializers/kinds/char.hpp>
#include <drf/serializers/kinds/choice.hpp>
#include <drf/serializers/kinds/datetime.hpp>
#include <drf/serializers/kinds/decimal.hpp>
#include <drf/serializers/kinds/json.hpp>
#include <drf/serializers/kinds/multiple_choice.hpp>
#include <drf/serializers/kinds/number.hpp>
#include <drf/serializers/kinds/step.hpp>
#include <drf/serializers/kinds/uuid.hpp>

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <type_traits>

namespace drf::serializers {

namespace detail {
// The builders proper, for a member pointer or a source path; the public spellings are below.
template <class A>
constexpr auto char_field(std::string_view name, A access) {
    static_assert(std::is_same_v<access_value_t<A>, std::string>,
                  "drf::serializers::char_field: the member must be std::string or std::optional<std::string>");
    return make_field<CharKind>(name, access);
}

template <class A>
constexpr auto email_field(std::string_view name, A access) {
    static_assert(std::is_same_v<access_value_t<A>, std::string>,
                  "drf::serializers::email_field: the member must be std::string or std::optional<std::string>");
    return make_field<EmailKind>(name, access);
}

template <class A>
constexpr auto integer_field(std::string_view name, A access) {
    using V = access_value_t<A>;
    static_assert(std::is_integral_v<V> && !std::is_same_v<V, bool>,
                  "drf::serializers::integer_field: the member must be an integer type (or std::optional of one)");
    return make_field<IntegerKind<V>>(name, access);
}

template <class A>
constexpr auto float_field(std::string_view name, A access) {
    using V = access_value_t<A>;
    static_assert(std::is_floating_point_v<V>,
                  "drf::serializers::float_field: the member must be float or double (or std::optional of one)");
    return make_field<FloatKind<V>>(name, access);
}

template <class A>
constexpr auto boolean_field(std::string_view name, A access) {
    static_assert(std::is_same_v<access_value_t<A>, bool>,
                  "drf::serializers::boolean_field: the member must be bool (or std::optional<bool>)");
    return make_field<BooleanKind>(name, access);
}

template <class A>
constexpr auto uuid_field(std::string_view name, A access) {
    static_assert(std::is_same_v<access_value_t<A>, Uuid>,
                  "drf::serializers::uuid_field: the member must be drf::Uuid (or std::optional<drf::Uuid>)");
    return make_field<UuidKind>(name, access);
}

template <class A>
constexpr auto datetime_field(std::string_view name, A access) {
    static_assert(std::is_same_v<access_value_t<A>, DateTime>,
                  "drf::serializers::datetime_field: the member must be drf::DateTime (or std::optional of it)");
    return make_field<DateTimeKind>(name, access);
}

template <class A, class V, std::size_t N>
constexpr auto choice_field(std::string_view name, A access, std::array<Choice<V>, N> allowed) {
    using M = access_value_t<A>;
    if constexpr (std::is_same_v<V, std::string_view>) {
        static_assert(std::is_same_v<M, std::string>,
                      "drf::serializers::choice_field: choices(\"a\", \"b\") needs a std::string member; use "
                      "choices(choice(\"a\", value), ...) for other member types");
        using Kind = ChoiceKind<std::string, N, std::string_view>;
        return make_field<Kind>(name, access, Kind{allowed});
    } else {
        static_assert(std::is_same_v<M, V>,
                      "drf::serializers::choice_field: the choices' values must have the member's type");
        return make_field<ChoiceKind<V, N>>(name, access, ChoiceKind<V, N>{allowed});
    }
}
}  // namespace detail

// Each builder binds a kind to a member, and the member's name is the JSON key:
//     char_field<&ProjectInput::name>()              key "name"
//     char_field<&Project::owner_id>("owner")        key "owner", when the wire name differs
//     char_field("owner", source(&Project::owner, &User::username))   a source path needs its key
// Called with no argument at all, a builder makes the unbound child of a list_field.

// char_field<&S::name>() — DRF's CharField; the member is std::string (or std::optional of it).
template <auto M>
    requires DataMemberPointer<M>
constexpr auto char_field(std::string_view key = {}) {
    return detail::char_field(detail::key_of<M>(key), M);
}
template <SourcePath A>
constexpr auto char_field(std::string_view key, A path) {
    return detail::char_field(key, path);
}
constexpr auto char_field() { return Field<CharKind, Unbound<std::string>>{}; }

// email_field<&S::email>() — DRF's EmailField (Django's EmailValidator rules).
template <auto M>
    requires DataMemberPointer<M>
constexpr auto email_field(std::string_view key = {}) {
    return detail::email_field(detail::key_of<M>(key), M);
}
template <SourcePath A>
constexpr auto email_field(std::string_view key, A path) {
    return detail::email_field(key, path);
}
constexpr auto email_field() { return Field<EmailKind, Unbound<std::string>>{}; }

// integer_field<&S::age>() — DRF's IntegerField; any integer member type (not bool).
template <auto M>
    requires DataMemberPointer<M>
constexpr auto integer_field(std::string_view key = {}) {
    return detail::integer_field(detail::key_of<M>(key), M);
}
template <SourcePath A>
constexpr auto integer_field(std::string_view key, A path) {
    return detail::integer_field(key, path);
}
template <class I = std::int64_t>
constexpr auto integer_field() { return Field<IntegerKind<I>, Unbound<I>>{}; }

// float_field<&S::price>() — DRF's FloatField; a float or double member.
template <auto M>
    requires DataMemberPointer<M>
constexpr auto float_field(std::string_view key = {}) {
    return detail::float_field(detail::key_of<M>(key), M);
}
template <SourcePath A>
constexpr auto float_field(std::string_view key, A path) {
    return detail::float_field(key, path);
}
template <class F = double>
constexpr auto float_field() { return Field<FloatKind<F>, Unbound<F>>{}; }

// boolean_field<&S::archived>() — DRF's BooleanField.
template <auto M>
    requires DataMemberPointer<M>
constexpr auto boolean_field(std::string_view key = {}) {
    return detail::boolean_field(detail::key_of<M>(key), M);
}
template <SourcePath A>
constexpr auto boolean_field(std::string_view key, A path) {
    return detail::boolean_field(key, path);
}
constexpr auto boolean_field() { return Field<BooleanKind, Unbound<bool>>{}; }

// uuid_field<&S::id>() — DRF's UUIDField, rendered as lowercase hyphenated hex.
template <auto M>
    requires DataMemberPointer<M>
constexpr auto uuid_field(std::string_view key = {}) {
    return detail::uuid_field(detail::key_of<M>(key), M);
}
template <SourcePath A>
constexpr auto uuid_field(std::string_view key, A path) {
    return detail::uuid_field(key, path);
}
constexpr auto uuid_field() { return Field<UuidKind, Unbound<Uuid>>{}; }

// datetime_field<&S::created_at>() — DRF's DateTimeField in UTC.
template <auto M>
    requires DataMemberPointer<M>
constexpr auto datetime_field(std::string_view key = {}) {
    return detail::datetime_field(detail::key_of<M>(key), M);
}
template <SourcePath A>
constexpr auto datetime_field(std::string_view key, A path) {
    return detail::datetime_field(key, path);
}
constexpr auto datetime_field() { return Field<DateTimeKind, Unbound<DateTime>>{}; }

// choice_field<&S::status>(choices("draft", "published")) — DRF's ChoiceField.
template <auto M, class V, std::size_t N>
    requires DataMemberPointer<M>
constexpr auto choice_field(std::array<Choice<V>, N> allowed) {
    return detail::choice_field(member_name<M>(), M, allowed);
}
template <auto M, class V, std::size_t N>
    requires DataMemberPointer<M>
constexpr auto choice_field(std::string_view key, std::array<Choice<V>, N> allowed) {
    return detail::choice_field(key, M, allowed);
}
template <SourcePath A, class V, std::size_t N>
constexpr auto choice_field(std::string_view key, A path, std::array<Choice<V>, N> allowed) {
    return detail::choice_field(key, path, allowed);
}

}  // namespace drf::serializers
