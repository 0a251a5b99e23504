// tests/openapi/example_schema_test.cpp — the example service's whole OpenAPI document, against the
// golden file tests/openapi/projects.openapi.json: every endpoint of examples/projects described
// exactly, the same bytes on every run. The generateschema command writes the same document.
#include "../../examples/projects/commands.hpp"
#include "../../examples/projects/context.hpp"
#include "../../examples/projects/settings.hpp"
#include "../../examples/projects/urls.hpp"

#include <drf/auth/authentication.hpp>
#include <drf/commands.hpp>
#include <drf/db/sqlite.hpp>
#include <drf/openapi.hpp>
#include <drf/routers.hpp>

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

namespace example_schema_test {

using drf::Json;

// The example's router as its App builds it: its URLs, served with its context (token authentication,
// its default throttles).
struct Service {
    drf::db::Databases databases{[] { return drf::db::sqlite::open(":memory:"); }};
    drf::routers::Router router{projects::view_context(databases)};
    Service() { projects::add_urls(router); }

    std::string document() const {
        return drf::openapi::render_json(
                   drf::openapi::SchemaGenerator(projects::api_info()).get_schema(router.endpoints(), router.context())) +
               "\n";
    }
};

const std::filesystem::path golden = std::filesystem::path(__FILE__).parent_path() / "projects.openapi.json";

std::string read(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

std::vector<std::string> operations(const Json& doc) {
    std::vector<std::string> out;
    for (const auto& [path, item] : doc["paths"].items())
        for (const auto& [method, op] : item.items()) out.push_back(method + " " + path + " " + op["operationId"].get<std::string>());
    return out;
}

// When the example's API changes on purpose, write the new document over the golden file and review
// the difference with git diff (from an empty directory: the service keeps its database and cursor
// secret in the working directory):
//     cd "$(mktemp -d)"
//     /path/to/build/examples/projects/projects generateschema --file /path/to/drf/tests/openapi/projects.openapi.json
TEST_CASE("The example service's OpenAPI document is the golden file tests/openapi/projects.openapi.json", "[openapi]") {
    const std::string expected = read(golden);
    REQUIRE_FALSE(expected.empty());
    const std::string actual = Service().document();
    if (actual != expected) {
        // Catch would print two whole documents; the first JSON pointer that differs says more.
        const Json patch = Json::diff(Json::parse(expected), Json::parse(actual));
        INFO("first difference from the golden file: " << (patch.empty() ? "key order or whitespace" : patch.front().dump()));
        CHECK(actual == expected);
    }
}

TEST_CASE("The example service's document lists every endpoint with drf-spectacular's operationIds", "[openapi]") {
    CHECK(operations(Json::parse(Service().document())) ==
          std::vector<std::string>{"get /api/announcements/ announcements_list",
                                   "post /api/announcements/ announcements_create",
                                   "get /api/announcements/{id}/ announcements_retrieve",
                                   "get /api/me/ me_list",
                                   "get /api/projects/ projects_list",
                                   "post /api/projects/ projects_create",
                                   "get /api/projects/{id}/ projects_retrieve",
                                   "patch /api/projects/{id}/ projects_partial_update",
                                   "delete /api/projects/{id}/ projects_destroy",
                                   "post /api/projects/{id}/archive/ projects_archive_create",
                                   "get /api/users/ users_list"});
}

TEST_CASE("The example service's document is the same bytes on every run, from a new router each time", "[openapi]") {
    CHECK(Service().document() == Service().document());
}

TEST_CASE("projects generateschema writes the document to --file, and to stdout without it", "[openapi]") {
    Service service;
    drf::commands::Registry registry{"projects"};
    registry.add<drf::commands::GenerateSchemaCommand<drf::routers::Router>>("generateschema", std::cref(service.router),
                                                                            projects::api_info());
    const auto file = std::filesystem::temp_directory_path() / "drf_example_schema_test.json";
    std::ostringstream out, err;
    REQUIRE(drf::commands::call_command(registry, "generateschema", {"--file", file.string(), "--fail-on-warn"}, out, err) == 0);
    CHECK(read(file) == service.document());
    CHECK(out.str().empty());
    CHECK(err.str().empty());
    std::filesystem::remove(file);
    std::ostringstream out2;
    REQUIRE(drf::commands::call_command(registry, "generateschema", {}, out2, err) == 0);
    CHECK(out2.str() == service.document());
}

}  // namespace example_schema_test
