// tests/serializers/body_values_test.cpp — the values a parsed body holds beyond nlohmann's (integers
// wider than 64 bits, 1e400 as inf, lone surrogates) through every field kind, with DRF 3.14's answers;
// non-finite floats, refused (stricter than DRF); and walks over wide or deep input that stay linear
// and bounded.
#include <drf/core/json_parse.hpp>
#include <drf/serializers.hpp>

#include <catch2/catch.hpp>

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace body_values_test {

namespace s = drf::serializers;
using drf::Json;

// serializer.errors for a request body (read by drf::parse_json, as request.data() reads it).
template <class S>
std::string errors(const std::string& body) {
    return s::validate<S>(drf::parse_json(body)).errors().dump(-1, ' ', false, Json::error_handler_t::replace);
}

template <class S>
auto valid(const std::string& body) {
    auto result = s::validate<S>(drf::parse_json(body));
    INFO(result.errors().dump(-1, ' ', false, Json::error_handler_t::replace));
    REQUIRE(result);
    return std::move(result).value();
}

struct Text {
    std::string f;
    static constexpr auto fields = s::fields(s::char_field<&Text::f>());
};
struct Int {
    std::int64_t f = 0;
    static constexpr auto fields = s::fields(s::integer_field<&Int::f>());
};
struct BoundedInt {
    int f = 0;
    static constexpr auto fields = s::fields(s::integer_field<&BoundedInt::f>().min_value(0).max_value(10));
};
struct Float {
    double f = 0;
    static constexpr auto fields = s::fields(s::float_field<&Float::f>());
};
struct BoundedFloat {
    double f = 0;
    static constexpr auto fields = s::fields(s::float_field<&BoundedFloat::f>().min_value(0.5).max_value(2.5));
};
struct SmallFloat {
    float f = 0;
    static constexpr auto fields = s::fields(s::float_field<&SmallFloat::f>());
};
struct Status {
    std::string f;
    static constexpr auto fields = s::fields(s::choice_field<&Status::f>(s::choices("draft", "published")));
};
struct Id {
    drf::Uuid f{};
    static constexpr auto fields = s::fields(s::uuid_field<&Id::f>());
};
struct Flag {
    bool f = false;
    static constexpr auto fields = s::fields(s::boolean_field<&Flag::f>());
};
struct When {
    drf::DateTime f;
    static constexpr auto fields = s::fields(s::datetime_field<&When::f>());
};
struct Email {
    std::string f;
    static constexpr auto fields = s::fields(s::email_field<&Email::f>());
};
struct Tags {
    std::vector<std::string> f;
    static constexpr auto fields = s::fields(s::list_field<&Tags::f>(s::char_field()));
};
struct Scores {
    std::vector<std::int64_t> f;
    static constexpr auto fields = s::fields(s::list_field<&Scores::f>(s::integer_field()));
};
struct Inner {
    int n = 0;
    static constexpr auto fields = s::fields(s::integer_field<&Inner::n>());
};
struct Outer {
    Inner inner;
    static constexpr auto fields = s::fields(s::nested<Inner, &Outer::inner>());
};
struct Two {
    std::string name;
    int n = 0;
    static constexpr auto fields = s::fields(s::char_field<&Two::name>(), s::integer_field<&Two::n>());
};

const std::string ten_to_30 = "1000000000000000000000000000000";

// `depth` arrays inside one another, built by moves (a copy would recurse).
Json nested_arrays(std::size_t depth) {
    Json value = Json::array();
    for (std::size_t i = 1; i < depth; ++i) {
        Json outer = Json::array();
        outer.push_back(std::move(value));
        value = std::move(outer);
    }
    return value;
}

// --- integers wider than 64 bits, and 1e400 ------------------------------------------------------

TEST_CASE("A char field takes a wide integer as all its digits and 1e400 as 'inf', as DRF's str() does", "[serializers]") {
    CHECK(valid<Text>(R"({"f": )" + ten_to_30 + "}").f == ten_to_30);
    CHECK(valid<Text>(R"({"f": -9223372036854775809})").f == "-9223372036854775809");
    CHECK(valid<Text>(R"({"f": 18446744073709551616})").f == "18446744073709551616");
    CHECK(valid<Text>(R"({"f": 1e400})").f == "inf");
    CHECK(valid<Text>(R"({"f": -1E400})").f == "-inf");
    CHECK(valid<Text>(R"({"f": 1.0e-400})").f == "0.0");
    CHECK(valid<Tags>(R"({"f": [1e400, 100000000000000000000000000]})").f ==
          std::vector<std::string>{"inf", "100000000000000000000000000"});
}

TEST_CASE("An integer field reports a wide integer against its limits; 1e400 is not an integer", "[serializers]") {
    CHECK(errors<Int>(R"({"f": )" + ten_to_30 + "}") == R"({"f":["Ensure this value is less than or equal to 9223372036854775807."]})");
    CHECK(errors<Int>(R"({"f": -)" + ten_to_30 + "}") ==
          R"({"f":["Ensure this value is greater than or equal to -9223372036854775808."]})");
    CHECK(errors<BoundedInt>(R"({"f": )" + ten_to_30 + "}") == R"({"f":["Ensure this value is less than or equal to 10."]})");
    CHECK(errors<Int>(R"({"f": 1e400})") == R"({"f":["A valid integer is required."]})");
    CHECK(errors<Int>(R"({"f": -1e400})") == R"({"f":["A valid integer is required."]})");
}

TEST_CASE("A float field takes a wide integer as Python's float() does, but none past the largest double",
          "[serializers]") {
    CHECK(valid<Float>(R"({"f": )" + ten_to_30 + "}").f == 1e30);
    CHECK(valid<Float>(R"({"f": 1)" + std::string(308, '0') + "}").f == 1e308);
    CHECK(errors<Float>(R"({"f": 1)" + std::string(309, '0') + "}") == R"({"f":["A valid number is required."]})");
}

TEST_CASE("A float field refuses NaN and infinity, from text or from 1e400: 'A valid number is required.'",
          "[serializers]") {
    for (const char* body : {R"({"f": "nan"})", R"({"f": "NaN"})", R"({"f": "-nan"})", R"({"f": "inf"})", R"({"f": "+inf"})",
                             R"({"f": "-Infinity"})", R"({"f": " infinity "})", R"({"f": "1e400"})", R"({"f": 1e400})",
                             R"({"f": -1e400})"}) {
        INFO(body);
        CHECK(errors<Float>(body) == R"({"f":["A valid number is required."]})");
        CHECK(errors<BoundedFloat>(body) == R"({"f":["A valid number is required."]})");  // NaN passed both bounds
    }
    CHECK(errors<SmallFloat>(R"({"f": 1e300})") == R"({"f":["A valid number is required."]})");  // inf as a float
    CHECK(valid<SmallFloat>(R"({"f": 1e30})").f == 1e30f);
    CHECK(valid<Float>(R"({"f": "1e-400"})").f == 0.0);
    CHECK(valid<Float>(R"({"f": 1.7976931348623157e308})").f == 1.7976931348623157e308);
}

TEST_CASE("A choice field quotes str() of a wide integer or of 1e400", "[serializers]") {
    CHECK(errors<Status>(R"({"f": )" + ten_to_30 + "}") == R"({"f":["\")" + ten_to_30 + R"(\" is not a valid choice."]})");
    CHECK(errors<Status>(R"({"f": 1e400})") == R"({"f":["\"inf\" is not a valid choice."]})");
    CHECK(errors<Status>(R"({"f": [)" + ten_to_30 + "]}") == R"({"f":["\"[)" + ten_to_30 + R"(]\" is not a valid choice."]})");
}

TEST_CASE("A UUID field takes a wide integer below 2**128 as uuid.UUID(int=n)", "[serializers]") {
    CHECK(drf::to_string(valid<Id>(R"({"f": )" + ten_to_30 + "}").f) == "0000000c-9f2c-9cd0-4674-edea40000000");
    CHECK(drf::to_string(valid<Id>(R"({"f": 340282366920938463463374607431768211455})").f) ==
          "ffffffff-ffff-ffff-ffff-ffffffffffff");
    for (const char* bad : {"340282366920938463463374607431768211456", "-100000000000000000000", "1e400", "-1"}) {
        INFO(bad);
        CHECK(errors<Id>(std::string(R"({"f": )") + bad + "}") == R"({"f":["Must be a valid UUID."]})");
    }
}

TEST_CASE("Boolean, datetime and nested fields refuse a wide integer with their own message", "[serializers]") {
    CHECK(errors<Flag>(R"({"f": )" + ten_to_30 + "}") == R"({"f":["Must be a valid boolean."]})");
    CHECK(errors<Flag>(R"({"f": 1e400})") == R"({"f":["Must be a valid boolean."]})");
    CHECK(errors<When>(R"({"f": 1e400})") ==
          R"({"f":["Datetime has wrong format. Use one of these formats instead: YYYY-MM-DDThh:mm[:ss[.uuuuuu]][+HH:MM|-HH:MM|Z]."]})");
    CHECK(errors<Outer>(R"({"inner": )" + ten_to_30 + "}") ==
          R"({"inner":{"non_field_errors":["Invalid data. Expected a dictionary, but got int."]}})");
    CHECK(errors<Tags>(R"({"f": )" + ten_to_30 + "}") == R"({"f":["Expected a list of items but got type \"int\"."]})");
}

// --- lone surrogates -----------------------------------------------------------------------------

TEST_CASE("A lone surrogate in a char field is DRF's 'Surrogate characters are not allowed: U+D800.'", "[serializers]") {
    CHECK(errors<Text>(R"({"f": "\ud800"})") == R"({"f":["Surrogate characters are not allowed: U+D800."]})");
    CHECK(errors<Text>(R"({"f": "a\udc00b"})") == R"({"f":["Surrogate characters are not allowed: U+DC00."]})");
    CHECK(errors<Text>(R"({"f": "\udfff\ud800x"})") == R"({"f":["Surrogate characters are not allowed: U+DFFF."]})");
    CHECK(valid<Text>(R"({"f": "\ud83d\ude00"})").f == "\xf0\x9f\x98\x80");  // a pair is one character
    const auto details = s::validate<Text>(drf::parse_json(R"({"f": "\ud800"})")).full_details();
    CHECK(details["f"][0]["code"] == "surrogate_characters_not_allowed");
}

TEST_CASE("An email with a lone surrogate gets the surrogate error and 'Enter a valid email address.'", "[serializers]") {
    for (const char* body : {R"({"f": "\ud800@x.com"})", R"({"f": "a@b\ud800.com"})", R"({"f": "ab@c.com\ud800"})"}) {
        INFO(body);
        CHECK(errors<Email>(body) ==
              R"({"f":["Surrogate characters are not allowed: U+D800.","Enter a valid email address."]})");
    }
}

TEST_CASE("Other kinds refuse a lone surrogate with their own message, as DRF does", "[serializers]") {
    CHECK(errors<Id>(R"({"f": "\ud800"})") == R"({"f":["Must be a valid UUID."]})");
    CHECK(errors<Flag>(R"({"f": "\ud800"})") == R"({"f":["Must be a valid boolean."]})");
    CHECK(errors<Int>(R"({"f": "\ud800"})") == R"({"f":["A valid integer is required."]})");
    CHECK(errors<Float>(R"({"f": "\ud800"})") == R"({"f":["A valid number is required."]})");
    // DRF answers 500 here (its renderer cannot encode the surrogate); drf answers the field error, the
    // surrogate written as U+FFFD in the message itself, so errors() holds UTF-8 only.
    CHECK(s::validate<Status>(drf::parse_json(R"({"f": "a\ud800"})")).errors() ==
          Json::parse("{\"f\": [\"\\\"a\xef\xbf\xbd\\\" is not a valid choice.\"]}"));
    CHECK(errors<Status>(R"({"f": ["\ud800"]})") == R"({"f":["\"['\\ud800']\" is not a valid choice."]})");
    CHECK(errors<Tags>(R"({"f": ["\ud800", "ok", "\udc01"]})") ==
          R"({"f":{"0":["Surrogate characters are not allowed: U+D800."],"2":["Surrogate characters are not allowed: U+DC01."]}})");
}

TEST_CASE("A key with a lone surrogate matches no field", "[serializers]") {
    CHECK(errors<Text>(R"({"\ud800": 1})") == R"({"f":["This field is required."]})");
    CHECK(errors<Text>(R"({"f\ud800": "x"})") == R"({"f":["This field is required."]})");
}

// --- wide and deep input -------------------------------------------------------------------------

TEST_CASE("Fields are found among many unknown keys, the last value of a repeated key winning", "[serializers]") {
    std::string body = "{";
    for (int i = 0; i < 1000; ++i) body += "\"x" + std::to_string(i) + "\": " + std::to_string(i) + ", ";
    body += R"("n": 1, "name": "first", "n": 2, "name": "last"})";
    const auto two = valid<Two>(body);
    CHECK(two.name == "last");
    CHECK(two.n == 2);
    CHECK(errors<Two>(R"({"name": 1, "name": [], "n": "x", "n": 3})") == R"({"name":["Not a valid string."]})");
}

TEST_CASE("A list field with 100k invalid items is answered in time linear in its length", "[serializers]") {
    std::string body = R"({"f": [)";
    for (int i = 0; i < 100'000; ++i) body += "\"x\",";
    body.back() = ']';
    body += '}';
    const auto start = std::chrono::steady_clock::now();
    const auto result = s::validate<Scores>(drf::parse_json(body));
    const Json messages = result.errors();
    const auto elapsed = std::chrono::steady_clock::now() - start;
    REQUIRE_FALSE(result);
    CHECK(messages["f"].size() == 100'000);
    CHECK(messages["f"]["99999"] == Json::array({"A valid integer is required."}));
    // Well under a second when optimised; keyed by ordered_json's operator[] it was O(n²): minutes.
    CHECK(elapsed < std::chrono::seconds(10));
}

TEST_CASE("str() of a value nested deeper than 1000 levels throws JsonTooDeep, never overflowing the stack",
          "[serializers]") {
    // A parsed body is never this deep (JsonLimits::max_depth); a Json built in code can be.
    Json data = Json::object();
    data["f"] = nested_arrays(200'000);
    CHECK_THROWS_AS(s::validate<Status>(data), drf::JsonTooDeep);
    CHECK_THROWS_AS(s::detail::python_str(nested_arrays(drf::json_max_walk_depth + 1)), drf::JsonTooDeep);
    CHECK(s::detail::python_str(nested_arrays(3)) == "[[[]]]");
}

TEST_CASE("A ValidationError carrying a Json nested deeper than 1000 levels throws JsonTooDeep", "[serializers]") {
    Json detail = Json::object();
    detail["f"] = nested_arrays(5000);
    CHECK_THROWS_AS(drf::ValidationError(detail), drf::JsonTooDeep);
    std::string text = "{";
    for (int i = 0; i < 50'000; ++i) text += "\"k" + std::to_string(i) + "\": \"bad\",";
    text.back() = '}';
    const drf::ValidationError e(drf::parse_json(text));  // converted in time linear in its keys
    CHECK(e.detail().size() == 50'000);
    CHECK(e.detail()["k49999"] == Json::array({"bad"}));
}

}  // namespace body_values_test
