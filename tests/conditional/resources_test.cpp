// tests/conditional/resources_test.cpp — a ResourceViewSet declaring conditional_requests, through the
// router and the test client: ETags on retrieve and on list pages, 304 (a page's without its query),
// If-Match on PATCH and DELETE (412), 428 when required, and two clients racing to PATCH one object.
#include <drf/auth.hpp>
#include <drf/db.hpp>
#include <drf/db/sqlite.hpp>
#include <drf/http/conditional.hpp>
#include <drf/migrations.hpp>
#include <drf/pagination.hpp>
#include <drf/resources.hpp>
#include <drf/routers.hpp>
#include <drf/serializers.hpp>
#include <drf/test/client.hpp>

#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <functional>
#include <latch>
#include <string>
#include <thread>
#include <utility>
#include <vector>

namespace resources_conditional_test {

namespace db = drf::db;
namespace http = drf::http;
using drf::Json;
using drf::auth::User;
using http::Request;
using http::Response;

struct Note : drf::models::Model<Note> {
    std::string text;
    drf::Uuid owner_id;
    static constexpr auto meta = drf::models::meta<Note>("cond_notes", drf::models::field<&Note::text>(),
                                                         drf::models::field<&Note::owner_id>().references<User>());
};
struct NoteInput : drf::serializers::model_serializer<Note, &Note::text> {};
struct NoteOutput : drf::serializers::model_serializer<Note, &Note::text> {};

// Cursor pages that count their queries, and can run a write right after the page's query (another
// client's, committed between this request's reads).
using Pages = drf::pagination::CursorPagination<drf::pagination::Options{.page_size = 2}>;
inline int page_queries = 0;
inline std::function<void()> after_page_query;
struct CountedPages : Pages {
    template <class S, class T, class Prepare>
    static Response paginate(const Request& request, const db::QuerySet<T>& query, Prepare prepare) {
        ++page_queries;
        Response response = Pages::paginate<S>(request, query, prepare);
        if (after_page_query) std::exchange(after_page_query, {})();
        return response;
    }
};
using NoteResource = drf::resources::Resource<Note, NoteInput, NoteOutput, CountedPages>;

template <http::ConditionalRequests C>
struct NoteViewSet : drf::resources::ResourceViewSet<NoteViewSet<C>, NoteResource> {
    using Base = drf::resources::ResourceViewSet<NoteViewSet<C>, NoteResource>;
    using Base::Base;
    static constexpr auto conditional_requests = C;
    static constexpr auto etag_tables = drf::resources::tables<Note, User>();

    Response list(Request& request) { return this->paginate(request, this->objects().all()); }
    Response retrieve(Request& request, drf::Uuid pk) { return Response(this->render(this->get_object(request, pk))); }
    Response partial_update(Request& request, drf::Uuid pk) {
        return this->atomic([&] {
            Note note = this->get_object_for_update(request, pk);
            this->check_preconditions(request, this->render(note));
            note = this->validate_partial(request, note).value();
            this->objects().save(note);
            return Response(this->render(note));
        });
    }
    Response destroy(Request& request, drf::Uuid pk) {
        return this->atomic([&] {
            const Note note = this->get_object_for_update(request, pk);
            this->check_preconditions(request, this->render(note));
            this->objects().remove(note);
            return Response::no_content();
        });
    }
};
using Notes = NoteViewSet<http::ConditionalRequests{}>;
using StrictNotes = NoteViewSet<http::ConditionalRequests{.require_if_match = true}>;
using PlainNotes = NoteViewSet<http::ConditionalRequests{.etags = false, .if_match = false}>;

std::vector<drf::migrations::Migration> migrations() {
    auto list = drf::auth::migrations();
    list.push_back({"0001_notes",
                    {"auth_0001_initial"},
                    {drf::migrations::create_table(drf::migrations::from_model<Note>()),
                     drf::migrations::track_changes("cond_notes"), drf::migrations::track_changes("auth_user")},
                    {}});
    return list;
}

// The notes API on one SQLite file, one connection per thread (as the server runs it).
struct App {
    std::string path;
    db::Databases databases;
    drf::routers::Router router;
    drf::test::APIClient client;
    User alice, bob;

    explicit App(std::string file = "conditional_test.sqlite3")
        : path((std::filesystem::temp_directory_path() / file).string()),
          databases([this] { return db::sqlite::open(path); }),
          router(drf::views::Context{.databases = &databases}),
          client(router) {
        std::filesystem::remove(path);
        drf::migrations::Migrator(databases.get(), migrations()).migrate();
        alice = drf::auth::create_user(databases.get(), "alice");
        bob = drf::auth::create_user(databases.get(), "bob");
        router.register_viewset<Notes>("notes");
        router.register_viewset<StrictNotes>("strict");
        router.register_viewset<PlainNotes>("plain");
        client.force_authenticate(alice);
        page_queries = 0;
    }
    ~App() {
        databases.release();
        std::filesystem::remove(path);
        std::filesystem::remove(path + "-wal");
        std::filesystem::remove(path + "-shm");
    }
    Note note(std::string text) {
        Note n;
        n.text = std::move(text);
        n.owner_id = alice.id;
        return db::objects<Note>(databases.get()).create(n);
    }
    std::string detail(const Note& n, std::string_view prefix = "notes") const {
        return "/" + std::string(prefix) + "/" + drf::to_string(n.id) + "/";
    }
};

std::string etag(const drf::test::TestResponse& r) { return std::string(r.header("ETag").value_or("")); }

TEST_CASE("A retrieve carries the strong ETag of its body", "[conditional]") {
    App app;
    const Note n = app.note("moon");
    const auto r = app.client.get(app.detail(n));
    REQUIRE(r.status_code == 200);
    CHECK(etag(r) == http::etag_of(r.content));
    CHECK(etag(r) == http::etag_of(R"({"text":"moon"})"));
}

TEST_CASE("A retrieve with If-None-Match naming its ETag is 304 without a body; after a change it is 200", "[conditional]") {
    App app;
    Note n = app.note("moon");
    const std::string tag = etag(app.client.get(app.detail(n)));
    const auto same = app.client.get(app.detail(n), {{"If-None-Match", tag}});
    CHECK(same.status_code == 304);
    CHECK(same.content.empty());
    CHECK(etag(same) == tag);
    CHECK(app.client.head(app.detail(n), {{"If-None-Match", tag}}).status_code == 304);
    n.text = "mars";
    db::objects<Note>(app.databases.get()).save(n);
    const auto changed = app.client.get(app.detail(n), {{"If-None-Match", tag}});
    CHECK(changed.status_code == 200);
    CHECK(changed.data == Json{{"text", "mars"}});
    CHECK(etag(changed) != tag);
}

TEST_CASE("A viewset that does not declare conditional_requests sends no ETag and never 304", "[conditional]") {
    App app;
    const Note n = app.note("moon");
    const auto r = app.client.get(app.detail(n, "plain"), {{"If-None-Match", "*"}});
    CHECK(r.status_code == 200);
    CHECK_FALSE(r.header("ETag"));
    CHECK_FALSE(app.client.get("/plain/", {{"If-None-Match", "*"}}).header("ETag"));
}

TEST_CASE("A list page carries an ETag, and If-None-Match naming it is 304 without the page's query", "[conditional]") {
    App app;
    app.note("a");
    app.note("b");
    app.note("c");
    const auto first = app.client.get("/notes/");
    REQUIRE(first.status_code == 200);
    REQUIRE(page_queries == 1);
    const std::string tag = etag(first);
    CHECK(tag.size() == 18);
    const auto again = app.client.get("/notes/", {{"If-None-Match", tag}});
    CHECK(again.status_code == 304);
    CHECK(again.content.empty());
    CHECK(etag(again) == tag);
    CHECK(page_queries == 1);
    CHECK(app.client.get("/notes/", {{"If-None-Match", "\"other\""}}).status_code == 200);
    CHECK(page_queries == 2);
}

TEST_CASE("A list page's ETag changes when a row of a table it reads is added, changed or deleted", "[conditional]") {
    App app;
    Note n = app.note("a");
    auto tag = [&] { return etag(app.client.get("/notes/")); };
    std::vector<std::string> seen{tag()};
    app.note("b");
    seen.push_back(tag());
    n.text = "changed";
    db::objects<Note>(app.databases.get()).save(n);
    seen.push_back(tag());
    db::objects<Note>(app.databases.get()).remove(n);
    seen.push_back(tag());
    SECTION("and when a user changes, since the view declares auth_user among its tables") {
        User bob = app.bob;
        bob.email = "bob@example.com";
        db::objects<User>(app.databases.get()).save(bob);
        seen.push_back(tag());
    }
    for (std::size_t i = 1; i < seen.size(); ++i) CHECK(seen[i] != seen[i - 1]);
    CHECK(tag() == seen.back());
}

TEST_CASE("A list page's ETag differs by URL, by user and by the media type asked for", "[conditional]") {
    App app;
    app.note("a");
    app.note("b");
    app.note("c");
    const std::string plain = etag(app.client.get("/notes/"));
    CHECK(etag(app.client.get("/notes/?page_size=1")) != plain);
    CHECK(etag(app.client.get("/notes/", {{"Accept", "application/json; indent=4"}})) != plain);
    app.client.force_authenticate(app.bob);
    CHECK(etag(app.client.get("/notes/")) != plain);
    CHECK(app.client.get("/notes/", {{"If-None-Match", plain}}).status_code == 200);
}

TEST_CASE("A note another client commits while a page is read is in neither the page nor its ETag, so the next request sees it",
          "[conditional]") {
    App app;
    app.note("a");
    // Another client (another thread, so another connection) commits a note right after this page's
    // query: the page does not show it, and its ETag must not claim it does.
    after_page_query = [&] { std::thread([&] { app.note("written meanwhile"); }).join(); };
    const auto first = app.client.get("/notes/");
    CHECK(first.data["results"].size() == 1);
    const auto second = app.client.get("/notes/", {{"If-None-Match", etag(first)}});
    CHECK(second.status_code == 200);
    CHECK(second.data["results"].size() == 2);
}

TEST_CASE("A list whose tables no migration tracks fails loudly rather than answer stale 304s", "[conditional]") {
    App app;
    db::Database& database = app.databases.get();
    std::vector<std::string_view> names{"cond_notes", "nobody_tracks_this"};
    CHECK_THROWS_WITH(db::table_versions(database, std::span<const std::string_view>(names)),
                      "drf::db::table_versions: the table nobody_tracks_this is not tracked; add "
                      "drf::migrations::track_changes(\"nobody_tracks_this\") to a migration");
}

TEST_CASE("A PATCH with If-Match naming the current ETag is applied", "[conditional]") {
    App app;
    const Note n = app.note("moon");
    const std::string tag = etag(app.client.get(app.detail(n)));
    const auto r = app.client.patch(app.detail(n), Json{{"text", "mars"}}, {{"If-Match", tag}});
    REQUIRE(r.status_code == 200);
    CHECK(r.data == Json{{"text", "mars"}});
    CHECK(etag(app.client.get(app.detail(n))) != tag);
}

TEST_CASE("A PATCH with a stale If-Match is 412 and changes nothing", "[conditional]") {
    App app;
    const Note n = app.note("moon");
    const std::string tag = etag(app.client.get(app.detail(n)));
    REQUIRE(app.client.patch(app.detail(n), Json{{"text", "mars"}}, {{"If-Match", tag}}).status_code == 200);
    const auto stale = app.client.patch(app.detail(n), Json{{"text", "venus"}}, {{"If-Match", tag}});
    CHECK(stale.status_code == 412);
    CHECK(stale.data == Json{{"detail", "The resource has changed since you fetched it (If-Match did not match)."}});
    CHECK(app.client.get(app.detail(n)).data == Json{{"text", "mars"}});
    SECTION("a weak ETag never matches If-Match") {
        const std::string now = etag(app.client.get(app.detail(n)));
        CHECK(app.client.patch(app.detail(n), Json{{"text", "venus"}}, {{"If-Match", "W/" + now}}).status_code == 412);
        CHECK(app.client.patch(app.detail(n), Json{{"text", "venus"}}, {{"If-Match", "*"}}).status_code == 200);
    }
}

TEST_CASE("A DELETE with a stale If-Match is 412 and the object stays", "[conditional]") {
    App app;
    Note n = app.note("moon");
    const std::string tag = etag(app.client.get(app.detail(n)));
    n.text = "changed by someone else";
    db::objects<Note>(app.databases.get()).save(n);
    const auto r = app.client.remove(app.detail(n), {{"If-Match", tag}});
    CHECK(r.status_code == 412);
    CHECK(db::objects<Note>(app.databases.get()).get_or_none(n.id).has_value());
    CHECK(app.client.remove(app.detail(n), {{"If-Match", etag(app.client.get(app.detail(n)))}}).status_code == 204);
    CHECK_FALSE(db::objects<Note>(app.databases.get()).get_or_none(n.id).has_value());
}

TEST_CASE("Writes without If-Match pass, unless the view requires it: 428 with DRF's body", "[conditional]") {
    App app;
    const Note n = app.note("moon");
    CHECK(app.client.patch(app.detail(n), Json{{"text", "mars"}}).status_code == 200);
    const auto refused = app.client.patch(app.detail(n, "strict"), Json{{"text", "venus"}});
    CHECK(refused.status_code == 428);
    CHECK(refused.data == Json{{"detail", "This request must be conditional: send If-Match with the ETag you fetched."}});
    CHECK(app.client.remove(app.detail(n, "strict")).status_code == 428);
    const std::string tag = etag(app.client.get(app.detail(n, "strict")));
    CHECK(app.client.patch(app.detail(n, "strict"), Json{{"text", "venus"}}, {{"If-Match", tag}}).status_code == 200);
}

TEST_CASE("A conditional write on a missing object is 404, before its preconditions", "[conditional]") {
    App app;
    CHECK(app.client.patch("/strict/6f1f7a2e-8f5c-4a8e-9a57-1b2a3c4d5e6f/", Json{{"text", "x"}}).status_code == 404);
}

TEST_CASE("Two clients PATCHing one object with the same ETag at once: one 200, one 412", "[conditional]") {
    App app("conditional_race.sqlite3");
    for (int round = 0; round < 10; ++round) {
        const Note n = app.note("moon");
        const std::string tag = etag(app.client.get(app.detail(n)));
        std::latch start(2);
        std::vector<int> statuses(2);
        std::vector<std::thread> clients;
        for (int i = 0; i < 2; ++i)
            clients.emplace_back([&, i] {
                drf::test::APIClient client(app.router);
                client.force_authenticate(app.alice);
                start.arrive_and_wait();
                statuses[static_cast<std::size_t>(i)] =
                    client.patch(app.detail(n), Json{{"text", "edit " + std::to_string(i)}}, {{"If-Match", tag}}).status_code;
                app.databases.release();
            });
        for (auto& t : clients) t.join();
        std::sort(statuses.begin(), statuses.end());
        CHECK(statuses == std::vector<int>{200, 412});
    }
}

}  // namespace resources_conditional_test
