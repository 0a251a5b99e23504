// tests/serializers/serializer_test.cpp — whole serializers: every error in one pass, nested and many,
// partial updates, validators and validate hooks, rendering, and DRF's Serializer API.
#include <drf/models.hpp>
#include <drf/serializers.hpp>

#include <catch2/catch.hpp>

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace serializer_test {

namespace s = drf::serializers;
using drf::Json;

template <class S>
std::string errors(const char* body, s::ValidateOptions options = {}) {
    return s::validate<S>(Json::parse(body), options).errors().dump();
}

struct ProjectCreate {
    std::string name;
    std::string description;
    static constexpr auto fields =
        s::fields(s::char_field<&ProjectCreate::name>().max_length(200),
                  s::char_field<&ProjectCreate::description>().optional().allow_blank());
};

struct Order {
    std::string a;
    int b = 0;
    bool c = false;
    std::string d;
    static constexpr auto fields = s::fields(s::char_field<&Order::a>(), s::integer_field<&Order::b>(),
                                             s::boolean_field<&Order::c>(),
                                             s::char_field<&Order::d>().validate([](std::string&) {
                                                 throw drf::ValidationError("d bad");
                                             }));
};

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

struct WithItems {
    std::vector<Owner> items;
    static constexpr auto fields = s::fields(s::nested<Owner, &WithItems::items>());
};

struct WithNonEmptyItems {
    std::vector<Owner> items;
    static constexpr auto fields = s::fields(s::nested<Owner, &WithNonEmptyItems::items>().allow_empty(false));
};

struct Scores {
    std::vector<std::int64_t> f;
    static constexpr auto fields = s::fields(s::list_field<&Scores::f>(s::integer_field().min_value(0)));
};

struct BoundedList {
    std::vector<std::int64_t> f;
    static constexpr auto fields =
        s::fields(s::list_field<&BoundedList::f>(s::integer_field()).min_length(2).max_length(3));
};

struct NonEmptyList {
    std::vector<std::int64_t> f;
    static constexpr auto fields = s::fields(s::list_field<&NonEmptyList::f>(s::integer_field()).allow_empty(false));
};

struct Defaults {
    std::string name;
    std::string status;
    std::string note = "untouched";
    std::string tag;
    static constexpr auto fields =
        s::fields(s::char_field<&Defaults::name>(), s::char_field<&Defaults::status>().optional("x"),
                  s::char_field<&Defaults::note>().optional(), s::char_field<&Defaults::tag>().optional("t"));
};

struct Account {
    int id = 1;
    std::string name;
    std::string password;
    static constexpr auto fields = s::fields(s::integer_field<&Account::id>().read_only(),
                                             s::char_field<&Account::name>(),
                                             s::char_field<&Account::password>().write_only());
};

void first(const std::string&) { throw drf::ValidationError("first"); }
void second(const std::string&) { throw drf::ValidationError("second"); }
void both(const std::string&) { throw drf::ValidationError(Json::array({"third-a", "third-b"})); }

struct Validated {
    std::string name;
    static constexpr auto fields = s::fields(s::char_field<&Validated::name>().max_length(3).validators(first, second));
};

struct ListValidated {
    std::string name;
    static constexpr auto fields = s::fields(s::char_field<&ListValidated::name>().validators(both, first));
};

struct Shouted {
    std::string name;
    static constexpr auto fields = s::fields(
        s::char_field<&Shouted::name>().validate([](const std::string& v) {
            std::string up = v;
            for (auto& ch : up) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
            return up;
        }));
};

struct Range {
    int low = 0;
    int high = 0;
    static constexpr auto fields = s::fields(s::integer_field<&Range::low>(), s::integer_field<&Range::high>());
    static void validate(Range& r) {
        if (r.low > r.high) throw drf::ValidationError("low must not exceed high");
    }
};

struct Taken {
    std::string name;
    static constexpr auto fields = s::fields(s::char_field<&Taken::name>());
    static void validate(Taken&) { throw drf::ValidationError(Json{{"name", "taken"}}); }
};

struct Coded {
    std::string name;
    static constexpr auto fields = s::fields(s::char_field<&Coded::name>());
    static void validate(Coded&) { throw drf::ValidationError("bad", "mycode"); }
};

struct User : drf::models::Model<User> {
    std::string username;
    static constexpr auto meta = drf::models::meta<User>("users", drf::models::field<&User::username>());
};

struct Project : drf::models::Model<Project> {
    std::string name;
    std::string description;
    std::shared_ptr<User> owner;
    bool archived = false;
    static constexpr auto meta = drf::models::meta<Project>("projects", drf::models::field<&Project::name>(),
                                                            drf::models::field<&Project::description>(),
                                                            drf::models::field<&Project::archived>());
};

struct ProjectOutput {
    static constexpr auto fields = s::fields(
        s::uuid_field<&Project::id>(), s::char_field<&Project::name>(),
        s::char_field<&Project::description>(),
        s::char_field("owner", s::source(&Project::owner, &User::username)).allow_null(),
        s::boolean_field<&Project::archived>(), s::datetime_field<&Project::created_at>(),
        s::datetime_field<&Project::updated_at>());
};

struct OwnerOmitted {
    static constexpr auto fields = s::fields(s::char_field("owner", s::source(&Project::owner, &User::username)));
};

struct Shout {
    static constexpr auto fields =
        s::fields(s::char_field<&Project::name>(),
                  s::method_field<Project>("shout", [](const Project& p) { return p.name + "!"; }),
                  s::method_field<Project>("none_val", [](const Project&) { return nullptr; }));
};

struct ProjectModelOutput {
    static constexpr auto fields = s::model_serializer<Project, &Project::id, &Project::name, &Project::archived,
                                                       &Project::created_at>();
};

// --- errors --------------------------------------------------------------------------------------

TEST_CASE("Every field error is reported in one pass, in the serializer's field order", "[serializers]") {
    CHECK(errors<Order>(R"({"d": "x", "c": "maybe", "b": "x"})") ==
          R"({"a":["This field is required."],"b":["A valid integer is required."],"c":["Must be a valid boolean."],"d":["d bad"]})");
    CHECK(errors<Order>(R"({"c": "maybe", "a": "", "d": "x", "b": 1})") ==
          R"({"a":["This field may not be blank."],"c":["Must be a valid boolean."],"d":["d bad"]})");
}

TEST_CASE("Each error carries its code, as DRF's get_full_details()", "[serializers]") {
    const auto result = s::validate<ProjectCreate>(Json::parse("{}"));
    CHECK(result.full_details() == Json::parse(R"({"name": [{"message": "This field is required.", "code": "required"}]})"));
    const auto r2 = s::validate<Order>(Json::parse(R"({"a": "", "b": 99999999999, "c": 2})"));
    CHECK(r2.full_details()["a"][0]["code"] == "blank");
    CHECK(r2.full_details()["b"][0]["code"] == "max_value");
    CHECK(r2.full_details()["c"][0]["code"] == "invalid");
}

TEST_CASE("A body that is not an object is 'Invalid data. Expected a dictionary, but got <type>.'", "[serializers]") {
    CHECK(errors<ProjectCreate>("[]") == R"({"non_field_errors":["Invalid data. Expected a dictionary, but got list."]})");
    CHECK(errors<ProjectCreate>(R"("str")") == R"({"non_field_errors":["Invalid data. Expected a dictionary, but got str."]})");
    CHECK(errors<ProjectCreate>("42") == R"({"non_field_errors":["Invalid data. Expected a dictionary, but got int."]})");
    CHECK(errors<ProjectCreate>("1.5") == R"({"non_field_errors":["Invalid data. Expected a dictionary, but got float."]})");
    CHECK(errors<ProjectCreate>("true") == R"({"non_field_errors":["Invalid data. Expected a dictionary, but got bool."]})");
}

TEST_CASE("A null body is 'No data provided'", "[serializers]") {
    const auto result = s::validate<ProjectCreate>(Json(nullptr));
    CHECK(result.errors().dump() == R"({"non_field_errors":["No data provided"]})");
    CHECK(result.full_details()["non_field_errors"][0]["code"] == "null");
}

TEST_CASE("Unknown keys and read-only keys in the input are ignored; write-only fields are not rendered", "[serializers]") {
    const auto result = s::validate<Account>(Json::parse(R"({"id": "garbage", "name": "a", "password": "p", "unknown": 1})"));
    REQUIRE(result);
    CHECK(result->id == 1);
    CHECK(result->password == "p");
    CHECK(errors<Account>("{}") == R"({"name":["This field is required."],"password":["This field is required."]})");
    Account a;
    a.name = "a";
    a.password = "p";
    CHECK(s::render<Account>(a).dump() == R"({"id":1,"name":"a"})");
}

// --- defaults and partial --------------------------------------------------------------------------

TEST_CASE("An optional field with a default takes it when the key is missing; without one the member keeps its value",
          "[serializers]") {
    const auto result = s::validate<Defaults>(Json::parse(R"({"name": "a"})"));
    REQUIRE(result);
    CHECK(result->status == "x");
    CHECK(result->tag == "t");
    CHECK(result->note == "untouched");
    CHECK(result.fields_set().names() == std::vector<std::string_view>{"name"});
    CHECK(errors<Defaults>(R"({"name": "a", "status": null})") == R"({"status":["This field may not be null."]})");
    CHECK(errors<Defaults>(R"({"name": "a", "status": ""})") == R"({"status":["This field may not be blank."]})");
}

TEST_CASE("Partial validation checks and sets only the fields present, without defaults", "[serializers]") {
    Defaults existing;
    existing.name = "old";
    existing.status = "kept";
    const auto result = s::validate<Defaults>(Json::parse(R"({"tag": "y"})"), existing, s::partial);
    REQUIRE(result);
    CHECK(result->name == "old");
    CHECK(result->status == "kept");
    CHECK(result->tag == "y");
    CHECK(result.fields_set().names() == std::vector<std::string_view>{"tag"});
    CHECK(s::validate<Defaults>(Json::parse("{}"), s::partial));
    CHECK(errors<Defaults>(R"({"name": ""})", s::partial) == R"({"name":["This field may not be blank."]})");
    CHECK(errors<Defaults>(R"({"name": null})", s::partial) == R"({"name":["This field may not be null."]})");
}

// --- nested and many -----------------------------------------------------------------------------

TEST_CASE("A nested serializer reports its errors under the field, as an object", "[serializers]") {
    CHECK(errors<WithOwner>(R"({"owner": {}})") == R"({"owner":{"username":["This field is required."]}})");
    CHECK(errors<WithOwner>(R"({"owner": "str"})") ==
          R"({"owner":{"non_field_errors":["Invalid data. Expected a dictionary, but got str."]}})");
    CHECK(errors<WithOwner>(R"({"owner": []})") ==
          R"({"owner":{"non_field_errors":["Invalid data. Expected a dictionary, but got list."]}})");
    CHECK(errors<WithOwner>(R"({"owner": null})") == R"({"owner":["This field may not be null."]})");
    CHECK(errors<WithOwner>("{}") == R"({"owner":["This field is required."]})");
    CHECK(s::validate<WithOwner>(Json::parse(R"({"owner": {"username": "bob"}})"))->owner.username == "bob");
    CHECK_FALSE(s::validate<WithOptionalOwner>(Json::parse(R"({"owner": null})"))->owner.has_value());
}

TEST_CASE("A nested list (many) reports one entry per item, {} for the valid ones", "[serializers]") {
    CHECK(errors<WithItems>(R"({"items": [{}, {"username": "a"}]})") == R"({"items":[{"username":["This field is required."]},{}]})");
    CHECK(errors<WithItems>(R"({"items": ["x", null, 5]})") ==
          R"({"items":[{"non_field_errors":["Invalid data. Expected a dictionary, but got str."]},["This field may not be null."],{"non_field_errors":["Invalid data. Expected a dictionary, but got int."]}]})");
    CHECK(errors<WithItems>(R"({"items": "x"})") ==
          R"({"items":{"non_field_errors":["Expected a list of items but got type \"str\"."]}})");
    CHECK(errors<WithItems>(R"({"items": {}})") ==
          R"({"items":{"non_field_errors":["Expected a list of items but got type \"dict\"."]}})");
    CHECK(errors<WithNonEmptyItems>(R"({"items": []})") == R"({"items":{"non_field_errors":["This list may not be empty."]}})");
    CHECK(s::validate<WithItems>(Json::parse(R"({"items": []})")));
}

TEST_CASE("validate_many validates a top-level list, with DRF's errors for each shape", "[serializers]") {
    CHECK(s::validate_many<ProjectCreate>(Json::parse(R"([{}, {"name": "a"}])")).errors().dump() ==
          R"([{"name":["This field is required."]},{}])");
    CHECK(s::validate_many<ProjectCreate>(Json::parse(R"({"name": "a"})")).errors().dump() ==
          R"({"non_field_errors":["Expected a list of items but got type \"dict\"."]})");
    CHECK(s::validate_many<ProjectCreate>(Json::parse("[]"), {.allow_empty = false}).errors().dump() ==
          R"({"non_field_errors":["This list may not be empty."]})");
    CHECK(s::validate_many<ProjectCreate>(Json(nullptr)).errors().dump() == R"({"non_field_errors":["No data provided"]})");
    const auto ok = s::validate_many<ProjectCreate>(Json::parse(R"([{"name": "a"}, {"name": "b"}])"));
    REQUIRE(ok);
    CHECK(ok->size() == 2);
    CHECK(ok.value()[1].name == "b");
}

TEST_CASE("A list field reports child errors keyed by index, and checks its length", "[serializers]") {
    CHECK(errors<Scores>(R"({"f": ["1", -1, "x"]})") ==
          R"({"f":{"1":["Ensure this value is greater than or equal to 0."],"2":["A valid integer is required."]}})");
    CHECK(errors<Scores>(R"({"f": "abc"})") == R"({"f":["Expected a list of items but got type \"str\"."]})");
    CHECK(errors<Scores>(R"({"f": {"a": 1}})") == R"({"f":["Expected a list of items but got type \"dict\"."]})");
    CHECK(errors<Scores>(R"({"f": 5})") == R"({"f":["Expected a list of items but got type \"int\"."]})");
    CHECK(errors<Scores>(R"({"f": [null]})") == R"({"f":{"0":["This field may not be null."]}})");
    CHECK(errors<NonEmptyList>(R"({"f": []})") == R"({"f":["This list may not be empty."]})");
    CHECK(errors<BoundedList>(R"({"f": [1]})") == R"({"f":["Ensure this field has at least 2 elements."]})");
    CHECK(errors<BoundedList>(R"({"f": [1,2,3,4]})") == R"({"f":["Ensure this field has no more than 3 elements."]})");
    CHECK(errors<BoundedList>(R"({"f": ["x"]})") == R"({"f":{"0":["A valid integer is required."]}})");
    CHECK(s::validate<Scores>(Json::parse(R"({"f": ["1", 2]})"))->f == std::vector<std::int64_t>{1, 2});
}

// --- validators and hooks ------------------------------------------------------------------------

TEST_CASE("All of a field's validators run and all their messages are kept, before the built-in checks", "[serializers]") {
    CHECK(errors<Validated>(R"({"name": "ab"})") == R"({"name":["first","second"]})");
    CHECK(errors<Validated>(R"({"name": "abcd"})") ==
          R"({"name":["first","second","Ensure this field has no more than 3 characters."]})");
    CHECK(errors<Validated>(R"({"name": ""})") == R"({"name":["This field may not be blank."]})");
    CHECK(errors<ListValidated>(R"({"name": "ab"})") == R"({"name":["third-a","third-b","first"]})");
}

TEST_CASE("A field's validate hook (validate_<field>) may normalise the value", "[serializers]") {
    CHECK(s::validate<Shouted>(Json::parse(R"({"name": "  ab "})"))->name == "AB");
}

TEST_CASE("The object-level validate hook runs only when every field passed", "[serializers]") {
    CHECK(errors<Range>(R"({"low": 5, "high": 1})") == R"({"non_field_errors":["low must not exceed high"]})");
    CHECK(errors<Range>(R"({"low": 5})") == R"({"high":["This field is required."]})");
    CHECK(s::validate<Range>(Json::parse(R"({"low": 1, "high": 5})")));
    CHECK(errors<Taken>(R"({"name": "a"})") == R"({"name":["taken"]})");
    CHECK(s::validate<Coded>(Json::parse(R"({"name": "a"})")).full_details() ==
          Json::parse(R"({"non_field_errors": [{"message": "bad", "code": "mycode"}]})"));
}

// --- DRF's Serializer API ------------------------------------------------------------------------

TEST_CASE("Serializer::is_valid(true) throws a ValidationError carrying the error body", "[serializers]") {
    s::Serializer<ProjectCreate> serializer(Json::parse(R"({"name": ""})"));
    try {
        serializer.is_valid(true);
        FAIL("is_valid(true) should have thrown");
    } catch (const drf::ValidationError& e) {
        CHECK(e.detail().dump() == R"({"name":["This field may not be blank."]})");
    }
}

TEST_CASE("Serializer::is_valid() returns false and errors() holds the body", "[serializers]") {
    s::Serializer<ProjectCreate> serializer(Json::parse(R"({"name": "Apollo"})"));
    REQUIRE(serializer.is_valid());
    CHECK(serializer.validated_data().name == "Apollo");
    CHECK(serializer.errors().is_null());
    s::Serializer<ProjectCreate> bad(Json::parse("{}"));
    CHECK_FALSE(bad.is_valid());
    CHECK(bad.errors().dump() == R"({"name":["This field is required."]})");
}

TEST_CASE("Reading validated_data before is_valid() is a logic error with DRF's message", "[serializers]") {
    s::Serializer<ProjectCreate> serializer(Json::parse(R"({"name": "Apollo"})"));
    CHECK_THROWS_WITH(serializer.validated_data(), "You must call `.is_valid()` before accessing `.validated_data`.");
}

TEST_CASE("A ValidationError thrown by user code keeps DRF's shapes", "[serializers]") {
    CHECK(drf::ValidationError("bad").detail().dump() == R"(["bad"])");
    CHECK(drf::ValidationError(Json{{"name", "taken"}}).detail().dump() == R"({"name":["taken"]})");
    CHECK(drf::ValidationError(Json{{"name", {"a", "b"}}}).full_details()["name"][1]["code"] == "invalid");
}

// --- rendering -----------------------------------------------------------------------------------

TEST_CASE("Rendering follows the declared field order, with a source path and DRF's datetime format", "[serializers]") {
    drf::FrozenClock clock(*drf::parse_datetime("2026-11-23T19:43:37.727356Z"));
    drf::ClockOverride use(clock);
    Project p;
    p.id = *drf::parse_uuid("a1b2c3d4-e5f6-4789-abcd-ef0123456789");
    p.name = "Apollo";
    p.owner = std::make_shared<User>();
    p.owner->username = "alice";
    CHECK(s::render<ProjectOutput>(p).dump() ==
          R"({"id":"a1b2c3d4-e5f6-4789-abcd-ef0123456789","name":"Apollo","description":"","owner":"alice","archived":false,"created_at":"2026-11-23T19:43:37.727356Z","updated_at":"2026-11-23T19:43:37.727356Z"})");
}

TEST_CASE("A source path through a null renders null when allowed, and is left out otherwise", "[serializers]") {
    Project p;
    CHECK(s::render<ProjectOutput>(p)["owner"].is_null());
    CHECK(s::render<OwnerOmitted>(p).dump() == "{}");
}

TEST_CASE("A method field renders what its callable returns", "[serializers]") {
    Project p;
    p.name = "hi";
    CHECK(s::render<Shout>(p).dump() == R"({"name":"hi","shout":"hi!","none_val":null})");
    const auto in = s::validate<Shout>(Json::parse(R"({"name": "a", "shout": "ignored"})"));
    REQUIRE(in);
    CHECK(in->name == "a");
}

TEST_CASE("render_many renders a list of objects, or of pointers to them", "[serializers]") {
    std::vector<Project> projects(2);
    projects[0].name = "a";
    projects[1].name = "b";
    const Json many = s::render_many<Shout>(projects);
    CHECK(many.dump() == R"([{"name":"a","shout":"a!","none_val":null},{"name":"b","shout":"b!","none_val":null}])");
    std::vector<const Project*> pointers{&projects[1]};
    CHECK(s::render_many<Shout>(pointers)[0]["name"] == "b");
}

TEST_CASE("Nested objects and lists render recursively; empty optionals render null", "[serializers]") {
    WithItems w;
    w.items = {{"a"}, {"b"}};
    CHECK(s::render<WithItems>(w).dump() == R"({"items":[{"username":"a"},{"username":"b"}]})");
    WithOptionalOwner none;
    CHECK(s::render<WithOptionalOwner>(none).dump() == R"({"owner":null})");
    Scores sc;
    sc.f = {1, 2};
    CHECK(s::render<Scores>(sc).dump() == R"({"f":[1,2]})");
}

TEST_CASE("model_serializer builds a serializer from a model's meta; base fields are read-only", "[serializers]") {
    STATIC_REQUIRE(std::is_same_v<s::object_type_t<ProjectModelOutput>, Project>);
    Project p;
    p.name = "x";
    const Json out = s::render<ProjectModelOutput>(p);
    CHECK(out.size() == 4);
    CHECK(out.begin().key() == "id");
    const auto in = s::validate<ProjectModelOutput>(Json::parse(R"({"id": "not-a-uuid", "name": "n", "archived": true})"));
    REQUIRE(in);
    CHECK(in->name == "n");
    CHECK(in->archived);
}

}  // namespace serializer_test
