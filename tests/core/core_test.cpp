// tests/core/core_test.cpp — ids, datetimes and the injectable clock.
#include <drf/core.hpp>

#include <catch2/catch.hpp>

#include <cstdio>
#include <random>
#include <string>
#include <vector>

#include <set>
#include <string>

namespace core_test {

using drf::DateTime;

DateTime at(const char* iso) { return *drf::parse_datetime(iso); }

TEST_CASE("uuid4 gives a random version 4 UUID each time", "[core]") {
    std::set<std::string> seen;
    for (int i = 0; i < 100; ++i) {
        const drf::Uuid u = drf::uuid4();
        CHECK(u.version() == boost::uuids::uuid::version_random_number_based);
        CHECK(u.variant() == boost::uuids::uuid::variant_rfc_4122);
        seen.insert(drf::to_string(u));
    }
    CHECK(seen.size() == 100);
}

TEST_CASE("A UUID renders as 36 lowercase hex characters with hyphens", "[core]") {
    const auto u = drf::parse_uuid("A1B2C3D4-E5F6-4789-ABCD-EF0123456789");
    REQUIRE(u);
    CHECK(drf::to_string(*u) == "a1b2c3d4-e5f6-4789-abcd-ef0123456789");
}

TEST_CASE("parse_uuid accepts what Python's uuid.UUID(hex=...) accepts", "[core]") {
    const std::string canonical = "a1b2c3d4-e5f6-4789-abcd-ef0123456789";
    for (const char* text : {"a1b2c3d4-e5f6-4789-abcd-ef0123456789", "a1b2c3d4e5f64789abcdef0123456789",
                             "{a1b2c3d4-e5f6-4789-abcd-ef0123456789}", "urn:uuid:a1b2c3d4-e5f6-4789-abcd-ef0123456789",
                             "a1b2-c3d4-e5f6-4789-abcd-ef01-2345-6789"}) {
        INFO(text);
        const auto u = drf::parse_uuid(text);
        REQUIRE(u);
        CHECK(drf::to_string(*u) == canonical);
    }
    for (const char* bad : {"", "not-a-uuid", " a1b2c3d4-e5f6-4789-abcd-ef0123456789 ",
                            "a1b2c3d4-e5f6-4789-abcd-ef012345678", "a1b2c3d4-e5f6-4789-abcd-ef01234567890"}) {
        INFO(bad);
        CHECK_FALSE(drf::parse_uuid(bad));
    }
}

TEST_CASE("parse_uuid's fast path for the canonical form agrees with the general parser", "[core]") {
    using drf::detail::parse_canonical_uuid;
    using drf::detail::parse_uuid_general;
    auto upper = [](std::string s) {
        for (char& c : s)
            if (c >= 'a' && c <= 'f') c = static_cast<char>(c - 'a' + 'A');
        return s;
    };
    SECTION("canonical text, lowercase, uppercase and mixed, takes the fast path to the same UUID") {
        for (int i = 0; i < 200; ++i) {
            const std::string lower = drf::to_string(drf::uuid4());
            std::string mixed = lower;
            for (std::size_t k = 0; k < mixed.size(); k += 3) mixed[k] = upper(mixed.substr(k, 1))[0];
            for (const std::string& text : {lower, upper(lower), mixed}) {
                INFO(text);
                const auto fast = parse_canonical_uuid(text);
                REQUIRE(fast);
                CHECK(fast == parse_uuid_general(text));
                CHECK(drf::to_string(*fast) == lower);
            }
        }
        for (const char* edge : {"00000000-0000-0000-0000-000000000000", "ffffffff-ffff-ffff-ffff-ffffffffffff",
                                 "FFFFFFFF-FFFF-FFFF-FFFF-FFFFFFFFFFFF", "0123abcd-4567-89ef-ABCD-0123456789AB"}) {
            INFO(edge);
            REQUIRE(parse_canonical_uuid(edge));
            CHECK(parse_canonical_uuid(edge) == parse_uuid_general(edge));
        }
    }
    SECTION("36 characters with any one byte changed: the fast path never accepts what the general one refuses") {
        const std::string canonical = "a1b2c3d4-e5f6-4789-abcd-ef0123456789";
        for (std::size_t at = 0; at < canonical.size(); ++at) {
            for (int byte = 0; byte < 256; ++byte) {
                std::string text = canonical;
                text[at] = static_cast<char>(byte);
                INFO("position " << at << ", byte " << byte);
                const auto fast = parse_canonical_uuid(text);
                const auto general = parse_uuid_general(text);
                if (fast) CHECK(fast == general);
                CHECK(drf::parse_uuid(text) == general);
            }
        }
    }
    SECTION("canonical-length text in another accepted form falls back to the general parser") {
        for (const char* text : {"{{a1b2c3d4e5f64789abcdef0123456789}}", "a1b2c3d4e5f64789abcdef0123456789----",
                                 "--a1b2c3d4e5f64789abcdef0123456789--"}) {
            INFO(text);
            CHECK_FALSE(parse_canonical_uuid(text));
            REQUIRE(drf::parse_uuid(text));
            CHECK(drf::to_string(*drf::parse_uuid(text)) == "a1b2c3d4-e5f6-4789-abcd-ef0123456789");
        }
    }
    SECTION("it is still usable at compile time") {
        STATIC_REQUIRE(drf::parse_uuid("A1B2C3D4-E5F6-4789-ABCD-EF0123456789").has_value());
        STATIC_REQUIRE(!drf::parse_uuid("A1B2C3D4-E5F6-4789-ABCD-EF012345678G").has_value());
    }
}

TEST_CASE("A datetime renders as DRF does: UTC, microseconds, Z; no fraction when it is zero", "[core]") {
    CHECK(drf::to_iso8601(at("2026-11-23T19:43:37.727356Z")) == "2026-11-23T19:43:37.727356Z");
    CHECK(drf::to_iso8601(at("2026-11-23T19:43:37Z")) == "2026-11-23T19:43:37Z");
    CHECK(drf::to_iso8601(at("2026-11-23T19:43:37.005Z")) == "2026-11-23T19:43:37.005000Z");
}

TEST_CASE("Datetime rendering agrees with Boost's calendar on every kind of date, 1400 to 9999", "[core]") {
    auto reference = [](const drf::DateTime& t) {  // Boost's own year/month/day and time of day
        const auto ymd = t.date().year_month_day();
        const auto tod = t.time_of_day();
        char buf[40];
        const long frac = static_cast<long>(tod.fractional_seconds());
        int n = std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d", static_cast<int>(ymd.year),
                              static_cast<int>(ymd.month.as_number()), static_cast<int>(ymd.day.as_number()),
                              static_cast<int>(tod.hours()), static_cast<int>(tod.minutes()), static_cast<int>(tod.seconds()));
        if (frac) n += std::snprintf(buf + n, sizeof buf - static_cast<std::size_t>(n), ".%06ld", frac);
        return std::string(buf, static_cast<std::size_t>(n)) + "Z";
    };
    std::vector<drf::DateTime> cases;
    for (const char* text : {"1400-01-01T00:00:00Z", "1600-02-29T23:59:59.999999Z", "1899-12-31T12:00:00Z",
                             "1969-12-31T23:59:59.999999Z", "1970-01-01T00:00:00Z", "1970-01-01T00:00:00.000001Z",
                             "2000-02-29T06:07:08.09Z", "2100-02-28T23:59:59Z", "2100-03-01T00:00:00Z",
                             "9999-12-31T23:59:59.999999Z"})
        cases.push_back(*drf::parse_datetime(text));
    std::mt19937_64 random(2026);
    std::uniform_int_distribution<std::int64_t> micros(drf::to_unix_micros(cases.front()), drf::to_unix_micros(cases.back()));
    for (int i = 0; i < 20000; ++i) cases.push_back(drf::from_unix_micros(micros(random)));
    for (const auto& t : cases) {
        INFO(reference(t));
        REQUIRE(drf::to_iso8601(t) == reference(t));
    }
}

TEST_CASE("parse_datetime reads ISO 8601 with any offset and converts it to UTC", "[core]") {
    CHECK(drf::to_iso8601(at("2026-11-23T19:43:37+02:00")) == "2026-11-23T17:43:37Z");
    CHECK(drf::to_iso8601(at("2026-11-23T19:43:37+0530")) == "2026-11-23T14:13:37Z");
    CHECK(drf::to_iso8601(at("2026-11-23T19:43:37+05")) == "2026-11-23T14:43:37Z");
    CHECK(drf::to_iso8601(at("2026-11-23T19:43:37-00:00")) == "2026-11-23T19:43:37Z");
    CHECK(drf::to_iso8601(at("2026-11-23T19:43:37,5Z")) == "2026-11-23T19:43:37.500000Z");
    CHECK(drf::to_iso8601(at("2026-11-23 19:43")) == "2026-11-23T19:43:00Z");
    CHECK(drf::to_iso8601(at("2026-11-23T19:43:37")) == "2026-11-23T19:43:37Z");  // naive: taken as UTC
    CHECK(drf::to_iso8601(at("2026-11-23T19:43:37.1234567Z")) == "2026-11-23T19:43:37.123456Z");
    CHECK(drf::to_iso8601(at("2026-1-3T1:2:3Z")) == "2026-01-03T01:02:03Z");
    CHECK(drf::to_iso8601(at("2026-11-23T01:00:00+02:00")) == "2026-11-22T23:00:00Z");
}

TEST_CASE("parse_datetime rejects what Django's parse_datetime rejects", "[core]") {
    for (const char* bad : {"2026-11-23", "2026-13-01T00:00:00Z", "2026-02-29T00:00:00Z", "2026-11-23T24:00:00Z",
                            "2026-11-23T19:60:00Z", "2026-11-23T19:43:60Z", "garbage", "", "2026-11-23T19:43:37z",
                            "2026-11-23t19:43:37Z", " 2026-11-23T19:43:37Z", "2026-11-23T19:43:37Z ",
                            "26-11-23T19:43:37Z", "2026-11-23T19:43:37 Z", "2026-11-23T19:43:37+99:00",
                            "2026-11-23T19:43:37.1234567890123Z", "2026-11-23T19:43:37+05:"}) {
        INFO(bad);
        CHECK_FALSE(drf::parse_datetime(bad));
    }
    CHECK(drf::parse_datetime("2028-02-29T00:00:00Z"));  // a leap day
}

TEST_CASE("read_datetime tells a datetime out of drf::DateTime's range from a malformed one", "[core]") {
    using Error = drf::ParsedDateTime::Error;
    // The offset carries these past year 9999 or before 1400 in UTC: real datetimes, not representable.
    for (const char* far : {"9999-12-31T21:59:59.99990-03:00", "1400-01-01T00:30:00+01:00", "0001-01-01T00:00:00",
                            "1399-12-31T23:59:59.999999Z"}) {
        INFO(far);
        CHECK(drf::read_datetime(far).error == Error::range);
        CHECK_FALSE(drf::parse_datetime(far));
    }
    CHECK(drf::read_datetime("2026-02-29T00:00:00Z").error == Error::format);
    CHECK(drf::read_datetime("garbage").error == Error::format);
    // The edges themselves, and an offset that brings a local time back into range.
    CHECK(drf::to_iso8601(drf::read_datetime("9999-12-31T23:59:59.999999Z").value) == "9999-12-31T23:59:59.999999Z");
    CHECK(drf::to_iso8601(drf::read_datetime("9999-12-31T21:59:59.99990+03:00").value) == "9999-12-31T18:59:59.999900Z");
    CHECK(drf::to_iso8601(drf::read_datetime("1400-01-01T00:00:00Z").value) == "1400-01-01T00:00:00Z");
    CHECK(drf::to_iso8601(drf::read_datetime("1399-12-31T23:00:00-01:00").value) == "1400-01-01T00:00:00Z");
}

TEST_CASE("Datetimes round-trip through microseconds since the Unix epoch", "[core]") {
    const DateTime t = at("2026-11-23T19:43:37.727356Z");
    CHECK(drf::to_unix_micros(t) == 1795463017727356);
    CHECK(drf::from_unix_micros(drf::to_unix_micros(t)) == t);
}

TEST_CASE("A FrozenClock freezes drf::now() until it is advanced", "[core]") {
    drf::FrozenClock clock(at("2026-01-01T00:00:00Z"));
    {
        drf::ClockOverride use(clock);
        CHECK(drf::now() == at("2026-01-01T00:00:00Z"));
        CHECK(drf::now() == drf::now());
        clock.advance(boost::posix_time::seconds(90));
        CHECK(drf::to_iso8601(drf::now()) == "2026-01-01T00:01:30Z");
        clock.set(at("2030-05-05T05:05:05.5Z"));
        CHECK(drf::to_iso8601(drf::now()) == "2030-05-05T05:05:05.500000Z");
    }
    // Outside the override the system clock is back.
    CHECK(drf::now() > at("2026-01-01T00:00:00Z"));
}

}  // namespace core_test
