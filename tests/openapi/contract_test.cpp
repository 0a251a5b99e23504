// tests/openapi/contract_test.cpp — APIClient checks every response against its router's OpenAPI
// document: an answer the output serializer does not describe fails the test with the offending value's
// pointer, the same viewset answering correctly passes, and validate_responses(false) opts out.
#include <drf/openapi.hpp>
#include <drf/routers.hpp>
#include <drf/serializers.hpp>
#include <drf/test/client.hpp>
#include <drf/viewsets.hpp>

#include <catch2/catch.hpp>

#include <string>

namespace contract_test {

namespace s = drf::serializers;
namespace oa = drf::openapi;
using drf::Json;
using drf::http::Method;
using drf::http::Request;
using drf::http::Response;
using drf::test::APIClient;
using drf::test::SchemaMismatch;

struct Status {
    std::string name;
    int level = 0;
    static constexpr auto fields = s::fields(s::char_field<&Status::name>(), s::integer_field<&Status::level>());
};

// The body the status action answers with, set by each test: the viewset is built per request.
Json answer;

struct StatusViewSet : drf::viewsets::ViewSet<StatusViewSet> {
    Response list(Request&) { return Response(answer); }
    static constexpr auto schema = oa::extend_schema(oa::action<&StatusViewSet::list>(oa::responses(oa::response<Status>(200))));
};

drf::routers::Router status_router() {
    drf::routers::Router router;
    router.register_viewset<StatusViewSet>("api/status");
    return router;
}

TEST_CASE("A response its serializer describes passes the client's contract check", "[openapi]") {
    const auto router = status_router();
    APIClient client(router);
    answer = {{"name", "ok"}, {"level", 3}};
    const auto response = client.get("/api/status/");
    CHECK(response.status_code == 200);
    CHECK(response.data == answer);
}

TEST_CASE("A response its serializer does not describe fails the test with the offending value's pointer", "[openapi]") {
    const auto router = status_router();
    APIClient client(router);
    answer = {{"name", "ok"}, {"level", "high"}};
    CHECK_THROWS_MATCHES(client.get("/api/status/?verbose=1"), SchemaMismatch,
                         Catch::Matchers::Message("GET /api/status/?verbose=1 answered 200, which the OpenAPI document "
                                                  "does not describe:\n  /level: expected integer, got string \"high\""));
}

TEST_CASE("SchemaMismatch lists every mismatch of the response", "[openapi]") {
    const auto router = status_router();
    APIClient client(router);
    answer = {{"level", 1.5}};
    try {
        client.get("/api/status/");
        FAIL("the response passed the contract check");
    } catch (const SchemaMismatch& mismatch) {
        CHECK(mismatch.errors() ==
              std::vector<std::string>{"(root): missing required property \"name\"", "/level: expected integer, got number 1.5"});
    }
}

TEST_CASE("An error response outside the document fails the contract check too", "[openapi]") {
    const auto router = status_router();
    APIClient client(router);
    answer = Json::object();
    // The router answers 404 {"detail": "Not found."} for a path it lacks: that is in the contract.
    CHECK(client.get("/api/nothing/").status_code == 404);
    CHECK(client.post("/api/status/").status_code == 405);
}

TEST_CASE("validate_responses(false) turns the contract check off for a test that answers outside it", "[openapi]") {
    const auto router = status_router();
    APIClient client(router);
    client.validate_responses(false);
    answer = Json::array();  // deliberately not a Status: this test is about the opt-out itself
    CHECK(client.get("/api/status/").data == Json::array());
}

TEST_CASE("The client's document is the router's, generated once at the first request", "[openapi]") {
    const auto router = status_router();
    APIClient client(router);
    const Json& document = client.schema();
    CHECK(document["openapi"] == "3.1.0");
    CHECK(document["paths"].contains("/api/status/"));
    CHECK(&client.schema() == &document);
}

}  // namespace contract_test
