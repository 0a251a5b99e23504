// tests/benchmarks/conditional_bench.cpp — what conditional requests cost and save, in process through
// the router: a page of 25 with its ETag (200), the same page answered 304 from the change counters or
// from a page cache (200), the page without ETags, one object 200 / 304, and the ETag hash against
// SHA-256 on a 10 KB body.
#include <drf/auth.hpp>
#include <drf/core/crypto.hpp>
#include <drf/db.hpp>
#include <drf/db/sqlite.hpp>
#include <drf/http/conditional.hpp>
#include <drf/migrations.hpp>
#include <drf/pagination.hpp>
#include <drf/resources.hpp>
#include <drf/routers.hpp>
#include <drf/serializers.hpp>

#include <benchmark/benchmark.h>

#include <memory>
#include <string>
#include <type_traits>
#include <vector>

namespace conditional_bench {

namespace db = drf::db;
namespace s = drf::serializers;
using drf::http::Method;
using drf::http::Request;
using drf::http::Response;

// A project-like row with its owner, as the example's list renders it.
struct Item : drf::models::Model<Item> {
    std::string name;
    std::string description;
    drf::Uuid owner_id;
    bool archived = false;
    static constexpr auto meta = drf::models::meta<Item>(
        "bench_items", drf::models::field<&Item::name>().max_length(200), drf::models::field<&Item::description>(),
        drf::models::field<&Item::owner_id>().references<drf::auth::User>(), drf::models::field<&Item::archived>());
};
struct ItemOutput : s::model_serializer<Item, &Item::id, &Item::name, &Item::description, &Item::owner_id,
                                        &Item::archived, &Item::created_at, &Item::updated_at> {};
using Pages = drf::pagination::CursorPagination<drf::pagination::Options{.page_size = 25}>;
using ItemResource = drf::resources::Resource<Item, ItemOutput, ItemOutput, Pages, drf::permissions::IsAuthenticated{}>;

struct WithPageCache {
    static constexpr auto page_cache = drf::resources::PageCache{};
};
struct WithoutPageCache {};

template <bool Conditional, bool Cached = false>
struct ItemViewSet : drf::resources::ResourceViewSet<ItemViewSet<Conditional, Cached>, ItemResource>,
                     std::conditional_t<Cached, WithPageCache, WithoutPageCache> {
    using Base = drf::resources::ResourceViewSet<ItemViewSet<Conditional, Cached>, ItemResource>;
    using Base::Base;
    static constexpr auto conditional_requests =
        drf::http::ConditionalRequests{.etags = Conditional, .if_match = Conditional, .require_if_match = false};
    static constexpr auto etag_tables = drf::resources::tables<Item, drf::auth::User>();

    Response list(Request& request) {
        // The owners, loaded for the page's rows (the example's load_owners; one query).
        return this->paginate(request, this->objects().filter(db::eq(&Item::owner_id, request.user().id)),
                              [this](std::vector<Item>& rows) {
                                  if (!rows.empty()) benchmark::DoNotOptimize(db::objects<drf::auth::User>(this->db()).get(rows.front().owner_id));
                              });
    }
    Response retrieve(Request& request, drf::Uuid pk) { return Response(this->render(this->get_object(request, pk))); }
};

struct Service {
    db::Databases databases{[] {
        auto database = db::sqlite::open(":memory:");
        auto list = drf::auth::migrations();
        list.push_back({"0001_items",
                        {"auth_0001_initial"},
                        {drf::migrations::create_table(drf::migrations::from_model<Item>()),
                         drf::migrations::track_changes("bench_items"), drf::migrations::track_changes("auth_user")},
                        {}});
        drf::migrations::Migrator(database, list).migrate();
        return database;
    }};
    drf::routers::Router router{drf::views::Context{
        .databases = &databases, .authenticators = {std::make_shared<drf::auth::TokenAuthentication>(databases)}}};
    drf::auth::User user = drf::auth::create_user(databases.get(), "bench");
    std::string key = drf::auth::create_token(databases.get(), user);
    Item first;

    Service() {
        router.register_viewset<ItemViewSet<true>>("items");
        router.register_viewset<ItemViewSet<false>>("plain");
        router.register_viewset<ItemViewSet<true, true>>("cached");
        for (int i = 0; i < 30; ++i) {
            Item item;
            item.name = "Project number " + std::to_string(i + 1);
            item.description = "A few words of description, as a project would have.";
            item.owner_id = user.id;
            item = db::objects<Item>(databases.get()).create(item);
            if (i == 0) first = item;
        }
    }
    Request make(const std::string& target, const std::string& if_none_match = {}) const {
        drf::http::Headers h;
        h.add("Host", "localhost");
        h.add("Authorization", "Token " + key);
        if (!if_none_match.empty()) h.add("If-None-Match", if_none_match);
        return Request(Method::get, target, std::move(h));
    }
    std::string etag(const std::string& target) {
        auto request = make(target);
        return std::string(router.dispatch(request).headers().get("ETag").value_or(""));
    }
};

Service& service() {
    static Service s;
    return s;
}

void run(benchmark::State& state, const std::string& target, const std::string& if_none_match, int expected) {
    auto& svc = service();
    for (auto _ : state) {
        auto request = svc.make(target, if_none_match);
        auto response = svc.router.dispatch(request);
        auto text = response.content();
        benchmark::DoNotOptimize(text);
        if (response.status_code() != expected) state.SkipWithError("unexpected status");
    }
}

// GET of a page of 25 (with its owners) that carries an ETag: the counters, the page, the rendering.
void BM_conditional_page_200(benchmark::State& state) { run(state, "/items/", "", 200); }
BENCHMARK(BM_conditional_page_200);

// The same GET with If-None-Match naming the ETag: the counters only, then 304.
void BM_conditional_page_304(benchmark::State& state) { run(state, "/items/", service().etag("/items/"), 304); }
BENCHMARK(BM_conditional_page_304);

// The same GET from a viewset with a page cache: after the first, the counters, then the page found.
void BM_conditional_page_cached(benchmark::State& state) { run(state, "/cached/", "", 200); }
BENCHMARK(BM_conditional_page_cached);

// A GET the page cache cannot answer (emptied before each): the 200's work, and keeping the page.
void BM_conditional_page_cache_miss(benchmark::State& state) {
    auto& svc = service();
    for (auto _ : state) {
        drf::resources::clear_page_cache<ItemViewSet<true, true>>();
        auto request = svc.make("/cached/");
        auto response = svc.router.dispatch(request);
        auto text = response.content();
        benchmark::DoNotOptimize(text);
        if (response.status_code() != 200) state.SkipWithError("unexpected status");
    }
}
BENCHMARK(BM_conditional_page_cache_miss);

// The same page from a viewset without conditional requests.
void BM_conditional_page_without_etags(benchmark::State& state) { run(state, "/plain/", "", 200); }
BENCHMARK(BM_conditional_page_without_etags);

// One object: rendered and hashed (200), or rendered, hashed and not sent (304).
void BM_conditional_one_200(benchmark::State& state) {
    run(state, "/items/" + drf::to_string(service().first.id) + "/", "", 200);
}
BENCHMARK(BM_conditional_one_200);
void BM_conditional_one_304(benchmark::State& state) {
    const std::string target = "/items/" + drf::to_string(service().first.id) + "/";
    run(state, target, service().etag(target), 304);
}
BENCHMARK(BM_conditional_one_304);

// The ETag hash over a 10 KB body, against OpenSSL's SHA-256 over the same bytes.
std::string ten_kb() {
    std::string text;
    while (text.size() < 10240) text += R"({"id":"6f1f7a2e-8f5c-4a8e-9a57-1b2a3c4d5e6f","name":"Project number 12"},)";
    return text;
}
void BM_etag_xxh64_10kb(benchmark::State& state) {
    const std::string text = ten_kb();
    for (auto _ : state) benchmark::DoNotOptimize(drf::http::etag_of(text));
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) * static_cast<std::int64_t>(text.size()));
}
BENCHMARK(BM_etag_xxh64_10kb);
void BM_etag_sha256_10kb(benchmark::State& state) {
    const std::string text = ten_kb();
    for (auto _ : state) benchmark::DoNotOptimize(drf::crypto::sha256(text));
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) * static_cast<std::int64_t>(text.size()));
}
BENCHMARK(BM_etag_sha256_10kb);

}  // namespace conditional_bench
