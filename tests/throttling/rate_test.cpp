// tests/throttling/rate_test.cpp — rates as DRF's SimpleRateThrottle.parse_rate reads them, the errors
// for text it cannot read, and parse_rates for DEFAULT_THROTTLE_RATES given as one setting.
#include <drf/throttling/rate.hpp>

#include <catch2/catch.hpp>

#include <stdexcept>
#include <string>

namespace rate_test {

using drf::throttling::parse_rate;
using drf::throttling::parse_rates;
using drf::throttling::Rate;
using drf::throttling::Rates;

// The message parse_rate or parse_rates throws for `text`, or "" when it throws none.
template <class F>
std::string error_of(F&& f) {
    try {
        f();
    } catch (const std::invalid_argument& e) {
        return e.what();
    }
    return "";
}

TEST_CASE("A rate is a number of requests per second, minute, hour or day, read by the period's first letter as DRF does",
          "[throttling]") {
    CHECK(parse_rate("100/day") == Rate(100, 86400));
    CHECK(parse_rate("10/minute") == Rate(10, 60));
    CHECK(parse_rate("10/min") == Rate(10, 60));
    CHECK(parse_rate("10/m") == Rate(10, 60));
    CHECK(parse_rate("5/s") == Rate(5, 1));
    CHECK(parse_rate("5/sec") == Rate(5, 1));
    CHECK(parse_rate("3/hour") == Rate(3, 3600));
    CHECK(parse_rate("3/h") == Rate(3, 3600));
    CHECK(parse_rate(" 5 / s ") == Rate(5, 1));
    CHECK(parse_rate("0/day") == Rate(0, 86400));  // refuses every request, as in DRF
}

TEST_CASE("A rate written in code is read at compile time", "[throttling]") {
    STATIC_REQUIRE(Rate("60/minute") == Rate(60, 60));
    static constexpr Rate archive{"10/minute"};
    STATIC_REQUIRE(archive.num_requests == 10);
    STATIC_REQUIRE(archive.duration == 60);
}

TEST_CASE("A rate that is not <number>/<period> is refused with a message naming it", "[throttling]") {
    CHECK(error_of([] { parse_rate("10"); }) ==
          "drf::throttling: the rate \"10\" is not <number of requests>/<period>, e.g. \"100/day\" or \"10/minute\"");
    CHECK(error_of([] { parse_rate("1/2/3"); }) ==
          "drf::throttling: the rate \"1/2/3\" is not <number of requests>/<period>, e.g. \"100/day\" or \"10/minute\"");
    CHECK(error_of([] { parse_rate("x/minute"); }) ==
          "drf::throttling: the rate \"x/minute\" does not start with a number of requests (plain digits, e.g. \"100/day\")");
    CHECK(error_of([] { parse_rate("-1/s"); }) ==
          "drf::throttling: the rate \"-1/s\" does not start with a number of requests (plain digits, e.g. \"100/day\")");
    CHECK(error_of([] { parse_rate("/s"); }) ==
          "drf::throttling: the rate \"/s\" does not start with a number of requests from 0 to 999999999999999999");
    CHECK(error_of([] { parse_rate("9999999999999999999/s"); }) ==
          "drf::throttling: the rate \"9999999999999999999/s\" does not start with a number of requests from 0 to "
          "999999999999999999");
    CHECK(error_of([] { parse_rate("10/"); }) ==
          "drf::throttling: the rate \"10/\" has no period: after the '/', one of second, minute, hour or day (or s, m, h, d)");
    CHECK(error_of([] { parse_rate("10/week"); }) ==
          "drf::throttling: the rate \"10/week\" has no period: after the '/', one of second, minute, hour or day (or s, m, h, d)");
    // DRF's period is case-sensitive too: "10/Minute" is its KeyError.
    CHECK(error_of([] { parse_rate("10/Minute"); }) ==
          "drf::throttling: the rate \"10/Minute\" has no period: after the '/', one of second, minute, hour or day (or s, m, h, d)");
}

TEST_CASE("A rate prints as DRF's text for the periods it reads", "[throttling]") {
    CHECK(to_string(Rate("60/min")) == "60/minute");
    CHECK(to_string(Rate("1/d")) == "1/day");
    CHECK(to_string(Rate(5, 90)) == "5/90s");
}

TEST_CASE("DEFAULT_THROTTLE_RATES is read from one setting: scope=rate items separated by commas", "[throttling]") {
    CHECK(parse_rates("anon=60/minute,archive=10/minute") == Rates{{"anon", Rate(60, 60)}, {"archive", Rate(10, 60)}});
    CHECK(parse_rates(" anon = 60/minute , user=1000/day ") == Rates{{"anon", Rate(60, 60)}, {"user", Rate(1000, 86400)}});
    CHECK(parse_rates("").empty());
    CHECK(parse_rates("  ").empty());
}

TEST_CASE("A bad item of the rates setting is refused with a message naming the item", "[throttling]") {
    CHECK(error_of([] { parse_rates("anon=60/minute,archive"); }) ==
          "drf::throttling::parse_rates: the item \"archive\" is not <scope>=<rate>, e.g. \"anon=60/minute\"");
    CHECK(error_of([] { parse_rates("anon=60/minute,,user=1/s"); }) ==
          "drf::throttling::parse_rates: the item \"\" is empty: items are <scope>=<rate>, separated by commas");
    CHECK(error_of([] { parse_rates("anon=60/minute,"); }) ==
          "drf::throttling::parse_rates: the item \"\" is empty: items are <scope>=<rate>, separated by commas");
    CHECK(error_of([] { parse_rates("=60/minute"); }) ==
          "drf::throttling::parse_rates: the item \"=60/minute\" has no scope before the '='");
    CHECK(error_of([] { parse_rates("anon=60/fortnight"); }) ==
          "drf::throttling::parse_rates: the item \"anon=60/fortnight\" has a bad rate: drf::throttling: the rate "
          "\"60/fortnight\" has no period: after the '/', one of second, minute, hour or day (or s, m, h, d)");
    CHECK(error_of([] { parse_rates("anon=1/s,anon=2/s"); }) ==
          "drf::throttling::parse_rates: the item \"anon=2/s\" repeats the scope \"anon\"");
}

}  // namespace rate_test
