// tests/benchmarks/negotiation_bench.cpp — what content negotiation and rendering add to a request: the
// request cycle (drf::views::dispatch, then the body's bytes) for a GET answered with compact JSON, without
// negotiation (the JSON fast path as it was), and with it for no Accept header, Accept: application/json
// and a browser's Accept; then select_renderer alone, and an indented and a CSV answer for scale.
#include <drf/http.hpp>
#include <drf/views.hpp>
#include <drf/viewsets.hpp>

#include <benchmark/benchmark.h>

#include <string>
#include <string_view>

namespace negotiation_bench {

using drf::Json;
using drf::http::Method;
using drf::http::Request;
using drf::http::Response;

struct CsvRenderer {
    static constexpr std::string_view media_type = "text/csv";
    static constexpr std::string_view format = "csv";
    std::string render(const Json& data, std::string_view) const {
        std::string out = "id,title\r\n";
        for (const auto& row : data) out += std::to_string(row["id"].get<int>()) + "," + row["title"].get<std::string>() + "\r\n";
        return out;
    }
};

// A small page: three objects, the body a list view answers.
struct Items : drf::viewsets::ViewSet<Items> {
    static constexpr auto renderer_classes = drf::http::renderers(drf::http::JSONRenderer{}, CsvRenderer{});
    Response list(Request&) {
        Json rows = Json::array();
        for (int i = 1; i <= 3; ++i) rows.push_back(Json{{"id", i}, {"title", "item number " + std::to_string(i)}});
        return Response(std::move(rows));
    }
};

constexpr std::string_view browser_accept =
    "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8";

void run(benchmark::State& state, const drf::views::View& view, Request request) {
    const drf::views::Context context;
    const drf::viewsets::MethodSet methods{Method::get};
    const drf::views::Match match{drf::views::RouteKind::list, {}, {}};
    for (auto _ : state) {
        Response response = drf::views::dispatch(view, request, match, methods, context);
        std::string body = response.content();
        benchmark::DoNotOptimize(body);
    }
}

const drf::views::Context& context() {
    static const drf::views::Context c;
    return c;
}

// The cycle without the negotiation and rendering step: what a GET cost before them.
void BM_Negotiation_JsonFastPathWithout(benchmark::State& state) {
    drf::views::View view = drf::views::as_view<Items>(context());
    view.negotiate = nullptr;
    run(state, view, Request(Method::get, "/items/"));
}
BENCHMARK(BM_Negotiation_JsonFastPathWithout);

void BM_Negotiation_NoAccept(benchmark::State& state) {
    run(state, drf::views::as_view<Items>(context()), Request(Method::get, "/items/"));
}
BENCHMARK(BM_Negotiation_NoAccept);

void BM_Negotiation_AcceptJson(benchmark::State& state) {
    run(state, drf::views::as_view<Items>(context()), Request(Method::get, "/items/", {{"Accept", "application/json"}}));
}
BENCHMARK(BM_Negotiation_AcceptJson);

void BM_Negotiation_BrowserAccept(benchmark::State& state) {
    run(state, drf::views::as_view<Items>(context()),
        Request(Method::get, "/items/", {{"Accept", std::string(browser_accept)}}));
}
BENCHMARK(BM_Negotiation_BrowserAccept);

void BM_Negotiation_JsonIndent4(benchmark::State& state) {
    run(state, drf::views::as_view<Items>(context()),
        Request(Method::get, "/items/", {{"Accept", "application/json; indent=4"}}));
}
BENCHMARK(BM_Negotiation_JsonIndent4);

void BM_Negotiation_Csv(benchmark::State& state) {
    run(state, drf::views::as_view<Items>(context()), Request(Method::get, "/items/", {{"Accept", "text/csv"}}));
}
BENCHMARK(BM_Negotiation_Csv);

// select_renderer alone, for the three headers.
void BM_SelectRenderer(benchmark::State& state, std::string_view accept) {
    const Request request = accept.empty() ? Request(Method::get, "/items/")
                                           : Request(Method::get, "/items/", {{"Accept", std::string(accept)}});
    for (auto _ : state) {
        auto chosen = drf::http::select_renderer(request, Items::renderer_classes);
        benchmark::DoNotOptimize(chosen);
    }
}
BENCHMARK_CAPTURE(BM_SelectRenderer, no_accept, std::string_view{});
BENCHMARK_CAPTURE(BM_SelectRenderer, application_json, std::string_view{"application/json"});
BENCHMARK_CAPTURE(BM_SelectRenderer, browser, browser_accept);

}  // namespace negotiation_bench
