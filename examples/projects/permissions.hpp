// examples/projects/permissions.hpp — the classic DRF custom permissions IsOwner and IsAdminOrReadOnly.
#pragma once

#include "models.hpp"

#include <drf/http/request.hpp>
#include <drf/permissions.hpp>

namespace projects {

// Only the owner may see or change a project.
struct IsOwner {
    bool has_object_permission(const drf::http::Request& request, const Project& project) const {
        return project.owner_id == request.user().id;
    }
};

// Anyone may read; only staff may write.
struct IsAdminOrReadOnly {
    // For the API schema: an anonymous request may read (its security lists {}), and never write.
    static constexpr bool allows_anonymous(drf::http::Method method) { return drf::http::is_safe(method); }

    bool has_permission(const drf::http::Request& request) const {
        if (drf::http::is_safe(request.method())) return true;
        return request.user().is_staff;
    }
};

}  // namespace projects
