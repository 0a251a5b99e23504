// tests/serializers/decimal_field_test.cpp — decimal_field against DRF 3.14's DecimalField: its
// FieldValues tables (TestDecimalField and the others, inputs and expected values kept), DRF's messages
// and codes, rendering as text and as a JSON number, and drf-spectacular's schema.
#include <drf/openapi/serializer.hpp>
#include <drf/serializers.hpp>
#include <drf/serializers/kinds/decimal.hpp>

#include <catch2/catch.hpp>

#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace decimal_field_test {

namespace s = drf::serializers;
using drf::Decimal;
using drf::DecimalTuple;
using drf::Json;

struct Price {
    Decimal f;
};
struct MaybePrice {
    std::optional<Decimal> f;
};

// DRF's FieldValues tables, one serializer per field.
struct Digits3Places1 {  // DecimalField(max_digits=3, decimal_places=1)
    static constexpr auto fields = s::fields(s::decimal_field<&Price::f>({.max_digits = 3, .decimal_places = 1}));
};
struct AllowNull {  // DecimalField(max_digits=3, decimal_places=1, allow_null=True)
    static constexpr auto fields =
        s::fields(s::decimal_field<&MaybePrice::f>({.max_digits = 3, .decimal_places = 1}).allow_null());
};
struct AllowNullNumber {  // ... allow_null=True, coerce_to_string=False
    static constexpr auto fields = s::fields(
        s::decimal_field<&MaybePrice::f>({.max_digits = 3, .decimal_places = 1, .coerce_to_string = false}).allow_null());
};
struct MinMax {  // DecimalField(max_digits=3, decimal_places=1, min_value=10, max_value=20)
    static constexpr auto fields =
        s::fields(s::decimal_field<&Price::f>({.max_digits = 3, .decimal_places = 1}).min_value(10).max_value(20));
};
struct AllowEmptyWithValidators {  // ... allow_null=True, min_value=0, max_value=10
    static constexpr auto fields = s::fields(
        s::decimal_field<&MaybePrice::f>({.max_digits = 3, .decimal_places = 1, .max_value = 10, .min_value = 0}).allow_null());
};
struct NoMaxDigits {  // DecimalField(max_value=100, min_value=0, decimal_places=2, max_digits=None)
    static constexpr auto fields =
        s::fields(s::decimal_field<&Price::f>({.decimal_places = 2}).max_value(100).min_value(0));
};
struct Number {  // DecimalField(max_digits=3, decimal_places=1, coerce_to_string=False)
    static constexpr auto fields =
        s::fields(s::decimal_field<&Price::f>({.max_digits = 3, .decimal_places = 1, .coerce_to_string = false}));
};
struct Digits4Places2 {  // DecimalField(max_digits=4, decimal_places=2)
    static constexpr auto fields = s::fields(s::decimal_field<&Price::f>({.max_digits = 4, .decimal_places = 2}));
};
struct NoDecimalPlaces {  // DecimalField(max_digits=6, decimal_places=None)
    static constexpr auto fields = s::fields(s::decimal_field<&Price::f>({.max_digits = 6}));
};
struct RoundUp {  // DecimalField(max_digits=4, decimal_places=2, rounding=ROUND_UP)
    static constexpr auto fields =
        s::fields(s::decimal_field<&Price::f>({.max_digits = 4, .decimal_places = 2, .rounding = drf::Rounding::up}));
};
struct RoundDown {  // ... rounding=ROUND_DOWN
    static constexpr auto fields =
        s::fields(s::decimal_field<&Price::f>({.max_digits = 4, .decimal_places = 2, .rounding = drf::Rounding::down}));
};
struct Unbounded {  // DecimalField(max_digits=None, decimal_places=None)
    static constexpr auto fields = s::fields(s::decimal_field<&Price::f>());
};
struct TextBounds {  // max_value=Decimal('10.50'), min_value=Decimal('-1E+1')
    static constexpr auto fields =
        s::fields(s::decimal_field<&Price::f>({.max_digits = 5, .decimal_places = 2}).max_value("10.50").min_value("-1E+1"));
};

// The body {"f": value}.
Json body(Json value) { return Json::object({{"f", std::move(value)}}); }

template <class S>
auto valid(Json value) {
    auto result = s::validate<S>(body(std::move(value)));
    INFO(result.errors().dump());
    REQUIRE(result);
    return std::move(result).value().f;
}

// The field's errors for an invalid value, as DRF lists them.
template <class S>
Json errors(Json value) {
    auto result = s::validate<S>(body(std::move(value)));
    REQUIRE_FALSE(result);
    return result.errors()["f"];
}

// The code of the field's first error, as DRF's get_full_details() gives it.
template <class S>
std::string code(Json value) {
    auto result = s::validate<S>(body(std::move(value)));
    REQUIRE_FALSE(result);
    return result.full_details()["f"][0]["code"].template get<std::string>();
}

Json messages(std::initializer_list<const char*> list) {
    Json out = Json::array();
    for (const char* m : list) out.push_back(m);
    return out;
}

// The rendered value of f, both ways: through a Json and as text written directly.
template <class S, class O>
std::string rendered(const O& obj) {
    const std::string tree = s::render<S>(obj)["f"].dump();
    std::string text;
    s::render_to<S>(text, obj);
    CHECK(text == "{\"f\":" + tree + "}");
    return tree;
}

TEST_CASE("A decimal field takes numbers and numeric text, as DRF's TestDecimalField valid_inputs", "[serializers]") {
    CHECK(valid<Digits3Places1>("12.3") == Decimal("12.3"));
    CHECK(valid<Digits3Places1>("0.1") == Decimal("0.1"));
    CHECK(valid<Digits3Places1>(10) == Decimal("10"));
    CHECK(valid<Digits3Places1>(0) == Decimal("0"));
    CHECK(valid<Digits3Places1>(12.3) == Decimal("12.3"));  // a JSON float goes through Python's repr, 12.3
    CHECK(valid<Digits3Places1>(0.1) == Decimal("0.1"));
    CHECK(valid<Digits3Places1>("2E+1") == Decimal("20"));
}

TEST_CASE("A decimal field's invalid inputs give DRF's TestDecimalField messages", "[serializers]") {
    CHECK(errors<Digits3Places1>(nullptr) == messages({"This field may not be null."}));
    for (const char* text : {"", " ", "abc"}) CHECK(errors<Digits3Places1>(text) == messages({"A valid number is required."}));
    // DRF's Decimal('Nan'), Decimal('Snan') and Decimal('Inf') inputs cannot be JSON; their str() as text
    // is read by DRF the same way and gives the same message.
    for (const char* text : {"Nan", "Snan", "Inf", "-Infinity"})
        CHECK(errors<Digits3Places1>(text) == messages({"A valid number is required."}));
    CHECK(errors<Digits3Places1>("12.345") == messages({"Ensure that there are no more than 3 digits in total."}));
    CHECK(errors<Digits3Places1>(200000000000.0) == messages({"Ensure that there are no more than 3 digits in total."}));
    CHECK(errors<Digits3Places1>("0.01") == messages({"Ensure that there are no more than 1 decimal places."}));
    CHECK(errors<Digits3Places1>(123) == messages({"Ensure that there are no more than 2 digits before the decimal point."}));
    CHECK(errors<Digits3Places1>("2E+2") == messages({"Ensure that there are no more than 2 digits before the decimal point."}));
}

TEST_CASE("Each decimal precision rule reports DRF's code", "[serializers]") {
    CHECK(code<Digits3Places1>("12.345") == "max_digits");
    CHECK(code<Digits3Places1>("0.01") == "max_decimal_places");
    CHECK(code<Digits3Places1>(123) == "max_whole_digits");
    CHECK(code<Digits3Places1>("abc") == "invalid");
}

TEST_CASE("A decimal field reads str() of any other JSON value, as DRF does", "[serializers]") {
    for (const Json& v : {Json(true), Json::array({1}), Json::object({{"a", 1}})})
        CHECK(errors<Digits3Places1>(v) == messages({"A valid number is required."}));
    // str(1e+20) is '1e+20': Decimal('1E+20') has 21 digits
    CHECK(errors<Digits3Places1>(1e20) == messages({"Ensure that there are no more than 3 digits in total."}));
    CHECK(errors<Digits3Places1>(drf::json_big_integer("1000000000000000000000000000000")) ==
          messages({"Ensure that there are no more than 3 digits in total."}));
    CHECK(errors<Digits3Places1>("1e999") == messages({"Ensure that there are no more than 3 digits in total."}));
    CHECK(errors<Digits3Places1>("1e-5") == messages({"Ensure that there are no more than 3 digits in total."}));
    CHECK(errors<Digits3Places1>("-0.04") == messages({"Ensure that there are no more than 1 decimal places."}));
    CHECK(valid<Digits3Places1>("-0").as_tuple() == DecimalTuple{1, "0", -1});
    CHECK(valid<Digits3Places1>("1_0") == Decimal(10));
    CHECK(valid<Digits3Places1>("\u00a012.3\u2003") == Decimal("12.3"));  // str.strip() removes Unicode spaces
    // Python also reads other scripts' digits ('１２'); drf reads ASCII digits only.
    CHECK(errors<Digits3Places1>("\uff11\uff12") == messages({"A valid number is required."}));
}

TEST_CASE("Decimal text over 1000 characters is 'String value too large.', counted after stripping", "[serializers]") {
    CHECK(errors<Digits3Places1>(std::string(1001, 'x')) == messages({"String value too large."}));
    CHECK(code<Digits3Places1>(std::string(1001, 'x')) == "max_string_length");
    CHECK(errors<Digits3Places1>("1" + std::string(1000, '0')) == messages({"String value too large."}));
    CHECK(errors<Digits3Places1>("1" + std::string(999, '0')) == messages({"Ensure that there are no more than 3 digits in total."}));
    CHECK(valid<Digits3Places1>(std::string(1001, ' ') + "1") == Decimal(1));
    // Python's len() counts characters: 600 two-byte no-break spaces inside the text are 600, not 1200
    std::string spaced = "1";
    for (int i = 0; i < 600; ++i) spaced += "\u00a0";
    CHECK(code<Digits3Places1>(spaced + "1") == "invalid");
}

TEST_CASE("Decimal values are rendered quantized as '{:f}' text, as DRF's TestDecimalField outputs", "[serializers]") {
    // DRF's outputs table gives '1', 1 and Decimal('1') alike: each is a drf::Decimal here.
    const std::vector<std::pair<Decimal, std::string>> outputs = {
        {Decimal("1"), "\"1.0\""},    {Decimal("0"), "\"0.0\""},    {Decimal("1.09"), "\"1.1\""},
        {Decimal("0.04"), "\"0.0\""}, {Decimal(1), "\"1.0\""},      {Decimal(0), "\"0.0\""},
        {Decimal("1.0"), "\"1.0\""},  {Decimal("0.0"), "\"0.0\""},
    };
    for (const auto& [value, text] : outputs) {
        INFO(value.to_string());
        CHECK(rendered<Digits3Places1>(Price{value}) == text);
    }
}

TEST_CASE("With allow_null, null, '' and whitespace are null, as DRF's TestAllowNullDecimalField", "[serializers]") {
    for (const Json& v : {Json(nullptr), Json(""), Json(" "), Json("\u3000")}) {
        CHECK_FALSE(valid<AllowNull>(v).has_value());
        CHECK_FALSE(valid<AllowNullNumber>(v).has_value());
    }
    // DRF's field alone renders None as '' (or None without string coercion); its serializer writes null
    // for a None attribute without asking the field, and so does drf.
    CHECK(rendered<AllowNull>(MaybePrice{}) == "null");
    CHECK(rendered<AllowNullNumber>(MaybePrice{}) == "null");
    CHECK(rendered<AllowNull>(MaybePrice{Decimal("1.5")}) == "\"1.5\"");
}

TEST_CASE("Decimal min and max values give DRF's messages with the bound as DRF prints it", "[serializers]") {
    CHECK(valid<MinMax>("10.0") == Decimal("10.0"));
    CHECK(valid<MinMax>("20.0") == Decimal("20.0"));
    CHECK(errors<MinMax>("9.9") == messages({"Ensure this value is greater than or equal to 10."}));
    CHECK(code<MinMax>("9.9") == "min_value");
    CHECK(errors<MinMax>("20.1") == messages({"Ensure this value is less than or equal to 20."}));
    CHECK(code<MinMax>("20.1") == "max_value");
    // Decimal('10.50') and Decimal('-1E+1') as bounds, printed with str()
    CHECK(errors<TextBounds>("11") == messages({"Ensure this value is less than or equal to 10.50."}));
    CHECK(errors<TextBounds>("-11") == messages({"Ensure this value is greater than or equal to -1E+1."}));
    CHECK(valid<TextBounds>("10.5") == Decimal("10.5"));
}

TEST_CASE("A drf::Decimal bound works in a field built at run time", "[serializers]") {
    const auto field = s::decimal_field<&Price::f>({.max_digits = 5, .decimal_places = 2}).max_value(Decimal("2.5"));
    Json slot;
    field.kind.check(Decimal(3), slot);
    CHECK(slot[0]["message"] == "Ensure this value is less than or equal to 2.5.");
    CHECK(slot[0]["code"] == "max_value");
    CHECK_THROWS_AS(s::DecimalBound(std::string_view("ten")), std::invalid_argument);
}

TEST_CASE("With allow_null and bounds, blank text is null and the bounds still apply, as DRF's table", "[serializers]") {
    for (const Json& v : {Json(nullptr), Json(""), Json(" "), Json("  ")}) CHECK_FALSE(valid<AllowEmptyWithValidators>(v));
    CHECK(valid<AllowEmptyWithValidators>(5) == Decimal(5));
    CHECK(valid<AllowEmptyWithValidators>("0") == Decimal(0));
    CHECK(valid<AllowEmptyWithValidators>("10") == Decimal(10));
    CHECK(errors<AllowEmptyWithValidators>(-1) == messages({"Ensure this value is greater than or equal to 0."}));
    CHECK(errors<AllowEmptyWithValidators>(11) == messages({"Ensure this value is less than or equal to 10."}));
    CHECK(rendered<AllowEmptyWithValidators>(MaybePrice{}) == "null");
}

TEST_CASE("Without max_digits a decimal is quantized to its places, as DRF's TestNoMaxDigitsDecimalField", "[serializers]") {
    CHECK(valid<NoMaxDigits>("10").as_tuple() == DecimalTuple{0, "1000", -2});
    CHECK(errors<NoMaxDigits>("12.345") == messages({"Ensure that there are no more than 2 decimal places."}));
    // Quantizing past Python's 28-digit default precision is a 500 (InvalidOperation) in DRF; drf says so.
    CHECK(errors<NoMaxDigits>(std::string(28, '1')) == messages({"Ensure that there are no more than 28 digits in total."}));
}

TEST_CASE("Without string coercion a decimal renders as a JSON number, as DRF's TestNoStringCoercionDecimalField",
          "[serializers]") {
    // DRF's outputs for 1.09, '1.09' and Decimal('1.09') are all Decimal('1.1'), which its JSON encoder
    // writes as the number 1.1; every one of them is a drf::Decimal here.
    CHECK(rendered<Number>(Price{Decimal("1.09")}) == "1.1");
    CHECK(rendered<Number>(Price{Decimal("0.04")}) == "0.0");
    CHECK(rendered<Number>(Price{Decimal("-12")}) == "-12.0");
}

struct Wide {
    static constexpr auto fields =
        s::fields(s::decimal_field<&Price::f>({.max_digits = 30, .decimal_places = 2, .coerce_to_string = false}));
};

TEST_CASE("The text fast path writes a JSON number's exact digits, never through a double", "[serializers]") {
    std::string text;
    s::render_to<Wide>(text, Price{Decimal("1234567890123456789012345.5")});
    CHECK(text == R"({"f":1234567890123456789012345.50})");
    text.clear();
    s::render_to<Unbounded>(text, Price{Decimal("-1E+3")});
    CHECK(text == R"({"f":"-1000"})");
}

TEST_CASE("An integer or integral text is quantized to the field's places, as DRF's TestQuantizedValueForDecimal",
          "[serializers]") {
    CHECK(valid<Digits4Places2>(12).as_tuple() == DecimalTuple{0, "1200", -2});
    CHECK(valid<Digits4Places2>("12").as_tuple() == DecimalTuple{0, "1200", -2});
    CHECK(valid<Digits4Places2>("12.0").as_tuple() == DecimalTuple{0, "1200", -2});
}

TEST_CASE("Without decimal_places a decimal keeps its digits, as DRF's TestNoDecimalPlaces", "[serializers]") {
    CHECK(valid<NoDecimalPlaces>("0.12345").as_tuple() == DecimalTuple{0, "12345", -5});
    CHECK(errors<NoDecimalPlaces>("0.1234567") == messages({"Ensure that there are no more than 6 digits in total."}));
    CHECK(rendered<NoDecimalPlaces>(Price{Decimal("1.2345")}) == "\"1.2345\"");
    CHECK(rendered<NoDecimalPlaces>(Price{Decimal("0")}) == "\"0\"");
    CHECK(rendered<NoDecimalPlaces>(Price{Decimal("1.1")}) == "\"1.1\"");
}

TEST_CASE("rounding chooses how a decimal is quantized, as DRF's TestRoundingDecimalField", "[serializers]") {
    CHECK(rendered<RoundUp>(Price{Decimal("1.234")}) == "\"1.24\"");
    CHECK(rendered<RoundDown>(Price{Decimal("1.234")}) == "\"1.23\"");
    // DRF's test_invalid_rounding (an unknown rounding name) cannot be written: drf::Rounding is an enum.
}

TEST_CASE("Without max_digits or decimal_places any decimal is taken, up to 1000 characters written out",
          "[serializers]") {
    CHECK(valid<Unbounded>(std::string(30, '1')).as_tuple() == DecimalTuple{0, std::string(30, '1'), 0});
    CHECK(valid<Unbounded>("1e999") == Decimal("1E+999"));
    CHECK(valid<Unbounded>("-1.5e-3").to_string() == "-0.0015");
    CHECK(valid<Unbounded>("0e999999").is_zero());  // written "0"
    // DRF takes 1e1000 too, and would write it out as 1001 digits; drf answers as for text that long.
    CHECK(errors<Unbounded>("1e1000") == messages({"String value too large."}));
}

TEST_CASE("A value with more digits than max_digits once quantized throws on rendering, as DRF raises", "[serializers]") {
    std::string text;
    CHECK_THROWS_AS(s::render_to<Digits3Places1>(text, Price{Decimal("99.99")}), std::overflow_error);
}

struct Order {
    Price price;
    std::vector<Decimal> amounts;
};
struct OrderSerializer {
    static constexpr auto fields =
        s::fields(s::decimal_field("price", s::source(&Order::price, &Price::f), {.max_digits = 5, .decimal_places = 2}),
                  s::list_field<&Order::amounts>(s::decimal_field({.max_digits = 3, .decimal_places = 1})));
};

TEST_CASE("decimal_field binds a source path and makes a list child", "[serializers]") {
    const Order order{Price{Decimal("1.5")}, {Decimal(1), Decimal("2.25")}};
    CHECK(s::render<OrderSerializer>(order).dump() == R"({"price":"1.50","amounts":["1.0","2.2"]})");
    auto result = s::validate<OrderSerializer>(Json::parse(R"({"amounts": ["1.5", 2, "12.34"]})"));
    REQUIRE_FALSE(result);
    CHECK(result.errors().dump() ==
          R"({"amounts":{"2":["Ensure that there are no more than 3 digits in total."]}})");
}

TEST_CASE("decimal_field needs a drf::Decimal member", "[serializers]") {
    struct Wrong {
        double f;
    };
    STATIC_REQUIRE(s::HasValueBounds<s::DecimalKind>);
    STATIC_REQUIRE(std::is_same_v<decltype(s::decimal_field<&Price::f>())::value_type, Decimal>);
    STATIC_REQUIRE(std::is_same_v<decltype(s::decimal_field<&MaybePrice::f>())::value_type, Decimal>);
    // s::decimal_field<&Wrong::f>() stops with "drf::serializers::decimal_field: the member must be drf::Decimal
    // (or std::optional of it)".
    (void)sizeof(Wrong);
}

TEST_CASE("A decimal field's schema is drf-spectacular's: a decimal string with a pattern, or a bounded number",
          "[serializers]") {
    const auto schema = [](s::DecimalOptions o) { return s::decimal_field<&Price::f>(o).kind.openapi_schema().dump(); };
    CHECK(schema({.max_digits = 5, .decimal_places = 2}) ==
          R"({"type":"string","format":"decimal","pattern":"^-?\\d{0,3}(?:\\.\\d{0,2})?$"})");
    CHECK(schema({.max_digits = 5, .decimal_places = 2, .coerce_to_string = false}) ==
          R"({"type":"number","format":"double","maximum":1000,"minimum":-1000,"exclusiveMaximum":true,"exclusiveMinimum":true})");
    CHECK(schema({.decimal_places = 2}) == R"({"type":"string","format":"decimal"})");
    CHECK(schema({.max_digits = 5}) == R"({"type":"string","format":"decimal"})");
    CHECK(schema({.coerce_to_string = false}) == R"({"type":"number","format":"double"})");
    CHECK(schema({.max_digits = 5, .decimal_places = 5, .coerce_to_string = false}) == R"({"type":"number","format":"double"})");
    CHECK(schema({.max_digits = 5, .decimal_places = 0}) ==
          R"({"type":"string","format":"decimal","pattern":"^-?\\d{0,5}(?:\\.\\d{0,0})?$"})");
    CHECK(schema({.max_digits = 5, .decimal_places = 2, .coerce_to_string = false, .max_value = 10, .min_value = "-1.5"}) ==
          R"({"type":"number","format":"double","maximum":10,"minimum":-1.5})");
    // bounds are not written on the string form
    CHECK(schema({.max_digits = 5, .decimal_places = 2, .max_value = 10}) ==
          R"({"type":"string","format":"decimal","pattern":"^-?\\d{0,3}(?:\\.\\d{0,2})?$"})");
}

struct WithDefault {  // DecimalField(decimal_places=2, max_digits=None, default=Decimal('1.00'))
    static constexpr auto fields =
        s::fields(s::decimal_field<&Price::f>({.decimal_places = 2}).optional([] { return Decimal("1.00"); }));
};

TEST_CASE("A decimal field's default is given as a function returning the drf::Decimal", "[serializers]") {
    auto result = s::validate<WithDefault>(Json::object());
    REQUIRE(result);
    CHECK(result->f.to_string() == "1.00");
}

struct NullablePrice {
    static constexpr auto fields =
        s::fields(s::decimal_field<&MaybePrice::f>({.max_digits = 5, .decimal_places = 2}).allow_null());
};

TEST_CASE("A nullable decimal field's schema adds null to its type", "[serializers]") {
    drf::openapi::Components components;
    drf::openapi::serializer_schema<NullablePrice>(components, drf::openapi::Direction::request);
    CHECK(components.schemas()["NullablePrice"]["properties"]["f"].dump() ==
          R"({"type":["string","null"],"format":"decimal","pattern":"^-?\\d{0,3}(?:\\.\\d{0,2})?$"})");
}

}  // namespace decimal_field_test
