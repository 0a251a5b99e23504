// tests/serializers/model_serializer_test.cpp — model_serializer (DRF's ModelSerializer): fields and their
// constraints from the model's meta, overrides, and filling a model from validated data with update and
// create; fields_set() asked by member.
#include <drf/serializers.hpp>

#include <catch2/catch.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace model_serializer_test {

namespace s = drf::serializers;
using drf::Json;

struct Project : drf::models::Model<Project> {
    std::string name;
    std::string description = "none yet";
    std::optional<std::string> note;
    std::int64_t stars = 0;
    bool archived = false;
    static constexpr auto meta = drf::models::meta<Project>(
        "projects", drf::models::field<&Project::name>().max_length(20),
        drf::models::field<&Project::description>().blank(), drf::models::field<&Project::note>(),
        drf::models::field<&Project::stars>(), drf::models::field<&Project::archived>());
};

// A serializer type of its own, validating into the model.
using ProjectCreate = s::model_serializer<Project, &Project::name, &Project::description, &Project::note>;

struct ProjectOutput {
    static constexpr auto fields =
        s::model_serializer<Project, &Project::id, &Project::name, &Project::stars, &Project::created_at>();
};

// A struct with the model's member names: constraints from the model, values in the struct.
struct ProjectInput {
    std::string name;
    std::string description;
    std::int64_t stars = 0;
    static constexpr auto fields =
        s::model_serializer<Project, &ProjectInput::name, &ProjectInput::description, &ProjectInput::stars>();
};

struct Overridden {
    static constexpr auto fields =
        s::model_serializer<Project, &Project::name, &Project::description, &Project::stars, &Project::archived>()
            .with<&Project::name>([](auto f) { return f.max_length(5); })
            .with<&Project::stars>([](auto f) { return f.min_value(1).optional(); })
            .declare<&Project::archived>(s::boolean_field<&Project::archived>("done").read_only())
            .declare(s::method_field<Project>("shout", [](const Project& p) { return p.name + "!"; }));
};

TEST_CASE("model_serializer takes max_length from the model's field", "[serializers]") {
    const auto result = s::validate<ProjectCreate>(Json::parse(R"({"name": "a name longer than twenty"})"));
    CHECK(result.errors() == Json::parse(R"({"name": ["Ensure this field has no more than 20 characters."]})"));
}

TEST_CASE("model_serializer makes a field the model requires required, and a blank one optional and blank-allowed",
          "[serializers]") {
    CHECK(s::validate<ProjectCreate>(Json::parse("{}")).errors() ==
          Json::parse(R"({"name": ["This field is required."]})"));
    const auto missing = s::validate<ProjectCreate>(Json::parse(R"({"name": "Apollo"})"));
    REQUIRE(missing);
    CHECK(missing->description == "none yet");  // the member's initializer, as Django's default
    const auto empty = s::validate<ProjectCreate>(Json::parse(R"({"name": "Apollo", "description": ""})"));
    REQUIRE(empty);
    CHECK(empty->description.empty());
    CHECK(s::validate<ProjectCreate>(Json::parse(R"({"name": ""})")).errors() ==
          Json::parse(R"({"name": ["This field may not be blank."]})"));
}

TEST_CASE("model_serializer lets a nullable model field be null or left out", "[serializers]") {
    const auto null = s::validate<ProjectCreate>(Json::parse(R"({"name": "a", "note": null})"));
    REQUIRE(null);
    CHECK_FALSE(null->note.has_value());
    const auto set = s::validate<ProjectCreate>(Json::parse(R"({"name": "a", "note": "n"})"));
    REQUIRE(set);
    CHECK(set->note == "n");
}

TEST_CASE("model_serializer renders the base model's id and created_at and ignores them in input", "[serializers]") {
    STATIC_REQUIRE(std::is_same_v<s::object_type_t<ProjectOutput>, Project>);
    Project p;
    p.name = "x";
    const Json out = s::render<ProjectOutput>(p);
    std::vector<std::string> keys;
    for (const auto& [key, value] : out.items()) keys.push_back(key);
    CHECK(keys == std::vector<std::string>{"id", "name", "stars", "created_at"});
    const auto in = s::validate<ProjectOutput>(
        Json::parse(R"({"id": "not-a-uuid", "created_at": "never", "name": "n", "stars": 3})"));
    REQUIRE(in);
    CHECK(in->name == "n");
    CHECK(in->stars == 3);
}

TEST_CASE("model_serializer over another struct's members validates into that struct with the model's rules",
          "[serializers]") {
    STATIC_REQUIRE(std::is_same_v<s::object_type_t<ProjectInput>, ProjectInput>);
    const auto ok = s::validate<ProjectInput>(Json::parse(R"({"name": "Apollo", "stars": 2})"));
    REQUIRE(ok);
    CHECK(ok->name == "Apollo");
    CHECK(s::validate<ProjectInput>(Json::parse(R"({"name": "a name longer than twenty", "stars": 1})")).errors() ==
          Json::parse(R"({"name": ["Ensure this field has no more than 20 characters."]})"));
}

TEST_CASE("model_serializer fields can be adjusted by member, replaced by a declared field, or added to",
          "[serializers]") {
    CHECK(s::validate<Overridden>(Json::parse(R"({"name": "too long", "stars": 0})")).errors() ==
          Json::parse(R"({"name": ["Ensure this field has no more than 5 characters."],
                          "stars": ["Ensure this value is greater than or equal to 1."]})"));
    const auto without_stars = s::validate<Overridden>(Json::parse(R"({"name": "ok", "done": true})"));
    REQUIRE(without_stars);
    CHECK_FALSE(without_stars->archived);  // declared read-only
    Project p;
    p.name = "hi";
    p.archived = true;
    CHECK(s::render<Overridden>(p) ==
          Json::parse(R"({"name": "hi", "description": "none yet", "stars": 0, "done": true, "shout": "hi!"})"));
}

TEST_CASE("A serializer can validate straight into the model, which a partial update then saves", "[serializers]") {
    Project stored;
    stored.name = "old";
    stored.stars = 7;
    const auto changes = s::validate<ProjectCreate>(Json::parse(R"({"description": "new"})"), stored, s::partial);
    REQUIRE(changes);
    CHECK(changes->id == stored.id);
    CHECK(changes->name == "old");
    CHECK(changes->description == "new");
    CHECK(changes->stars == 7);
}

TEST_CASE("fields_set() is asked by member and iterates the member names the client sent", "[serializers]") {
    const auto changes = s::validate<ProjectInput>(Json::parse(R"({"stars": 4, "name": "n"})"), ProjectInput{},
                                                   s::partial);
    REQUIRE(changes);
    const auto sent = changes.fields_set();
    CHECK(sent.contains<&ProjectInput::name>());
    CHECK(sent.contains<&ProjectInput::stars>());
    CHECK_FALSE(sent.contains<&ProjectInput::description>());
    CHECK(sent.size() == 2);
    std::vector<std::string_view> names;
    for (std::string_view name : sent) names.push_back(name);
    CHECK(names == std::vector<std::string_view>{"name", "stars"});  // field order, not input order
    CHECK(sent.names() == names);
}

TEST_CASE("fields_set() hands its members to any set with add(member), such as the database's update_fields",
          "[serializers]") {
    struct Members {
        std::vector<std::string_view> added;
        void add(std::string Project::*m) { added.push_back(m == &Project::name ? "name" : "description"); }
        void add(std::optional<std::string> Project::*) { added.push_back("note"); }
    };
    Project stored;
    const auto changes = s::validate<ProjectCreate>(Json::parse(R"({"note": null})"), stored, s::partial);
    REQUIRE(changes);
    CHECK(changes.fields_set().to<Members>().added == std::vector<std::string_view>{"note"});
}

TEST_CASE("update assigns only the fields the client sent from the validated struct onto the model",
          "[serializers]") {
    Project stored;
    stored.name = "old";
    stored.description = "kept";
    stored.stars = 1;
    const auto changes =
        s::validate<ProjectInput>(Json::parse(R"({"stars": 5})"), ProjectInput{"old", "kept", 1}, s::partial);
    REQUIRE(changes);
    ProjectInput tampered = changes.value();
    tampered.description = "not sent, so not copied";
    s::update<ProjectInput>(stored, tampered, changes.fields_set());
    CHECK(stored.stars == 5);
    CHECK(stored.description == "kept");
    s::update(stored, s::validate<ProjectInput>(Json::parse(R"({"name": "new"})"), ProjectInput{}, s::partial));
    CHECK(stored.name == "new");
    CHECK(stored.stars == 5);
}

TEST_CASE("update says which model members it set, for saving only those", "[serializers]") {
    struct Members {
        std::vector<std::string_view> added;
        void add(std::string Project::*m) { added.push_back(m == &Project::name ? "name" : "description"); }
        void add(std::int64_t Project::*) { added.push_back("stars"); }
    };
    Project stored;
    const auto changes = s::validate<ProjectInput>(Json::parse(R"({"stars": 5, "description": ""})"), ProjectInput{},
                                                   s::partial);
    const auto assigned = s::update(stored, changes);
    CHECK(assigned.to<Members>().added == std::vector<std::string_view>{"description", "stars"});
    CHECK_FALSE(assigned.empty());
    CHECK(s::update(stored, s::validate<ProjectInput>(Json::object(), ProjectInput{}, s::partial)).empty());
}

TEST_CASE("create builds a model from every validated field, defaults included", "[serializers]") {
    const auto data = s::validate<ProjectInput>(Json::parse(R"({"name": "Apollo", "description": "d", "stars": 2})"));
    const Project p = s::create<Project>(data);
    CHECK(p.name == "Apollo");
    CHECK(p.description == "d");
    CHECK(p.stars == 2);
    CHECK_FALSE(p.archived);
}

}  // namespace model_serializer_test
