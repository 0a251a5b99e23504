// tests/core/date_test.cpp — drf::Date, drf::Time and drf::Duration's text forms (Django's parse_date,
// parse_time, parse_duration and duration_string), and Python's strftime/strptime subset.
#include <drf/core/date.hpp>
#include <drf/core/duration_parse.hpp>
#include <drf/core/detail/strftime.hpp>

#include <catch2/catch.hpp>

#include <optional>
#include <stdexcept>
#include <string>

namespace date_test {

using drf::Date;
using drf::Duration;
using drf::Time;
namespace pt = boost::posix_time;

TEST_CASE("parse_date reads YYYY-MM-DD as Django does, month and day with one or two digits", "[core]") {
    CHECK(drf::parse_date("2001-01-01") == Date(2001, 1, 1));
    CHECK(drf::parse_date("2001-1-5") == Date(2001, 1, 5));
    CHECK(drf::parse_date("2000-02-29") == Date(2000, 2, 29));
    CHECK(drf::parse_date("2001-01-01\n") == Date(2001, 1, 1));  // Python's `$` before a final newline
    for (const char* bad : {"abc", "2001-99-99", "2001-01", "2001", "2001-02-29", "2001-01-01T00:00", "01-01-2001",
                            "2001-01-01 ", "2001-001-01", ""}) {
        INFO(bad);
        CHECK_FALSE(drf::parse_date(bad));
        CHECK(drf::read_date(bad).error == drf::ParsedDate::Error::format);
    }
}

TEST_CASE("A real date before 1400 is a range error: drf::Date cannot hold it", "[core]") {
    CHECK(drf::read_date("1399-12-31").error == drf::ParsedDate::Error::range);
    CHECK(drf::read_date("0001-01-01").error == drf::ParsedDate::Error::range);
    CHECK(drf::read_date("0000-01-01").error == drf::ParsedDate::Error::format);  // no year 0 in Python either
    CHECK(drf::parse_date("1400-01-01") == Date(1400, 1, 1));
    CHECK(drf::parse_date("9999-12-31") == Date(9999, 12, 31));
}

TEST_CASE("A date renders as isoformat()", "[core]") {
    CHECK(drf::to_iso8601(Date(2001, 1, 1)) == "2001-01-01");
    CHECK(drf::to_iso8601(Date(1400, 12, 31)) == "1400-12-31");
}

TEST_CASE("drf::Time holds a time of day with microseconds and orders by it", "[core]") {
    constexpr Time t(13, 5, 7, 123);
    STATIC_REQUIRE(t.hour() == 13);
    STATIC_REQUIRE(t.minute() == 5);
    STATIC_REQUIRE(t.second() == 7);
    STATIC_REQUIRE(t.microsecond() == 123);
    STATIC_REQUIRE(Time() == Time(0, 0));
    STATIC_REQUIRE(Time(13, 0) < Time(13, 0, 0, 1));
    STATIC_REQUIRE(Time(9, 59, 59, 999'999) < Time(10, 0));
    CHECK(t.since_midnight() == pt::hours(13) + pt::minutes(5) + pt::seconds(7) + pt::microseconds(123));
}

TEST_CASE("drf::Time refuses an hour, minute, second or microsecond out of range", "[core]") {
    CHECK_THROWS_AS(Time(24, 0), std::out_of_range);
    CHECK_THROWS_AS(Time(0, 60), std::out_of_range);
    CHECK_THROWS_AS(Time(0, 0, 60), std::out_of_range);
    CHECK_THROWS_AS(Time(0, 0, 0, 1'000'000), std::out_of_range);
    CHECK_THROWS_AS(Time(-1, 0), std::out_of_range);
    CHECK_FALSE(Time::from(24, 0));
    CHECK(Time::from(23, 59, 59, 999'999) == Time(23, 59, 59, 999'999));
}

TEST_CASE("parse_time reads hh:mm[:ss[.ffffff]] as Django does; the whole text must match", "[core]") {
    CHECK(drf::parse_time("13:00") == Time(13, 0));
    CHECK(drf::parse_time("1:2:3") == Time(1, 2, 3));
    CHECK(drf::parse_time("13:00:00.5") == Time(13, 0, 0, 500'000));
    CHECK(drf::parse_time("13:00:00,000123") == Time(13, 0, 0, 123));
    CHECK(drf::parse_time("13:00:00.1234567") == Time(13, 0, 0, 123'456));  // 7th digit on ignored
    CHECK(drf::parse_time("13:00\n") == Time(13, 0));
    // Django 3.2 stops at "10:00" and ignores the rest; Django 4 and drf do not.
    for (const char* bad : {"abc", "99:99", "25:00", "13", "13:00:", "10:00junk", "13:00+01:00", "13:00:00.", ""}) {
        INFO(bad);
        CHECK_FALSE(drf::parse_time(bad));
    }
}

TEST_CASE("A time renders as isoformat(), with microseconds only when there are some", "[core]") {
    CHECK(drf::to_iso8601(Time(13, 0)) == "13:00:00");
    CHECK(drf::to_iso8601(Time(0, 0)) == "00:00:00");
    CHECK(drf::to_iso8601(Time(1, 2, 3, 4)) == "01:02:03.000004");
}

Duration us(std::int64_t n) { return pt::microseconds(n); }
constexpr std::int64_t s = 1'000'000;

TEST_CASE("parse_duration reads Django's own form: [-]D [days, ][-][[HH:]MM:]SS[.ffffff]", "[core]") {
    CHECK(drf::parse_duration("13") == us(13 * s));
    CHECK(drf::parse_duration("3600") == us(3600 * s));
    CHECK(drf::parse_duration("08:01") == us(481 * s));
    CHECK(drf::parse_duration("1:2:3") == us(3723 * s));
    CHECK(drf::parse_duration("3 08:32:01.000123") == us(((3 * 24 + 8) * 3600 + 32 * 60 + 1) * s + 123));
    CHECK(drf::parse_duration("3 days, 08:00:00") == us((3 * 24 + 8) * 3600 * s));
    CHECK(drf::parse_duration("1 day, 0:00:00") == us(86400 * s));
    CHECK(drf::parse_duration("-1 23:59:59") == us(-s));  // days carry their sign, the rest is added
    CHECK(drf::parse_duration("-3 days, 01:00:00") == us((-3 * 24 + 1) * 3600 * s));
    CHECK(drf::parse_duration("-1:00") == us(-60 * s));  // the sign before the time negates it
    CHECK(drf::parse_duration("0.5") == us(s / 2));
    CHECK(drf::parse_duration("1,5") == us(s + s / 2));
    CHECK(drf::parse_duration("13\n") == us(13 * s));
    for (const char* bad : {"abc", "3 08:32 01.123", "1:2:3:4", "13 s", "--1", "1.", "P1x5D"}) {
        INFO(bad);
        CHECK(drf::read_duration(bad).error == drf::ParsedDuration::Error::format);
    }
}

TEST_CASE("parse_duration reads ISO 8601's PnDTnHnMnS and PostgreSQL's '3 days 04:05:06'", "[core]") {
    CHECK(drf::parse_duration("P3DT4H") == us((3 * 24 + 4) * 3600 * s));
    CHECK(drf::parse_duration("PT1M30S") == us(90 * s));
    CHECK(drf::parse_duration("P1.5D") == us(36 * 3600 * s));
    CHECK(drf::parse_duration("PT0,5S") == us(s / 2));
    CHECK(drf::parse_duration("-PT0.5S") == us(-s / 2));
    CHECK(drf::parse_duration("-P1DT1H") == us(-25 * 3600 * s));  // the sign covers the days too
    CHECK(drf::parse_duration("P") == us(0));
    CHECK(drf::parse_duration("P1DT") == us(86400 * s));
    CHECK(drf::parse_duration("3 days 04:05:06") == us(((3 * 24 + 4) * 3600 + 5 * 60 + 6) * s));
    CHECK(drf::parse_duration("1 day -01:00:00") == us(23 * 3600 * s));
    CHECK(drf::parse_duration("3 days") == us(3 * 86400 * s));
    CHECK(drf::parse_duration("1 day") == us(86400 * s));
    CHECK(drf::parse_duration("") == us(0));  // PostgreSQL's pattern is all optional, in Django too
}

TEST_CASE("A duration beyond drf::Duration's days is a range error, not a wrapped value", "[core]") {
    CHECK(drf::read_duration("106751990 23:59:59.999999").error == drf::ParsedDuration::Error::none);
    CHECK(drf::read_duration("-106751990 00:00:00").error == drf::ParsedDuration::Error::none);
    CHECK(drf::read_duration("106751991 00:00:00").error == drf::ParsedDuration::Error::range);
    CHECK(drf::read_duration("-106751991 23:00:00").error == drf::ParsedDuration::Error::range);
    CHECK(drf::read_duration("99999999999999999999").error == drf::ParsedDuration::Error::range);
    CHECK(drf::read_duration("P99999999999999999999D").error == drf::ParsedDuration::Error::range);
    // Django 3.2's unescaped '.' lets "1e308" through to an OverflowError; drf's fraction is [.,] only.
    CHECK(drf::read_duration("P1e308D").error == drf::ParsedDuration::Error::format);
    CHECK(drf::read_duration(std::string(1001, '1')).error == drf::ParsedDuration::Error::format);
}

TEST_CASE("duration_string writes Django's form, with Python's floored days for negative values", "[core]") {
    CHECK(drf::duration_string(us(((3 * 24 + 8) * 3600 + 32 * 60 + 1) * s + 123)) == "3 08:32:01.000123");
    CHECK(drf::duration_string(us(13 * s)) == "00:00:13");
    CHECK(drf::duration_string(us(0)) == "00:00:00");
    CHECK(drf::duration_string(us(-s)) == "-1 23:59:59");
    CHECK(drf::duration_string(us(-s / 2)) == "-1 23:59:59.500000");
    CHECK(drf::duration_string(us(400 * 86400 * s)) == "400 00:00:00");
}

TEST_CASE("timedelta_str writes Python's str(timedelta), which DRF's bound messages print", "[core]") {
    CHECK(drf::timedelta_str(us(86400 * s)) == "1 day, 0:00:00");
    CHECK(drf::timedelta_str(us(4 * 86400 * s)) == "4 days, 0:00:00");
    CHECK(drf::timedelta_str(us(-s)) == "-1 day, 23:59:59");
    CHECK(drf::timedelta_str(us(3723 * s + 5)) == "1:02:03.000005");
    CHECK(drf::timedelta_str(us(-2 * 86400 * s)) == "-2 days, 0:00:00");
}

TEST_CASE("strftime writes Python's directives in the C locale", "[core]") {
    using drf::detail::CivilTime;
    using drf::detail::strftime;
    const CivilTime aware{2001, 1, 1, 13, 0, 0, 0, true};
    CHECK(strftime("%I:%M%p, %d %b %Y", aware) == "01:00PM, 01 Jan 2001");
    CHECK(strftime("%Y-%m-%dT%H:%M:%S%z %Z %j %a %A %B %w %y %f %%", aware) ==
          "2001-01-01T13:00:00+0000 UTC 001 Mon Monday January 1 01 000000 %");
    // Python's date.strftime: a naive value, no zone; the time is midnight.
    CHECK(strftime("%Y %H %z|%Z| %j %a", CivilTime{2001, 3, 1}) == "2001 00 || 060 Thu");
    // Python's time.strftime: 1900-01-01.
    CHECK(strftime("%Y-%m-%d %H %I %p %f", CivilTime{1900, 1, 1, 0, 5, 0, 12}) == "1900-01-01 00 12 AM 000012");
    CHECK(strftime("%q and a trailing %", aware) == "%q and a trailing %");
}

TEST_CASE("strptime matches the whole text as Python's does, and fills what the format leaves out", "[core]") {
    using drf::detail::strptime;
    auto r = strptime("1:35pm, 1 Jan 2001", "%I:%M%p, %d %b %Y");
    REQUIRE(r);
    CHECK((r->year == 2001 && r->month == 1 && r->day == 1 && r->hour == 13 && r->minute == 35));
    CHECK(strptime("01:35PM,   01 jan 2001", "%I:%M%p, %d %b %Y"));  // any whitespace run, any case
    CHECK(strptime(" 1 Jan 2001", "%d %b %Y"));                       // %d takes " 1"
    CHECK_FALSE(strptime("1:35pm, 1 Jan 2001 ", "%I:%M%p, %d %b %Y"));  // unconverted data remains
    CHECK_FALSE(strptime("31 Feb 2001", "%d %b %Y"));
    CHECK_FALSE(strptime("02-29", "%m-%d"));  // Python's default year 1900 has no 29 February
    r = strptime("02-28", "%m-%d");
    REQUIRE(r);
    CHECK((r->year == 1900 && r->month == 2 && r->day == 28));
    r = strptime("060/2001", "%j/%Y");
    REQUIRE(r);
    CHECK((r->month == 3 && r->day == 1));
    r = strptime("12:30", "%I:%M");  // without %p, %I is AM
    REQUIRE(r);
    CHECK(r->hour == 0);
    r = strptime("12:00am", "%I:%M%p");
    REQUIRE(r);
    CHECK(r->hour == 0);
    r = strptime("September 5 69 7.25", "%B %d %y %S.%f");
    REQUIRE(r);
    CHECK((r->month == 9 && r->year == 1969 && r->second == 7 && r->microsecond == 250'000));
    r = strptime("68", "%y");
    REQUIRE(r);
    CHECK(r->year == 2068);
    CHECK_FALSE(strptime("2001", "%Q"));  // a bad directive
    CHECK_FALSE(strptime("2001%", "%Y%"));  // a stray %
    CHECK(strptime("100%", "100%%"));
}

TEST_CASE("strptime reads %z as Python 3.7+ does: ±HHMM, ±HH:MM, seconds, and an upper-case Z", "[core]") {
    using drf::detail::strptime;
    CHECK(strptime("+0530", "%z")->utc_offset_us == 19'800 * s);
    CHECK(strptime("-05:30", "%z")->utc_offset_us == -19'800 * s);
    CHECK(strptime("+05:30:15.5", "%z")->utc_offset_us == 19'815 * s + s / 2);
    CHECK(strptime("Z", "%z")->utc_offset_us == 0);
    CHECK_FALSE(strptime("z", "%z"));
    CHECK_FALSE(strptime("+05:3015", "%z"));  // Python: inconsistent use of ':'
    CHECK_FALSE(strptime("+2400", "%z"));     // Python's timezone() takes less than a day
    CHECK_FALSE(strptime("12:00", "%H:%M")->utc_offset_us);
}

TEST_CASE("humanize_strptime names each directive as DRF's error messages do", "[core]") {
    CHECK(drf::detail::humanize_strptime("%d %b %Y") == "DD [Jan-Dec] YYYY");
    CHECK(drf::detail::humanize_strptime("%I:%M%p, %d %b %Y") == "hh:mm[AM|PM], DD [Jan-Dec] YYYY");
    CHECK(drf::detail::humanize_strptime("%y %B %H:%S.%f %a %A %z %j") ==
          "YY [January-December] hh:ss.uuuuuu [Mon-Sun] [Monday-Sunday] [+HHMM|-HHMM] %j");
    const std::string_view formats[] = {"%d %b %Y", "iso-8601", "%j/%Y", "%m-%d"};
    CHECK(drf::detail::humanize_formats(formats, "YYYY-MM-DD") == "DD [Jan-Dec] YYYY, YYYY-MM-DD, %j/YYYY, MM-DD");
}

}  // namespace date_test
