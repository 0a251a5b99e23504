// drf/core/detail/traits.hpp — the type traits several blocks share: whether a member type is a
// std::optional (a nullable column, a field that may be null) and the type it holds.
#pragma once

#include <optional>

namespace drf::detail {

template <class M>
struct optional_traits {
    static constexpr bool is_optional = false;
    using value_type = M;
};
template <class M>
struct optional_traits<std::optional<M>> {
    static constexpr bool is_optional = true;
    using value_type = M;
};

template <class M>
inline constexpr bool is_optional_v = optional_traits<M>::is_optional;

// M itself, or what std::optional<M'> holds.
template <class M>
using unwrap_optional_t = typename optional_traits<M>::value_type;

}  // namespace drf::detail
