// tests/auth/token_cache_test.cpp — TokenAuthentication's cache of keys to users: a revoked token, a
// deleted or deactivated user, a changed flag or a rotated token is seen at the next request, by every
// path that writes (the ORM, bulk QuerySet::update/remove, raw SQL) and from another connection or
// another process on the same database; the cache is bounded and refuses to run without its counter.
#include "../support/database.hpp"

#include <drf/auth.hpp>
#include <drf/core/clock.hpp>
#include <drf/core/crypto.hpp>
#include <drf/db.hpp>
#include <drf/db/sqlite.hpp>
#include <drf/migrations.hpp>
#include <drf/permissions.hpp>
#include <drf/routers.hpp>
#include <drf/test/client.hpp>
#include <drf/viewsets.hpp>

#include <catch2/catch.hpp>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <sys/wait.h>
#include <vector>

namespace token_cache_test {

namespace auth = drf::auth;
namespace db = drf::db;

using drf::Json;
using drf::http::Request;
using drf::http::Response;

std::vector<drf::migrations::Migration> all_migrations() {
    auto list = auth::migrations();
    for (auto& m : auth::token_cache_migrations()) list.push_back(std::move(m));
    return list;
}

db::Database migrated(db::Database database) {
    drf::migrations::Migrator(database, all_migrations()).migrate();
    return database;
}

// Who the request is, as the view sees it: enough to tell a stale cached user from a fresh one.
struct WhoAmIViewSet : drf::viewsets::ViewSet<WhoAmIViewSet> {
    static constexpr auto permission_classes = drf::permissions::IsAuthenticated{};
    Response list(Request& request) {
        const auto& user = request.user();
        return Response(Json{{"username", user.username}, {"is_staff", user.is_staff}});
    }
};

// One database on this run's backend, a router whose TokenAuthentication caches, and alice's key.
struct Env {
    db::Databases databases{[] { return migrated(drf_test::open_database()); }};
    db::Database& database = databases.get();
    std::shared_ptr<auth::TokenAuthentication> token_auth =
        std::make_shared<auth::TokenAuthentication>(databases, auth::TokenAuthenticationOptions{.cache_size = 100});
    drf::routers::Router router{drf::views::Context{.databases = &databases, .authenticators = {token_auth}}};
    auth::User alice = auth::create_user(database, "alice");
    std::string key = auth::create_token(database, alice);

    Env() { router.register_viewset<WhoAmIViewSet>("whoami"); }

    drf::test::TestResponse get(const std::string& with_key) {
        drf::test::APIClient client(router);
        client.credentials("Token " + with_key);
        return client.get("/whoami/");
    }
    // A first request, which fills the cache.
    void warm() {
        REQUIRE(get(key).status_code == 200);
        REQUIRE(token_auth->cached_tokens() == 1);
    }
};

Json detail(const std::string& message) { return Json{{"detail", message}}; }

TEST_CASE("A cached token answers the next request from the cache, with the same user", "[auth]") {
    Env env;
    CHECK(env.token_auth->cached_tokens() == 0);
    const auto first = env.get(env.key);
    CHECK(first.status_code == 200);
    CHECK(env.token_auth->cached_tokens() == 1);
    const auto second = env.get(env.key);
    CHECK(second.status_code == 200);
    CHECK(second.data == first.data);
    CHECK(second.data == Json{{"username", "alice"}, {"is_staff", false}});
    CHECK(env.token_auth->cached_tokens() == 1);
}

TEST_CASE("A token revoked with revoke_token (a bulk delete, no signal) is refused at the next request", "[auth]") {
    Env env;
    env.warm();
    REQUIRE(auth::revoke_token(env.database, env.key));
    const auto refused = env.get(env.key);
    CHECK(refused.status_code == 401);
    CHECK(refused.data == detail("Invalid token."));
    CHECK(env.token_auth->cached_tokens() == 0);
}

TEST_CASE("A token deleted through the manager (sending post_delete) is refused at the next request", "[auth]") {
    Env env;
    env.warm();
    const auto token = db::objects<auth::Token>(env.database).get(db::eq(&auth::Token::digest, drf::crypto::sha256_hex(env.key)));
    REQUIRE(db::objects<auth::Token>(env.database).remove(token) == 1);
    CHECK(env.get(env.key).status_code == 401);
}

TEST_CASE("A token deleted with raw SQL is refused at the next request", "[auth]") {
    Env env;
    env.warm();
    env.database.connection().execute("DELETE FROM \"authtoken_token\"");
    CHECK(env.get(env.key).status_code == 401);
}

TEST_CASE("Every token of a user revoked at once (revoke_tokens) is refused at the next request", "[auth]") {
    Env env;
    const std::string second_key = auth::create_token(env.database, env.alice);
    env.warm();
    REQUIRE(env.get(second_key).status_code == 200);
    REQUIRE(auth::revoke_tokens(env.database, env.alice) == 2);
    CHECK(env.get(env.key).status_code == 401);
    CHECK(env.get(second_key).status_code == 401);
}

TEST_CASE("A deleted user's cached token is refused at the next request", "[auth]") {
    Env env;
    env.warm();
    REQUIRE(auth::remove_user(env.database, env.alice) == 1);
    const auto refused = env.get(env.key);
    CHECK(refused.status_code == 401);
    CHECK(refused.data == detail("Invalid token."));
}

TEST_CASE("A user deactivated with save() is refused at the next request, cached or not", "[auth]") {
    Env env;
    env.warm();
    env.alice.is_active = false;
    db::objects<auth::User>(env.database).save(env.alice);
    const auto refused = env.get(env.key);
    CHECK(refused.status_code == 401);
    CHECK(refused.data == detail("User inactive or deleted."));
    // Refused again from the cache (an inactive user is cached as such), and let in once reactivated.
    CHECK(env.get(env.key).status_code == 401);
    env.alice.is_active = true;
    db::objects<auth::User>(env.database).save(env.alice);
    CHECK(env.get(env.key).status_code == 200);
}

TEST_CASE("A user deactivated by a bulk QuerySet update (no signal) is refused at the next request", "[auth]") {
    Env env;
    env.warm();
    REQUIRE(db::objects<auth::User>(env.database)
                .filter(db::eq(&auth::User::id, env.alice.id))
                .update(db::set(&auth::User::is_active, false)) == 1);
    const auto refused = env.get(env.key);
    CHECK(refused.status_code == 401);
    CHECK(refused.data == detail("User inactive or deleted."));
}

TEST_CASE("A user's changed flags and username reach the next request's user, not the cached copy", "[auth]") {
    Env env;
    env.warm();
    env.alice.is_staff = true;
    env.alice.username = "alice.smith";
    db::objects<auth::User>(env.database).save(env.alice);
    CHECK(env.get(env.key).data == Json{{"username", "alice.smith"}, {"is_staff", true}});
}

TEST_CASE("A rotated token (its row given a new key's digest) refuses the old key and accepts the new one", "[auth]") {
    Env env;
    env.warm();
    const std::string new_key = drf::crypto::to_hex(drf::crypto::random_bytes(20));
    REQUIRE(db::objects<auth::Token>(env.database)
                .filter(db::eq(&auth::Token::digest, drf::crypto::sha256_hex(env.key)))
                .update(db::set(&auth::Token::digest, drf::crypto::sha256_hex(new_key))) == 1);
    CHECK(env.get(env.key).status_code == 401);
    CHECK(env.get(new_key).status_code == 200);
}

TEST_CASE("An unknown or malformed key is refused through the cache with DRF's message and is not cached", "[auth]") {
    Env env;
    CHECK(env.get(std::string(40, 'a')).data == detail("Invalid token."));
    CHECK(env.get("not-a-key").data == detail("Invalid token."));
    CHECK(env.token_auth->cached_tokens() == 0);
}

TEST_CASE("New tokens and users and last_login writes leave the credentials counter, and so the cache, alone", "[auth]") {
    drf::FrozenClock clock(drf::parse_datetime("2026-03-01T09:00:00Z").value());
    const drf::ClockOverride frozen(clock);
    Env env;
    env.warm();  // writes alice's last_login
    const std::int64_t before = auth::credentials_version(env.database);
    auth::User bob = auth::create_user(env.database, "bob");
    auth::create_token(env.database, bob);
    auth::create_token(env.database, env.alice);
    clock.advance(boost::posix_time::minutes(2));
    REQUIRE(env.get(env.key).status_code == 200);  // writes last_login again
    CHECK(db::objects<auth::User>(env.database).get(env.alice.id).last_login == clock.now());
    CHECK(auth::credentials_version(env.database) == before);
    CHECK(env.token_auth->cached_tokens() == 1);
    // A revocation moves it.
    auth::revoke_tokens(env.database, bob);
    CHECK(auth::credentials_version(env.database) > before);
}

TEST_CASE("A cached user carries the last_login the request wrote, and the next write is a minute later", "[auth]") {
    drf::FrozenClock clock(drf::parse_datetime("2026-03-01T09:00:00Z").value());
    const drf::ClockOverride frozen(clock);
    Env env;
    env.warm();
    const drf::DateTime first = clock.now();
    CHECK(db::objects<auth::User>(env.database).get(env.alice.id).last_login == first);
    clock.advance(boost::posix_time::seconds(59));
    REQUIRE(env.get(env.key).status_code == 200);
    CHECK(db::objects<auth::User>(env.database).get(env.alice.id).last_login == first);
    clock.advance(boost::posix_time::seconds(2));
    REQUIRE(env.get(env.key).status_code == 200);
    CHECK(db::objects<auth::User>(env.database).get(env.alice.id).last_login == clock.now());
}

TEST_CASE("The token cache keeps at most cache_size keys, dropping the least recently used", "[auth]") {
    db::Databases databases{[] { return migrated(drf_test::open_database()); }};
    db::Database& database = databases.get();
    const auth::TokenAuthentication token_auth(databases, {.cache_size = 2});
    const auth::User alice = auth::create_user(database, "alice");
    std::vector<std::string> keys;
    for (int i = 0; i < 3; ++i) keys.push_back(auth::create_token(database, alice));
    for (const auto& key : keys) CHECK(token_auth.authenticate_credentials(key).id == alice.id);
    CHECK(token_auth.cached_tokens() == 2);
    for (const auto& key : keys) CHECK(token_auth.authenticate_credentials(key).id == alice.id);
    CHECK(token_auth.cached_tokens() == 2);
}

TEST_CASE("TokenAuthentication's cache without token_cache_migrations() applied is an error naming them", "[auth]") {
    db::Databases databases{[] {
        auto database = drf_test::open_database();
        drf::migrations::Migrator(database, auth::migrations()).migrate();
        return database;
    }};
    const auth::User alice = auth::create_user(databases.get(), "alice");
    const std::string key = auth::create_token(databases.get(), alice);
    const auth::TokenAuthentication token_auth(databases, {.cache_size = 10});
    CHECK_THROWS_WITH(token_auth.authenticate_credentials(key),
                      "TokenAuthentication's cache needs the credentials counter: add "
                      "drf::auth::token_cache_migrations() after drf::auth::migrations() and migrate");
}

TEST_CASE("Without cache_size, TokenAuthentication caches nothing and needs no counter", "[auth]") {
    db::Databases databases{[] {
        auto database = drf_test::open_database();
        drf::migrations::Migrator(database, auth::migrations()).migrate();
        return database;
    }};
    const auth::User alice = auth::create_user(databases.get(), "alice");
    const std::string key = auth::create_token(databases.get(), alice);
    const auth::TokenAuthentication token_auth(databases, auth::TokenAuthenticationOptions{.keyword = "Bearer"});
    CHECK(token_auth.keyword() == "Bearer");
    CHECK(token_auth.authenticate_credentials(key).id == alice.id);
    CHECK(token_auth.cached_tokens() == 0);
}

// ---- two instances on one database -------------------------------------------------------------

// One database reached by several connections (drf_test::SharedDatabase), migrated.
struct SharedDatabase : drf_test::SharedDatabase {
    SharedDatabase() { drf::migrations::Migrator(first(), all_migrations()).migrate(); }
};

TEST_CASE("A token revoked through one instance is refused at once by another instance's cache", "[auth]") {
    SharedDatabase shared;
    db::Databases one([&] { return shared.open(); });
    db::Databases other([&] { return shared.open(); });
    const auth::TokenAuthentication one_auth(one, {.cache_size = 10});
    const auth::TokenAuthentication other_auth(other, {.cache_size = 10});
    auth::User alice = auth::create_user(one.get(), "alice");
    const std::string key = auth::create_token(one.get(), alice);
    REQUIRE(other_auth.authenticate_credentials(key).id == alice.id);
    REQUIRE(other_auth.cached_tokens() == 1);

    SECTION("revoked") {
        auth::revoke_token(one.get(), key);
        CHECK_THROWS_WITH(other_auth.authenticate_credentials(key), "Invalid token.");
    }
    SECTION("deactivated") {
        alice.is_active = false;
        db::objects<auth::User>(one.get()).save(alice);
        CHECK_THROWS_WITH(other_auth.authenticate_credentials(key), "User inactive or deleted.");
    }
    SECTION("made staff") {
        alice.is_staff = true;
        db::objects<auth::User>(one.get()).save(alice);
        CHECK(other_auth.authenticate_credentials(key).is_staff);
    }
    (void)one_auth;
}

TEST_CASE("A token revoked by one process is refused at once by another process on the same SQLite file",
          "[auth][sqlite]") {
    SharedDatabase shared;
    const auth::User alice = auth::create_user(shared.first(), "alice");
    const std::string key = auth::create_token(shared.first(), alice);
    int to_child[2];
    int to_parent[2];
    REQUIRE(::pipe(to_child) == 0);
    REQUIRE(::pipe(to_parent) == 0);
    const pid_t child = ::fork();
    REQUIRE(child >= 0);
    if (child == 0) {
        // The other process: its own connection and cache. Exit status 0 only when the key was
        // accepted (and cached) before the revocation and refused right after it.
        int status = 10;
        try {
            db::Databases databases([&] { return db::sqlite::open(shared.path()); });
            const auth::TokenAuthentication token_auth(databases, {.cache_size = 10});
            const bool accepted = token_auth.authenticate_credentials(key).id == alice.id && token_auth.cached_tokens() == 1;
            char go = accepted ? 'y' : 'n';
            if (::write(to_parent[1], &go, 1) != 1 || ::read(to_child[0], &go, 1) != 1) ::_exit(11);
            status = accepted ? 12 : 13;
            try {
                token_auth.authenticate_credentials(key);
            } catch (const drf::http::AuthenticationFailed& e) {
                status = e.detail() == "Invalid token." ? 0 : 14;
            }
        } catch (...) {
            status = 15;
        }
        ::_exit(status);
    }
    char answer = 0;
    REQUIRE(::read(to_parent[0], &answer, 1) == 1);
    CHECK(answer == 'y');
    CHECK(auth::revoke_token(shared.first(), key));
    REQUIRE(::write(to_child[1], "x", 1) == 1);
    int status = -1;
    REQUIRE(::waitpid(child, &status, 0) == child);
    REQUIRE(WIFEXITED(status));
    CHECK(WEXITSTATUS(status) == 0);
    for (int fd : {to_child[0], to_child[1], to_parent[0], to_parent[1]}) ::close(fd);
}

TEST_CASE("token_cache_migrations() depend on auth_0001_initial and apply after it", "[auth]") {
    auto database = drf_test::open_database();
    const auto list = all_migrations();
    drf::migrations::Migrator migrator(database, list);
    migrator.migrate();
    CHECK(list.back().name == "auth_0002_credentials_counter");
    CHECK(list.back().dependencies == std::vector<std::string>{"auth_0001_initial"});
    CHECK(auth::credentials_version(database) == 0);
}

}  // namespace token_cache_test
