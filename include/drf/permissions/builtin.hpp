// drf/permissions/builtin.hpp — DRF's built-in permissions: AllowAny, IsAuthenticated, IsAdminUser and
// IsAuthenticatedOrReadOnly. Stateless and constexpr-constructible, so they compose at compile time.
#pragma once

#include <drf/http/method.hpp>
#include <drf/http/request.hpp>

namespace drf::permissions {

// Everyone, authenticated or not (DRF's default permission class).
struct AllowAny {
    bool has_permission(const http::Request&) const noexcept { return true; }
};

// DRF: bool(request.user and request.user.is_authenticated).
struct IsAuthenticated {
    bool has_permission(const http::Request& request) const noexcept { return request.user().is_authenticated(); }
};

// DRF: bool(request.user and request.user.is_staff). The anonymous user is never staff; checking
// is_authenticated as well keeps a staff flag on an id-less user from granting anything.
struct IsAdminUser {
    bool has_permission(const http::Request& request) const noexcept {
        const auth::User& user = request.user();
        return user.is_authenticated() && user.is_staff;
    }
};

// DRF: request.method in SAFE_METHODS or the user is authenticated.
struct IsAuthenticatedOrReadOnly {
    bool has_permission(const http::Request& request) const noexcept {
        return http::is_safe(request.method()) || request.user().is_authenticated();
    }
};

}  // namespace drf::permissions
