// tests/openapi/serializer_schema_test.cpp — each serializer field kind and option as drf-spectacular
// (OpenAPI 3.1.0) writes the DRF field it mirrors, the component names, the PATCH variant and the 400
// body's schema. Each expected document was written by drf-spectacular for the equivalent DRF
// serializer, except where a comment says why drf differs.
#include <drf/openapi/serializer.hpp>
#include <drf/openapi/validator.hpp>
#include <drf/models.hpp>
#include <drf/serializers.hpp>

#include <catch2/catch.hpp>

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace serializer_schema_test {

namespace s = drf::serializers;
using drf::Json;
using drf::openapi::Components;
using drf::openapi::Direction;

// The components after registering S (as a request body unless told otherwise), as indented text so a
// failure shows the difference.
template <class S>
std::string schemas_of(Direction direction = Direction::request) {
    Components components;
    drf::openapi::serializer_schema<S>(components, direction);
    return components.schemas().dump(1);
}

std::string expected(const char* text) { return Json::parse(text).dump(1); }

struct Author {
    std::string name;
};
struct AuthorSerializer {
    static constexpr auto fields = s::fields(s::char_field<&Author::name>());
};

struct Named {
    static constexpr std::string_view schema_name = "Writer";
    static constexpr auto fields = s::fields(s::char_field<&Author::name>());
};

TEST_CASE("A serializer's schema is named after its type, without a trailing Serializer", "[openapi]") {
    CHECK(drf::openapi::component_name<AuthorSerializer>() == "Author");
    CHECK(drf::openapi::component_name<Named>() == "Writer");
    CHECK(schemas_of<AuthorSerializer>() ==
          expected(R"({"Author": {"type": "object", "properties": {"name": {"type": "string"}}, "required": ["name"]}})"));
}

struct Article : drf::models::Model<Article> {
    std::string title;
    std::string body;
    static constexpr auto meta = drf::models::meta<Article>("articles", drf::models::field<&Article::title>().max_length(80),
                                                            drf::models::field<&Article::body>().blank());
};
// A model_serializer named by a struct of its own; an alias of it has no name to give its schema.
struct ArticleInput : s::model_serializer<Article, &Article::title, &Article::body> {};
struct ArticleOutput : s::model_serializer<Article, &Article::id, &Article::title, &Article::created_at> {};

TEST_CASE("A model_serializer declared as a struct is named by the struct and described by the model's fields",
          "[openapi]") {
    CHECK(drf::openapi::component_name<ArticleInput>() == "ArticleInput");
    CHECK(schemas_of<ArticleInput>() == expected(R"({"ArticleInput": {"type": "object", "properties": {
        "title": {"type": "string", "maxLength": 80},
        "body": {"type": "string"}}, "required": ["title"]}})"));
    CHECK(schemas_of<ArticleOutput>(Direction::response) == expected(R"({"ArticleOutput": {"type": "object", "properties": {
        "id": {"type": "string", "format": "uuid", "readOnly": true},
        "title": {"type": "string", "maxLength": 80},
        "created_at": {"type": "string", "format": "date-time", "readOnly": true}},
        "required": ["created_at", "id", "title"]}})"));
}

TEST_CASE("A serializer declared as a struct deriving from model_serializer validates and renders as the alias",
          "[openapi]") {
    using Alias = s::model_serializer<Article, &Article::title, &Article::body>;
    STATIC_REQUIRE(std::is_same_v<s::object_type_t<ArticleInput>, Article>);
    const Json body = Json::parse(R"({"title": "t"})");
    const auto named = s::validate<ArticleInput>(body);
    const auto alias = s::validate<Alias>(body);
    REQUIRE(named);
    CHECK(named.fields_set().names() == alias.fields_set().names());
    CHECK(named.fields_set().contains<&Article::title>());
    CHECK(s::render<ArticleInput>(named.value()) == s::render<Alias>(alias.value()));
    CHECK(s::validate<ArticleInput>(Json::object()).errors() == s::validate<Alias>(Json::object()).errors());
}

struct Text {
    std::string title;
    std::string subtitle;
    std::string code;
    std::optional<std::string> note;
    std::string email;
    std::string contact;
};
struct TextSerializer {
    static constexpr auto fields = s::fields(
        s::char_field<&Text::title>().max_length(200).help_text("The title on the cover."),
        s::char_field<&Text::subtitle>().allow_blank().optional(""),
        s::char_field<&Text::code>().min_length(2).max_length(5).allow_blank(),
        s::char_field<&Text::note>().allow_null().optional(), s::email_field<&Text::email>().max_length(254),
        s::email_field<&Text::contact>().allow_blank().optional());
};

TEST_CASE("Text fields: lengths, blank, null, default and help_text as drf-spectacular writes a CharField",
          "[openapi]") {
    // No minLength 1 for a field that may not be blank: drf-spectacular writes it only with
    // COMPONENT_SPLIT_REQUEST or ENFORCE_NON_BLANK_FIELDS, which are off by default.
    CHECK(schemas_of<TextSerializer>() == expected(R"({"Text": {"type": "object", "properties": {
        "title": {"type": "string", "description": "The title on the cover.", "maxLength": 200},
        "subtitle": {"type": "string", "default": ""},
        "code": {"oneOf": [{"type": "string", "maxLength": 5, "minLength": 2}, {"type": "string", "maxLength": 0}]},
        "note": {"type": ["string", "null"]},
        "email": {"type": "string", "format": "email", "maxLength": 254},
        "contact": {"oneOf": [{"type": "string", "format": "email"}, {"type": "string", "maxLength": 0}]}},
        "required": ["code", "email", "title"]}})"));
}

struct Server {
    std::string host;
    std::string region;
};
struct ServerSerializer {
    static constexpr auto fields = s::fields(
        s::char_field<&Server::host>().max_length(253).extend_schema(R"({"format": "hostname", "example": "db.local"})"),
        s::char_field<&Server::region>().max_length(20).extend_schema(R"({"maxLength": null, "pattern": "^[a-z]{2}-[a-z]+-[0-9]$"})"));
};
struct BrokenExtension {
    static constexpr auto fields = s::fields(s::char_field<&Server::host>().extend_schema(R"(["hostname"])"));
};

TEST_CASE("A field's extend_schema is merged over its generated schema; null removes a key", "[openapi]") {
    CHECK(schemas_of<ServerSerializer>() == expected(R"({"Server": {"type": "object", "properties": {
        "host": {"type": "string", "maxLength": 253, "format": "hostname", "example": "db.local"},
        "region": {"type": "string", "pattern": "^[a-z]{2}-[a-z]+-[0-9]$"}},
        "required": ["host", "region"]}})"));
}

TEST_CASE("A field's extend_schema that is not a JSON object is an error naming the field", "[openapi]") {
    CHECK_THROWS_MATCHES(schemas_of<BrokenExtension>(), std::logic_error,
                         Catch::Matchers::Message("drf::openapi: the extend_schema(...) of the field 'host' is not a "
                                                  "JSON object: [\"hostname\"]"));
}

struct Numbers {
    std::int32_t pages = 0;
    std::int64_t words = 0;
    std::uint8_t stars = 0;
    std::uint32_t views = 0;
    int rating = 0;
    double price = 0;
    double weight = 0;
    float ratio = 0;
};
struct NumbersSerializer {
    static constexpr auto fields =
        s::fields(s::integer_field<&Numbers::pages>(), s::integer_field<&Numbers::words>(),
                  s::integer_field<&Numbers::stars>(), s::integer_field<&Numbers::views>().read_only(),
                  s::integer_field<&Numbers::rating>().min_value(1).max_value(5), s::float_field<&Numbers::price>(),
                  s::float_field<&Numbers::weight>().min_value(0.5).max_value(10), s::float_field<&Numbers::ratio>());
};

TEST_CASE("An integer is bounded by its C++ type and by min_value and max_value; int64 beyond int32's range",
          "[openapi]") {
    // DRF's IntegerField has no bounds of its own, but drf rejects what the member cannot hold, so the
    // type's range is the field's (drf-spectacular writes a Django IntegerField's range the same way).
    // A float member is format float: drf-spectacular knows only Python's float, a double.
    CHECK(schemas_of<NumbersSerializer>() == expected(R"({"Numbers": {"type": "object", "properties": {
        "pages": {"type": "integer", "maximum": 2147483647, "minimum": -2147483648},
        "words": {"type": "integer", "maximum": 9223372036854775807, "minimum": -9223372036854775808, "format": "int64"},
        "stars": {"type": "integer", "maximum": 255, "minimum": 0},
        "views": {"type": "integer", "maximum": 4294967295, "minimum": 0, "format": "int64", "readOnly": true},
        "rating": {"type": "integer", "maximum": 5, "minimum": 1},
        "price": {"type": "number", "format": "double"},
        "weight": {"type": "number", "format": "double", "maximum": 10, "minimum": 0.5},
        "ratio": {"type": "number", "format": "float"}},
        "required": ["pages", "price", "rating", "ratio", "stars", "views", "weight", "words"]}})"));
}

struct Misc {
    bool available = false;
    drf::Uuid isbn{};
    std::optional<drf::DateTime> published;
    std::string secret;
};
struct MiscSerializer {
    static constexpr auto fields =
        s::fields(s::boolean_field<&Misc::available>().optional(false), s::uuid_field<&Misc::isbn>().read_only(),
                  s::datetime_field<&Misc::published>().allow_null(), s::char_field<&Misc::secret>().write_only());
};

TEST_CASE("Boolean, UUID and datetime fields; read-only fields are readOnly and required, write-only writeOnly",
          "[openapi]") {
    CHECK(schemas_of<MiscSerializer>() == expected(R"({"Misc": {"type": "object", "properties": {
        "available": {"type": "boolean", "default": false},
        "isbn": {"type": "string", "format": "uuid", "readOnly": true},
        "published": {"type": ["string", "null"], "format": "date-time"},
        "secret": {"type": "string", "writeOnly": true}},
        "required": ["isbn", "published", "secret"]}})"));
}

struct Maybe {
    std::optional<std::string> nickname;
};
struct MaybeSerializer {
    static constexpr auto fields = s::fields(s::char_field<&Maybe::nickname>());
};

TEST_CASE("A std::optional member may be null in the schema even without allow_null, since drf renders it so",
          "[openapi]") {
    // drf-spectacular would write {"type": "string"}: DRF renders None as null all the same.
    CHECK(schemas_of<MaybeSerializer>() == expected(R"({"Maybe": {"type": "object", "properties": {
        "nickname": {"type": ["string", "null"]}}, "required": ["nickname"]}})"));
}

struct Post {
    std::string status;
    std::optional<std::string> kind;
    std::string stage;
};
struct PostSerializer {
    static constexpr auto fields = s::fields(
        s::choice_field<&Post::status>(s::choices("draft", "published")),
        s::choice_field<&Post::kind>(s::choices("a", "b")).allow_blank().allow_null(),
        s::choice_field<&Post::stage>(s::choices("new", "old")).help_text("Where it is.").optional("new"));
};

TEST_CASE("A ChoiceField is a $ref to its <Field>Enum component; blank and null are BlankEnum and NullEnum",
          "[openapi]") {
    CHECK(schemas_of<PostSerializer>() == expected(R"({
        "Post": {"type": "object", "properties": {
            "status": {"$ref": "#/components/schemas/StatusEnum"},
            "kind": {"oneOf": [{"$ref": "#/components/schemas/KindEnum"}, {"$ref": "#/components/schemas/BlankEnum"},
                               {"$ref": "#/components/schemas/NullEnum"}]},
            "stage": {"allOf": [{"$ref": "#/components/schemas/StageEnum"}], "default": "new",
                      "description": "Where it is.\n\n* `new` - new\n* `old` - old"}},
            "required": ["kind", "status"]},
        "StatusEnum": {"enum": ["draft", "published"], "type": "string",
                       "description": "* `draft` - draft\n* `published` - published"},
        "KindEnum": {"enum": ["a", "b"], "type": "string", "description": "* `a` - a\n* `b` - b"},
        "BlankEnum": {"enum": [""]},
        "NullEnum": {"type": "null"},
        "StageEnum": {"enum": ["new", "old"], "type": "string", "description": "* `new` - new\n* `old` - old"}})"));
}

struct Ticket {
    std::string status;
};
struct TicketSerializer {
    static constexpr auto fields = s::fields(s::choice_field<&Ticket::status>(s::choices("open", "closed")));
};
struct IssueSerializer {
    static constexpr auto fields = s::fields(s::choice_field<&Ticket::status>(s::choices("open", "closed")));
};

TEST_CASE("Choice sets sharing a field name are named after their component, or by their hash when shared",
          "[openapi]") {
    Components components;
    drf::openapi::serializer_schema<PostSerializer>(components, Direction::request);
    drf::openapi::serializer_schema<PostSerializer>(components, Direction::partial);
    drf::openapi::serializer_schema<TicketSerializer>(components, Direction::request);
    drf::openapi::serializer_schema<IssueSerializer>(components, Direction::request);
    const Json& schemas = components.schemas();
    // "PatchedPost" counts as "Post"; ["open", "closed"] is used by two components: sha256 prefix "ff1".
    CHECK(schemas["Post"]["properties"]["status"] == Json::parse(R"({"$ref": "#/components/schemas/PostStatusEnum"})"));
    CHECK(schemas["PatchedPost"]["properties"]["status"] ==
          Json::parse(R"({"$ref": "#/components/schemas/PostStatusEnum"})"));
    CHECK(schemas["Ticket"]["properties"]["status"] == Json::parse(R"({"$ref": "#/components/schemas/StatusFf1Enum"})"));
    CHECK(schemas["Issue"]["properties"]["status"] == Json::parse(R"({"$ref": "#/components/schemas/StatusFf1Enum"})"));
    CHECK(schemas["StatusFf1Enum"] == Json::parse(R"({"enum": ["open", "closed"], "type": "string",
                                                      "description": "* `open` - open\n* `closed` - closed"})"));
}

struct Mood {
    std::string mood;
};
struct MoodSerializer {
    static constexpr auto fields = s::fields(s::choice_field<&Mood::mood>(s::choices("x")));
};
struct CafeSerializer {
    static constexpr auto fields = s::fields(s::choice_field<&Mood::mood>(s::choices("café", "naïve", "😀")));
};
struct BistroSerializer {
    static constexpr auto fields = s::fields(s::choice_field<&Mood::mood>(s::choices("café", "naïve", "😀")));
};

TEST_CASE("A shared choice set's hash is taken over its texts as Python writes them, non-ASCII escaped",
          "[openapi]") {
    Components components;
    drf::openapi::serializer_schema<MoodSerializer>(components, Direction::request);
    drf::openapi::serializer_schema<CafeSerializer>(components, Direction::request);
    drf::openapi::serializer_schema<BistroSerializer>(components, Direction::request);
    const Json& schemas = components.schemas();
    CHECK(schemas["Mood"]["properties"]["mood"] == Json::parse(R"({"$ref": "#/components/schemas/MoodMoodEnum"})"));
    CHECK(schemas["Cafe"]["properties"]["mood"] == Json::parse(R"({"$ref": "#/components/schemas/Mood7c0Enum"})"));
    CHECK(schemas["Bistro"]["properties"]["mood"] == Json::parse(R"({"$ref": "#/components/schemas/Mood7c0Enum"})"));
}

struct Shelf {
    Author author;
    std::optional<Author> editor;
    Author reviewer;
    Author boss;
    std::vector<Author> authors;
    std::optional<std::vector<Author>> helpers;
};
struct ShelfSerializer {
    static constexpr auto fields = s::fields(
        s::nested<AuthorSerializer, &Shelf::author>(), s::nested<AuthorSerializer, &Shelf::editor>().allow_null(),
        s::nested<AuthorSerializer, &Shelf::reviewer>().read_only(),
        s::nested<AuthorSerializer, &Shelf::boss>().help_text("The boss."),
        s::nested<AuthorSerializer, &Shelf::authors>().read_only(),
        s::nested<AuthorSerializer, &Shelf::helpers>().allow_null().optional());
};

TEST_CASE("A nested serializer is a $ref to its own component: null through oneOf, other options through allOf",
          "[openapi]") {
    CHECK(schemas_of<ShelfSerializer>() == expected(R"({
        "Author": {"type": "object", "properties": {"name": {"type": "string"}}, "required": ["name"]},
        "Shelf": {"type": "object", "properties": {
            "author": {"$ref": "#/components/schemas/Author"},
            "editor": {"oneOf": [{"$ref": "#/components/schemas/Author"}, {"type": "null"}]},
            "reviewer": {"allOf": [{"$ref": "#/components/schemas/Author"}], "readOnly": true},
            "boss": {"allOf": [{"$ref": "#/components/schemas/Author"}], "description": "The boss."},
            "authors": {"type": "array", "items": {"$ref": "#/components/schemas/Author"}, "readOnly": true},
            "helpers": {"type": ["array", "null"], "items": {"$ref": "#/components/schemas/Author"}}},
            "required": ["author", "authors", "boss", "editor", "reviewer"]}})"));
}

struct Tagged {
    std::vector<std::string> tags;
    std::vector<std::int64_t> scores;
};
struct TaggedSerializer {
    static constexpr auto fields =
        s::fields(s::list_field<&Tagged::tags>(s::char_field().max_length(20)).max_length(5).min_length(1),
                  s::list_field<&Tagged::scores>(s::integer_field()).allow_empty(false));
};

TEST_CASE("A ListField is an array of its child's schema, with maxItems and minItems", "[openapi]") {
    // allow_empty(false) writes nothing, as drf-spectacular (it reads only DRF's length validators).
    CHECK(schemas_of<TaggedSerializer>() == expected(R"({"Tagged": {"type": "object", "properties": {
        "tags": {"type": "array", "items": {"type": "string", "maxLength": 20}, "maxItems": 5, "minItems": 1},
        "scores": {"type": "array", "items": {"type": "integer", "maximum": 9223372036854775807,
                                              "minimum": -9223372036854775808, "format": "int64"}}},
        "required": ["scores", "tags"]}})"));
}

struct Computed {
    int n = 0;
};
struct ComputedSerializer {
    static constexpr auto fields = s::fields(
        s::method_field<Computed>("label", [](const Computed&) { return std::string(); }),
        s::method_field<Computed>("count", [](const Computed& c) { return c.n; }),
        s::method_field<Computed>("maybe", [](const Computed&) { return std::optional<double>(); }),
        s::method_field<Computed>("many", [](const Computed&) { return std::vector<std::string>(); }),
        s::method_field<Computed>("by_name", [](const Computed&) { return std::map<std::string, int>(); }),
        s::method_field<Computed>("who", [](const Computed&) { return drf::Uuid{}; }),
        s::method_field<Computed>("at", [](const Computed&) { return drf::DateTime{}; }),
        s::method_field<Computed>("flags", [](const Computed&) { return std::optional<std::vector<bool>>(); }));
};

TEST_CASE("A method field is read-only, typed by its callable's return type", "[openapi]") {
    CHECK(schemas_of<ComputedSerializer>(Direction::response) == expected(R"({"Computed": {"type": "object", "properties": {
        "label": {"type": "string", "readOnly": true},
        "count": {"type": "integer", "readOnly": true},
        "maybe": {"type": ["number", "null"], "format": "double", "readOnly": true},
        "many": {"type": "array", "items": {"type": "string"}, "readOnly": true},
        "by_name": {"type": "object", "additionalProperties": {"type": "integer"}, "readOnly": true},
        "who": {"type": "string", "format": "uuid", "readOnly": true},
        "at": {"type": "string", "format": "date-time", "readOnly": true},
        "flags": {"type": ["array", "null"], "items": {"type": "boolean"}, "readOnly": true}},
        "required": ["at", "by_name", "count", "flags", "label", "many", "maybe", "who"]}})"));
}

struct Owner {
    std::string username;
};
struct Team {
    Owner lead;
    std::shared_ptr<Owner> owner;
};
struct TeamSerializer {
    static constexpr auto fields =
        s::fields(s::char_field("lead", s::source(&Team::lead, &Owner::username)),
                  s::char_field("owner", s::source(&Team::owner, &Owner::username)),
                  s::char_field("owner_or_null", s::source(&Team::owner, &Owner::username)).allow_null());
};

TEST_CASE("A source-path field is readOnly, and not required when a null step on its path leaves it out",
          "[openapi]") {
    // drf-spectacular lists every read-only field as required; drf leaves the key out when the path
    // meets a null pointer and the field does not allow null (DRF's SkipField), so it is not.
    CHECK(schemas_of<TeamSerializer>(Direction::response) == expected(R"({"Team": {"type": "object", "properties": {
        "lead": {"type": "string", "readOnly": true},
        "owner": {"type": "string", "readOnly": true},
        "owner_or_null": {"type": ["string", "null"], "readOnly": true}},
        "required": ["lead", "owner_or_null"]}})"));
}

TEST_CASE("A PATCH body is Patched<Name> with nothing required; request and response share one component",
          "[openapi]") {
    Components components;
    const Json request = drf::openapi::serializer_schema<ShelfSerializer>(components, Direction::request);
    const Json response = drf::openapi::serializer_schema<ShelfSerializer>(components, Direction::response);
    const Json patch = drf::openapi::serializer_schema<ShelfSerializer>(components, Direction::partial);
    CHECK(request == Json::parse(R"({"$ref": "#/components/schemas/Shelf"})"));
    CHECK(response == request);
    CHECK(patch == Json::parse(R"({"$ref": "#/components/schemas/PatchedShelf"})"));
    // Nested serializers stay full components, as drf-spectacular writes them.
    Json expected_patch = components.schemas()["Shelf"];
    expected_patch.erase("required");
    CHECK(components.schemas()["PatchedShelf"] == expected_patch);
    Json names = Json::array();
    for (const auto& [name, schema] : components.schemas().items()) names.push_back(name);
    CHECK(names == Json::parse(R"(["Author", "Shelf", "PatchedShelf"])"));
}

TEST_CASE("Components::add returns a $ref; one name for two different schemas is a logic_error naming both",
          "[openapi]") {
    Components components;
    CHECK(components.empty());
    CHECK(components.add("Thing", Json::parse(R"({"type": "object"})"), "app::Thing") ==
          Json::parse(R"({"$ref": "#/components/schemas/Thing"})"));
    CHECK(components.add("Thing", Json::parse(R"({"type": "object"})"), "app::Thing") ==
          Json::parse(R"({"$ref": "#/components/schemas/Thing"})"));
    CHECK_FALSE(components.empty());
    CHECK(components.contains("Thing"));
    CHECK_THROWS_WITH(components.add("Thing", Json::parse(R"({"type": "string"})"), "other::Thing"),
                      "drf::openapi::Components: two different schemas are named \"Thing\" (app::Thing and "
                      "other::Thing); give one of them another name (a serializer's schema_name)");
}

namespace other {
struct AuthorSerializer {
    static constexpr auto fields = s::fields(s::char_field<&Author::name>().max_length(3));
};
}  // namespace other

TEST_CASE("Two serializer types with one schema name are a logic_error when both are described", "[openapi]") {
    Components components;
    drf::openapi::serializer_schema<AuthorSerializer>(components, Direction::request);
    CHECK_THROWS_AS(drf::openapi::serializer_schema<other::AuthorSerializer>(components, Direction::request),
                    std::logic_error);
}

struct Kind {
    int value = 0;
};
// A field kind of the user's own, describing itself.
struct EvenKind : s::IntegerKind<int> {
    static Json openapi_schema() { return Json::parse(R"({"type": "integer", "multipleOf": 2})"); }
};
struct KindSerializer {
    static constexpr auto fields = s::fields(s::make_field<EvenKind>("value", &Kind::value));
};

TEST_CASE("A field kind of one's own gives its schema with openapi_schema()", "[openapi]") {
    CHECK(schemas_of<KindSerializer>() == expected(R"({"Kind": {"type": "object", "properties": {
        "value": {"type": "integer", "multipleOf": 2}}, "required": ["value"]}})"));
}

struct Library {
    std::string name;
    Author founder;
    std::optional<Author> patron;
    std::vector<Author> authors;
    std::vector<std::int64_t> scores;
    drf::Uuid id{};
};
struct LibrarySerializer {
    static constexpr auto fields =
        s::fields(s::char_field<&Library::name>(), s::nested<AuthorSerializer, &Library::founder>(),
                  s::nested<AuthorSerializer, &Library::patron>().allow_null(),
                  s::nested<AuthorSerializer, &Library::authors>(), s::list_field<&Library::scores>(s::integer_field()),
                  s::uuid_field<&Library::id>().read_only());
};

TEST_CASE("The validation error schema lists each writable field's errors as drf writes them, and non_field_errors",
          "[openapi]") {
    Components components;
    CHECK(drf::openapi::validation_error_schema<LibrarySerializer>(components) ==
          Json::parse(R"({"$ref": "#/components/schemas/LibraryValidationError"})"));
    const std::string messages = R"({"type": "array", "items": {"type": "string"}})";
    const std::string author = R"({"$ref": "#/components/schemas/AuthorValidationError"})";
    CHECK(components.schemas().dump(1) == expected((R"({
        "AuthorValidationError": {"type": "object", "properties": {"name": )" + messages + R"(,
            "non_field_errors": )" + messages + R"(}, "additionalProperties": false},
        "LibraryValidationError": {"type": "object", "properties": {
            "name": )" + messages + R"(,
            "founder": {"oneOf": [)" + messages + "," + author + R"(]},
            "patron": {"oneOf": [)" + messages + "," + author + R"(]},
            "authors": {"oneOf": [)" + messages + "," + author + R"(,
                {"type": "array", "items": {"oneOf": [)" + author + "," + messages + R"(]}}]},
            "scores": {"oneOf": [)" + messages + R"(, {"type": "object", "additionalProperties": )" + messages + R"(}]},
            "non_field_errors": )" + messages + R"(}, "additionalProperties": false}})")
                                                       .c_str()));
}

TEST_CASE("Every error body drf's validation writes matches the validation error schema", "[openapi]") {
    Components components;
    const Json ref = drf::openapi::validation_error_schema<LibrarySerializer>(components);
    const drf::openapi::SchemaValidator validator(Json{{"components", {{"schemas", components.schemas()}}}});
    const char* bodies[] = {
        R"({})",
        R"([])",
        R"({"name": null, "founder": null, "patron": 5, "authors": {}, "scores": "x"})",
        R"({"name": "n", "founder": {}, "patron": {"name": 1.5, "x": 1}, "authors": [], "scores": [1, "a", 3]})",
        R"({"name": "n", "founder": [], "authors": [{"name": "a"}, null, {}, 5], "scores": [true]})",
    };
    for (const char* body : bodies) {
        CAPTURE(body);
        const auto result = s::validate<LibrarySerializer>(Json::parse(body));
        REQUIRE_FALSE(result);
        CAPTURE(result.errors().dump());
        CHECK(validator.validate(ref, result.errors()).empty());
    }
    // and the schema does reject what drf never writes
    CHECK_FALSE(validator.validate(ref, Json::parse(R"({"id": ["x"]})")).empty());
    CHECK_FALSE(validator.validate(ref, Json::parse(R"({"name": "x"})")).empty());
}

TEST_CASE("Every object drf renders matches its serializer's schema", "[openapi]") {
    Components components;
    const Json ref = drf::openapi::serializer_schema<ShelfSerializer>(components, Direction::response);
    const drf::openapi::SchemaValidator validator(Json{{"components", {{"schemas", components.schemas()}}}});
    Shelf shelf;
    shelf.authors = {Author{"a"}, Author{"b"}};
    CHECK(validator.validate(ref, s::render<ShelfSerializer>(shelf)).empty());
    shelf.editor = Author{"e"};
    CHECK(validator.validate(ref, s::render<ShelfSerializer>(shelf)).empty());

    const Json team_ref = drf::openapi::serializer_schema<TeamSerializer>(components, Direction::response);
    const drf::openapi::SchemaValidator team_validator(Json{{"components", {{"schemas", components.schemas()}}}});
    Team team;
    CHECK(s::render<TeamSerializer>(team) == Json::parse(R"({"lead": "", "owner_or_null": null})"));
    CHECK(team_validator.validate(team_ref, s::render<TeamSerializer>(team)).empty());
}

}  // namespace serializer_schema_test
