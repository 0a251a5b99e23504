// drf/db/connect.hpp — connect(url): the database backend chosen at startup by the URL's scheme, as a
// Django settings file does with DATABASES (or dj-database-url):
//     sqlite:///relative/path.sqlite3   sqlite:////absolute/path.sqlite3   sqlite://:memory:
//     postgresql://user:password@host:5432/name   (postgres:// too)
// Each backend header registers its schemes when included, so this header pulls in no backend:
// include <drf/db/sqlite.hpp> and/or <drf/db/postgresql.hpp> — the ones you link — next to it.
#pragma once

#include <drf/db/backend.hpp>
#include <drf/db/database.hpp>

#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <string_view>
#include <utility>

namespace drf::db {

// Opens a Database from a URL whose scheme the backend registered.
using Opener = std::function<Database(const std::string& url)>;

namespace detail {
struct Backends {
    std::mutex mutex;
    std::map<std::string, Opener, std::less<>> by_scheme;
};
inline Backends& backends() {
    static Backends registry;
    return registry;
}
}  // namespace detail

// Makes `scheme` ("sqlite", "postgresql") open with `opener`; returns true, so a backend header can
// register itself with an inline variable. A later registration of the same scheme replaces it.
inline bool register_backend(std::string scheme, Opener opener) {
    auto& registry = detail::backends();
    const std::lock_guard lock(registry.mutex);
    registry.by_scheme[std::move(scheme)] = std::move(opener);
    return true;
}

// The Database `url` names. A URL without "scheme://", or with a scheme no included backend
// registered, is an OperationalError that says which schemes this program knows.
inline Database connect(const std::string& url) {
    const auto colon = url.find("://");
    Opener opener;
    std::string known;  // the registered schemes, for the error message
    {
        auto& registry = detail::backends();
        const std::lock_guard lock(registry.mutex);
        if (colon != std::string::npos) {
            if (const auto it = registry.by_scheme.find(std::string_view(url).substr(0, colon)); it != registry.by_scheme.end())
                opener = it->second;
        }
        if (!opener)
            for (const auto& [scheme, f] : registry.by_scheme) known += (known.empty() ? "" : ", ") + scheme + "://";
    }
    if (!opener) {
        // The URL itself is not repeated: it may hold a password.
        const std::string what = colon == std::string::npos
                                     ? "has no scheme (such as sqlite:// or postgresql://)"
                                     : "names the scheme \"" + url.substr(0, colon) + "://\", which no included backend registered";
        throw OperationalError("drf::db::connect: the database URL " + what + "; known: " +
                               (known.empty() ? "none (include <drf/db/sqlite.hpp> or <drf/db/postgresql.hpp>)" : known));
    }
    return opener(url);
}

}  // namespace drf::db
