// tests/serializers/fields_test.cpp — each field kind's input rules and messages, checked against what
// DRF 3.14 returns for the same input (see the reference table in docs/serializers.md).
#include <drf/serializers.hpp>

#include <catch2/catch.hpp>

#include <cmath>
#include <optional>
#include <string>
#include <vector>

namespace fields_test {

namespace s = drf::serializers;
using drf::Json;

// Errors for `body` under serializer S, as DRF's serializer.errors renders them.
template <class S>
std::string errors(const char* body) {
    return s::validate<S>(Json::parse(body)).errors().dump();
}

template <class S>
auto valid(const char* body) {
    auto result = s::validate<S>(Json::parse(body));
    INFO(result.errors().dump());
    REQUIRE(result);
    return std::move(result).value();
}

struct Name {
    std::string name;
    std::string description;
    static constexpr auto fields = s::fields(s::char_field<&Name::name>().max_length(200),
                                             s::char_field<&Name::description>().optional().allow_blank());
};

struct Short {
    std::string f;
    static constexpr auto fields = s::fields(s::char_field<&Short::f>().min_length(3).max_length(5));
};

struct Untrimmed {
    std::string f;
    static constexpr auto fields = s::fields(s::char_field<&Untrimmed::f>().trim_whitespace(false));
};

struct NullableText {
    std::optional<std::string> f;
    static constexpr auto fields = s::fields(s::char_field<&NullableText::f>().allow_null());
};

struct Int {
    int f = 0;
    static constexpr auto fields = s::fields(s::integer_field<&Int::f>().min_value(1).max_value(10));
};

struct Small {
    std::int8_t f = 0;
    static constexpr auto fields = s::fields(s::integer_field<&Small::f>());
};

struct Float {
    double f = 0;
    static constexpr auto fields = s::fields(s::float_field<&Float::f>().min_value(0.5).max_value(2.5));
};

struct FloatIntBounds {
    double f = 0;
    static constexpr auto fields = s::fields(s::float_field<&FloatIntBounds::f>().min_value(0).max_value(2.0));
};

struct Bool {
    bool f = false;
    static constexpr auto fields = s::fields(s::boolean_field<&Bool::f>());
};

struct NullableBool {
    std::optional<bool> f = false;
    static constexpr auto fields = s::fields(s::boolean_field<&NullableBool::f>().allow_null());
};

struct Id {
    drf::Uuid f{};
    static constexpr auto fields = s::fields(s::uuid_field<&Id::f>());
};

struct When {
    drf::DateTime f;
    static constexpr auto fields = s::fields(s::datetime_field<&When::f>());
};

struct Status {
    std::string f;
    static constexpr auto fields = s::fields(s::choice_field<&Status::f>(s::choices("draft", "published")));
};

enum class Level { low, high };
struct Levelled {
    Level f = Level::low;
    static constexpr auto fields =
        s::fields(s::choice_field<&Levelled::f>(s::choices(s::choice("low", Level::low), s::choice("high", Level::high))));
};

struct Email {
    std::string f;
    static constexpr auto fields = s::fields(s::email_field<&Email::f>());
};

// --- char ----------------------------------------------------------------------------------------

TEST_CASE("A missing required field is reported under its name with DRF's message", "[serializers]") {
    CHECK(errors<Name>("{}") == R"({"name":["This field is required."]})");
}

TEST_CASE("A blank or whitespace-only string is 'This field may not be blank.'", "[serializers]") {
    CHECK(errors<Name>(R"({"name": ""})") == R"({"name":["This field may not be blank."]})");
    CHECK(errors<Name>(R"({"name": "   "})") == R"({"name":["This field may not be blank."]})");
}

TEST_CASE("null is 'This field may not be null.' unless the field allows null", "[serializers]") {
    CHECK(errors<Name>(R"({"name": null})") == R"({"name":["This field may not be null."]})");
    CHECK(errors<Name>(R"({"name": "ok", "description": null})") == R"({"description":["This field may not be null."]})");
    CHECK_FALSE(valid<NullableText>(R"({"f": null})").f.has_value());
    CHECK(errors<NullableText>(R"({"f": ""})") == R"({"f":["This field may not be blank."]})");
    CHECK(valid<NullableText>(R"({"f": "null"})").f == "null");
}

TEST_CASE("A char field accepts numbers as their Python str() and rejects other types", "[serializers]") {
    CHECK(valid<Name>(R"({"name": 42})").name == "42");
    CHECK(valid<Name>(R"({"name": 1.5})").name == "1.5");
    CHECK(valid<Name>(R"({"name": 1e20})").name == "1e+20");
    CHECK(valid<Name>(R"({"name": 1.0})").name == "1.0");
    CHECK(valid<Name>(R"({"name": 1e16})").name == "1e+16");
    CHECK(valid<Name>(R"({"name": -0.0})").name == "-0.0");
    CHECK(valid<Name>(R"({"name": 0.1})").name == "0.1");
    for (const char* bad : {R"({"name": true})", R"({"name": false})", R"({"name": [1]})", R"({"name": {"a":1}})"}) {
        INFO(bad);
        CHECK(errors<Name>(bad) == R"({"name":["Not a valid string."]})");
    }
}

TEST_CASE("max_length and min_length count characters, after trimming", "[serializers]") {
    CHECK(errors<Name>(("{\"name\": \"" + std::string(201, 'x') + "\"}").c_str()) ==
          R"({"name":["Ensure this field has no more than 200 characters."]})");
    std::string e200;
    for (int i = 0; i < 200; ++i) e200 += "\xc3\xa9";  // é, two bytes each
    CHECK(valid<Name>(("{\"name\": \"" + e200 + "\"}").c_str()).name == e200);
    CHECK(valid<Name>(("{\"name\": \"  " + std::string(200, 'x') + "  \"}").c_str()).name == std::string(200, 'x'));
    CHECK(errors<Short>(R"({"f": "ab"})") == R"({"f":["Ensure this field has at least 3 characters."]})");
    CHECK(errors<Short>(R"({"f": "  ab  "})") == R"({"f":["Ensure this field has at least 3 characters."]})");
    CHECK(errors<Short>(R"({"f": "abcdef"})") == R"({"f":["Ensure this field has no more than 5 characters."]})");
    CHECK(errors<Short>(R"({"f": ""})") == R"({"f":["This field may not be blank."]})");
}

TEST_CASE("Char fields trim Unicode whitespace as Python's str.strip() does, unless told not to", "[serializers]") {
    CHECK(valid<Name>(R"({"name": "  hi  "})").name == "hi");
    CHECK(valid<Name>(R"({"name": "\u3000hi\u3000"})").name == "hi");
    CHECK(valid<Name>(R"({"name": "\t\n hi \r\n"})").name == "hi");
    CHECK(valid<Name>(R"({"name": "\u00a0hi\u200b"})").name == "hi\u200b");  // U+200B is not whitespace
    CHECK(valid<Untrimmed>(R"({"f": "  hi  "})").f == "  hi  ");
    CHECK(valid<Untrimmed>(R"({"f": "   "})").f == "   ");
}

TEST_CASE("Null characters in text are rejected", "[serializers]") {
    CHECK(errors<Name>(R"({"name": "a\u0000b"})") == R"({"name":["Null characters are not allowed."]})");
}

TEST_CASE("allow_blank turns blank input into an empty string", "[serializers]") {
    CHECK(valid<Name>(R"({"name": "ok", "description": "   "})").description.empty());
}

// --- integer and float ---------------------------------------------------------------------------

TEST_CASE("An integer field accepts integral numbers and numeric strings as DRF does", "[serializers]") {
    for (const char* ok : {R"({"f": 5})", R"({"f": "5"})", R"({"f": 5.0})", R"({"f": "5.0"})", R"({"f": "5."})",
                           R"({"f": "5.000 "})", R"({"f": " 5 "})", R"({"f": "+5"})"}) {
        INFO(ok);
        CHECK(valid<Int>(ok).f == 5);
    }
    CHECK(valid<Int>(R"({"f": "1_0"})").f == 10);
    CHECK(valid<Int>(R"({"f": 1e0})").f == 1);
}

TEST_CASE("An integer field rejects what is not an integer with 'A valid integer is required.'", "[serializers]") {
    for (const char* bad : {R"({"f": 5.5})", R"({"f": "5.5"})", R"({"f": true})", R"({"f": false})", R"({"f": "abc"})",
                            R"({"f": ""})", R"({"f": "0x5"})", R"({"f": "5e0"})", R"({"f": [5]})", R"({"f": {}})",
                            R"({"f": 1e20})", R"({"f": "1__0"})", R"({"f": "_1"})"}) {
        INFO(bad);
        CHECK(errors<Int>(bad) == R"({"f":["A valid integer is required."]})");
    }
}

TEST_CASE("Integer bounds give DRF's min_value and max_value messages", "[serializers]") {
    CHECK(errors<Int>(R"({"f": 0})") == R"({"f":["Ensure this value is greater than or equal to 1."]})");
    CHECK(errors<Int>(R"({"f": "-0"})") == R"({"f":["Ensure this value is greater than or equal to 1."]})");
    CHECK(errors<Int>(R"({"f": 11})") == R"({"f":["Ensure this value is less than or equal to 10."]})");
    CHECK(errors<Int>(R"({"f": 1e3})") == R"({"f":["Ensure this value is less than or equal to 10."]})");
    CHECK(errors<Int>(("{\"f\": \"" + std::string(1000, '1') + "\"}").c_str()) ==
          R"({"f":["Ensure this value is less than or equal to 10."]})");
}

TEST_CASE("A number string over 1000 characters is 'String value too large.'", "[serializers]") {
    const std::string body = "{\"f\": \"" + std::string(1001, '1') + "\"}";
    CHECK(errors<Int>(body.c_str()) == R"({"f":["String value too large."]})");
    CHECK(errors<Float>(body.c_str()) == R"({"f":["String value too large."]})");
}

TEST_CASE("An integer too big for the member's type is reported against the type's limit", "[serializers]") {
    CHECK(errors<Small>(R"({"f": 128})") == R"({"f":["Ensure this value is less than or equal to 127."]})");
    CHECK(errors<Small>(R"({"f": -129})") == R"({"f":["Ensure this value is greater than or equal to -128."]})");
    CHECK(errors<Small>(R"({"f": "99999999999999999999999999999999999999999999"})") ==
          R"({"f":["Ensure this value is less than or equal to 127."]})");
    CHECK(valid<Small>(R"({"f": -128})").f == -128);
}

TEST_CASE("A float field accepts numbers, numeric strings and true, as Python's float() does", "[serializers]") {
    CHECK(valid<Float>(R"({"f": 1.5})").f == 1.5);
    CHECK(valid<Float>(R"({"f": "1.5"})").f == 1.5);
    CHECK(valid<Float>(R"({"f": " 1.5 "})").f == 1.5);
    CHECK(valid<Float>(R"({"f": true})").f == 1.0);
    CHECK(valid<Float>(R"({"f": 1})").f == 1.0);
    CHECK(valid<Float>(R"({"f": "1e0"})").f == 1.0);
    CHECK(errors<Float>(R"({"f": "abc"})") == R"({"f":["A valid number is required."]})");
    CHECK(errors<Float>(R"({"f": ""})") == R"({"f":["A valid number is required."]})");
    CHECK(errors<Float>(R"({"f": [1]})") == R"({"f":["A valid number is required."]})");
}

TEST_CASE("Float bounds are printed as the user wrote them: 2.5, 2.0, or an integer", "[serializers]") {
    CHECK(errors<Float>(R"({"f": 3})") == R"({"f":["Ensure this value is less than or equal to 2.5."]})");
    CHECK(errors<Float>(R"({"f": 0.1})") == R"({"f":["Ensure this value is greater than or equal to 0.5."]})");
    CHECK(errors<Float>(R"({"f": "1_0.5"})") == R"({"f":["Ensure this value is less than or equal to 2.5."]})");
    CHECK(errors<FloatIntBounds>(R"({"f": 3})") == R"({"f":["Ensure this value is less than or equal to 2.0."]})");
    CHECK(errors<FloatIntBounds>(R"({"f": -1})") == R"({"f":["Ensure this value is greater than or equal to 0."]})");
}

// --- boolean, UUID, datetime ---------------------------------------------------------------------

TEST_CASE("A boolean field accepts exactly DRF's true and false spellings", "[serializers]") {
    for (const char* t : {"true", "\"true\"", "\"True\"", "\"TRUE\"", "\"t\"", "\"T\"", "\"y\"", "\"yes\"", "\"Yes\"",
                          "\"on\"", "\"1\"", "1", "1.0"}) {
        INFO(t);
        CHECK(valid<Bool>((std::string(R"({"f": )") + t + "}").c_str()).f == true);
    }
    for (const char* f : {"false", "\"false\"", "\"f\"", "\"n\"", "\"no\"", "\"off\"", "\"0\"", "0", "0.0"}) {
        INFO(f);
        CHECK(valid<Bool>((std::string(R"({"f": )") + f + "}").c_str()).f == false);
    }
    for (const char* bad : {"\"tRUE\"", "2", "-1", "\"maybe\"", "\"\"", "\" true\"", "\"null\"", "[]"}) {
        INFO(bad);
        CHECK(errors<Bool>((std::string(R"({"f": )") + bad + "}").c_str()) == R"({"f":["Must be a valid boolean."]})");
    }
}

TEST_CASE("A nullable boolean also reads '', 'null' and null as null", "[serializers]") {
    CHECK_FALSE(valid<NullableBool>(R"({"f": null})").f.has_value());
    CHECK_FALSE(valid<NullableBool>(R"({"f": ""})").f.has_value());
    CHECK_FALSE(valid<NullableBool>(R"({"f": "null"})").f.has_value());
    CHECK(errors<NullableBool>(R"({"f": "None"})") == R"({"f":["Must be a valid boolean."]})");
}

TEST_CASE("A UUID field accepts Python's UUID spellings and integers, and says 'Must be a valid UUID.'", "[serializers]") {
    CHECK(drf::to_string(valid<Id>(R"({"f": "A1B2C3D4-E5F6-4789-ABCD-EF0123456789"})").f) ==
          "a1b2c3d4-e5f6-4789-abcd-ef0123456789");
    CHECK(drf::to_string(valid<Id>(R"({"f": "urn:uuid:a1b2c3d4e5f64789abcdef0123456789"})").f) ==
          "a1b2c3d4-e5f6-4789-abcd-ef0123456789");
    CHECK(drf::to_string(valid<Id>(R"({"f": 123})").f) == "00000000-0000-0000-0000-00000000007b");
    CHECK(drf::to_string(valid<Id>(R"({"f": true})").f) == "00000000-0000-0000-0000-000000000001");
    for (const char* bad : {R"({"f": "not-a-uuid"})", R"({"f": ""})", R"({"f": -1})", R"({"f": 1.5})", R"({"f": []})",
                            R"({"f": " a1b2c3d4-e5f6-4789-abcd-ef0123456789 "})"}) {
        INFO(bad);
        CHECK(errors<Id>(bad) == R"({"f":["Must be a valid UUID."]})");
    }
}

TEST_CASE("A datetime field parses ISO 8601 into UTC and names the accepted format on error", "[serializers]") {
    CHECK(drf::to_iso8601(valid<When>(R"({"f": "2026-11-23T19:43:37+02:00"})").f) == "2026-11-23T17:43:37Z");
    CHECK(drf::to_iso8601(valid<When>(R"({"f": "2026-11-23T19:43:37Z\n"})").f) == "2026-11-23T19:43:37Z");
    const std::string message =
        R"({"f":["Datetime has wrong format. Use one of these formats instead: YYYY-MM-DDThh:mm[:ss[.uuuuuu]][+HH:MM|-HH:MM|Z]."]})";
    for (const char* bad : {R"({"f": "2026-11-23"})", R"({"f": "garbage"})", R"({"f": 123})", R"({"f": ""})",
                            R"({"f": "2026-02-29T00:00:00Z"})"}) {
        INFO(bad);
        CHECK(errors<When>(bad) == message);
    }
}

TEST_CASE("A datetime its offset carries out of range is 'Datetime value out of range.', never a wrapped date", "[serializers]") {
    const std::string overflow = R"({"f":["Datetime value out of range."]})";
    CHECK(errors<When>(R"({"f": "9999-12-31T21:59:59.99990-03:00"})") == overflow);
    CHECK(errors<When>(R"({"f": "0001-01-01T01:00:00+02:00"})") == overflow);
    // Django accepts years before 1400; drf::DateTime (Boost.date_time) cannot hold them.
    CHECK(errors<When>(R"({"f": "1399-12-31T00:00:00Z"})") == overflow);
    CHECK(drf::to_iso8601(valid<When>(R"({"f": "9999-12-31T20:59:59.99990-03:00"})").f) == "9999-12-31T23:59:59.999900Z");
}

// --- choice and email ----------------------------------------------------------------------------

TEST_CASE("A choice field looks up str(input) and quotes it in '\"x\" is not a valid choice.'", "[serializers]") {
    CHECK(valid<Status>(R"({"f": "draft"})").f == "draft");
    CHECK(errors<Status>(R"({"f": "x"})") == R"({"f":["\"x\" is not a valid choice."]})");
    CHECK(errors<Status>(R"({"f": "Draft"})") == R"({"f":["\"Draft\" is not a valid choice."]})");
    CHECK(errors<Status>(R"({"f": 1})") == R"({"f":["\"1\" is not a valid choice."]})");
    CHECK(errors<Status>(R"({"f": true})") == R"({"f":["\"True\" is not a valid choice."]})");
    CHECK(errors<Status>(R"({"f": ""})") == R"({"f":["\"\" is not a valid choice."]})");
    CHECK(errors<Status>(R"({"f": []})") == R"({"f":["\"[]\" is not a valid choice."]})");
    CHECK(errors<Status>(R"({"f": {}})") == R"({"f":["\"{}\" is not a valid choice."]})");
}

TEST_CASE("A choice field maps client text to an enum and renders the enum back as its text", "[serializers]") {
    CHECK(valid<Levelled>(R"({"f": "high"})").f == Level::high);
    Levelled l;
    l.f = Level::high;
    CHECK(s::render<Levelled>(l).dump() == R"({"f":"high"})");
}

TEST_CASE("An email field follows Django's EmailValidator", "[serializers]") {
    for (const char* ok : {"a@b.co", "a@localhost", "a@[127.0.0.1]", "a@[::1]", "\\\"quoted\\\"@x.com", "a@b.c0",
                           "a@\u00e9xample.com", "a+tag@x.com", "a@B.CO"}) {
        INFO(ok);
        CHECK(s::validate<Email>(Json::parse(std::string(R"({"f": ")") + ok + "\"}")));
    }
    CHECK(valid<Email>(R"({"f": "A@B.CO "})").f == "A@B.CO");
    for (const char* bad : {"not-an-email", "a@b", "a@[IPv6:::1]", "a..b@x.com", "a.@x.com", "a@-x.com", "a@x-.com",
                            "a@b.c", "a@b.co.", "a b@x.com", "\u00e9@x.com", "@x.com", "a@", "a@b@c.com"}) {
        INFO(bad);
        CHECK(errors<Email>((std::string(R"({"f": ")") + bad + "\"}").c_str()) == R"({"f":["Enter a valid email address."]})");
    }
    CHECK(errors<Email>(R"({"f": 42})") == R"({"f":["Enter a valid email address."]})");
    CHECK(errors<Email>(R"({"f": ""})") == R"({"f":["This field may not be blank."]})");
}

}  // namespace fields_test
