// drf/views/context.hpp — Context: what every view of a router is built from and served with — the
// databases (Django's DATABASES), the authenticators (DEFAULT_AUTHENTICATION_CLASSES) and the hosts
// (ALLOWED_HOSTS and the proxy settings). One object, given to the router once, instead of a factory
// per viewset.
#pragma once

#include <drf/auth/base.hpp>
#include <drf/http/hosts.hpp>

#include <memory>
#include <stdexcept>
#include <string>

namespace drf::db {
class Databases;  // a view that uses it includes <drf/db/databases.hpp>; one that does not pays nothing
}

namespace drf::views {

struct Context {
    // The connections views read and write through; null for a service without a database.
    db::Databases* databases = nullptr;
    // Tried in order on every request that is not force-authenticated.
    auth::Authenticators authenticators = {};
    // Django's ALLOWED_HOSTS, SECURE_PROXY_SSL_HEADER and USE_X_FORWARDED_HOST; the local names by default.
    std::shared_ptr<const http::HostSettings> hosts = http::default_host_settings();

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
