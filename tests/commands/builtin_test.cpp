// tests/commands/builtin_test.cpp — add_builtin_commands: the built-in commands in one call, each one
// working over the databases and migrations it was given, and a project's own command replacing one.
#include <drf/auth.hpp>
#include <drf/commands.hpp>
#include <drf/commands/builtin.hpp>
#include <drf/db/sqlite.hpp>
#include <drf/routers.hpp>

#include <catch2/catch.hpp>

#include <sstream>
#include <string>
#include <vector>

namespace builtin_test {

namespace cmd = drf::commands;

struct Output {
    int status = 0;
    std::string out;
    std::string err;
};

Output call(const cmd::Registry& registry, const std::string& name, std::vector<std::string> args = {}) {
    std::ostringstream out, err;
    Output o;
    o.status = cmd::call_command(registry, name, std::move(args), out, err);
    o.out = out.str();
    o.err = err.str();
    return o;
}

struct Service {
    drf::db::Databases databases{[] { return drf::db::sqlite::open(":memory:"); }};
    drf::routers::Router router;
    cmd::Registry registry{"service"};
    Service() { cmd::add_builtin_commands(registry, databases, drf::auth::migrations(), router); }
};

struct QuietRunServer : cmd::Command {
    std::string help() const override { return "Does not serve."; }
    void handle() override { out() << "not serving\n"; }
};

TEST_CASE("add_builtin_commands registers migrate, showmigrations, sqlmigrate, createuser, drf_create_token and runserver",
          "[commands]") {
    Service service;
    CHECK(service.registry.names() ==
          std::vector<std::string>{"createuser", "drf_create_token", "migrate", "runserver", "showmigrations", "sqlmigrate"});
}

TEST_CASE("The built-in commands work over the databases and migrations given to add_builtin_commands", "[commands]") {
    Service service;
    CHECK(call(service.registry, "showmigrations").out == " [ ] auth_0001_initial\n");
    const auto migrated = call(service.registry, "migrate");
    CHECK(migrated.status == 0);
    CHECK(migrated.out == "Running migrations:\n  Applying auth_0001_initial... OK\n");
    const auto created = call(service.registry, "createuser", {"--username", "alice"});
    CHECK(created.status == 0);
    const auto token = call(service.registry, "drf_create_token", {"alice"});
    CHECK(token.status == 0);
    CHECK(token.out.rfind("Generated token ", 0) == 0);
    const auto missing = call(service.registry, "drf_create_token", {"bob"});
    CHECK(missing.status == 1);
    CHECK(missing.err == "CommandError: Cannot create the Token: user bob does not exist\n");
}

TEST_CASE("A command added under a built-in's name afterwards replaces it, as a Django app's command does",
          "[commands]") {
    Service service;
    service.registry.add<QuietRunServer>("runserver");
    CHECK(call(service.registry, "runserver").out == "not serving\n");
}

}  // namespace builtin_test
