// tests/serializers/collection_fields_test.cpp — ChoiceField with integer and grouped choices,
// MultipleChoiceField, DictField, HStoreField, JSONField and FilePathField, against DRF 3.14's
// FieldValues tables (tests/test_fields.py) and what drf-spectacular writes for each.
#include <drf/openapi/serializer.hpp>
#include <drf/serializers.hpp>
#include <drf/serializers/kinds/choice.hpp>
#include <drf/serializers/kinds/dict.hpp>
#include <drf/serializers/kinds/file_path.hpp>
#include <drf/serializers/kinds/json.hpp>
#include <drf/serializers/kinds/multiple_choice.hpp>

#include <catch2/catch.hpp>

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace collection_fields_test {

namespace s = drf::serializers;
using drf::Json;

// Errors for `body` under serializer S, as DRF's serializer.errors renders them.
template <class S>
Json errors(const char* body) {
    return s::validate<S>(Json::parse(body)).errors();
}

template <class S>
auto valid(const char* body) {
    auto result = s::validate<S>(Json::parse(body));
    INFO(result.errors().dump());
    REQUIRE(result);
    return std::move(result).value();
}

Json parse(const char* text) { return Json::parse(text); }

// --- ChoiceField ---------------------------------------------------------------------------------

struct Rated {
    int f = 0;
    static constexpr auto fields = s::fields(s::choice_field<&Rated::f>(s::choices(1, 2, 3)));
};

TEST_CASE("Integer choices accept the number or its text and render the number", "[serializers]") {
    // DRF's TestChoiceFieldWithType.
    CHECK(valid<Rated>(R"({"f": "1"})").f == 1);
    CHECK(valid<Rated>(R"({"f": 3})").f == 3);
    CHECK(errors<Rated>(R"({"f": 5})") == parse(R"({"f": ["\"5\" is not a valid choice."]})"));
    CHECK(errors<Rated>(R"({"f": "abc"})") == parse(R"({"f": ["\"abc\" is not a valid choice."]})"));
    // str(1.0) and str(True) are not "1": DRF refuses both.
    CHECK(errors<Rated>(R"({"f": 1.0})") == parse(R"({"f": ["\"1.0\" is not a valid choice."]})"));
    CHECK(errors<Rated>(R"({"f": true})") == parse(R"({"f": ["\"True\" is not a valid choice."]})"));
    CHECK(s::validate<Rated>(parse(R"({"f": 7})")).errors()["f"][0].dump().find("invalid_choice") == std::string::npos);
    CHECK(s::render<Rated>(Rated{1}) == parse(R"({"f": 1})"));
    // DRF renders a value outside the choices as it is.
    CHECK(s::render<Rated>(Rated{7}) == parse(R"({"f": 7})"));
}

TEST_CASE("Choice errors carry DRF's invalid_choice code", "[serializers]") {
    auto result = s::validate<Rated>(parse(R"({"f": 5})"));
    REQUIRE_FALSE(result);
    CHECK(result.full_details() == parse(R"({"f": [{"message": "\"5\" is not a valid choice.", "code": "invalid_choice"}]})"));
}

struct Quality {
    std::string f;
    static constexpr auto fields = s::fields(s::choice_field<&Quality::f>(s::choices("poor", "medium", "good")));
};
struct Grouped {
    std::string f;
    static constexpr auto fields =
        s::fields(s::choice_field<&Grouped::f>(s::choices(s::group("Category", "poor", "medium"), "good")));
};
struct Mixed {
    std::string f;
    static constexpr auto fields =
        s::fields(s::choice_field<&Mixed::f>(s::choices(s::group("Category", "poor"), "medium", "good")));
};

template <class S>
void check_quality_table() {
    // DRF's TestChoiceFieldWithListChoices, ...WithGroupedChoices and ...WithMixedChoices share one table.
    for (const char* v : {"poor", "medium", "good"})
        CHECK(valid<S>((std::string(R"({"f": ")") + v + "\"}").c_str()).f == v);
    CHECK(errors<S>(R"({"f": "awful"})") == parse(R"({"f": ["\"awful\" is not a valid choice."]})"));
    S out;
    out.f = "good";
    CHECK(s::render<S>(out) == parse(R"({"f": "good"})"));
}

TEST_CASE("Flat, grouped and mixed choices validate the same flat list", "[serializers]") {
    SECTION("flat") { check_quality_table<Quality>(); }
    SECTION("grouped") { check_quality_table<Grouped>(); }
    SECTION("mixed") { check_quality_table<Mixed>(); }
}

TEST_CASE("Grouped choices keep their groups, as DRF's grouped_choices", "[serializers]") {
    constexpr auto grouped = std::get<0>(Grouped::fields.items);
    CHECK(grouped.kind.grouped_choices().dump() ==
          parse(R"({"Category": {"poor": "poor", "medium": "medium"}, "good": "good"})").dump());
    constexpr auto mixed = std::get<0>(Mixed::fields.items);
    CHECK(mixed.kind.grouped_choices().dump() ==
          parse(R"({"Category": {"poor": "poor"}, "medium": "medium", "good": "good"})").dump());
}

enum class Level { low, high };
struct GroupedLevel {
    Level f = Level::low;
    static constexpr auto fields = s::fields(s::choice_field<&GroupedLevel::f>(
        s::choices(s::group("Levels", s::choice("low", Level::low)), s::choice("high", Level::high))));
};

TEST_CASE("Grouped choices map text to any member type", "[serializers]") {
    CHECK(valid<GroupedLevel>(R"({"f": "low"})").f == Level::low);
    CHECK(valid<GroupedLevel>(R"({"f": "high"})").f == Level::high);
    CHECK(s::render<GroupedLevel>(GroupedLevel{Level::high}) == parse(R"({"f": "high"})"));
}

// DRF's TestChoiceFieldWithMixedChoices mixes the forms of choices; a mix of value types such as
// choices=[1, "x"] has no C++ member type to land in, so it is not offered.

// --- MultipleChoiceField -------------------------------------------------------------------------

struct Features {
    std::set<std::string> f;
    static constexpr auto fields =
        s::fields(s::multiple_choice_field<&Features::f>(s::choices("aircon", "manual", "diesel")));
};

TEST_CASE("A multiple choice field takes a list of choices as a set", "[serializers]") {
    // DRF's TestMultipleChoiceField. Its inputs are Python tuples; a JSON list is the wire form.
    CHECK(valid<Features>(R"({"f": []})").f.empty());
    CHECK(valid<Features>(R"({"f": ["aircon"]})").f == std::set<std::string>{"aircon"});
    CHECK(valid<Features>(R"({"f": ["aircon", "manual"]})").f == std::set<std::string>{"aircon", "manual"});
    // A set: repeated choices collapse.
    CHECK(valid<Features>(R"({"f": ["manual", "aircon", "manual"]})").f == std::set<std::string>{"aircon", "manual"});
}

TEST_CASE("A multiple choice field refuses text and anything but a list", "[serializers]") {
    CHECK(errors<Features>(R"({"f": "abc"})") == parse(R"({"f": ["Expected a list of items but got type \"str\"."]})"));
    CHECK(errors<Features>(R"({"f": 1})") == parse(R"({"f": ["Expected a list of items but got type \"int\"."]})"));
    CHECK(errors<Features>(R"({"f": null})") == parse(R"({"f": ["This field may not be null."]})"));
    auto result = s::validate<Features>(parse(R"({"f": "abc"})"));
    CHECK(result.full_details()["f"][0]["code"] == "not_a_list");
}

TEST_CASE("A multiple choice field reports the first item that is not a choice", "[serializers]") {
    CHECK(errors<Features>(R"({"f": ["aircon", "incorrect"]})") ==
          parse(R"({"f": ["\"incorrect\" is not a valid choice."]})"));
    // DRF stops at the first bad item.
    CHECK(errors<Features>(R"({"f": ["x", "aircon", "y"]})") == parse(R"({"f": ["\"x\" is not a valid choice."]})"));
    CHECK(errors<Features>(R"({"f": [null]})") == parse(R"({"f": ["\"None\" is not a valid choice."]})"));
}

TEST_CASE("A multiple choice field given an object takes its keys, as DRF iterates a dict", "[serializers]") {
    CHECK(valid<Features>(R"({"f": {"aircon": 1}})").f == std::set<std::string>{"aircon"});
}

TEST_CASE("A multiple choice field renders its set as a list", "[serializers]") {
    // DRF's outputs row renders a Python set, whose order is the hash's; drf renders the std::set's
    // (sorted) order, and a value outside the choices as it is, as DRF does.
    Features f;
    f.f = {"manual", "aircon", "incorrect"};
    CHECK(s::render<Features>(f) == parse(R"({"f": ["aircon", "incorrect", "manual"]})"));
}

struct Cap {
    std::set<std::string> f;
    static constexpr auto fields = s::fields(s::multiple_choice_field<&Cap::f>(
        s::choices("consistency", "availability", "partition"), {.allow_empty = false}));
};
struct CapChained {
    std::set<std::string> f;
    static constexpr auto fields =
        s::fields(s::multiple_choice_field<&CapChained::f>(s::choices("consistency", "availability")).allow_empty(false));
};

TEST_CASE("A multiple choice field with allow_empty false refuses an empty list", "[serializers]") {
    // DRF's TestEmptyMultipleChoiceField.
    CHECK(errors<Cap>(R"({"f": []})") == parse(R"({"f": ["This selection may not be empty."]})"));
    CHECK(errors<CapChained>(R"({"f": []})") == parse(R"({"f": ["This selection may not be empty."]})"));
    CHECK(s::validate<Cap>(parse(R"({"f": []})")).full_details()["f"][0]["code"] == "empty");
    CHECK(valid<Cap>(R"({"f": ["partition"]})").f == std::set<std::string>{"partition"});
}

struct BlankFeatures {
    std::set<std::string> f;
    static constexpr auto fields =
        s::fields(s::multiple_choice_field<&BlankFeatures::f>(s::choices("a", "b"), {.allow_blank = true}));
};

TEST_CASE("A multiple choice field with allow_blank takes an empty string among its items", "[serializers]") {
    CHECK(valid<BlankFeatures>(R"({"f": ["", "a"]})").f == std::set<std::string>{"", "a"});
    CHECK(errors<Features>(R"({"f": [""]})") == parse(R"({"f": ["\"\" is not a valid choice."]})"));
}

struct Days {
    std::set<int> f;
    std::set<Level> levels;
    static constexpr auto fields =
        s::fields(s::multiple_choice_field<&Days::f>(s::choices(1, 2, 3)),
                  s::multiple_choice_field<&Days::levels>(s::choices(s::choice("low", Level::low), s::choice("high", Level::high))).optional());
};

TEST_CASE("A multiple choice field holds integer or enum choices", "[serializers]") {
    auto d = valid<Days>(R"({"f": [3, "1", 3], "levels": ["high", "low"]})");
    CHECK(d.f == std::set<int>{1, 3});
    CHECK(d.levels == std::set<Level>{Level::low, Level::high});
    CHECK(errors<Days>(R"({"f": [4]})") == parse(R"({"f": ["\"4\" is not a valid choice."]})"));
    CHECK(s::render<Days>(d) == parse(R"({"f": [1, 3], "levels": ["low", "high"]})"));
}

// --- DictField -----------------------------------------------------------------------------------

struct Texts {
    std::map<std::string, std::string> f;
    static constexpr auto fields = s::fields(s::dict_field<&Texts::f>(s::char_field()));
};

TEST_CASE("A dict field converts each value with its child", "[serializers]") {
    // DRF's TestDictField. Its key 3 is a Python int: JSON keys are text already.
    CHECK(valid<Texts>(R"({"f": {"a": 1, "b": "2", "3": 3}})").f ==
          std::map<std::string, std::string>{{"a", "1"}, {"b", "2"}, {"3", "3"}});
    CHECK(valid<Texts>(R"({"f": {}})").f.empty());
    Texts t;
    t.f = {{"a", "1"}, {"b", "2"}, {"3", "3"}};
    // std::map renders its keys sorted; DRF renders the dict's insertion order.
    CHECK(s::render<Texts>(t) == parse(R"({"f": {"3": "3", "a": "1", "b": "2"}})"));
}

TEST_CASE("A dict field reports its children's errors under their keys", "[serializers]") {
    CHECK(errors<Texts>(R"({"f": {"a": 1, "b": null, "c": null}})") ==
          parse(R"({"f": {"b": ["This field may not be null."], "c": ["This field may not be null."]}})"));
    // The keys in the input's order, as DRF's OrderedDict has them.
    CHECK(errors<Texts>(R"({"f": {"z": null, "a": null}})").dump() ==
          R"({"f":{"z":["This field may not be null."],"a":["This field may not be null."]}})");
}

TEST_CASE("A dict field refuses anything but an object", "[serializers]") {
    CHECK(errors<Texts>(R"({"f": "not a dict"})") ==
          parse(R"({"f": ["Expected a dictionary of items but got type \"str\"."]})"));
    CHECK(errors<Texts>(R"({"f": [1]})") == parse(R"({"f": ["Expected a dictionary of items but got type \"list\"."]})"));
    CHECK(s::validate<Texts>(parse(R"({"f": []})")).full_details()["f"][0]["code"] == "not_a_dict");
}

struct NonEmptyTexts {
    std::map<std::string, std::string> f;
    static constexpr auto fields = s::fields(s::dict_field<&NonEmptyTexts::f>(s::char_field(), {.allow_empty = false}));
};
struct NonEmptyAny {
    std::map<std::string, Json> f;
    static constexpr auto fields = s::fields(s::dict_field<&NonEmptyAny::f>().allow_empty(false));
};

TEST_CASE("A dict field with allow_empty false refuses an empty object", "[serializers]") {
    CHECK(errors<NonEmptyTexts>(R"({"f": {}})") == parse(R"({"f": ["This dictionary may not be empty."]})"));
    CHECK(errors<NonEmptyAny>(R"({"f": {}})") == parse(R"({"f": ["This dictionary may not be empty."]})"));
    CHECK(s::validate<NonEmptyAny>(parse(R"({"f": {}})")).full_details()["f"][0]["code"] == "empty");
}

struct NullableDict {
    std::optional<std::map<std::string, Json>> f;
    static constexpr auto fields = s::fields(s::dict_field<&NullableDict::f>().allow_null());
};

TEST_CASE("A dict field with allow_null takes null", "[serializers]") {
    CHECK_FALSE(valid<NullableDict>(R"({"f": null})").f.has_value());
}

struct NestedTexts {
    std::map<std::string, std::map<std::string, std::string>> f;
    static constexpr auto fields = s::fields(s::dict_field<&NestedTexts::f>(s::dict_field(s::char_field())));
};

TEST_CASE("A dict field of dict fields nests its errors by key", "[serializers]") {
    // DRF's TestNestedDictField (its int keys 0 and 1 are "0" and "1" in JSON).
    auto n = valid<NestedTexts>(R"({"f": {"0": {"a": 1, "b": "2"}, "1": {"3": 3}}})");
    CHECK(n.f == std::map<std::string, std::map<std::string, std::string>>{{"0", {{"a", "1"}, {"b", "2"}}}, {"1", {{"3", "3"}}}});
    CHECK(errors<NestedTexts>(R"({"f": {"0": {"a": 1, "b": null}, "1": {"c": null}}})") ==
          parse(R"({"f": {"0": {"b": ["This field may not be null."]}, "1": {"c": ["This field may not be null."]}}})"));
    CHECK(errors<NestedTexts>(R"({"f": {"0": "not a dict"}})") ==
          parse(R"({"f": {"0": ["Expected a dictionary of items but got type \"str\"."]}})"));
    CHECK(s::render<NestedTexts>(n) == parse(R"({"f": {"0": {"a": "1", "b": "2"}, "1": {"3": "3"}}})"));
}

struct NullableTexts {
    std::map<std::string, std::optional<std::string>> f;
    static constexpr auto fields = s::fields(s::dict_field<&NullableTexts::f>(s::nullable(s::char_field())));
};

TEST_CASE("A dict field with a nullable child keeps nulls", "[serializers]") {
    // DRF's TestDictFieldWithNullChild.
    auto n = valid<NullableTexts>(R"({"f": {"a": null, "b": "2", "3": 3}})");
    CHECK(n.f == std::map<std::string, std::optional<std::string>>{{"a", std::nullopt}, {"b", "2"}, {"3", "3"}});
    CHECK(s::render<NullableTexts>(n) == parse(R"({"f": {"3": "3", "a": null, "b": "2"}})"));
}

struct Anything {
    std::map<std::string, Json> f;
    static constexpr auto fields = s::fields(s::dict_field<&Anything::f>());
};

TEST_CASE("A dict field without a child keeps any JSON values", "[serializers]") {
    // DRF's TestUnvalidatedDictField.
    auto a = valid<Anything>(R"({"f": {"a": 1, "b": [4, 5, 6], "1": 123, "n": null}})");
    CHECK(a.f == std::map<std::string, Json>{{"a", 1}, {"b", parse("[4, 5, 6]")}, {"1", 123}, {"n", nullptr}});
    CHECK(errors<Anything>(R"({"f": "not a dict"})") ==
          parse(R"({"f": ["Expected a dictionary of items but got type \"str\"."]})"));
    Anything out;
    out.f = {{"a", 1}, {"b", parse("[4, 5, 6]")}};
    CHECK(s::render<Anything>(out) == parse(R"({"f": {"a": 1, "b": [4, 5, 6]}})"));
}

struct ScoresList {
    std::vector<std::map<std::string, std::int64_t>> f;
    static constexpr auto fields = s::fields(s::list_field<&ScoresList::f>(s::dict_field(s::integer_field())));
};

TEST_CASE("A dict field is a list field's child", "[serializers]") {
    CHECK(valid<ScoresList>(R"({"f": [{"a": 1}, {}]})").f.size() == 2);
    CHECK(errors<ScoresList>(R"({"f": [{"a": 1}, {"b": "x"}]})") ==
          parse(R"({"f": {"1": {"b": ["A valid integer is required."]}}})"));
}

TEST_CASE("A dict field renders the same text through the fast writer", "[serializers]") {
    auto n = valid<NestedTexts>(R"({"f": {"0": {"a": 1}}})");
    std::string text;
    s::render_to<NestedTexts>(text, n);
    CHECK(text == s::render<NestedTexts>(n).dump());
}

// --- HStoreField ---------------------------------------------------------------------------------

struct Store {
    std::map<std::string, std::optional<std::string>> f;
    static constexpr auto fields = s::fields(s::hstore_field<&Store::f>());
};

TEST_CASE("An hstore field holds nullable text values, blank included", "[serializers]") {
    // DRF's TestHStoreField.
    CHECK(valid<Store>(R"({"f": {"a": 1, "b": "2", "3": 3}})").f ==
          std::map<std::string, std::optional<std::string>>{{"a", "1"}, {"b", "2"}, {"3", "3"}});
    CHECK(valid<Store>(R"({"f": {"a": 1, "b": null}})").f ==
          std::map<std::string, std::optional<std::string>>{{"a", "1"}, {"b", std::nullopt}});
    CHECK(valid<Store>(R"({"f": {"a": ""}})").f == std::map<std::string, std::optional<std::string>>{{"a", ""}});
    CHECK(errors<Store>(R"({"f": "not a dict"})") ==
          parse(R"({"f": ["Expected a dictionary of items but got type \"str\"."]})"));
    CHECK(errors<Store>(R"({"f": {"a": [1]}})") == parse(R"({"f": {"a": ["Not a valid string."]}})"));
    Store out;
    out.f = {{"a", "1"}, {"b", "2"}, {"3", "3"}};
    CHECK(s::render<Store>(out) == parse(R"({"f": {"3": "3", "a": "1", "b": "2"}})"));
}

// DRF's HStoreField(child=IntegerField()) assertion: hstore_field takes no child at all.

// --- JSONField -----------------------------------------------------------------------------------

struct Meta {
    Json f;
    static constexpr auto fields = s::fields(s::json_field<&Meta::f>());
};

TEST_CASE("A JSON field keeps any JSON value", "[serializers]") {
    // DRF's TestJSONField. Its invalid inputs, a set and float('inf'), cannot be written in JSON.
    const char* body = R"({"f": {"a": 1, "b": ["some", "list", true, 1.23], "3": null}})";
    auto m = valid<Meta>(body);
    CHECK(m.f == parse(R"({"a": 1, "b": ["some", "list", true, 1.23], "3": null})"));
    CHECK(valid<Meta>(R"({"f": "text"})").f == "text");
    CHECK(s::render<Meta>(m) == parse(body));
    CHECK(errors<Meta>(R"({"f": null})") == parse(R"({"f": ["This field may not be null."]})"));
}

struct Blob {
    Json f;
    static constexpr auto fields = s::fields(s::json_field<&Blob::f>({.binary = true}));
};

TEST_CASE("A binary JSON field parses JSON text and renders JSON text", "[serializers]") {
    // DRF's TestBinaryJSONField; its input is bytes, a JSON string here.
    auto b = valid<Blob>(R"({"f": "{\"a\": 1, \"3\": null, \"b\": [\"some\", \"list\", true, 1.23]}"})");
    CHECK(b.f == parse(R"({"a": 1, "3": null, "b": ["some", "list", true, 1.23]})"));
    CHECK(errors<Blob>(R"({"f": "{\"a\": \"unterminated string}"})") == parse(R"({"f": ["Value must be valid JSON."]})"));
    // json.loads refuses what is not text, and Python's NaN is not JSON either.
    CHECK(errors<Blob>(R"({"f": {"a": 1}})") == parse(R"({"f": ["Value must be valid JSON."]})"));
    CHECK(errors<Blob>(R"({"f": 1})") == parse(R"({"f": ["Value must be valid JSON."]})"));
    CHECK(s::validate<Blob>(parse(R"({"f": 1})")).full_details()["f"][0]["code"] == "invalid");
    // The output is json.dumps text, as DRF's bytes reach the client.
    Blob out;
    out.f = parse(R"(["some", "list", true, 1.23])");
    CHECK(s::render<Blob>(out) == parse(R"({"f": "[\"some\", \"list\", true, 1.23]"})"));
    out.f = parse(R"({"a": [1, "é", 1.0, {}], "b": []})");
    CHECK(s::render<Blob>(out) == parse(R"({"f": "{\"a\": [1, \"\\u00e9\", 1.0, {}], \"b\": []}"})"));
}

// --- FilePathField -------------------------------------------------------------------------------

constexpr std::string_view this_file = __FILE__;
constexpr std::string_view this_dir = this_file.substr(0, this_file.rfind('/'));

struct Source {
    std::string f;
    static constexpr auto fields = s::fields(s::file_path_field<&Source::f>({.path = this_dir}));
};

TEST_CASE("A file path field takes the path of a file in its directory", "[serializers]") {
    // DRF's TestFilePathField, over the directory of this file.
    const std::string body = Json::object({{"f", std::string(this_file)}}).dump();
    CHECK(valid<Source>(body.c_str()).f == this_file);
    CHECK(errors<Source>(R"({"f": "wrong_path"})") == parse(R"({"f": ["\"wrong_path\" is not a valid path choice."]})"));
    CHECK(s::validate<Source>(parse(R"({"f": "x"})")).full_details()["f"][0]["code"] == "invalid_choice");
    // Django's field is built with required=None, which adds its blank "---------" choice.
    CHECK(valid<Source>(R"({"f": ""})").f.empty());
}

// A directory tree for the listing rules, removed when the test ends.
struct Tree {
    std::filesystem::path root = std::filesystem::temp_directory_path() / "drf-collection-fields-test";
    Tree() {
        std::filesystem::remove_all(root);
        for (const char* d : {"sub", "sub/deeper", "__pycache__", "b_dir"}) std::filesystem::create_directories(root / d);
        for (const char* f : {"a.txt", "c.py", "sub/z.txt", "sub/deeper/d.txt", "__pycache__/x.txt"})
            std::ofstream(root / f) << "x";
    }
    ~Tree() { std::filesystem::remove_all(root); }
    std::string path(const char* rel = nullptr) const { return rel ? (root / rel).string() : root.string(); }
};

std::vector<std::string> listed(const Tree& t, s::FilePathOptions o) {
    const std::string dir = t.path();
    o.path = dir;
    std::vector<std::string> out;
    for (auto& p : s::detail::file_path_choices(o)) out.push_back(p.substr(dir.size()));
    return out;
}

TEST_CASE("A file path field lists its choices as Django's FilePathField does", "[serializers]") {
    const Tree t;
    using V = std::vector<std::string>;
    SECTION("the directory's files, sorted by name") { CHECK(listed(t, {}) == V{"/a.txt", "/c.py"}); }
    SECTION("a match is searched in the name") { CHECK(listed(t, {.match = R"(\.txt$)"}) == V{"/a.txt"}); }
    SECTION("folders only, never __pycache__") {
        CHECK(listed(t, {.allow_files = false, .allow_folders = true}) == V{"/b_dir", "/sub"});
    }
    SECTION("recursive: each directory's files then folders, directories in path order") {
        CHECK(listed(t, {.recursive = true, .allow_folders = true}) ==
              V{"/a.txt", "/c.py", "/b_dir", "/sub", "/__pycache__/x.txt", "/sub/z.txt", "/sub/deeper",
                "/sub/deeper/d.txt"});
        CHECK(listed(t, {.match = R"(.*\.txt)", .recursive = true}) ==
              V{"/a.txt", "/__pycache__/x.txt", "/sub/z.txt", "/sub/deeper/d.txt"});
    }
    SECTION("a missing directory has no choices") {
        CHECK(s::detail::file_path_choices({.path = "/nonexistent/drf"}).empty());
    }
    SECTION("validation reads the directory as it is") {
        const auto field = s::file_path_field({.path = "/nonexistent/drf"});
        std::string out;
        Json slot;
        CHECK(field.kind.to_internal(Json("/nonexistent/drf/a"), out, slot, {}) == s::Step::invalid);
        CHECK(slot == parse(R"([{"message": "\"/nonexistent/drf/a\" is not a valid path choice.", "code": "invalid_choice"}])"));
    }
}

// --- the other spellings --------------------------------------------------------------------------

struct Inner {
    std::map<std::string, std::int64_t> scores;
    Json meta;
    std::string path;
};
struct Outer {
    Inner inner;
    std::vector<std::set<std::string>> picks;
    std::vector<Json> blobs;
    int rating = 0;
};
struct OuterSerializer {
    static constexpr auto fields = s::fields(
        s::dict_field("scores", s::source(&Outer::inner, &Inner::scores), s::integer_field()),
        s::json_field("meta", s::source(&Outer::inner, &Inner::meta), {.binary = true}),
        s::file_path_field("path", s::source(&Outer::inner, &Inner::path), {.path = this_dir}),
        s::list_field<&Outer::picks>(s::multiple_choice_field(s::choices("a", "b"))),
        s::list_field<&Outer::blobs>(s::json_field({.binary = true})),
        s::choice_field<&Outer::rating>("stars", s::choices(1, 2)));
};

TEST_CASE("Collection fields take a source path, a key, or serve as a list's child", "[serializers]") {
    Outer o;
    o.inner.scores = {{"a", 1}};
    o.inner.meta = parse("[1]");
    o.inner.path = "p";
    o.picks = {{"b", "a"}};
    o.blobs = {parse(R"({"x": null})")};
    o.rating = 2;
    CHECK(s::render<OuterSerializer>(o) ==
          parse(R"({"scores": {"a": 1}, "meta": "[1]", "path": "p", "picks": [["a", "b"]], "blobs": ["{\"x\": null}"], "stars": 2})"));
    auto result = s::validate<OuterSerializer>(parse(R"({"picks": [["a"], ["c"]], "blobs": ["{"], "stars": "2"})"));
    CHECK(result.errors() == parse(R"({"picks": {"1": ["\"c\" is not a valid choice."]}, "blobs": {"0": ["Value must be valid JSON."]}})"));
}

// --- OpenAPI -------------------------------------------------------------------------------------

struct Everything {
    std::set<std::string> tags;
    int rating = 1;
    std::map<std::string, std::int64_t> scores;
    std::map<std::string, Json> anything;
    std::map<std::string, std::optional<std::string>> store;
    Json meta;
    Json blob;
    static constexpr auto fields = s::fields(
        s::multiple_choice_field<&Everything::tags>(s::choices("a", "b")),
        s::choice_field<&Everything::rating>(s::choices(1, 2, 3)), s::dict_field<&Everything::scores>(s::integer_field()),
        s::dict_field<&Everything::anything>(), s::hstore_field<&Everything::store>(), s::json_field<&Everything::meta>(),
        s::json_field<&Everything::blob>({.binary = true}));
};

TEST_CASE("Collection fields have drf-spectacular's schemas", "[serializers][openapi]") {
    drf::openapi::Components components;
    drf::openapi::serializer_schema<Everything>(components, drf::openapi::Direction::request);
    const Json all = components.schemas();
    INFO(all.dump(1));
    const Json& p = all["Everything"]["properties"];
    CHECK(p["tags"] == parse(R"({"type": "array", "items": {"$ref": "#/components/schemas/TagsEnum"}})"));
    CHECK(all["TagsEnum"]["enum"] == parse(R"(["a", "b"])"));
    CHECK(p["rating"] == parse(R"({"$ref": "#/components/schemas/RatingEnum"})"));
    CHECK(all["RatingEnum"]["enum"] == parse("[1, 2, 3]"));
    CHECK(all["RatingEnum"]["type"] == "integer");
    CHECK(p["scores"] == parse(R"({"type": "object", "additionalProperties": {"type": "integer"}})"));
    CHECK(p["anything"] == parse(R"({"type": "object", "additionalProperties": {}})"));
    // OpenAPI 3.1's null type where drf-spectacular's 3.0 output says "nullable": true.
    CHECK(p["store"] == parse(R"({"type": "object", "additionalProperties": {"type": ["string", "null"]}})"));
    CHECK(p["meta"] == parse(R"({"type": "object", "additionalProperties": {}})"));
    CHECK(p["blob"] == parse(R"({"type": "object", "additionalProperties": {}})"));
}

TEST_CASE("A file path field's schema lists its paths and the blank choice", "[serializers][openapi]") {
    const Tree t;
    const std::string dir = t.path();
    const auto field = s::file_path_field({.path = dir});
    const Json schema = field.kind.openapi_schema();
    CHECK(schema["enum"] == Json::array({t.path("a.txt"), t.path("c.py"), ""}));
    CHECK(schema["type"] == "string");
}

}  // namespace collection_fields_test
