// tests/benchmarks/serializers_bench.cpp — validating a 6-field object and rendering 25 objects with
// drf serializers (to Json, and to text through Json or straight), against hand-written nlohmann::json
// code doing the same checks and output.
// The hand-written side calls the same parsing helpers (UUID, datetime, strip), so the ratio measures
// what the serializer machinery itself costs.
#include <drf/models.hpp>
#include <drf/serializers.hpp>

#include <benchmark/benchmark.h>

#include <string>
#include <vector>

namespace s = drf::serializers;
using drf::Json;

namespace serializers_bench {

struct TaskInput {
    std::string title;
    std::string notes;
    int priority = 0;
    drf::Uuid project_id{};
    bool done = false;
    drf::DateTime due;
    static constexpr auto fields = s::fields(
        s::char_field<&TaskInput::title>().max_length(200),
        s::char_field<&TaskInput::notes>().optional().allow_blank(),
        s::integer_field<&TaskInput::priority>().min_value(1).max_value(10),
        s::uuid_field<&TaskInput::project_id>(), s::boolean_field<&TaskInput::done>(),
        s::datetime_field<&TaskInput::due>());
};

const Json& task_body() {
    static const Json body = Json::parse(R"({"title": "Write the benchmark", "notes": "with a baseline",
        "priority": 3, "project_id": "a1b2c3d4-e5f6-4789-abcd-ef0123456789", "done": false,
        "due": "2026-11-23T19:43:37.727356Z"})");
    return body;
}

// What a careful engineer writes by hand for the same rules and error messages.
bool hand_validate(const Json& body, TaskInput& out, Json& errors) {
    auto fail = [&](const char* field, const char* message) {
        if (!errors.is_object()) errors = Json::object();
        errors[field].push_back(message);
    };
    if (!body.is_object()) {
        errors = Json{{"non_field_errors", {"Invalid data."}}};
        return false;
    }
    if (auto it = body.find("title"); it == body.end()) fail("title", "This field is required.");
    else if (!it->is_string()) fail("title", "Not a valid string.");
    else {
        const auto stripped = s::detail::python_strip(it->get_ref<const std::string&>());
        if (stripped.empty()) fail("title", "This field may not be blank.");
        else if (drf::detail::utf8_length(stripped) > 200) fail("title", "Ensure this field has no more than 200 characters.");
        else if (stripped.find('\0') != std::string_view::npos) fail("title", "Null characters are not allowed.");
        else out.title = std::string(stripped);
    }
    if (auto it = body.find("notes"); it != body.end()) {
        if (!it->is_string()) fail("notes", "Not a valid string.");
        else out.notes = std::string(s::detail::python_strip(it->get_ref<const std::string&>()));
    }
    if (auto it = body.find("priority"); it == body.end()) fail("priority", "This field is required.");
    else if (!it->is_number_integer()) fail("priority", "A valid integer is required.");
    else {
        const auto v = it->get<std::int64_t>();
        if (v > 10) fail("priority", "Ensure this value is less than or equal to 10.");
        else if (v < 1) fail("priority", "Ensure this value is greater than or equal to 1.");
        else out.priority = static_cast<int>(v);
    }
    if (auto it = body.find("project_id"); it == body.end()) fail("project_id", "This field is required.");
    else if (auto u = it->is_string() ? drf::parse_uuid(it->get_ref<const std::string&>()) : std::nullopt; !u)
        fail("project_id", "Must be a valid UUID.");
    else out.project_id = *u;
    if (auto it = body.find("done"); it == body.end()) fail("done", "This field is required.");
    else if (!it->is_boolean()) fail("done", "Must be a valid boolean.");
    else out.done = it->get<bool>();
    if (auto it = body.find("due"); it == body.end()) fail("due", "This field is required.");
    else if (auto t = it->is_string() ? drf::parse_datetime(it->get_ref<const std::string&>()) : std::nullopt; !t)
        fail("due", "Datetime has wrong format.");
    else out.due = *t;
    return errors.is_null();
}

void BM_validate_6_fields_drf(benchmark::State& state) {
    const Json& body = task_body();
    for (auto _ : state) {
        auto result = s::validate<TaskInput>(body);
        benchmark::DoNotOptimize(result);
        if (!result) state.SkipWithError("invalid");
    }
}
BENCHMARK(BM_validate_6_fields_drf);

void BM_validate_6_fields_hand_written(benchmark::State& state) {
    const Json& body = task_body();
    for (auto _ : state) {
        TaskInput out;
        Json errors;
        const bool ok = hand_validate(body, out, errors);
        benchmark::DoNotOptimize(out);
        if (!ok) state.SkipWithError("invalid");
    }
}
BENCHMARK(BM_validate_6_fields_hand_written);

struct Project : drf::models::Model<Project> {
    std::string name;
    std::string description;
    std::int64_t stars = 0;
    bool archived = false;
    static constexpr auto meta = drf::models::meta<Project>(
        "projects", drf::models::field<&Project::name>(), drf::models::field<&Project::description>(),
        drf::models::field<&Project::stars>(), drf::models::field<&Project::archived>());
};

struct ProjectOutput {
    static constexpr auto fields =
        s::fields(s::uuid_field<&Project::id>(), s::char_field<&Project::name>(),
                  s::char_field<&Project::description>(), s::integer_field<&Project::stars>(),
                  s::boolean_field<&Project::archived>(), s::datetime_field<&Project::created_at>(),
                  s::datetime_field<&Project::updated_at>());
};

std::vector<Project> page_of_projects() {
    std::vector<Project> page(25);
    for (std::size_t i = 0; i < page.size(); ++i) {
        page[i].name = "Project number " + std::to_string(i);
        page[i].description = "A project used to measure rendering";
        page[i].stars = static_cast<std::int64_t>(i * 7);
    }
    return page;
}

Json hand_render(const std::vector<Project>& page) {
    Json out = Json::array();
    for (const auto& p : page) {
        Json o = Json::object();
        o["id"] = drf::to_string(p.id);
        o["name"] = p.name;
        o["description"] = p.description;
        o["stars"] = p.stars;
        o["archived"] = p.archived;
        o["created_at"] = drf::to_iso8601(p.created_at);
        o["updated_at"] = drf::to_iso8601(p.updated_at);
        out.push_back(std::move(o));
    }
    return out;
}

void BM_render_25_drf(benchmark::State& state) {
    const auto page = page_of_projects();
    for (auto _ : state) {
        Json out = s::render_many<ProjectOutput>(page);
        benchmark::DoNotOptimize(out);
    }
}
BENCHMARK(BM_render_25_drf);

void BM_render_25_hand_written(benchmark::State& state) {
    const auto page = page_of_projects();
    for (auto _ : state) {
        Json out = hand_render(page);
        benchmark::DoNotOptimize(out);
    }
}
BENCHMARK(BM_render_25_hand_written);

void BM_render_25_to_text_drf(benchmark::State& state) {
    const auto page = page_of_projects();
    for (auto _ : state) {
        std::string text = s::render_many<ProjectOutput>(page).dump();
        benchmark::DoNotOptimize(text);
    }
}
BENCHMARK(BM_render_25_to_text_drf);

// The same text, as the pagination writes it: straight from the objects, no Json in between.
void BM_render_25_to_text_drf_direct(benchmark::State& state) {
    const auto page = page_of_projects();
    for (auto _ : state) {
        std::string text;
        s::render_many_to<ProjectOutput>(text, page);
        benchmark::DoNotOptimize(text);
    }
}
BENCHMARK(BM_render_25_to_text_drf_direct);

void BM_render_25_to_text_hand_written(benchmark::State& state) {
    const auto page = page_of_projects();
    for (auto _ : state) {
        std::string text = hand_render(page).dump();
        benchmark::DoNotOptimize(text);
    }
}
BENCHMARK(BM_render_25_to_text_hand_written);

}  // namespace serializers_bench
