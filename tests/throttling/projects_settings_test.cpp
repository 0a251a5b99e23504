// tests/throttling/projects_settings_test.cpp — the example service's throttle settings from its
// environment: the defaults, PROJECTS_THROTTLE_RATES, PROJECTS_NUM_PROXIES and PROJECTS_THROTTLE_STORE,
// and the ConfigurationError each bad value is.
#include "../../examples/projects/throttling_settings.hpp"

#include <drf/db/sqlite.hpp>
#include <drf/throttling/database_store.hpp>

#include <catch2/catch.hpp>

#include <cstdlib>
#include <memory>
#include <optional>
#include <string>

namespace projects_settings_test {

// Sets an environment variable for one scope, restoring what was there.
class EnvVar {
public:
    EnvVar(const char* name, std::optional<std::string> value) : name_(name) {
        if (const char* old = std::getenv(name)) old_ = old;
        if (value)
            ::setenv(name, value->c_str(), 1);
        else
            ::unsetenv(name);
    }
    ~EnvVar() {
        if (old_)
            ::setenv(name_, old_->c_str(), 1);
        else
            ::unsetenv(name_);
    }
    EnvVar(const EnvVar&) = delete;
    EnvVar& operator=(const EnvVar&) = delete;

private:
    const char* name_;
    std::optional<std::string> old_;
};

std::string configuration_error(drf::db::Databases& databases) {
    try {
        (void)projects::throttle_settings(databases);
    } catch (const projects::ConfigurationError& e) {
        return e.what();
    }
    return "";
}

TEST_CASE("The example's throttles default to anon=60/minute and archive=10/minute, no proxies, in process on SQLite",
          "[throttling]") {
    drf::db::Databases databases{[] { return drf::db::sqlite::open(":memory:"); }};
    EnvVar rates("PROJECTS_THROTTLE_RATES", std::nullopt), proxies("PROJECTS_NUM_PROXIES", std::nullopt),
        store("PROJECTS_THROTTLE_STORE", std::nullopt), url("PROJECTS_DATABASE_URL", std::nullopt);
    const auto settings = projects::throttle_settings(databases);
    CHECK(settings->rates == drf::throttling::Rates{{"anon", drf::throttling::Rate(60, 60)},
                                                    {"archive", drf::throttling::Rate(10, 60)}});
    CHECK(settings->num_proxies == 0);
    REQUIRE(settings->default_throttle_classes.size() == 1);
    CHECK(settings->default_throttle_classes[0].name() == "AnonRateThrottle");
    CHECK(std::dynamic_pointer_cast<drf::throttling::LocalStore>(settings->store));
    CHECK_FALSE(settings->rate_limit_headers);
}

TEST_CASE("The example reads its throttle settings from the environment", "[throttling]") {
    drf::db::Databases databases{[] { return drf::db::sqlite::open(":memory:"); }};
    EnvVar rates("PROJECTS_THROTTLE_RATES", "anon=5/second"), proxies("PROJECTS_NUM_PROXIES", "2"),
        url("PROJECTS_DATABASE_URL", std::nullopt);
    SECTION("rates and proxies") {
        EnvVar store("PROJECTS_THROTTLE_STORE", std::nullopt);
        const auto settings = projects::throttle_settings(databases);
        CHECK(settings->rates == drf::throttling::Rates{{"anon", drf::throttling::Rate(5, 1)}});
        CHECK(settings->num_proxies == 2);
    }
    SECTION("the database store, shared by every instance") {
        EnvVar store("PROJECTS_THROTTLE_STORE", "database");
        CHECK(std::dynamic_pointer_cast<drf::throttling::DatabaseStore>(projects::throttle_settings(databases)->store));
    }
    SECTION("the database store by default when the data is on a server (PROJECTS_DATABASE_URL)") {
        EnvVar store("PROJECTS_THROTTLE_STORE", std::nullopt), server("PROJECTS_DATABASE_URL", "postgresql://db/projects");
        CHECK(std::dynamic_pointer_cast<drf::throttling::DatabaseStore>(projects::throttle_settings(databases)->store));
    }
    SECTION("the local store when asked, even then") {
        EnvVar store("PROJECTS_THROTTLE_STORE", "local"), server("PROJECTS_DATABASE_URL", "postgresql://db/projects");
        CHECK(std::dynamic_pointer_cast<drf::throttling::LocalStore>(projects::throttle_settings(databases)->store));
    }
}

TEST_CASE("A bad throttle setting of the example is a ConfigurationError naming the variable", "[throttling]") {
    drf::db::Databases databases{[] { return drf::db::sqlite::open(":memory:"); }};
    EnvVar rates("PROJECTS_THROTTLE_RATES", std::nullopt), proxies("PROJECTS_NUM_PROXIES", std::nullopt),
        store("PROJECTS_THROTTLE_STORE", std::nullopt), url("PROJECTS_DATABASE_URL", std::nullopt);
    SECTION("PROJECTS_THROTTLE_RATES") {
        EnvVar bad("PROJECTS_THROTTLE_RATES", "anon");
        CHECK(configuration_error(databases) == "PROJECTS_THROTTLE_RATES: drf::throttling::parse_rates: the item "
                                                "\"anon\" is not <scope>=<rate>, e.g. \"anon=60/minute\"");
    }
    SECTION("PROJECTS_NUM_PROXIES") {
        for (const char* value : {"-1", "one", "1.5", "99999"}) {
            EnvVar bad("PROJECTS_NUM_PROXIES", value);
            CHECK(configuration_error(databases) ==
                  std::string("PROJECTS_NUM_PROXIES must be a non-negative integer (the number of proxies in front of "
                              "the service), not '") + value + "'");
        }
    }
    SECTION("PROJECTS_THROTTLE_STORE") {
        EnvVar bad("PROJECTS_THROTTLE_STORE", "redis");
        CHECK(configuration_error(databases) == "PROJECTS_THROTTLE_STORE must be 'local' or 'database', not 'redis'");
    }
}

}  // namespace projects_settings_test
