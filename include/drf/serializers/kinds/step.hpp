// drf/serializers/kinds/step.hpp — what every field kind shares: the outcome of converting one input
// value (Step), and the "no limit" value of length options.
#pragma once

#include <cstddef>
#include <string>

namespace drf::serializers {

// What a kind's conversion did: failed (an error is in the slot), produced a value that skips the
// validators (DRF returns '' for an allowed blank before validating), produced a value, or produced null.
enum class Step { invalid, skip_validators, ok, null };

inline constexpr std::size_t no_limit = static_cast<std::size_t>(-1);

namespace detail {
inline std::string limit_text(std::size_t n) { return std::to_string(n); }
}  // namespace detail

}  // namespace drf::serializers
