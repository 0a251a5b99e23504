// expect: a detail action takes \(Request&, pk\)
// `archive` is declared detail (its route is ^projects/{pk}/archive/$) but takes no pk: it could not
// know which project to archive. Registering the viewset does not build.
#include <drf/routers.hpp>
#include <drf/viewsets/viewset.hpp>

struct ProjectViewSet : drf::viewsets::ViewSet<ProjectViewSet> {
    drf::http::Response archive(drf::http::Request&) { return drf::http::Response::no_content(); }
    static constexpr auto extra_actions = drf::viewsets::actions(drf::viewsets::action<&ProjectViewSet::archive>(
        "archive", drf::viewsets::detail, {drf::http::Method::post}));
};

int main() {
    drf::routers::Router router;
    router.register_viewset<ProjectViewSet>("projects");
}
