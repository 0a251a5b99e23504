// drf/serializers/detail/builder.hpp — what every field builder (char_field<&S::name>() and its
// kin, in kinds.hpp and in each kind's own header) needs: the value type an access reaches and the JSON
// key a member gives.
#pragma once

#include <drf/core/detail/traits.hpp>
#include <drf/core/member_name.hpp>

#include <string_view>

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

// The JSON key of a field bound to member M: the key given, or else the member's name.
template <auto M>
constexpr std::string_view key_of(std::string_view key) {
    return key.empty() ? member_name<M>() : key;
}
}  // namespace detail

}  // namespace drf::serializers
