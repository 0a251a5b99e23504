// examples/projects/context.hpp — what every view is built from and served with: DATABASES,
// REST_FRAMEWORK's DEFAULT_AUTHENTICATION_CLASSES (token authentication), the hosts
// (settings.hpp), the throttles (throttling_settings.hpp) and CORS (cors_settings.hpp).
#pragma once

#include "cors_settings.hpp"
#include "settings.hpp"
#include "throttling_settings.hpp"

#include <drf/auth/authentication.hpp>
#include <drf/db/databases.hpp>
#include <drf/http/hosts.hpp>
#include <drf/views/context.hpp>

#include <memory>

namespace projects {

inline drf::views::Context view_context(drf::db::Databases& databases) {
    return {.databases = &databases,
            .authenticators = {std::make_shared<drf::auth::TokenAuthentication>(databases)},
            .hosts = std::make_shared<const drf::http::HostSettings>(host_settings()),
            .throttling = throttle_settings(databases),
            .cors = cors_settings()};
}

}  // namespace projects
