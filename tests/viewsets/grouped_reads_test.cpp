// tests/viewsets/grouped_reads_test.cpp — a GET served by the router reads in one read transaction on
// SQLite (db::Database::grouped_reads), from its authentication to its view: one snapshot, taken at the
// first read; a write in the view ends it first and succeeds though another connection wrote since;
// other methods are not grouped, and a thread whose connection is not open opens none for it. On both
// backends (PostgreSQL groups nothing: each read is its own).
#include "../support/database.hpp"

#include <drf/auth.hpp>
#include <drf/db.hpp>
#include <drf/migrations.hpp>
#include <drf/permissions.hpp>
#include <drf/routers.hpp>
#include <drf/test/client.hpp>
#include <drf/viewsets.hpp>

#include <catch2/catch.hpp>

#include <cstdint>
#include <memory>
#include <string>

namespace grouped_reads_test {

namespace auth = drf::auth;
namespace db = drf::db;

using drf::Json;
using drf::http::Request;
using drf::http::Response;

std::int64_t count_notes(db::Database& database) {
    db::StatementScope s(database.connection().prepare("SELECT count(*) FROM \"notes\""));
    REQUIRE(s->step());
    return s->column_int(0);
}

void insert_note(db::Database& database) {
    db::StatementScope s(database.connection().prepare("INSERT INTO \"notes\" (\"text\") VALUES ('a note')"));
    s->step();
}

// The database as the service's threads reach it: a router whose TokenAuthentication reads the key's
// user, alice's key, and a second connection (`other`) that writes while a request is served.
struct Env : drf_test::SharedDatabase {
    db::Databases databases{[this] { return open(); }};
    db::Database other = open();
    drf::routers::Router router{drf::views::Context{
        .databases = &databases, .authenticators = {std::make_shared<auth::TokenAuthentication>(databases)}}};
    std::string key;

    Env() {
        db::Database& database = databases.get();
        drf::migrations::Migrator(database, auth::migrations()).migrate();
        database.connection().execute("CREATE TABLE \"notes\" (\"text\" TEXT NOT NULL)");
        auth::User alice = auth::create_user(database, "alice");
        // Logged in a moment ago: the authenticator has no last_login to write, which would end the
        // grouped reads before the view (a write ends them; the next test case's view shows that).
        auth::update_last_login(database, alice);
        key = auth::create_token(database, alice);
    }
    drf::test::APIClient client() {
        drf::test::APIClient client(router);
        client.credentials("Token " + key);
        return client;
    }
    // GET /notes/ as alice, with NotesViewSet below registered: its body.
    Json get_notes();
};

Env* env = nullptr;  // the test case's, for the viewsets below

// GET: another connection adds a note after the authentication's read; the view counts the notes, adds
// one itself and counts again. POST: whether its view reads in a grouped transaction.
struct NotesViewSet : drf::viewsets::ViewSet<NotesViewSet> {
    static constexpr auto permission_classes = drf::permissions::IsAuthenticated{};
    Response list(Request&) {
        db::Database& database = env->databases.get();
        const bool grouped = database.connection().in_grouped_reads();
        insert_note(env->other);
        const std::int64_t before_own_write = count_notes(database);
        insert_note(database);
        return Response(Json{{"grouped", grouped}, {"before_own_write", before_own_write},
                             {"grouped_after_write", database.connection().in_grouped_reads()},
                             {"after_own_write", count_notes(database)}});
    }
    Response create(Request&) {
        return Response(Json{{"grouped", env->databases.get().connection().in_grouped_reads()}},
                        drf::http::status::HTTP_201_CREATED);
    }
};

Json Env::get_notes() {
    env = this;
    router.register_viewset<NotesViewSet>("notes");
    const auto response = client().get("/notes/");
    REQUIRE(response.status_code == 200);
    return response.data;
}

TEST_CASE("A GET's authentication and its view read one snapshot on SQLite: a write by another connection after "
          "the authentication is not seen",
          "[viewsets]") {
    Env e;
    const Json data = e.get_notes();
    CHECK(data["grouped"] == drf_test::on_sqlite());
    // On SQLite the snapshot was taken at the authentication's read, before the other connection's note.
    CHECK(data["before_own_write"] == (drf_test::on_sqlite() ? 0 : 1));
}

TEST_CASE("A GET whose view writes ends its grouped reads first: the write succeeds though another connection "
          "wrote since, and the view's next read sees both",
          "[viewsets]") {
    Env e;
    const Json data = e.get_notes();
    CHECK(data["grouped_after_write"] == false);
    CHECK(data["after_own_write"] == 2);
    CHECK(count_notes(e.other) == 2);
    CHECK_FALSE(e.databases.get().connection().in_grouped_reads());  // ended with the request
}

TEST_CASE("A POST's reads are not grouped", "[viewsets]") {
    Env e;
    env = &e;
    e.router.register_viewset<NotesViewSet>("notes");
    const auto response = e.client().post("/notes/", Json::object());
    REQUIRE(response.status_code == 201);
    CHECK(response.data["grouped"] == false);
}

// A view that never touches the database.
struct PingViewSet : drf::viewsets::ViewSet<PingViewSet> {
    static constexpr auto permission_classes = drf::permissions::AllowAny{};
    Response list(Request&) { return Response(Json{{"ping", "pong"}}); }
};

TEST_CASE("A GET on a thread without an open connection opens none for a view that does not use the database",
          "[viewsets]") {
    int opened = 0;
    db::Databases databases{[&] {
        ++opened;
        return drf_test::open_database();
    }};
    drf::routers::Router router{drf::views::Context{.databases = &databases}};
    router.register_viewset<PingViewSet>("ping");
    drf::test::APIClient client(router);
    CHECK(client.get("/ping/").status_code == 200);
    CHECK(opened == 0);
    CHECK(databases.current() == nullptr);
    databases.get();
    CHECK(databases.current() != nullptr);
    CHECK(client.get("/ping/").status_code == 200);
    CHECK(opened == 1);
}

}  // namespace grouped_reads_test
