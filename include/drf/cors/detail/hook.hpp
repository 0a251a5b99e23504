// drf/cors/detail/hook.hpp — what a router holds of the CORS middleware: an interface that needs no
// <regex>, and the factory <drf/cors/settings.hpp> installs. A router is compiled in many TUs, and only
// the ones that build a cors::Settings pay for std::regex.
#pragma once

#include <drf/http/response.hpp>
#include <drf/http/status.hpp>

#include <memory>
#include <stdexcept>
#include <string_view>

namespace drf::http {
class Request;
}
namespace drf::cors {
struct Settings;
}

namespace drf::cors::detail {

// cors::Middleware's per-request side, as the router calls it.
class Hook {
public:
    virtual ~Hook() = default;
    virtual bool is_enabled(std::string_view path) const noexcept = 0;
    virtual bool is_preflight(const http::Request& request) const noexcept = 0;
    virtual void process_response(const http::Request& request, http::Response& response) const = 0;

protected:
    Hook() = default;
    Hook(const Hook&) = default;
    Hook& operator=(const Hook&) = default;
};

// django-cors-headers' preflight answer: 200, no body, Content-Length: 0 (the server frames it so anyway).
inline http::Response preflight_response() {
    http::Response response = http::Response::no_content(http::status::HTTP_200_OK);
    response.header("Content-Length", "0");
    return response;
}

using HookFactory = std::shared_ptr<const Hook> (*)(const Settings&);

// Set before main by any TU that includes <drf/cors/settings.hpp> (cors/middleware.hpp's
// middleware_installed); a cors::Settings cannot be built without that header, so a router given one
// always finds it set.
inline HookFactory& hook_factory() noexcept {
    static HookFactory factory = nullptr;
    return factory;
}

inline std::shared_ptr<const Hook> make_hook(const Settings& settings) {
    const HookFactory factory = hook_factory();
    if (factory == nullptr)
        throw std::logic_error(
            "drf::routers::Router: Context::cors is set, and no TU of the program included <drf/cors/settings.hpp> "
            "before the router was built (a router built during static initialisation?)");
    return factory(settings);
}

}  // namespace drf::cors::detail
