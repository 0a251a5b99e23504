// tests/viewsets/viewsets_test.cpp — viewsets, the router and the test client together: a DRF-style
// ProjectViewSet served in process, with token authentication and composed permissions.
#include <drf/auth.hpp>
#include <drf/db.hpp>
#include <drf/db/sqlite.hpp>
#include <drf/migrations.hpp>
#include <drf/openapi/extend.hpp>
#include <drf/permissions.hpp>
#include <drf/routers.hpp>
#include <drf/serializers.hpp>
#include <drf/test/client.hpp>
#include <drf/viewsets.hpp>

#include <catch2/catch.hpp>

#include <algorithm>
#include <stdexcept>
#include <string>
#include <vector>

namespace viewsets_test {

namespace db = drf::db;
namespace s = drf::serializers;
using drf::Json;
using drf::http::Method;
using drf::http::Request;
using drf::http::Response;
namespace status = drf::http::status;

struct Project : drf::models::Model<Project> {
    std::string name;
    std::string description;
    drf::Uuid owner_id;
    bool archived = false;
    static constexpr auto meta = drf::models::meta<Project>(
        "projects", drf::models::field<&Project::name>().max_length(200),
        drf::models::field<&Project::description>(),
        drf::models::field<&Project::owner_id>().references<drf::auth::User>(),
        drf::models::field<&Project::archived>());
};

struct ProjectCreate {
    std::string name;
    std::string description;
    static constexpr auto fields =
        s::fields(s::char_field<&ProjectCreate::name>().max_length(200),
                  s::char_field<&ProjectCreate::description>().optional("").allow_blank());
};

struct ProjectOutput {
    static constexpr auto fields = s::model_serializer<Project, &Project::id, &Project::name, &Project::description,
                                                       &Project::archived>();
};

// The classic DRF IsOwner permission.
struct IsOwner {
    static constexpr std::string_view message = "You do not own this project.";
    bool has_object_permission(const Request& request, const Project& project) const {
        return project.owner_id == request.user().id;
    }
};

struct ProjectViewSet : drf::viewsets::ViewSet<ProjectViewSet> {
    db::Database* database = nullptr;

    static constexpr auto permission_classes = drf::permissions::IsAuthenticated{} & IsOwner{};

    Response list(Request& request) {
        const auto projects = db::objects<Project>(*database).filter(db::eq(&Project::owner_id, request.user().id)).all();
        return Response(s::render_many<ProjectOutput>(projects));
    }
    Response create(Request& request) {
        s::Serializer<ProjectCreate> serializer(request.data());
        serializer.is_valid(true);
        Project project;
        project.name = serializer.validated_data().name;
        project.description = serializer.validated_data().description;
        project.owner_id = request.user().id;
        project = db::objects<Project>(*database).create(project);
        return Response(s::render<ProjectOutput>(project), status::HTTP_201_CREATED);
    }
    Response retrieve(Request& request, drf::Uuid pk) {
        const auto project = drf::viewsets::get_object_or_404(db::objects<Project>(*database), pk);
        check_object_permissions(request, project);
        return Response(s::render<ProjectOutput>(project));
    }
    Response destroy(Request& request, const std::string& pk) {
        const auto project = drf::viewsets::get_object_or_404(db::objects<Project>(*database), pk);
        check_object_permissions(request, project);
        db::objects<Project>(*database).remove(project);
        return Response::no_content();
    }
    Response archive(Request& request, drf::Uuid pk) {
        auto project = drf::viewsets::get_object_or_404(db::objects<Project>(*database), pk);
        check_object_permissions(request, project);
        project.archived = true;
        db::objects<Project>(*database).save(project, db::update_fields<&Project::archived>);
        return Response::no_content();
    }
    Response archived(Request& request) {
        const auto projects = db::objects<Project>(*database)
                                  .filter(db::eq(&Project::owner_id, request.user().id) && db::eq(&Project::archived, true))
                                  .all();
        return Response(s::render_many<ProjectOutput>(projects));
    }
    Response crash(Request&) { throw std::runtime_error("internal detail that must not leak"); }

    static constexpr auto extra_actions = drf::viewsets::actions(
        drf::viewsets::action<&ProjectViewSet::archive>("archive", drf::viewsets::detail, {Method::post}),
        drf::viewsets::action<&ProjectViewSet::archived>("archived", drf::viewsets::list),
        drf::viewsets::action<&ProjectViewSet::crash>("crash_now", drf::viewsets::list, {Method::get}, "crash-now"));
    // archive takes no body and answers 204, which the API's OpenAPI document must say (the test client
    // checks every response against it).
    static constexpr auto schema = drf::openapi::extend_schema(drf::openapi::action<&ProjectViewSet::archive>(
        drf::openapi::no_body, drf::openapi::responses(drf::openapi::no_content(204))));
};

// A viewset open to anyone, with only a list route.
struct PingViewSet : drf::viewsets::ViewSet<PingViewSet> {
    Response list(Request&) { return Response(Json{{"pong", true}}); }
};

struct App {
    db::Databases databases{[] {
        auto database = db::sqlite::open(":memory:");
        auto migrations = drf::auth::migrations();
        migrations.push_back({"0001_projects", {"auth_0001_initial"}, {drf::migrations::create_table(drf::migrations::from_model<Project>())}, {}});
        drf::migrations::Migrator(database, migrations).migrate();
        return database;
    }};
    drf::routers::Router router{drf::auth::Authenticators{std::make_shared<drf::auth::TokenAuthentication>(databases)}};
    drf::test::APIClient client{router};
    drf::auth::User alice = drf::auth::create_user(databases.get(), "alice");
    drf::auth::User bob = drf::auth::create_user(databases.get(), "bob");
    std::string alice_key = drf::auth::create_token(databases.get(), alice);

    App() {
        router.register_viewset<ProjectViewSet>("projects", [this] {
            ProjectViewSet v;
            v.database = &databases.get();
            return v;
        });
        router.register_viewset<PingViewSet>("ping");
    }
    Project project_of(const drf::auth::User& owner, std::string name) {
        Project p;
        p.name = std::move(name);
        p.owner_id = owner.id;
        return db::objects<Project>(databases.get()).create(p);
    }
};

TEST_CASE("The router generates DRF's routes for the actions a viewset defines", "[viewsets]") {
    App app;
    auto routes = app.router.routes();
    std::sort(routes.begin(), routes.end(), [](const auto& a, const auto& b) { return a.pattern < b.pattern; });
    std::vector<std::string> table;
    for (const auto& r : routes) {
        std::string line = r.pattern + " " + r.name;
        for (const auto& [m, action] : r.actions) line += " " + std::string(drf::http::to_string(m)) + "=" + action;
        table.push_back(line);
    }
    CHECK(table == std::vector<std::string>{
                       "^ping/$ ping-list GET=list",
                       "^projects/$ projects-list GET=list POST=create",
                       "^projects/archived/$ projects-archived GET=archived",
                       "^projects/crash-now/$ projects-crash-now GET=crash_now",
                       "^projects/{pk}/$ projects-detail GET=retrieve DELETE=destroy",
                       "^projects/{pk}/archive/$ projects-archive POST=archive",
                   });
}

// The route names of a router, by pattern.
std::vector<std::string> names_of(const drf::routers::Router& router) {
    auto routes = router.routes();
    std::sort(routes.begin(), routes.end(), [](const auto& a, const auto& b) { return a.pattern < b.pattern; });
    std::vector<std::string> out;
    for (const auto& r : routes) out.push_back(r.pattern + " " + r.name);
    return out;
}

struct NoteViewSet : drf::viewsets::ViewSet<NoteViewSet> {
    Response list(Request&) { return Response(Json::array()); }
    Response retrieve(Request&, const std::string& pk) { return Response(Json{{"pk", pk}}); }
    Response pin(Request&, const std::string&) { return Response::no_content(); }
    Response recent_items(Request&) { return Response(Json::array()); }
    static constexpr auto extra_actions = drf::viewsets::actions(
        drf::viewsets::action<&NoteViewSet::pin>("pin", drf::viewsets::detail, {Method::post}, "pin-it", "pin-note"),
        drf::viewsets::action<&NoteViewSet::recent_items>("recent_items", drf::viewsets::list));
};

TEST_CASE("Route names are <basename>-list, -detail and -<url_name>; the basename defaults to the prefix's last segment",
          "[viewsets]") {
    SECTION("no basename: the last segment of the prefix, as DRF needs one when there is no queryset") {
        drf::routers::Router router;
        router.register_viewset<NoteViewSet>("/api/v1/notes/");
        CHECK(names_of(router) == std::vector<std::string>{
                                      "^api/v1/notes/$ notes-list",
                                      "^api/v1/notes/recent_items/$ notes-recent-items",
                                      "^api/v1/notes/{pk}/$ notes-detail",
                                      "^api/v1/notes/{pk}/pin-it/$ notes-pin-note",
                                  });
        CHECK(drf::test::APIClient(router).get("/api/v1/notes/x/").data == Json{{"pk", "x"}});
    }
    SECTION("a basename, as DRF's register(prefix, viewset, basename='note')") {
        drf::routers::Router router;
        router.register_viewset<NoteViewSet>("api/notes", "note");
        CHECK(names_of(router) == std::vector<std::string>{
                                      "^api/notes/$ note-list",
                                      "^api/notes/recent_items/$ note-recent-items",
                                      "^api/notes/{pk}/$ note-detail",
                                      "^api/notes/{pk}/pin-it/$ note-pin-note",
                                  });
    }
    SECTION("a basename with a factory comes after it") {
        drf::routers::Router router;
        router.register_viewset<NoteViewSet>("api/notes", [] { return NoteViewSet{}; }, "note");
        CHECK(names_of(router).front() == "^api/notes/$ note-list");
        CHECK(drf::test::APIClient(router).get("/api/notes/").status_code == 200);
    }
}

TEST_CASE("Two prefixes with the same basename are refused at registration; re-registering a prefix is not", "[viewsets]") {
    drf::routers::Router router;
    router.register_viewset<NoteViewSet>("v1/notes");
    try {
        router.register_viewset<NoteViewSet>("v2/notes");
        FAIL("the second 'notes' basename should have been refused");
    } catch (const std::invalid_argument& e) {
        CHECK_THAT(e.what(), Catch::Contains("the basename 'notes' is already registered, for 'v1/notes'"));
    }
    router.register_viewset<NoteViewSet>("v2/notes", "notes-v2");
    router.register_viewset<NoteViewSet>("v1/notes");  // the same prefix again replaces its routes
    CHECK(names_of(router) == std::vector<std::string>{
                                  "^v1/notes/$ notes-list",
                                  "^v1/notes/recent_items/$ notes-recent-items",
                                  "^v1/notes/{pk}/$ notes-detail",
                                  "^v1/notes/{pk}/pin-it/$ notes-pin-note",
                                  "^v2/notes/$ notes-v2-list",
                                  "^v2/notes/recent_items/$ notes-v2-recent-items",
                                  "^v2/notes/{pk}/$ notes-v2-detail",
                                  "^v2/notes/{pk}/pin-it/$ notes-v2-pin-note",
                              });
}

TEST_CASE("An anonymous request to an authenticated route is 401 with WWW-Authenticate: Token", "[viewsets]") {
    App app;
    const auto r = app.client.get("/projects/");
    CHECK(r.status_code == 401);
    CHECK(r.data == Json::parse(R"({"detail": "Authentication credentials were not provided."})"));
    CHECK(r.header("WWW-Authenticate") == "Token");
}

TEST_CASE("A valid token authenticates; a bad one is 401 'Invalid token.'", "[viewsets]") {
    App app;
    app.client.credentials("Token " + app.alice_key);
    CHECK(app.client.get("/projects/").status_code == 200);
    app.client.credentials("Token 0000000000000000000000000000000000000000");
    const auto r = app.client.get("/projects/");
    CHECK(r.status_code == 401);
    CHECK(r.data == Json::parse(R"({"detail": "Invalid token."})"));
    CHECK(r.header("WWW-Authenticate") == "Token");
}

TEST_CASE("list and create run through the serializers and return DRF's bodies", "[viewsets]") {
    App app;
    app.client.credentials("Token " + app.alice_key);
    const auto created = app.client.post("/projects/", {{"name", "Apollo"}, {"owner", "ignored"}});
    REQUIRE(created.status_code == 201);
    CHECK(created.data["name"] == "Apollo");
    CHECK(created.data["description"] == "");
    CHECK(created.header("Content-Type") == "application/json");
    const auto invalid = app.client.post("/projects/", Json::object());
    CHECK(invalid.status_code == 400);
    CHECK(invalid.data == Json::parse(R"({"name": ["This field is required."]})"));
    const auto listed = app.client.get("/projects/");
    REQUIRE(listed.data.size() == 1);
    CHECK(listed.data[0]["id"] == created.data["id"]);
}

TEST_CASE("Malformed JSON in a body is 400 'JSON parse error - ...'", "[viewsets]") {
    App app;
    app.client.credentials("Token " + app.alice_key);
    const auto r = app.client.request(Method::post, "/projects/", std::string("{not json"));
    CHECK(r.status_code == 400);
    CHECK_THAT(r.data["detail"].get<std::string>(), Catch::StartsWith("JSON parse error - "));
}

TEST_CASE("Another user's object is 403 with the permission's own message; a missing or malformed pk is 404", "[viewsets]") {
    App app;
    const Project bobs = app.project_of(app.bob, "Bob's");
    app.client.force_authenticate(app.alice);
    const auto r = app.client.get("/projects/" + drf::to_string(bobs.id) + "/");
    CHECK(r.status_code == 403);
    CHECK(r.data == Json::parse(R"({"detail": "You do not own this project."})"));
    CHECK(app.client.get("/projects/" + drf::to_string(drf::uuid4()) + "/").status_code == 404);
    const auto malformed = app.client.get("/projects/not-a-uuid/");
    CHECK(malformed.status_code == 404);
    CHECK(malformed.data == Json::parse(R"({"detail": "Not found."})"));
    CHECK(app.client.remove("/projects/not-a-uuid/").status_code == 404);  // a text pk, parsed by get_object_or_404
}

TEST_CASE("A detail extra action runs on its own route; other methods there are 405", "[viewsets]") {
    App app;
    const Project mine = app.project_of(app.alice, "Mine");
    app.client.force_authenticate(app.alice);
    const std::string url = "/projects/" + drf::to_string(mine.id) + "/archive/";
    const auto r = app.client.post(url);
    CHECK(r.status_code == 204);
    CHECK(r.content.empty());
    CHECK(db::objects<Project>(app.databases.get()).get(mine.id).archived);
    const auto get = app.client.get(url);
    CHECK(get.status_code == 405);
    CHECK(get.data == Json::parse(R"({"detail": "Method \"GET\" not allowed."})"));
    CHECK(get.header("Allow") == "POST, OPTIONS");
    CHECK(app.client.get("/projects/archived/").data.size() == 1);
}

TEST_CASE("A method the route does not map is 405 with DRF's Allow header", "[viewsets]") {
    App app;
    app.client.force_authenticate(app.alice);
    const auto put = app.client.put("/projects/" + drf::to_string(drf::uuid4()) + "/", Json::object());
    CHECK(put.status_code == 405);
    CHECK(put.data == Json::parse(R"({"detail": "Method \"PUT\" not allowed."})"));
    CHECK(put.header("Allow") == "GET, DELETE, HEAD, OPTIONS");
    CHECK(app.client.remove("/projects/").header("Allow") == "GET, POST, HEAD, OPTIONS");
}

TEST_CASE("Authentication and permissions are checked before the method, as DRF does: anonymous PUT is 401", "[viewsets]") {
    App app;
    CHECK(app.client.put("/projects/" + drf::to_string(drf::uuid4()) + "/", Json::object()).status_code == 401);
}

TEST_CASE("HEAD is served wherever GET is, without a body; OPTIONS answers with Allow", "[viewsets]") {
    App app;
    const auto head = app.client.head("/ping/");
    CHECK(head.status_code == 200);
    CHECK(head.content.empty());
    const auto options = app.client.options("/ping/");
    CHECK(options.status_code == 200);
    CHECK(options.header("Allow") == "GET, HEAD, OPTIONS");
}

TEST_CASE("Unknown paths, and paths without DRF's trailing slash, are 404", "[viewsets]") {
    App app;
    for (const char* path : {"/nothing/", "/projects", "/", "/projects/a/b/c/", "/ping/x/", "/projects/x.y/"}) {
        INFO(path);
        const auto r = app.client.get(path);
        CHECK(r.status_code == 404);
        CHECK(r.data == Json::parse(R"({"detail": "Not found."})"));
    }
}

TEST_CASE("An unexpected exception in an action is a 500 with a generic body", "[viewsets]") {
    App app;
    app.client.force_authenticate(app.alice);
    app.client.validate_responses(false);  // a 500 is outside every API's contract: this test provokes one
    auto saved = drf::http::error_log();
    std::string logged;
    drf::http::error_log() = [&](std::string_view m) { logged = m; };
    const auto r = app.client.get("/projects/crash-now/");
    drf::http::error_log() = saved;
    CHECK(r.status_code == 500);
    CHECK(r.data == Json::parse(R"({"detail": "A server error occurred."})"));
    CHECK(logged == "internal detail that must not leak");
}

TEST_CASE("The viewset knows which action it is serving", "[viewsets]") {
    struct Probe : drf::viewsets::ViewSet<Probe> {
        Response list(Request&) { return Response(Json{{"action", std::string(action)}}); }
    };
    drf::routers::Router router;
    router.register_viewset<Probe>("probe");
    drf::test::APIClient client(router);
    CHECK(client.get("/probe/").data["action"] == "list");
}

TEST_CASE("force_authenticate makes requests as a user without credentials; None undoes it", "[viewsets]") {
    App app;
    app.client.force_authenticate(app.bob);
    CHECK(app.client.get("/projects/").status_code == 200);
    app.client.force_authenticate(std::nullopt);
    CHECK(app.client.get("/projects/").status_code == 401);
}

TEST_CASE("A view registered at an exact path answers GET and HEAD there, and 405 with Allow otherwise",
          "[viewsets]") {
    drf::routers::Router router;
    router.register_path("/static/app.js", [](const Request&) {
        return Response::from_text("console.log(1);", "text/javascript; charset=utf-8");
    });
    drf::test::APIClient client(router);
    const auto page = client.get("/static/app.js");
    CHECK(page.status_code == 200);
    CHECK(page.content == "console.log(1);");
    CHECK(page.header("Content-Type") == "text/javascript; charset=utf-8");
    CHECK(page.data.is_null());
    const auto head = client.head("/static/app.js");
    CHECK(head.status_code == 200);
    CHECK(head.content.empty());
    const auto post = client.post("/static/app.js");
    CHECK(post.status_code == 405);
    CHECK(post.header("Allow") == "GET, HEAD");
    CHECK(post.data == Json{{"detail", "Method \"POST\" not allowed."}});
    CHECK(client.get("/static/other.js").status_code == 404);
    CHECK_THROWS_AS(router.register_path("static/app.js", [](const Request&) { return Response(Json::object()); }),
                    std::invalid_argument);
}

}  // namespace viewsets_test
