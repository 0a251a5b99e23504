// tests/serializers/member_keys_test.cpp — a field bound by its member pointer takes the member's name
// as its JSON key, unless it is given a key of its own.
#include <drf/serializers.hpp>

#include <catch2/catch.hpp>

#include <optional>
#include <string>
#include <vector>

namespace member_keys_test {

namespace s = drf::serializers;
using drf::Json;

struct Tag {
    std::string label;
    static constexpr auto fields = s::fields(s::char_field<&Tag::label>());
};

struct Item {
    std::string name;
    std::string owner_id;
    std::int64_t count = 0;
    double price = 0;
    bool archived = false;
    std::optional<std::string> email;
    drf::Uuid id;
    drf::DateTime seen;
    std::string status = "draft";
    std::vector<std::int64_t> scores;
    Tag tag;
    std::vector<Tag> tags;
    static constexpr auto fields = s::fields(
        s::char_field<&Item::name>().max_length(10), s::char_field<&Item::owner_id>("owner"),
        s::integer_field<&Item::count>(), s::float_field<&Item::price>(), s::boolean_field<&Item::archived>(),
        s::email_field<&Item::email>().allow_null(), s::uuid_field<&Item::id>(), s::datetime_field<&Item::seen>(),
        s::choice_field<&Item::status>(s::choices("draft", "live")), s::list_field<&Item::scores>(s::integer_field()),
        s::nested<Tag, &Item::tag>(), s::nested<Tag, &Item::tags>("labels"));
};

TEST_CASE("A field bound by its member pointer renders under the member's name", "[serializers]") {
    Item item;
    item.name = "n";
    item.owner_id = "u1";
    item.tag.label = "x";
    const Json out = s::render<Item>(item);
    std::vector<std::string> keys;
    for (const auto& [key, value] : out.items()) keys.push_back(key);
    CHECK(keys == std::vector<std::string>{"name", "owner", "count", "price", "archived", "email", "id", "seen",
                                           "status", "scores", "tag", "labels"});
    CHECK(out["owner"] == "u1");
    CHECK(out["tag"] == Json{{"label", "x"}});
}

TEST_CASE("A field given its own key reads and reports the input under that key", "[serializers]") {
    const Json body = Json::parse(R"({"name": "n", "owner": "u1", "count": 1, "price": 1.5, "archived": true,
        "email": null, "id": "9b2c1a3e-0000-4000-8000-000000000001", "seen": "2024-01-01T00:00:00Z",
        "status": "live", "scores": [1, 2], "tag": {"label": "a"}, "labels": [{"label": "b"}]})");
    const auto ok = s::validate<Item>(body);
    INFO(ok.errors().dump());
    REQUIRE(ok);
    CHECK(ok->owner_id == "u1");
    CHECK(ok->tags.size() == 1);
    CHECK(ok->tags[0].label == "b");

    Json missing = body;
    missing.erase("owner");
    missing["owner_id"] = "ignored";
    CHECK(s::validate<Item>(missing).errors() == Json::parse(R"({"owner": ["This field is required."]})"));
}

TEST_CASE("A member-bound field keeps its options: max_length reports under the member's name", "[serializers]") {
    const Json body = Json::parse(R"({"name": "far too long a name"})");
    const auto result = s::validate<Item>(body, s::partial);
    CHECK(result.errors() == Json::parse(R"({"name": ["Ensure this field has no more than 10 characters."]})"));
}

template <auto Member>
concept takes_a_name_and_a_member = requires { s::char_field("label", Member); };
template <auto First, auto Second>
concept takes_a_source_path = requires { s::char_field("label", s::source(First, Second)); };

TEST_CASE("A field is bound to a member by its pointer alone; only a source path takes a key and a binding",
          "[serializers]") {
    STATIC_REQUIRE_FALSE(takes_a_name_and_a_member<&Tag::label>);
    STATIC_REQUIRE(takes_a_source_path<&Item::tag, &Tag::label>);
}

}  // namespace member_keys_test
