// tests/auth/auth_test.cpp — users, hashed API tokens, TokenAuthentication with DRF 3.14's rules and
// messages, and running a list of authenticators over a request. On every backend (tests/support/database.hpp).
#include "../support/database.hpp"

#include <drf/auth.hpp>
#include <drf/core/crypto.hpp>
#include <drf/db.hpp>
#include <drf/db/sqlite.hpp>
#include <drf/http.hpp>
#include <drf/migrations.hpp>

#include <catch2/catch.hpp>

#include <memory>
#include <optional>
#include <set>
#include <stdexcept>
#include <string>
#include <string_view>
#include <tuple>
#include <utility>
#include <vector>

namespace auth_test {

namespace auth = drf::auth;
namespace db = drf::db;
namespace http = drf::http;

// A fresh database with auth's tables, on this run's backend (tests/support/database.hpp). Databases
// opens one per thread, and each is a database of its own, so every test here stays on one thread.
db::Database migrated_memory_db() {
    auto database = drf_test::open_database();
    drf::migrations::Migrator(database, auth::migrations()).migrate();
    return database;
}

struct Env {
    db::Databases databases{migrated_memory_db};
    db::Database& database = databases.get();
    auth::Authenticators authenticators{std::make_shared<auth::TokenAuthentication>(databases)};
};

http::Request with_authorization(std::string value) {
    http::Headers headers;
    headers.add("Authorization", std::move(value));
    return http::Request(http::Method::get, "/projects/", std::move(headers));
}

// The message of the AuthenticationFailed that authenticating `request` raises ("" when none is).
std::string failure(const auth::BaseAuthentication& authenticator, const http::Request& request) {
    try {
        authenticator.authenticate(request);
    } catch (const http::AuthenticationFailed& e) {
        return e.detail();
    }
    return {};
}

bool is_lower_hex(std::string_view s) {
    for (char c : s)
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
    return true;
}

// Every cell of every table, as text.
std::vector<std::string> all_cells(db::Database& database) {
    std::vector<std::string> tables;
    {
        auto& s = database.connection().prepare(
            drf_test::on_postgresql() ? "SELECT tablename FROM pg_tables WHERE schemaname = current_schema()"
                                      : "SELECT name FROM sqlite_master WHERE type = 'table'");
        s.reset();
        while (s.step()) tables.emplace_back(s.column_text(0));
        s.reset();
    }
    std::vector<std::string> cells;
    for (const auto& table : tables) {
        auto& s = database.connection().prepare("SELECT * FROM \"" + table + "\"");
        s.reset();
        while (s.step())
            for (int c = 0; c < s.column_count(); ++c) cells.emplace_back(s.column_text(c));
        s.reset();
    }
    return cells;
}

// An authenticator whose answer the test chooses.
class Scripted : public auth::BaseAuthentication {
public:
    enum class Answer { user, not_applicable, fail };
    Scripted(std::string name, Answer answer, std::string challenge = {}, std::string username = {})
        : name_(std::move(name)), answer_(answer), challenge_(std::move(challenge)), username_(std::move(username)) {}

    std::optional<auth::User> authenticate(const http::Request&) const override {
        ++calls;
        if (answer_ == Answer::fail) throw http::AuthenticationFailed();
        if (answer_ == Answer::not_applicable) return std::nullopt;
        auth::User user;
        user.username = username_;
        return user;
    }
    std::string authenticate_header(const http::Request&) const override { return challenge_; }
    std::string_view name() const override { return name_; }

    mutable int calls = 0;

private:
    std::string name_;
    Answer answer_;
    std::string challenge_;
    std::string username_;
};

// ---- migrations ---------------------------------------------------------------------------------

TEST_CASE("auth_0001_initial creates auth_user and authtoken_token exactly as the models declare them", "[auth]") {
    auto database = migrated_memory_db();
    const auto list = auth::migrations();
    REQUIRE(list.size() == 1);
    CHECK(list[0].name == "auth_0001_initial");
    CHECK(db::schema_differences<auth::User>(database.connection()).empty());
    CHECK(db::schema_differences<auth::Token>(database.connection()).empty());
}

TEST_CASE("An application's migrations run after auth_0001_initial when they depend on it", "[auth]") {
    auto database = drf_test::open_database();
    auto list = std::vector<drf::migrations::Migration>{
        {"0001_profiles",
         {"auth_0001_initial"},
         {drf::migrations::run_sql({{"sqlite", "CREATE TABLE profiles (user_id TEXT REFERENCES auth_user (id))"},
                                    {"postgresql", "CREATE TABLE profiles (user_id uuid REFERENCES auth_user (id))"}})},
         {}}};
    for (auto& m : auth::migrations()) list.push_back(std::move(m));  // declared after on purpose
    std::vector<std::string> order;
    drf::migrations::Migrator(database, list).migrate([&](const auto& step) { order.push_back(step.name); });
    CHECK(order == std::vector<std::string>{"auth_0001_initial", "0001_profiles"});
}

// ---- users --------------------------------------------------------------------------------------

TEST_CASE("create_user stores an active, non-staff user by default and lowercases the email's domain", "[auth]") {
    Env env;
    const auth::User alice = auth::create_user(env.database, "alice", {.email = "Alice@Example.COM"});
    const auth::User stored = db::objects<auth::User>(env.database).get(alice.id);
    CHECK(stored.username == "alice");
    CHECK(stored.email == "Alice@example.com");
    CHECK(stored.is_active);
    CHECK_FALSE(stored.is_staff);
    CHECK_FALSE(stored.last_login.has_value());
    CHECK(stored.is_authenticated());

    const auth::User admin = auth::create_user(env.database, "root", {.is_staff = true, .is_active = false});
    CHECK(admin.is_staff);
    CHECK_FALSE(admin.is_active);
    CHECK(admin.email.empty());
}

TEST_CASE("create_user with a taken username raises UserExists, an IntegrityError with Django's message", "[auth]") {
    Env env;
    auth::create_user(env.database, "alice");
    CHECK_THROWS_AS(auth::create_user(env.database, "alice"), auth::UserExists);
    CHECK_THROWS_AS(auth::create_user(env.database, "alice"), db::IntegrityError);
    CHECK_THROWS_WITH(auth::create_user(env.database, "alice"), "A user with that username already exists.");
    CHECK(db::objects<auth::User>(env.database).count() == 1);
    // Usernames are case-sensitive, as in Django.
    CHECK_NOTHROW(auth::create_user(env.database, "Alice"));

    SECTION("inside the caller's transaction, which stays usable afterwards") {
        env.database.atomic([&] {
            CHECK_THROWS_AS(auth::create_user(env.database, "alice"), auth::UserExists);
            auth::create_user(env.database, "bob");
        });
        CHECK(db::objects<auth::User>(env.database).count() == 3);
    }
}

TEST_CASE("create_user refuses an empty username with Django's message, and over-long names and emails", "[auth]") {
    Env env;
    CHECK_THROWS_AS(auth::create_user(env.database, ""), std::invalid_argument);
    CHECK_THROWS_WITH(auth::create_user(env.database, ""), "The given username must be set");
    CHECK_THROWS_WITH(auth::create_user(env.database, std::string(151, 'a')),
                      "username: Ensure this value has at most 150 characters (it has 151).");
    // Characters, not bytes: 150 two-byte characters fit.
    std::string accented;
    for (int i = 0; i < 150; ++i) accented += "\xc3\xa9";
    CHECK_NOTHROW(auth::create_user(env.database, accented));
    CHECK_THROWS_WITH(auth::create_user(env.database, "bob", {.email = std::string(250, 'b') + "@x.io"}),
                      "email: Ensure this value has at most 254 characters (it has 255).");
    CHECK(db::objects<auth::User>(env.database).count() == 1);
}

// ---- tokens -------------------------------------------------------------------------------------

TEST_CASE("create_token returns 40 lowercase hex characters, different every time", "[auth]") {
    Env env;
    const auth::User alice = auth::create_user(env.database, "alice");
    std::set<std::string> keys;
    for (int i = 0; i < 50; ++i) {
        const std::string key = auth::create_token(env.database, alice);
        CHECK(key.size() == 40);
        CHECK(is_lower_hex(key));
        keys.insert(key);
    }
    CHECK(keys.size() == 50);
}

TEST_CASE("The database holds only the key's SHA-256 digest: the key appears in no table", "[auth]") {
    Env env;
    const auth::User alice = auth::create_user(env.database, "alice");
    const std::string key = auth::create_token(env.database, alice);

    const auto tokens = db::QuerySet<auth::Token>(env.database).all();
    REQUIRE(tokens.size() == 1);
    CHECK(tokens[0].digest == drf::crypto::sha256_hex(key));
    CHECK(tokens[0].user_id == alice.id);

    const auto cells = all_cells(env.database);
    CHECK(cells.size() > 10);  // auth_user, authtoken_token and drf_migrations were all read
    for (const auto& cell : cells) {
        INFO(cell);
        CHECK(cell.find(key) == std::string::npos);
        CHECK(cell.find(key.substr(0, 20)) == std::string::npos);
    }
}

TEST_CASE("user_for_token resolves a live key to its user and anything else to nothing", "[auth]") {
    Env env;
    const auth::User alice = auth::create_user(env.database, "alice");
    const std::string key = auth::create_token(env.database, alice);

    const auto found = auth::user_for_token(env.database, key);
    REQUIRE(found.has_value());
    CHECK(found->id == alice.id);
    CHECK(found->username == "alice");

    std::string upper = key;
    for (char& c : upper)
        if (c >= 'a' && c <= 'f') c = static_cast<char>(c - 'a' + 'A');
    CHECK_FALSE(auth::user_for_token(env.database, std::string(40, '0')).has_value());
    CHECK_FALSE(auth::user_for_token(env.database, upper).has_value());
    CHECK_FALSE(auth::user_for_token(env.database, key.substr(0, 39)).has_value());
    CHECK_FALSE(auth::user_for_token(env.database, key + "0").has_value());
    CHECK_FALSE(auth::user_for_token(env.database, drf::crypto::sha256_hex(key)).has_value());  // the digest is no key
    CHECK_FALSE(auth::user_for_token(env.database, "").has_value());
}

TEST_CASE("A user may hold several tokens, each working and revocable on its own", "[auth]") {
    Env env;
    const auth::User alice = auth::create_user(env.database, "alice");
    const auth::User bob = auth::create_user(env.database, "bob");
    const std::string laptop = auth::create_token(env.database, alice);
    const std::string phone = auth::create_token(env.database, alice);
    const std::string bobs = auth::create_token(env.database, bob);
    CHECK(auth::user_for_token(env.database, laptop)->id == alice.id);
    CHECK(auth::user_for_token(env.database, phone)->id == alice.id);

    CHECK(auth::revoke_token(env.database, laptop));
    CHECK_FALSE(auth::revoke_token(env.database, laptop));  // already gone
    CHECK_FALSE(auth::user_for_token(env.database, laptop).has_value());
    CHECK(auth::user_for_token(env.database, phone)->id == alice.id);

    auth::create_token(env.database, alice);
    CHECK(auth::revoke_tokens(env.database, alice) == 2);
    CHECK_FALSE(auth::user_for_token(env.database, phone).has_value());
    CHECK(auth::user_for_token(env.database, bobs)->id == bob.id);  // another user's tokens are untouched
}

TEST_CASE("remove_user deletes the user with their tokens; deleting only the user is refused while tokens exist", "[auth]") {
    Env env;
    const auth::User alice = auth::create_user(env.database, "alice");
    const std::string key = auth::create_token(env.database, alice);
    CHECK_THROWS_AS(db::objects<auth::User>(env.database).remove(alice), db::IntegrityError);
    CHECK(auth::remove_user(env.database, alice) == 1);
    CHECK(db::objects<auth::User>(env.database).count() == 0);
    CHECK(db::objects<auth::Token>(env.database).count() == 0);
    CHECK(auth::remove_user(env.database, alice) == 0);
}

TEST_CASE("create_token for a user who is not in the database raises IntegrityError", "[auth]") {
    Env env;
    auth::User ghost;
    ghost.username = "ghost";
    CHECK_THROWS_AS(auth::create_token(env.database, ghost), db::IntegrityError);
}

// ---- TokenAuthentication ------------------------------------------------------------------------

TEST_CASE("TokenAuthentication accepts `Authorization: Token <key>` and the request records who and how", "[auth]") {
    Env env;
    const auth::User alice = auth::create_user(env.database, "alice");
    const std::string key = auth::create_token(env.database, alice);
    auto request = with_authorization("Token " + key);
    auth::perform_authentication(request, env.authenticators);
    CHECK(request.user().id == alice.id);
    CHECK(request.user().username == "alice");
    CHECK(request.user().is_authenticated());
    CHECK(request.authenticator() == "TokenAuthentication");
    CHECK(request.has_authenticators());
}

TEST_CASE("The keyword matches in any case, and any run of ASCII whitespace separates the words", "[auth]") {
    Env env;
    const auth::User alice = auth::create_user(env.database, "alice");
    const std::string key = auth::create_token(env.database, alice);
    const auth::TokenAuthentication token_auth(env.databases);
    for (const std::string& header : {"token " + key, "TOKEN " + key, "tOkEn " + key, "Token\t" + key,
                                     "  Token   " + key + "  ", "Token\r\n\v\f" + key}) {
        INFO(header);
        const auto user = token_auth.authenticate(with_authorization(header));
        REQUIRE(user.has_value());
        CHECK(user->id == alice.id);
    }
}

TEST_CASE("TokenAuthentication does not apply without the header or with another scheme", "[auth]") {
    Env env;
    const auth::TokenAuthentication token_auth(env.databases);
    CHECK_FALSE(token_auth.authenticate(http::Request(http::Method::get, "/projects/")).has_value());
    for (const char* header : {"", "   ", "Bearer x", "Basic dXNlcjpwYXNz", "Tokens abc", "Toke abc",
                                     "Token\x1c" "abc", "\xc2\xa0Token abc"}) {
        INFO(header);
        CHECK_FALSE(token_auth.authenticate(with_authorization(header)).has_value());
    }
}

TEST_CASE("Malformed token headers are refused with DRF's exact messages", "[auth]") {
    Env env;
    const auth::TokenAuthentication token_auth(env.databases);
    const std::string no_credentials = "Invalid token header. No credentials provided.";
    const std::string spaces = "Invalid token header. Token string should not contain spaces.";
    const std::string invalid = "Invalid token header. Token string should not contain invalid characters.";
    const std::string unknown = "Invalid token.";
    const std::vector<std::pair<std::string, std::string>> rules{
        {"Token", no_credentials},
        {"token  \t ", no_credentials},
        {"Token a b", spaces},
        {"Token a b c", spaces},
        {"Token \xff", invalid},
        {"Token abc\xc3", invalid},            // truncated sequence
        {"Token \xc0\xaf", invalid},           // overlong '/'
        {"Token \xed\xa0\x80", invalid},       // a UTF-16 surrogate
        {"Token \xf4\x90\x80\x80", invalid},   // above U+10FFFF
        {"Token \xf4\x8f\xbf\xbf", unknown},   // U+10FFFF itself is valid UTF-8
        {"Token caf\xc3\xa9", unknown},        // valid UTF-8, just no such key
        {"Token nope", unknown},
        {std::string("Token a\0b", 9), unknown},
    };
    for (const auto& [header, message] : rules) {
        INFO(header);
        CHECK(failure(token_auth, with_authorization(header)) == message);
    }
}

TEST_CASE("An unknown or revoked key is refused with \"Invalid token.\"", "[auth]") {
    Env env;
    const auth::User alice = auth::create_user(env.database, "alice");
    const std::string key = auth::create_token(env.database, alice);
    const auth::TokenAuthentication token_auth(env.databases);
    CHECK(failure(token_auth, with_authorization("Token " + std::string(40, 'a'))) == "Invalid token.");
    auth::revoke_token(env.database, key);
    CHECK(failure(token_auth, with_authorization("Token " + key)) == "Invalid token.");
}

TEST_CASE("The token of an inactive user is refused with \"User inactive or deleted.\"", "[auth]") {
    Env env;
    auth::User alice = auth::create_user(env.database, "alice");
    const std::string key = auth::create_token(env.database, alice);
    alice.is_active = false;
    db::objects<auth::User>(env.database).save(alice);
    const auth::TokenAuthentication token_auth(env.databases);
    CHECK(failure(token_auth, with_authorization("Token " + key)) == "User inactive or deleted.");
    // user_for_token itself reports the user as is; refusing inactive ones is the authenticator's rule.
    CHECK_FALSE(auth::user_for_token(env.database, key)->is_active);
}

// ---- last_login ---------------------------------------------------------------------------------

// A database of this run's backend that counts the statements run on it, to show which requests write.
class CountingConnection final : public db::Connection {
public:
    CountingConnection(db::Database inner, std::vector<std::string>& log) : inner_(std::move(inner)), log_(&log) {}
    const db::Dialect& dialect() const override { return inner_.dialect(); }
    db::Statement& prepare(std::string_view sql) override {
        log_->emplace_back(sql);
        return inner_.connection().prepare(sql);
    }
    void execute(std::string_view sql) override {
        log_->emplace_back(sql);
        inner_.connection().execute(sql);
    }
    void begin_read_only() override {
        log_->emplace_back("begin_read_only");
        inner_.connection().begin_read_only();
    }
    void end_read_only(bool commit) override {
        log_->emplace_back("end_read_only");
        inner_.connection().end_read_only(commit);
    }
    std::int64_t changes() const override { return inner_.connection().changes(); }
    std::vector<db::ColumnInfo> table_columns(std::string_view table) override {
        return inner_.connection().table_columns(table);
    }

private:
    mutable db::Database inner_;  // changes() is const, Database::connection() is not
    std::vector<std::string>* log_;
};

struct CountingEnv {
    std::vector<std::string> statements;
    db::Databases databases{
        [this] { return db::Database(std::make_unique<CountingConnection>(migrated_memory_db(), statements)); }};
    db::Database& database = databases.get();
    const auth::TokenAuthentication token_auth{databases};

    // The statements authenticating with `key` runs, and the user it returns.
    std::pair<auth::User, std::vector<std::string>> authenticate(const std::string& key) {
        statements.clear();
        auto user = token_auth.authenticate(with_authorization("Token " + key));
        REQUIRE(user);
        return {std::move(*user), std::exchange(statements, {})};
    }
    std::optional<drf::DateTime> stored_last_login(const auth::User& user) {
        return db::objects<auth::User>(database).get(user.id).last_login;
    }
};

bool writes(const std::vector<std::string>& statements) {
    for (const auto& sql : statements)
        if (sql.rfind("UPDATE", 0) == 0) return true;
    return false;
}

TEST_CASE("A token request records last_login, and writes it at most once a minute per user", "[auth]") {
    drf::FrozenClock clock(drf::parse_datetime("2026-03-01T09:00:00Z").value());
    const drf::ClockOverride frozen(clock);
    CountingEnv env;
    const auth::User alice = auth::create_user(env.database, "alice");
    const auth::User bob = auth::create_user(env.database, "bob");
    const std::string key = auth::create_token(env.database, alice);
    const drf::DateTime first = clock.now();

    auto [user, statements] = env.authenticate(key);
    CHECK(user.last_login == first);  // the request's user carries it
    CHECK(env.stored_last_login(alice) == first);
    CHECK(statements.size() == 2);  // the lookup and one UPDATE
    CHECK(writes(statements));
    CHECK_FALSE(env.stored_last_login(bob).has_value());  // only the token's user

    SECTION("within a minute: the lookup only, no write") {
        clock.advance(boost::posix_time::seconds(59));
        std::tie(user, statements) = env.authenticate(key);
        CHECK(statements.size() == 1);
        CHECK_FALSE(writes(statements));
        CHECK(user.last_login == first);
        CHECK(env.stored_last_login(alice) == first);
    }
    SECTION("a minute later: written again") {
        clock.advance(boost::posix_time::seconds(61));
        std::tie(user, statements) = env.authenticate(key);
        CHECK(statements.size() == 2);
        CHECK(writes(statements));
        CHECK(user.last_login == clock.now());
        CHECK(env.stored_last_login(alice) == clock.now());
    }
}

TEST_CASE("update_last_login writes only when the stored value is over a minute old, even from a stale copy",
          "[auth]") {
    drf::FrozenClock clock(drf::parse_datetime("2026-03-01T09:00:00Z").value());
    const drf::ClockOverride frozen(clock);
    Env env;
    auth::User alice = auth::create_user(env.database, "alice");
    auth::User stale_copy = alice;  // another thread's copy, read before the first write

    CHECK(auth::update_last_login(env.database, alice));
    CHECK_FALSE(auth::update_last_login(env.database, alice));  // just written
    // The copy still says NULL, but the database does not: the UPDATE's condition matches no row.
    CHECK_FALSE(auth::update_last_login(env.database, stale_copy));
    CHECK_FALSE(stale_copy.last_login.has_value());
    CHECK(db::objects<auth::User>(env.database).get(alice.id).last_login == clock.now());
}

TEST_CASE("A refused token records no last_login", "[auth]") {
    Env env;
    auth::User alice = auth::create_user(env.database, "alice");
    const std::string key = auth::create_token(env.database, alice);
    alice.is_active = false;
    db::objects<auth::User>(env.database).save(alice);
    const auth::TokenAuthentication token_auth(env.databases);
    CHECK(failure(token_auth, with_authorization("Token " + key)) == "User inactive or deleted.");
    CHECK_FALSE(db::objects<auth::User>(env.database).get(alice.id).last_login.has_value());
}

TEST_CASE("A keyword given to TokenAuthentication replaces Token, as DRF's keyword attribute does", "[auth]") {
    Env env;
    const auth::User alice = auth::create_user(env.database, "alice");
    const std::string key = auth::create_token(env.database, alice);
    const auth::TokenAuthentication bearer(env.databases, "Bearer");
    CHECK(bearer.authenticate(with_authorization("bearer " + key))->id == alice.id);
    CHECK_FALSE(bearer.authenticate(with_authorization("Token " + key)).has_value());
    CHECK(failure(bearer, with_authorization("Bearer")) == "Invalid token header. No credentials provided.");
    CHECK(bearer.authenticate_header(with_authorization("")) == "Bearer");
}

// ---- perform_authentication and the 401 -----------------------------------------------------------

TEST_CASE("perform_authentication takes the first authenticator that returns a user and tries no more", "[auth]") {
    auto skip = std::make_shared<Scripted>("Skip", Scripted::Answer::not_applicable);
    auto first = std::make_shared<Scripted>("First", Scripted::Answer::user, "", "first");
    auto second = std::make_shared<Scripted>("Second", Scripted::Answer::user, "", "second");
    auto request = with_authorization("anything");
    auth::perform_authentication(request, {skip, first, second});
    CHECK(request.user().username == "first");
    CHECK(request.authenticator() == "First");
    CHECK(skip->calls == 1);
    CHECK(second->calls == 0);
}

TEST_CASE("An AuthenticationFailed stops the search, propagates, and leaves the request anonymous", "[auth]") {
    auto fail = std::make_shared<Scripted>("Fail", Scripted::Answer::fail);
    auto later = std::make_shared<Scripted>("Later", Scripted::Answer::user, "", "later");
    auto request = with_authorization("anything");
    auth::User earlier;  // a user set before, which a failure must not leave in place (DRF's _not_authenticated)
    earlier.username = "earlier";
    request.set_user(earlier, "Earlier");
    CHECK_THROWS_AS(auth::perform_authentication(request, {fail, later}), http::AuthenticationFailed);
    CHECK(later->calls == 0);
    CHECK(request.user().is_anonymous());
    CHECK(request.authenticator().empty());
}

TEST_CASE("When no authenticator applies the request stays anonymous; an empty list marks it as having none", "[auth]") {
    Env env;
    auto request = http::Request(http::Method::get, "/projects/");
    auth::perform_authentication(request, env.authenticators);
    CHECK(request.user().is_anonymous());
    CHECK(request.authenticator().empty());
    CHECK(request.has_authenticators());

    auto bare = http::Request(http::Method::get, "/projects/");
    auth::perform_authentication(bare, {});
    CHECK_FALSE(bare.has_authenticators());
    CHECK(bare.user().is_anonymous());
}

TEST_CASE("A refused token becomes DRF's 401 with the first authenticator's WWW-Authenticate challenge", "[auth]") {
    Env env;
    auto request = with_authorization("Token nope");
    REQUIRE(auth::www_authenticate(request, env.authenticators) == "Token");
    std::optional<http::Response> response;
    try {
        auth::perform_authentication(request, env.authenticators);
    } catch (...) {
        response = http::handle_exception(std::current_exception(), auth::www_authenticate(request, env.authenticators));
    }
    REQUIRE(response.has_value());
    CHECK(response->status_code() == 401);
    CHECK(response->content() == R"({"detail":"Invalid token."})");
    CHECK(response->headers().get("WWW-Authenticate") == std::optional<std::string_view>("Token"));
}

TEST_CASE("www_authenticate uses the first authenticator only; without a challenge DRF answers 403", "[auth]") {
    Env env;
    auto silent = std::make_shared<Scripted>("Silent", Scripted::Answer::fail);
    const auto request = with_authorization("Token nope");
    CHECK(auth::www_authenticate(request, {}) == "");
    CHECK(auth::www_authenticate(request, {silent, env.authenticators[0]}) == "");
    CHECK(auth::www_authenticate(request, {env.authenticators[0], silent}) == "Token");

    const auto response = http::handle_exception(std::make_exception_ptr(http::AuthenticationFailed("Invalid token.")),
                                                 auth::www_authenticate(request, {silent}));
    CHECK(response.status_code() == 403);
    CHECK_FALSE(response.headers().contains("WWW-Authenticate"));
}

// ---- docs/authentication.md ---------------------------------------------------------------------

namespace docs_authentication_example {

struct Project : drf::models::Model<Project> {
    std::string name;
    drf::Uuid owner_id;
    static constexpr auto meta = drf::models::meta<Project>(
        "projects", drf::models::field<&Project::name>().max_length(200),
        drf::models::field<&Project::owner_id>().references<drf::auth::User>());
};

std::vector<drf::migrations::Migration> all_migrations() {
    auto list = drf::auth::migrations();
    list.push_back({"0001_initial", {"auth_0001_initial"}, {drf::migrations::create_table(drf::migrations::from_model<Project>())}, {}});
    return list;
}

TEST_CASE("docs/authentication.md: the example issues a token and authenticates a request with it", "[auth]") {
    // One Database per thread, each opened and migrated on first use. A server opens a file here;
    // ":memory:" is private to one connection, so this example stays on one thread.
    drf::db::Databases databases([] {
        auto db = drf::db::sqlite::open(":memory:");
        drf::migrations::Migrator(db, all_migrations()).migrate();
        return db;
    });
    drf::db::Database& db = databases.get();

    const drf::auth::User alice = drf::auth::create_user(db, "alice", {.email = "alice@example.com"});
    const std::string key = drf::auth::create_token(db, alice);  // shown once: only its SHA-256 is stored

    const drf::auth::Authenticators authenticators{std::make_shared<drf::auth::TokenAuthentication>(databases)};

    drf::http::Headers headers;
    headers.add("Authorization", "Token " + key);
    drf::http::Request request(drf::http::Method::get, "/projects/", headers);
    drf::auth::perform_authentication(request, authenticators);
    CHECK(request.user().id == alice.id);
    CHECK(request.authenticator() == "TokenAuthentication");

    // A wrong key raises AuthenticationFailed, which becomes DRF's 401.
    drf::http::Headers forged_headers;
    forged_headers.add("Authorization", "Token 0123456789abcdef0123456789abcdef01234567");
    drf::http::Request forged(drf::http::Method::get, "/projects/", forged_headers);
    try {
        drf::auth::perform_authentication(forged, authenticators);
        FAIL("a wrong key was accepted");
    } catch (const drf::http::AuthenticationFailed&) {
        const auto response = drf::http::handle_exception(std::current_exception(),
                                                          drf::auth::www_authenticate(forged, authenticators));
        CHECK(response.status_code() == 401);
        CHECK(response.content() == R"({"detail":"Invalid token."})");
        CHECK(response.headers().get("WWW-Authenticate") == std::optional<std::string_view>("Token"));
    }

    drf::auth::revoke_tokens(db, alice);  // log out everywhere
    CHECK_FALSE(drf::auth::user_for_token(db, key).has_value());
}

}  // namespace docs_authentication_example

}  // namespace auth_test
