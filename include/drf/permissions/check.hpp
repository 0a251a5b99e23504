// drf/permissions/check.hpp — what a view does with a denial (APIView.check_permissions,
// check_object_permissions and permission_denied): 401 when authentication was possible but did not
// happen, 403 otherwise.
#pragma once

#include <drf/http/exceptions.hpp>
#include <drf/http/request.hpp>
#include <drf/permissions/evaluate.hpp>

#include <string>
#include <string_view>

namespace drf::permissions {

// DRF: `if request.authenticators and not request.successful_authenticator: raise NotAuthenticated()`,
// else PermissionDenied with the permission's message, or DRF's default when it has none. The custom
// message is not used for the 401: the client's problem is the missing credentials, as in DRF.
[[noreturn]] inline void permission_denied(const http::Request& request, std::string_view message = {}) {
    if (request.has_authenticators() && request.authenticator().empty()) throw http::NotAuthenticated();
    if (message.empty()) throw http::PermissionDenied();
    throw http::PermissionDenied(std::string(message));
}

// Request level: called by the view before the action runs.
template <class P, class View>
void check_permissions(const P& permission, const http::Request& request, const View& view) {
    const Decision decision = permissions::evaluate(permission, request, view);
    if (!decision.allowed) permissions::permission_denied(request, decision.message);
}

// Object level: called by the action once it has the object (DRF's get_object does it for you; with
// explicit ViewSet actions, call it yourself before acting on the object).
template <class P, class View, class Obj>
void check_object_permissions(const P& permission, const http::Request& request, const View& view, const Obj& obj) {
    const Decision decision = permissions::evaluate_object(permission, request, view, obj);
    if (!decision.allowed) permissions::permission_denied(request, decision.message);
}

}  // namespace drf::permissions
