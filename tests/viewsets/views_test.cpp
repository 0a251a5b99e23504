// tests/viewsets/views_test.cpp — the request cycle (drf::views, DRF's APIView.dispatch) apart from the
// router: forced authentication, 405 and OPTIONS, and viewsets built from the router's Context; and
// what stays the router's: the routes in registration order.
#include <drf/auth/base.hpp>
#include <drf/auth/user.hpp>
#include <drf/db/databases.hpp>
#include <drf/db/sqlite.hpp>
#include <drf/permissions.hpp>
#include <drf/routers.hpp>
#include <drf/test/client.hpp>
#include <drf/views.hpp>
#include <drf/viewsets.hpp>

#include <catch2/catch.hpp>

#include <cstdint>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace views_test {

using drf::Json;
using drf::http::Method;
using drf::http::Request;
using drf::http::Response;

drf::auth::User user_named(const std::string& name) {
    drf::auth::User user;  // a fresh id: authenticated
    user.username = name;
    return user;
}

// Accepts "Secret <name>" and counts its calls, to show when authentication ran.
struct SecretAuthentication : drf::auth::BaseAuthentication {
    std::shared_ptr<int> calls = std::make_shared<int>(0);
    std::optional<drf::auth::User> authenticate(const Request& request) const override {
        ++*calls;
        const auto header = request.header("Authorization");
        if (!header || header->substr(0, 7) != "Secret ") return std::nullopt;
        return user_named(std::string(header->substr(7)));
    }
    std::string authenticate_header(const Request&) const override { return "Secret"; }
    std::string_view name() const override { return "SecretAuthentication"; }
    // How the API's OpenAPI document (which the test client checks every response against) names it.
    std::optional<std::pair<std::string, drf::Json>> openapi_security_scheme() const override {
        return std::pair<std::string, drf::Json>{
            "secretAuth", {{"type", "apiKey"}, {"in", "header"}, {"name", "Authorization"}, {"description", "Secret <username>"}}};
    }
};

struct WhoAmI : drf::viewsets::ViewSet<WhoAmI> {
    static constexpr auto permission_classes = drf::permissions::IsAuthenticated{};
    Response list(Request& request) {
        return Response(Json{{"username", request.user().username}, {"authenticator", request.authenticator()}});
    }
};

struct StaffOnly : drf::viewsets::ViewSet<StaffOnly> {
    static constexpr auto permission_classes = drf::permissions::IsAdminUser{};
    Response list(Request&) { return Response(Json::object()); }
};

struct Notes : drf::viewsets::ViewSet<Notes> {
    Response list(Request&) { return Response(Json::array()); }
    Response create(Request&) { return Response(Json::object(), 201); }
    Response retrieve(Request&, const std::string& pk) { return Response(Json{{"id", pk}}); }
};

// Built from the whole context, from the databases alone, or by default.
struct FromContext : drf::viewsets::ViewSet<FromContext> {
    explicit FromContext(const drf::views::Context& context) : databases(context.databases) {}
    drf::db::Databases* databases;
    Response list(Request&) { return Response(Json{{"has_databases", databases != nullptr}}); }
};
struct FromDatabases : drf::viewsets::ViewSet<FromDatabases> {
    explicit FromDatabases(drf::db::Databases& d) : databases(&d) {}
    drf::db::Databases* databases;
    Response list(Request&) { return Response(Json{{"address", reinterpret_cast<std::uintptr_t>(databases)}}); }
};
struct ByDefault : drf::viewsets::ViewSet<ByDefault> {
    Response list(Request&) { return Response(Json{{"default", true}}); }
};

TEST_CASE("routes() lists the routes in the order the viewsets were registered", "[viewsets]") {
    drf::routers::Router router;
    router.register_viewset<Notes>("zebra");
    router.register_viewset<ByDefault>("alpha");
    router.register_viewset<Notes>("middle");
    std::vector<std::string> names;
    for (const auto& route : router.routes()) names.push_back(route.name);
    CHECK(names == std::vector<std::string>{"zebra-list", "zebra-detail", "alpha-list", "middle-list", "middle-detail"});

    SECTION("registering a prefix again replaces its routes where they were") {
        router.register_viewset<ByDefault>("zebra");
        names.clear();
        for (const auto& route : router.routes()) names.push_back(route.name);
        CHECK(names == std::vector<std::string>{"zebra-list", "alpha-list", "middle-list", "middle-detail"});
    }
}

TEST_CASE("force_authenticate serves the request as the user without running any authenticator", "[viewsets]") {
    auto secret = std::make_shared<SecretAuthentication>();
    drf::routers::Router router(drf::auth::Authenticators{secret});
    router.register_viewset<WhoAmI>("me");
    drf::test::APIClient client(router);
    client.force_authenticate(user_named("alice"));
    const auto response = client.get("/me/");
    CHECK(response.status_code == 200);
    CHECK(response.data == Json{{"username", "alice"}, {"authenticator", "ForcedAuthentication"}});
    CHECK(*secret->calls == 0);
}

TEST_CASE("Only the request's forced flag skips authentication, never an authenticator's name", "[viewsets]") {
    auto secret = std::make_shared<SecretAuthentication>();
    drf::routers::Router router(drf::auth::Authenticators{secret});
    router.register_viewset<WhoAmI>("me");
    for (const char* name : {"ForcedAuthentication", "force_authenticate"}) {
        INFO(name);
        Request request(Method::get, "/me/");
        request.set_user(user_named("mallory"), name);  // a user set by hand is not a forced one
        const Response response = router.dispatch(request);
        CHECK(response.status_code() == 401);
        CHECK(response.headers().get("WWW-Authenticate") == "Secret");
        CHECK(request.user().is_anonymous());
    }
    CHECK(*secret->calls == 2);
}

TEST_CASE("A forced user a permission refuses is 403, not 401: it counts as authenticated", "[viewsets]") {
    drf::routers::Router router(drf::auth::Authenticators{std::make_shared<SecretAuthentication>()});
    router.register_viewset<StaffOnly>("staff");
    drf::test::APIClient client(router);
    client.force_authenticate(user_named("alice"));
    const auto response = client.get("/staff/");
    CHECK(response.status_code == 403);
    CHECK(response.data == Json{{"detail", "You do not have permission to perform this action."}});
}

TEST_CASE("The view answers a method its route does not map with 405 and Allow, and OPTIONS with Allow", "[viewsets]") {
    drf::routers::Router router;
    router.register_viewset<Notes>("notes");
    drf::test::APIClient client(router);

    const auto put = client.put("/notes/");
    CHECK(put.status_code == 405);
    CHECK(put.data == Json{{"detail", "Method \"PUT\" not allowed."}});
    CHECK(put.header("Allow") == "GET, POST, HEAD, OPTIONS");

    const auto options = client.options("/notes/n1/");
    CHECK(options.status_code == 200);
    CHECK(options.header("Allow") == "GET, HEAD, OPTIONS");
    CHECK(options.data == Json{{"renders", {"application/json"}}, {"parses", {"application/json"}}});

    const auto head = client.head("/notes/n1/");
    CHECK(head.status_code == 200);
    CHECK(head.content.empty());
}

TEST_CASE("drf::views::dispatch runs a view apart from any router", "[viewsets]") {
    const drf::views::Context context;
    const drf::views::View view = drf::views::as_view<Notes>(context);
    const drf::viewsets::MethodSet methods{Method::get};
    Request request(Method::get, "/anything/n7/");
    const Response response = drf::views::dispatch(view, request, {drf::views::RouteKind::detail, "n7", {}}, methods, {});
    CHECK(response.data() == Json{{"id", "n7"}});

    Request remove(Method::remove, "/anything/n7/");
    try {
        (void)drf::views::dispatch(view, remove, {drf::views::RouteKind::detail, "n7", {}}, methods, {});
        FAIL("a DELETE the route does not map must be refused");
    } catch (const drf::http::MethodNotAllowed& e) {
        CHECK(e.headers() == std::vector<std::pair<std::string, std::string>>{{"Allow", "GET, HEAD, OPTIONS"}});
    }
}

TEST_CASE("register_viewset builds each viewset from the router's context", "[viewsets]") {
    drf::db::Databases databases([] { return drf::db::sqlite::open(":memory:"); });
    drf::routers::Router router(drf::views::Context{.databases = &databases});
    router.register_viewset<FromContext>("context");
    router.register_viewset<FromDatabases>("databases");
    router.register_viewset<ByDefault>("default");
    drf::test::APIClient client(router);
    CHECK(client.get("/context/").data == Json{{"has_databases", true}});
    CHECK(client.get("/databases/").data == Json{{"address", reinterpret_cast<std::uintptr_t>(&databases)}});
    CHECK(client.get("/default/").data == Json{{"default", true}});
    CHECK(router.context().databases == &databases);
}

TEST_CASE("A viewset built from the databases cannot be registered on a router whose context has none", "[viewsets]") {
    drf::routers::Router router;
    CHECK_THROWS_WITH(router.register_viewset<FromDatabases>("databases"),
                      "drf::routers::Router::register_viewset: the viewset for 'databases' is built from the databases, "
                      "and the router's context has none: Router(drf::views::Context{.databases = &databases, ...})");
    router.register_viewset<FromContext>("context");  // its own constructor decides what it needs
    drf::test::APIClient client(router);
    CHECK(client.get("/context/").data == Json{{"has_databases", false}});
}

}  // namespace views_test
