// tests/http/negotiation_test.cpp — content negotiation as DRF's DefaultContentNegotiation does it: the
// Accept header's precedence (quality values ignored, as DRF ignores them), ?format=, 406 and 404, the
// renderer of error responses, JSON's indent parameter, parsers and 415, and an extra action's own
// renderers and parsers. Every expected answer was checked against DRF 3.14.
#include <drf/auth/base.hpp>
#include <drf/auth/user.hpp>
#include <drf/http.hpp>
#include <drf/permissions.hpp>
#include <drf/routers.hpp>
#include <drf/test/client.hpp>
#include <drf/views.hpp>
#include <drf/viewsets.hpp>

#include <catch2/catch.hpp>

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace negotiation_test {

using drf::Json;
using drf::http::Method;
using drf::http::Request;
using drf::http::Response;

// A renderer of one's own: rows of objects as CSV, the first row's keys as the header.
struct CsvRenderer {
    static constexpr std::string_view media_type = "text/csv";
    static constexpr std::string_view format = "csv";
    std::string render(const Json& data, std::string_view /*accepted_media_type*/) const {
        const Json rows = data.is_array() ? data : Json::array({data});
        std::string out;
        if (rows.empty()) return out;
        auto cell = [](const Json& v) { return v.is_string() ? v.get<std::string>() : v.dump(); };
        for (auto it = rows.front().begin(); it != rows.front().end(); ++it) out += (it == rows.front().begin() ? "" : ",") + it.key();
        out += "\r\n";
        for (const auto& row : rows) {
            for (auto it = row.begin(); it != row.end(); ++it) out += (it == row.begin() ? "" : ",") + cell(*it);
            out += "\r\n";
        }
        return out;
    }
};

// A parser of one's own: a text/plain body as {"text": ...}.
struct PlainTextParser {
    static constexpr std::string_view media_type = "text/plain";
    Json parse(std::string_view body, std::string_view /*content_type*/) const { return Json{{"text", body}}; }
};

struct Reports : drf::viewsets::ViewSet<Reports> {
    Response list(Request&) { return Response(Json::array({Json{{"a", 1}, {"b", "x"}}})); }
    Response create(Request& request) { return Response(request.data(), drf::http::status::HTTP_201_CREATED); }
    Response retrieve(Request&, const std::string& pk) {
        if (pk == "missing") throw drf::http::NotFound();
        return Response(Json{{"id", pk}});
    }
    Response report(Request& request) {
        if (request.query_param("fail")) throw drf::http::ValidationError(Json{{"name", "bad"}});
        if (request.query_param("text")) return Response::from_json_text(R"([{"a":2}])");
        return Response(Json::array({Json{{"a", 1}}}));
    }
    Response note(Request& request) { return Response(request.data()); }
    static constexpr auto extra_actions = drf::viewsets::actions(
        drf::viewsets::action<&Reports::report>("report", drf::viewsets::list)
            .renderer_classes(drf::http::JSONRenderer{}, CsvRenderer{}),
        drf::viewsets::action<&Reports::note>("note", drf::viewsets::list, {Method::post})
            .parser_classes(PlainTextParser{}));
};

// CSV first: what a client that accepts anything gets, and what renders the view's errors.
struct CsvFirst : drf::viewsets::ViewSet<CsvFirst> {
    static constexpr auto renderer_classes = drf::http::renderers(CsvRenderer{}, drf::http::JSONRenderer{});
    Response list(Request&) { return Response(Json::array({Json{{"a", 1}}})); }
};

// Accepts "Secret <name>" and counts its calls, to show whether authentication ran.
struct SecretAuthentication : drf::auth::BaseAuthentication {
    std::shared_ptr<int> calls = std::make_shared<int>(0);
    std::optional<drf::auth::User> authenticate(const Request& request) const override {
        ++*calls;
        const auto header = request.header("Authorization");
        if (!header || header->substr(0, 7) != "Secret ") return std::nullopt;
        drf::auth::User user;
        user.username = std::string(header->substr(7));
        return user;
    }
    std::string authenticate_header(const Request&) const override { return "Secret"; }
    std::string_view name() const override { return "SecretAuthentication"; }
    std::optional<std::pair<std::string, Json>> openapi_security_scheme() const override {
        return std::pair<std::string, Json>{"secretAuth", {{"type", "apiKey"}, {"in", "header"}, {"name", "Authorization"}}};
    }
};

struct Private : drf::viewsets::ViewSet<Private> {
    static constexpr auto permission_classes = drf::permissions::IsAuthenticated{};
    Response list(Request&) { return Response(Json::array()); }
};

struct App {
    std::shared_ptr<SecretAuthentication> auth = std::make_shared<SecretAuthentication>();
    drf::routers::Router router{drf::auth::Authenticators{auth}};
    drf::test::APIClient client{router};
    App() {
        router.register_viewset<Reports>("reports");
        router.register_viewset<CsvFirst>("csv");
        router.register_viewset<Private>("private");
    }
};

const Json not_acceptable = Json{{"detail", "Could not satisfy the request Accept header."}};

TEST_CASE("A request without Accept, or accepting JSON or anything, gets compact JSON", "[http]") {
    App app;
    for (const char* accept : {"", "application/json", "application/*", "*/*", "APPLICATION/JSON", "application/json;q=0.5",
                               "application/json; charset=utf-8", "application/json;q=0",
                               "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8"}) {
        CAPTURE(accept);
        const auto response = *accept ? app.client.get("/reports/", {{"Accept", accept}}) : app.client.get("/reports/");
        CHECK(response.status_code == 200);
        CHECK(response.content == R"([{"a":1,"b":"x"}])");
        CHECK(response.header("Content-Type") == "application/json");
    }
}

TEST_CASE("A compact JSON response is left as data: no Content-Type set, no bytes rendered", "[http]") {
    const drf::views::Context context;
    const auto view = drf::views::as_view<Reports>(context);
    Request request(Method::get, "/reports/", {{"Accept", "*/*"}});
    const Response response = drf::views::dispatch(view, request, {drf::views::RouteKind::list, {}, {}}, {Method::get}, context);
    CHECK_FALSE(response.headers().contains("Content-Type"));
    CHECK(response.data() == Json::array({Json{{"a", 1}, {"b", "x"}}}));
}

TEST_CASE("Accept: application/json; indent=4 answers JSON indented by 4, as DRF's JSONRenderer", "[http]") {
    App app;
    const auto response = app.client.get("/reports/", {{"Accept", "application/json; indent=4"}});
    CHECK(response.status_code == 200);
    CHECK(response.content == "[\n    {\n        \"a\": 1,\n        \"b\": \"x\"\n    }\n]");
    CHECK(response.header("Content-Type") == "application/json");
    CHECK(response.data == Json::array({Json{{"a", 1}, {"b", "x"}}}));
    SECTION("indent is clamped to 8, and 0, a negative or a non-number is compact") {
        CHECK(app.client.get("/reports/", {{"Accept", "application/json; indent=20"}}).content ==
              "[\n        {\n                \"a\": 1,\n                \"b\": \"x\"\n        }\n]");
        CHECK(app.client.get("/reports/", {{"Accept", "application/json; indent=\"2\""}}).content ==
              "[\n  {\n    \"a\": 1,\n    \"b\": \"x\"\n  }\n]");
        for (const char* compact : {"application/json; indent=0", "application/json; indent=-1", "application/json;indent=abc"})
            CHECK(app.client.get("/reports/", {{"Accept", compact}}).content == R"([{"a":1,"b":"x"}])");
    }
    SECTION("a body the view wrote as JSON text is indented too") {
        CHECK(app.client.get("/reports/report/?text=1", {{"Accept", "application/json; indent=2"}}).content ==
              "[\n  {\n    \"a\": 2\n  }\n]");
    }
    SECTION("an error is indented as well") {
        const auto missing = app.client.get("/reports/missing/", {{"Accept", "application/json; indent=2"}});
        CHECK(missing.status_code == 404);
        CHECK(missing.content == "{\n  \"detail\": \"Not found.\"\n}");
    }
    SECTION("HEAD answers the headers without the body") {
        const auto head = app.client.head("/reports/", {{"Accept", "application/json; indent=4"}});
        CHECK(head.status_code == 200);
        CHECK(head.content.empty());
        CHECK(head.header("Content-Type") == "application/json");
    }
}

TEST_CASE("An Accept header no renderer matches is 406 with DRF's message", "[http]") {
    App app;
    for (const char* accept : {"text/csv", "text/*", "", "foo", "image/png"}) {
        CAPTURE(accept);
        const auto response = app.client.get("/reports/", {{"Accept", accept}});
        CHECK(response.status_code == 406);
        CHECK(response.data == not_acceptable);
        CHECK(response.header("Content-Type") == "application/json");
    }
}

TEST_CASE("An action with a CSV renderer answers CSV for Accept: text/csv; the other actions 406", "[http]") {
    App app;
    const auto csv = app.client.get("/reports/report/", {{"Accept", "text/csv"}});
    CHECK(csv.status_code == 200);
    CHECK(csv.content == "a\r\n1\r\n");
    CHECK(csv.header("Content-Type") == "text/csv; charset=utf-8");
    CHECK(app.client.get("/reports/report/", {{"Accept", "text/*"}}).content == "a\r\n1\r\n");
    CHECK(app.client.get("/reports/report/?text=1", {{"Accept", "text/csv"}}).content == "a\r\n2\r\n");
    CHECK(app.client.get("/reports/report/").content == R"([{"a":1}])");
    CHECK(app.client.get("/reports/", {{"Accept", "text/csv"}}).status_code == 406);
    CHECK(app.client.get("/reports/r1/", {{"Accept", "text/csv"}}).status_code == 406);
}

TEST_CASE("Quality values do not rank renderers: the view's order decides among equally specific types", "[http]") {
    App app;
    const auto response = app.client.get("/reports/report/", {{"Accept", "text/csv;q=1.0, application/json;q=0.1"}});
    CHECK(response.header("Content-Type") == "application/json");
    CHECK(app.client.get("/reports/report/", {{"Accept", "application/json, text/csv"}}).header("Content-Type") ==
          "application/json");
    SECTION("a more specific type wins over a wildcard, whatever their q") {
        CHECK(app.client.get("/reports/report/", {{"Accept", "*/*;q=1, text/csv;q=0.1"}}).content == "a\r\n1\r\n");
    }
}

TEST_CASE("?format= picks the renderer by its format; an unknown one is 404", "[http]") {
    App app;
    CHECK(app.client.get("/reports/?format=json").content == R"([{"a":1,"b":"x"}])");
    CHECK(app.client.get("/reports/?format=").status_code == 200);
    const auto xml = app.client.get("/reports/?format=xml");
    CHECK(xml.status_code == 404);
    CHECK(xml.data == Json{{"detail", "Not found."}});
    CHECK(app.client.get("/reports/?format=csv").status_code == 404);
    CHECK(app.client.get("/reports/report/?format=csv").content == "a\r\n1\r\n");
    SECTION("the Accept header must still allow the format's renderer") {
        const auto response = app.client.get("/reports/report/?format=csv", {{"Accept", "application/json"}});
        CHECK(response.status_code == 406);
        CHECK(response.data == not_acceptable);
        CHECK(app.client.get("/reports/?format=json", {{"Accept", "text/csv"}}).status_code == 406);
    }
}

TEST_CASE("Content negotiation fails before authentication runs: 406 rather than 401", "[http]") {
    App app;
    const auto refused = app.client.get("/private/", {{"Accept", "text/csv"}});
    CHECK(refused.status_code == 406);
    CHECK(refused.data == not_acceptable);
    CHECK(*app.auth->calls == 0);
    CHECK(app.client.get("/private/?format=xml").status_code == 404);
    CHECK(*app.auth->calls == 0);
    const auto anonymous = app.client.get("/private/");
    CHECK(anonymous.status_code == 401);
    CHECK(anonymous.data == Json{{"detail", "Authentication credentials were not provided."}});
}

TEST_CASE("An error is rendered by the accepted renderer", "[http]") {
    App app;
    app.client.validate_responses(false);  // the report action's 400 is provoked here, and not part of its contract
    const auto response = app.client.get("/reports/report/?fail=1", {{"Accept", "text/csv"}});
    CHECK(response.status_code == 400);
    CHECK(response.content == "name\r\n[\"bad\"]\r\n");
    CHECK(response.header("Content-Type") == "text/csv; charset=utf-8");
    SECTION("and by the view's first renderer when nothing is acceptable") {
        const auto json_first = app.client.get("/reports/report/", {{"Accept", "image/png"}});
        CHECK(json_first.status_code == 406);
        CHECK(json_first.data == not_acceptable);
        const auto csv_first = app.client.get("/csv/", {{"Accept", "image/png"}});
        CHECK(csv_first.status_code == 406);
        CHECK(csv_first.content == "detail\r\nCould not satisfy the request Accept header.\r\n");
        CHECK(csv_first.header("Content-Type") == "text/csv; charset=utf-8");
        CHECK(app.client.get("/csv/?format=xml").content == "detail\r\nNot found.\r\n");
    }
}

TEST_CASE("An action's renderers answer every method on its route: a 405 in CSV", "[http]") {
    App app;
    const auto refused = app.client.request(Method::post, "/reports/report/", std::nullopt, "application/json", {{"Accept", "text/csv"}});
    CHECK(refused.status_code == 405);
    CHECK(refused.content == "detail\r\nMethod \"POST\" not allowed.\r\n");
    CHECK(refused.header("Content-Type") == "text/csv; charset=utf-8");
    CHECK(refused.header("Allow") == "GET, HEAD, OPTIONS");
    const auto options = app.client.options("/reports/report/", {{"Accept", "text/csv"}});
    CHECK(options.status_code == 200);
    CHECK(options.content == "renders,parses\r\n[\"application/json\",\"text/csv\"],[\"application/json\"]\r\n");
}

TEST_CASE("A view whose first renderer is CSV answers CSV to a client that accepts anything", "[http]") {
    App app;
    CHECK(app.client.get("/csv/").content == "a\r\n1\r\n");
    CHECK(app.client.get("/csv/", {{"Accept", "application/json"}}).content == R"([{"a":1}])");
}

TEST_CASE("A body whose Content-Type no parser takes is 415 with DRF's message", "[http]") {
    App app;
    const auto text = app.client.request(Method::post, "/reports/", std::string("hello"), "text/plain");
    CHECK(text.status_code == 415);
    CHECK(text.data == Json{{"detail", "Unsupported media type \"text/plain\" in request."}});
    const auto json = app.client.request(Method::post, "/reports/", std::string(R"({"a":1})"), "application/json; charset=utf-8");
    CHECK(json.status_code == 201);
    CHECK(json.data == Json{{"a", 1}});
    const auto bad = app.client.request(Method::post, "/reports/", std::string(R"({"a":)"), "application/json");
    CHECK(bad.status_code == 400);
    CHECK(bad.data["detail"].get<std::string>().rfind("JSON parse error - ", 0) == 0);
}

TEST_CASE("An action's own parser reads its bodies, and JSON is 415 there", "[http]") {
    App app;
    const auto plain = app.client.request(Method::post, "/reports/note/", std::string("hello"), "text/plain");
    CHECK(plain.status_code == 200);
    CHECK(plain.data == Json{{"text", "hello"}});
    const auto json = app.client.request(Method::post, "/reports/note/", std::string("{}"), "application/json");
    CHECK(json.status_code == 415);
    CHECK(json.data == Json{{"detail", "Unsupported media type \"application/json\" in request."}});
}

TEST_CASE("OPTIONS lists the route's renderers and parsers", "[http]") {
    App app;
    CHECK(app.client.options("/reports/").data == Json{{"renders", {"application/json"}}, {"parses", {"application/json"}}});
    CHECK(app.client.options("/reports/report/").data ==
          Json{{"renders", {"application/json", "text/csv"}}, {"parses", {"application/json"}}});
    CHECK(app.client.options("/reports/note/").data == Json{{"renders", {"application/json"}}, {"parses", {"text/plain"}}});
    CHECK(app.client.options("/csv/", {{"Accept", "application/json"}}).data ==
          Json{{"renders", {"text/csv", "application/json"}}, {"parses", {"application/json"}}});
}

TEST_CASE("select_renderer answers the most specific of the matched types as the accepted media type", "[http]") {
    constexpr auto list = drf::http::renderers(drf::http::JSONRenderer{}, CsvRenderer{});
    auto accepted = [&](const char* accept) {
        const Request request(Method::get, "/", {{"Accept", accept}});
        const auto chosen = drf::http::select_renderer(request, list);
        return std::string(chosen.renderer.media_type()) + " " + chosen.accepted.str();
    };
    CHECK(accepted("*/*") == "application/json application/json");
    CHECK(accepted("*/*;q=0.8") == "application/json application/json;q=0.8");
    CHECK(accepted("text/*; Q=0.5; indent=2") == "text/csv text/csv;q=0.5;indent=2");
    CHECK(accepted("application/json; indent=4") == "application/json application/json; indent=4");
    CHECK(accepted("image/png, text/csv") == "text/csv text/csv");
}

TEST_CASE("An Accept header of many media types is read whole", "[http]") {
    constexpr auto list = drf::http::renderers(drf::http::JSONRenderer{}, CsvRenderer{});
    std::string accept;
    for (int i = 0; i < 20; ++i) accept += "image/type" + std::to_string(i) + ", ";
    const Request last(Method::get, "/", {{"Accept", accept + "text/csv"}});
    CHECK(drf::http::select_renderer(last, list).renderer.media_type() == "text/csv");
    const Request none(Method::get, "/", {{"Accept", accept + "text/html"}});
    CHECK_THROWS_AS(drf::http::select_renderer(none, list), drf::http::NotAcceptable);
}

TEST_CASE("select_parser takes the first parser whose media type matches the Content-Type", "[http]") {
    constexpr auto list = drf::http::parsers(drf::http::JSONParser{}, PlainTextParser{});
    CHECK(drf::http::select_parser("application/json; charset=utf-8", list) == 0U);
    CHECK(drf::http::select_parser("TEXT/PLAIN", list) == 1U);
    CHECK(drf::http::select_parser("*/*", list) == 0U);
    CHECK(drf::http::select_parser("text/*", list) == 1U);
    CHECK_FALSE(drf::http::select_parser("", list));
    CHECK_FALSE(drf::http::select_parser("application/xml", list));
}

TEST_CASE("Media types rank and match as DRF's utils.mediatypes", "[http]") {
    using drf::http::detail::MediaType;
    STATIC_REQUIRE(MediaType::parse("*/*").precedence() == 0);
    STATIC_REQUIRE(MediaType::parse("text/*").precedence() == 1);
    STATIC_REQUIRE(MediaType::parse("text/csv").precedence() == 2);
    STATIC_REQUIRE(MediaType::parse("text/csv; q=0.4").precedence() == 2);
    STATIC_REQUIRE(MediaType::parse("text/csv; header=present").precedence() == 3);
    STATIC_REQUIRE(drf::http::detail::media_type_matches("application/json", "application/json; indent=4"));
    STATIC_REQUIRE(!drf::http::detail::media_type_matches("application/json; version=2", "application/json"));
    STATIC_REQUIRE(drf::http::detail::media_type_matches("application/json; version=2", "application/json; version=\"2\""));
    STATIC_REQUIRE(drf::http::detail::media_type_matches("application/json; q=0.2", "application/*"));
}

struct NotARenderer {
    static constexpr std::string_view media_type = "text/csv";
};

TEST_CASE("A type without media_type, format and render is not a renderer", "[http]") {
    STATIC_REQUIRE(drf::http::Renderer<CsvRenderer>);
    STATIC_REQUIRE(drf::http::Renderer<drf::http::JSONRenderer>);
    STATIC_REQUIRE_FALSE(drf::http::Renderer<NotARenderer>);
    STATIC_REQUIRE(drf::http::Parser<PlainTextParser>);
    STATIC_REQUIRE_FALSE(drf::http::Parser<NotARenderer>);
}

struct ArchiveThrottle {};

TEST_CASE("An action's builders keep its name, scope, methods and paths", "[http]") {
    constexpr auto act = drf::viewsets::action<&Reports::report>("report", drf::viewsets::list, {Method::get}, "monthly", "monthly-report")
                             .renderer_classes(CsvRenderer{})
                             .parser_classes(PlainTextParser{})
                             .throttle_classes(ArchiveThrottle{});
    STATIC_REQUIRE(act.name == "report");
    STATIC_REQUIRE(act.scope == drf::viewsets::Scope::list);
    STATIC_REQUIRE(act.methods.contains(Method::get));
    STATIC_REQUIRE(act.url_path == "monthly");
    STATIC_REQUIRE(act.url_name == "monthly-report");
    STATIC_REQUIRE(decltype(act)::function == &Reports::report);
    STATIC_REQUIRE(std::is_same_v<std::remove_cvref_t<decltype(act.throttles)>, std::tuple<ArchiveThrottle>>);
    STATIC_REQUIRE(std::tuple_size_v<std::remove_cvref_t<decltype(act.renderers)>> == 1);
    STATIC_REQUIRE(std::get<0>(act.parsers).media_type == "text/plain");
}

}  // namespace negotiation_test
