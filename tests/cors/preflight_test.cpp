// tests/cors/preflight_test.cpp — the preflight django-cors-headers answers before anything else runs,
// and the OPTIONS headers: Access-Control-Allow-Headers, -Methods, -Max-Age, -Private-Network.
#include "cors_app.hpp"

#include <catch2/catch.hpp>

namespace preflight_test {

using namespace cors_test;

const std::string default_preflight_headers =
    "Vary: Origin\n"
    "Access-Control-Allow-Origin: https://a.example\n"
    "Access-Control-Allow-Headers: accept, accept-encoding, authorization, content-type, dnt, origin, user-agent, "
    "x-csrftoken, x-requested-with\n"
    "Access-Control-Allow-Methods: DELETE, GET, OPTIONS, PATCH, POST, PUT\n"
    "Access-Control-Max-Age: 86400\n";

TEST_CASE("A preflight is answered 200 with an empty body, Content-Length 0 and the CORS headers", "[cors]") {
    App app(allowing("https://a.example"));
    const auto response = app.client.options("/api/items/", preflight_from_a);
    CHECK(response.status_code == 200);
    CHECK(response.content.empty());
    CHECK(response.header("Content-Length") == "0");
    CHECK(cors_headers(response) == default_preflight_headers);
}

TEST_CASE("A preflight is answered before authentication: a viewset with IsAuthenticated still answers it 200", "[cors]") {
    App app(allowing("https://a.example"));
    const auto preflight = app.client.options("/api/private/", preflight_from_a);
    CHECK(preflight.status_code == 200);
    CHECK(preflight.content.empty());
    CHECK(cors_headers(preflight) == default_preflight_headers);
    // the request it announces is refused, with the CORS headers so the page can read why
    const auto refused = app.client.get("/api/private/", from_a);
    CHECK(refused.status_code == 403);
    CHECK(cors_headers(refused) == "Vary: Origin\nAccess-Control-Allow-Origin: https://a.example\n");
}

TEST_CASE("A preflight on a path no route matches is answered 200 before the 404", "[cors]") {
    App app(allowing("https://a.example"));
    const auto response = app.client.options("/nowhere/", preflight_from_a);
    CHECK(response.status_code == 200);
    CHECK(cors_headers(response) == default_preflight_headers);
}

TEST_CASE("A preflight without an Origin, or from an origin not allowed, is answered 200 without CORS headers", "[cors]") {
    App app(allowing("https://a.example"));
    const auto anonymous = app.client.options("/api/items/", {{"Access-Control-Request-Method", "POST"}});
    CHECK(anonymous.status_code == 200);
    CHECK(anonymous.content.empty());
    CHECK(cors_headers(anonymous) == "Vary: Origin\n");
    const auto other = app.client.options("/api/items/", {{"Origin", "https://b.example"}, {"Access-Control-Request-Method", "POST"}});
    CHECK(other.status_code == 200);
    CHECK(cors_headers(other) == "Vary: Origin\n");
}

TEST_CASE("An OPTIONS without Access-Control-Request-Method is DRF's metadata answer, with the preflight headers", "[cors]") {
    App app(allowing("https://a.example"));
    SECTION("a viewset anyone may call") {
        const auto response = app.client.options("/api/items/", from_a);
        CHECK(response.status_code == 200);
        CHECK(response.data.is_object());
        CHECK(cors_headers(response) == default_preflight_headers);
    }
    SECTION("a viewset that refuses it: the 403 has them too") {
        const auto response = app.client.options("/api/private/", from_a);
        CHECK(response.status_code == 403);
        CHECK(cors_headers(response) == default_preflight_headers);
    }
}

TEST_CASE("A simple request from an allowed origin gets no Allow-Headers, Allow-Methods or Max-Age", "[cors]") {
    App app(allowing("https://a.example"));
    const auto response = app.client.get("/api/items/", preflight_from_a);
    CHECK(response.status_code == 200);
    CHECK(cors_headers(response) == "Vary: Origin\nAccess-Control-Allow-Origin: https://a.example\n");
}

TEST_CASE("preflight_max_age 0 sends no Access-Control-Max-Age; allow_methods and allow_headers replace the defaults", "[cors]") {
    auto settings = allowing("https://a.example");
    settings.preflight_max_age = 0;
    settings.allow_methods = {"GET", "POST"};
    settings.allow_headers = {"content-type", "x-api-key"};
    App app(settings);
    CHECK(cors_headers(app.client.options("/api/items/", preflight_from_a)) ==
          "Vary: Origin\n"
          "Access-Control-Allow-Origin: https://a.example\n"
          "Access-Control-Allow-Headers: content-type, x-api-key\n"
          "Access-Control-Allow-Methods: GET, POST\n");
}

TEST_CASE("allow_private_network answers a preflight that asks for the private network from an allowed origin", "[cors]") {
    auto settings = allowing("https://a.example");
    const drf::http::Headers asking{{"Origin", "https://a.example"},
                                    {"Access-Control-Request-Method", "GET"},
                                    {"Access-Control-Request-Private-Network", "true"}};
    const auto private_network = [&](drf::test::APIClient& client, const drf::http::Headers& headers) {
        return optional_string(client.options("/api/items/", headers).header("Access-Control-Allow-Private-Network"));
    };
    SECTION("on") {
        settings.allow_private_network = true;
        App app(settings);
        CHECK(private_network(app.client, asking) == "true");
        CHECK_FALSE(private_network(app.client, preflight_from_a));  // not asked
        CHECK_FALSE(private_network(app.client, {{"Origin", "https://a.example"},
                                                 {"Access-Control-Request-Method", "GET"},
                                                 {"Access-Control-Request-Private-Network", "yes"}}));
        CHECK_FALSE(private_network(app.client, {{"Origin", "https://b.example"},
                                                 {"Access-Control-Request-Method", "GET"},
                                                 {"Access-Control-Request-Private-Network", "true"}}));
    }
    SECTION("off, the default") {
        App app(settings);
        CHECK_FALSE(private_network(app.client, asking));
    }
}

}  // namespace preflight_test
