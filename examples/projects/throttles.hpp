// examples/projects/throttles.hpp — the service's own throttle (a Django app's throttles.py): the
// archive action's, per user, in scope "archive", its rate in PROJECTS_THROTTLE_RATES
// (throttling_settings.hpp).
#pragma once

#include <drf/throttling/throttles.hpp>

#include <string_view>

namespace projects {

struct ArchiveRateThrottle : drf::throttling::UserRateThrottle {
    static constexpr std::string_view scope = "archive";
};

}  // namespace projects
