// expect: names a member function that is not one of the viewset's actions
// `helper` is a member function but no action (neither standard nor in extra_actions): a schema for it
// would describe no operation, so registering the viewset does not build.
#include <drf/openapi/extend.hpp>
#include <drf/routers.hpp>
#include <drf/viewsets/viewset.hpp>

struct PingViewSet : drf::viewsets::ViewSet<PingViewSet> {
    drf::http::Response list(drf::http::Request&) { return drf::http::Response(drf::Json::object()); }
    drf::http::Response helper(drf::http::Request&) { return drf::http::Response(drf::Json::object()); }
    static constexpr auto schema = drf::openapi::extend_schema(
        drf::openapi::action<&PingViewSet::helper>(drf::openapi::responses(drf::openapi::any_json(200))));
};

int main() {
    drf::routers::Router router;
    router.register_viewset<PingViewSet>("api/ping");
    return router.endpoints().size() == 1 ? 0 : 1;
}
