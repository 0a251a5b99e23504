// tests/openapi/kitchen_sink_test.cpp — the document of kitchen_sink.hpp's API (every field kind, filter
// lookup, paginator and extend_schema form) checked with drf's own validator: every $ref resolves, every
// component is used, and what the serializers render and the errors they report fit their components.
// The OpenAPI 3.1 linter checks the same document from outside (tests/openapi/CMakeLists.txt).
#include "kitchen_sink.hpp"

// Named here as well: tests/CMakeLists.txt leaves a test out by the components its <drf/...> includes need.
#include <drf/auth.hpp>
#include <drf/db/sqlite.hpp>
#include <drf/openapi/validator.hpp>
#include <drf/serializers.hpp>

#include <catch2/catch.hpp>

#include <set>
#include <string>
#include <vector>

namespace kitchen_sink_test {

using drf::Json;
using namespace kitchen_sink;

// Every "$ref" in `value`, with the JSON pointer it sits at.
void collect_refs(const Json& value, const std::string& at, std::vector<std::pair<std::string, std::string>>& out) {
    if (value.is_object()) {
        for (const auto& [key, child] : value.items()) {
            if (key == "$ref" && child.is_string()) out.emplace_back(at, child.get<std::string>());
            else collect_refs(child, at + "/" + key, out);
        }
    } else if (value.is_array()) {
        for (std::size_t i = 0; i < value.size(); ++i) collect_refs(value[i], at + "/" + std::to_string(i), out);
    }
}

const Json& document() {
    static const Json doc = Service().document();
    return doc;
}

const drf::openapi::SchemaValidator& validator() {
    static const drf::openapi::ResponseValidator responses(document());
    return responses.schemas();
}

// The messages of every way `value` breaks the component `name`.
std::vector<std::string> mismatches(const std::string& name, const Json& value) {
    std::vector<std::string> out;
    for (const auto& e : validator().validate(Json{{"$ref", "#/components/schemas/" + name}}, value)) out.push_back(e.message());
    return out;
}

Gadget full_gadget() {
    Gadget g;
    g.id = *drf::parse_uuid("4f0c7a52-3f3a-4c55-9a0e-8d1b2f3c4d5e");
    g.name = "Whisk";
    g.email = "whisk@example.com";
    g.status = "published";
    g.rank = -3;
    g.quantity = 12;
    g.serial = 9'000'000'000;
    g.price = 4.5;
    g.weight = 0.25F;
    g.maker_id = g.id;
    g.released_at = drf::parse_datetime("2026-03-01T09:30:00Z");
    g.nickname = "the whisk";
    g.priority = Priority::high;
    g.created_at = *drf::parse_datetime("2026-01-01T00:00:00Z");
    g.updated_at = g.created_at;
    g.maker = std::make_shared<const Maker>(Maker{"Acme"});
    g.main_part = Part{"handle", 1};
    g.parts = {Part{"handle", 1}, Part{"wire", 8}};
    g.tags = {"kitchen", "steel"};
    g.scores = {3, 5};
    return g;
}

TEST_CASE("Every $ref in the kitchen sink's OpenAPI document resolves to a schema in it", "[openapi]") {
    std::vector<std::pair<std::string, std::string>> refs;
    collect_refs(document(), "", refs);
    REQUIRE(refs.size() > 50);
    for (const auto& [at, ref] : refs) {
        INFO(at << ": " << ref);
        const Json* target = validator().resolve(ref);
        REQUIRE(target != nullptr);
        CHECK(target->is_object());
    }
}

TEST_CASE("Every component of the kitchen sink's OpenAPI document is referenced", "[openapi]") {
    std::vector<std::pair<std::string, std::string>> refs;
    collect_refs(document(), "", refs);
    std::set<std::string> used;
    for (const auto& [at, ref] : refs) used.insert(ref);
    for (const auto& [name, schema] : document()["components"]["schemas"].items()) {
        INFO(name);
        CHECK(used.count("#/components/schemas/" + name) == 1);
    }
}

TEST_CASE("The kitchen sink's API is described without a warning, the same bytes on every run", "[openapi]") {
    std::vector<std::string> warnings;
    const std::string first = Service().document(&warnings).dump(2);
    CHECK(warnings.empty());
    CHECK(Service().document().dump(2) == first);
    CHECK(first == document().dump(2));
}

TEST_CASE("Every field kind the kitchen sink renders fits its component in the document", "[openapi]") {
    SECTION("every field set") {
        const Json rendered = drf::serializers::render<GadgetOutput>(full_gadget());
        CHECK(mismatches("GadgetOutput", rendered).empty());
    }
    SECTION("every nullable field null, every list empty") {
        Gadget g = full_gadget();
        g.released_at.reset();
        g.nickname.reset();
        g.maker.reset();
        g.main_part.reset();
        g.parts.clear();
        g.tags.clear();
        g.scores.clear();
        const Json rendered = drf::serializers::render<GadgetOutput>(g);
        REQUIRE(rendered["maker"].is_null());
        CHECK(mismatches("GadgetOutput", rendered).empty());
    }
    SECTION("a value the schema forbids is reported at its pointer") {
        Json rendered = drf::serializers::render<GadgetOutput>(full_gadget());
        rendered["parts"][1]["count"] = "eight";
        CHECK(mismatches("GadgetOutput", rendered) == std::vector<std::string>{"/parts/1/count: expected integer, got string \"eight\""});
    }
}

TEST_CASE("A body the kitchen sink's input serializer accepts fits its request component", "[openapi]") {
    const Json body = Json::parse(R"({"name": "Whisk", "secret": "correct horse", "quantity": 3, "serial": -1,
        "shelf": 4, "price": 2.5, "maker_id": "4f0c7a52-3f3a-4c55-9a0e-8d1b2f3c4d5e", "parts": [{"label": "wire", "count": 8}],
        "email": "", "nickname": null, "released_at": null, "tags": ["a"], "readings": [0.5]})");
    REQUIRE(drf::serializers::validate<GadgetInput>(body));
    CHECK(mismatches("GadgetInput", body).empty());
    CHECK(mismatches("PatchedGadgetInput", Json{{"quantity", 4}}).empty());
}

TEST_CASE("The errors the kitchen sink's input serializer reports fit its ValidationError component", "[openapi]") {
    const Json body = Json::parse(R"({"name": "", "secret": "short", "quantity": 5000, "serial": "x", "shelf": 100,
        "price": -1, "maker_id": "nope", "parts": [{"label": 5, "count": -1}], "email": "not an email",
        "tags": ["aaaaaaaaaaaaaaaaaaaaaaaaa"], "readings": [], "status": "lost", "priority": 7, "active": "maybe",
        "released_at": "yesterday"})");
    const auto result = drf::serializers::validate<GadgetInput>(body);
    REQUIRE_FALSE(result);
    INFO(result.errors().dump());
    CHECK(mismatches("GadgetInputValidationError", result.errors()).empty());
}

}  // namespace kitchen_sink_test
