// tests/conditional/page_cache_test.cpp — a ResourceViewSet's page cache (drf::resources::PageCache):
// a repeated GET of a list page answered from memory, byte for byte, without the page's query; a write
// to a table the page reads, another user, URL, Accept header or database never answered from another's
// page; its bounds (pages, bytes) and what it does not keep.
#include <drf/auth.hpp>
#include <drf/db.hpp>
#include <drf/db/sqlite.hpp>
#include <drf/migrations.hpp>
#include <drf/pagination.hpp>
#include <drf/resources.hpp>
#include <drf/routers.hpp>
#include <drf/serializers.hpp>
#include <drf/test/client.hpp>

#include "../support/cursor_secrets.hpp"
#include "../support/sqlite_file.hpp"

#include <catch2/catch.hpp>

#include <atomic>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <thread>
#include <utility>
#include <vector>

namespace page_cache_test {

namespace db = drf::db;
namespace http = drf::http;
using drf::Json;
using drf::auth::User;
using drf::resources::PageCache;
using http::Request;
using http::Response;

struct Note : drf::models::Model<Note> {
    std::string text;
    static constexpr auto meta = drf::models::meta<Note>("cache_notes", drf::models::field<&Note::text>());
};
struct NoteIO : drf::serializers::model_serializer<Note, &Note::text> {};

// Cursor pages of two that count how often the page's query runs.
using Pages = drf::pagination::CursorPagination<drf::pagination::Options{.page_size = 2}>;
inline std::atomic<int> page_queries = 0;
struct CountedPages : Pages {
    template <class S, class T, class Prepare>
    static Response paginate(const Request& request, const db::QuerySet<T>& query, Prepare prepare) {
        ++page_queries;
        return Pages::paginate<S>(request, query, prepare);
    }
};
using NoteResource = drf::resources::Resource<Note, NoteIO, NoteIO, CountedPages>;

template <PageCache Limits>
struct NoteViewSet : drf::resources::ResourceViewSet<NoteViewSet<Limits>, NoteResource> {
    using Base = drf::resources::ResourceViewSet<NoteViewSet<Limits>, NoteResource>;
    using Base::Base;
    static constexpr auto conditional_requests = http::ConditionalRequests{.etags = true};
    static constexpr auto etag_tables = drf::resources::tables<Note, User>();
    static constexpr auto page_cache = Limits;
    Response list(Request& request) { return this->paginate(request, this->objects().all()); }
};
using Notes = NoteViewSet<PageCache{}>;
using TwoPages = NoteViewSet<PageCache{.max_pages = 2}>;
using TinyBytes = NoteViewSet<PageCache{.max_bytes = 64}>;

std::vector<drf::migrations::Migration> migrations() {
    auto list = drf::auth::migrations();
    list.push_back({"0001_notes",
                    {"auth_0001_initial"},
                    {drf::migrations::create_table(drf::migrations::from_model<Note>()),
                     drf::migrations::track_changes("cache_notes"), drf::migrations::track_changes("auth_user")},
                    {}});
    return list;
}

// The notes API on a SQLite file of its own, each cache emptied, alice signed in.
struct App {
    drf_test::TempSqliteFile file;
    db::Databases databases;
    drf::routers::Router router;
    drf::test::APIClient client;
    User alice, bob;

    // keep_caches: what the caches held stays (a test of what they must not answer from it).
    explicit App(bool keep_caches = false)
        : databases([this] { return db::sqlite::open(file.path); }),
          router(drf::views::Context{.databases = &databases}),
          client(router) {
        drf::migrations::Migrator(databases.get(), migrations()).migrate();
        alice = drf::auth::create_user(databases.get(), "alice");
        bob = drf::auth::create_user(databases.get(), "bob");
        router.register_viewset<Notes>("notes");
        router.register_viewset<TwoPages>("two");
        router.register_viewset<TinyBytes>("tiny");
        if (!keep_caches) {
            drf::resources::clear_page_cache<Notes>();
            drf::resources::clear_page_cache<TwoPages>();
            drf::resources::clear_page_cache<TinyBytes>();
        }
        client.force_authenticate(alice);
        page_queries = 0;
    }
    ~App() { databases.release(); }
    void notes(std::initializer_list<const char*> texts) {
        for (const char* text : texts) note(text);
    }
    Note note(std::string text) {
        Note n;
        n.text = std::move(text);
        return db::objects<Note>(databases.get()).create(n);
    }
};

TEST_CASE("A repeated GET of a list page is answered from the page cache, byte for byte, without the page's query", "[conditional]") {
    App app;
    app.notes({"a", "b", "c"});
    const auto first = app.client.get("/notes/");
    REQUIRE(first.status_code == 200);
    REQUIRE(page_queries == 1);
    const auto again = app.client.get("/notes/");
    CHECK(again.status_code == 200);
    CHECK(again.content == first.content);
    CHECK(again.header("ETag") == first.header("ETag"));
    CHECK(again.header("Content-Type") == first.header("Content-Type"));
    CHECK(page_queries == 1);
    const auto stats = drf::resources::page_cache_stats<Notes>();
    CHECK(stats.hits == 1);
    CHECK(stats.misses == 1);
    CHECK(stats.pages == 1);
    CHECK(stats.bytes > first.content.size());
    // Its ETag is the page's as always: a client sending it still gets 304.
    CHECK(app.client.get("/notes/", {{"If-None-Match", std::string(first.header("ETag").value())}}).status_code == 304);
}

TEST_CASE("A write to a table a cached page reads makes the next GET render the page again", "[conditional]") {
    App app;
    Note n = app.note("a");
    CHECK(app.client.get("/notes/").data["results"] == Json::array({{{"text", "a"}}}));
    CHECK(app.client.get("/notes/").data["results"] == Json::array({{{"text", "a"}}}));
    REQUIRE(page_queries == 1);

    n.text = "changed";
    db::objects<Note>(app.databases.get()).save(n);
    CHECK(app.client.get("/notes/").data["results"] == Json::array({{{"text", "changed"}}}));
    CHECK(page_queries == 2);

    db::objects<Note>(app.databases.get()).remove(n);
    CHECK(app.client.get("/notes/").data["results"] == Json::array());
    CHECK(page_queries == 3);

    // A table of etag_tables other than the model's: a user renamed.
    User carol = drf::auth::create_user(app.databases.get(), "carol");
    CHECK(app.client.get("/notes/").status_code == 200);
    CHECK(page_queries == 4);
    CHECK(app.client.get("/notes/").status_code == 200);
    CHECK(page_queries == 4);
    carol.username = "caroline";
    db::objects<User>(app.databases.get()).save(carol);
    CHECK(app.client.get("/notes/").status_code == 200);
    CHECK(page_queries == 5);
}

TEST_CASE("The page cache never answers one user's page to another, nor one URL's or Accept header's to another", "[conditional]") {
    App app;
    app.notes({"a", "b", "c"});
    CHECK(app.client.get("/notes/").status_code == 200);
    REQUIRE(page_queries == 1);
    app.client.force_authenticate(app.bob);
    CHECK(app.client.get("/notes/").status_code == 200);
    CHECK(page_queries == 2);
    app.client.force_authenticate(std::nullopt);
    CHECK(app.client.get("/notes/").status_code == 200);
    CHECK(page_queries == 3);

    app.client.force_authenticate(app.alice);
    std::string next = app.client.get("/notes/").data["next"].get<std::string>();
    CHECK(page_queries == 3);
    REQUIRE(next.starts_with("http://testserver/notes/?cursor="));
    next.erase(0, std::string_view("http://testserver").size());
    const auto second = app.client.get(next);
    REQUIRE(second.status_code == 200);
    CHECK(second.data["results"] == Json::array({{{"text", "a"}}}));
    CHECK(page_queries == 4);
    CHECK(app.client.get("/notes/?format=json").status_code == 200);
    CHECK(page_queries == 5);
    CHECK(app.client.get("/notes/", {{"Accept", "application/json; indent=4"}}).content.find("\n    ") != std::string::npos);
    CHECK(page_queries == 6);
    CHECK(app.client.get("/notes/", {{"Accept", "application/json; indent=4"}}).content.find("\n    ") != std::string::npos);
    CHECK(page_queries == 6);
    CHECK(drf::resources::page_cache_stats<Notes>().pages == 6);
}

TEST_CASE("A new cursor secret changes a list page's ETag and renders the page again, its links signed with it", "[conditional]") {
    App app;
    app.notes({"a", "b", "c"});
    const auto before = app.client.get("/notes/");
    REQUIRE(before.status_code == 200);
    REQUIRE(page_queries == 1);
    const drf_test::RestoreCursorSecrets restore;  // the secret is the process's
    drf::pagination::set_cursor_secret("a page cache test's secret, 32 b");
    const auto after = app.client.get("/notes/");
    CHECK(page_queries == 2);
    CHECK(after.header("ETag") != before.header("ETag"));
    CHECK(after.data["results"] == before.data["results"]);
    CHECK(after.data["next"] != before.data["next"]);
    std::string next = after.data["next"].get<std::string>();
    next.erase(0, std::string_view("http://testserver").size());
    CHECK(app.client.get(next).status_code == 200);
    // A 304 for the old ETag would leave the client with links signed by a secret no longer accepted.
    CHECK(app.client.get("/notes/", {{"If-None-Match", std::string(before.header("ETag").value())}}).status_code == 200);
}

TEST_CASE("A viewset's page cache never answers a page read from another database", "[conditional]") {
    // Two databases with the same counters, the same users' names and the same URL: only the rows differ.
    // Anonymous requests, so no user id tells them apart either; the second Databases may even stand at
    // the first one's address.
    std::string first_page;
    {
        App first;
        first.note("from the first database");
        first.client.force_authenticate(std::nullopt);
        first_page = first.client.get("/notes/").content;
        REQUIRE(page_queries == 1);
    }
    App second(/*keep_caches=*/true);
    REQUIRE(drf::resources::page_cache_stats<Notes>().pages == 1);  // the first database's page
    second.note("from the second database");
    second.client.force_authenticate(std::nullopt);
    const auto page = second.client.get("/notes/");
    CHECK(page.data["results"] == Json::array({{{"text", "from the second database"}}}));
    CHECK(page.content != first_page);
    CHECK(page_queries == 1);  // the second App started its count at 0: this page was rendered, not found
}

TEST_CASE("The page cache keeps at most max_pages pages, the least recently used dropped first", "[conditional]") {
    App app;
    app.note("a");
    const auto get = [&](const char* url) { REQUIRE(app.client.get(url).status_code == 200); };
    get("/two/?x=a");
    get("/two/?x=b");
    get("/two/?x=a");  // found: now the most recently used
    CHECK(page_queries == 2);
    get("/two/?x=c");  // drops b
    CHECK(page_queries == 3);
    get("/two/?x=a");
    CHECK(page_queries == 3);
    get("/two/?x=b");
    CHECK(page_queries == 4);
    CHECK(drf::resources::page_cache_stats<TwoPages>().pages == 2);
}

TEST_CASE("A page larger than the page cache's max_bytes is answered but not kept", "[conditional]") {
    App app;
    app.note("a note whose page is longer than sixty-four bytes with its key");
    CHECK(app.client.get("/tiny/").status_code == 200);
    CHECK(app.client.get("/tiny/").status_code == 200);
    CHECK(page_queries == 2);
    const auto stats = drf::resources::page_cache_stats<TinyBytes>();
    CHECK(stats.pages == 0);
    CHECK(stats.bytes == 0);
}

TEST_CASE("The page cache's max_bytes counts a page's headers and its own bookkeeping, not only its key and body", "[conditional]") {
    const std::string key = "/notes/ alice application/json";
    auto page = drf::http::Response::from_json_text(R"({"next": null, "results": []})");
    page.header("ETag", "\"0123456789abcdef\"");
    const std::size_t key_and_body = key.size() + page.content().size();

    drf::resources::detail::PageStore tight(PageCache{.max_pages = 8, .max_bytes = key_and_body + 8});
    tight.store(key, page);
    CHECK(tight.stats().pages == 0);

    drf::resources::detail::PageStore roomy(PageCache{.max_pages = 8, .max_bytes = 4096});
    roomy.store(key, page);
    REQUIRE(roomy.stats().pages == 1);
    CHECK(roomy.stats().bytes >= key_and_body + std::string_view("ETag\"0123456789abcdef\"").size() + 4 * sizeof(void*));
}

TEST_CASE("The page cache keeps no 304 and no error page", "[conditional]") {
    App app;
    app.note("a");
    CHECK(app.client.get("/notes/?cursor=not-a-cursor").status_code == 404);
    CHECK(app.client.get("/notes/?cursor=not-a-cursor").status_code == 404);
    CHECK(page_queries == 2);
    CHECK(app.client.get("/notes/", {{"If-None-Match", "*"}}).status_code == 304);
    CHECK(drf::resources::page_cache_stats<Notes>().pages == 0);
}

TEST_CASE("Two threads reading a cached page while a third writes see whole pages, old or new", "[conditional]") {
    App app;
    app.note("first");
    const std::string url = "/notes/";
    std::atomic<bool> stop = false;
    std::atomic<int> bad = 0;
    const auto reader = [&] {
        drf::test::APIClient client(app.router);
        client.force_authenticate(app.alice);
        while (!stop) {
            const auto r = client.get(url);
            const auto& results = r.data["results"];
            if (r.status_code != 200 || results.empty() || !results[0]["text"].get<std::string>().starts_with("first"))
                ++bad;
        }
        app.databases.release();
    };
    std::thread a(reader), b(reader);
    {
        Note n = db::objects<Note>(app.databases.get()).all().all().front();
        for (int i = 0; i < 50; ++i) {
            n.text = "first " + std::to_string(i);
            db::objects<Note>(app.databases.get()).save(n);
        }
    }
    stop = true;
    a.join();
    b.join();
    CHECK(bad == 0);
    const auto last = app.client.get(url);
    CHECK(last.data["results"] == Json::array({{{"text", "first 49"}}}));
}

}  // namespace page_cache_test
