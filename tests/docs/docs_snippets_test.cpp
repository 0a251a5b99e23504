// tests/docs/docs_snippets_test.cpp — the rows of the rule tables in docs/core.md, docs/models.md and
// docs/serializers.md, so a page cannot claim what the code does not do. The pages' own code blocks are
// compiled and run from the pages themselves (tests/docs/extract.py); the models here are the fixtures
// the tables are stated over. Each group lives in its own named namespace: the pages reuse names freely.
#include <drf/core.hpp>
#include <drf/http/response.hpp>
#include <drf/models.hpp>
#include <drf/serializers.hpp>

#include <catch2/catch.hpp>

#include <cctype>
#include <cmath>
#include <cstdint>
#include <limits>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

namespace docs_serializers_rules {

// =================================================================================================
// docs/core.md
// =================================================================================================

namespace docs_core_rules {

std::string iso(const char* text) {
    const auto t = drf::parse_datetime(text);
    INFO(text);
    REQUIRE(t);
    return drf::to_iso8601(*t);
}

TEST_CASE("docs/core.md: the parse_uuid table", "[docs]") {
    const std::string canonical = "a1b2c3d4-e5f6-4789-abcd-ef0123456789";
    for (const char* ok : {"a1b2c3d4-e5f6-4789-abcd-ef0123456789", "A1B2C3D4-E5F6-4789-ABCD-EF0123456789",
                           "a1b2c3d4e5f64789abcdef0123456789", "a1b2-c3d4-e5f6-4789-abcd-ef01-2345-6789",
                           "{a1b2c3d4-e5f6-4789-abcd-ef0123456789}", "urn:uuid:a1b2c3d4-e5f6-4789-abcd-ef0123456789"}) {
        INFO(ok);
        const auto u = drf::parse_uuid(ok);
        REQUIRE(u);
        CHECK(drf::to_string(*u) == canonical);
    }
    for (const char* bad : {"", "not-a-uuid", " a1b2c3d4-e5f6-4789-abcd-ef0123456789 ",
                            "a1b2c3d4-e5f6-4789-abcd-ef012345678", "a1b2c3d4-e5f6-4789-abcd-ef01234567890"}) {
        INFO(bad);
        CHECK_FALSE(drf::parse_uuid(bad));
    }
    std::string arabic_indic_ones;  // Python's uuid.UUID(hex=...) reads these as 1s; drf takes ASCII only
    for (int i = 0; i < 32; ++i) arabic_indic_ones += "\xd9\xa1";
    CHECK_FALSE(drf::parse_uuid(arabic_indic_ones));
    const drf::Uuid a = drf::uuid4();
    const drf::Uuid b = drf::uuid4();
    CHECK(a != b);
    CHECK(a.variant() == boost::uuids::uuid::variant_rfc_4122);
}

TEST_CASE("docs/core.md: parse_uuid is constexpr and noexcept", "[docs]") {
    STATIC_REQUIRE(drf::parse_uuid("a1b2c3d4-e5f6-4789-abcd-ef0123456789"));
    STATIC_REQUIRE_FALSE(drf::parse_uuid("nope"));
    STATIC_REQUIRE(noexcept(drf::parse_uuid("")));
    STATIC_REQUIRE(noexcept(drf::parse_datetime("")));
}

TEST_CASE("docs/core.md: the parse_datetime table", "[docs]") {
    CHECK(iso("2026-11-23T19:43:37+02:00") == "2026-11-23T17:43:37Z");
    CHECK(iso("2026-11-23T19:43:37+0530") == "2026-11-23T14:13:37Z");
    CHECK(iso("2026-11-23T19:43:37+05") == "2026-11-23T14:43:37Z");
    CHECK(iso("2026-11-23T19:43:37-00:00") == "2026-11-23T19:43:37Z");
    CHECK(iso("2026-11-23T01:00:00+02:00") == "2026-11-22T23:00:00Z");
    CHECK(iso("2026-11-23T19:43:37") == "2026-11-23T19:43:37Z");
    CHECK(iso("2026-11-23 19:43") == "2026-11-23T19:43:00Z");
    CHECK(iso("2026-11-23T19:43:37,5Z") == "2026-11-23T19:43:37.500000Z");
    CHECK(iso("2026-11-23T19:43:37.1234567Z") == "2026-11-23T19:43:37.123456Z");
    CHECK(iso("2026-11-23T19:43:37.123456789012Z") == "2026-11-23T19:43:37.123456Z");
    CHECK(iso("2026-1-3T1:2:3Z") == "2026-01-03T01:02:03Z");
    CHECK(iso("2028-02-29T00:00:00Z") == "2028-02-29T00:00:00Z");
    CHECK(iso("2026-11-23T19:43:37Z\n") == "2026-11-23T19:43:37Z");
    for (const char* bad :
         {"2026-11-23", "garbage", "", "26-11-23T19:43:37Z", "2026-13-01T00:00:00Z", "2026-02-29T00:00:00Z",
          "2026-11-23T24:00:00Z", "2026-11-23T19:60:00Z", "2026-11-23T19:43:60Z", "2026-11-23T19:43:37z",
          "2026-11-23t19:43:37Z", " 2026-11-23T19:43:37Z", "2026-11-23T19:43:37Z ", "2026-11-23T19:43:37 Z",
          "2026-11-23T19:43:37+99:00", "2026-11-23T19:43:37+05:", "2026-11-23T19:43:37.1234567890123Z",
          "1399-12-31T00:00:00Z", "\xd9\xa2" "026-11-23T19:43:37Z"}) {
        INFO(bad);
        CHECK_FALSE(drf::parse_datetime(bad));
    }
    CHECK(drf::parse_datetime("1400-01-01T00:00:00Z"));
}

TEST_CASE("docs/core.md: the rendering table and the microsecond round trip", "[docs]") {
    CHECK(iso("2026-11-23T19:43:37.727356Z") == "2026-11-23T19:43:37.727356Z");
    CHECK(iso("2026-11-23T19:43:37Z") == "2026-11-23T19:43:37Z");
    CHECK(iso("2026-11-23T19:43:37.005Z") == "2026-11-23T19:43:37.005000Z");
    std::string out = "at ";
    drf::append_datetime(out, *drf::parse_datetime("2026-11-23T19:43:37Z"));
    CHECK(out == "at 2026-11-23T19:43:37Z");
    const drf::DateTime t = *drf::parse_datetime("2026-11-23T19:43:37.727356Z");
    CHECK(drf::to_unix_micros(t) == 1795463017727356);
    CHECK(drf::from_unix_micros(1795463017727356) == t);
}

TEST_CASE("docs/core.md: the clock table", "[docs]") {
    const drf::DateTime start = *drf::parse_datetime("2026-01-01T00:00:00Z");
    drf::FrozenClock outer(start);
    drf::FrozenClock inner(*drf::parse_datetime("2030-05-05T05:05:05Z"));
    drf::ClockOverride use_outer(outer);
    {
        drf::ClockOverride use_inner(inner);
        CHECK(drf::to_iso8601(drf::now()) == "2030-05-05T05:05:05Z");
        inner.set(*drf::parse_datetime("2030-05-05T05:05:05.5Z"));
        CHECK(drf::to_iso8601(drf::now()) == "2030-05-05T05:05:05.500000Z");
    }
    CHECK(drf::now() == start);  // the previous clock is back
}

}  // namespace docs_core_rules

// =================================================================================================
// docs/models.md
// =================================================================================================

namespace docs_models_example {

struct User : drf::models::Model<User> {
    std::string username;
    static constexpr auto meta = drf::models::meta<User>(
        "users", drf::models::field<&User::username>().max_length(150).unique());
};

struct Project : drf::models::Model<Project> {  // id, created_at, updated_at come from the base
    std::string name;
    std::string description;
    drf::Uuid owner_id;
    bool archived = false;
    std::optional<drf::DateTime> archived_at;     // a nullable column
    static constexpr auto meta = drf::models::meta<Project>(
        "projects", drf::models::field<&Project::name>().max_length(200),
        drf::models::field<&Project::description>(),
        drf::models::field<&Project::owner_id>().db_index().references<User>(),
        drf::models::field<&Project::archived>(),
        drf::models::field<&Project::archived_at>());
};

// The field list is a compile-time value: the base's three fields first, then the model's own.
static_assert(drf::models::ModelType<Project>);
static_assert(Project::meta.field_count == 8);
static_assert(Project::meta.names()[0] == "id" && Project::meta.names()[3] == "name");
static_assert(Project::meta.index_of("owner_id") == 5 && !Project::meta.has_field("nme"));
static_assert(drf::models::get_field<&Project::owner_id>().references_() == "users");

TEST_CASE("docs/models.md: the meta table", "[docs]") {
    STATIC_REQUIRE(Project::meta.table == "projects");
    constexpr auto names = Project::meta.names();
    const std::vector<std::string_view> expected{"id",       "created_at", "updated_at", "name",
                                                 "description", "owner_id", "archived",   "archived_at"};
    CHECK(std::vector<std::string_view>(names.begin(), names.end()) == expected);
    STATIC_REQUIRE(Project::meta.index_of("nme") == Project::meta.field_count);
    std::vector<std::string_view> seen;
    Project::meta.for_each_field([&](const auto& f) { seen.push_back(f.name); });
    CHECK(seen == expected);
    const auto& term = std::get<0>(Project::meta.ordering_terms);
    STATIC_REQUIRE(std::tuple_size_v<std::remove_cvref_t<decltype(Project::meta.ordering_terms)>> == 1);
    CHECK(term.descending);
    Project p;
    CHECK(&(p.*term.member) == &p.created_at);
    Project q;
    CHECK(p.id != q.id);
    CHECK(p.id.version() == boost::uuids::uuid::version_random_number_based);
}

TEST_CASE("docs/models.md: the field options table", "[docs]") {
    constexpr auto& name = drf::models::get_field<&Project::name>();
    constexpr auto& description = drf::models::get_field<&Project::description>();
    constexpr auto& owner = drf::models::get_field<&Project::owner_id>();
    constexpr auto& archived_at = drf::models::get_field<&Project::archived_at>();
    STATIC_REQUIRE(name.max_length_ == 200);
    STATIC_REQUIRE(description.max_length_ == 0);
    STATIC_REQUIRE(drf::models::get_field<&User::username>().is_unique);
    STATIC_REQUIRE(drf::models::get_field<&Project::id>().is_unique);
    STATIC_REQUIRE(owner.is_indexed);
    STATIC_REQUIRE_FALSE(name.is_indexed);
    CHECK(owner.references_() == "users");
    CHECK(name.references_ == nullptr);
    STATIC_REQUIRE(archived_at.nullable());
    STATIC_REQUIRE_FALSE(name.nullable());
}

template <class F>
concept HasMaxLength = requires(const F f) { f.max_length(3); };
template <class F>
concept HasReferences = requires(const F f) { f.template references<User>(); };

TEST_CASE("docs/models.md: max_length only on text, references only on UUIDs", "[docs]") {
    using NameField = std::remove_cvref_t<decltype(drf::models::get_field<&Project::name>())>;
    using OwnerField = std::remove_cvref_t<decltype(drf::models::get_field<&Project::owner_id>())>;
    using ArchivedField = std::remove_cvref_t<decltype(drf::models::get_field<&Project::archived>())>;
    STATIC_REQUIRE(HasMaxLength<NameField>);
    STATIC_REQUIRE_FALSE(HasMaxLength<OwnerField>);
    STATIC_REQUIRE_FALSE(HasMaxLength<ArchivedField>);
    STATIC_REQUIRE(HasReferences<OwnerField>);
    STATIC_REQUIRE_FALSE(HasReferences<NameField>);
}

enum class Level { low, high };
struct Point {
    int x = 0;
};

TEST_CASE("docs/models.md: the FieldType table", "[docs]") {
    using drf::models::FieldType;
    STATIC_REQUIRE(FieldType<bool>);
    STATIC_REQUIRE(FieldType<int>);
    STATIC_REQUIRE(FieldType<std::int64_t>);
    STATIC_REQUIRE(FieldType<std::uint8_t>);
    STATIC_REQUIRE(FieldType<float>);
    STATIC_REQUIRE(FieldType<double>);
    STATIC_REQUIRE(FieldType<Level>);
    STATIC_REQUIRE(FieldType<std::string>);
    STATIC_REQUIRE(FieldType<drf::Uuid>);
    STATIC_REQUIRE(FieldType<drf::DateTime>);
    STATIC_REQUIRE(FieldType<std::optional<std::string>>);
    STATIC_REQUIRE(FieldType<std::optional<Level>>);
    STATIC_REQUIRE_FALSE(FieldType<std::vector<int>>);
    STATIC_REQUIRE_FALSE(FieldType<const char*>);
    STATIC_REQUIRE_FALSE(FieldType<char>);
    STATIC_REQUIRE_FALSE(FieldType<Point>);
    STATIC_REQUIRE(drf::models::ModelType<User>);
    STATIC_REQUIRE_FALSE(drf::models::ModelType<Point>);
}

}  // namespace docs_models_example

// =================================================================================================
// docs/serializers.md
// =================================================================================================

namespace docs_serializers_example {

namespace s = drf::serializers;
using drf::Json;

// The model: id, created_at and updated_at come from the base, as in Django's usual abstract BaseModel.
struct Project : drf::models::Model<Project> {
    std::string name;
    std::string description;
    std::vector<std::string> tags;
    bool archived = false;
    static constexpr auto meta = drf::models::meta<Project>(
        "projects", drf::models::field<&Project::name>().max_length(200),
        drf::models::field<&Project::description>(), drf::models::field<&Project::archived>());
};

// ProjectCreateSerializer: validated_data is this struct.
struct ProjectCreate {
    std::string name;
    std::string description;
    std::vector<std::string> tags;
    static constexpr auto fields = s::fields(
        s::char_field<&ProjectCreate::name>().max_length(200),
        s::char_field<&ProjectCreate::description>().optional("").allow_blank(),
        s::list_field<&ProjectCreate::tags>(s::char_field().max_length(20)).optional());
    // DRF's validate(self, attrs): runs once every field is valid.
    static void validate(ProjectCreate& data) {
        if (data.name == data.description) throw drf::ValidationError("Name and description must differ.");
    }
};

// ProjectOutputSerializer over the model itself.
struct ProjectOutput {
    static constexpr auto fields =
        s::fields(s::uuid_field<&Project::id>(), s::char_field<&Project::name>(),
                  s::char_field<&Project::description>(),
                  s::list_field<&Project::tags>(s::char_field()), s::boolean_field<&Project::archived>(),
                  s::datetime_field<&Project::created_at>(),
                  s::datetime_field<&Project::updated_at>());
};

// The PATCH serializer binds straight to the model: fields absent from the body keep their values.
struct ProjectUpdate {
    static constexpr auto fields = s::fields(s::char_field<&Project::name>().max_length(200),
                                             s::char_field<&Project::description>().allow_blank());
};

// The rendering section's snippet: a view's body written straight to text.
drf::http::Response project_response(const Project& project) {
    std::string body;
    drf::serializers::render_to<ProjectOutput>(body, project);
    return drf::http::Response::from_json_text(std::move(body));  // data() parses it back, if anyone asks
}

TEST_CASE("docs/serializers.md: render_to writes the text content() would send, without the Json", "[docs]") {
    Project p;
    p.name = "Apollo \"11\"";
    p.description = "caf\xc3\xa9 \xe2\x80\xa8 \x01";
    p.tags = {"a", "b\\c"};
    const auto response = project_response(p);
    CHECK(response.content() == drf::http::Response(s::render<ProjectOutput>(p)).content());
    CHECK(*response.data() == s::render<ProjectOutput>(p));
    const std::vector<Project> projects{p, Project{}};
    std::string text;
    s::render_many_to<ProjectOutput>(text, projects);
    CHECK(text == drf::http::Response(s::render_many<ProjectOutput>(projects)).content());
}

}  // namespace docs_serializers_example

namespace docs_serializers_output {

namespace s = drf::serializers;
using drf::Json;

struct Nullable : drf::models::Model<Nullable> {
    std::optional<std::string> note;
    static constexpr auto meta = drf::models::meta<Nullable>("nullables", drf::models::field<&Nullable::note>());
};
struct NullableOutput {
    static constexpr auto fields = s::model_serializer<Nullable, &Nullable::note>();
};

TEST_CASE("docs/serializers.md: model_serializer makes an optional member allow_null().optional()", "[docs]") {
    CHECK(s::validate<NullableOutput>(Json::object()));
    const auto r = s::validate<NullableOutput>(Json{{"note", nullptr}});
    REQUIRE(r);
    CHECK_FALSE(r->note.has_value());
}

}  // namespace docs_serializers_output

namespace s = drf::serializers;
using drf::Json;

// "message · code": the body {"f": ["message"]}, the code in full_details().
template <class S>
void check_error(const std::string& body, const std::string& message, const std::string& code) {
    INFO(body);
    const auto r = s::validate<S>(Json::parse(body));
    REQUIRE_FALSE(r);
    Json expected = Json::object();
    expected["f"] = Json::array({message});
    CHECK(r.errors() == expected);
    CHECK(r.full_details()["f"][0]["code"] == code);
}

template <class S>
auto valid(const std::string& body) {
    auto r = s::validate<S>(Json::parse(body));
    INFO(body << " -> " << r.errors().dump());
    REQUIRE(r);
    return std::move(r).value();
}

template <class S>
std::string errors(const std::string& body, s::ValidateOptions options = {}) {
    return s::validate<S>(Json::parse(body), options).errors().dump();
}

std::string with_f(const std::string& value) { return R"({"f": )" + value + "}"; }

// --- presence ------------------------------------------------------------------------------------

struct Presence {
    std::string name;
    std::string note = "untouched";
    std::string status;
    std::optional<std::string> nick;
    static constexpr auto fields =
        s::fields(s::char_field<&Presence::name>(), s::char_field<&Presence::note>().optional(),
                  s::char_field<&Presence::status>().optional("x"),
                  s::char_field<&Presence::nick>().allow_null());
};

struct Account {
    int id = 1;
    std::string name;
    std::string password;
    static constexpr auto fields = s::fields(s::integer_field<&Account::id>().read_only(),
                                             s::char_field<&Account::name>(),
                                             s::char_field<&Account::password>().write_only());
};

TEST_CASE("docs/serializers.md: the presence table", "[docs]") {
    CHECK(errors<Presence>("{}") == R"({"name":["This field is required."],"nick":["This field is required."]})");
    CHECK(s::validate<Presence>(Json::parse("{}")).full_details()["name"][0]["code"] == "required");
    const auto ok = valid<Presence>(R"({"name": "a", "nick": null, "extra": 1})");
    CHECK(ok.note == "untouched");
    CHECK(ok.status == "x");
    CHECK_FALSE(ok.nick.has_value());
    CHECK(errors<Presence>(R"({"name": null, "note": null, "status": null, "nick": null})") ==
          R"({"name":["This field may not be null."],"note":["This field may not be null."],"status":["This field may not be null."]})");
    CHECK(s::validate<Presence>(Json::parse(R"({"note": null})")).full_details()["note"][0]["code"] == "null");

    // The instance's value stays for an optional field without a default.
    Presence existing;
    existing.note = "kept";
    const auto from_instance = s::validate<Presence>(Json::parse(R"({"name": "a", "nick": "n"})"), existing);
    REQUIRE(from_instance);
    CHECK(from_instance->note == "kept");
    CHECK(from_instance.fields_set().names() == std::vector<std::string_view>{"name", "nick"});

    // Read-only keys are ignored, write-only fields are validated but never rendered.
    const auto account = valid<Account>(R"({"id": "garbage", "name": "a", "password": "p"})");
    CHECK(account.id == 1);
    CHECK(account.password == "p");
    CHECK(s::render<Account>(account).dump() == R"({"id":1,"name":"a"})");

    // partial: no required error, no default; null and blank are still errors.
    existing.status = "kept";
    const auto patched = s::validate<Presence>(Json::parse("{}"), existing, s::partial);
    REQUIRE(patched);
    CHECK(patched->status == "kept");
    CHECK(errors<Presence>(R"({"name": null})", s::partial) == R"({"name":["This field may not be null."]})");
    CHECK(errors<Presence>(R"({"name": ""})", s::partial) == R"({"name":["This field may not be blank."]})");
}

// --- char and email ------------------------------------------------------------------------------

struct Char {
    std::string f;
    static constexpr auto fields = s::fields(s::char_field<&Char::f>());
};
struct CharMax {
    std::string f;
    static constexpr auto fields = s::fields(s::char_field<&CharMax::f>().max_length(200));
};
struct CharMin {
    std::string f;
    static constexpr auto fields = s::fields(s::char_field<&CharMin::f>().min_length(3));
};
struct CharBlank {
    std::string f = "x";
    static constexpr auto fields = s::fields(s::char_field<&CharBlank::f>().allow_blank());
};
struct CharUntrimmed {
    std::string f;
    static constexpr auto fields = s::fields(s::char_field<&CharUntrimmed::f>().trim_whitespace(false));
};
struct CharNull {
    std::optional<std::string> f;
    static constexpr auto fields = s::fields(s::char_field<&CharNull::f>().allow_null());
};

TEST_CASE("docs/serializers.md: the char table", "[docs]") {
    CHECK(valid<Char>(R"({"f": "  hi  "})").f == "hi");
    CHECK(valid<Char>(R"({"f": "\u3000hi\u3000"})").f == "hi");
    CHECK(valid<Char>(R"({"f": "\t\n hi \r\n"})").f == "hi");
    CHECK(valid<Char>(R"({"f": "\u00a0hi\u200b"})").f == "hi\u200b");
    CHECK(valid<CharUntrimmed>(R"({"f": "  hi  "})").f == "  hi  ");
    CHECK(valid<Char>(R"({"f": 42})").f == "42");
    CHECK(valid<Char>(R"({"f": 1.5})").f == "1.5");
    CHECK(valid<Char>(R"({"f": 1e20})").f == "1e+20");
    CHECK(valid<Char>(R"({"f": 1.0})").f == "1.0");
    CHECK(valid<Char>(R"({"f": -0.0})").f == "-0.0");
    for (const char* bad : {"true", "false", "[1]", R"({"a": 1})"}) check_error<Char>(with_f(bad), "Not a valid string.", "invalid");
    check_error<Char>(R"({"f": ""})", "This field may not be blank.", "blank");
    check_error<Char>(R"({"f": "   "})", "This field may not be blank.", "blank");
    CHECK(valid<CharBlank>(R"({"f": ""})").f.empty());
    CHECK(valid<CharBlank>(R"({"f": "   "})").f.empty());
    check_error<CharMax>(with_f("\"" + std::string(201, 'x') + "\""),
                         "Ensure this field has no more than 200 characters.", "max_length");
    std::string e200;
    for (int i = 0; i < 200; ++i) e200 += "\xc3\xa9";
    CHECK(valid<CharMax>(with_f("\"" + e200 + "\"")).f == e200);
    CHECK(valid<CharMax>(with_f("\"  " + std::string(200, 'x') + "  \"")).f == std::string(200, 'x'));
    check_error<CharMin>(R"({"f": "ab"})", "Ensure this field has at least 3 characters.", "min_length");
    check_error<CharMin>(R"({"f": "  ab  "})", "Ensure this field has at least 3 characters.", "min_length");
    check_error<Char>(R"({"f": "a\u0000b"})", "Null characters are not allowed.", "null_characters_not_allowed");
    check_error<Char>(R"({"f": null})", "This field may not be null.", "null");
    CHECK_FALSE(valid<CharNull>(R"({"f": null})").f.has_value());
    CHECK(valid<CharNull>(R"({"f": "null"})").f == "null");
}

struct Email {
    std::string f;
    static constexpr auto fields = s::fields(s::email_field<&Email::f>());
};

TEST_CASE("docs/serializers.md: the email table", "[docs]") {
    for (const char* ok : {"a@b.co", "a+tag@x.com", "a@localhost", "a@[127.0.0.1]", "a@[::1]", "\\\"quoted\\\"@x.com",
                           "a@b.c0", "a@B.CO", "a@\u00e9xample.com"}) {
        INFO(ok);
        CHECK(s::validate<Email>(Json::parse(with_f(std::string("\"") + ok + "\""))));
    }
    CHECK(valid<Email>(R"({"f": "A@B.CO "})").f == "A@B.CO");
    for (const char* bad : {"not-an-email", "a@b", "a@b.c", "a@b.co.", "a@[IPv6:::1]", "a..b@x.com", "a.@x.com",
                            "a@-x.com", "a@x-.com", "a b@x.com", "\u00e9@x.com", "@x.com", "a@", "a@b@c.com"})
        check_error<Email>(with_f(std::string("\"") + bad + "\""), "Enter a valid email address.", "invalid");
    check_error<Email>(R"({"f": 42})", "Enter a valid email address.", "invalid");
    check_error<Email>(R"({"f": ""})", "This field may not be blank.", "blank");
}

// --- numbers -------------------------------------------------------------------------------------

struct Int {
    int f = 0;
    static constexpr auto fields = s::fields(s::integer_field<&Int::f>().min_value(1).max_value(10));
};
struct Small {
    std::int8_t f = 0;
    static constexpr auto fields = s::fields(s::integer_field<&Small::f>());
};
struct Wide {
    std::int64_t f = 0;
    static constexpr auto fields = s::fields(s::integer_field<&Wide::f>());
};

TEST_CASE("docs/serializers.md: the integer table", "[docs]") {
    for (const char* ok : {"5", "\"5\"", "5.0", "\"5.0\"", "\"5.\"", "\"5.000 \"", "\" 5 \"", "\"+5\""}) CHECK(valid<Int>(with_f(ok)).f == 5);
    CHECK(valid<Int>(R"({"f": "1_0"})").f == 10);
    CHECK(valid<Int>(R"({"f": 1e0})").f == 1);
    for (const char* bad : {"5.5", "\"5.5\"", "true", "false", "\"abc\"", "\"\"", "\"0x5\"", "\"5e0\"", "[5]", "{}", "1e20",
                            "\"1__0\"", "\"_1\""})
        check_error<Int>(with_f(bad), "A valid integer is required.", "invalid");
    for (const char* low : {"0", "\"-0\""})
        check_error<Int>(with_f(low), "Ensure this value is greater than or equal to 1.", "min_value");
    for (const std::string& high : {std::string("11"), std::string("1e3"), "\"" + std::string(1000, '1') + "\""})
        check_error<Int>(with_f(high), "Ensure this value is less than or equal to 10.", "max_value");
    check_error<Int>(with_f("\"" + std::string(1001, '1') + "\""), "String value too large.", "max_string_length");
    check_error<Small>(R"({"f": 128})", "Ensure this value is less than or equal to 127.", "max_value");
    check_error<Small>(R"({"f": -129})", "Ensure this value is greater than or equal to -128.", "min_value");
}

struct Float {
    double f = 0;
    static constexpr auto fields = s::fields(s::float_field<&Float::f>().min_value(0.5).max_value(2.5));
};
struct FloatAsWritten {
    double f = 0;
    static constexpr auto fields = s::fields(s::float_field<&FloatAsWritten::f>().min_value(0).max_value(2.0));
};

TEST_CASE("docs/serializers.md: the float table", "[docs]") {
    for (const char* ok : {"1.5", "\"1.5\"", "\" 1.5 \""}) CHECK(valid<Float>(with_f(ok)).f == 1.5);
    for (const char* one : {"1", "\"1e0\"", "true"}) CHECK(valid<Float>(with_f(one)).f == 1.0);
    for (const char* bad : {"\"abc\"", "\"\"", "[1]", "\"nan\"", "\"NaN\"", "\"inf\"", "\"-Infinity\"", "\"1e400\""})
        check_error<Float>(with_f(bad), "A valid number is required.", "invalid");
    for (const char* high : {"3", "\"1_0.5\""})
        check_error<Float>(with_f(high), "Ensure this value is less than or equal to 2.5.", "max_value");
    for (const char* low : {"0.1"})
        check_error<Float>(with_f(low), "Ensure this value is greater than or equal to 0.5.", "min_value");
    check_error<FloatAsWritten>(R"({"f": 3})", "Ensure this value is less than or equal to 2.0.", "max_value");
    check_error<FloatAsWritten>(R"({"f": -1})", "Ensure this value is greater than or equal to 0.", "min_value");
    check_error<Float>(with_f("\"" + std::string(1001, '1') + "\""), "String value too large.", "max_string_length");
}

// --- boolean, uuid, datetime, choice -------------------------------------------------------------

struct Bool {
    bool f = false;
    static constexpr auto fields = s::fields(s::boolean_field<&Bool::f>());
};
struct NullBool {
    std::optional<bool> f = false;
    static constexpr auto fields = s::fields(s::boolean_field<&NullBool::f>().allow_null());
};

TEST_CASE("docs/serializers.md: the boolean table", "[docs]") {
    for (const char* t : {"true", "1", "1.0", "\"t\"", "\"T\"", "\"y\"", "\"Y\"", "\"yes\"", "\"Yes\"", "\"YES\"", "\"true\"",
                          "\"True\"", "\"TRUE\"", "\"on\"", "\"On\"", "\"ON\"", "\"1\""}) {
        INFO(t);
        CHECK(valid<Bool>(with_f(t)).f == true);
    }
    for (const char* f : {"false", "0", "0.0", "\"f\"", "\"F\"", "\"n\"", "\"N\"", "\"no\"", "\"No\"", "\"NO\"", "\"false\"",
                          "\"False\"", "\"FALSE\"", "\"off\"", "\"Off\"", "\"OFF\"", "\"0\""}) {
        INFO(f);
        CHECK(valid<Bool>(with_f(f)).f == false);
    }
    for (const char* bad : {"\"tRUE\"", "2", "-1", "\"maybe\"", "\"\"", "\" true\"", "\"null\"", "[]"})
        check_error<Bool>(with_f(bad), "Must be a valid boolean.", "invalid");
    for (const char* n : {"null", "\"\"", "\"null\"", "\"Null\"", "\"NULL\""}) {
        INFO(n);
        CHECK_FALSE(valid<NullBool>(with_f(n)).f.has_value());
    }
    check_error<NullBool>(R"({"f": "None"})", "Must be a valid boolean.", "invalid");
}

struct Id {
    drf::Uuid f{};
    static constexpr auto fields = s::fields(s::uuid_field<&Id::f>());
};

TEST_CASE("docs/serializers.md: the uuid table", "[docs]") {
    for (const char* ok : {"\"A1B2C3D4-E5F6-4789-ABCD-EF0123456789\"", "\"urn:uuid:a1b2c3d4e5f64789abcdef0123456789\"",
                           "\"{a1b2c3d4-e5f6-4789-abcd-ef0123456789}\""})
        CHECK(drf::to_string(valid<Id>(with_f(ok)).f) == "a1b2c3d4-e5f6-4789-abcd-ef0123456789");
    CHECK(drf::to_string(valid<Id>(R"({"f": 123})").f) == "00000000-0000-0000-0000-00000000007b");
    CHECK(drf::to_string(valid<Id>(R"({"f": true})").f) == "00000000-0000-0000-0000-000000000001");
    for (const char* bad : {"\"not-a-uuid\"", "\"\"", "-1", "1.5", "[]", "\" a1b2c3d4-e5f6-4789-abcd-ef0123456789 \""})
        check_error<Id>(with_f(bad), "Must be a valid UUID.", "invalid");
}

struct When {
    drf::DateTime f;
    static constexpr auto fields = s::fields(s::datetime_field<&When::f>());
};

TEST_CASE("docs/serializers.md: the datetime table", "[docs]") {
    CHECK(drf::to_iso8601(valid<When>(R"({"f": "2026-11-23T19:43:37+02:00"})").f) == "2026-11-23T17:43:37Z");
    CHECK(drf::to_iso8601(valid<When>(R"({"f": "2026-11-23T19:43:37Z\n"})").f) == "2026-11-23T19:43:37Z");
    const std::string message =
        "Datetime has wrong format. Use one of these formats instead: YYYY-MM-DDThh:mm[:ss[.uuuuuu]][+HH:MM|-HH:MM|Z].";
    for (const char* bad : {"\"2026-11-23\"", "\"garbage\"", "123", "\"\"", "\"2026-02-29T00:00:00Z\""})
        check_error<When>(with_f(bad), message, "invalid");
    check_error<When>(with_f("\"1399-12-31T00:00:00Z\""), "Datetime value out of range.", "overflow");
}

struct Status {
    std::string f;
    static constexpr auto fields = s::fields(s::choice_field<&Status::f>(s::choices("draft", "published")));
};
struct StatusBlank {
    std::string f = "x";
    static constexpr auto fields =
        s::fields(s::choice_field<&StatusBlank::f>(s::choices("draft", "published")).allow_blank());
};
enum class Level { low, high };
struct Levelled {
    Level f = Level::low;
    static constexpr auto fields = s::fields(
        s::choice_field<&Levelled::f>(s::choices(s::choice("low", Level::low), s::choice("high", Level::high))));
};

TEST_CASE("docs/serializers.md: the choice table", "[docs]") {
    CHECK(valid<Status>(R"({"f": "draft"})").f == "draft");
    const auto level = valid<Levelled>(R"({"f": "high"})");
    CHECK(level.f == Level::high);
    CHECK(s::render<Levelled>(level).dump() == R"({"f":"high"})");
    check_error<Status>(R"({"f": "x"})", "\"x\" is not a valid choice.", "invalid_choice");
    check_error<Status>(R"({"f": "Draft"})", "\"Draft\" is not a valid choice.", "invalid_choice");
    check_error<Status>(R"({"f": ""})", "\"\" is not a valid choice.", "invalid_choice");
    check_error<Status>(R"({"f": 1})", "\"1\" is not a valid choice.", "invalid_choice");
    check_error<Status>(R"({"f": true})", "\"True\" is not a valid choice.", "invalid_choice");
    check_error<Status>(R"({"f": []})", "\"[]\" is not a valid choice.", "invalid_choice");
    check_error<Status>(R"({"f": {}})", "\"{}\" is not a valid choice.", "invalid_choice");
    CHECK(valid<StatusBlank>(R"({"f": ""})").f.empty());
}

// --- nested, many, list --------------------------------------------------------------------------

struct Owner {
    std::string username;
    static constexpr auto fields = s::fields(s::char_field<&Owner::username>());
};
struct WithOwner {
    Owner owner;
    static constexpr auto fields = s::fields(s::nested<Owner, &WithOwner::owner>());
};
struct WithOptionalOwner {
    std::optional<Owner> owner;
    static constexpr auto fields = s::fields(s::nested<Owner, &WithOptionalOwner::owner>().allow_null().optional());
};

TEST_CASE("docs/serializers.md: the nested table", "[docs]") {
    CHECK(valid<WithOwner>(R"({"owner": {"username": "bob"}})").owner.username == "bob");
    CHECK(errors<WithOwner>(R"({"owner": {}})") == R"({"owner":{"username":["This field is required."]}})");
    CHECK(errors<WithOwner>(R"({"owner": "str"})") ==
          R"({"owner":{"non_field_errors":["Invalid data. Expected a dictionary, but got str."]}})");
    CHECK(errors<WithOwner>(R"({"owner": []})") ==
          R"({"owner":{"non_field_errors":["Invalid data. Expected a dictionary, but got list."]}})");
    CHECK(errors<WithOwner>(R"({"owner": 5})") ==
          R"({"owner":{"non_field_errors":["Invalid data. Expected a dictionary, but got int."]}})");
    CHECK(errors<WithOwner>(R"({"owner": null})") == R"({"owner":["This field may not be null."]})");
    CHECK(errors<WithOwner>("{}") == R"({"owner":["This field is required."]})");
    CHECK_FALSE(valid<WithOptionalOwner>(R"({"owner": null})").owner.has_value());
}

struct WithItems {
    std::vector<Owner> items;
    static constexpr auto fields = s::fields(s::nested<Owner, &WithItems::items>());
};
struct WithNonEmptyItems {
    std::vector<Owner> items;
    static constexpr auto fields = s::fields(s::nested<Owner, &WithNonEmptyItems::items>().allow_empty(false));
};

TEST_CASE("docs/serializers.md: the many table", "[docs]") {
    CHECK(valid<WithItems>(R"({"items": []})").items.empty());
    CHECK(errors<WithItems>(R"({"items": [{}, {"username": "a"}]})") ==
          R"({"items":[{"username":["This field is required."]},{}]})");
    CHECK(errors<WithItems>(R"({"items": ["x", null, 5]})") ==
          R"({"items":[{"non_field_errors":["Invalid data. Expected a dictionary, but got str."]},["This field may not be null."],{"non_field_errors":["Invalid data. Expected a dictionary, but got int."]}]})");
    CHECK(errors<WithItems>(R"({"items": "x"})") ==
          R"({"items":{"non_field_errors":["Expected a list of items but got type \"str\"."]}})");
    CHECK(errors<WithItems>(R"({"items": {}})") ==
          R"({"items":{"non_field_errors":["Expected a list of items but got type \"dict\"."]}})");
    CHECK(s::validate<WithItems>(Json::parse(R"({"items": "x"})")).full_details()["items"]["non_field_errors"][0]["code"] ==
          "not_a_list");
    CHECK(errors<WithNonEmptyItems>(R"({"items": []})") == R"({"items":{"non_field_errors":["This list may not be empty."]}})");
    CHECK(s::validate<WithNonEmptyItems>(Json::parse(R"({"items": []})")).full_details()["items"]["non_field_errors"][0]["code"] ==
          "empty");
}

struct Scores {
    std::vector<std::int64_t> f;
    static constexpr auto fields = s::fields(s::list_field<&Scores::f>(s::integer_field().min_value(0)));
};
struct NonEmptyList {
    std::vector<std::int64_t> f;
    static constexpr auto fields = s::fields(s::list_field<&NonEmptyList::f>(s::integer_field()).allow_empty(false));
};
struct BoundedList {
    std::vector<std::int64_t> f;
    static constexpr auto fields =
        s::fields(s::list_field<&BoundedList::f>(s::integer_field()).min_length(2).max_length(3));
};

TEST_CASE("docs/serializers.md: the list table", "[docs]") {
    CHECK(valid<Scores>(R"({"f": ["1", 2]})").f == std::vector<std::int64_t>{1, 2});
    CHECK(errors<Scores>(R"({"f": ["1", -1, "x"]})") ==
          R"({"f":{"1":["Ensure this value is greater than or equal to 0."],"2":["A valid integer is required."]}})");
    CHECK(errors<Scores>(R"({"f": [null]})") == R"({"f":{"0":["This field may not be null."]}})");
    check_error<Scores>(R"({"f": "abc"})", "Expected a list of items but got type \"str\".", "not_a_list");
    check_error<Scores>(R"({"f": {"a": 1}})", "Expected a list of items but got type \"dict\".", "not_a_list");
    check_error<Scores>(R"({"f": 5})", "Expected a list of items but got type \"int\".", "not_a_list");
    check_error<NonEmptyList>(R"({"f": []})", "This list may not be empty.", "empty");
    check_error<BoundedList>(R"({"f": [1]})", "Ensure this field has at least 2 elements.", "min_length");
    check_error<BoundedList>(R"({"f": [1,2,3,4]})", "Ensure this field has no more than 3 elements.", "max_length");
    CHECK(errors<BoundedList>(R"({"f": ["x"]})") == R"({"f":{"0":["A valid integer is required."]}})");
}

// --- validators and hooks ------------------------------------------------------------------------

void first(const std::string&) { throw drf::ValidationError("first"); }
void second(const std::string&) { throw drf::ValidationError("second"); }

struct Checked {
    std::string name;
    static constexpr auto fields =
        s::fields(s::char_field<&Checked::name>().max_length(3).validators(first, second));
};

struct Range {
    int low = 0;
    int high = 0;
    static constexpr auto fields = s::fields(s::integer_field<&Range::low>(), s::integer_field<&Range::high>());
    static void validate(Range& r) {  // DRF's validate(self, attrs)
        if (r.low > r.high) throw drf::ValidationError("low must not exceed high");
    }
};

void several(const std::string&) { throw drf::ValidationError(Json::array({"a", "b"})); }
struct Several {
    std::string name;
    static constexpr auto fields = s::fields(s::char_field<&Several::name>().validators(several, first));
};

struct Shouted {
    std::string name;
    static constexpr auto fields = s::fields(s::char_field<&Shouted::name>().validate([](const std::string& v) {
        std::string up = v;
        for (auto& ch : up) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
        return up;
    }));
};

struct Taken {
    std::string name;
    static constexpr auto fields = s::fields(s::char_field<&Taken::name>());
    static void validate(Taken&) { throw drf::ValidationError(Json{{"name", "taken"}}); }
};
struct Listed {
    std::string name;
    static constexpr auto fields = s::fields(s::char_field<&Listed::name>());
    static void validate(Listed&) { throw drf::ValidationError(Json::array({"e1", "e2"})); }
};
struct Coded {
    std::string name;
    static constexpr auto fields = s::fields(s::char_field<&Coded::name>());
    static void validate(Coded&) { throw drf::ValidationError("bad", "mycode"); }
};

struct Order {
    std::string a;
    int b = 0;
    bool c = false;
    std::string d;
    static constexpr auto fields =
        s::fields(s::char_field<&Order::a>(), s::integer_field<&Order::b>(), s::boolean_field<&Order::c>(),
                  s::char_field<&Order::d>().validate([](std::string&) { throw drf::ValidationError("d bad"); }));
};

TEST_CASE("docs/serializers.md: the validators and hooks table", "[docs]") {
    CHECK(errors<Checked>(R"({"name": "ab"})") == R"({"name":["first","second"]})");
    CHECK(errors<Checked>(R"({"name": "abcd"})") ==
          R"({"name":["first","second","Ensure this field has no more than 3 characters."]})");
    CHECK(errors<Checked>(R"({"name": ""})") == R"({"name":["This field may not be blank."]})");
    CHECK(errors<Several>(R"({"name": "x"})") == R"({"name":["a","b","first"]})");
    CHECK(valid<Shouted>(R"({"name": "  ab "})").name == "AB");
    CHECK(errors<Range>(R"({"low": 5})") == R"({"high":["This field is required."]})");
    CHECK(errors<Range>(R"({"low": 5, "high": 1})") == R"({"non_field_errors":["low must not exceed high"]})");
    CHECK(s::validate<Range>(Json::parse(R"({"low": 1, "high": 5})")));
    CHECK(errors<Taken>(R"({"name": "a"})") == R"({"name":["taken"]})");
    CHECK(errors<Listed>(R"({"name": "a"})") == R"({"non_field_errors":["e1","e2"]})");
    CHECK(s::validate<Coded>(Json::parse(R"({"name": "a"})")).full_details()["non_field_errors"][0]["code"] == "mycode");
    CHECK(errors<Order>(R"({"d": "x", "c": "maybe", "b": "x"})") ==
          R"({"a":["This field is required."],"b":["A valid integer is required."],"c":["Must be a valid boolean."],"d":["d bad"]})");
}

// --- errors, top-level bodies, API ---------------------------------------------------------------

struct Named {
    std::string name;
    static constexpr auto fields = s::fields(s::char_field<&Named::name>());
};

TEST_CASE("docs/serializers.md: full_details and the top-level bodies", "[docs]") {
    CHECK(s::validate<Named>(Json::parse("{}")).full_details() ==
          Json::parse(R"({"name": [{"message": "This field is required.", "code": "required"}]})"));
    const auto null_body = s::validate<Named>(Json(nullptr));
    CHECK(null_body.errors().dump() == R"({"non_field_errors":["No data provided"]})");
    CHECK(null_body.full_details()["non_field_errors"][0]["code"] == "null");
    const std::vector<std::pair<const char*, const char*>> shapes{
        {"[]", "list"}, {R"("str")", "str"}, {"42", "int"}, {"1.5", "float"}, {"true", "bool"}};
    for (const auto& [body, type] : shapes) {
        INFO(body);
        const auto r = s::validate<Named>(Json::parse(body));
        CHECK(r.errors().dump() ==
              std::string(R"({"non_field_errors":["Invalid data. Expected a dictionary, but got )") + type + R"(."]})");
        CHECK(r.full_details()["non_field_errors"][0]["code"] == "invalid");
    }
    CHECK(s::validate_many<Named>(Json::parse(R"([{}, {"name": "a"}])")).errors().dump() ==
          R"([{"name":["This field is required."]},{}])");
    const auto not_a_list = s::validate_many<Named>(Json::parse(R"({"name": "a"})"));
    CHECK(not_a_list.errors().dump() == R"({"non_field_errors":["Expected a list of items but got type \"dict\"."]})");
    CHECK(not_a_list.full_details()["non_field_errors"][0]["code"] == "not_a_list");
    CHECK(s::validate_many<Named>(Json::parse("[]"), {.allow_empty = false}).errors().dump() ==
          R"({"non_field_errors":["This list may not be empty."]})");
    CHECK(s::validate_many<Named>(Json(nullptr)).errors().dump() == R"({"non_field_errors":["No data provided"]})");
    const auto many = s::validate_many<Named>(Json::parse(R"([{"name": "a"}, {"name": "b"}])"));
    REQUIRE(many);
    CHECK(many->size() == 2);
}

TEST_CASE("docs/serializers.md: the Validated and Serializer tables", "[docs]") {
    auto ok = s::validate<Named>(Json::parse(R"({"name": "a"})"));
    CHECK(ok.is_valid());
    CHECK(ok->name == "a");
    CHECK(ok.errors().is_null());
    const auto bad = s::validate<Named>(Json::parse(R"({"name": ""})"));
    CHECK_FALSE(bad);
    try {
        (void)bad.value();
        FAIL("value() of an invalid result should throw");
    } catch (const drf::ValidationError& e) {
        CHECK(e.detail().dump() == R"({"name":["This field may not be blank."]})");
    }

    s::Serializer<Named> raising(Json::parse(R"({"name": ""})"));
    try {
        raising.is_valid(true);
        FAIL("is_valid(true) should throw");
    } catch (const drf::ValidationError& e) {
        CHECK(e.detail().dump() == R"({"name":["This field may not be blank."]})");
    }
    CHECK_THROWS_AS(raising.data(), drf::ValidationError);

    s::Serializer<Named> unchecked(Json::parse(R"({"name": "a"})"));
    CHECK_THROWS_WITH(unchecked.validated_data(), "You must call `.is_valid()` before accessing `.validated_data`.");
    REQUIRE(unchecked.is_valid());
    CHECK(unchecked.errors().is_null());
    CHECK(unchecked.full_details().is_null());
    CHECK(unchecked.fields_set().names() == std::vector<std::string_view>{"name"});
    CHECK(unchecked.data().dump() == R"({"name":"a"})");

    Named instance;
    instance.name = "old";
    s::Serializer<Named> patch(instance, Json::object(), s::partial);
    REQUIRE(patch.is_valid());
    CHECK(patch.validated_data().name == "old");

    std::vector<Named> objects(2);
    objects[0].name = "a";
    objects[1].name = "b";
    CHECK(s::render_many<Named>(objects).dump() == R"([{"name":"a"},{"name":"b"}])");
    std::vector<const Named*> pointers{&objects[1]};
    CHECK(s::render_many<Named>(pointers).dump() == R"([{"name":"b"}])");
    std::string text;
    s::render_many_to<Named>(text, pointers);
    CHECK(text == R"([{"name":"b"}])");
    s::render_to<Named>(text, objects[0]);  // appended
    CHECK(text == R"([{"name":"b"}]{"name":"a"})");
}

template <class F>
concept HasMaxLength = requires(const F f) { f.max_length(3); };
template <class F>
concept HasMaxValue = requires(const F f) { f.max_value(3); };
template <class F>
concept HasAllowBlank = requires(const F f) { f.allow_blank(); };

TEST_CASE("docs/serializers.md: options exist only on the kinds they apply to", "[docs]") {
    using IntegerField = decltype(s::integer_field<&Int::f>());
    using CharField = decltype(s::char_field<&Char::f>());
    using ListField = decltype(s::list_field<&Scores::f>(s::integer_field()));
    STATIC_REQUIRE_FALSE(HasMaxLength<IntegerField>);
    STATIC_REQUIRE(HasMaxValue<IntegerField>);
    STATIC_REQUIRE(HasMaxLength<CharField>);
    STATIC_REQUIRE_FALSE(HasMaxValue<CharField>);
    STATIC_REQUIRE(HasMaxLength<ListField>);
    STATIC_REQUIRE_FALSE(HasAllowBlank<IntegerField>);
}

// --- rendering -----------------------------------------------------------------------------------

struct Numbers {
    double f = 0;
    static constexpr auto fields = s::fields(s::float_field<&Numbers::f>());
};
struct Everything {
    std::string text = "t";
    std::int64_t count = 3;
    bool flag = true;
    drf::Uuid id = *drf::parse_uuid("a1b2c3d4-e5f6-4789-abcd-ef0123456789");
    drf::DateTime at;
    std::optional<std::string> maybe;
    static constexpr auto fields =
        s::fields(s::char_field<&Everything::text>(), s::integer_field<&Everything::count>(),
                  s::boolean_field<&Everything::flag>(), s::uuid_field<&Everything::id>(),
                  s::datetime_field<&Everything::at>(), s::char_field<&Everything::maybe>().allow_null());
};

struct Holder {
    std::optional<Owner> owner;
    std::string secret;
};
struct HolderOutput {
    static constexpr auto fields =
        s::fields(s::char_field("owner", s::source(&Holder::owner, &Owner::username)),
                  s::char_field<&Holder::secret>().write_only(),
                  s::method_field<Holder>("none", [](const Holder&) { return nullptr; }));
};

TEST_CASE("docs/serializers.md: the rendering table", "[docs]") {
    const std::vector<std::pair<double, const char*>> numbers{{2.0, R"({"f":2.0})"},
                                                              {1e20, R"({"f":1e+20})"},
                                                              {0.1 + 0.2, R"({"f":0.30000000000000004})"},
                                                              {std::numeric_limits<double>::quiet_NaN(), R"({"f":null})"},
                                                              {std::numeric_limits<double>::infinity(), R"({"f":null})"}};
    for (const auto& [value, text] : numbers) {
        Numbers n;
        n.f = value;
        CHECK(s::render<Numbers>(n).dump() == text);
    }
    Everything e;
    CHECK(s::render<Everything>(e).dump() ==
          R"({"text":"t","count":3,"flag":true,"id":"a1b2c3d4-e5f6-4789-abcd-ef0123456789","at":null,"maybe":null})");
    e.at = *drf::parse_datetime("2026-11-23T19:43:37Z");
    CHECK(s::render<Everything>(e)["at"] == "2026-11-23T19:43:37Z");

    Holder h;
    h.secret = "s";
    CHECK(s::render<HolderOutput>(h).dump() == R"({"none":null})");  // source through null, not allow_null: left out
    h.owner = Owner{"bob"};
    CHECK(s::render<HolderOutput>(h).dump() == R"({"owner":"bob","none":null})");
}

// --- differences from DRF ------------------------------------------------------------------------

struct IntChoice {
    int f = 1;
    static constexpr auto fields =
        s::fields(s::choice_field<&IntChoice::f>(s::choices(s::choice("1", 1), s::choice("2", 2))));
};

TEST_CASE("docs/serializers.md: the table of differences from DRF", "[docs]") {
    check_error<Small>(R"({"f": 128})", "Ensure this value is less than or equal to 127.", "max_value");
    check_error<Wide>(R"({"f": 12345678901234567890123})", "A valid integer is required.", "invalid");
    CHECK(valid<Char>(R"({"f": 123456789012345678901234567890})").f == "1.2345678901234568e+29");
    check_error<Wide>(R"({"f": "\u0667"})", "A valid integer is required.", "invalid");
    check_error<Float>(R"({"f": "\u0661.5"})", "A valid number is required.", "invalid");
    CHECK_THROWS(Json::parse(R"({"f": "a\ud800b"})"));
    CHECK(valid<Email>(R"({"f": "a@\u00e9xample.com"})").f == "a@\u00e9xample.com");
    const auto source_in = s::validate<HolderOutput>(Json{{"owner", "x"}, {"secret", "s"}});  // source: output only
    REQUIRE(source_in);
    CHECK_FALSE(source_in->owner.has_value());
    CHECK(source_in->secret == "s");
    CHECK(s::render<IntChoice>(IntChoice{}).dump() == R"({"f":"1"})");
    CHECK(valid<IntChoice>(R"({"f": 1})").f == 1);
    CHECK(valid<IntChoice>(R"({"f": "2"})").f == 2);
}

}  // namespace docs_serializers_rules
