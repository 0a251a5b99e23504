// tests/commands/generateschema_test.cpp — the generateschema command: the router's OpenAPI document to
// stdout or --file, the generator's warnings on stderr, and --fail-on-warn (drf-spectacular's option).
#include <drf/commands.hpp>
#include <drf/commands/generateschema.hpp>
#include <drf/http.hpp>
#include <drf/openapi.hpp>
#include <drf/routers.hpp>
#include <drf/viewsets.hpp>

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <functional>
#include <sstream>
#include <string>
#include <vector>

namespace generateschema_test {

namespace cmd = drf::commands;
namespace oa = drf::openapi;
using drf::Json;
using drf::http::Request;
using drf::http::Response;

// One action described, one not (the generator warns about it).
struct PingViewSet : drf::viewsets::ViewSet<PingViewSet> {
    Response list(Request&) { return Response(Json::object()); }
    static constexpr auto schema = oa::extend_schema(oa::action<&PingViewSet::list>(oa::responses(oa::any_json(200))));
};
struct EchoViewSet : drf::viewsets::ViewSet<EchoViewSet> {
    Response list(Request&) { return Response(Json::object()); }
};

struct Output {
    int status = 0;
    std::string out;
    std::string err;
};

struct Service {
    drf::routers::Router router;
    cmd::Registry registry{"service"};
    explicit Service(bool with_warning = false) {
        router.register_viewset<PingViewSet>("api/ping");
        if (with_warning) router.register_viewset<EchoViewSet>("api/echo");
        registry.add<cmd::GenerateSchemaCommand<drf::routers::Router>>("generateschema", std::cref(router),
                                                                       oa::Info{"Service", "0.1.0", ""});
    }
    Output call(std::vector<std::string> args) const {
        std::ostringstream out, err;
        Output o;
        o.status = cmd::call_command(registry, "generateschema", std::move(args), out, err);
        o.out = out.str();
        o.err = err.str();
        return o;
    }
    std::string document() const {
        return oa::render_json(oa::SchemaGenerator({"Service", "0.1.0", ""}).get_schema(router.endpoints(), {})) + "\n";
    }
};

std::string read(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

TEST_CASE("generateschema writes the OpenAPI document as JSON to stdout", "[commands]") {
    const Service service;
    const auto o = service.call({});
    CHECK(o.status == 0);
    CHECK(o.out == service.document());
    CHECK(Json::parse(o.out)["openapi"] == "3.1.0");
    CHECK(o.err.empty());
}

TEST_CASE("generateschema --file writes the document to the file and nothing to stdout", "[commands]") {
    const Service service;
    const auto file = std::filesystem::temp_directory_path() / "drf_generateschema_test.json";
    const auto o = service.call({"--file", file.string()});
    CHECK(o.status == 0);
    CHECK(o.out.empty());
    CHECK(read(file) == service.document());
    std::filesystem::remove(file);
}

TEST_CASE("generateschema --file into a directory that does not exist is a CommandError naming the file", "[commands]") {
    const Service service;
    const auto o = service.call({"--file", "/nonexistent-directory/schema.json"});
    CHECK(o.status == 1);
    CHECK(o.err == "CommandError: cannot write the schema to '/nonexistent-directory/schema.json'\n");
}

TEST_CASE("generateschema prints the generator's warnings on stderr and still writes the document", "[commands]") {
    const Service service(true);
    const auto o = service.call({});
    CHECK(o.status == 0);
    CHECK(Json::parse(o.out)["paths"].contains("/api/echo/"));
    CHECK(o.err == "Warning #0: EchoViewSet.list (GET): no response declared (drf::openapi::extend_schema("
                   "drf::openapi::action<&EchoViewSet::list>(drf::openapi::responses(...)))); documented as any JSON\n"
                   "\nSchema generation summary:\nWarnings: 1\n");
}

TEST_CASE("generateschema --fail-on-warn exits 1 with the warnings on stderr and writes nothing", "[commands]") {
    const Service service(true);
    const auto o = service.call({"--fail-on-warn"});
    CHECK(o.status == 1);
    CHECK(o.out.empty());
    CHECK(o.err.find("Warning #0: EchoViewSet.list (GET)") == 0);
    CHECK(o.err.find("CommandError: Failing as requested due to warnings\n") != std::string::npos);
    CHECK(Service().call({"--fail-on-warn"}).status == 0);
}

}  // namespace generateschema_test
