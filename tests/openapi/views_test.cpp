// tests/openapi/views_test.cpp — serving the document (drf::openapi::add_schema_views, drf-spectacular's
// SpectacularJSONAPIView, SpectacularSwaggerView and SpectacularRedocView): the document's media types
// per Accept as DRF negotiates them, its 404/406 bodies, HEAD, the pages' HTML for CDN and local assets,
// the local assets with their Content-Types, and a missing asset file refused when the views are added.
#include <drf/openapi/views.hpp>
#include <drf/routers.hpp>
#include <drf/viewsets.hpp>

#include <catch2/catch.hpp>

#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

namespace openapi_views_test {

using drf::Json;
using drf::http::Method;
using drf::http::Request;
using drf::http::Response;
namespace fs = std::filesystem;

const Json document = Json::parse(R"({"openapi": "3.1.0", "info": {"title": "Projects API", "version": "1.0.0"},
                                      "paths": {"/api/things/": {"get": {"operationId": "things_list"}}}})");

// A GET (or another method) through the router, with the Accept header when one is given.
Response fetch(const drf::routers::Router& router, std::string target, std::optional<std::string> accept = std::nullopt,
               Method method = Method::get) {
    drf::http::Headers headers;
    headers.add("Host", "localhost");
    if (accept) headers.add("Accept", *accept);
    Request request(method, target, std::move(headers));
    return router.dispatch(request);
}

std::string content_type(const Response& response) { return std::string(response.headers().get("Content-Type").value_or("")); }

struct Served {
    drf::routers::Router router;
    std::shared_ptr<std::atomic<int>> generated = std::make_shared<std::atomic<int>>(0);
    explicit Served(drf::openapi::SchemaViewsOptions options = {.info = {"Projects API", "1.0.0", ""}}) {
        drf::openapi::add_schema_views(
            router,
            [count = generated] {
                ++*count;
                return document;
            },
            options);
    }
};

// A directory laid out as drf-spectacular-sidecar's static files, each file holding its own name.
struct AssetsDir {
    fs::path root = fs::temp_directory_path() / ("drf-openapi-assets-" + std::to_string(std::rand()));
    AssetsDir() {
        for (const char* file : {"swagger-ui-dist/swagger-ui.css", "swagger-ui-dist/swagger-ui-bundle.js",
                                 "swagger-ui-dist/swagger-ui-standalone-preset.js", "swagger-ui-dist/favicon-32x32.png",
                                 "redoc/bundles/redoc.standalone.js"}) {
            fs::create_directories((root / file).parent_path());
            std::ofstream(root / file, std::ios::binary) << "contents of " << file;
        }
    }
    ~AssetsDir() { fs::remove_all(root); }
};

// A viewset the router's own document describes.
struct Status : drf::viewsets::ViewSet<Status> {
    Response list(Request&) { return Response(Json::object()); }
    static constexpr auto schema = drf::openapi::extend_schema(
        drf::openapi::action<&Status::list>(drf::openapi::responses(drf::openapi::any_json(200))));
};

TEST_CASE("add_schema_views(router, options) serves SchemaGenerator's document of the router, without itself",
          "[openapi]") {
    drf::routers::Router router;
    router.register_viewset<Status>("api/status");
    drf::openapi::add_schema_views(router, {.info = {"Status API", "2.0.0", "What runs."}});
    router.register_viewset<Status>("api/health");  // registered after: still in the document, made at the first request
    const Response response = fetch(router, "/api/schema/");
    REQUIRE(response.status_code() == 200);
    const Json served = Json::parse(response.content());
    CHECK(served == drf::openapi::SchemaGenerator({"Status API", "2.0.0", "What runs."})
                        .get_schema(router.endpoints(), router.context().authenticators));
    CHECK(served["info"] == Json{{"title", "Status API"}, {"version", "2.0.0"}, {"description", "What runs."}});
    CHECK(served["paths"].contains("/api/status/"));
    CHECK(served["paths"].contains("/api/health/"));
    CHECK_FALSE(served["paths"].contains("/api/schema/"));  // drf-spectacular's SERVE_INCLUDE_SCHEMA = False
    CHECK(response.headers().get("Content-Disposition") == "inline; filename=\"Status API.json\"");
}

TEST_CASE("The schema is application/vnd.oai.openapi+json by default, indented by 4 as drf-spectacular writes it",
          "[openapi]") {
    Served served;
    for (const std::optional<std::string>& accept : {std::optional<std::string>(), std::optional<std::string>("*/*"),
                                                    std::optional<std::string>("application/*"),
                                                    std::optional<std::string>("application/vnd.oai.openapi+json")}) {
        const Response response = fetch(served.router, "/api/schema/", accept);
        INFO(accept.value_or("(no Accept)"));
        CHECK(response.status_code() == 200);
        CHECK(content_type(response) == "application/vnd.oai.openapi+json");
        CHECK(response.content() == document.dump(4));
        CHECK(response.headers().get("Content-Disposition") == "inline; filename=\"Projects API.json\"");
    }
}

TEST_CASE("The schema is application/json when Accept asks for it, q-values ignored as DRF ignores them",
          "[openapi]") {
    Served served;
    for (const char* accept : {"application/json", "application/JSON", "application/json, text/html",
                               "text/html;q=0.9, application/json;q=0.1", "application/json;q=0"}) {
        const Response response = fetch(served.router, "/api/schema/", std::string(accept));
        INFO(accept);
        CHECK(response.status_code() == 200);
        CHECK(content_type(response) == "application/json");
        CHECK(Json::parse(response.content()) == document);
    }
    SECTION("both named: the view's first renderer wins") {
        const Response response = fetch(served.router, "/api/schema/", "application/json, application/vnd.oai.openapi+json");
        CHECK(content_type(response) == "application/vnd.oai.openapi+json");
    }
    SECTION("the more specific type wins over */*") {
        CHECK(content_type(fetch(served.router, "/api/schema/", "*/*, application/json")) == "application/json");
    }
}

TEST_CASE("An indent parameter in Accept re-indents the schema, within 1 to 8 as DRF's JSONRenderer allows",
          "[openapi]") {
    Served served;
    CHECK(fetch(served.router, "/api/schema/", "application/json; indent=2").content() == document.dump(2));
    CHECK(fetch(served.router, "/api/schema/", "*/*; indent=1").content() == document.dump(1));
    CHECK(fetch(served.router, "/api/schema/", "application/json; indent=\"2\"").content() == document.dump(2));
    CHECK(fetch(served.router, "/api/schema/", "application/json; indent=20").content() == document.dump(8));
    CHECK(fetch(served.router, "/api/schema/", "application/json; indent=0").content() == document.dump(4));
    CHECK(fetch(served.router, "/api/schema/", "application/json; indent=x").content() == document.dump(4));
}

TEST_CASE("An Accept the schema cannot satisfy is 406 with DRF's detail, rendered as the schema is", "[openapi]") {
    Served served;
    for (const char* accept : {"text/html", "text/*", "", "application/xml, text/plain"}) {
        const Response response = fetch(served.router, "/api/schema/", std::string(accept));
        INFO("Accept: " << accept);
        CHECK(response.status_code() == 406);
        CHECK(content_type(response) == "application/vnd.oai.openapi+json");
        CHECK(response.content() == "{\n    \"detail\": \"Could not satisfy the request Accept header.\"\n}");
        CHECK_FALSE(response.headers().contains("Content-Disposition"));
    }
    CHECK(*served.generated == 0);  // refusing a request does not generate the document
}

TEST_CASE("?format=json serves the schema, another format is 404 as DRF's format override answers it", "[openapi]") {
    Served served;
    Response json = fetch(served.router, "/api/schema/?format=json");
    CHECK(json.status_code() == 200);
    CHECK(content_type(json) == "application/vnd.oai.openapi+json");
    CHECK(fetch(served.router, "/api/schema/?format=").status_code() == 200);
    CHECK(fetch(served.router, "/api/schema/?format=json", "text/html").status_code() == 406);
    for (const char* target : {"/api/schema/?format=yaml", "/api/schema/?format=openapi-json"}) {
        const Response response = fetch(served.router, target);
        INFO(target);
        CHECK(response.status_code() == 404);
        CHECK(content_type(response) == "application/vnd.oai.openapi+json");
        CHECK(response.content() == "{\n    \"detail\": \"Not found.\"\n}");
    }
}

TEST_CASE("HEAD on the schema has the GET's headers and no body; POST is 405 with Allow", "[openapi]") {
    Served served;
    const Response head = fetch(served.router, "/api/schema/", std::nullopt, Method::head);
    CHECK(head.status_code() == 200);
    CHECK_FALSE(head.has_body());
    CHECK(content_type(head) == "application/vnd.oai.openapi+json");
    const Response post = fetch(served.router, "/api/schema/", std::nullopt, Method::post);
    CHECK(post.status_code() == 405);
    CHECK(post.headers().get("Allow") == "GET, HEAD, OPTIONS");
}

TEST_CASE("The schema is generated once, at its first request, however many threads ask at once", "[openapi]") {
    Served served;
    CHECK(*served.generated == 0);
    std::vector<std::thread> threads;
    std::atomic<int> ok{0};
    for (int i = 0; i < 8; ++i)
        threads.emplace_back([&] {
            if (fetch(served.router, "/api/schema/").status_code() == 200) ++ok;
        });
    for (auto& t : threads) t.join();
    CHECK(ok == 8);
    CHECK(*served.generated == 1);
}

TEST_CASE("A schema whose generation throws is generated again at the next request", "[openapi]") {
    drf::routers::Router router;
    int calls = 0;
    drf::openapi::add_schema_views(router, [&] {
        if (++calls == 1) throw std::logic_error("two serializers named Project");
        return document;
    });
    CHECK(fetch(router, "/api/schema/").status_code() == 500);
    CHECK(fetch(router, "/api/schema/").status_code() == 200);
    CHECK(calls == 2);
}

TEST_CASE("The Swagger UI page loads drf-spectacular's CDN assets and the schema's URL", "[openapi]") {
    Served served;
    const Response page = fetch(served.router, "/api/docs/", "text/html,application/xhtml+xml,*/*;q=0.8");
    REQUIRE(page.status_code() == 200);
    CHECK(content_type(page) == "text/html; charset=utf-8");
    const std::string html = page.content();
    const std::string dist = "https://cdn.jsdelivr.net/npm/swagger-ui-dist@latest/";
    CHECK_THAT(html, Catch::Contains("<title>Projects API</title>"));
    CHECK_THAT(html, Catch::Contains("<link rel=\"icon\" href=\"" + dist + "favicon-32x32.png\">"));
    CHECK_THAT(html, Catch::Contains("<link rel=\"stylesheet\" href=\"" + dist + "swagger-ui.css\">"));
    CHECK_THAT(html, Catch::Contains("<script src=\"" + dist + "swagger-ui-bundle.js\"></script>"));
    CHECK_THAT(html, Catch::Contains("<script src=\"" + dist + "swagger-ui-standalone-preset.js\"></script>"));
    CHECK_THAT(html, Catch::Contains("const swaggerSettings = {\n  \"deepLinking\": true\n};"));
    CHECK_THAT(html, Catch::Contains("  url: \"/api/schema/\",\n  dom_id: \"#swagger-ui\",\n"));
    CHECK_THAT(html, Catch::Contains("presets: [SwaggerUIBundle.presets.apis]"));
}

TEST_CASE("The Redoc page loads redoc.standalone.js from drf-spectacular's CDN and points at the schema", "[openapi]") {
    Served served;
    const Response page = fetch(served.router, "/api/redoc/");
    REQUIRE(page.status_code() == 200);
    CHECK(content_type(page) == "text/html; charset=utf-8");
    CHECK_THAT(page.content(), Catch::Contains("<title>Projects API</title>"));
    CHECK_THAT(page.content(), Catch::Contains("<redoc spec-url=\"/api/schema/\"></redoc>\n    <script src=\"https://"
                                               "cdn.jsdelivr.net/npm/redoc@latest/bundles/redoc.standalone.js\"></script>"));
}

TEST_CASE("Redoc settings switch the page to Redoc.init, as drf-spectacular's REDOC_UI_SETTINGS do", "[openapi]") {
    Served served({.redoc_ui_settings = Json{{"hideDownloadButton", true}}});
    const std::string html = fetch(served.router, "/api/redoc/").content();
    CHECK_THAT(html, Catch::Contains("<title>Redoc</title>"));
    CHECK_THAT(html, Catch::Contains("const redocSettings = {\n  \"hideDownloadButton\": true\n};"));
    CHECK_THAT(html, Catch::Contains("Redoc.init(\"/api/schema/\", redocSettings, document.getElementById('redoc-container'))"));
}

TEST_CASE("Page titles and settings are escaped: no value closes the page's elements", "[openapi]") {
    Served served({.info = {"<Projects & \"Co\">", "1.0.0", ""},
                   .schema_path = "api/v1-schema",
                   .swagger_ui_settings = Json{{"x", "</script><script>alert(1)</script>"}}});
    const std::string html = fetch(served.router, "/api/docs/").content();
    CHECK_THAT(html, Catch::Contains("<title>&lt;Projects &amp; &quot;Co&quot;&gt;</title>"));
    CHECK_THAT(html, Catch::Contains("\"x\": \"\\u003c/script\\u003e\\u003cscript\\u003ealert(1)\\u003c/script\\u003e\""));
    CHECK_THAT(html, Catch::Contains("url: \"/api/v1\\u002Dschema/\""));  // Django's escapejs
    CHECK(fetch(served.router, "/api/v1-schema/").status_code() == 200);
}

TEST_CASE("The pages are HTML only: another Accept is 406, another ?format is 404, as DRF's TemplateHTMLRenderer",
          "[openapi]") {
    Served served;
    for (const char* path : {"/api/docs/", "/api/redoc/"}) {
        INFO(path);
        const Response refused = fetch(served.router, path, "application/json");
        CHECK(refused.status_code() == 406);
        CHECK(refused.content() == "406 Not Acceptable");
        CHECK(content_type(refused) == "text/html; charset=utf-8");
        const Response missing = fetch(served.router, std::string(path) + "?format=json");
        CHECK(missing.status_code() == 404);
        CHECK(missing.content() == "404 Not Found");
        CHECK(fetch(served.router, std::string(path) + "?format=html").status_code() == 200);
        const Response head = fetch(served.router, path, std::nullopt, Method::head);
        CHECK(head.status_code() == 200);
        CHECK_FALSE(head.has_body());
    }
}

TEST_CASE("Pages and the schema are served at the paths given; an empty page path leaves that page out", "[openapi]") {
    Served served({.schema_path = "/schema/", .swagger_path = "docs/swagger", .redoc_path = ""});
    CHECK(fetch(served.router, "/schema/").status_code() == 200);
    CHECK_THAT(fetch(served.router, "/docs/swagger/").content(), Catch::Contains("url: \"/schema/\""));
    CHECK(fetch(served.router, "/api/redoc/").status_code() == 404);
    CHECK(fetch(served.router, "/api/schema/").status_code() == 404);
}

TEST_CASE("With a local assets directory the pages load the sidecar's paths, served with their Content-Types",
          "[openapi]") {
    AssetsDir assets;
    Served served({.info = {"Projects API", "1.0.0", ""}, .assets_dir = assets.root});
    const std::string swagger = fetch(served.router, "/api/docs/").content();
    const std::string local = "/static/drf_spectacular_sidecar/";
    CHECK_THAT(swagger, Catch::Contains("<link rel=\"icon\" href=\"" + local + "swagger-ui-dist/favicon-32x32.png\">"));
    CHECK_THAT(swagger, Catch::Contains("<link rel=\"stylesheet\" href=\"" + local + "swagger-ui-dist/swagger-ui.css\">"));
    CHECK_THAT(swagger, Catch::Contains("<script src=\"" + local + "swagger-ui-dist/swagger-ui-bundle.js\">"));
    CHECK_THAT(swagger, Catch::Contains("<script src=\"" + local + "swagger-ui-dist/swagger-ui-standalone-preset.js\">"));
    CHECK_THAT(swagger, !Catch::Contains("cdn.jsdelivr.net"));
    const std::string redoc = fetch(served.router, "/api/redoc/").content();
    CHECK_THAT(redoc, Catch::Contains("<script src=\"" + local + "redoc/bundles/redoc.standalone.js\">"));
    CHECK_THAT(redoc, !Catch::Contains("cdn.jsdelivr.net"));

    const std::pair<const char*, const char*> served_files[] = {
        {"swagger-ui-dist/swagger-ui.css", "text/css"},
        {"swagger-ui-dist/swagger-ui-bundle.js", "text/javascript"},
        {"swagger-ui-dist/swagger-ui-standalone-preset.js", "text/javascript"},
        {"swagger-ui-dist/favicon-32x32.png", "image/png"},
        {"redoc/bundles/redoc.standalone.js", "text/javascript"},
    };
    for (const auto& [file, type] : served_files) {
        INFO(file);
        const Response response = fetch(served.router, local + file);
        CHECK(response.status_code() == 200);
        CHECK(content_type(response) == type);
        CHECK(response.content() == std::string("contents of ") + file);
    }
    CHECK(fetch(served.router, local + "swagger-ui-dist/index.html").status_code() == 404);
}

TEST_CASE("Local assets are read once, when the views are added: later changes to the files are not served",
          "[openapi]") {
    AssetsDir assets;
    Served served({.assets_dir = assets.root});
    fs::remove(assets.root / "redoc/bundles/redoc.standalone.js");
    const Response response = fetch(served.router, "/static/drf_spectacular_sidecar/redoc/bundles/redoc.standalone.js");
    CHECK(response.status_code() == 200);
    CHECK(response.content() == "contents of redoc/bundles/redoc.standalone.js");
}

TEST_CASE("A file missing from the local assets directory is an error when the views are added, not a 404 later",
          "[openapi]") {
    AssetsDir assets;
    fs::remove(assets.root / "swagger-ui-dist/swagger-ui-bundle.js");
    drf::routers::Router router;
    const auto add = [&](drf::openapi::SchemaViewsOptions options) {
        drf::openapi::add_schema_views(router, [] { return document; }, options);
    };
    CHECK_THROWS_WITH(add({.assets_dir = assets.root}),
                      "drf::openapi: cannot read " + (assets.root / "swagger-ui-dist/swagger-ui-bundle.js").string() +
                          " (no such file): the assets directory " + assets.root.string() +
                          " must hold swagger-ui-dist/ and redoc/bundles/ as drf-spectacular-sidecar's static files (or "
                          "node_modules after npm install swagger-ui-dist redoc) do");
    // Nothing was registered by the failed call.
    CHECK(fetch(router, "/api/schema/").status_code() == 404);
    CHECK(fetch(router, "/api/redoc/").status_code() == 404);
    SECTION("without the Swagger UI page its files are not needed") {
        add({.swagger_path = "", .assets_dir = assets.root});
        CHECK(fetch(router, "/api/redoc/").status_code() == 200);
    }
}

}  // namespace openapi_views_test
