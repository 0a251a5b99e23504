// drf/serializers/errors.hpp — the error tree a serializer builds: DRF's `serializer.errors` (messages)
// and `get_full_details()` (messages with their codes). ValidationError itself is an exception of
// core's (<drf/core/exceptions.hpp>, drf::ValidationError), as DRF keeps it in rest_framework.exceptions.
#pragma once

#include <drf/core/detail/error_details.hpp>
#include <drf/core/exceptions.hpp>

#include <string_view>

namespace drf::serializers {

// Key under which object-level errors are reported, as DRF's api_settings.NON_FIELD_ERRORS_KEY.
inline constexpr std::string_view non_field_errors_key = "non_field_errors";

namespace detail {
// The tree's helpers, shared with core's ValidationError.
using drf::detail::append_distinct;
using drf::detail::is_detail;
using drf::detail::make_detail;
using drf::detail::messages_of;
using drf::detail::to_details;
}  // namespace detail

}  // namespace drf::serializers
