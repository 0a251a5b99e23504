// tests/openapi/validator_policies_test.cpp — ResponseValidator on the answers of the HTTP policies:
// 429 with Retry-After, 304 without a body, 406 and the 404 of an unknown ?format= on any operation,
// CORS preflights and headers, and bodies in a media type other than JSON.
#include <drf/http/conditional.hpp>
#include <drf/http/renderers.hpp>
#include <drf/openapi.hpp>
#include <drf/routers.hpp>
#include <drf/throttling.hpp>
#include <drf/viewsets.hpp>

#include <catch2/catch.hpp>

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace validator_policies_test {

namespace oa = drf::openapi;
namespace th = drf::throttling;
using drf::Json;
using drf::http::Headers;
using drf::http::Method;
using drf::http::Request;
using drf::http::Response;
using Errors = std::vector<std::string>;

struct CsvRenderer {
    static constexpr std::string_view media_type = "text/csv";
    static constexpr std::string_view format = "csv";
    std::string render(const Json& data, std::string_view) const { return data.dump(); }
};

struct ArticleViewSet : drf::viewsets::ViewSet<ArticleViewSet> {
    static constexpr auto throttle_classes = th::throttles(th::AnonRateThrottle{});
    static constexpr auto renderer_classes = drf::http::renderers(drf::http::JSONRenderer{}, CsvRenderer{});
    static constexpr auto conditional_requests = drf::http::ConditionalRequests{};
    Response list(Request&) { return Response(Json::array()); }
    Response retrieve(Request&, const std::string&) { return Response(Json::object()); }
};

const oa::ResponseValidator& validator() {
    static const oa::ResponseValidator v = [] {
        auto settings = std::make_shared<th::Settings>();
        settings->rates = {{"anon", th::Rate("10/minute")}};
        drf::routers::Router router(drf::views::Context{.throttling = settings});
        router.register_viewset<ArticleViewSet>("api/articles");
        Json doc = oa::SchemaGenerator({"Articles", "1.0.0", ""}).get_schema(router.endpoints(), router.context());
        // As a list whose queryset and paginator cannot raise NotFound documents it: without 404.
        doc["paths"]["/api/articles/"]["get"]["responses"].erase("404");
        return oa::ResponseValidator(std::move(doc));
    }();
    return v;
}

Headers with(std::initializer_list<std::pair<std::string, std::string>> fields, std::string type = "application/json") {
    Headers h;
    if (!type.empty()) h.add("Content-Type", type);
    for (const auto& [name, value] : fields) h.add(name, value);
    return h;
}

Errors check(Method method, std::string target, int status, const Headers& headers, const std::string& body,
             const Headers& request_headers = {}) {
    const Request request(method, target, request_headers, "");
    return validator().check(request, status, headers, body, nullptr);
}

const std::string detail = R"({"detail": "x"})";

TEST_CASE("A 429 must carry Retry-After as an integer", "[openapi]") {
    CHECK(check(Method::get, "/api/articles/", 429, with({{"Retry-After", "12"}}), detail).empty());
    CHECK(check(Method::get, "/api/articles/", 429, with({}), detail) ==
          Errors{"GET /api/articles/ 429: missing required header Retry-After"});
    CHECK(check(Method::get, "/api/articles/", 429, with({{"Retry-After", "soon"}}), detail) ==
          Errors{"GET /api/articles/ 429: header Retry-After expected integer, got string \"soon\""});
}

TEST_CASE("A 429 before the handler is looked up is accepted on a method the path lacks, with Retry-After", "[openapi]") {
    CHECK(check(Method::post, "/api/articles/", 429, with({{"Retry-After", "3"}}), detail).empty());
    CHECK(check(Method::post, "/api/articles/", 429, with({}), detail) == Errors{"429: missing header Retry-After"});
}

TEST_CASE("A documented 304 has no body, and a 304 with one is an error", "[openapi]") {
    CHECK(check(Method::get, "/api/articles/1/", 304, with({{"ETag", "\"abc\""}}, ""), "").empty());
    CHECK(check(Method::get, "/api/articles/1/", 304, with({{"ETag", "\"abc\""}}), "{}") ==
          Errors{"304: a 304 Not Modified has no body, got 2 bytes",
                 "GET /api/articles/{pk}/ 304: the document declares no body, got 2 bytes of application/json"});
    CHECK(check(Method::get, "/api/articles/1/", 304, with({}, ""), "") ==
          Errors{"GET /api/articles/{pk}/ 304: missing required header ETag"});
}

TEST_CASE("A 406 with DRF's detail is accepted on any operation, as a 405 is", "[openapi]") {
    const std::string refused = R"({"detail": "Could not satisfy the request Accept header."})";
    CHECK(check(Method::get, "/api/articles/", 406, with({}), refused).empty());
    CHECK(check(Method::get, "/api/articles/1/", 406, with({}), refused).empty());
    CHECK(check(Method::remove, "/api/articles/1/", 406, with({}), refused).empty());
    CHECK(check(Method::get, "/api/articles/", 406, with({}), R"({"error": 1})") ==
          Errors{"(root): missing required property \"detail\"",
                 "/error: property not in the schema (additionalProperties is false)"});
    // Rendered by the first renderer when nothing acceptable was offered: one the operation has.
    CHECK(check(Method::get, "/api/articles/", 406, with({}, "text/csv"), "detail").empty());
    CHECK(check(Method::get, "/api/articles/", 406, with({}, "text/html"), "<p>") ==
          Errors{"406: Content-Type text/html is not one the operation renders"});
}

TEST_CASE("A 404 for an unknown ?format= is accepted with DRF's detail where the operation lists no 404", "[openapi]") {
    CHECK(check(Method::get, "/api/articles/?format=xml", 404, with({}), R"({"detail": "Not found."})").empty());
    CHECK(check(Method::get, "/api/articles/", 404, with({}), R"({"detail": "Not found."})") ==
          Errors{"GET /api/articles/: status 404 is not documented (documented: 200, 304, 429)"});
}

TEST_CASE("A CORS preflight's empty 200 is accepted on any path, and CORS headers on any response", "[openapi]") {
    const Headers preflight = with({{"Origin", "https://app.example"}, {"Access-Control-Request-Method", "DELETE"}}, "");
    const Headers cors = with({{"Access-Control-Allow-Origin", "https://app.example"}, {"Vary", "Origin"}}, "");
    CHECK(check(Method::options, "/api/articles/", 200, cors, "", preflight).empty());
    CHECK(check(Method::options, "/api/elsewhere/", 200, cors, "", preflight).empty());
    // Without Access-Control-Request-Method it is DRF's metadata answer, which has a body.
    CHECK(check(Method::options, "/api/articles/", 200, with({{"Allow", "GET"}}, ""), "",
                with({{"Origin", "https://app.example"}}, "")) ==
          Errors{"expected a JSON body, got Content-Type (none)"});
    CHECK(check(Method::get, "/api/articles/", 200,
                with({{"Access-Control-Allow-Origin", "*"}, {"Access-Control-Expose-Headers", "ETag"}}), "[]")
              .empty());
}

TEST_CASE("A body in a media type other than JSON is checked for its Content-Type only", "[openapi]") {
    CHECK(check(Method::get, "/api/articles/", 200, with({}, "text/csv; charset=utf-8"), "id,title\r\n").empty());
    CHECK(check(Method::get, "/api/articles/", 200, with({}, "text/html"), "<p>") ==
          Errors{"GET /api/articles/ 200: Content-Type text/html is not documented (documented: application/json, text/csv)"});
}

TEST_CASE("A 405 or an OPTIONS answer in another of the route's media types is checked for its Content-Type", "[openapi]") {
    CHECK(check(Method::post, "/api/articles/", 405, with({{"Allow", "GET, HEAD, OPTIONS"}}, "text/csv; charset=utf-8"),
                "detail\r\nMethod \"POST\" not allowed.\r\n")
              .empty());
    CHECK(check(Method::options, "/api/articles/", 200, with({{"Allow", "GET, HEAD, OPTIONS"}}, "text/csv"), "renders\r\n")
              .empty());
    CHECK(check(Method::post, "/api/articles/", 405, with({{"Allow", "GET"}}, "text/html"), "<p>") ==
          Errors{"405: Content-Type text/html is not one the operation renders"});
}

}  // namespace validator_policies_test
