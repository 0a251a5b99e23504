// examples/projects/urls.hpp — the URL configuration (Django's urls.py): the viewsets under api/, each
// built by the router from its context (settings.hpp's view_context).
#pragma once

#include "views.hpp"

#include <drf/routers.hpp>

namespace projects {

inline void add_urls(drf::routers::Router& router) {
    router.register_viewset<ProjectViewSet>("api/projects");
    router.register_viewset<AnnouncementViewSet>("api/announcements");
    router.register_viewset<MeViewSet>("api/me");
    router.register_viewset<UserViewSet>("api/users");
}

}  // namespace projects
