// tests/benchmarks/openapi_bench.cpp — the example service's OpenAPI document (examples/projects, its
// router as urls.hpp builds it): generating it from the viewsets' declarations, generating and writing
// it as GET /api/schema/ keeps it, and GET /api/schema/ through the router once it is kept; beside a GET
// of a small list (three announcements, one cursor page) through the same router, in the same process.
#include "../../examples/projects/migrations.hpp"
#include "../../examples/projects/models.hpp"
#include "../../examples/projects/urls.hpp"
#include "../../examples/projects/views.hpp"

#include <drf/auth/authentication.hpp>
#include <drf/db/sqlite.hpp>
#include <drf/migrations.hpp>
#include <drf/openapi.hpp>
#include <drf/routers.hpp>
#include <drf/throttling.hpp>

#include <benchmark/benchmark.h>

#include <cstddef>
#include <memory>
#include <string>

namespace openapi_bench {

using drf::http::Method;
using drf::http::Request;

// The example's URLs over a migrated SQLite (:memory:) database, served with token authentication as
// its App serves them. The host settings stay at their defaults rather than read from the environment,
// and no default throttle applies (the loop's anonymous GETs would be throttled after 60): only the
// archive action's rate is set, as registering the example's viewsets requires.
struct Service {
    drf::db::Databases databases{[] {
        auto database = drf::db::sqlite::open(":memory:");
        drf::migrations::Migrator(database, projects::migrations()).migrate();
        return database;
    }};
    drf::routers::Router router{drf::views::Context{
        .databases = &databases,
        .authenticators = {std::make_shared<drf::auth::TokenAuthentication>(databases)},
        .throttling = [] {
            auto settings = std::make_shared<drf::throttling::Settings>();
            settings->rates = drf::throttling::parse_rates("archive=10/minute");
            return std::shared_ptr<const drf::throttling::Settings>(std::move(settings));
        }()}};

    Service() {
        projects::add_urls(router);
        for (const char* title : {"Welcome", "Maintenance", "New release"}) {
            projects::Announcement a;
            a.title = title;
            a.body = "A few words of announcement, as staff would write them.";
            drf::db::objects<projects::Announcement>(databases.get()).create(a);
        }
    }
    static Request get(const std::string& target) {
        drf::http::Headers h;
        h.add("Host", "localhost");
        return Request(Method::get, target, std::move(h), {});
    }
};

Service& service() {
    static Service s;
    return s;
}

// The document as a Json value: every viewset described, the paths sorted, the components collected.
void BM_openapi_generate_example_document(benchmark::State& state) {
    auto& svc = service();
    for (auto _ : state) {
        auto document = drf::openapi::SchemaGenerator(projects::api_info())
                            .get_schema(svc.router.endpoints(), svc.router.context());
        benchmark::DoNotOptimize(document);
    }
}
BENCHMARK(BM_openapi_generate_example_document);

// What the first GET /api/schema/ pays once: the document generated and written as the view keeps it
// (indented by 4).
void BM_openapi_generate_and_dump_example_document(benchmark::State& state) {
    auto& svc = service();
    std::size_t bytes = 0;
    for (auto _ : state) {
        auto text = drf::openapi::SchemaGenerator(projects::api_info())
                        .get_schema(svc.router.endpoints(), svc.router.context())
                        .dump(4);
        bytes = text.size();
        benchmark::DoNotOptimize(text);
    }
    state.counters["bytes"] = static_cast<double>(bytes);
}
BENCHMARK(BM_openapi_generate_and_dump_example_document);

// GET /api/schema/ once the document is kept: routing, content negotiation and the kept text.
void BM_openapi_get_schema(benchmark::State& state) {
    auto& svc = service();
    std::size_t bytes = 0;
    for (auto _ : state) {
        auto request = Service::get("/api/schema/");
        auto response = svc.router.dispatch(request);
        auto text = response.content();
        bytes = text.size();
        benchmark::DoNotOptimize(text);
        if (response.status_code() != 200) state.SkipWithError("not 200");
    }
    state.counters["bytes"] = static_cast<double>(bytes);
}
BENCHMARK(BM_openapi_get_schema);

// The baseline: GET /api/announcements/, anonymous (IsAdminOrReadOnly lets anyone read), three
// announcements on one cursor page.
void BM_openapi_baseline_get_small_list(benchmark::State& state) {
    auto& svc = service();
    for (auto _ : state) {
        auto request = Service::get("/api/announcements/");
        auto response = svc.router.dispatch(request);
        auto text = response.content();
        benchmark::DoNotOptimize(text);
        if (response.status_code() != 200) state.SkipWithError("not 200");
    }
}
BENCHMARK(BM_openapi_baseline_get_small_list);

}  // namespace openapi_bench
