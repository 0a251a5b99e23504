// drf/serializers/kinds.hpp — the scalar field kinds (char, email, integer, float, boolean, UUID,
// datetime, choice), each in drf/serializers/kinds/, and the builders that bind one to a member:
// char_field("name", &S::name), integer_field(...), choice_field(..., choices(...)).
#pragma once

#include <drf/core/datetime.hpp>
#include <drf/core/detail/traits.hpp>
#include <drf/core/uuid.hpp>
#include <drf/serializers/field.hpp>
#include <drf/serializers/kinds/boolean.hpp>
#include <drf/serializers/kinds/char.hpp>
#include <drf/serializers/kinds/choice.hpp>
#include <drf/serializers/kinds/datetime.hpp>
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
template <class A>
struct access_value {
    using type = drf::detail::unwrap_optional_t<typename A::member_type>;
};
template <class C, class M>
struct access_value<M C::*> {
    using type = drf::detail::unwrap_optional_t<M>;
};
template <class A>
using access_value_t = typename access_value<A>::type;
}  // namespace detail

// char_field("name", &S::name) — DRF's CharField; the member is std::string (or std::optional of it).
template <class A>
constexpr auto char_field(std::string_view name, A access) {
    static_assert(std::is_same_v<detail::access_value_t<A>, std::string>,
                  "drf::serializers::char_field: the member must be std::string or std::optional<std::string>");
    return make_field<CharKind>(name, access);
}
constexpr auto char_field() { return Field<CharKind, Unbound<std::string>>{}; }

// email_field("email", &S::email) — DRF's EmailField (Django's EmailValidator rules).
template <class A>
constexpr auto email_field(std::string_view name, A access) {
    static_assert(std::is_same_v<detail::access_value_t<A>, std::string>,
                  "drf::serializers::email_field: the member must be std::string or std::optional<std::string>");
    return make_field<EmailKind>(name, access);
}
constexpr auto email_field() { return Field<EmailKind, Unbound<std::string>>{}; }

// integer_field("age", &S::age) — DRF's IntegerField; any integer member type (not bool).
template <class A>
constexpr auto integer_field(std::string_view name, A access) {
    using V = detail::access_value_t<A>;
    static_assert(std::is_integral_v<V> && !std::is_same_v<V, bool>,
                  "drf::serializers::integer_field: the member must be an integer type (or std::optional of one)");
    return make_field<IntegerKind<V>>(name, access);
}
template <class I = std::int64_t>
constexpr auto integer_field() { return Field<IntegerKind<I>, Unbound<I>>{}; }

// float_field("price", &S::price) — DRF's FloatField; a float or double member.
template <class A>
constexpr auto float_field(std::string_view name, A access) {
    using V = detail::access_value_t<A>;
    static_assert(std::is_floating_point_v<V>,
                  "drf::serializers::float_field: the member must be float or double (or std::optional of one)");
    return make_field<FloatKind<V>>(name, access);
}
template <class F = double>
constexpr auto float_field() { return Field<FloatKind<F>, Unbound<F>>{}; }

// boolean_field("archived", &S::archived) — DRF's BooleanField.
template <class A>
constexpr auto boolean_field(std::string_view name, A access) {
    static_assert(std::is_same_v<detail::access_value_t<A>, bool>,
                  "drf::serializers::boolean_field: the member must be bool (or std::optional<bool>)");
    return make_field<BooleanKind>(name, access);
}
constexpr auto boolean_field() { return Field<BooleanKind, Unbound<bool>>{}; }

// uuid_field("id", &S::id) — DRF's UUIDField, rendered as lowercase hyphenated hex.
template <class A>
constexpr auto uuid_field(std::string_view name, A access) {
    static_assert(std::is_same_v<detail::access_value_t<A>, Uuid>,
                  "drf::serializers::uuid_field: the member must be drf::Uuid (or std::optional<drf::Uuid>)");
    return make_field<UuidKind>(name, access);
}
constexpr auto uuid_field() { return Field<UuidKind, Unbound<Uuid>>{}; }

// datetime_field("created_at", &S::created_at) — DRF's DateTimeField in UTC.
template <class A>
constexpr auto datetime_field(std::string_view name, A access) {
    static_assert(std::is_same_v<detail::access_value_t<A>, DateTime>,
                  "drf::serializers::datetime_field: the member must be drf::DateTime (or std::optional of it)");
    return make_field<DateTimeKind>(name, access);
}
constexpr auto datetime_field() { return Field<DateTimeKind, Unbound<DateTime>>{}; }

// choice_field("status", &S::status, choices("draft", "published")) — DRF's ChoiceField.
template <class A, class V, std::size_t N>
constexpr auto choice_field(std::string_view name, A access, std::array<Choice<V>, N> allowed) {
    using M = detail::access_value_t<A>;
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

}  // namespace drf::serializers
