// tests/openapi/policies_test.cpp — what the HTTP policies add to the OpenAPI document: 429 with
// Retry-After where throttles run (the view's, an action's or the settings' defaults), the RateLimit
// headers when they are on, the renderers' and parsers' media types, and ETag/304, If-Match/412 and
// 428 from a viewset's conditional_requests.
#include <drf/http/conditional.hpp>
#include <drf/http/parsers.hpp>
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

namespace policies_test {

namespace oa = drf::openapi;
namespace th = drf::throttling;
using drf::Json;
using drf::http::Method;
using drf::http::Request;
using drf::http::Response;

// A renderer of one's own: text/csv, with its charset, as DRF's CSV renderers declare it.
struct CsvRenderer {
    static constexpr std::string_view media_type = "text/csv";
    static constexpr std::string_view format = "csv";
    std::string render(const Json& data, std::string_view) const { return data.dump(); }
};
struct PlainTextParser {
    static constexpr std::string_view media_type = "text/plain";
    Json parse(std::string_view body, std::string_view) const { return Json(std::string(body)); }
};

struct ArchiveRateThrottle : th::UserRateThrottle {
    static constexpr std::string_view scope = "archive";
};

// Throttled as a whole; its report action with renderers of its own and no throttles.
struct ReportViewSet : drf::viewsets::ViewSet<ReportViewSet> {
    static constexpr auto throttle_classes = th::throttles(th::AnonRateThrottle{}, th::UserRateThrottle{});
    static constexpr auto renderer_classes = drf::http::renderers(drf::http::JSONRenderer{}, CsvRenderer{});
    static constexpr auto parser_classes = drf::http::parsers(drf::http::JSONParser{}, PlainTextParser{});
    Response list(Request&) { return Response(Json::object()); }
    Response create(Request&) { return Response(Json::object(), 201); }
    Response export_all(Request&) { return Response(Json::array()); }
    static constexpr auto extra_actions = drf::viewsets::actions(
        drf::viewsets::action<&ReportViewSet::export_all>("export_all", drf::viewsets::list, {Method::get}, "export")
            .renderer_classes(CsvRenderer{})
            .throttle_classes());
};

// Nothing declared: the settings' defaults decide; archive throttled on its own.
struct NoteViewSet : drf::viewsets::ViewSet<NoteViewSet> {
    Response list(Request&) { return Response(Json::object()); }
    Response archive(Request&, const std::string&) { return Response::no_content(); }
    static constexpr auto extra_actions = drf::viewsets::actions(
        drf::viewsets::action<&NoteViewSet::archive>("archive", drf::viewsets::detail, {Method::post})
            .throttle_classes(ArchiveRateThrottle{}));
};

// Conditional requests: ETags on its reads, If-Match required on its writes.
struct DocumentViewSet : drf::viewsets::ViewSet<DocumentViewSet> {
    static constexpr auto conditional_requests = drf::http::ConditionalRequests{.etags = true, .if_match = true,
                                                                                .require_if_match = true};
    Response list(Request&) { return Response(Json::array()); }
    Response retrieve(Request&, const std::string&) { return Response(Json::object()); }
    Response update(Request&, const std::string&) { return Response(Json::object()); }
    Response partial_update(Request&, const std::string&) { return Response(Json::object()); }
    Response destroy(Request&, const std::string&) { return Response::no_content(); }
};

// ETags only.
struct PageViewSet : drf::viewsets::ViewSet<PageViewSet> {
    static constexpr auto conditional_requests = drf::http::ConditionalRequests{.etags = true, .if_match = false};
    Response retrieve(Request&, const std::string&) { return Response(Json::object()); }
    Response partial_update(Request&, const std::string&) { return Response(Json::object()); }
};

// The defaults: ETags and If-Match, not required.
struct Plain : drf::viewsets::ViewSet<Plain> {
    static constexpr auto conditional_requests = drf::http::ConditionalRequests{};
    Response destroy(Request&, const std::string&) { return Response::no_content(); }
};

std::shared_ptr<const th::Settings> settings(bool defaults, bool rate_limit_headers = false) {
    auto s = std::make_shared<th::Settings>();
    s->rates = {{"anon", th::Rate("10/minute")}, {"user", th::Rate("100/hour")}, {"archive", th::Rate("5/day")}};
    if (defaults) s->default_throttle_classes = {th::AnonRateThrottle{}};
    s->rate_limit_headers = rate_limit_headers;
    return s;
}

template <class... V>
Json document(std::shared_ptr<const th::Settings> throttling, std::vector<std::string> prefixes) {
    drf::routers::Router router(drf::views::Context{.throttling = std::move(throttling)});
    std::size_t i = 0;
    (router.register_viewset<V>(prefixes[i++]), ...);
    return oa::SchemaGenerator({"Policies", "1.0.0", ""}).get_schema(router.endpoints(), router.context());
}

const Json& responses(const Json& doc, const std::string& path, const std::string& method) {
    return doc["paths"][path][method]["responses"];
}

std::vector<std::string> codes(const Json& doc, const std::string& path, const std::string& method) {
    std::vector<std::string> out;
    for (const auto& [code, _] : responses(doc, path, method).items()) out.push_back(code);
    return out;
}

std::vector<std::string> media_types(const Json& content) {
    std::vector<std::string> out;
    for (const auto& [type, _] : content.items()) out.push_back(type);
    return out;
}

std::vector<std::string> header_parameters(const Json& doc, const std::string& path, const std::string& method) {
    std::vector<std::string> out;
    for (const auto& p : doc["paths"][path][method].value("parameters", Json::array()))
        if (p["in"] == "header") out.push_back(p["name"].get<std::string>() + (p.value("required", false) ? " required" : ""));
    return out;
}

using Strings = std::vector<std::string>;

TEST_CASE("A throttled view documents 429 with its detail and a required integer Retry-After", "[openapi]") {
    const Json doc = document<ReportViewSet>(settings(false), {"api/reports"});
    const Json& throttled = responses(doc, "/api/reports/", "get")["429"];
    CHECK(throttled["description"] == "Request was throttled.");
    CHECK(throttled["content"]["application/json"]["schema"] == Json{{"$ref", "#/components/schemas/ErrorDetail"}});
    CHECK(throttled["headers"]["Retry-After"]["required"] == true);
    CHECK(throttled["headers"]["Retry-After"]["schema"] == Json::parse(R"({"type": "integer", "minimum": 0})"));
    CHECK(doc["components"]["schemas"]["ErrorDetail"] ==
          Json::parse(R"({"type": "object", "properties": {"detail": {"type": "string"}}, "required": ["detail"]})"));
    CHECK(responses(doc, "/api/reports/", "post").contains("429"));
    CHECK_FALSE(throttled["headers"].contains("RateLimit"));
}

TEST_CASE("An action's empty throttle_classes() leaves 429 out of its operation only", "[openapi]") {
    const Json doc = document<ReportViewSet>(settings(true), {"api/reports"});
    CHECK(codes(doc, "/api/reports/export/", "get") == Strings{"200", "404"});
    CHECK(responses(doc, "/api/reports/", "get").contains("429"));
}

TEST_CASE("A view without throttle_classes documents 429 when the settings have default throttle classes", "[openapi]") {
    CHECK(codes(document<NoteViewSet>(settings(true), {"api/notes"}), "/api/notes/", "get") ==
          Strings{"200", "404", "429"});
    CHECK(codes(document<NoteViewSet>(settings(false), {"api/notes"}), "/api/notes/", "get") == Strings{"200", "404"});
}

TEST_CASE("An extra action's own throttle_classes document 429 on that action whatever the defaults", "[openapi]") {
    const Json doc = document<NoteViewSet>(settings(false), {"api/notes"});
    CHECK(responses(doc, "/api/notes/{pk}/archive/", "post").contains("429"));
    CHECK_FALSE(responses(doc, "/api/notes/", "get").contains("429"));
}

TEST_CASE("get_schema with the authenticators only documents no default throttles", "[openapi]") {
    drf::routers::Router router(drf::views::Context{.throttling = settings(true)});
    router.register_viewset<NoteViewSet>("api/notes");
    const Json doc = oa::SchemaGenerator({"Notes", "1.0.0", ""}).get_schema(router.endpoints(), router.context().authenticators);
    CHECK_FALSE(responses(doc, "/api/notes/", "get").contains("429"));
    CHECK(responses(doc, "/api/notes/{pk}/archive/", "post").contains("429"));
}

TEST_CASE("With rate_limit_headers a throttled operation documents RateLimit and RateLimit-Policy", "[openapi]") {
    const Json doc = document<ReportViewSet>(settings(false, true), {"api/reports"});
    for (const char* code : {"200", "429"}) {
        INFO(code);
        const Json& headers = responses(doc, "/api/reports/", "get")[code]["headers"];
        CHECK(headers["RateLimit"]["schema"] == Json{{"type", "string"}});
        CHECK(headers["RateLimit-Policy"]["schema"] == Json{{"type", "string"}});
        CHECK_FALSE(headers["RateLimit"].contains("required"));
    }
    CHECK_FALSE(responses(doc, "/api/reports/export/", "get")["200"].contains("headers"));
}

TEST_CASE("Each response lists every renderer's media type with the same schema, as drf-spectacular does", "[openapi]") {
    const Json doc = document<ReportViewSet>(settings(false), {"api/reports"});
    const Json& ok = responses(doc, "/api/reports/", "get")["200"]["content"];
    CHECK(media_types(ok) == Strings{"application/json", "text/csv"});
    CHECK(ok["text/csv"] == ok["application/json"]);
    CHECK(media_types(responses(doc, "/api/reports/", "get")["429"]["content"]) == Strings{"application/json", "text/csv"});
}

TEST_CASE("An action's renderer_classes replace the view's media types on its operation", "[openapi]") {
    const Json doc = document<ReportViewSet>(settings(false), {"api/reports"});
    CHECK(media_types(responses(doc, "/api/reports/export/", "get")["200"]["content"]) == Strings{"text/csv"});
}

TEST_CASE("A request body lists every parser's media type", "[openapi]") {
    const Json doc = document<ReportViewSet>(settings(false), {"api/reports"});
    CHECK(media_types(doc["paths"]["/api/reports/"]["post"]["requestBody"]["content"]) ==
          Strings{"application/json", "text/plain"});
}

TEST_CASE("Without renderer_classes and parser_classes a view documents JSON only", "[openapi]") {
    const Json doc = document<NoteViewSet>(settings(false), {"api/notes"});
    CHECK(media_types(responses(doc, "/api/notes/", "get")["200"]["content"]) == Strings{"application/json"});
}

TEST_CASE("ETags document an ETag on the reads' 200, If-None-Match and a 304 without a body", "[openapi]") {
    const Json doc = document<DocumentViewSet>(settings(false), {"api/documents"});
    for (const char* path : {"/api/documents/", "/api/documents/{pk}/"}) {
        INFO(path);
        CHECK(responses(doc, path, "get")["200"]["headers"]["ETag"]["schema"] == Json{{"type", "string"}});
        const Json& not_modified = responses(doc, path, "get")["304"];
        CHECK_FALSE(not_modified.contains("content"));
        CHECK(not_modified["headers"]["ETag"]["required"] == true);
        CHECK(header_parameters(doc, path, "get") == Strings{"If-None-Match"});
    }
    CHECK_FALSE(responses(doc, "/api/documents/{pk}/", "put").contains("304"));
}

TEST_CASE("if_match documents If-Match and 412 on PUT, PATCH and DELETE; require_if_match 428 too", "[openapi]") {
    const Json doc = document<DocumentViewSet, PageViewSet>(settings(false), {"api/documents", "api/pages"});
    for (const char* method : {"put", "patch", "delete"}) {
        INFO(method);
        CHECK(header_parameters(doc, "/api/documents/{pk}/", method) == Strings{"If-Match required"});
        CHECK(responses(doc, "/api/documents/{pk}/", method)["412"]["content"]["application/json"]["schema"] ==
              Json{{"$ref", "#/components/schemas/ErrorDetail"}});
        CHECK(responses(doc, "/api/documents/{pk}/", method).contains("428"));
    }
    CHECK_FALSE(responses(doc, "/api/documents/{pk}/", "get").contains("412"));
    // .if_match = false: the write is not conditional.
    CHECK(header_parameters(doc, "/api/pages/{pk}/", "patch").empty());
    CHECK_FALSE(responses(doc, "/api/pages/{pk}/", "patch").contains("412"));
    CHECK(responses(doc, "/api/pages/{pk}/", "get").contains("304"));
}

TEST_CASE("if_match without require_if_match documents If-Match as optional and no 428", "[openapi]") {
    const Json doc = document<Plain>(settings(false), {"api/plain"});
    CHECK(header_parameters(doc, "/api/plain/{pk}/", "delete") == Strings{"If-Match"});
    CHECK(codes(doc, "/api/plain/{pk}/", "delete") == Strings{"204", "404", "412"});
}

}  // namespace policies_test
