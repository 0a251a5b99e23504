// tests/openapi/generator_test.cpp — SchemaGenerator over a router: drf-spectacular's operationIds, tags
// and path order, the path parameter, each action's defaults, extend_schema, the error responses,
// security, and the warnings; one rule per test case.
#include <drf/auth/base.hpp>
#include <drf/models.hpp>
#include <drf/openapi.hpp>
#include <drf/pagination.hpp>
#include <drf/permissions.hpp>
#include <drf/resources.hpp>
#include <drf/routers.hpp>
#include <drf/serializers.hpp>
#include <drf/viewsets.hpp>

#include <catch2/catch.hpp>

#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace generator_test {

namespace s = drf::serializers;
namespace oa = drf::openapi;
using drf::Json;
using drf::http::Method;
using drf::http::Request;
using drf::http::Response;

struct Gadget : drf::models::Model<Gadget> {
    std::string name;
    bool archived = false;
    static constexpr auto meta = drf::models::meta<Gadget>("gadgets", drf::models::field<&Gadget::name>().max_length(50),
                                                           drf::models::field<&Gadget::archived>());
};

struct GadgetInput : s::model_serializer<Gadget, &Gadget::name> {};
struct GadgetOutput : s::model_serializer<Gadget, &Gadget::id, &Gadget::name, &Gadget::archived> {};

using GadgetPagination = drf::pagination::CursorPagination<drf::pagination::Options{.page_size = 10}>;
using GadgetResource = drf::resources::Resource<Gadget, GadgetInput, GadgetOutput, GadgetPagination,
                                                drf::permissions::IsAuthenticatedOrReadOnly{}>;

// Every standard action, an extra action described by extend_schema and one left to the defaults.
struct GadgetViewSet : drf::resources::ResourceViewSet<GadgetViewSet, GadgetResource> {
    Response list(Request&) { return Response(Json::object()); }
    Response create(Request&) { return Response(Json::object()); }
    Response retrieve(Request&, drf::Uuid) { return Response(Json::object()); }
    Response update(Request&, drf::Uuid) { return Response(Json::object()); }
    Response partial_update(Request&, drf::Uuid) { return Response(Json::object()); }
    Response destroy(Request&, drf::Uuid) { return Response::no_content(); }
    Response archive(Request&, drf::Uuid) { return Response::no_content(); }
    Response rename(Request&, drf::Uuid) { return Response(Json::object()); }
    Response recent(Request&) { return Response(Json::array()); }

    static constexpr auto extra_actions = drf::viewsets::actions(
        drf::viewsets::action<&GadgetViewSet::archive>("archive", drf::viewsets::detail, {Method::post}),
        drf::viewsets::action<&GadgetViewSet::rename>("rename", drf::viewsets::detail, {Method::post}),
        drf::viewsets::action<&GadgetViewSet::recent>("recent", drf::viewsets::list, {Method::get}, "recent-ones"));

    static constexpr auto schema = oa::extend_schema(
        oa::action<&GadgetViewSet::archive>(oa::no_body, oa::responses(oa::no_content(204)), oa::summary("Archive a gadget"),
                                            oa::description("Archived gadgets stay listed.")),
        oa::action<&GadgetViewSet::recent>(oa::responses(oa::response<GadgetOutput>(200, oa::many))));
};

// A plain ViewSet: one action declared, one not.
struct StatusViewSet : drf::viewsets::ViewSet<StatusViewSet> {
    Response list(Request&) { return Response(Json::object()); }
    Response create(Request&) { return Response(Json::object()); }
    static constexpr auto schema =
        oa::extend_schema(oa::action<&StatusViewSet::list>(oa::responses(oa::response<GadgetOutput>(200))));
};

struct HiddenViewSet : drf::viewsets::ViewSet<HiddenViewSet> {
    Response list(Request&) { return Response(Json::object()); }
    static constexpr auto schema = oa::extend_schema(oa::exclude);
};

// Authenticators as the generator sees them: a scheme and a challenge, or neither.
struct KeyAuthentication : drf::auth::BaseAuthentication {
    std::optional<drf::auth::User> authenticate(const Request&) const override { return std::nullopt; }
    std::string authenticate_header(const Request&) const override { return "Key"; }
    std::string_view name() const override { return "KeyAuthentication"; }
    std::optional<std::pair<std::string, Json>> openapi_security_scheme() const override {
        return std::pair<std::string, Json>{"keyAuth", Json{{"type", "apiKey"}, {"in", "header"}, {"name", "Authorization"}}};
    }
};
struct SecretAuthentication : drf::auth::BaseAuthentication {
    std::optional<drf::auth::User> authenticate(const Request&) const override { return std::nullopt; }
    std::string_view name() const override { return "SecretAuthentication"; }
};

drf::auth::Authenticators key_auth() { return {std::make_shared<KeyAuthentication>()}; }

Json document(const drf::routers::Router& router, const drf::auth::Authenticators& authenticators = key_auth()) {
    return oa::SchemaGenerator({"Gadgets", "1.0.0", ""}).get_schema(router.endpoints(), authenticators);
}

drf::routers::Router gadgets_and_status() {
    drf::routers::Router router;
    router.register_viewset<GadgetViewSet>("api/gadgets");
    router.register_viewset<StatusViewSet>("api/status");
    return router;
}

std::vector<std::string> operation_ids(const Json& doc) {
    std::vector<std::string> out;
    for (const auto& [path, item] : doc["paths"].items())
        for (const auto& [method, op] : item.items()) out.push_back(path + " " + method + " " + op["operationId"].get<std::string>());
    return out;
}

TEST_CASE("Router::endpoints lists each viewset's routes with OpenAPI paths, in registration order", "[openapi]") {
    const auto endpoints = gadgets_and_status().endpoints();
    REQUIRE(endpoints.size() == 2);
    CHECK(endpoints[0].prefix == "api/gadgets");
    CHECK(endpoints[0].basename == "gadgets");
    REQUIRE(endpoints[0].routes.size() == 5);
    CHECK(endpoints[0].routes[0].path == "/api/gadgets/");
    CHECK(endpoints[0].routes[1].path == "/api/gadgets/{id}/");
    CHECK(endpoints[0].routes[1].detail);
    CHECK(endpoints[0].routes[2].path == "/api/gadgets/{id}/archive/");
    CHECK(endpoints[0].routes[4].path == "/api/gadgets/recent-ones/");
    CHECK(endpoints[0].routes[0].actions ==
          std::vector<std::pair<Method, std::string>>{{Method::get, "list"}, {Method::post, "create"}});
    CHECK(endpoints[1].routes[0].path == "/api/status/");
}

TEST_CASE("The document is OpenAPI 3.1.0 with the info given", "[openapi]") {
    const Json doc = oa::SchemaGenerator({"Gadgets", "2.1.0", "Every gadget."}).get_schema(gadgets_and_status().endpoints(), key_auth());
    CHECK(doc["openapi"] == "3.1.0");
    CHECK(doc["info"] == Json{{"title", "Gadgets"}, {"version", "2.1.0"}, {"description", "Every gadget."}});
    CHECK(document(gadgets_and_status())["info"] == Json{{"title", "Gadgets"}, {"version", "1.0.0"}});
}

// "{" sorts as "!", before any letter: /api/gadgets/{id}/ comes before /api/gadgets/recent-ones/.
TEST_CASE("operationIds and paths follow drf-spectacular: path tokens after the common prefix, then the action", "[openapi]") {
    CHECK(operation_ids(document(gadgets_and_status())) ==
          std::vector<std::string>{"/api/gadgets/ get gadgets_list",
                                   "/api/gadgets/ post gadgets_create",
                                   "/api/gadgets/{id}/ get gadgets_retrieve",
                                   "/api/gadgets/{id}/ put gadgets_update",
                                   "/api/gadgets/{id}/ patch gadgets_partial_update",
                                   "/api/gadgets/{id}/ delete gadgets_destroy",
                                   "/api/gadgets/{id}/archive/ post gadgets_archive_create",
                                   "/api/gadgets/{id}/rename/ post gadgets_rename_create",
                                   "/api/gadgets/recent-ones/ get gadgets_recent_ones_list",
                                   "/api/status/ get status_list",
                                   "/api/status/ post status_create"});
}

TEST_CASE("With a single viewset the operationIds and tags keep the whole path, as drf-spectacular's", "[openapi]") {
    drf::routers::Router router;
    router.register_viewset<StatusViewSet>("api/status");
    const Json doc = document(router);
    CHECK(doc["paths"]["/api/status/"]["get"]["operationId"] == "api_status_list");
    CHECK(doc["paths"]["/api/status/"]["get"]["tags"] == Json::array({"api"}));
}

TEST_CASE("A plain ViewSet's list is named _list when it answers a serializer, even one object, as drf-spectacular's",
          "[openapi]") {
    struct Undeclared : drf::viewsets::ViewSet<Undeclared> {
        Response list(Request&) { return Response(Json::object()); }
    };
    drf::routers::Router router;
    router.register_viewset<StatusViewSet>("api/status");
    router.register_viewset<Undeclared>("api/undeclared");
    const Json doc = document(router);
    CHECK(doc["paths"]["/api/status/"]["get"]["operationId"] == "status_list");
    CHECK(doc["paths"]["/api/status/"]["get"]["responses"]["200"]["content"]["application/json"]["schema"] ==
          Json{{"$ref", "#/components/schemas/GadgetOutput"}});
    // Nothing says what it answers: drf-spectacular names it by its method.
    CHECK(doc["paths"]["/api/undeclared/"]["get"]["operationId"] == "undeclared_retrieve");
}

TEST_CASE("Each operation is tagged with the first path token after the common prefix", "[openapi]") {
    const Json doc = document(gadgets_and_status());
    CHECK(doc["paths"]["/api/gadgets/{id}/archive/"]["post"]["tags"] == Json::array({"gadgets"}));
    CHECK(doc["paths"]["/api/status/"]["get"]["tags"] == Json::array({"status"}));
}

TEST_CASE("A detail route's id is a path parameter in UUID format, described with the model's verbose name", "[openapi]") {
    const Json doc = document(gadgets_and_status());
    const Json expected{{"in", "path"},
                        {"name", "id"},
                        {"schema", {{"type", "string"}, {"format", "uuid"}}},
                        {"description", "A UUID string identifying this gadget."},
                        {"required", true}};
    CHECK(doc["paths"]["/api/gadgets/{id}/"]["get"]["parameters"] == Json::array({expected}));
    CHECK(doc["paths"]["/api/gadgets/{id}/archive/"]["post"]["parameters"] == Json::array({expected}));
    CHECK_FALSE(doc["paths"]["/api/gadgets/"]["post"].contains("parameters"));
}

struct TextKeyViewSet : drf::viewsets::ViewSet<TextKeyViewSet> {
    Response retrieve(Request&, const std::string&) { return Response(Json::object()); }
    static constexpr auto schema = oa::extend_schema(oa::action<&TextKeyViewSet::retrieve>(oa::responses(oa::any_json())));
};
struct UuidKeyViewSet : drf::viewsets::ViewSet<UuidKeyViewSet> {
    Response retrieve(Request&, drf::Uuid) { return Response(Json::object()); }
    static constexpr auto schema = oa::extend_schema(oa::action<&UuidKeyViewSet::retrieve>(oa::responses(oa::any_json())));
};

TEST_CASE("A plain ViewSet's detail routes take {pk}, in UUID format when its actions take a drf::Uuid", "[openapi]") {
    drf::routers::Router router;
    router.register_viewset<TextKeyViewSet>("api/texts");
    router.register_viewset<UuidKeyViewSet>("api/uuids");
    const Json doc = document(router);
    CHECK(doc["paths"]["/api/texts/{pk}/"]["get"]["parameters"] ==
          Json::array({Json{{"in", "path"}, {"name", "pk"}, {"schema", {{"type", "string"}}}, {"required", true}}}));
    CHECK(doc["paths"]["/api/uuids/{pk}/"]["get"]["parameters"] ==
          Json::array({Json{{"in", "path"}, {"name", "pk"}, {"schema", {{"type", "string"}, {"format", "uuid"}}}, {"required", true}}}));
}

TEST_CASE("A ResourceViewSet's create takes the input serializer and answers 201 with the output serializer", "[openapi]") {
    const Json op = document(gadgets_and_status())["paths"]["/api/gadgets/"]["post"];
    CHECK(op["requestBody"]["content"]["application/json"]["schema"] == Json{{"$ref", "#/components/schemas/GadgetInput"}});
    CHECK(op["responses"]["201"]["content"]["application/json"]["schema"] == Json{{"$ref", "#/components/schemas/GadgetOutput"}});
    CHECK(op["responses"]["201"]["description"] == "");
}

TEST_CASE("A ResourceViewSet's partial_update takes the Patched input serializer, and destroy answers 204 without a body",
          "[openapi]") {
    const Json doc = document(gadgets_and_status());
    CHECK(doc["paths"]["/api/gadgets/{id}/"]["patch"]["requestBody"]["content"]["application/json"]["schema"] ==
          Json{{"$ref", "#/components/schemas/PatchedGadgetInput"}});
    CHECK_FALSE(doc["paths"]["/api/gadgets/{id}/"]["patch"]["requestBody"].contains("required"));
    CHECK(doc["paths"]["/api/gadgets/{id}/"]["delete"]["responses"]["204"] == Json{{"description", "No response body"}});
}

struct Note {
    std::string text;
    static constexpr auto fields = s::fields(s::char_field<&Note::text>().optional("").allow_blank());
};
struct NoteViewSet : drf::viewsets::ViewSet<NoteViewSet> {
    Response create(Request&) { return Response(Json::object()); }
    static constexpr auto schema = oa::extend_schema(
        oa::action<&NoteViewSet::create>(oa::request<Note>(), oa::responses(oa::response<Note>(201))));
};

TEST_CASE("A request body is required when its serializer requires a field, as drf-spectacular decides", "[openapi]") {
    drf::routers::Router router = gadgets_and_status();
    router.register_viewset<NoteViewSet>("api/notes");
    const Json doc = document(router);
    CHECK(doc["paths"]["/api/gadgets/"]["post"]["requestBody"]["required"] == true);
    CHECK_FALSE(doc["paths"]["/api/notes/"]["post"]["requestBody"].contains("required"));
    CHECK(doc["paths"]["/api/notes/"]["post"]["requestBody"]["content"]["application/json"]["schema"] ==
          Json{{"$ref", "#/components/schemas/Note"}});
    CHECK(doc["paths"]["/api/notes/"]["post"]["responses"]["201"]["content"]["application/json"]["schema"] ==
          Json{{"$ref", "#/components/schemas/Note"}});
}

TEST_CASE("A ResourceViewSet's list is paginated, with the paginator's query parameters", "[openapi]") {
    const Json op = document(gadgets_and_status())["paths"]["/api/gadgets/"]["get"];
    CHECK(op["responses"]["200"]["content"]["application/json"]["schema"] ==
          Json{{"$ref", "#/components/schemas/PaginatedGadgetOutputList"}});
    REQUIRE(op.contains("parameters"));
    CHECK(op["parameters"][0]["name"] == "cursor");
}

TEST_CASE("An extra action without extend_schema takes the input serializer and answers 200 with the output serializer",
          "[openapi]") {
    const Json op = document(gadgets_and_status())["paths"]["/api/gadgets/{id}/rename/"]["post"];
    CHECK(op["requestBody"]["content"]["application/json"]["schema"] == Json{{"$ref", "#/components/schemas/GadgetInput"}});
    CHECK(op["responses"]["200"]["content"]["application/json"]["schema"] == Json{{"$ref", "#/components/schemas/GadgetOutput"}});
}

TEST_CASE("extend_schema declares an action's body, responses, summary and description", "[openapi]") {
    const Json doc = document(gadgets_and_status());
    const Json archive = doc["paths"]["/api/gadgets/{id}/archive/"]["post"];
    CHECK_FALSE(archive.contains("requestBody"));
    CHECK(archive["summary"] == "Archive a gadget");
    CHECK(archive["description"] == "Archived gadgets stay listed.");
    CHECK(archive["responses"]["204"] == Json{{"description", "No response body"}});
    CHECK_FALSE(archive["responses"].contains("415"));
    const Json recent = doc["paths"]["/api/gadgets/recent-ones/"]["get"];
    CHECK(recent["responses"]["200"]["content"]["application/json"]["schema"] ==
          Json{{"type", "array"}, {"items", {{"$ref", "#/components/schemas/GadgetOutput"}}}});
}

struct RenamedViewSet : drf::viewsets::ViewSet<RenamedViewSet> {
    Response list(Request&) { return Response(Json::object()); }
    static constexpr auto schema = oa::extend_schema(
        oa::tags("admin"), oa::action<&RenamedViewSet::list>(oa::operation_id("everything"), oa::tags("a", "b"),
                                                              oa::responses(oa::any_json(200))));
};
struct TaggedViewSet : drf::viewsets::ViewSet<TaggedViewSet> {
    Response list(Request&) { return Response(Json::object()); }
    static constexpr auto schema = oa::extend_schema(oa::tags("admin"), oa::action<&TaggedViewSet::list>(oa::responses(oa::any_json())));
};

TEST_CASE("extend_schema's operation_id and tags replace drf-spectacular's, for an action or the whole viewset", "[openapi]") {
    drf::routers::Router router;
    router.register_viewset<RenamedViewSet>("api/renamed");
    router.register_viewset<TaggedViewSet>("api/tagged");
    const Json doc = document(router);
    CHECK(doc["paths"]["/api/renamed/"]["get"]["operationId"] == "everything");
    CHECK(doc["paths"]["/api/renamed/"]["get"]["tags"] == Json::array({"a", "b"}));
    CHECK(doc["paths"]["/api/tagged/"]["get"]["tags"] == Json::array({"admin"}));
    CHECK(doc["paths"]["/api/tagged/"]["get"]["responses"]["200"]["content"]["application/json"]["schema"] == Json::object());
}

TEST_CASE("extend_schema's exclude leaves the viewset out of the document", "[openapi]") {
    drf::routers::Router router = gadgets_and_status();
    router.register_viewset<HiddenViewSet>("api/hidden");
    const Json doc = document(router);
    CHECK_FALSE(doc["paths"].contains("/api/hidden/"));
}

TEST_CASE("A plain ViewSet's action without extend_schema documents any JSON (201 for create), and the generator warns",
          "[openapi]") {
    oa::SchemaGenerator generator({"Gadgets", "1.0.0", ""});
    const Json doc = generator.get_schema(gadgets_and_status().endpoints(), key_auth());
    const Json create = doc["paths"]["/api/status/"]["post"];
    CHECK(create["requestBody"]["content"]["application/json"]["schema"] == Json::object());
    CHECK(create["responses"]["201"]["content"]["application/json"]["schema"] == Json::object());
    // Whatever validates the body reports its errors as an object, or the body is malformed.
    CHECK(create["responses"]["400"]["content"]["application/json"]["schema"] ==
          Json::parse(R"({"anyOf": [{"type": "object"}, {"$ref": "#/components/schemas/ErrorDetail"}]})"));
    CHECK(generator.warnings() ==
          std::vector<std::string>{
              "StatusViewSet.create (POST): no response declared (drf::openapi::extend_schema(drf::openapi::action<&"
              "StatusViewSet::create>(drf::openapi::responses(...)))); documented as any JSON",
              "StatusViewSet.create (POST): no request body declared (drf::openapi::request<S>() or drf::openapi::no_body); "
              "documented as any JSON"});
    const Json list = doc["paths"]["/api/status/"]["get"];
    CHECK(list["responses"]["200"]["content"]["application/json"]["schema"] == Json{{"$ref", "#/components/schemas/GadgetOutput"}});
}

TEST_CASE("Security lists every authenticator's scheme, and {} where anonymous requests are allowed", "[openapi]") {
    const Json doc = document(gadgets_and_status());
    CHECK(doc["paths"]["/api/gadgets/"]["get"]["security"] == Json::array({Json{{"keyAuth", Json::array()}}, Json::object()}));
    CHECK(doc["paths"]["/api/gadgets/"]["post"]["security"] == Json::array({Json{{"keyAuth", Json::array()}}}));
    CHECK(doc["components"]["securitySchemes"] ==
          Json{{"keyAuth", {{"type", "apiKey"}, {"in", "header"}, {"name", "Authorization"}}}});
}

TEST_CASE("Without authenticators there are no security schemes and no 401", "[openapi]") {
    const Json doc = document(gadgets_and_status(), {});
    CHECK_FALSE(doc["components"].contains("securitySchemes"));
    CHECK(doc["paths"]["/api/gadgets/"]["get"]["security"] == Json::array({Json::object()}));
    CHECK_FALSE(doc["paths"]["/api/gadgets/"]["post"].contains("security"));
    CHECK_FALSE(doc["paths"]["/api/gadgets/"]["post"]["responses"].contains("401"));
}

TEST_CASE("An authenticator without an OpenAPI security scheme is an error naming it", "[openapi]") {
    const drf::auth::Authenticators authenticators{std::make_shared<KeyAuthentication>(), std::make_shared<SecretAuthentication>()};
    CHECK_THROWS_WITH(document(gadgets_and_status(), authenticators),
                      "drf::openapi::SchemaGenerator: the authenticator 'SecretAuthentication' has no OpenAPI security "
                      "scheme; override openapi_security_scheme() to describe it");
}

TEST_CASE("An operation with a body answers 400 with its serializer's errors or a parse error, and 415", "[openapi]") {
    const Json responses = document(gadgets_and_status())["paths"]["/api/gadgets/"]["post"]["responses"];
    CHECK(responses["400"]["content"]["application/json"]["schema"] ==
          Json{{"anyOf", Json::array({Json{{"$ref", "#/components/schemas/GadgetInputValidationError"}},
                                      Json{{"$ref", "#/components/schemas/ErrorDetail"}}})}});
    CHECK(responses["415"]["content"]["application/json"]["schema"] == Json{{"$ref", "#/components/schemas/ErrorDetail"}});
}

TEST_CASE("401 carries WWW-Authenticate when the first authenticator has a challenge; 403 where the permissions may deny",
          "[openapi]") {
    const Json responses = document(gadgets_and_status())["paths"]["/api/gadgets/"]["post"]["responses"];
    CHECK(responses["401"]["headers"] == Json{{"WWW-Authenticate", {{"schema", {{"type", "string"}}}}}});
    CHECK(responses["401"]["content"]["application/json"]["schema"] == Json{{"$ref", "#/components/schemas/ErrorDetail"}});
    CHECK(responses.contains("403"));
    const Json status = document(gadgets_and_status())["paths"]["/api/status/"]["get"]["responses"];
    CHECK_FALSE(status.contains("403"));  // AllowAny
    // DRF authenticates before the permissions: bad credentials are 401 even where anyone may call.
    CHECK(status.contains("401"));
}

TEST_CASE("404 is documented on detail routes and for an invalid cursor, not on other list routes", "[openapi]") {
    const Json doc = document(gadgets_and_status());
    CHECK(doc["paths"]["/api/gadgets/{id}/"]["get"]["responses"].contains("404"));
    CHECK(doc["paths"]["/api/gadgets/"]["get"]["responses"].contains("404"));
    CHECK_FALSE(doc["paths"]["/api/gadgets/"]["post"]["responses"].contains("404"));
}

TEST_CASE("The components are sorted by name, ErrorDetail among them", "[openapi]") {
    const Json doc = document(gadgets_and_status());
    std::vector<std::string> names;
    for (const auto& [name, schema] : doc["components"]["schemas"].items()) names.push_back(name);
    CHECK(std::is_sorted(names.begin(), names.end()));
    CHECK(doc["components"]["schemas"]["ErrorDetail"] ==
          Json{{"type", "object"}, {"properties", {{"detail", {{"type", "string"}}}}}, {"required", Json::array({"detail"})}});
}

TEST_CASE("The same router gives the same document, byte for byte", "[openapi]") {
    CHECK(document(gadgets_and_status()).dump(2) == document(gadgets_and_status()).dump(2));
}

}  // namespace generator_test
