// examples/projects/throttling_settings.hpp — the throttles' settings from the environment:
// PROJECTS_THROTTLE_RATES, PROJECTS_NUM_PROXIES and PROJECTS_THROTTLE_STORE. Every view is throttled by
// AnonRateThrottle (DEFAULT_THROTTLE_CLASSES); the archive action by its own (throttles.hpp).
#pragma once

#include "settings.hpp"

#include <drf/db/databases.hpp>
#include <drf/throttling.hpp>
#include <drf/throttling/database_store.hpp>
#include <drf/views/context.hpp>

#include <cstddef>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>

namespace projects {

inline constexpr std::string_view default_throttle_rates = "anon=60/minute,archive=10/minute";

namespace detail {

// PROJECTS_NUM_PROXIES: how many proxies in front of the service append to X-Forwarded-For.
inline std::size_t num_proxies() {
    const auto text = env("PROJECTS_NUM_PROXIES");
    if (!text) return 0;
    std::size_t value = 0;
    for (const char c : *text) {
        if (c < '0' || c > '9' || value > 1000)
            throw ConfigurationError("PROJECTS_NUM_PROXIES must be a non-negative integer (the number of proxies in "
                                     "front of the service), not '" + *text + "'");
        value = value * 10 + static_cast<std::size_t>(c - '0');
    }
    return value;
}

// PROJECTS_THROTTLE_STORE: "local" (this process's memory) or "database" (shared by every instance);
// by default the database for PostgreSQL (PROJECTS_DATABASE_URL, where several instances may run) and
// the process for SQLite.
inline std::shared_ptr<drf::throttling::Store> throttle_store(drf::db::Databases& databases) {
    const std::string store = env("PROJECTS_THROTTLE_STORE").value_or(env("PROJECTS_DATABASE_URL") ? "database" : "local");
    if (store == "local") return std::make_shared<drf::throttling::LocalStore>();
    if (store == "database") return std::make_shared<drf::throttling::DatabaseStore>(databases);
    throw ConfigurationError("PROJECTS_THROTTLE_STORE must be 'local' or 'database', not '" + store + "'");
}

}  // namespace detail

inline std::shared_ptr<const drf::throttling::Settings> throttle_settings(drf::db::Databases& databases) {
    auto settings = std::make_shared<drf::throttling::Settings>();
    settings->default_throttle_classes = {drf::throttling::AnonRateThrottle{}};
    try {
        settings->rates = drf::throttling::parse_rates(env("PROJECTS_THROTTLE_RATES").value_or(std::string(default_throttle_rates)));
    } catch (const std::invalid_argument& e) {
        throw ConfigurationError(std::string("PROJECTS_THROTTLE_RATES: ") + e.what());
    }
    settings->num_proxies = detail::num_proxies();
    settings->store = detail::throttle_store(databases);
    return settings;
}

}  // namespace projects
