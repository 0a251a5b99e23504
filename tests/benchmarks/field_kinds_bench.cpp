// tests/benchmarks/field_kinds_bench.cpp — what the richer field kinds cost: a 10-field object (the
// 6-field task of serializers_bench.cpp plus a decimal, a date, a JSON object and a multiple choice)
// validated and rendered, beside the same 6-field object measured in this program, so the ratio is
// what the four extra kinds add.
#include <drf/serializers.hpp>
#include <drf/serializers/formats.hpp>

#include <benchmark/benchmark.h>

#include <set>
#include <string>

namespace s = drf::serializers;
using drf::Json;

namespace field_kinds_bench {

struct Task6 {
    std::string title;
    std::string notes;
    int priority = 0;
    drf::Uuid project_id{};
    bool done = false;
    drf::DateTime due;
    static constexpr auto fields = s::fields(
        s::char_field<&Task6::title>().max_length(200), s::char_field<&Task6::notes>().optional().allow_blank(),
        s::integer_field<&Task6::priority>().min_value(1).max_value(10), s::uuid_field<&Task6::project_id>(),
        s::boolean_field<&Task6::done>(), s::datetime_field<&Task6::due>());
};

struct Task10 {
    std::string title;
    std::string notes;
    int priority = 0;
    drf::Uuid project_id{};
    bool done = false;
    drf::DateTime due;
    drf::Decimal budget;
    drf::Date starts{};
    Json meta;
    std::set<std::string> labels;
    static constexpr auto fields = s::fields(
        s::char_field<&Task10::title>().max_length(200), s::char_field<&Task10::notes>().optional().allow_blank(),
        s::integer_field<&Task10::priority>().min_value(1).max_value(10), s::uuid_field<&Task10::project_id>(),
        s::boolean_field<&Task10::done>(), s::datetime_field<&Task10::due>(),
        s::decimal_field<&Task10::budget>({.max_digits = 10, .decimal_places = 2}), s::date_field<&Task10::starts>(),
        s::json_field<&Task10::meta>(),
        s::multiple_choice_field<&Task10::labels>(s::choices("bug", "feature", "docs", "urgent")));
};

const char* const task6_text = R"({"title": "Write the benchmark", "notes": "with a baseline", "priority": 3,
    "project_id": "a1b2c3d4-e5f6-4789-abcd-ef0123456789", "done": false, "due": "2026-11-23T19:43:37.727356Z"})";
const char* const task10_text = R"({"title": "Write the benchmark", "notes": "with a baseline", "priority": 3,
    "project_id": "a1b2c3d4-e5f6-4789-abcd-ef0123456789", "done": false, "due": "2026-11-23T19:43:37.727356Z",
    "budget": "12500.50", "starts": "2026-12-01", "meta": {"source": "import", "weight": 2},
    "labels": ["feature", "docs"]})";

template <class T>
void validate(benchmark::State& state, const char* text) {
    const Json body = Json::parse(text);
    for (auto _ : state) {
        auto result = s::validate<T>(body);
        benchmark::DoNotOptimize(result);
        if (!result) state.SkipWithError(result.errors().dump().c_str());
    }
}
void BM_validate_6_fields(benchmark::State& state) { validate<Task6>(state, task6_text); }
void BM_validate_10_fields(benchmark::State& state) { validate<Task10>(state, task10_text); }
BENCHMARK(BM_validate_6_fields);
BENCHMARK(BM_validate_10_fields);

template <class T>
void render(benchmark::State& state, const char* text) {
    auto result = s::validate<T>(Json::parse(text));
    if (!result) {
        state.SkipWithError(result.errors().dump().c_str());
        return;
    }
    const T object = std::move(result).value();
    std::string out;
    for (auto _ : state) {
        out.clear();
        s::render_to<T>(out, object);
        benchmark::DoNotOptimize(out.data());
    }
}
void BM_render_text_6_fields(benchmark::State& state) { render<Task6>(state, task6_text); }
void BM_render_text_10_fields(benchmark::State& state) { render<Task10>(state, task10_text); }
BENCHMARK(BM_render_text_6_fields);
BENCHMARK(BM_render_text_10_fields);

}  // namespace field_kinds_bench
