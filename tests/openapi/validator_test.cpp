// tests/openapi/validator_test.cpp — the JSON Schema rules the response validator checks, each with its
// exact message, and ResponseValidator on a small hand-written OpenAPI 3.1 document.
#include <drf/openapi/validator.hpp>

#include <catch2/catch.hpp>

#include <string>
#include <vector>

namespace validator_test {

using drf::Json;
using drf::http::Headers;
using drf::http::Method;
using drf::openapi::ResponseValidator;
using drf::openapi::SchemaValidator;

// The messages for `value` against `schema`, inside a document whose components hold `components`.
std::vector<std::string> errors(const Json& schema, const Json& value, const Json& components = Json::object()) {
    const SchemaValidator validator(Json{{"components", {{"schemas", components}}}});
    std::vector<std::string> out;
    for (const auto& e : validator.validate(schema, value)) out.push_back(e.message());
    return out;
}

using Errors = std::vector<std::string>;

TEST_CASE("A value of the wrong type is reported with the types the schema allows and the value it got", "[openapi]") {
    CHECK(errors({{"type", "string"}}, 5) == Errors{"(root): expected string, got number 5"});
    CHECK(errors({{"type", {"string", "null"}}}, 5) == Errors{"(root): expected string or null, got number 5"});
    CHECK(errors({{"type", {"string", "integer", "null"}}}, true) ==
          Errors{"(root): expected string, integer or null, got boolean true"});
    CHECK(errors({{"type", {"string", "null"}}}, nullptr).empty());
    CHECK(errors({{"type", "object"}}, Json::array({1})) == Errors{"(root): expected object, got array [1]"});
}

TEST_CASE("An integer is a JSON number written without a fraction, so 1.0 is not one", "[openapi]") {
    CHECK(errors({{"type", "integer"}}, 3).empty());
    CHECK(errors({{"type", "integer"}}, 1.0) == Errors{"(root): expected integer, got number 1.0"});
    CHECK(errors({{"type", "number"}}, 3).empty());
    CHECK(errors({{"type", "integer"}}, drf::json_big_integer("100000000000000000000000000000")).empty());
}

TEST_CASE("A missing required property is reported at the object that lacks it", "[openapi]") {
    const Json schema = {{"type", "object"}, {"required", {"id", "name"}}, {"properties", {{"name", {{"type", "string"}}}}}};
    CHECK(errors(schema, {{"name", "a"}}) == Errors{"(root): missing required property \"id\""});
}

TEST_CASE("Properties are checked at their JSON pointer, with ~ and / escaped as RFC 6901 says", "[openapi]") {
    const Json schema = Json::parse(R"({"type": "object", "properties": {"results": {"type": "array",
        "items": {"properties": {"a/b~c": {"type": "string"}}}}}})");
    const Json value = Json::parse(R"({"results": [{}, {"a/b~c": 5}]})");
    CHECK(errors(schema, value) == Errors{"/results/1/a~1b~0c: expected string, got number 5"});
}

TEST_CASE("additionalProperties false refuses a property the schema does not list, at that property", "[openapi]") {
    const Json schema = {{"type", "object"}, {"properties", {{"id", {{"type", "integer"}}}}}, {"additionalProperties", false}};
    CHECK(errors(schema, {{"id", 1}, {"secret", "x"}}) ==
          Errors{"/secret: property not in the schema (additionalProperties is false)"});
    CHECK(errors(schema, {{"id", 1}}).empty());
}

TEST_CASE("additionalProperties as a schema checks every property the schema does not list", "[openapi]") {
    const Json schema = {{"type", "object"}, {"additionalProperties", {{"type", "array"}, {"items", {{"type", "string"}}}}}};
    CHECK(errors(schema, {{"name", {"This field is required."}}}).empty());
    CHECK(errors(schema, {{"name", {1}}}) == Errors{"/name/0: expected string, got number 1"});
}

TEST_CASE("Without additionalProperties an object may hold properties the schema does not list", "[openapi]") {
    CHECK(errors({{"type", "object"}, {"properties", Json::object()}}, {{"extra", 1}}).empty());
}

TEST_CASE("Every item of an array is checked against items, at its index", "[openapi]") {
    CHECK(errors({{"type", "array"}, {"items", {{"type", "integer"}}}}, {1, "2", 3}) ==
          Errors{"/1: expected integer, got string \"2\""});
}

TEST_CASE("minItems and maxItems bound an array's length", "[openapi]") {
    CHECK(errors({{"minItems", 2}}, {1}) == Errors{"(root): expected at least 2 items, got 1"});
    CHECK(errors({{"maxItems", 1}}, {1, 2}) == Errors{"(root): expected at most 1 items, got 2"});
}

TEST_CASE("enum lists the values allowed", "[openapi]") {
    CHECK(errors({{"enum", {"draft", "active"}}}, "gone") ==
          Errors{"(root): expected one of \"draft\", \"active\", got string \"gone\""});
    CHECK(errors({{"enum", {"draft", nullptr}}}, nullptr).empty());
}

TEST_CASE("const allows one value only", "[openapi]") {
    CHECK(errors({{"const", "v1"}}, "v2") == Errors{"(root): expected the constant \"v1\", got string \"v2\""});
    CHECK(errors({{"const", "v1"}}, "v1").empty());
}

TEST_CASE("format uuid is checked", "[openapi]") {
    CHECK(errors({{"format", "uuid"}}, "6f1c1a0e-3b7c-4c1e-9a57-2f0d1b2c3d4e").empty());
    CHECK(errors({{"format", "uuid"}}, "6F1C1A0E-3B7C-4C1E-9A57-2F0D1B2C3D4E").empty());
    CHECK(errors({{"format", "uuid"}}, "6f1c1a0e3b7c4c1e9a572f0d1b2c3d4e") ==
          Errors{"(root): expected a uuid, got string \"6f1c1a0e3b7c4c1e9a572f0d1b2c3d4e\""});
}

TEST_CASE("format date-time is RFC 3339's, with the day checked against the month", "[openapi]") {
    for (const char* ok : {"2024-02-29T12:00:00Z", "2024-01-01T00:00:00.123456Z", "2024-01-01t00:00:00+05:30",
                           "2016-12-31T23:59:60Z"})
        CHECK(errors({{"format", "date-time"}}, ok).empty());
    for (const char* bad : {"2023-02-29T12:00:00Z", "2024-01-01 00:00:00Z", "2024-01-01T00:00:00", "2024-01-01",
                            "2024-13-01T00:00:00Z", "2024-01-01T24:00:00Z", "2024-01-01T00:00:00.Z"})
        CHECK(errors({{"format", "date-time"}}, bad) ==
              Errors{"(root): expected an RFC 3339 date-time, got string \"" + std::string(bad) + "\""});
}

TEST_CASE("format email is checked as RFC 5321's mailbox", "[openapi]") {
    for (const char* ok : {"ada@example.com", "a.b+c@mail.example.org", "root@localhost", "\"a b\"@example.com"})
        CHECK(errors({{"format", "email"}}, ok).empty());
    for (const char* bad : {"ada", "@example.com", "ada@", "a..b@example.com", "ada@-example.com", "a b@example.com"})
        CHECK(errors({{"format", "email"}}, bad) ==
              Errors{"(root): expected an email address, got string \"" + std::string(bad) + "\""});
}

TEST_CASE("format uri needs a scheme and only the characters a URI may hold", "[openapi]") {
    CHECK(errors({{"format", "uri"}}, "http://testserver/api/projects/?cursor=cD0y&page_size=2").empty());
    CHECK(errors({{"format", "uri"}}, "urn:isbn:0451450523").empty());
    for (const char* bad : {"/api/projects/", "http://testserver/a b", "http://testserver/%zz", "http://t/\xc3\xa9"})
        CHECK(errors({{"format", "uri"}}, bad) == Errors{"(root): expected a URI, got string " + Json(bad).dump()});
}

TEST_CASE("Any other format only annotates", "[openapi]") {
    CHECK(errors({{"type", "string"}, {"format", "decimal"}}, "not a number").empty());
    CHECK(errors({{"type", "string"}, {"format", "date"}}, "someday").empty());
}

TEST_CASE("A format applies to strings only", "[openapi]") {
    CHECK(errors({{"type", {"string", "null"}}, {"format", "uuid"}}, nullptr).empty());
}

TEST_CASE("minLength and maxLength count code points, not bytes", "[openapi]") {
    CHECK(errors({{"maxLength", 3}}, "\xc3\xa9\xc3\xa9\xc3\xa9").empty());  // three é, six bytes
    CHECK(errors({{"maxLength", 3}}, "abcd") == Errors{"(root): expected at most 3 characters, got 4"});
    CHECK(errors({{"minLength", 1}}, "") == Errors{"(root): expected at least 1 character, got 0"});
}

TEST_CASE("minimum, maximum and their exclusive forms bound a number", "[openapi]") {
    CHECK(errors({{"minimum", 0}}, -1) == Errors{"(root): expected a number >= 0, got number -1"});
    CHECK(errors({{"maximum", 10}}, 10.5) == Errors{"(root): expected a number <= 10, got number 10.5"});
    CHECK(errors({{"exclusiveMinimum", 0}}, 0) == Errors{"(root): expected a number > 0, got number 0"});
    CHECK(errors({{"exclusiveMaximum", 1.5}}, 1.5) == Errors{"(root): expected a number < 1.5, got number 1.5"});
    CHECK(errors({{"minimum", -9223372036854775807LL - 1}, {"maximum", 18446744073709551615ULL}}, 0).empty());
}

TEST_CASE("pattern is an ECMAScript regular expression searched anywhere in the string", "[openapi]") {
    CHECK(errors({{"pattern", "^-?\\d{0,3}(?:\\.\\d{0,2})?$"}}, "12.50").empty());
    CHECK(errors({{"pattern", "b"}}, "abc").empty());
    CHECK(errors({{"pattern", "^[a-z]+$"}}, "ABC") ==
          Errors{"(root): expected a string matching ^[a-z]+$, got string \"ABC\""});
}

TEST_CASE("A pattern that is not a regular expression is an error of the schema", "[openapi]") {
    CHECK(errors({{"pattern", "(unclosed"}}, "x") ==
          Errors{"(root): the pattern \"(unclosed\" at # is not an ECMAScript regular expression"});
}

TEST_CASE("oneOf needs exactly one schema to match", "[openapi]") {
    const Json nullable_ref = {{"oneOf", {{{"$ref", "#/components/schemas/User"}}, {{"type", "null"}}}}};
    const Json components = {{"User", {{"type", "object"}, {"properties", {{"name", {{"type", "string"}}}}}}}};
    CHECK(errors(nullable_ref, nullptr, components).empty());
    CHECK(errors(nullable_ref, {{"name", "ada"}}, components).empty());
    CHECK(errors(nullable_ref, {{"name", 5}}, components) ==
          Errors{"(root): matches none of the oneOf schemas: [0] /name: expected string, got number 5; "
                 "[1] (root): expected null, got object {\"name\":5}"});
    CHECK(errors({{"oneOf", {{{"type", "integer"}}, {{"type", "number"}}}}}, 1) ==
          Errors{"(root): matches 2 of the oneOf schemas (0, 1); oneOf needs exactly one"});
}

TEST_CASE("anyOf needs at least one schema to match", "[openapi]") {
    const Json schema = {{"anyOf", {{{"type", "integer"}}, {{"type", "number"}}}}};
    CHECK(errors(schema, 1).empty());
    CHECK(errors(schema, "1") ==
          Errors{"(root): matches none of the anyOf schemas: [0] (root): expected integer, got string \"1\"; "
                 "[1] (root): expected number, got string \"1\""});
}

TEST_CASE("allOf reports what every schema finds", "[openapi]") {
    const Json schema = {{"allOf", {{{"required", {"a"}}}, {{"required", {"b"}}}}}};
    CHECK(errors(schema, Json::object()) ==
          Errors{"(root): missing required property \"a\"", "(root): missing required property \"b\""});
}

TEST_CASE("$ref follows a JSON pointer into the document", "[openapi]") {
    const Json components = {{"Project", {{"type", "object"}, {"required", {"id"}}}}, {"a/b", {{"type", "string"}}}};
    CHECK(errors({{"$ref", "#/components/schemas/Project"}}, Json::object(), components) ==
          Errors{"(root): missing required property \"id\""});
    CHECK(errors({{"$ref", "#/components/schemas/a~1b"}}, 1, components) == Errors{"(root): expected string, got number 1"});
    CHECK(errors({{"$ref", "#/components/schemas/a%7E1b"}}, "x", components).empty());
}

TEST_CASE("A $ref that names nothing is an error naming it", "[openapi]") {
    CHECK(errors({{"$ref", "#/components/schemas/Nope"}}, 1) ==
          Errors{"(root): the $ref \"#/components/schemas/Nope\" at # names nothing in the document"});
    CHECK(errors({{"$ref", "https://example.com/schema.json"}}, 1) ==
          Errors{"(root): the $ref \"https://example.com/schema.json\" at # names nothing in the document"});
}

TEST_CASE("A $ref cycle that never reaches a value is an error, not a stack overflow", "[openapi]") {
    const Json components = {{"A", {{"$ref", "#/components/schemas/B"}}}, {"B", {{"$ref", "#/components/schemas/A"}}}};
    CHECK(errors({{"$ref", "#/components/schemas/A"}}, 1, components) ==
          Errors{"(root): $ref cycle #/components/schemas/A -> #/components/schemas/B -> #/components/schemas/A never "
                 "reaches a value; validation stopped"});
}

TEST_CASE("A recursive schema checks a value as deep as the value goes", "[openapi]") {
    const Json components = Json::parse(R"({"Node": {"type": "object", "properties": {"children": {"type": "array",
        "items": {"$ref": "#/components/schemas/Node"}}}}})");
    const Json value = Json::parse(R"({"children": [{"children": [{"children": [1]}]}]})");
    CHECK(errors({{"$ref", "#/components/schemas/Node"}}, value, components) ==
          Errors{"/children/0/children/0/children/0: expected object, got number 1"});
}

TEST_CASE("A schema nested past the depth bound stops with an error", "[openapi]") {
    Json schema = {{"type", "integer"}};
    Json value = 1;
    for (int i = 0; i <= SchemaValidator::max_depth; ++i) {
        schema = {{"items", schema}};
        value = Json::array({value});
    }
    const auto found = errors(schema, value);
    REQUIRE(found.size() == 1);
    CHECK(found[0].find("the schema nests deeper than 256 levels at #/items/items/") != std::string::npos);
}

TEST_CASE("Annotations never make a value invalid", "[openapi]") {
    const Json schema = {{"type", "string"},   {"title", "Name"},    {"description", "d"}, {"readOnly", true},
                         {"writeOnly", false}, {"default", "x"},     {"example", "y"},     {"examples", {"z"}},
                         {"deprecated", true}, {"$comment", "note"}, {"x-internal", true}};
    CHECK(errors(schema, "anything").empty());
}

TEST_CASE("A keyword the validator does not check fails closed, named once", "[openapi]") {
    CHECK(errors({{"type", "array"}, {"items", {{"uniqueItems", true}}}}, {1, 2}) ==
          Errors{"/0: the schema at #/items uses the keyword \"uniqueItems\", which this validator does not check "
                 "(it fails closed)"});
    CHECK(errors({{"type", "string"}, {"nullable", true}}, "x") ==
          Errors{"(root): the schema at # uses the keyword \"nullable\", which this validator does not check (it fails "
                 "closed); OpenAPI 3.1 writes \"type\": [..., \"null\"] instead"});
}

TEST_CASE("A false schema allows no value and a true one any", "[openapi]") {
    CHECK(errors(false, 1) == Errors{"(root): no value is allowed here (the schema at # is false)"});
    CHECK(errors(true, 1).empty());
    CHECK(errors(Json::object(), {{"any", "thing"}}).empty());
}

// A small document in drf-spectacular's shapes: a list, a detail route with a uuid pk, a list action.
const Json& document() {
    static const Json doc = Json::parse(R"({
  "openapi": "3.1.0",
  "info": {"title": "Projects", "version": "1.0.0"},
  "paths": {
    "/api/projects/": {
      "get": {
        "operationId": "projects_list",
        "responses": {
          "200": {"content": {"application/json": {"schema": {"type": "object", "required": ["results"],
                  "properties": {"next": {"type": ["string", "null"], "format": "uri"},
                                 "results": {"type": "array", "items": {"$ref": "#/components/schemas/Project"}}}}}}},
          "401": {"headers": {"WWW-Authenticate": {"schema": {"type": "string"}, "required": true}},
                  "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ErrorDetail"}}}},
          "4XX": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/ErrorDetail"}}}},
          "default": {"content": {"text/plain": {"schema": {"type": "string", "minLength": 1}}}}
        }
      }
    },
    "/api/projects/{id}/": {
      "parameters": [{"in": "path", "name": "id", "required": true, "schema": {"type": "string", "format": "uuid"}}],
      "get": {
        "responses": {
          "200": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Project"}}}},
          "404": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/ErrorDetail"}}}}
        }
      },
      "delete": {"responses": {"204": {"description": "No response body"}}}
    },
    "/api/projects/archive/": {
      "get": {"responses": {"200": {"content": {"application/json": {"schema": {"type": "array"}}}}}}
    }
  },
  "components": {"schemas": {
    "Project": {"type": "object", "required": ["id", "owner"],
                "properties": {"id": {"type": "string", "format": "uuid"}, "owner": {"type": ["string", "null"]}}},
    "ErrorDetail": {"type": "object", "required": ["detail"], "properties": {"detail": {"type": "string"}}}
  }}
})");
    return doc;
}

const std::string pk = "6f1c1a0e-3b7c-4c1e-9a57-2f0d1b2c3d4e";

Headers json_headers(std::vector<std::pair<std::string, std::string>> extra = {}) {
    Headers h;
    h.add("Content-Type", "application/json");
    for (auto& [name, value] : extra) h.add(name, value);
    return h;
}

std::vector<std::string> check(Method method, std::string_view path, int status, const Headers& headers,
                               const std::string& body_text) {
    static const ResponseValidator validator(document());
    return validator.check(method, path, status, headers, body_text, nullptr);
}

TEST_CASE("A response that matches its operation's schema passes the response validator", "[openapi]") {
    CHECK(check(Method::get, "/api/projects/", 200, json_headers(),
                R"({"next": null, "results": [{"id": ")" + pk + R"(", "owner": "ada"}]})")
              .empty());
    CHECK(check(Method::get, "/api/projects/" + pk + "/", 200, json_headers(), R"({"id": ")" + pk + R"(", "owner": null})")
              .empty());
}

TEST_CASE("A body that breaks its schema is reported at the offending value's pointer", "[openapi]") {
    CHECK(check(Method::get, "/api/projects/", 200, json_headers(),
                R"({"next": "page 2", "results": [{"id": ")" + pk + R"(", "owner": 5}]})") ==
          Errors{"/next: expected a URI, got string \"page 2\"", "/results/0/owner: expected string or null, got number 5"});
}

TEST_CASE("A status the operation does not document is an error naming the documented ones", "[openapi]") {
    CHECK(check(Method::get, "/api/projects/" + pk + "/", 500, json_headers(), R"({"detail": "x"})") ==
          Errors{"GET /api/projects/{id}/: status 500 is not documented (documented: 200, 404)"});
}

TEST_CASE("The response for a status is the exact code's, then its range's, then default's", "[openapi]") {
    // 403 falls to 4XX (ErrorDetail); 500 to default (text/plain).
    CHECK(check(Method::get, "/api/projects/", 403, json_headers(), R"({"detail": "No."})").empty());
    CHECK(check(Method::get, "/api/projects/", 403, json_headers(), R"({})") ==
          Errors{"(root): missing required property \"detail\""});
    Headers text;
    text.add("Content-Type", "text/plain; charset=utf-8");
    CHECK(check(Method::get, "/api/projects/", 500, text, "Server Error").empty());
}

TEST_CASE("A required response header that is missing is an error naming it", "[openapi]") {
    CHECK(check(Method::get, "/api/projects/", 401, json_headers({{"WWW-Authenticate", "Token"}}), R"({"detail": "x"})").empty());
    CHECK(check(Method::get, "/api/projects/", 401, json_headers(), R"({"detail": "x"})") ==
          Errors{"GET /api/projects/ 401: missing required header WWW-Authenticate"});
}

TEST_CASE("The response's Content-Type must be a documented media type, its parameters ignored", "[openapi]") {
    Headers utf8;
    utf8.add("Content-Type", "Application/JSON; charset=utf-8");
    CHECK(check(Method::get, "/api/projects/archive/", 200, utf8, "[]").empty());
    Headers html;
    html.add("Content-Type", "text/html");
    CHECK(check(Method::get, "/api/projects/archive/", 200, html, "<p>") ==
          Errors{"GET /api/projects/archive/ 200: Content-Type text/html is not documented (documented: application/json)"});
}

TEST_CASE("A response documented without content must have no body, and one with content a body", "[openapi]") {
    CHECK(check(Method::remove, "/api/projects/" + pk + "/", 204, Headers{}, "").empty());
    CHECK(check(Method::remove, "/api/projects/" + pk + "/", 204, json_headers(), "{}") ==
          Errors{"DELETE /api/projects/{id}/ 204: the document declares no body, got 2 bytes of application/json"});
    CHECK(check(Method::get, "/api/projects/archive/", 200, Headers{}, "") ==
          Errors{"GET /api/projects/archive/ 200: expected a body (application/json), got none"});
}

TEST_CASE("A path the document lacks must be answered 404 with an ErrorDetail body", "[openapi]") {
    CHECK(check(Method::get, "/api/nothing/", 404, json_headers(), R"({"detail": "Not found."})").empty());
    CHECK(check(Method::get, "/api/nothing/", 200, json_headers(), R"({"detail": "Not found."})") ==
          Errors{"no path of the document matches /api/nothing/, so the answer must be 404, got 200"});
    CHECK(check(Method::get, "/api/nothing/", 404, json_headers(), R"({"error": "Not found."})") ==
          Errors{"(root): missing required property \"detail\"",
                 "/error: property not in the schema (additionalProperties is false)"});
}

TEST_CASE("A method the path lacks must be answered 405 with Allow, or 401 or 403", "[openapi]") {
    CHECK(check(Method::post, "/api/projects/archive/", 405, json_headers({{"Allow", "GET, HEAD, OPTIONS"}}),
                R"({"detail": "Method \"POST\" not allowed."})")
              .empty());
    CHECK(check(Method::post, "/api/projects/archive/", 403, json_headers(), R"({"detail": "No."})").empty());
    CHECK(check(Method::post, "/api/projects/archive/", 405, json_headers(), R"({"detail": "x"})") ==
          Errors{"405: missing header Allow"});
    CHECK(check(Method::post, "/api/projects/archive/", 401, json_headers(), R"({"detail": "x"})") ==
          Errors{"401: missing header WWW-Authenticate"});
    CHECK(check(Method::post, "/api/projects/archive/", 201, json_headers(), R"({"detail": "x"})") ==
          Errors{"POST /api/projects/archive/ is not in the document, so the answer must be 405 (or 401, 403 or 429), got 201"});
}

TEST_CASE("HEAD is checked as GET without a body", "[openapi]") {
    CHECK(check(Method::head, "/api/projects/archive/", 200, Headers{}, "").empty());
    CHECK(check(Method::head, "/api/projects/", 401, Headers{}, "") ==
          Errors{"HEAD /api/projects/ 401: missing required header WWW-Authenticate"});
}

TEST_CASE("OPTIONS is DRF's metadata answer: a JSON object with Allow, or an ErrorDetail", "[openapi]") {
    CHECK(check(Method::options, "/api/projects/", 200, json_headers({{"Allow", "GET, HEAD, OPTIONS"}}),
                R"({"renders": ["application/json"], "parses": ["application/json"]})")
              .empty());
    CHECK(check(Method::options, "/api/projects/", 200, json_headers(), "[]") ==
          Errors{"OPTIONS /api/projects/: missing header Allow", "(root): expected object, got array []"});
    CHECK(check(Method::options, "/api/projects/", 403, json_headers(), R"({"detail": "No."})").empty());
}

TEST_CASE("A path parameter that breaks its schema must be answered 404: the request names no resource", "[openapi]") {
    CHECK(check(Method::get, "/api/projects/not-a-uuid/", 404, json_headers(), R"({"detail": "Not found."})").empty());
    CHECK(check(Method::remove, "/api/projects/not-a-uuid/", 404, json_headers(), R"({"detail": "Not found."})").empty());
    CHECK(check(Method::get, "/api/projects/not-a-uuid/", 200, json_headers(), R"({"id": ")" + pk + R"(", "owner": null})") ==
          Errors{"GET /api/projects/{id}/: path parameter id expected a uuid, got string \"not-a-uuid\", so the answer "
                 "must be 404, got 200"});
}

TEST_CASE("A literal path segment is preferred to a parameter, as the router prefers it", "[openapi]") {
    // "archive" would not be a uuid, and archive's 200 is an array, not a Project.
    CHECK(check(Method::get, "/api/projects/archive/", 200, json_headers(), "[]").empty());
}

TEST_CASE("A body that is not JSON under a JSON content type is reported as such", "[openapi]") {
    CHECK(check(Method::get, "/api/projects/archive/", 200, json_headers(), "[1,") ==
          Errors{"the body is not JSON: [1,"});
}

}  // namespace validator_test
