// expect: V must be constructible from a const drf::views::Context&, from drf::db::Databases&, or by default
// A viewset the router cannot build: it takes something the router's context does not hold. Register it
// with a factory of its own instead.
#include <drf/auth/user.hpp>
#include <drf/routers.hpp>

#include <string>

struct Mailer {};

struct Notify : drf::viewsets::ViewSet<Notify> {
    explicit Notify(Mailer& m) : mailer(&m) {}
    Mailer* mailer;
    drf::http::Response list(drf::http::Request&) { return drf::http::Response(drf::Json::object()); }
};

int main() {
    drf::routers::Router router;
    router.register_viewset<Notify>("notify");
}
