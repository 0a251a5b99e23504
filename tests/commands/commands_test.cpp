// tests/commands/commands_test.cpp — management commands: dispatch, help, arguments, CommandError and other
// errors out of handle(), the built-in migrate, showmigrations and createuser, and the example service's
// cleanup_inactive over the last_login that token requests record.
#include <drf/auth.hpp>
#include <drf/commands.hpp>
#include <drf/commands/createuser.hpp>
#include <drf/db/sqlite.hpp>
#include <drf/http/request.hpp>

#include "../../examples/projects/commands.hpp"  // the example service's cleanup_inactive

#include <catch2/catch.hpp>

#include <algorithm>
#include <sstream>
#include <stdexcept>

namespace commands_test {

namespace cmd = drf::commands;
namespace db = drf::db;

// Django's BaseCommand shape: help, add_arguments, handle, output through out()/err().
struct Greet : cmd::Command {
    std::string name = "world";
    int times = 1;
    bool shout = false;
    std::string help() const override { return "Greets someone."; }
    void add_arguments(CLI::App& parser) override {
        parser.add_option("--name", name, "Who to greet.");
        parser.add_option("--times", times, "How often.")->check(CLI::PositiveNumber);
        parser.add_flag("--shout", shout, "Louder.");
    }
    void handle() override {
        if (name == "nobody") throw cmd::CommandError("There is nobody to greet.", 3);
        for (int i = 0; i < times; ++i) out() << (shout ? "HELLO, " : "Hello, ") << name << "\n";
    }
};

// A command whose work fails with something other than a CommandError: a query on a missing table.
struct Report : cmd::Command {
    db::Databases& databases;
    explicit Report(db::Databases& d) : databases(d) {}
    std::string help() const override { return "Reports on a table that does not exist."; }
    void handle() override {
        out() << "Reporting...\n";
        databases.get().connection().execute("SELECT * FROM missing_table");
    }
};

struct Run {
    int status = 0;
    std::string out;
    std::string err;
};

Run run(const cmd::Registry& registry, std::vector<std::string> argv) {
    std::vector<const char*> raw{"manage"};
    for (const auto& a : argv) raw.push_back(a.c_str());
    std::ostringstream out, err;
    Run r;
    r.status = cmd::manage(registry, static_cast<int>(raw.size()), raw.data(), out, err);
    r.out = out.str();
    r.err = err.str();
    return r;
}

struct App {
    db::Databases databases{[] { return db::sqlite::open(":memory:"); }};
    cmd::Registry registry{"manage"};
    App() {
        registry.add<Greet>("greet");
        registry.add<Report>("report", std::ref(databases));
        registry.add<cmd::MigrateCommand>("migrate", std::ref(databases), drf::auth::migrations());
        registry.add<cmd::ShowMigrationsCommand>("showmigrations", std::ref(databases), drf::auth::migrations());
        registry.add<cmd::CreateUserCommand>("createuser", std::ref(databases));
    }
};

TEST_CASE("A command runs with its options and writes to its output stream", "[commands]") {
    App app;
    const auto r = run(app.registry, {"greet", "--name", "Ada", "--times", "2"});
    CHECK(r.status == 0);
    CHECK(r.out == "Hello, Ada\nHello, Ada\n");
    CHECK(r.err.empty());
    CHECK(run(app.registry, {"greet", "--shout"}).out == "HELLO, world\n");
}

TEST_CASE("call_command runs a command from code, as Django's call_command", "[commands]") {
    App app;
    std::ostringstream out, err;
    CHECK(cmd::call_command(app.registry, "greet", {"--name", "Lin"}, out, err) == 0);
    CHECK(out.str() == "Hello, Lin\n");
}

TEST_CASE("A CommandError prints 'CommandError: <message>' on stderr and exits with its code", "[commands]") {
    App app;
    const auto r = run(app.registry, {"greet", "--name", "nobody"});
    CHECK(r.status == 3);
    CHECK(r.err == "CommandError: There is nobody to greet.\n");
    CHECK(r.out.empty());
}

TEST_CASE("Any other exception out of handle() prints 'Error: <message>' on stderr and exits 1", "[commands]") {
    App app;
    SECTION("through manage") {
        const auto r = run(app.registry, {"report"});
        CHECK(r.status == 1);
        CHECK(r.out == "Reporting...\n");  // what the command said before it failed is kept
        CHECK_THAT(r.err, Catch::StartsWith("Error: ") && Catch::Contains("missing_table") && Catch::EndsWith("\n"));
        CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1);
    }
    SECTION("through call_command") {
        std::ostringstream out, err;
        CHECK(cmd::call_command(app.registry, "report", {}, out, err) == 1);
        CHECK_THAT(err.str(), Catch::StartsWith("Error: ") && Catch::Contains("missing_table"));
    }
    SECTION("a plain std::runtime_error") {
        cmd::Registry registry;
        struct Fails : cmd::Command {
            std::string help() const override { return "Fails."; }
            void handle() override { throw std::runtime_error("disk full"); }
        };
        registry.add<Fails>("fails");
        std::ostringstream out, err;
        CHECK(cmd::call_command(registry, "fails", {}, out, err) == 1);
        CHECK(err.str() == "Error: disk full\n");
        CHECK(out.str().empty());
    }
}

TEST_CASE("A throw of a type that is not a std::exception prints 'Error: an exception of unknown type' and exits 1",
          "[commands]") {
    cmd::Registry registry;
    struct ThrowsInt : cmd::Command {
        std::string help() const override { return "Throws an int."; }
        void handle() override {
            out() << "Starting...\n";
            throw 42;
        }
    };
    struct ThrowsInAddArguments : cmd::Command {
        std::string help() const override { return "Throws while declaring its options."; }
        void add_arguments(CLI::App&) override { throw "not an exception object"; }
        void handle() override {}
    };
    registry.add<ThrowsInt>("throws_int");
    registry.add<ThrowsInAddArguments>("throws_in_add_arguments");

    SECTION("out of handle(), through call_command") {
        std::ostringstream out, err;
        CHECK(cmd::call_command(registry, "throws_int", {}, out, err) == 1);
        CHECK(err.str() == "Error: an exception of unknown type (not a std::exception)\n");
        CHECK(out.str() == "Starting...\n");  // what the command said before it failed is kept
    }
    SECTION("out of add_arguments(), through manage") {
        const auto r = run(registry, {"throws_in_add_arguments"});
        CHECK(r.status == 1);
        CHECK(r.err == "Error: an exception of unknown type (not a std::exception)\n");
    }
}

TEST_CASE("An option declared twice in add_arguments prints CLI11's 'Error: <message>' and exits 1", "[commands]") {
    cmd::Registry registry;
    struct DuplicateOption : cmd::Command {
        bool dry_run = false;
        std::string help() const override { return "Declares --dry-run twice."; }
        void add_arguments(CLI::App& parser) override {
            parser.add_flag("--dry-run", dry_run);
            parser.add_flag("--dry-run", dry_run);
        }
        void handle() override {}
    };
    registry.add<DuplicateOption>("duplicate");
    const auto r = run(registry, {"duplicate"});
    CHECK(r.status == 1);
    CHECK_THAT(r.err, Catch::StartsWith("Error: ") && Catch::Contains("dry-run") && Catch::EndsWith("\n"));
}

TEST_CASE("An unknown command or a bad option is a clear message and a non-zero exit", "[commands]") {
    App app;
    const auto unknown = run(app.registry, {"frobnicate"});
    CHECK(unknown.status == 1);
    CHECK(unknown.err == "Unknown command: 'frobnicate'\nType 'manage help' for usage.\n");
    const auto bad = run(app.registry, {"greet", "--nope"});
    CHECK(bad.status == 2);
    CHECK_THAT(bad.err, Catch::StartsWith("manage greet: error: "));
    CHECK_THAT(bad.err, Catch::Contains("--nope"));
    const auto invalid = run(app.registry, {"greet", "--times", "0"});
    CHECK(invalid.status == 2);
    CHECK_THAT(invalid.err, Catch::Contains("--times"));
}

TEST_CASE("help lists the commands; help <command> shows its options", "[commands]") {
    App app;
    const auto all = run(app.registry, {"help"});
    CHECK(all.status == 0);
    CHECK_THAT(all.out, Catch::Contains("Available subcommands:"));
    CHECK_THAT(all.out, Catch::Contains("greet               Greets someone."));
    CHECK_THAT(all.out, Catch::Contains("migrate"));
    const auto one = run(app.registry, {"help", "greet"});
    CHECK(one.status == 0);
    CHECK_THAT(one.out, Catch::Contains("--times"));
    CHECK_THAT(one.out, Catch::Contains("Who to greet."));
    CHECK(run(app.registry, {}).status == 0);
}

TEST_CASE("migrate prints 'Applying <name>... OK' per migration, then 'No migrations to apply.'", "[commands]") {
    App app;
    const auto first = run(app.registry, {"migrate"});
    CHECK(first.status == 0);
    CHECK(first.out == "Running migrations:\n  Applying auth_0001_initial... OK\n");
    const auto again = run(app.registry, {"migrate"});
    CHECK(again.out == "Running migrations:\n  No migrations to apply.\n");
}

TEST_CASE("migrate --plan shows what would run without running it; --fake records without running", "[commands]") {
    App app;
    CHECK(run(app.registry, {"migrate", "--plan"}).out == "Planned operations:\nauth_0001_initial\n");
    CHECK(run(app.registry, {"showmigrations"}).out == " [ ] auth_0001_initial\n");
    CHECK(run(app.registry, {"migrate", "--fake"}).out == "Running migrations:\n  Applying auth_0001_initial... FAKED\n");
    CHECK(run(app.registry, {"showmigrations"}).out == " [X] auth_0001_initial\n");
    CHECK(app.databases.get().connection().table_columns("auth_user").empty());  // faked: nothing ran
}

TEST_CASE("A failing migrate is a CommandError naming the problem", "[commands]") {
    db::Databases databases{[] { return db::sqlite::open(":memory:"); }};
    cmd::Registry registry{"manage"};
    registry.add<cmd::MigrateCommand>("migrate", std::ref(databases),
                                      std::vector<drf::migrations::Migration>{{"0001_broken", {}, {drf::migrations::run_sql("NOT SQL")}, {}}});
    const auto r = run(registry, {"migrate"});
    CHECK(r.status == 1);
    CHECK(r.out == "Running migrations:\n  Applying 0001_broken... FAILED\n");
    CHECK_THAT(r.err, Catch::StartsWith("CommandError: The migration failed and was rolled back: "));
}

TEST_CASE("createuser prints the new token alone on the last line; a duplicate is a CommandError that changes nothing",
          "[commands]") {
    App app;
    run(app.registry, {"migrate"});
    const auto r = run(app.registry, {"createuser", "--username", "alice", "--staff"});
    CHECK(r.status == 0);
    const std::string last_line = r.out.substr(r.out.rfind('\n', r.out.size() - 2) + 1);
    const std::string key = last_line.substr(0, last_line.size() - 1);
    CHECK(key.size() == 40);
    const auto user = drf::auth::user_for_token(app.databases.get(), key);
    REQUIRE(user);
    CHECK(user->username == "alice");
    CHECK(user->is_staff);
    const auto dup = run(app.registry, {"createuser", "--username", "alice"});
    CHECK(dup.status == 1);
    CHECK(dup.err == "CommandError: A user with that username already exists.\n");
    CHECK(db::objects<drf::auth::User>(app.databases.get()).count() == 1);
    CHECK(db::objects<drf::auth::Token>(app.databases.get()).count() == 1);
    CHECK(run(app.registry, {"createuser"}).status == 2);  // --username is required
}

TEST_CASE("createuser --email takes a valid address and stores it with the domain lowercased, as Django does",
          "[commands]") {
    App app;
    run(app.registry, {"migrate"});
    CHECK(run(app.registry, {"createuser", "--username", "alice", "--email", "Alice@Example.COM"}).status == 0);
    CHECK(run(app.registry, {"createuser", "--username", "bob", "--email", "bob@localhost"}).status == 0);
    CHECK(run(app.registry, {"createuser", "--username", "carol"}).status == 0);  // the option is optional
    const auto users = db::objects<drf::auth::User>(app.databases.get()).order_by(drf::models::asc(&drf::auth::User::username)).all();
    REQUIRE(users.size() == 3);
    CHECK(users[0].email == "Alice@example.com");
    CHECK(users[1].email == "bob@localhost");
    CHECK(users[2].email.empty());
}

TEST_CASE("createuser --email with an invalid address exits non-zero with Django's 'Enter a valid email address.' "
          "and creates no user",
          "[commands]") {
    App app;
    run(app.registry, {"migrate"});
    for (const std::string address : {"not-an-address", "a@b", "a@b.c", " a@b.com", "a@b.com ", "a@-b.com"}) {
        INFO(address);
        const auto r = run(app.registry, {"createuser", "--username", "alice", "--email", address});
        CHECK(r.status == 1);
        CHECK(r.err == "CommandError: Enter a valid email address.\n");
        CHECK(r.out.empty());
    }
    // Over 254 characters: Django's max_length message, after the address's own when both apply.
    const std::string long_valid = std::string(300, 'x') + "@b.com";
    CHECK(run(app.registry, {"createuser", "--username", "alice", "--email", long_valid}).err ==
          "CommandError: Ensure this value has at most 254 characters (it has 306).\n");
    CHECK(run(app.registry, {"createuser", "--username", "alice", "--email", std::string(300, 'b')}).err ==
          "CommandError: Enter a valid email address.; Ensure this value has at most 254 characters (it has 300).\n");
    CHECK(db::objects<drf::auth::User>(app.databases.get()).count() == 0);
    CHECK(db::objects<drf::auth::Token>(app.databases.get()).count() == 0);
}

TEST_CASE("cleanup_inactive deactivates the users whose tokens were last used over 90 days ago", "[commands]") {
    drf::FrozenClock clock(drf::parse_datetime("2026-01-01T12:00:00Z").value());
    const drf::ClockOverride frozen(clock);
    App app;
    app.registry.add<projects::CleanupInactive>("cleanup_inactive", std::ref(app.databases));
    run(app.registry, {"migrate"});
    db::Database& database = app.databases.get();
    const auto alice = drf::auth::create_user(database, "alice");
    const auto bob = drf::auth::create_user(database, "bob");
    const auto carol = drf::auth::create_user(database, "carol");  // never uses her token
    const std::string alices_key = drf::auth::create_token(database, alice);
    const std::string bobs_key = drf::auth::create_token(database, bob);
    drf::auth::create_token(database, carol);

    const drf::auth::TokenAuthentication token_auth(app.databases);
    const auto use = [&](const std::string& key) {
        drf::http::Headers headers;
        headers.add("Authorization", "Token " + key);
        return token_auth.authenticate(drf::http::Request(drf::http::Method::get, "/api/projects/", std::move(headers)));
    };
    REQUIRE(use(alices_key));
    REQUIRE(use(bobs_key));
    CHECK(run(app.registry, {"cleanup_inactive", "--dry-run"}).out == "Would deactivate 0 users\n");

    clock.advance(boost::posix_time::hours(24 * 91));
    REQUIRE(use(bobs_key));  // bob is back; alice is not
    CHECK(run(app.registry, {"cleanup_inactive", "--dry-run"}).out == "Would deactivate 1 users\n");
    CHECK(run(app.registry, {"cleanup_inactive"}).out == "Deactivated 1 users\n");

    const auto users = db::objects<drf::auth::User>(database);
    CHECK_FALSE(users.get(alice.id).is_active);
    CHECK(users.get(bob.id).is_active);
    CHECK(users.get(carol.id).is_active);  // NULL last_login: never matched, as in Django
    CHECK_THROWS_WITH(use(alices_key), "User inactive or deleted.");
}

}  // namespace commands_test
