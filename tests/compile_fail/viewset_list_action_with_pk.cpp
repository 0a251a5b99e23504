// expect: a list action takes \(Request&\) only
// `archived` is declared list (its route is ^projects/archived/$, no pk in it) but takes a pk that no
// request could give it. Registering the viewset does not build.
#include <drf/routers.hpp>
#include <drf/viewsets/viewset.hpp>

struct ProjectViewSet : drf::viewsets::ViewSet<ProjectViewSet> {
    drf::http::Response archived(drf::http::Request&, drf::Uuid) { return drf::http::Response(drf::Json::array()); }
    static constexpr auto extra_actions = drf::viewsets::actions(
        drf::viewsets::action<&ProjectViewSet::archived>("archived", drf::viewsets::list));
};

int main() {
    drf::routers::Router router;
    router.register_viewset<ProjectViewSet>("projects");
}
