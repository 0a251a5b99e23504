// drf/cors/settings.hpp — cors::Settings: django-cors-headers' CORS_* settings with its defaults, and
// check_settings(), the checks of corsheaders/checks.py with their messages.
#pragma once

#include <drf/core/detail/python_repr.hpp>
#include <drf/cors/detail/urlsplit.hpp>

#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace drf::cors {

// corsheaders.defaults.default_headers and default_methods.
inline std::vector<std::string> default_headers() {
    return {"accept", "accept-encoding", "authorization", "content-type", "dnt",
            "origin", "user-agent",      "x-csrftoken",   "x-requested-with"};
}
inline std::vector<std::string> default_methods() { return {"DELETE", "GET", "OPTIONS", "PATCH", "POST", "PUT"}; }

// One member per django-cors-headers setting, named after it without the CORS_ prefix:
//     drf::cors::Settings{.allowed_origins = {"https://app.example"}, .allow_credentials = true}
// Given to a router as Context::cors; the router checks it (check_settings) when it is built.
struct Settings {
    // CORS_ALLOWED_ORIGINS: "scheme://host[:port]" each, or "null"; compared by scheme and netloc.
    std::vector<std::string> allowed_origins = {};
    // CORS_ALLOWED_ORIGIN_REGEXES: ECMAScript patterns (std::regex), anchored at the start only, as
    // Python's re.match: end one with $ to anchor the end too.
    std::vector<std::string> allowed_origin_regexes = {};
    // CORS_ALLOW_ALL_ORIGINS: every origin; answered "*" unless allow_credentials, then the origin itself.
    bool allow_all_origins = false;
    // CORS_ALLOW_CREDENTIALS: Access-Control-Allow-Credentials: true.
    bool allow_credentials = false;
    // CORS_ALLOW_METHODS and CORS_ALLOW_HEADERS: what a preflight (any OPTIONS) says is allowed.
    std::vector<std::string> allow_methods = default_methods();
    std::vector<std::string> allow_headers = default_headers();
    // CORS_EXPOSE_HEADERS: Access-Control-Expose-Headers, when not empty.
    std::vector<std::string> expose_headers = {};
    // CORS_PREFLIGHT_MAX_AGE, in seconds; 0 sends no Access-Control-Max-Age.
    std::int64_t preflight_max_age = 86400;
    // CORS_URLS_REGEX: the paths CORS applies to, matched as re.match does (from the start). The
    // default is every path, checked without running a regex.
    std::string urls_regex = "^.*$";
    // CORS_ALLOW_PRIVATE_NETWORK (django-cors-headers 4.0): Access-Control-Allow-Private-Network: true
    // to an allowed origin whose request carries Access-Control-Request-Private-Network: true.
    bool allow_private_network = false;
};

// checks.py's errors for `settings`, as Django prints them without the "?: " prefix: "(corsheaders.E013)
// Origin 'example.com' in CORS_ALLOWED_ORIGINS is missing scheme or netloc\n\tHINT: ...". The checks of
// a Python type (a bool, a sequence of strings) have nothing to check here: the C++ types enforce them.
inline std::vector<std::string> check_settings(const Settings& settings) {
    std::vector<std::string> errors;
    if (settings.preflight_max_age < 0)
        errors.emplace_back("(corsheaders.E004) CORS_PREFLIGHT_MAX_AGE should be an integer greater than or equal to zero.");
    for (const auto& origin : settings.allowed_origins) {
        // From 'security sensitive' contexts, and from files on Chrome on Android.
        if (origin == "null" || origin == "file://") continue;
        const auto parsed = detail::urlsplit(origin);
        if (!parsed || parsed->scheme.empty() || parsed->netloc.empty()) {
            errors.push_back("(corsheaders.E013) Origin " + drf::detail::python_repr(origin) +
                             " in CORS_ALLOWED_ORIGINS is missing scheme or netloc\n\tHINT: Add a scheme (e.g. "
                             "https://) or netloc (e.g. example.com).");
            continue;
        }
        const std::pair<const char*, std::string_view> parts[] = {
            {"path", parsed->path}, {"query", parsed->query}, {"fragment", parsed->fragment}};
        for (const auto& [part, value] : parts)
            if (!value.empty())
                errors.push_back("(corsheaders.E014) Origin " + drf::detail::python_repr(origin) +
                                 " in CORS_ALLOWED_ORIGINS should not have " + part);
    }
    return errors;
}

// std::invalid_argument with every error of check_settings, one a line, when there is any.
inline void validate(const Settings& settings) {
    const auto errors = check_settings(settings);
    if (errors.empty()) return;
    std::string message = "drf::cors::Settings:";
    for (const auto& e : errors) message += "\n" + e;
    throw std::invalid_argument(message);
}

}  // namespace drf::cors

// Whoever builds a Settings can give it to a router, and a router holds only cors::detail::Hook: the
// middleware (and <regex>) comes with the settings, so that routers.hpp does not carry it.
#include <drf/cors/middleware.hpp>
