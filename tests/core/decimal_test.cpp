// tests/core/decimal_test.cpp — drf::Decimal against Python's decimal.Decimal: what Decimal() reads,
// as_tuple(), str() and '{:f}', comparison and quantize() in every rounding mode (expected values from
// Python 3.11).
#include <drf/core/decimal.hpp>

#include <catch2/catch.hpp>

#include <array>
#include <cstdint>
#include <limits>
#include <stdexcept>
#include <string>

namespace decimal_test {

using drf::Decimal;
using drf::DecimalTuple;
using drf::Rounding;

TEST_CASE("Decimal reads text as Python's Decimal() does, keeping every digit and the exponent", "[core]") {
    struct Case {
        const char* text;
        DecimalTuple tuple;
    };
    const Case cases[] = {
        {"12.3", {0, "123", -1}},
        {"0012.30", {0, "1230", -2}},
        {"-0", {1, "0", 0}},
        {"-0.00", {1, "0", -2}},
        {"1.", {0, "1", 0}},
        {".5", {0, "5", -1}},
        {"+.5e-3", {0, "5", -4}},
        {" 1 ", {0, "1", 0}},
        {"1E5", {0, "1", 5}},
        {"2E+1", {0, "2", 1}},
        {"1.2e3", {0, "12", 2}},
        {"1_000", {0, "1000", 0}},
        {"1__0", {0, "10", 0}},
        {"_1", {0, "1", 0}},
        {"1_0.0_1", {0, "1001", -2}},
        {"1.5_", {0, "15", -1}},
        {"1e1_0", {0, "1", 10}},
        {"1.23e999999999999999999", {0, "123", 999'999'999'999'999'997}},
        {"1e-1999999999999999997", {0, "1", -1'999'999'999'999'999'997}},
    };
    for (const auto& c : cases) {
        INFO(c.text);
        CHECK(Decimal(c.text).as_tuple() == c.tuple);
    }
}

TEST_CASE("Decimal refuses text Python's Decimal() refuses, and NaN and Infinity, which DRF refuses", "[core]") {
    for (const char* text : {"", " ", ".", "abc", "1e", "1e+", "+-1", "1 000", "1.2.3", "0x10", "Inf", "-Infinity", "nan",
                             "sNaN12", "NaN123", "1e9999999999999999999999", "123e999999999999999999",
                             "1e-1999999999999999998", "0.1e-1999999999999999997", "0e5000000000000000000"}) {
        INFO(text);
        CHECK_THROWS_AS(Decimal(text), std::invalid_argument);
        CHECK_FALSE(drf::parse_decimal(text));
    }
    STATIC_REQUIRE(noexcept(drf::parse_decimal("1")));
    CHECK(drf::parse_decimal(" -12.50 ")->as_tuple() == DecimalTuple{1, "1250", -2});
}

TEST_CASE("Decimal is constructible from any integer, the smallest and largest included", "[core]") {
    CHECK(Decimal(10).as_tuple() == DecimalTuple{0, "10", 0});
    CHECK(Decimal(0).as_tuple() == DecimalTuple{0, "0", 0});
    CHECK(Decimal(-7).as_tuple() == DecimalTuple{1, "7", 0});
    CHECK(Decimal(std::numeric_limits<std::int64_t>::min()).to_string() == "-9223372036854775808");
    CHECK(Decimal(std::numeric_limits<std::uint64_t>::max()).to_string() == "18446744073709551615");
    CHECK(Decimal().is_zero());
    CHECK(Decimal(-3).is_signed());
    CHECK(Decimal("12.50").digits() == "1250");
    CHECK(Decimal("12.50").exponent() == -2);
    CHECK(Decimal("123E+2").adjusted() == 4);
}

TEST_CASE("Decimal's to_string is Python's str() and to_fixed_string its '{:f}'", "[core]") {
    struct Case {
        const char* text;
        const char* str;
        const char* fixed;
    };
    const Case cases[] = {
        {"0E+3", "0E+3", "0"},       {"-0E+3", "-0E+3", "-0"},     {"1E+3", "1E+3", "1000"},
        {"-0.00", "-0.00", "-0.00"}, {"1.2E-7", "1.2E-7", "0.00000012"}, {"0E-7", "0E-7", "0.0000000"},
        {"12.30", "12.30", "12.30"}, {"123E+2", "1.23E+4", "12300"}, {"1E-6", "0.000001", "0.000001"},
        {"1E-7", "1E-7", "0.0000001"}, {"-1.5", "-1.5", "-1.5"},   {"2E+1", "2E+1", "20"},
    };
    for (const auto& c : cases) {
        INFO(c.text);
        CHECK(Decimal(c.text).to_string() == c.str);
        CHECK(Decimal(c.text).to_fixed_string() == c.fixed);
    }
}

TEST_CASE("Decimals compare by value: 1.0 equals 1 and -0 equals 0", "[core]") {
    CHECK(Decimal("1.0") == Decimal(1));
    CHECK(Decimal("1.0") == 1);  // an integer operand converts, as in Python
    CHECK(2 > Decimal("1.99"));
    CHECK(Decimal("1.00") == Decimal("1E0"));
    CHECK(Decimal("-0") == Decimal("0.000"));
    CHECK(Decimal("2E+1") == Decimal(20));
    CHECK(Decimal("9.9") < Decimal(10));
    CHECK(Decimal("20.1") > Decimal(20));
    CHECK(Decimal("-1.5") < Decimal("-1.25"));
    CHECK(Decimal("-0.001") < Decimal(0));
    CHECK(Decimal("0.001") > Decimal("-0"));
    CHECK(Decimal("1E+3") > Decimal("999.999"));
    CHECK(Decimal("0.1234") < Decimal("0.12341"));
    CHECK((Decimal("1.0") <=> Decimal(1)) == std::weak_ordering::equivalent);
}

TEST_CASE("quantize rounds to N decimal places in each of Python's rounding modes", "[core]") {
    constexpr std::array modes = {Rounding::half_even, Rounding::half_up, Rounding::half_down, Rounding::down,
                                  Rounding::up,        Rounding::floor,   Rounding::ceiling,   Rounding::zero_five_up};
    struct Case {
        const char* value;
        std::array<const char*, 8> results;  // in the order of `modes`
    };
    const Case cases[] = {
        {"1.25", {"1.2", "1.3", "1.2", "1.2", "1.3", "1.2", "1.3", "1.2"}},
        {"1.35", {"1.4", "1.4", "1.3", "1.3", "1.4", "1.3", "1.4", "1.3"}},
        {"1.251", {"1.3", "1.3", "1.3", "1.2", "1.3", "1.2", "1.3", "1.2"}},
        {"-1.25", {"-1.2", "-1.3", "-1.2", "-1.2", "-1.3", "-1.3", "-1.2", "-1.2"}},
        {"-1.251", {"-1.3", "-1.3", "-1.3", "-1.2", "-1.3", "-1.3", "-1.2", "-1.2"}},
        {"1.20", {"1.2", "1.2", "1.2", "1.2", "1.2", "1.2", "1.2", "1.2"}},
        {"0.05", {"0.0", "0.1", "0.0", "0.0", "0.1", "0.0", "0.1", "0.1"}},
        {"-0.04", {"-0.0", "-0.0", "-0.0", "-0.0", "-0.1", "-0.1", "-0.0", "-0.1"}},
        {"9.99", {"10.0", "10.0", "10.0", "9.9", "10.0", "9.9", "10.0", "9.9"}},
        {"1.01", {"1.0", "1.0", "1.0", "1.0", "1.1", "1.0", "1.1", "1.1"}},
        {"1.51", {"1.5", "1.5", "1.5", "1.5", "1.6", "1.5", "1.6", "1.6"}},
        {"0.001", {"0.0", "0.0", "0.0", "0.0", "0.1", "0.0", "0.1", "0.1"}},
    };
    for (const auto& c : cases)
        for (std::size_t m = 0; m < modes.size(); ++m) {
            INFO(c.value << " in mode " << m);
            CHECK(Decimal(c.value).quantize(1, modes[m]).to_string() == c.results[m]);
        }
}

TEST_CASE("quantize pads with zeros, rounds to tens with negative places, and keeps a zero one digit", "[core]") {
    CHECK(Decimal(12).quantize(2).as_tuple() == DecimalTuple{0, "1200", -2});
    CHECK(Decimal("123.456").quantize(-1).to_string() == "1.2E+2");
    CHECK(Decimal("0.0001").quantize(2).to_string() == "0.00");
    CHECK(Decimal("-0.0001").quantize(2).to_string() == "-0.00");
    CHECK(Decimal("5E+3").quantize(2).to_string() == "5000.00");
    CHECK(Decimal("0E+5").quantize(2, Rounding::half_even, 1).as_tuple() == DecimalTuple{0, "0", -2});
}

TEST_CASE("quantize throws std::overflow_error where Python's context precision is exceeded", "[core]") {
    CHECK_THROWS_AS(Decimal("9.99").quantize(1, Rounding::half_even, 2), std::overflow_error);  // 10.0
    CHECK(Decimal("99.9").quantize(1, Rounding::half_even, 3).to_string() == "99.9");
    CHECK(Decimal(1).quantize(27).digits().size() == 28);  // the default precision, 28 digits
    CHECK_THROWS_AS(Decimal(1).quantize(28), std::overflow_error);
    CHECK_THROWS_AS(Decimal("1E+999999999999999999").quantize(2), std::overflow_error);
}

}  // namespace decimal_test
