// tests/cors/settings_test.cpp — cors::Settings' defaults, and the checks of corsheaders/checks.py with
// their messages, made when the router is built.
#include "cors_app.hpp"

#include <catch2/catch.hpp>

#include <stdexcept>
#include <string>
#include <vector>

namespace settings_test {

using namespace cors_test;

std::string router_error(drf::cors::Settings settings) {
    try {
        drf::routers::Router router(drf::views::Context{.cors = std::make_shared<const drf::cors::Settings>(std::move(settings))});
    } catch (const std::invalid_argument& e) {
        return e.what();
    }
    return "";
}

TEST_CASE("cors::Settings has django-cors-headers' defaults", "[cors]") {
    const drf::cors::Settings settings;
    CHECK(settings.allowed_origins.empty());
    CHECK(settings.allowed_origin_regexes.empty());
    CHECK_FALSE(settings.allow_all_origins);
    CHECK_FALSE(settings.allow_credentials);
    CHECK(settings.allow_methods == std::vector<std::string>{"DELETE", "GET", "OPTIONS", "PATCH", "POST", "PUT"});
    CHECK(settings.allow_headers == std::vector<std::string>{"accept", "accept-encoding", "authorization", "content-type",
                                                             "dnt", "origin", "user-agent", "x-csrftoken",
                                                             "x-requested-with"});
    CHECK(settings.expose_headers.empty());
    CHECK(settings.preflight_max_age == 86400);
    CHECK(settings.urls_regex == "^.*$");
    CHECK_FALSE(settings.allow_private_network);
    CHECK(drf::cors::check_settings(settings).empty());
}

TEST_CASE("An allowed origin without a scheme or a host is refused with checks.py's E013 message", "[cors]") {
    CHECK(router_error(allowing("example.com")) ==
          "drf::cors::Settings:\n(corsheaders.E013) Origin 'example.com' in CORS_ALLOWED_ORIGINS is missing scheme or "
          "netloc\n\tHINT: Add a scheme (e.g. https://) or netloc (e.g. example.com).");
    CHECK(drf::cors::check_settings(allowing("https://")) ==
          std::vector<std::string>{"(corsheaders.E013) Origin 'https://' in CORS_ALLOWED_ORIGINS is missing scheme or "
                                   "netloc\n\tHINT: Add a scheme (e.g. https://) or netloc (e.g. example.com)."});
    // Python's repr: double quotes around a value with a single quote
    CHECK(drf::cors::check_settings(allowing("it's"))[0].starts_with("(corsheaders.E013) Origin \"it's\" in"));
}

TEST_CASE("An allowed origin with a path, query or fragment is refused with checks.py's E014 message for each", "[cors]") {
    CHECK(drf::cors::check_settings(allowing("https://a.example/")) ==
          std::vector<std::string>{"(corsheaders.E014) Origin 'https://a.example/' in CORS_ALLOWED_ORIGINS should not have path"});
    CHECK(drf::cors::check_settings(allowing("https://a.example/x?y#z")) ==
          std::vector<std::string>{
              "(corsheaders.E014) Origin 'https://a.example/x?y#z' in CORS_ALLOWED_ORIGINS should not have path",
              "(corsheaders.E014) Origin 'https://a.example/x?y#z' in CORS_ALLOWED_ORIGINS should not have query",
              "(corsheaders.E014) Origin 'https://a.example/x?y#z' in CORS_ALLOWED_ORIGINS should not have fragment"});
}

TEST_CASE("The origins null and file:// are allowed as they are, and a port or an IPv6 host is fine", "[cors]") {
    drf::cors::Settings settings;
    settings.allowed_origins = {"null", "file://", "https://a.example:8443", "http://[::1]:8000"};
    CHECK(drf::cors::check_settings(settings).empty());
    CHECK(router_error(settings).empty());
}

TEST_CASE("A negative preflight_max_age is refused with checks.py's E004 message, with every other error", "[cors]") {
    auto settings = allowing("example.com");
    settings.preflight_max_age = -1;
    CHECK(router_error(settings) ==
          "drf::cors::Settings:\n"
          "(corsheaders.E004) CORS_PREFLIGHT_MAX_AGE should be an integer greater than or equal to zero.\n"
          "(corsheaders.E013) Origin 'example.com' in CORS_ALLOWED_ORIGINS is missing scheme or netloc\n"
          "\tHINT: Add a scheme (e.g. https://) or netloc (e.g. example.com).");
}

TEST_CASE("A pattern that is not a regular expression is refused when the router is built, naming its setting", "[cors]") {
    drf::cors::Settings settings;
    SECTION("allowed_origin_regexes") {
        settings.allowed_origin_regexes = {"https://(a"};
        CHECK_THAT(router_error(settings), Catch::StartsWith("drf::cors::Settings: CORS_ALLOWED_ORIGIN_REGEXES: "
                                                             "'https://(a' is not a valid regular expression: "));
    }
    SECTION("urls_regex") {
        settings.urls_regex = "[";
        CHECK_THAT(router_error(settings),
                   Catch::StartsWith("drf::cors::Settings: CORS_URLS_REGEX: '[' is not a valid regular expression: "));
    }
}

}  // namespace settings_test
