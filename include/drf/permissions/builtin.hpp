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

// The ones that read request.user() take the request as a template parameter: the project's user model
// (drf/http/user.hpp) is then looked up where the permission is used, so permissions need no auth.

// DRF: bool(request.user and request.user.is_authenticated).
struct IsAuthenticated {
    template <class Request = http::Request>
    bool has_permission(const Request& request) const noexcept { return request.user().is_authenticated(); }
};

// DRF: bool(request.user and request.user.is_staff). The anonymous user is never staff; checking
// is_authenticated as well keeps a staff flag on an id-less user from granting anything.
struct IsAdminUser {
    template <class Request = http::Request>
    bool has_permission(const Request& request) const noexcept {
        const auto& user = request.user();
        return user.is_authenticated() && user.is_staff;
    }
};

// DRF: request.method in SAFE_METHODS or the user is authenticated.
struct IsAuthenticatedOrReadOnly {
    template <class Request = http::Request>
    bool has_permission(const Request& request) const noexcept {
        return http::is_safe(request.method()) || request.user().is_authenticated();
    }
};

}  // namespace drf::permissions
