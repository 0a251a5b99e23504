// tests/cors/origins_test.cpp — which origins get CORS headers: CORS_ALLOWED_ORIGINS, the regexes,
// CORS_ALLOW_ALL_ORIGINS with and without credentials, and the origins that get none.
#include "cors_app.hpp"

#include <catch2/catch.hpp>

namespace origins_test {

using namespace cors_test;

TEST_CASE("An origin in CORS_ALLOWED_ORIGINS gets Access-Control-Allow-Origin with itself and Vary: Origin", "[cors]") {
    App app(allowing("https://a.example"));
    const auto response = app.client.get("/api/items/", from_a);
    CHECK(response.status_code == 200);
    CHECK(cors_headers(response) == "Vary: Origin\nAccess-Control-Allow-Origin: https://a.example\n");
    CHECK(response.data == Json::array());
}

TEST_CASE("An allowed origin is compared by scheme (in any case) and host with its port, as urlsplit splits them", "[cors]") {
    App app(allowing("https://a.example"));
    const auto allow_origin = [&](const char* origin) { return allow_origin_for(app.client, origin); };
    SECTION("the scheme is lowercased before the comparison; the answer repeats the origin as sent") {
        CHECK(allow_origin("HTTPS://a.example") == "HTTPS://a.example");
    }
    SECTION("the host is compared as written") { CHECK_FALSE(allow_origin("https://A.example")); }
    SECTION("another scheme or port is another origin, the default port included") {
        CHECK_FALSE(allow_origin("http://a.example"));
        CHECK_FALSE(allow_origin("https://a.example:443"));
    }
    SECTION("an origin with a path is compared by its scheme and host only") {
        CHECK(allow_origin("https://a.example/x") == "https://a.example/x");
    }
}

TEST_CASE("The origin null is allowed only when CORS_ALLOWED_ORIGINS lists it", "[cors]") {
    SECTION("listed") {
        App app(allowing("null"));
        CHECK(app.client.get("/api/items/", {{"Origin", "null"}}).header("Access-Control-Allow-Origin") == "null");
        // django-cors-headers 3.14 compares urlsplit("null") = ("", "") with the request's origin too, so
        // any text without a scheme passes; drf allows "null" itself only.
        CHECK_FALSE(app.client.get("/api/items/", {{"Origin", "garbage"}}).header("Access-Control-Allow-Origin"));
    }
    SECTION("not listed") {
        App app(allowing("https://a.example"));
        CHECK_FALSE(app.client.get("/api/items/", {{"Origin", "null"}}).header("Access-Control-Allow-Origin"));
    }
}

TEST_CASE("An origin CORS_ALLOWED_ORIGIN_REGEXES matches from its start is allowed, as Python's re.match", "[cors]") {
    drf::cors::Settings settings;
    SECTION("a pattern without $ allows whatever follows the match") {
        settings.allowed_origin_regexes = {R"(https://\w+\.example)"};
        App app(settings);
        const auto allow_origin = [&](const char* origin) { return allow_origin_for(app.client, origin); };
        CHECK(allow_origin("https://app.example") == "https://app.example");
        CHECK(allow_origin("https://app.example.evil.com") == "https://app.example.evil.com");
        CHECK_FALSE(allow_origin("http://app.example"));
        CHECK_FALSE(allow_origin("xhttps://app.example"));  // anchored at the start
    }
    SECTION("a pattern ending with $ allows the whole origin only") {
        settings.allowed_origin_regexes = {R"(^https://\w+\.example$)"};
        App app(settings);
        CHECK(app.client.get("/api/items/", {{"Origin", "https://app.example"}}).header("Access-Control-Allow-Origin"));
        CHECK_FALSE(app.client.get("/api/items/", {{"Origin", "https://app.example.evil.com"}}).header("Access-Control-Allow-Origin"));
    }
    SECTION("the origin null can be allowed by a pattern") {
        settings.allowed_origin_regexes = {"null"};
        App app(settings);
        CHECK(app.client.get("/api/items/", {{"Origin", "null"}}).header("Access-Control-Allow-Origin") == "null");
    }
}

TEST_CASE("allow_all_origins answers * without credentials, and the origin itself with them", "[cors]") {
    drf::cors::Settings settings;
    settings.allow_all_origins = true;
    SECTION("without credentials") {
        App app(settings);
        CHECK(cors_headers(app.client.get("/api/items/", {{"Origin", "https://b.example"}})) ==
              "Vary: Origin\nAccess-Control-Allow-Origin: *\n");
    }
    SECTION("with credentials: * would be refused by the browser") {
        settings.allow_credentials = true;
        App app(settings);
        CHECK(cors_headers(app.client.get("/api/items/", {{"Origin", "https://b.example"}})) ==
              "Vary: Origin\nAccess-Control-Allow-Credentials: true\nAccess-Control-Allow-Origin: https://b.example\n");
    }
}

TEST_CASE("A disallowed origin gets Vary: Origin and no Access-Control-Allow-Origin", "[cors]") {
    SECTION("without credentials: nothing else") {
        App app(allowing("https://a.example"));
        const auto response = app.client.get("/api/items/", {{"Origin", "https://b.example"}});
        CHECK(response.status_code == 200);
        CHECK(cors_headers(response) == "Vary: Origin\n");
    }
    SECTION("with credentials: Access-Control-Allow-Credentials all the same, as django-cors-headers sends it first") {
        auto settings = allowing("https://a.example");
        settings.allow_credentials = true;
        App app(settings);
        CHECK(cors_headers(app.client.get("/api/items/", {{"Origin", "https://b.example"}})) ==
              "Vary: Origin\nAccess-Control-Allow-Credentials: true\n");
    }
}

TEST_CASE("A request without an Origin, or with an empty or unparsable one, gets Vary: Origin only", "[cors]") {
    drf::cors::Settings settings;
    settings.allow_all_origins = true;
    settings.allow_credentials = true;
    App app(settings);
    CHECK(cors_headers(app.client.get("/api/items/")) == "Vary: Origin\n");
    CHECK(cors_headers(app.client.get("/api/items/", {{"Origin", ""}})) == "Vary: Origin\n");
    // urlsplit raises ValueError ("Invalid IPv6 URL") for it
    CHECK(cors_headers(app.client.get("/api/items/", {{"Origin", "http://[::1"}})) == "Vary: Origin\n");
}

TEST_CASE("Without CORS settings a router adds no CORS header and no Vary", "[cors]") {
    drf::routers::Router router;
    router.register_viewset<ItemViewSet>("api/items");
    drf::test::APIClient client(router);
    CHECK(cors_headers(client.get("/api/items/", from_a)).empty());
    const auto preflight = client.options("/api/items/", preflight_from_a);
    CHECK(preflight.status_code == 200);
    CHECK(preflight.data.is_object());  // DRF's metadata: an ordinary OPTIONS
    CHECK(cors_headers(preflight).empty());
}

}  // namespace origins_test
