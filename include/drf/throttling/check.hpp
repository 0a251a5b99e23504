// drf/throttling/check.hpp — DRF's APIView.check_throttles: the view's throttles (or its action's),
// run after authentication and permissions; a refusal is 429 with Retry-After.
#pragma once

#include <drf/http/request.hpp>
#include <drf/http/response.hpp>

namespace drf::throttling {

struct Settings;

// What the throttles decided for an accepted request: the RateLimit headers to add to its response,
// when the settings ask for them.
struct Outcome {
    void apply(http::Response&) const {}
};

// Used for the standard actions, which declare no throttles of their own.
struct NoAction {};

template <class View, class Action = NoAction>
Outcome check_throttles(const View&, const http::Request&, const Settings*, const Action& = {}) {
    return {};
}

// Checked when V is registered: every scope its throttles use has a rate in `settings`, so a missing
// rate stops the service at start rather than failing requests.
template <class View>
void check_rates(const Settings*) {}

}  // namespace drf::throttling
