// tests/docs/docs_http_test.cpp — the rows of the rule tables in docs/http.md, docs/pagination.md,
// docs/commands.md and docs/resources.md, the command transcripts of docs/commands.md, so a page cannot
// claim what the code does not do. The pages' own code blocks are compiled and run from the pages
// themselves (tests/docs/extract.py). Each group lives in its own named namespace.
// The resources walkthrough runs the example service's own headers (examples/projects) in process.
#include <drf/auth.hpp>
#include <drf/commands.hpp>
#include <drf/commands/createuser.hpp>
#include <drf/commands/tokens.hpp>
#include <drf/db.hpp>
#include <drf/db/sqlite.hpp>
#include <drf/http.hpp>
#include <drf/migrations.hpp>
#include <drf/pagination.hpp>
#include <drf/permissions.hpp>
#include <drf/resources.hpp>
#include <drf/routers.hpp>
#include <drf/serializers.hpp>
#include <drf/signals.hpp>
#include <drf/test/client.hpp>
#include <drf/viewsets.hpp>

#include "../../examples/projects/commands.hpp"
#include "../../examples/projects/migrations.hpp"
#include "../../examples/projects/throttling_settings.hpp"
#include "../../examples/projects/views.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <functional>
#include <memory>
#include <set>
#include <sstream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace docs_resources_walkthrough {

// =================================================================================================
// docs/http.md
// =================================================================================================

namespace docs_http_example {

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

struct ProjectCreate {  // ProjectCreateSerializer
    std::string name;
    std::string description;
    static constexpr auto fields =
        s::fields(s::char_field<&ProjectCreate::name>().max_length(200),
                  s::char_field<&ProjectCreate::description>().optional("").allow_blank());
};

struct ProjectOutput {  // ProjectOutputSerializer
    static constexpr auto fields = s::model_serializer<Project, &Project::id, &Project::name, &Project::description,
                                                       &Project::archived>();
};

struct IsOwner {  // the classic DRF IsOwner permission
    bool has_object_permission(const Request& request, const Project& project) const {
        return project.owner_id == request.user().id;
    }
};

// A DRF-style ProjectViewSet: explicit actions, and `archive` as an extra action.
struct ProjectViewSet : drf::viewsets::ViewSet<ProjectViewSet> {
    db::Databases* databases = nullptr;  // given by the router's factory, below

    static constexpr auto permission_classes = drf::permissions::IsAuthenticated{} & IsOwner{};

    Response list(Request& request) {
        const auto projects = db::objects<Project>(databases->get()).filter(db::eq(&Project::owner_id, request.user().id));
        return Response(s::render_many<ProjectOutput>(projects.all()));
    }
    Response create(Request& request) {
        s::Serializer<ProjectCreate> serializer(request.data());
        serializer.is_valid(true);  // raise_exception=True: a 400 with every error
        Project project;
        project.name = serializer.validated_data().name;
        project.description = serializer.validated_data().description;
        project.owner_id = request.user().id;
        project = db::objects<Project>(databases->get()).create(project);
        return Response(s::render<ProjectOutput>(project), status::HTTP_201_CREATED);
    }
    Response archive(Request& request, drf::Uuid pk) {  // @action(detail=True, methods=["post"])
        auto project = drf::viewsets::get_object_or_404(db::objects<Project>(databases->get()), pk);
        check_object_permissions(request, project);
        project.archived = true;
        db::objects<Project>(databases->get()).save(project, db::update_fields<&Project::archived>);
        return Response::no_content();
    }

    static constexpr auto extra_actions = drf::viewsets::actions(
        drf::viewsets::action<&ProjectViewSet::archive>("archive", drf::viewsets::detail, {Method::post}));
};

TEST_CASE("docs/http.md: the Response table, and a body given as JSON text", "[docs]") {
    Response created(Json{{"id", 1}}, status::HTTP_201_CREATED);
    created.header("Location", "/projects/1/");
    CHECK((created.status_code() == 201 && created.content() == R"({"id":1})"));
    CHECK(created.headers().get("location") == "/projects/1/");
    CHECK(!Response::no_content().has_body());
    CHECK(Response::no_content(status::HTTP_202_ACCEPTED).status_code() == 202);
    STATIC_REQUIRE_FALSE(std::is_constructible_v<Response, int>);
    CHECK(Response::from_json_text(R"({"id":1})").status_code() == 200);
    CHECK(Response::from_json_text(R"({"id":1})", status::HTTP_201_CREATED).status_code() == 201);
    const Response text_body = Response::from_json_text(R"({"id":1,"name":"caf\u00e9"})");
    CHECK(text_body.content() == R"({"id":1,"name":"caf\u00e9"})");  // as is
    CHECK(*text_body.data() == Json{{"id", 1}, {"name", "caf\xc3\xa9"}});
    CHECK(&text_body.data() == &text_body.data());  // parsed once, kept
    CHECK(text_body.has_body());
    CHECK_THROWS_AS(Response::from_json_text("{").data(), Json::parse_error);

    std::vector<Project> projects(3);
    projects[1].name = "caf\xc3\xa9 \"quoted\" \xe2\x80\xa8";
    // The page's snippet.
    std::string text;
    drf::serializers::render_many_to<ProjectOutput>(text, projects);
    const auto response = drf::http::Response::from_json_text(std::move(text));
    CHECK(response.content() == drf::http::Response(drf::serializers::render_many<ProjectOutput>(projects)).content());
    CHECK(*response.data() == drf::serializers::render_many<ProjectOutput>(projects));
}

}  // namespace docs_http_example

namespace docs_http_rules {

namespace db = drf::db;
using drf::Json;
using drf::http::Method;
using drf::http::Request;
using drf::http::Response;
namespace http = drf::http;

std::string answer(std::exception_ptr error, std::string_view challenge = "Token") {
    const Response r = http::handle_exception(std::move(error), challenge);
    std::string out = std::to_string(r.status_code()) + " " + r.content();
    if (const auto h = r.headers().get("WWW-Authenticate")) out += " [WWW-Authenticate: " + std::string(*h) + "]";
    return out;
}

template <class E>
std::string answer(E e, std::string_view challenge = "Token") {
    return answer(std::make_exception_ptr(std::move(e)), challenge);
}

TEST_CASE("docs/http.md: the exception table", "[docs]") {
    CHECK(answer(drf::ValidationError(Json{{"name", "This field is required."}})) ==
          R"(400 {"name":["This field is required."]})");
    CHECK(answer(drf::ValidationError("Name and description must differ.")) ==
          R"(400 ["Name and description must differ."])");
    CHECK(answer(http::ParseError()) == R"(400 {"detail":"Malformed request."})");
    CHECK(answer(http::AuthenticationFailed()) ==
          R"(401 {"detail":"Incorrect authentication credentials."} [WWW-Authenticate: Token])");
    CHECK(answer(http::AuthenticationFailed("Invalid token.")) == R"(401 {"detail":"Invalid token."} [WWW-Authenticate: Token])");
    CHECK(answer(http::NotAuthenticated()) ==
          R"(401 {"detail":"Authentication credentials were not provided."} [WWW-Authenticate: Token])");
    CHECK(answer(http::NotAuthenticated(), "") == R"(403 {"detail":"Authentication credentials were not provided."})");
    CHECK(answer(http::PermissionDenied()) == R"(403 {"detail":"You do not have permission to perform this action."})");
    CHECK(answer(http::PermissionDenied("You do not own this project.")) == R"(403 {"detail":"You do not own this project."})");
    CHECK(answer(http::NotFound()) == R"(404 {"detail":"Not found."})");
    CHECK(answer(http::MethodNotAllowed("PUT")) == R"(405 {"detail":"Method \"PUT\" not allowed."})");
    CHECK(answer(http::NotAcceptable()) == R"(406 {"detail":"Could not satisfy the request Accept header."})");
    CHECK(answer(http::RequestEntityTooLarge()) == R"(413 {"detail":"Request body is too large."})");
    CHECK(answer(http::UnsupportedMediaType("text/plain")) == R"(415 {"detail":"Unsupported media type \"text/plain\" in request."})");
    CHECK(answer(http::APIException(409, "Already archived.", "conflict")) == R"(409 {"detail":"Already archived."})");

    std::string logged;
    const auto saved = http::error_log();
    http::error_log() = [&](std::string_view m) { logged = m; };
    CHECK(answer(std::runtime_error("disk I/O error on /var/db")) == R"(500 {"detail":"A server error occurred."})");
    CHECK(answer(std::make_exception_ptr(42)) == R"(500 {"detail":"A server error occurred."})");
    http::error_log() = saved;
    CHECK(logged == "an exception that is not a std::exception");
}

Request with_body(std::string body, const char* content_type) {
    http::Headers h;
    if (content_type) h.add("Content-Type", content_type);
    return Request(Method::post, "/notes/", std::move(h), std::move(body));
}

TEST_CASE("docs/http.md: the request.data table", "[docs]") {
    CHECK(with_body(R"({"name": "Apollo"})", "application/json").data() == Json{{"name", "Apollo"}});
    CHECK(with_body(R"([1, 2])", "application/json; charset=utf-8").data() == Json::array({1, 2}));
    CHECK(with_body(R"({"name": "Apollo"})", "Application/JSON").data() == Json{{"name", "Apollo"}});
    CHECK(with_body("", "application/json").data() == Json::object());
    CHECK(with_body(R"({"name": "Apollo"})", "*/*").data() == Json{{"name", "Apollo"}});
    CHECK(with_body("", nullptr).data() == Json::object());
    CHECK_THROWS_WITH(with_body(R"({"name": "Apollo"})", nullptr).data(), "Unsupported media type \"\" in request.");
    CHECK_THROWS_WITH(with_body("name=Apollo", "application/x-www-form-urlencoded").data(),
                      "Unsupported media type \"application/x-www-form-urlencoded\" in request.");
    CHECK_THROWS_WITH(with_body("name=Apollo", "multipart/form-data; boundary=x").data(),
                      "Unsupported media type \"multipart/form-data; boundary=x\" in request.");
    const auto parse_error = [](std::string body) {
        try {
            with_body(std::move(body), "application/json").data();
        } catch (const http::ParseError& e) {
            return e.detail();
        }
        return std::string("no ParseError");
    };
    CHECK(parse_error(R"({"name": )") == "JSON parse error - Expecting value: line 1 column 10 (char 9)");
    CHECK(parse_error(R"({"name": "x",})") ==
          "JSON parse error - Expecting property name enclosed in double quotes: line 1 column 14 (char 13)");
    CHECK(parse_error(R"({"n": NaN})") == "JSON parse error - Out of range float values are not JSON compliant: 'NaN'");
    CHECK(parse_error("{\"name\": \"\xff\"}") ==
          "JSON parse error - 'utf-8' codec can't decode byte 0xff in position 10: invalid start byte");
    CHECK(parse_error("\xef\xbb\xbf{}") ==
          "JSON parse error - Unexpected UTF-8 BOM (decode using utf-8-sig): line 1 column 1 (char 0)");
    CHECK(with_body(R"({"a": 1, "a": 2})", "application/json").data() == Json{{"a", 2}});
    CHECK(drf::json_big_integer_text(with_body("1000000000000000000000000000000", "application/json").data()) ==
          "1000000000000000000000000000000");
    CHECK(with_body("1e400", "application/json").data().get<double>() > 1e308);  // inf
    CHECK(drf::find_lone_surrogate(with_body(R"("\ud800")", "application/json").data().get<std::string>()) == U'\xd800');
    CHECK(parse_error(std::string(65, '[') + std::string(65, ']')) ==
          "JSON parse error - Nested deeper than 64 levels: line 1 column 65 (char 64)");
    std::string items = "[";
    for (int i = 0; i < 250'000; ++i) items += "0,";
    CHECK(parse_error(items + "0]").starts_with("JSON parse error - More than 250000 array items and object members: "));
    CHECK(parse_error("1" + std::string(4300, '0')) ==
          "JSON parse error - Exceeds the limit (4300 digits) for integer string conversion: value has 4301 digits");
}

TEST_CASE("docs/http.md: the Request accessors", "[docs]") {
    http::Headers h;
    h.add("Host", "api.localhost");
    h.add("X-Request-Id", "42");
    const Request r(Method::get, "/projects/?tag=a&tag=b%2Fc&q=hello+world", h);
    CHECK(r.path() == "/projects/");
    CHECK(r.query_param("tag") == "b/c");
    CHECK(r.query_param_list("tag") == std::vector<std::string_view>{"a", "b/c"});
    CHECK(r.query_param("q") == "hello world");
    CHECK(r.header("x-request-id") == "42");
    CHECK(r.user().is_anonymous());
    CHECK(r.absolute_url({{"cursor", "x"}}) == "http://api.localhost/projects/?cursor=x");
    CHECK(Request(Method::get, "/p/").absolute_url({}) == "http://localhost/p/");
}

// A viewset that shows every kind of route, open to anyone.
struct NoteViewSet : drf::viewsets::ViewSet<NoteViewSet> {
    Response list(Request&) { return Response(Json::array()); }
    Response create(Request& request) { return Response(request.data(), http::status::HTTP_201_CREATED); }
    Response retrieve(Request&, const std::string& pk) { return Response(Json{{"pk", pk}}); }  // any text
    Response destroy(Request&, drf::Uuid) { return Response::no_content(); }                   // a UUID, or 404
    Response recent_items(Request&) { return Response(Json::array()); }
    Response pin(Request&, drf::Uuid pk) { return Response(Json{{"pinned", drf::to_string(pk)}}); }

    static constexpr auto extra_actions = drf::viewsets::actions(
        drf::viewsets::action<&NoteViewSet::recent_items>("recent_items", drf::viewsets::list),
        drf::viewsets::action<&NoteViewSet::pin>("pin", drf::viewsets::detail, {Method::post, Method::remove},
                                                 "pin-it", "pin-note"));
};

struct SecretViewSet : drf::viewsets::ViewSet<SecretViewSet> {
    static constexpr auto permission_classes = drf::permissions::IsAuthenticated{};
    Response list(Request&) { return Response(Json::array()); }
};

TEST_CASE("docs/http.md: the route table", "[docs]") {
    drf::routers::Router router;
    router.register_viewset<NoteViewSet>("notes");
    auto routes = router.routes();
    std::sort(routes.begin(), routes.end(), [](const auto& a, const auto& b) { return a.pattern < b.pattern; });
    std::vector<std::string> table;
    for (const auto& route : routes) {
        std::string line = route.pattern + " " + route.name;
        for (const auto& [m, action] : route.actions) line += " " + std::string(http::to_string(m)) + "=" + action;
        table.push_back(line);
    }
    CHECK(table == std::vector<std::string>{
                       "^notes/$ notes-list GET=list POST=create",
                       "^notes/recent_items/$ notes-recent-items GET=recent_items",
                       "^notes/{pk}/$ notes-detail GET=retrieve DELETE=destroy",
                       "^notes/{pk}/pin-it/$ notes-pin-note POST=pin DELETE=pin",
                   });
}

TEST_CASE("docs/http.md: the dispatch table", "[docs]") {
    drf::routers::Router router;  // no authenticators
    router.register_viewset<NoteViewSet>("notes");
    router.register_viewset<SecretViewSet>("secrets");
    drf::test::APIClient client(router);
    const std::string uuid = drf::to_string(drf::uuid4());

    CHECK(client.get("/notes/").status_code == 200);
    CHECK(client.get("/notes/recent_items/").status_code == 200);
    CHECK(client.get("/notes/anything/").data == Json{{"pk", "anything"}});
    CHECK(client.post("/notes/" + uuid + "/pin-it/").data == Json{{"pinned", uuid}});

    for (const char* path : {"/notes", "/nothing/", "/", "/notes/a/b/c/", "/notes/a.b/", "/notes//", "/notes/x/pin-it"}) {
        INFO(path);
        const auto r = client.get(path);
        CHECK(r.status_code == 404);
        CHECK(r.data == Json::parse(R"({"detail": "Not found."})"));
    }
    CHECK(client.remove("/notes/not-a-uuid/").status_code == 404);
    CHECK(client.post("/notes/not-a-uuid/pin-it/").status_code == 404);

    auto r = client.put("/notes/");
    CHECK(r.status_code == 405);
    CHECK(r.data == Json::parse(R"({"detail": "Method \"PUT\" not allowed."})"));
    CHECK(r.header("Allow") == "GET, POST, HEAD, OPTIONS");
    CHECK(client.patch("/notes/x/").header("Allow") == "GET, DELETE, HEAD, OPTIONS");
    CHECK(client.get("/notes/" + uuid + "/pin-it/").header("Allow") == "POST, DELETE, OPTIONS");
    CHECK(client.head("/notes/" + uuid + "/pin-it/").status_code == 405);  // no GET there, so no HEAD

    r = client.head("/notes/x/");
    CHECK(r.status_code == 200);
    CHECK(r.content.empty());
    CHECK(r.data.is_null());

    r = client.options("/notes/");
    CHECK(r.status_code == 200);
    CHECK(r.header("Allow") == "GET, POST, HEAD, OPTIONS");
    CHECK(r.data == Json::parse(R"({"renders": ["application/json"], "parses": ["application/json"]})"));

    r = client.request(Method::post, "/notes/", std::string("name=x"), "application/x-www-form-urlencoded");
    CHECK(r.status_code == 415);
    r = client.request(Method::post, "/notes/", std::string("{nope"));
    CHECK(r.status_code == 400);
    CHECK(r.data["detail"].get<std::string>().rfind("JSON parse error - ", 0) == 0);
    http::Request untyped(Method::post, "/notes/", {}, R"({"name": "x"})");  // no Content-Type: 415, as DRF
    const Response refused = router.dispatch(untyped);
    CHECK(refused.status_code() == 415);
    CHECK(refused.content() == R"({"detail":"Unsupported media type \"\" in request."})");

    // No authenticators: an anonymous request refused by IsAuthenticated is 403, not 401.
    r = client.get("/secrets/");
    CHECK(r.status_code == 403);
    CHECK(r.data == Json::parse(R"({"detail": "You do not have permission to perform this action."})"));
    CHECK_FALSE(r.header("WWW-Authenticate"));
    CHECK(client.remove("/secrets/").status_code == 403);  // permissions before the 405
    CHECK(client.options("/secrets/").status_code == 403);  // OPTIONS too, as in DRF
    drf::auth::User someone;
    someone.username = "someone";
    client.force_authenticate(someone);
    CHECK(client.get("/secrets/").status_code == 200);
    CHECK(client.remove("/secrets/").status_code == 405);
    client.force_authenticate(std::nullopt);
    CHECK(client.get("/secrets/").status_code == 403);
}

struct Tag : drf::models::Model<Tag> {
    std::string label;
    static constexpr auto meta = drf::models::meta<Tag>("tags", drf::models::field<&Tag::label>());
};

TEST_CASE("docs/http.md: get_object_or_404", "[docs]") {
    auto database = db::sqlite::open(":memory:");
    for (const auto& sql : db::create_table_sql<Tag>(database.dialect())) database.connection().execute(sql);
    Tag tag;
    tag.label = "red";
    tag = db::objects<Tag>(database).create(tag);
    Tag twin;
    twin.label = "red";
    db::objects<Tag>(database).create(twin);
    const auto tags = db::objects<Tag>(database);
    CHECK(drf::viewsets::get_object_or_404(tags, tag.id).label == "red");
    CHECK(drf::viewsets::get_object_or_404(tags, drf::to_string(tag.id)).label == "red");
    CHECK_THROWS_AS(drf::viewsets::get_object_or_404(tags, drf::uuid4()), http::NotFound);
    CHECK_THROWS_AS(drf::viewsets::get_object_or_404(tags, std::string_view("not-a-uuid")), http::NotFound);
    CHECK_THROWS_AS(drf::viewsets::get_object_or_404(tags.filter(db::eq(&Tag::label, "blue"))), http::NotFound);
    CHECK_THROWS_AS(drf::viewsets::get_object_or_404(tags.filter(db::eq(&Tag::label, "red"))), db::MultipleObjectsReturned);
}

}  // namespace docs_http_rules

// =================================================================================================
// docs/pagination.md
// =================================================================================================

namespace docs_pagination_rules {

namespace db = drf::db;
namespace pg = drf::pagination;
using drf::Json;
using drf::http::Method;
using drf::http::Request;

struct Item : drf::models::Model<Item> {
    std::string name;
    std::int64_t rank = 0;
    static constexpr auto meta = drf::models::meta<Item>("items", drf::models::field<&Item::name>(),
                                                         drf::models::field<&Item::rank>());
};

struct ItemOutput {
    static constexpr auto fields = drf::serializers::model_serializer<Item, &Item::id, &Item::name>();
};

using Sized = pg::CursorPagination<pg::Options{.page_size = 3, .page_size_query_param = "page_size", .max_page_size = 5}>;
using Fixed = pg::CursorPagination<pg::Options{.page_size = 3}>;
using ByRank = pg::CursorPagination<pg::Options{.page_size = 3, .ordering = "rank,-name"}>;

struct Store {
    db::Database database = db::sqlite::open(":memory:");
    Store() {
        for (const auto& s : db::create_table_sql<Item>(database.dialect())) database.connection().execute(s);
        for (int i = 0; i < 9; ++i) {
            Item item;
            item.name = "i" + std::to_string(i);
            item.rank = i % 3;
            db::objects<Item>(database).create(item);
        }
    }
    db::QuerySet<Item> all() { return db::objects<Item>(database).all(); }
};

template <class P>
drf::http::Response page_of(Store& store, const std::string& target) {
    Request request(Method::get, target);
    try {
        return P::template paginate<ItemOutput>(request, store.all());
    } catch (...) {
        return drf::http::handle_exception(std::current_exception());
    }
}

template <class P>
std::size_t count(Store& store, const std::string& target) {
    return page_of<P>(store, target).data()->at("results").size();
}

TEST_CASE("docs/pagination.md: the page size table", "[docs]") {
    Store store;
    CHECK(count<Sized>(store, "/items/") == 3);
    CHECK(count<Sized>(store, "/items/?page_size=2") == 2);
    CHECK(count<Sized>(store, "/items/?page_size=50") == 5);
    for (const char* fallback : {"0", "-1", "abc", "2.5", "", "1__0", "%1C2"}) {
        INFO(fallback);
        CHECK(count<Sized>(store, std::string("/items/?page_size=") + fallback) == 3);
    }
    CHECK(count<Sized>(store, "/items/?page_size=%202") == 2);
    CHECK(count<Sized>(store, "/items/?page_size=%2B2") == 2);
    CHECK(count<Sized>(store, "/items/?page_size=%EF%BC%92") == 2);  // a fullwidth 2
    CHECK(count<Sized>(store, "/items/?page_size=1_0") == 5);
    CHECK(count<Sized>(store, "/items/?page_size=99999999999999999999999") == 5);
    CHECK(count<Fixed>(store, "/items/?page_size=2") == 3);  // no page_size_query_param: ignored
}

TEST_CASE("docs/pagination.md: links are absolute and keep the other query parameters", "[docs]") {
    Store store;
    const Json body = *page_of<Sized>(store, "/items/?search=a+b&page_size=2").data();
    CHECK(body.begin().key() == "next");
    const std::string next = body["next"];
    CHECK(next.rfind("http://localhost/items/?cursor=", 0) == 0);  // DRF's links: the keys sorted, a space as +
    CHECK(next.find("&page_size=2&search=a+b") != std::string::npos);
    const std::string cursor = next.substr(7 + next.find("cursor="), next.find('&') - next.find("cursor=") - 7);
    CHECK(cursor.size() == 64);  // -created_at: 32 bytes of payload + a 16-byte tag, in base64url without padding
    CHECK(cursor.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_") == std::string::npos);
    // Following next replaces the request's cursor with the next one.
    const Json second = *page_of<Sized>(store, "/items/?page_size=2&cursor=" + cursor).data();
    const std::string again = second["next"];
    CHECK(again.rfind("http://localhost/items/?cursor=", 0) == 0);
    CHECK(again.find(cursor) == std::string::npos);
    CHECK(again.substr(again.find('&')) == "&page_size=2");
}

TEST_CASE("docs/pagination.md: invalid cursors are 404 Invalid cursor", "[docs]") {
    Store store;
    const std::string next = page_of<Fixed>(store, "/items/").data()->at("next").get<std::string>();
    const std::string good = next.substr(next.find("cursor=") + 7);
    std::string flipped = good;
    flipped[5] = flipped[5] == 'A' ? 'B' : 'A';
    // An empty ?cursor= is not here: it asks for the first page, as in DRF (docs/pagination.md).
    for (const std::string& bad : {std::string("garbage"), flipped, good.substr(0, 40), std::string(5000, 'A')}) {
        INFO(bad);
        const auto r = page_of<Fixed>(store, "/items/?cursor=" + bad);
        CHECK(r.status_code() == 404);
        CHECK(r.content() == R"({"detail":"Invalid cursor"})");
    }
    CHECK(page_of<ByRank>(store, "/items/?cursor=" + good).status_code() == 404);  // minted for another ordering
    CHECK(page_of<Fixed>(store, "/items/?cursor=" + good).status_code() == 200);
}

TEST_CASE("docs/pagination.md: rotating the secret", "[docs]") {
    Store store;
    const auto saved = pg::CursorSecrets::instance().get();
    pg::set_cursor_secret("old secret: 16 bytes or more");
    const std::string next = page_of<Fixed>(store, "/items/").data()->at("next").get<std::string>();
    const std::string target = next.substr(std::string("http://localhost").size());
    pg::set_cursor_secret("new secret: 16 bytes or more", {"old secret: 16 bytes or more"});
    CHECK(page_of<Fixed>(store, target).status_code() == 200);
    const std::string renewed = page_of<Fixed>(store, "/items/").data()->at("next").get<std::string>();
    pg::set_cursor_secret("new secret: 16 bytes or more");
    CHECK(page_of<Fixed>(store, target).status_code() == 404);
    CHECK(page_of<Fixed>(store, renewed.substr(std::string("http://localhost").size())).status_code() == 200);
    CHECK_THROWS_WITH(pg::set_cursor_secret("too short"), "drf::pagination: a cursor secret needs at least 16 bytes");
    pg::set_cursor_secret(saved->front());
}

TEST_CASE("docs/pagination.md: fetch gives the rows and the cursors without rendering", "[docs]") {
    Store store;
    Request first(Method::get, "/items/");
    const auto page = ByRank::fetch(first, store.all());
    REQUIRE(page.rows.size() == 3);
    CHECK(page.rows[0].rank == 0);
    CHECK(page.rows[0].name == "i6");  // rank ascending, then name descending
    CHECK(page.next.has_value());
    CHECK_FALSE(page.previous.has_value());
    Request second(Method::get, "/items/?cursor=" + *page.next);
    CHECK(ByRank::decode<Item>(second).has_value());
    CHECK_FALSE(ByRank::decode<Item>(first).has_value());
}

}  // namespace docs_pagination_rules

// =================================================================================================
// docs/commands.md
// =================================================================================================

namespace docs_commands_example {

// apps/users/management/commands/cleanup_inactive.py (examples/projects/commands.hpp)
class CleanupInactive : public drf::commands::Command {
public:
    explicit CleanupInactive(drf::db::Databases& databases) : databases_(databases) {}

    std::string help() const override { return "Deactivate users who haven't logged in for 90 days"; }
    void add_arguments(CLI::App& parser) override {
        parser.add_flag("--dry-run", dry_run_, "Only count the users who would be deactivated.");
        parser.add_option("--days", days_, "Inactivity threshold in days.")->check(CLI::PositiveNumber)->capture_default_str();
    }
    void handle() override {
        using drf::auth::User;
        namespace db = drf::db;
        const auto cutoff = drf::now() - boost::posix_time::hours(24 * days_);
        const auto users = db::objects<User>(databases_.get())
                               .filter(db::lt(&User::last_login, cutoff) && db::eq(&User::is_active, true));
        if (dry_run_) {
            out() << "Would deactivate " << users.count() << " users\n";
            return;
        }
        const auto count = users.update(db::set(&User::is_active, false));
        out() << "Deactivated " << count << " users\n";
    }

private:
    drf::db::Databases& databases_;
    bool dry_run_ = false;
    int days_ = 90;
};

// manage.py: the commands this program offers.
void add_commands(drf::commands::Registry& registry, drf::db::Databases& databases) {
    namespace cmd = drf::commands;
    registry.add<cmd::MigrateCommand>("migrate", std::ref(databases), drf::auth::migrations());
    registry.add<cmd::ShowMigrationsCommand>("showmigrations", std::ref(databases), drf::auth::migrations());
    registry.add<cmd::CreateUserCommand>("createuser", std::ref(databases));
    registry.add<cmd::CreateTokenCommand>("drf_create_token", std::ref(databases));
    registry.add<CleanupInactive>("cleanup_inactive", std::ref(databases));
}

// The page's main, compiled (not run: it opens app.sqlite3 in the working directory).
int example_main(int argc, char** argv) {
    drf::db::Databases databases([] { return drf::db::sqlite::open("app.sqlite3"); });
    drf::commands::Registry registry("manage");
    add_commands(registry, databases);
    return drf::commands::manage(registry, argc, argv);
}

struct Run {
    int status = 0;
    std::string out;
    std::string err;
};

// `manage <words...>` with the output captured: main's body, `drf::commands::manage(registry, argc, argv)`.
Run manage(const drf::commands::Registry& registry, std::vector<std::string> words) {
    std::vector<const char*> argv{"manage"};
    for (const auto& w : words) argv.push_back(w.c_str());
    std::ostringstream out, err;
    Run r;
    r.status = drf::commands::manage(registry, static_cast<int>(argv.size()), argv.data(), out, err);
    r.out = out.str();
    r.err = err.str();
    return r;
}

TEST_CASE("docs/commands.md: the example runs migrate, createuser and cleanup_inactive", "[docs]") {
    drf::db::Databases databases([] { return drf::db::sqlite::open(":memory:"); });
    drf::commands::Registry registry("manage");
    add_commands(registry, databases);

    auto r = manage(registry, {"migrate"});
    CHECK(r.status == 0);
    CHECK(r.out == "Running migrations:\n  Applying auth_0001_initial... OK\n");

    r = manage(registry, {"createuser", "--username", "alice"});
    CHECK(r.status == 0);
    CHECK(r.out.rfind("Created user alice. API token:\n", 0) == 0);
    CHECK(r.out.size() == std::string("Created user alice. API token:\n").size() + 41);

    // Three users: two last seen 100 days ago, one 10 days ago.
    drf::FrozenClock clock(*drf::parse_datetime("2026-06-01T00:00:00Z"));
    drf::ClockOverride use(clock);
    auto& database = databases.get();
    for (const auto& [name, days] : {std::pair{"bob", 100}, std::pair{"carol", 100}, std::pair{"dave", 10}}) {
        auto user = drf::auth::create_user(database, name);
        user.last_login = drf::now() - boost::posix_time::hours(24 * days);
        drf::db::objects<drf::auth::User>(database).save(user, drf::db::update_fields<&drf::auth::User::last_login>);
    }

    CHECK(manage(registry, {"cleanup_inactive", "--dry-run"}).out == "Would deactivate 2 users\n");
    CHECK(manage(registry, {"cleanup_inactive"}).out == "Deactivated 2 users\n");
    CHECK(manage(registry, {"cleanup_inactive"}).out == "Deactivated 0 users\n");
    CHECK(manage(registry, {"cleanup_inactive", "--days", "7"}).out == "Deactivated 1 users\n");

    // call_command, from code (a test, a data migration): the same run, the exit status returned.
    std::ostringstream out, err;
    CHECK(drf::commands::call_command(registry, "cleanup_inactive", {"--dry-run"}, out, err) == 0);
    CHECK(out.str() == "Would deactivate 0 users\n");
}

}  // namespace docs_commands_example

namespace docs_commands_rules {

using docs_commands_example::manage;
namespace cmd = drf::commands;

struct Greet : cmd::Command {
    std::string name = "world";
    std::string help() const override { return "Greets someone."; }
    void add_arguments(CLI::App& parser) override { parser.add_option("--name", name, "Who to greet."); }
    void handle() override {
        if (name == "nobody") throw cmd::CommandError("There is nobody to greet.", 3);
        if (name.empty()) throw cmd::CommandError("A name is required.");
        if (name == "disk") throw std::runtime_error("disk full");
        out() << "Hello, " << name << "\n";
    }
};

struct App {
    drf::db::Databases databases{[] { return drf::db::sqlite::open(":memory:"); }};
    cmd::Registry registry{"manage"};
    App() {
        docs_commands_example::add_commands(registry, databases);
        registry.add<Greet>("greet");
    }
};

TEST_CASE("docs/commands.md: errors, unknown commands and bad options", "[docs]") {
    App app;
    auto r = manage(app.registry, {"greet", "--name", "nobody"});
    CHECK(r.status == 3);
    CHECK(r.err == "CommandError: There is nobody to greet.\n");
    r = manage(app.registry, {"greet", "--name", ""});
    CHECK(r.status == 1);
    CHECK(r.err == "CommandError: A name is required.\n");
    r = manage(app.registry, {"greet", "--name", "disk"});  // any other std::exception
    CHECK(r.status == 1);
    CHECK(r.err == "Error: disk full\n");

    r = manage(app.registry, {"frobnicate"});
    CHECK(r.status == 1);
    CHECK(r.err == "Unknown command: 'frobnicate'\nType 'manage help' for usage.\n");

    r = manage(app.registry, {"greet", "--nope"});
    CHECK(r.status == 2);
    CHECK(r.err == "manage greet: error: The following argument was not expected: --nope\n"
                   "Type 'manage help greet' for usage.\n");

    r = manage(app.registry, {"cleanup_inactive", "--days", "0"});
    CHECK(r.status == 2);
    CHECK_THAT(r.err, Catch::StartsWith("manage cleanup_inactive: error: --days: Value 0 not in range 0.000000 to ") &&
                          Catch::EndsWith("\nType 'manage help cleanup_inactive' for usage.\n"));

    r = manage(app.registry, {"createuser"});
    CHECK(r.status == 2);
    CHECK(r.err == "manage createuser: error: --username is required\nType 'manage help createuser' for usage.\n");

    r = manage(app.registry, {"cleanup_inactive", "--days", "abc"});
    CHECK(r.status == 2);
    CHECK_THAT(r.err, Catch::StartsWith("manage cleanup_inactive: error: "));
}

TEST_CASE("docs/commands.md: help", "[docs]") {
    App app;
    const auto all = manage(app.registry, {});
    CHECK(all.status == 0);
    CHECK(all.out == "Type 'manage help <subcommand>' for help on a specific subcommand.\n\n"
                     "Available subcommands:\n"
                     "    cleanup_inactive    Deactivate users who haven't logged in for 90 days\n"
                     "    createuser          Creates a user and prints an API token for it.\n"
                     "    drf_create_token    Creates a new API token for an existing user.\n"
                     "    greet               Greets someone.\n"
                     "    migrate             Updates the database schema: applies the migrations not applied yet.\n"
                     "    showmigrations      Shows all migrations: [X] applied, [ ] not applied.\n");
    CHECK(manage(app.registry, {"help"}).out == all.out);
    CHECK(manage(app.registry, {"--help"}).out == all.out);
    const auto one = manage(app.registry, {"help", "cleanup_inactive"});
    CHECK(one.status == 0);
    CHECK_THAT(one.out, Catch::Contains("--dry-run"));
    CHECK_THAT(one.out, Catch::Contains("Inactivity threshold in days."));
    CHECK(manage(app.registry, {"cleanup_inactive", "--help"}).out == one.out);
}

TEST_CASE("docs/commands.md: migrate and showmigrations", "[docs]") {
    App app;
    CHECK(manage(app.registry, {"showmigrations"}).out == " [ ] auth_0001_initial\n");
    CHECK(manage(app.registry, {"migrate", "--plan"}).out == "Planned operations:\nauth_0001_initial\n");
    CHECK(manage(app.registry, {"migrate", "--fake"}).out == "Running migrations:\n  Applying auth_0001_initial... FAKED\n");
    CHECK(manage(app.registry, {"showmigrations"}).out == " [X] auth_0001_initial\n");
    CHECK(manage(app.registry, {"migrate", "--plan"}).out == "Planned operations:\n  No planned migration operations.\n");
    CHECK(manage(app.registry, {"migrate"}).out == "Running migrations:\n  No migrations to apply.\n");

    drf::db::Databases databases{[] { return drf::db::sqlite::open(":memory:"); }};
    cmd::Registry broken{"manage"};
    broken.add<cmd::MigrateCommand>("migrate", std::ref(databases),
                                    std::vector<drf::migrations::Migration>{{"0001_broken", {}, {drf::migrations::run_sql("NOT SQL")}, {}}});
    const auto r = manage(broken, {"migrate"});
    CHECK(r.status == 1);
    CHECK(r.out == "Running migrations:\n  Applying 0001_broken... FAILED\n");
    CHECK_THAT(r.err, Catch::StartsWith("CommandError: The migration failed and was rolled back: "));
}

TEST_CASE("docs/commands.md: createuser and drf_create_token", "[docs]") {
    App app;
    manage(app.registry, {"migrate"});
    auto r = manage(app.registry, {"createuser", "--username", "root", "--email", "Root@Example.COM", "--staff"});
    CHECK(r.status == 0);
    CHECK(r.out.rfind("Created staff user root. API token:\n", 0) == 0);
    const std::string key = r.out.substr(r.out.size() - 41, 40);
    const auto root = drf::auth::user_for_token(app.databases.get(), key);
    REQUIRE(root);
    CHECK(root->is_staff);
    CHECK(root->email == "Root@example.com");

    r = manage(app.registry, {"createuser", "--username", "root"});
    CHECK(r.status == 1);
    CHECK(r.err == "CommandError: A user with that username already exists.\n");
    r = manage(app.registry, {"createuser", "--username", ""});
    CHECK(r.status == 1);
    CHECK(r.err == "CommandError: The given username must be set\n");

    r = manage(app.registry, {"drf_create_token", "root"});
    CHECK(r.status == 0);
    CHECK(r.out.rfind("Generated token ", 0) == 0);
    CHECK(r.out.size() == std::string("Generated token ").size() + 40 + std::string(" for user root\n").size());
    CHECK(r.out.substr(r.out.size() - 15) == " for user root\n");
    const std::string second = r.out.substr(16, 40);
    CHECK(second != key);
    CHECK(drf::auth::user_for_token(app.databases.get(), key));  // the first token still works

    r = manage(app.registry, {"drf_create_token", "nobody"});
    CHECK(r.status == 1);
    CHECK(r.err == "CommandError: Cannot create the Token: user nobody does not exist\n");
    r = manage(app.registry, {"drf_create_token"});
    CHECK(r.status == 2);
    CHECK(r.err == "manage drf_create_token: error: username is required\nType 'manage help drf_create_token' for usage.\n");
    r = manage(app.registry, {"createuser", "--username", std::string(151, 'u')});
    CHECK(r.status == 1);
    CHECK(r.err == "CommandError: username: Ensure this value has at most 150 characters (it has 151).\n");
}

}  // namespace docs_commands_rules

// =================================================================================================
// docs/resources.md
// =================================================================================================

namespace db = drf::db;
using drf::Json;
using drf::http::Method;

// examples/projects/app.hpp's migrations and wiring, without runserver (which needs drf::server).
using projects::migrations;

struct Service {
    db::Databases databases{[] { return db::sqlite::open(":memory:"); }};
    drf::signals::ScopedConnection profile_receiver = drf::signals::post_save<drf::auth::User>.connect(
        [this](const drf::auth::User& user, const drf::signals::SaveInfo& info) {
            if (!info.created) return;
            projects::Profile profile;
            profile.user_id = user.id;
            db::objects<projects::Profile>(databases.get()).create(profile);
        },
        {.dispatch_uid = "create_user_profile", .name = "create_user_profile"});
    drf::routers::Router router{drf::views::Context{
        .authenticators = {std::make_shared<drf::auth::TokenAuthentication>(databases)},
        .throttling = projects::throttle_settings(databases)}};
    drf::commands::Registry commands{"projects"};

    Service() {
        router.register_viewset<projects::ProjectViewSet>("api/projects", [this] { return projects::ProjectViewSet(databases); });
        router.register_viewset<projects::AnnouncementViewSet>("api/announcements",
                                                               [this] { return projects::AnnouncementViewSet(databases); });
        router.register_viewset<projects::MeViewSet>(
            "api/me", [this] { return projects::MeViewSet(drf::views::Context{.databases = &databases}); });
        namespace cmd = drf::commands;
        commands.add<cmd::MigrateCommand>("migrate", std::ref(databases), migrations());
        commands.add<cmd::CreateUserCommand>("createuser", std::ref(databases));
        commands.add<projects::CleanupInactive>("cleanup_inactive", std::ref(databases));
    }

    // `projects createuser --username NAME | tail -n 1`
    std::string createuser(std::vector<std::string> args) {
        args.insert(args.begin(), "createuser");
        const auto r = docs_commands_example::manage(commands, args);
        REQUIRE(r.status == 0);
        return r.out.substr(r.out.size() - 41, 40);
    }
};

TEST_CASE("docs/resources.md: the walkthrough's requests, against examples/projects", "[docs]") {
    Service svc;
    const auto migrated = docs_commands_example::manage(svc.commands, {"migrate"});
    CHECK(migrated.out ==
          "Running migrations:\n  Applying auth_0001_initial... OK\n  Applying throttling_0001_initial... OK\n"
          "  Applying projects_0001_initial... OK\n  Applying projects_0002_project_owner_created_at... OK\n"
          "  Applying projects_0003_list_orderings... OK\n  Applying projects_0004_track_changes... OK\n");
    const std::string alice = svc.createuser({"--username", "alice"});
    const std::string bob = svc.createuser({"--username", "bob"});
    const std::string root = svc.createuser({"--username", "root", "--staff"});
    drf::test::APIClient client(svc.router);

    auto routes = svc.router.routes();
    std::sort(routes.begin(), routes.end(), [](const auto& a, const auto& b) { return a.pattern < b.pattern; });
    std::vector<std::string> table;
    for (const auto& route : routes) {
        std::string line = route.pattern + " " + route.name;
        for (const auto& [m, action] : route.actions) line += " " + std::string(drf::http::to_string(m)) + "=" + action;
        table.push_back(line);
    }
    CHECK(table == std::vector<std::string>{
                       "^api/announcements/$ announcements-list GET=list POST=create",
                       "^api/announcements/{pk}/$ announcements-detail GET=retrieve",
                       "^api/me/$ me-list GET=list",
                       "^api/projects/$ projects-list GET=list POST=create",
                       "^api/projects/{pk}/$ projects-detail GET=retrieve PATCH=partial_update DELETE=destroy",
                       "^api/projects/{pk}/archive/$ projects-archive POST=archive",
                   });

    auto r = client.get("/api/projects/");
    CHECK(r.status_code == 401);
    CHECK(r.header("WWW-Authenticate") == "Token");

    client.credentials("Token " + alice);
    r = client.post("/api/projects/", {{"name", "Apollo"}, {"owner", "mallory"}, {"archived", true}});
    CHECK(r.status_code == 201);
    std::vector<std::string> keys;
    for (const auto& item : r.data.items()) keys.push_back(item.key());
    CHECK(keys == std::vector<std::string>{"id", "name", "description", "owner", "archived", "created_at", "updated_at"});
    CHECK(r.data["owner"] == "alice");
    CHECK(r.data["archived"] == false);
    const std::string url = "/api/projects/" + r.data["id"].get<std::string>() + "/";

    r = client.patch(url, {{"description", "To the moon"}});
    CHECK(r.status_code == 200);
    CHECK(r.data["description"] == "To the moon");
    CHECK(r.data["owner"] == "alice");
    r = client.put(url, {{"name", "y"}});
    CHECK(r.status_code == 405);
    CHECK(r.header("Allow") == "GET, PATCH, DELETE, HEAD, OPTIONS");
    CHECK(client.post(url + "archive/").status_code == 204);

    for (int i = 0; i < 30; ++i) client.post("/api/projects/", {{"name", "p" + std::to_string(i)}});
    r = client.get("/api/projects/?page_size=10");
    CHECK(r.data["results"].size() == 10);
    CHECK(r.data["results"][0]["owner"] == "alice");  // loaded by the prepare hook
    CHECK(r.data["next"].get<std::string>().rfind("http://testserver/api/projects/?cursor=", 0) == 0);
    CHECK(r.data["next"].get<std::string>().find("&page_size=10") != std::string::npos);
    CHECK(client.get("/api/projects/?page_size=1000").data["results"].size() == 31);
    CHECK(client.get("/api/projects/").data["results"].size() == 25);
    CHECK(client.get("/api/projects/?cursor=garbage").status_code == 404);

    client.credentials("Token " + bob);
    CHECK(client.get("/api/projects/").data["results"].empty());
    r = client.get(url);
    CHECK(r.status_code == 403);
    CHECK(r.data == Json::parse(R"({"detail": "You do not have permission to perform this action."})"));
    CHECK(client.remove(url).status_code == 403);

    client.credentials("");
    r = client.get("/api/announcements/");
    CHECK(r.status_code == 200);
    CHECK(r.data == Json::parse(R"({"next": null, "previous": null, "results": []})"));
    CHECK(client.post("/api/announcements/", {{"title", "Hi"}}).status_code == 401);
    client.credentials("Token " + alice);
    CHECK(client.post("/api/announcements/", {{"title", "Hi"}}).status_code == 403);
    client.credentials("Token " + root);
    CHECK(client.post("/api/announcements/", {{"title", "Hi"}, {"body", "There"}}).status_code == 201);

    client.credentials("Token " + alice);
    r = client.get("/api/me/");
    CHECK(r.data == Json::parse(R"({"username": "alice", "is_staff": false, "profile": {"bio": ""}})"));
    CHECK(client.remove(url).status_code == 204);

    CHECK(docs_commands_example::manage(svc.commands, {"cleanup_inactive", "--dry-run"}).out == "Would deactivate 0 users\n");
}

}  // namespace docs_resources_walkthrough
