// examples/projects/urls.hpp — the URL configuration (Django's urls.py): the viewsets under api/, each
// built by the router from its context (context.hpp's view_context), and the API's OpenAPI document with
// its Swagger UI and Redoc pages, as drf-spectacular's three views serve them.
#pragma once

#include "settings.hpp"
#include "views.hpp"

#include <drf/openapi/views.hpp>
#include <drf/routers.hpp>

#include <stdexcept>
#include <string>

namespace projects {

inline void add_urls(drf::routers::Router& router) {
    router.register_viewset<ProjectViewSet>("api/projects");
    router.register_viewset<AnnouncementViewSet>("api/announcements");
    router.register_viewset<MeViewSet>("api/me");
    router.register_viewset<UserViewSet>("api/users");
    // path("api/schema/", SpectacularAPIView), path("api/docs/", SpectacularSwaggerView),
    // path("api/redoc/", SpectacularRedocView): open to anyone, the document generated at its first request.
    try {
        drf::openapi::add_schema_views(router, {.info = api_info(), .assets_dir = openapi_assets_dir()});
    } catch (const std::runtime_error& e) {  // an assets directory without the pages' files
        throw ConfigurationError(std::string("PROJECTS_OPENAPI_ASSETS: ") + e.what());
    }
}

}  // namespace projects
