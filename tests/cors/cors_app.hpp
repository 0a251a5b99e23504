// tests/cors/cors_app.hpp — a small router served with CORS settings, shared by the [cors] tests: a
// viewset anyone may call, one that needs authentication, and a page registered at an exact path.
#pragma once

#include <drf/cors.hpp>
#include <drf/permissions.hpp>
#include <drf/routers.hpp>
#include <drf/test/client.hpp>
#include <drf/viewsets.hpp>

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace cors_test {

using drf::Json;
using drf::http::Request;
using drf::http::Response;

struct ItemViewSet : drf::viewsets::ViewSet<ItemViewSet> {
    Response list(Request&) { return Response(Json::array()); }
};

struct PrivateViewSet : drf::viewsets::ViewSet<PrivateViewSet> {
    static constexpr auto permission_classes = drf::permissions::IsAuthenticated{};
    Response list(Request&) { return Response(Json::array()); }
};

struct App {
    drf::routers::Router router;
    drf::test::APIClient client{router};

    explicit App(drf::cors::Settings settings)
        : router(drf::views::Context{.cors = std::make_shared<const drf::cors::Settings>(std::move(settings))}) {
        router.register_viewset<ItemViewSet>("api/items");
        router.register_viewset<PrivateViewSet>("api/private");
        router.register_path("/docs/", [](const Request&) {
            return Response::from_text("<html></html>", "text/html; charset=utf-8").header("Vary", "Accept-Encoding, accept");
        });
    }
};

inline drf::cors::Settings allowing(std::string origin) {
    drf::cors::Settings settings;
    settings.allowed_origins = {std::move(origin)};
    return settings;
}

// The CORS headers of a response, and Vary, in one line each: "Access-Control-Allow-Origin: https://a.example".
template <class R>
std::string cors_headers(const R& response) {
    std::string out;
    for (const auto& [name, value] : response.headers)
        if (drf::detail::starts_with_icase(name, "Access-Control-") || drf::detail::iequals(name, "Vary"))
            out += name + ": " + value + "\n";
    return out;
}

// A header's value kept beyond the response it came from.
inline std::optional<std::string> optional_string(std::optional<std::string_view> value) {
    return value ? std::optional<std::string>(*value) : std::nullopt;
}

// The Access-Control-Allow-Origin a GET from `origin` gets.
inline std::optional<std::string> allow_origin_for(drf::test::APIClient& client, const char* origin) {
    return optional_string(client.get("/api/items/", {{"Origin", origin}}).header("Access-Control-Allow-Origin"));
}

inline const drf::http::Headers from_a{{"Origin", "https://a.example"}};
inline const drf::http::Headers preflight_from_a{{"Origin", "https://a.example"}, {"Access-Control-Request-Method", "POST"}};

}  // namespace cors_test
