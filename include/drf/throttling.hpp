// drf/throttling.hpp — throttling (rest_framework.throttling): rates, the settings, the stores the
// throttles count in, DRF's built-in throttles and the check a view runs after its permissions.
#pragma once

#include <drf/throttling/check.hpp>
#include <drf/throttling/concept.hpp>
#include <drf/throttling/ident.hpp>
#include <drf/throttling/rate.hpp>
#include <drf/throttling/settings.hpp>
#include <drf/throttling/store.hpp>
#include <drf/throttling/throttles.hpp>
