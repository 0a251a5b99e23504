// drf/auth.hpp — authentication: the User model, API tokens stored hashed, TokenAuthentication and the
// migrations that create their tables (django.contrib.auth, rest_framework.authentication, authtoken).
// Component drf::auth (links OpenSSL::Crypto).
#pragma once

#include <drf/auth/authentication.hpp>
#include <drf/auth/migrations.hpp>
#include <drf/auth/token.hpp>
#include <drf/auth/user.hpp>
#include <drf/auth/users.hpp>
