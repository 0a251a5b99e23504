// tests/benchmarks/json_parse_bench.cpp — parsing a request body: drf::parse_json (what request.data()
// runs) against nlohmann::json::parse (std::map objects) and nlohmann::ordered_json::parse (what
// request.data() ran before: its object insert searches the keys, so a wide body costs O(n²)), on bodies
// of 1 KiB, 64 KiB and 1 MiB, wide (one object of many keys: 1 MiB is about 100k) and nested (records
// 16 levels deep), and on a usual 200-byte body. Time per byte staying flat from 1 KiB to 1 MiB is what
// "linear" means here.
// ordered_json on the 1 MiB wide body takes seconds per run: it is skipped unless
// DRF_BENCH_QUADRATIC=1 is set in the environment.
#include <drf/core/json_parse.hpp>

#include <benchmark/benchmark.h>

#include <cstdint>
#include <cstdlib>
#include <string>

namespace json_parse_bench {

enum Shape : std::int64_t { wide, nested };

// One object of `size` bytes or a little more: {"k0":0,"k1":1,...} — a 1 MiB body holds ~100k keys.
std::string wide_body(std::size_t size) {
    std::string body = "{";
    for (int i = 0; body.size() < size; ++i) body += "\"k" + std::to_string(i) + "\":" + std::to_string(i % 1000) + ",";
    body.back() = '}';
    return body;
}

// An array of records, each 16 levels of objects and arrays deep with a few scalars on the way.
std::string nested_body(std::size_t size) {
    std::string record;
    for (int level = 0; level < 8; ++level) record += R"({"id":)" + std::to_string(level) + R"(,"name":"level","items":[)";
    record += R"("leaf",1.5,true,null)";
    for (int level = 0; level < 8; ++level) record += "]}";
    std::string body = "[";
    while (body.size() < size) body += record + ",";
    body.back() = ']';
    return body;
}

const std::string& body(std::int64_t shape, std::int64_t size) {
    static const std::string bodies[2][3] = {{wide_body(1 << 10), wide_body(1 << 16), wide_body(1 << 20)},
                                             {nested_body(1 << 10), nested_body(1 << 16), nested_body(1 << 20)}};
    return bodies[shape][size == 1 << 10 ? 0 : size == 1 << 16 ? 1 : 2];
}

void set_label(benchmark::State& state) {
    state.SetLabel(state.range(0) == wide ? "wide" : "nested");
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) *
                            static_cast<std::int64_t>(body(state.range(0), state.range(1)).size()));
}

void BM_json_parse_drf(benchmark::State& state) {
    const std::string& text = body(state.range(0), state.range(1));
    for (auto _ : state) benchmark::DoNotOptimize(drf::parse_json(text));
    set_label(state);
}

void BM_json_parse_nlohmann_json(benchmark::State& state) {
    const std::string& text = body(state.range(0), state.range(1));
    for (auto _ : state) benchmark::DoNotOptimize(nlohmann::json::parse(text));
    set_label(state);
}

void BM_json_parse_nlohmann_ordered_json(benchmark::State& state) {
    const std::string& text = body(state.range(0), state.range(1));
    if (state.range(0) == wide && state.range(1) > (1 << 16) && std::getenv("DRF_BENCH_QUADRATIC") == nullptr) {
        state.SkipWithError("O(n^2): seconds per run; set DRF_BENCH_QUADRATIC=1 to measure");
        for (auto _ : state) {
        }
        return;
    }
    for (auto _ : state) benchmark::DoNotOptimize(nlohmann::ordered_json::parse(text));
    set_label(state);
}

// A request's usual body, about 200 bytes: what BM_request_post_create's parse costs, before and after.
const std::string small_body = R"({"title": "Write the benchmark", "notes": "with a baseline", "priority": 3,
    "project_id": "a1b2c3d4-e5f6-4789-abcd-ef0123456789", "done": false, "due": "2026-11-23T19:43:37.727356Z"})";

void BM_json_parse_200_bytes_drf(benchmark::State& state) {
    for (auto _ : state) benchmark::DoNotOptimize(drf::parse_json(small_body));
}
BENCHMARK(BM_json_parse_200_bytes_drf);

void BM_json_parse_200_bytes_nlohmann_ordered_json(benchmark::State& state) {
    for (auto _ : state) benchmark::DoNotOptimize(nlohmann::ordered_json::parse(small_body));
}
BENCHMARK(BM_json_parse_200_bytes_nlohmann_ordered_json);

void shapes_and_sizes(benchmark::internal::Benchmark* b) {
    b->ArgNames({"shape", "bytes"});
    for (const std::int64_t shape : {wide, nested})
        for (const std::int64_t size : {1 << 10, 1 << 16, 1 << 20}) b->Args({shape, size});
    b->Unit(benchmark::kMicrosecond);
}

BENCHMARK(BM_json_parse_drf)->Apply(shapes_and_sizes);
BENCHMARK(BM_json_parse_nlohmann_json)->Apply(shapes_and_sizes);
BENCHMARK(BM_json_parse_nlohmann_ordered_json)->Apply(shapes_and_sizes);

}  // namespace json_parse_bench
