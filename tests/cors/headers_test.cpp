// tests/cors/headers_test.cpp — the headers on every response of an enabled path: errors, 404s, 405s and
// register_path pages; Access-Control-Expose-Headers; Vary merged as Django's patch_vary_headers; and
// CORS_URLS_REGEX; the host check before all of it.
#include "cors_app.hpp"

#include <catch2/catch.hpp>

namespace headers_test {

using namespace cors_test;

TEST_CASE("The CORS headers are on 404s, 405s and register_path pages too", "[cors]") {
    auto settings = allowing("https://a.example");
    settings.expose_headers = {"X-Total", "ETag"};
    App app(settings);
    const std::string expected = "Vary: Origin\nAccess-Control-Allow-Origin: https://a.example\n"
                                 "Access-Control-Expose-Headers: X-Total, ETag\n";
    SECTION("a DRF 405") {
        const auto response = app.client.remove("/api/items/", from_a);
        CHECK(response.status_code == 405);
        CHECK(cors_headers(response) == expected);
    }
    SECTION("a 404") {
        const auto response = app.client.get("/nowhere/", from_a);
        CHECK(response.status_code == 404);
        CHECK(cors_headers(response) == expected);
    }
    SECTION("a register_path page, its Vary merged") {
        const auto response = app.client.get("/docs/", from_a);
        CHECK(response.status_code == 200);
        CHECK(cors_headers(response) == "Vary: Accept-Encoding, accept, Origin\nAccess-Control-Allow-Origin: https://a.example\n"
                                        "Access-Control-Expose-Headers: X-Total, ETag\n");
    }
    SECTION("a register_path 405") {
        const auto response = app.client.post("/docs/", Json::object(), from_a);
        CHECK(response.status_code == 405);
        CHECK(cors_headers(response) == expected);
    }
}

TEST_CASE("expose_headers is sent as Access-Control-Expose-Headers to allowed origins only", "[cors]") {
    auto settings = allowing("https://a.example");
    settings.expose_headers = {"X-Total"};
    App app(settings);
    CHECK(app.client.get("/api/items/", from_a).header("Access-Control-Expose-Headers") == "X-Total");
    CHECK_FALSE(app.client.get("/api/items/", {{"Origin", "https://b.example"}}).header("Access-Control-Expose-Headers"));
    CHECK_FALSE(app.client.get("/api/items/").header("Access-Control-Expose-Headers"));
}

TEST_CASE("Vary: Origin is merged into a response's Vary as Django's patch_vary_headers does", "[cors]") {
    const auto patched = [](const char* vary) {
        auto response = Response(Json::object()).header("Vary", vary);
        drf::cors::detail::patch_vary_headers(response, "Origin");
        return std::string(*response.headers().get("Vary"));
    };
    CHECK(patched("Accept-Encoding, accept") == "Accept-Encoding, accept, Origin");
    CHECK(patched("Accept,origin") == "Accept, origin");  // present in another case: only re-joined
    CHECK(patched("*") == "*");
    CHECK(patched("Accept, *") == "*");
    CHECK(patched("") == ", Origin");
    CHECK(patched(" Accept , Cookie ") == " Accept, Cookie , Origin");
    Response without(Json::object());
    drf::cors::detail::patch_vary_headers(without, "Origin");
    CHECK(without.headers().get("Vary") == "Origin");
}

TEST_CASE("A path urls_regex does not match gets no CORS headers, and its OPTIONS goes to the view", "[cors]") {
    auto settings = allowing("https://a.example");
    settings.urls_regex = "/api/";  // re.match: from the start of the path, without ^
    App app(settings);
    CHECK(cors_headers(app.client.get("/api/items/", from_a)) == "Vary: Origin\nAccess-Control-Allow-Origin: https://a.example\n");
    const auto page = app.client.get("/docs/", from_a);
    CHECK(page.status_code == 200);
    CHECK(cors_headers(page) == "Vary: Accept-Encoding, accept\n");
    const auto preflight = app.client.options("/docs/", preflight_from_a);
    CHECK(preflight.status_code == 405);  // the page's own answer to OPTIONS: no preflight there
    CHECK(cors_headers(preflight) == "");
    CHECK(cors_headers(app.client.get("/v1/api/", from_a)) == "");
}

TEST_CASE("The default urls_regex matches every path without a line break, as Python's ^.*$ does", "[cors]") {
    App app(allowing("https://a.example"));
    CHECK(cors_headers(app.client.get("/api/a%0Ab/", from_a)) == "");
    CHECK(cors_headers(app.client.get("/api/ab%0A", from_a)) == "Vary: Origin\nAccess-Control-Allow-Origin: https://a.example\n");
}

TEST_CASE("A Host outside ALLOWED_HOSTS is 400 without CORS headers, a preflight included", "[cors]") {
    // django-cors-headers runs before CommonMiddleware's host check and would answer both; drf checks
    // the host first, so an untrusted Host gets no CORS answer.
    App app(allowing("https://a.example"));
    // A 400 for a Host outside ALLOWED_HOSTS can answer any request, and the document cannot know which
    // hosts the service allows: outside the contract check.
    app.client.validate_responses(false);
    for (const auto method : {drf::http::Method::get, drf::http::Method::options}) {
        const auto response = app.client.request(method, "/api/items/", std::nullopt, "",
                                                  {{"Host", "evil.example"}, {"Origin", "https://a.example"},
                                                   {"Access-Control-Request-Method", "POST"}});
        CHECK(response.status_code == 400);
        CHECK(cors_headers(response) == "");
    }
}

}  // namespace headers_test
