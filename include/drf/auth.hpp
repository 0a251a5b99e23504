// drf/auth.hpp — authentication: the User model, API tokens stored hashed, TokenAuthentication and the
// migrations that create their tables (django.contrib.auth, rest_framework.authentication, authtoken).
// Component drf::auth (links OpenSSL::Crypto).
#pragma once

// Through CMake, drf::drf defines DRF_COMPONENT_CHECKS and drf::auth DRF_HAS_AUTH: a missing
// component is this message, not a wall of undefined references at link time.
#if defined(DRF_COMPONENT_CHECKS) && !defined(DRF_HAS_AUTH)
#error "drf: <drf/auth.hpp> needs the drf::auth component: target_link_libraries(... drf::auth) (or drf::all)"
#endif

#include <drf/auth/authentication.hpp>
#include <drf/auth/migrations.hpp>
#include <drf/auth/token.hpp>
#include <drf/auth/user.hpp>
#include <drf/auth/users.hpp>
