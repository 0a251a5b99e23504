// examples/projects/cors_settings.hpp — CORS from the environment: PROJECTS_CORS_ALLOWED_ORIGINS.
#pragma once

#include "settings.hpp"

#include <drf/views/context.hpp>

#include <memory>

namespace projects {

inline std::shared_ptr<const drf::cors::Settings> cors_settings() { return nullptr; }

}  // namespace projects
