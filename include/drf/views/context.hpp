// drf/views/context.hpp — Context: what every view of a router is built from and served with — the
// databases (Django's DATABASES), the authenticators (DEFAULT_AUTHENTICATION_CLASSES), the hosts
// (ALLOWED_HOSTS and the proxy settings), the throttles' settings and CORS. One object, given to the
// router once, instead of a factory per viewset.
#pragma once

#include <drf/auth/base.hpp>
#include <drf/http/hosts.hpp>

#include <memory>
#include <stdexcept>
#include <string>

namespace drf::db {
class Databases;  // a view that uses it includes <drf/db/databases.hpp>; one that does not pays nothing
}

namespace drf::throttling {
struct Settings;  // <drf/throttling/settings.hpp>
}
namespace drf::cors {
struct Settings;  // <drf/cors/settings.hpp>
}

namespace drf::views {

struct Context {
    // The connections views read and write through; null for a service without a database.
    db::Databases* databases = nullptr;
    // Tried in order on every request that is not force-authenticated.
    auth::Authenticators authenticators = {};
    // Django's ALLOWED_HOSTS, SECURE_PROXY_SSL_HEADER and USE_X_FORWARDED_HOST; the local names by default.
    std::shared_ptr<const http::HostSettings> hosts = http::default_host_settings();
    // REST_FRAMEWORK's DEFAULT_THROTTLE_CLASSES, DEFAULT_THROTTLE_RATES and NUM_PROXIES, and the store
    // the throttles count in; null: no throttling.
    std::shared_ptr<const throttling::Settings> throttling = nullptr;
    // django-cors-headers' CORS_* settings; null: no CORS headers, and a preflight is an ordinary OPTIONS.
    std::shared_ptr<const cors::Settings> cors = nullptr;

    // The databases, for a view constructed from them; std::logic_error naming the view when there are none.
    db::Databases& require_databases(const char* view) const {
        if (!databases)
            throw std::logic_error(std::string("drf::views::Context: ") + view +
                                   " is built from the databases, and the router's context has none: set "
                                   "Context::databases");
        return *databases;
    }
};

}  // namespace drf::views
