// expect: must be a member of the viewset returning a Response
// An extra action that takes neither (Request&) nor (Request&, pk) — here an int — cannot be called by
// the router at all. Registering the viewset does not build.
#include <drf/routers.hpp>
#include <drf/viewsets/viewset.hpp>

struct ProjectViewSet : drf::viewsets::ViewSet<ProjectViewSet> {
    drf::http::Response top(drf::http::Request&, int) { return drf::http::Response(drf::Json::array()); }
    static constexpr auto extra_actions =
        drf::viewsets::actions(drf::viewsets::action<&ProjectViewSet::top>("top", drf::viewsets::list));
};

int main() {
    drf::routers::Router router;
    router.register_viewset<ProjectViewSet>("projects");
}
