// tests/benchmarks/http_bench.cpp — a full in-process request through the router: route, token
// authentication, permission checks, validation of a 2-field body, a save to SQLite (:memory:) and
// rendering; a GET of one object; and a GET of a 25-object page with cursor pagination, the request the
// HTTP load test sends. The first two are paired with their database work alone, measured in the same
// process, so the share of time spent outside the database is visible.
#include <drf/auth.hpp>
#include <drf/db.hpp>
#include <drf/db/sqlite.hpp>
#include <drf/migrations.hpp>
#include <drf/pagination.hpp>
#include <drf/permissions.hpp>
#include <drf/routers.hpp>
#include <drf/serializers.hpp>
#include <drf/viewsets.hpp>

#include <benchmark/benchmark.h>

#include <memory>
#include <string>

namespace http_bench {

namespace db = drf::db;
namespace s = drf::serializers;
using drf::http::Method;
using drf::http::Request;
using drf::http::Response;

struct Note : drf::models::Model<Note> {
    std::string title;
    std::string body;
    drf::Uuid owner_id;
    static constexpr auto meta = drf::models::meta<Note>(
        "notes", drf::models::field<&Note::title>().max_length(200), drf::models::field<&Note::body>(),
        drf::models::field<&Note::owner_id>().references<drf::auth::User>());
};

struct NoteInput {
    std::string title;
    std::string body;
    static constexpr auto fields = s::fields(s::char_field<&NoteInput::title>().max_length(200),
                                             s::char_field<&NoteInput::body>().optional("").allow_blank());
};

struct NoteOutput {
    static constexpr auto fields = s::model_serializer<Note, &Note::id, &Note::title, &Note::body,
                                                       &Note::created_at, &Note::updated_at>();
};

struct IsOwner {
    bool has_object_permission(const Request& r, const Note& n) const { return n.owner_id == r.user().id; }
};

using NotePagination = drf::pagination::CursorPagination<drf::pagination::Options{.page_size = 25}>;

struct NoteViewSet : drf::viewsets::ViewSet<NoteViewSet> {
    db::Databases* databases = nullptr;
    static constexpr auto permission_classes = drf::permissions::IsAuthenticated{} & IsOwner{};

    Response list(Request& request) {
        return NotePagination::paginate<NoteOutput>(
            request, db::objects<Note>(databases->get()).filter(db::eq(&Note::owner_id, request.user().id)));
    }
    Response create(Request& request) {
        const auto data = s::validate<NoteInput>(request.data()).value();
        Note note;
        note.title = data.title;
        note.body = data.body;
        note.owner_id = request.user().id;
        return Response(s::render<NoteOutput>(db::objects<Note>(databases->get()).create(note)), 201);
    }
    Response retrieve(Request& request, drf::Uuid pk) {
        const auto note = drf::viewsets::get_object_or_404(db::objects<Note>(databases->get()), pk);
        check_object_permissions(request, note);
        return Response(s::render<NoteOutput>(note));
    }
};

struct Service {
    db::Databases databases{[] {
        auto database = db::sqlite::open(":memory:");
        auto list = drf::auth::migrations();
        list.push_back({"0001_notes", {"auth_0001_initial"}, {drf::migrations::create_table(drf::migrations::from_model<Note>())}, {}});
        drf::migrations::Migrator(database, list).migrate();
        return database;
    }};
    drf::routers::Router router{drf::auth::Authenticators{std::make_shared<drf::auth::TokenAuthentication>(databases)}};
    drf::auth::User user = drf::auth::create_user(databases.get(), "bench");
    std::string key = drf::auth::create_token(databases.get(), user);
    Note note;

    // `notes` notes owned by `user`; `note` is the first (as it always was: the GET of one reads it).
    explicit Service(int notes = 1) {
        router.register_viewset<NoteViewSet>("notes", [this] {
            NoteViewSet v;
            v.databases = &databases;
            return v;
        });
        for (int i = 0; i < notes; ++i) {
            Note n;
            n.title = i == 0 ? "A note" : "Note number " + std::to_string(i + 1);
            if (i != 0) n.body = "A few words of body text, as a note would have.";
            n.owner_id = user.id;
            n = db::objects<Note>(databases.get()).create(n);
            if (i == 0) note = n;
        }
    }
    Request make(Method method, const std::string& target, std::string body = {}) const {
        drf::http::Headers h;
        h.add("Host", "localhost");
        h.add("Authorization", "Token " + key);
        if (!body.empty()) h.add("Content-Type", "application/json");
        return Request(method, target, std::move(h), std::move(body));
    }
};

Service& service() {
    static Service s;
    return s;
}

// 30 notes in a database of their own, so the POST benchmark's rows never lengthen this list.
Service& page_service() {
    static Service s(30);
    return s;
}

void BM_request_post_create(benchmark::State& state) {
    auto& svc = service();
    const std::string body = R"({"title": "Benchmark note", "body": "Two fields, validated and saved"})";
    for (auto _ : state) {
        auto request = svc.make(Method::post, "/notes/", body);
        auto response = svc.router.dispatch(request);
        auto text = response.content();
        benchmark::DoNotOptimize(text);
        if (response.status_code() != 201) state.SkipWithError("not 201");
    }
}
BENCHMARK(BM_request_post_create);

// The database work of the POST alone: the token lookup and the insert.
void BM_request_post_create_database_only(benchmark::State& state) {
    auto& svc = service();
    for (auto _ : state) {
        auto user = drf::auth::user_for_token(svc.databases.get(), svc.key);
        Note note;
        note.title = "Benchmark note";
        note.body = "Two fields, validated and saved";
        note.owner_id = user->id;
        benchmark::DoNotOptimize(db::objects<Note>(svc.databases.get()).create(note));
    }
}
BENCHMARK(BM_request_post_create_database_only);

void BM_request_get_one(benchmark::State& state) {
    auto& svc = service();
    const std::string target = "/notes/" + drf::to_string(svc.note.id) + "/";
    for (auto _ : state) {
        auto request = svc.make(Method::get, target);
        auto response = svc.router.dispatch(request);
        auto text = response.content();
        benchmark::DoNotOptimize(text);
        if (response.status_code() != 200) state.SkipWithError("not 200");
    }
}
BENCHMARK(BM_request_get_one);

// The database work of the GET alone: the token lookup and the select by id.
void BM_request_get_one_database_only(benchmark::State& state) {
    auto& svc = service();
    for (auto _ : state) {
        auto user = drf::auth::user_for_token(svc.databases.get(), svc.key);
        benchmark::DoNotOptimize(user);
        benchmark::DoNotOptimize(db::objects<Note>(svc.databases.get()).get(svc.note.id));
    }
}
BENCHMARK(BM_request_get_one_database_only);

// GET /notes/: the first 25 of the user's 30 notes, by cursor pagination (a signed `next` link), as
// tests/load/projects.sh asks the example service over HTTP.
void BM_request_get_page(benchmark::State& state) {
    auto& svc = page_service();
    for (auto _ : state) {
        auto request = svc.make(Method::get, "/notes/");
        auto response = svc.router.dispatch(request);
        auto text = response.content();
        benchmark::DoNotOptimize(text);
        if (response.status_code() != 200) state.SkipWithError("not 200");
    }
}
BENCHMARK(BM_request_get_page);

}  // namespace http_bench
