// tests/cors/hook_test.cpp — how a router, which holds the CORS middleware as cors::detail::Hook and does
// not compile std::regex, builds it: through the factory <drf/cors/settings.hpp> installs.
#include <drf/cors/detail/hook.hpp>
#include <drf/cors/settings.hpp>
#include <drf/routers.hpp>

#include <catch2/catch.hpp>

#include <memory>
#include <stdexcept>
#include <string>

namespace hook_test {

TEST_CASE("A router given CORS settings holds a cors::Middleware built from them", "[cors]") {
    const auto settings = std::make_shared<const drf::cors::Settings>(drf::cors::Settings{.urls_regex = "^/api/"});
    const auto hook = drf::cors::detail::make_hook(*settings);
    const auto* middleware = dynamic_cast<const drf::cors::Middleware*>(hook.get());
    REQUIRE(middleware != nullptr);
    CHECK(middleware->settings().urls_regex == "^/api/");
    CHECK(hook->is_enabled("/api/items/"));
    CHECK_FALSE(hook->is_enabled("/docs/"));
}

TEST_CASE("A router built with CORS settings before the factory is installed is a logic_error saying so", "[cors]") {
    auto& factory = drf::cors::detail::hook_factory();
    const auto installed = factory;
    factory = nullptr;
    std::string message;
    try {
        drf::routers::Router router(drf::views::Context{.cors = std::make_shared<const drf::cors::Settings>()});
    } catch (const std::logic_error& e) {
        message = e.what();
    }
    factory = installed;
    CHECK(message ==
          "drf::routers::Router: Context::cors is set, and no TU of the program included <drf/cors/settings.hpp> "
          "before the router was built (a router built during static initialisation?)");
}

}  // namespace hook_test
