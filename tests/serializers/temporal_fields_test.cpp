// tests/serializers/temporal_fields_test.cpp — DateField, TimeField, DurationField and DateTimeField's
// format/input_formats, ported from DRF 3.14's FieldValues tables (tests/test_fields.py) and checked
// against DRF for the cases beyond them. DRF's inputs that are Python objects (datetime.date,
// datetime.datetime, datetime.time, datetime.timedelta) cannot come from JSON and are left out, as are
// output rows whose value is a str where drf's member is a typed value.
#include <drf/core/json_parse.hpp>
#include <drf/core/timezone.hpp>
#include <drf/serializers.hpp>
#include <drf/serializers/kinds/date.hpp>
#include <drf/serializers/kinds/datetime_format.hpp>
#include <drf/serializers/kinds/duration.hpp>
#include <drf/serializers/kinds/time.hpp>

#include <catch2/catch.hpp>

#include <chrono>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace temporal_fields_test {

namespace s = drf::serializers;
using drf::Json;

namespace pt = boost::posix_time;

template <class S>
std::string errors(const Json& body) {
    return s::validate<S>(body).errors().dump();
}

template <class S>
auto valid(const Json& body) {
    auto result = s::validate<S>(body);
    INFO(result.errors().dump());
    REQUIRE(result);
    return std::move(result).value();
}

// Renders obj both ways drf renders (a Json tree, and JSON text directly); they must agree.
template <class S, class O>
std::string rendered(const O& obj) {
    std::string text;
    s::render_to<S>(text, obj);
    CHECK(Json::parse(text) == s::render<S>(obj));
    return text;
}

// { "f": value }
Json body(const Json& value) { return Json{{"f", value}}; }
std::string error_body(const std::string& message) {
    return Json{{"f", Json::array({message})}}.dump();
}

// --- DateField -------------------------------------------------------------------------------------

struct Day {
    drf::Date f;
    static constexpr auto fields = s::fields(s::date_field<&Day::f>());
};

const std::string date_format_error = "Date has wrong format. Use one of these formats instead: YYYY-MM-DD.";

TEST_CASE("A date field reads YYYY-MM-DD and answers DRF's wrong-format message otherwise", "[serializers]") {
    // DRF's TestDateField. datetime.date and datetime.datetime inputs are Python objects, not JSON; a
    // datetime written as text is simply a wrong format, so "Expected a date but got a datetime." is
    // never said to a JSON client.
    CHECK(valid<Day>(body("2001-01-01")).f == drf::Date(2001, 1, 1));
    for (const char* bad : {"abc", "2001-99-99", "2001-01", "2001", "2001-01-01T12:00:00"}) {
        INFO(bad);
        CHECK(errors<Day>(body(bad)) == error_body(date_format_error));
    }
    SECTION("input that is not a string is a wrong format, as DRF's TypeError is") {
        for (const Json& bad : {Json(20010101), Json(true), Json::array(), Json::object()})
            CHECK(errors<Day>(body(bad)) == error_body(date_format_error));
    }
}

TEST_CASE("A date before 1400 is 'Date value out of range.': drf::Date cannot hold it", "[serializers]") {
    // Django accepts years from 1; DRF has no message for this, so drf says it as DateTimeField does.
    const auto result = s::validate<Day>(body("1399-12-31"));
    REQUIRE_FALSE(result);
    CHECK(result.errors() == Json::parse(R"({"f": ["Date value out of range."]})"));
    CHECK(s::validate<Day>(body("1399-12-31")).full_details()["f"][0]["code"] == "overflow");
}

TEST_CASE("A date renders as YYYY-MM-DD, and an empty one as null", "[serializers]") {
    // DRF's outputs: date(2001, 1, 1) -> '2001-01-01', None -> None. (A str value, '2001-01-01' -> itself
    // and '' -> None, has no drf::Date counterpart.)
    CHECK(rendered<Day>(Day{drf::Date(2001, 1, 1)}) == R"({"f":"2001-01-01"})");
    CHECK(rendered<Day>(Day{}) == R"({"f":null})");
}

struct MaybeDay {
    std::optional<drf::Date> f;
    static constexpr auto fields = s::fields(s::date_field<&MaybeDay::f>().allow_null());
};

TEST_CASE("A nullable date takes and renders null", "[serializers]") {
    CHECK_FALSE(valid<MaybeDay>(body(nullptr)).f);
    CHECK(rendered<MaybeDay>(MaybeDay{}) == R"({"f":null})");
    CHECK(rendered<MaybeDay>(MaybeDay{drf::Date(2016, 1, 10)}) == R"({"f":"2016-01-10"})");
}

struct DayIn {
    drf::Date f;
    static constexpr auto fields = s::fields(s::date_field<&DayIn::f>({.input_formats = {"%d %b %Y"}}));
};

TEST_CASE("A date field with input_formats reads those formats only", "[serializers]") {
    // DRF's TestCustomInputFormatDateField.
    CHECK(valid<DayIn>(body("1 Jan 2001")).f == drf::Date(2001, 1, 1));
    CHECK(valid<DayIn>(body("01   JAN 2001")).f == drf::Date(2001, 1, 1));  // strptime: any spaces, any case
    CHECK(errors<DayIn>(body("2001-01-01")) ==
          error_body("Date has wrong format. Use one of these formats instead: DD [Jan-Dec] YYYY."));
    CHECK(errors<DayIn>(body("31 Feb 2001")) ==
          error_body("Date has wrong format. Use one of these formats instead: DD [Jan-Dec] YYYY."));
}

struct DayMany {
    drf::Date f;
    static constexpr auto fields =
        s::fields(s::date_field<&DayMany::f>({.input_formats = {"%d %b %Y", s::iso_8601, "%j/%Y", "%m-%d"}}));
};

TEST_CASE("A date field tries its input formats in order and lists them all in its message", "[serializers]") {
    CHECK(valid<DayMany>(body("1 Jan 2001")).f == drf::Date(2001, 1, 1));
    CHECK(valid<DayMany>(body("2001-1-5")).f == drf::Date(2001, 1, 5));
    CHECK(valid<DayMany>(body("060/2001")).f == drf::Date(2001, 3, 1));
    CHECK(valid<DayMany>(body("02-28")).f == drf::Date(1900, 2, 28));  // strptime's default year
    CHECK(errors<DayMany>(body("02-29")) ==
          error_body("Date has wrong format. Use one of these formats instead: DD [Jan-Dec] YYYY, YYYY-MM-DD, "
                     "%j/YYYY, MM-DD."));
}

struct DayOut {
    drf::Date f;
    static constexpr auto fields = s::fields(s::date_field<&DayOut::f>({.format = "%d %b %Y"}));
};

struct DayNoFormat {
    drf::Date f;
    static constexpr auto fields = s::fields(s::date_field<&DayNoFormat::f>({.format = std::nullopt}));
};

TEST_CASE("A date field with a format renders through strftime; format=None renders ISO text", "[serializers]") {
    // DRF's TestCustomOutputFormatDateField.
    CHECK(rendered<DayOut>(DayOut{drf::Date(2001, 1, 1)}) == R"({"f":"01 Jan 2001"})");
    // DRF's TestNoOutputFormatDateField hands the date object on; DRF's JSON encoder writes isoformat().
    CHECK(rendered<DayNoFormat>(DayNoFormat{drf::Date(2001, 1, 1)}) == R"({"f":"2001-01-01"})");
    CHECK(valid<DayOut>(body("2001-01-01")).f == drf::Date(2001, 1, 1));  // input stays ISO 8601
}

struct DayQuoted {
    drf::Date f;
    static constexpr auto fields = s::fields(s::date_field<&DayQuoted::f>({.format = "\"%Y\"\n"}));
};

TEST_CASE("A custom output format is escaped as JSON text", "[serializers]") {
    CHECK(rendered<DayQuoted>(DayQuoted{drf::Date(2001, 1, 1)}) == R"({"f":"\"2001\"\n"})");
}

// --- TimeField -------------------------------------------------------------------------------------

struct At {
    drf::Time f;
    static constexpr auto fields = s::fields(s::time_field<&At::f>());
};

const std::string time_format_error = "Time has wrong format. Use one of these formats instead: hh:mm[:ss[.uuuuuu]].";

TEST_CASE("A time field reads hh:mm[:ss[.uuuuuu]] and answers DRF's wrong-format message otherwise", "[serializers]") {
    // DRF's TestTimeField (its datetime.time input is a Python object).
    CHECK(valid<At>(body("13:00")).f == drf::Time(13, 0));
    CHECK(valid<At>(body("13:00:00.000123")).f == drf::Time(13, 0, 0, 123));
    for (const Json& bad : {Json("abc"), Json("99:99"), Json("25:00"), Json("10:00junk"), Json(1300)}) {
        INFO(bad.dump());
        CHECK(errors<At>(body(bad)) == error_body(time_format_error));
    }
}

TEST_CASE("A time renders as isoformat()", "[serializers]") {
    // DRF's outputs: time(13, 0) -> '13:00:00', time(0, 0) -> '00:00:00' (str values and '' have no
    // drf::Time counterpart; None is an empty std::optional).
    CHECK(rendered<At>(At{drf::Time(13, 0)}) == R"({"f":"13:00:00"})");
    CHECK(rendered<At>(At{drf::Time(0, 0)}) == R"({"f":"00:00:00"})");
    CHECK(rendered<At>(At{drf::Time(0, 0, 0, 5)}) == R"({"f":"00:00:00.000005"})");
}

struct MaybeAt {
    std::optional<drf::Time> f;
    static constexpr auto fields = s::fields(s::time_field<&MaybeAt::f>().allow_null());
};

TEST_CASE("A nullable time takes and renders null", "[serializers]") {
    CHECK_FALSE(valid<MaybeAt>(body(nullptr)).f);
    CHECK(rendered<MaybeAt>(MaybeAt{}) == R"({"f":null})");
}

struct AtIn {
    drf::Time f;
    static constexpr auto fields = s::fields(s::time_field<&AtIn::f>({.input_formats = {"%I:%M%p"}}));
};

TEST_CASE("A time field with input_formats reads those formats only", "[serializers]") {
    // DRF's TestCustomInputFormatTimeField.
    CHECK(valid<AtIn>(body("1:00pm")).f == drf::Time(13, 0));
    CHECK(valid<AtIn>(body("12:00AM")).f == drf::Time(0, 0));
    CHECK(errors<AtIn>(body("13:00")) == error_body("Time has wrong format. Use one of these formats instead: hh:mm[AM|PM]."));
}

struct AtOut {
    drf::Time f;
    static constexpr auto fields = s::fields(s::time_field<&AtOut::f>({.format = "%I:%M%p"}));
};

struct AtNoFormat {
    drf::Time f;
    static constexpr auto fields = s::fields(s::time_field<&AtNoFormat::f>({.format = std::nullopt}));
};

TEST_CASE("A time field with a format renders through strftime; format=None renders ISO text", "[serializers]") {
    // DRF's TestCustomOutputFormatTimeField and TestNoOutputFormatTimeField (the encoder's isoformat()).
    CHECK(rendered<AtOut>(AtOut{drf::Time(13, 0)}) == R"({"f":"01:00PM"})");
    CHECK(rendered<AtNoFormat>(AtNoFormat{drf::Time(13, 0)}) == R"({"f":"13:00:00"})");
}

// --- DateTimeField format and input_formats ----------------------------------------------------------

struct WhenIn {
    drf::DateTime f;
    static constexpr auto fields = s::fields(s::datetime_field<&WhenIn::f>({.input_formats = {"%I:%M%p, %d %b %Y"}}));
};

TEST_CASE("A datetime field with input_formats reads those formats only, as UTC", "[serializers]") {
    // DRF's TestCustomInputFormatDateTimeField (default_timezone=utc: drf's only zone).
    CHECK(valid<WhenIn>(body("1:35pm, 1 Jan 2001")).f == drf::DateTime(drf::Date(2001, 1, 1), pt::hours(13) + pt::minutes(35)));
    CHECK(errors<WhenIn>(body("2001-01-01T20:50")) ==
          error_body("Datetime has wrong format. Use one of these formats instead: hh:mm[AM|PM], DD [Jan-Dec] YYYY."));
}

struct WhenZoned {
    drf::DateTime f;
    static constexpr auto fields =
        s::fields(s::datetime_field<&WhenZoned::f>({.input_formats = {"%Y-%m-%d %H:%M%z", s::iso_8601}}));
};

TEST_CASE("A datetime read with %z is converted to UTC and range-checked as ISO 8601 input is", "[serializers]") {
    const drf::Date day(2001, 1, 1);
    CHECK(valid<WhenZoned>(body("2001-01-01 13:00+0530")).f == drf::DateTime(day, pt::hours(7) + pt::minutes(30)));
    CHECK(valid<WhenZoned>(body("2001-01-01 13:00+05:30")).f == drf::DateTime(day, pt::hours(7) + pt::minutes(30)));
    CHECK(valid<WhenZoned>(body("2001-01-01 13:00Z")).f == drf::DateTime(day, pt::hours(13)));
    CHECK(valid<WhenZoned>(body("2001-01-01T13:00")).f == drf::DateTime(day, pt::hours(13)));
    CHECK(errors<WhenZoned>(body("2001-01-01 13:00z")) ==
          error_body("Datetime has wrong format. Use one of these formats instead: YYYY-MM-DD hh:mm[+HHMM|-HHMM], "
                     "YYYY-MM-DDThh:mm[:ss[.uuuuuu]][+HH:MM|-HH:MM|Z]."));
    // DRF: astimezone() overflows past 9999.
    CHECK(errors<WhenZoned>(body("9999-12-31 23:00-0200")) == error_body("Datetime value out of range."));
    CHECK(errors<WhenZoned>(body("9999-12-31T21:59:59.99990-03:00")) == error_body("Datetime value out of range."));
    // Django holds year 1300; Boost.date_time does not (as for the plain datetime field).
    CHECK(errors<WhenZoned>(body("1300-01-01 10:00")) == error_body("Datetime value out of range."));
    CHECK(s::validate<WhenZoned>(body("1300-01-01 10:00")).full_details()["f"][0]["code"] == "overflow");
}

struct WhenOut {
    drf::DateTime f;
    static constexpr auto fields = s::fields(s::datetime_field<&WhenOut::f>({.format = "%I:%M%p, %d %b %Y"}));
};

struct WhenNoFormat {
    drf::DateTime f;
    static constexpr auto fields = s::fields(s::datetime_field<&WhenNoFormat::f>({.format = std::nullopt}));
};

struct WhenZ {
    drf::DateTime f;
    static constexpr auto fields = s::fields(s::datetime_field<&WhenZ::f>({.format = "%Y-%m-%dT%H:%M:%S.%f%z %Z"}));
};

TEST_CASE("A datetime field with a format renders through strftime in UTC; format=None renders ISO text",
          "[serializers]") {
    const drf::DateTime at(drf::Date(2001, 1, 1), pt::hours(13));
    // DRF's TestCustomOutputFormatDateTimeField.
    CHECK(rendered<WhenOut>(WhenOut{at}) == R"({"f":"01:00PM, 01 Jan 2001"})");
    // DRF's TestNoOutputFormatDateTimeField hands the datetime on; DRF's encoder writes isoformat() with Z.
    CHECK(rendered<WhenNoFormat>(WhenNoFormat{at}) == R"({"f":"2001-01-01T13:00:00Z"})");
    CHECK(rendered<WhenZ>(WhenZ{at + pt::microseconds(5)}) == R"({"f":"2001-01-01T13:00:00.000005+0000 UTC"})");
    CHECK(rendered<WhenOut>(WhenOut{}) == R"({"f":null})");
}

struct Record {
    drf::DateTime at;
    drf::DateTime seen;
    static constexpr auto fields = s::fields(s::datetime_field<&Record::at>("when", {.format = "%Y"}),
                                             s::datetime_field<&Record::seen>("seen_at"));
};

TEST_CASE("A datetime field's options sit beside the plain builder, with or without a key", "[serializers]") {
    const drf::DateTime at(drf::Date(2001, 1, 1), pt::hours(13));
    CHECK(rendered<Record>(Record{at, at}) == R"({"when":"2001","seen_at":"2001-01-01T13:00:00Z"})");
}

// --- DateTimeField default_timezone -----------------------------------------------------------------

struct WhenKolkata {
    drf::DateTime f;
    static constexpr auto fields = s::fields(s::datetime_field<&WhenKolkata::f>({.default_timezone = "Asia/Kolkata"}));
};

TEST_CASE("A datetime field with a default_timezone reads naive text in that zone and renders in it",
          "[serializers]") {
    // DRF's TestTZWithDateTimeField (its datetime inputs and naive output row are Python objects).
    const drf::DateTime utc(drf::Date(2016, 12, 19), pt::hours(4) + pt::minutes(30));
    CHECK(valid<WhenKolkata>(body("2016-12-19T10:00:00")).f == utc);
    CHECK(valid<WhenKolkata>(body("2016-12-19T10:00:00+05:30")).f == utc);
    CHECK(rendered<WhenKolkata>(WhenKolkata{utc}) == R"({"f":"2016-12-19T10:00:00+05:30"})");
    // Checked against DRF: aware input is the same instant; the fraction stays before the offset.
    CHECK(valid<WhenKolkata>(body("2016-12-19T04:30:00Z")).f == utc);
    CHECK(rendered<WhenKolkata>(WhenKolkata{utc + pt::microseconds(5)}) ==
          R"({"f":"2016-12-19T10:00:00.000005+05:30"})");
    CHECK(rendered<WhenKolkata>(WhenKolkata{}) == R"({"f":null})");
    // DRF: astimezone() overflows when the wall time in the zone passes 9999.
    CHECK(errors<WhenKolkata>(body("9999-12-31T20:00:00Z")) == error_body("Datetime value out of range."));
    CHECK(s::validate<WhenKolkata>(body("9999-12-31T20:00:00Z")).full_details()["f"][0]["code"] == "overflow");
    // drf's range is in UTC: 9999's last hour in Kolkata is an instant drf holds (DRF with pytz: a 500),
    // 1400's first in Kolkata is not.
    CHECK(valid<WhenKolkata>(body("9999-12-31T23:00")).f ==
          drf::DateTime(drf::Date(9999, 12, 31), pt::hours(17) + pt::minutes(30)));
    CHECK(errors<WhenKolkata>(body("1400-01-01T03:00")) == error_body("Datetime value out of range."));
}

struct WhenNewYork {
    drf::DateTime f;
    static constexpr auto fields =
        s::fields(s::datetime_field<&WhenNewYork::f>({.default_timezone = "America/New_York"}));
};

struct WhenNewYorkFormatted {
    drf::DateTime f;
    static constexpr auto fields = s::fields(s::datetime_field<&WhenNewYorkFormatted::f>(
        {.format = "%Y-%m-%d %H:%M:%S%z %Z",
         .input_formats = {"%Y-%m-%d %H:%M", "%Y-%m-%d %H:%M%z"},
         .default_timezone = "America/New_York"}));
};

TEST_CASE("A wall time in a DST gap or fold of the default_timezone is DRF's make_aware error", "[serializers]") {
    // DRF's TestNaiveDayLightSavingTimeTimeZoneDateTimeField, with the real zone in place of its mock.
    const std::string invalid = error_body("Invalid datetime for the timezone \"America/New_York\".");
    CHECK(errors<WhenNewYork>(body("2017-03-12T02:30:00")) == invalid);
    CHECK(errors<WhenNewYork>(body("2017-11-05T01:30:00")) == invalid);
    CHECK(s::validate<WhenNewYork>(body("2017-11-05T01:30:00")).full_details()["f"][0]["code"] == "make_aware");
    // Checked against DRF with pytz's zone: an offset picks one side of the fold; either side of a shift
    // is one instant; output shows the offset in force.
    const drf::Date nov5(2017, 11, 5);
    CHECK(valid<WhenNewYork>(body("2017-11-05T01:30:00-04:00")).f == drf::DateTime(nov5, pt::hours(5) + pt::minutes(30)));
    CHECK(valid<WhenNewYork>(body("2017-11-05T01:30:00-05:00")).f == drf::DateTime(nov5, pt::hours(6) + pt::minutes(30)));
    CHECK(valid<WhenNewYork>(body("2017-03-12T01:59:59")).f ==
          drf::DateTime(drf::Date(2017, 3, 12), pt::hours(6) + pt::minutes(59) + pt::seconds(59)));
    CHECK(valid<WhenNewYork>(body("2017-03-12 03:00")).f == drf::DateTime(drf::Date(2017, 3, 12), pt::hours(7)));
    CHECK(rendered<WhenNewYork>(WhenNewYork{drf::DateTime(nov5, pt::hours(5) + pt::minutes(30))}) ==
          R"({"f":"2017-11-05T01:30:00-04:00"})");
    CHECK(rendered<WhenNewYork>(WhenNewYork{drf::DateTime(nov5, pt::hours(6) + pt::minutes(30))}) ==
          R"({"f":"2017-11-05T01:30:00-05:00"})");
    // Past 2037 tzdata's rule goes on, as Django's zoneinfo zones do (pytz's table stops, giving -05:00).
    CHECK(rendered<WhenNewYork>(WhenNewYork{drf::DateTime(drf::Date(2050, 7, 1), pt::hours(12))}) ==
          R"({"f":"2050-07-01T08:00:00-04:00"})");
    // strptime input and strftime output in the zone.
    CHECK(errors<WhenNewYorkFormatted>(body("2017-03-12 02:30")) == invalid);
    CHECK(errors<WhenNewYorkFormatted>(body("2017-11-05 01:30")) == invalid);
    CHECK(valid<WhenNewYorkFormatted>(body("2017-11-05 01:30-0500")).f ==
          drf::DateTime(nov5, pt::hours(6) + pt::minutes(30)));
    CHECK(valid<WhenNewYorkFormatted>(body("2017-07-01 12:00")).f == drf::DateTime(drf::Date(2017, 7, 1), pt::hours(16)));
    CHECK(rendered<WhenNewYorkFormatted>(WhenNewYorkFormatted{drf::DateTime(nov5, pt::hours(5) + pt::minutes(30))}) ==
          R"({"f":"2017-11-05 01:30:00-0400 EDT"})");
    CHECK(rendered<WhenNewYorkFormatted>(WhenNewYorkFormatted{drf::DateTime(nov5, pt::hours(6) + pt::minutes(30))}) ==
          R"({"f":"2017-11-05 01:30:00-0500 EST"})");
}

struct WhenKolkataFormatted {
    drf::DateTime f;
    static constexpr auto fields = s::fields(
        s::datetime_field<&WhenKolkataFormatted::f>({.format = "%d/%m/%Y %H:%M", .default_timezone = "Asia/Kolkata"}));
};

struct WhenLondon {
    drf::DateTime f;
    static constexpr auto fields = s::fields(s::datetime_field<&WhenLondon::f>({.default_timezone = "Europe/London"}));
};

struct WhenNewYorkNoFormat {
    drf::DateTime f;
    static constexpr auto fields = s::fields(
        s::datetime_field<&WhenNewYorkNoFormat::f>({.format = std::nullopt, .default_timezone = "America/New_York"}));
};

TEST_CASE("A datetime field's format renders the wall time in its default_timezone", "[serializers]") {
    // DRF's TestCustomTimezoneForDateTimeField: dt.astimezone(kolkata).strftime(format).
    const drf::DateTime at(drf::Date(2018, 2, 8), pt::hours(14) + pt::minutes(15) + pt::seconds(16));
    CHECK(rendered<WhenKolkataFormatted>(WhenKolkataFormatted{at}) == R"({"f":"08/02/2018 19:45"})");
    // Checked against DRF: an offset of zero is DRF's Z whatever the zone; format=None hands the UTC
    // value to the JSON encoder untouched.
    CHECK(rendered<WhenLondon>(WhenLondon{drf::DateTime(drf::Date(2017, 1, 1), pt::hours(12))}) ==
          R"({"f":"2017-01-01T12:00:00Z"})");
    CHECK(rendered<WhenLondon>(WhenLondon{drf::DateTime(drf::Date(2017, 7, 1), pt::hours(12))}) ==
          R"({"f":"2017-07-01T13:00:00+01:00"})");
    CHECK(valid<WhenLondon>(body("2017-07-01T13:00")).f == drf::DateTime(drf::Date(2017, 7, 1), pt::hours(12)));
    CHECK(rendered<WhenNewYorkNoFormat>(WhenNewYorkNoFormat{drf::DateTime(drf::Date(2017, 11, 5), pt::hours(5))}) ==
          R"({"f":"2017-11-05T05:00:00Z"})");
}

struct WhenNowhere {
    drf::DateTime f;
    static constexpr auto fields = s::fields(s::datetime_field<&WhenNowhere::f>({.default_timezone = "Mars/Olympus"}));
};

TEST_CASE("A default_timezone that is not a zone throws on first use, naming it", "[serializers]") {
    CHECK_THROWS_AS(s::validate<WhenNowhere>(body("2017-01-01T00:00")), drf::TimeZoneError);
    CHECK_THROWS_WITH(s::render<WhenNowhere>(WhenNowhere{drf::DateTime(drf::Date(2017, 1, 1))}),
                      Catch::Contains("\"Mars/Olympus\""));
}

struct WhenNaive {
    drf::DateTime f;
    static constexpr auto fields = s::fields(s::datetime_field<&WhenNaive::f>({.naive = true}));
};

struct WhenNaiveFormatted {
    drf::DateTime f;
    static constexpr auto fields = s::fields(s::datetime_field<&WhenNaiveFormatted::f>({.format = "%H:%M%z|%Z|", .naive = true}));
};

TEST_CASE("A naive datetime field reads aware text in UTC and renders without an offset", "[serializers]") {
    // DRF's TestNaiveDateTimeField (default_timezone=None, with USE_TZ off; its datetime inputs are
    // Python objects). The member holds the naive wall time.
    const drf::DateTime at(drf::Date(2001, 1, 1), pt::hours(13));
    CHECK(valid<WhenNaive>(body("2001-01-01 13:00")).f == at);
    CHECK(rendered<WhenNaive>(WhenNaive{at}) == R"({"f":"2001-01-01T13:00:00"})");
    // Checked against DRF: timezone.make_naive(value, utc), and no %z or %Z for a naive datetime.
    CHECK(valid<WhenNaive>(body("2001-01-01T13:00Z")).f == at);
    CHECK(valid<WhenNaive>(body("2001-01-01T18:30+05:30")).f == at);
    CHECK(rendered<WhenNaive>(WhenNaive{at + pt::microseconds(5)}) == R"({"f":"2001-01-01T13:00:00.000005"})");
    CHECK(rendered<WhenNaiveFormatted>(WhenNaiveFormatted{at}) == R"({"f":"13:00||"})");
    CHECK_THROWS_AS(s::datetime_field({.default_timezone = "UTC", .naive = true}), std::invalid_argument);
    // RFC 3339's date-time needs an offset.
    CHECK(s::datetime_field<&WhenNaive::f>({.naive = true}).kind.openapi_schema() == Json{{"type", "string"}});
    CHECK(s::datetime_field<&WhenKolkata::f>({.default_timezone = "Asia/Kolkata"}).kind.openapi_schema() ==
          Json{{"type", "string"}, {"format", "date-time"}});
}

// --- DurationField ----------------------------------------------------------------------------------

struct Span {
    drf::Duration f;
    static constexpr auto fields = s::fields(s::duration_field<&Span::f>());
};

const std::string duration_format_error =
    "Duration has wrong format. Use one of these formats instead: [DD] [HH:[MM:]]ss[.uuuuuu].";

TEST_CASE("A duration field reads Django's duration forms and numbers of seconds", "[serializers]") {
    // DRF's TestDurationField (its timedelta input is a Python object).
    CHECK(valid<Span>(body("13")).f == pt::seconds(13));
    CHECK(valid<Span>(body("3 08:32:01.000123")).f ==
          pt::hours(3 * 24 + 8) + pt::minutes(32) + pt::seconds(1) + pt::microseconds(123));
    CHECK(valid<Span>(body("08:01")).f == pt::minutes(8) + pt::seconds(1));
    CHECK(valid<Span>(body(3600)).f == pt::hours(1));
    CHECK(valid<Span>(body(86401.5)).f == pt::seconds(86401) + pt::milliseconds(500));  // str(86401.5)
    CHECK(valid<Span>(body("P3DT4H")).f == pt::hours(76));
    CHECK(valid<Span>(body("3 days 04:05:06")).f == pt::hours(76) + pt::minutes(5) + pt::seconds(6));
    for (const Json& bad : {Json("abc"), Json("3 08:32 01.123"), Json(true), Json::array({1}), Json::object(), Json(1e20)}) {
        INFO(bad.dump());
        CHECK(errors<Span>(body(bad)) == error_body(duration_format_error));
    }
}

TEST_CASE("A duration beyond drf::Duration's days is DRF 3.15's overflow message with drf's limits", "[serializers]") {
    // DRF 3.14 answers 500 (OverflowError) past Python's 999999999 days; Boost's microseconds stop sooner.
    const char* message = "The number of days must be between -106751990 and 106751990.";
    CHECK(errors<Span>(body("106751991 00:00:00")) == error_body(message));
    CHECK(errors<Span>(drf::parse_json(R"({"f": 100000000000000000000})")) == error_body(message));
    CHECK(s::validate<Span>(body("106751991 00:00:00")).full_details()["f"][0]["code"] == "overflow");
}

TEST_CASE("A duration renders as Django's duration_string", "[serializers]") {
    // DRF's TestDurationField outputs.
    CHECK(rendered<Span>(Span{pt::hours(3 * 24 + 8) + pt::minutes(32) + pt::seconds(1) + pt::microseconds(123)}) ==
          R"({"f":"3 08:32:01.000123"})");
    CHECK(rendered<Span>(Span{pt::seconds(-1)}) == R"({"f":"-1 23:59:59"})");
    CHECK(rendered<Span>(Span{pt::seconds(13)}) == R"({"f":"00:00:13"})");
    CHECK(rendered<Span>(Span{drf::Duration(pt::not_a_date_time)}) == R"({"f":null})");
}

struct Bounded {
    drf::Duration f;
    static constexpr auto fields = s::fields(
        s::duration_field<&Bounded::f>().min_value(std::chrono::days{1}).max_value(std::chrono::days{4}));
};

TEST_CASE("A duration field's max_value and min_value are printed as Python's str(timedelta)", "[serializers]") {
    // DRF's TestMinMaxDurationField.
    CHECK(valid<Bounded>(body("3 08:32:01.000123")).f ==
          pt::hours(3 * 24 + 8) + pt::minutes(32) + pt::seconds(1) + pt::microseconds(123));
    CHECK(valid<Bounded>(body(86401)).f == pt::hours(24) + pt::seconds(1));
    CHECK(errors<Bounded>(body(3600)) == error_body("Ensure this value is greater than or equal to 1 day, 0:00:00."));
    CHECK(errors<Bounded>(body("3600")) == error_body("Ensure this value is greater than or equal to 1 day, 0:00:00."));
    CHECK(errors<Bounded>(body("4 08:32:01.000123")) ==
          error_body("Ensure this value is less than or equal to 4 days, 0:00:00."));
    CHECK(s::validate<Bounded>(body(3600)).full_details()["f"][0]["code"] == "min_value");
    CHECK(s::validate<Bounded>(body("5 00:00:00")).full_details()["f"][0]["code"] == "max_value");
}

TEST_CASE("A duration bound may be a drf::Duration, and a negative one prints with Python's floored days",
          "[serializers]") {
    const auto field = s::duration_field<&Span::f>().max_value(drf::Duration(pt::seconds(-1)));
    Json slot;
    field.kind.check(pt::seconds(0), slot);
    REQUIRE(slot.size() == 1);
    CHECK(slot[0]["message"] == "Ensure this value is less than or equal to -1 day, 23:59:59.");
    CHECK(slot[0]["code"] == "max_value");
}

// --- Builders and schemas --------------------------------------------------------------------------

struct Owner {
    drf::Date born;
};
struct Pet {
    Owner owner;
    std::vector<drf::Date> days;
    std::vector<drf::Time> times;
    std::vector<drf::Duration> spans;
    std::vector<drf::DateTime> stamps;
    static constexpr auto fields =
        s::fields(s::date_field("owner_born", s::source(&Pet::owner, &Owner::born), {.format = "%Y"}),
                  s::list_field<&Pet::days>(s::date_field({.format = "%d/%m"})),
                  s::list_field<&Pet::times>(s::time_field()), s::list_field<&Pet::spans>(s::duration_field()),
                  s::list_field<&Pet::stamps>(s::datetime_field({.format = "%H"})));
};

TEST_CASE("The temporal builders bind source paths and make list_field children", "[serializers]") {
    Pet pet{{drf::Date(2001, 1, 1)},
            {drf::Date(2001, 2, 3)},
            {drf::Time(1, 2)},
            {pt::seconds(5)},
            {drf::DateTime(drf::Date(2001, 1, 1), pt::hours(7))}};
    CHECK(rendered<Pet>(pet) ==
          R"({"owner_born":"2001","days":["03/02"],"times":["01:02:00"],"spans":["00:00:05"],"stamps":["07"]})");
    const auto in = valid<Pet>(Json::parse(R"({"days": ["2001-02-03"], "times": ["1:02"], "spans": ["5"], "stamps": ["2001-01-01T07:00Z"]})"));
    CHECK(in.days == std::vector<drf::Date>{drf::Date(2001, 2, 3)});
    CHECK(in.times == std::vector<drf::Time>{drf::Time(1, 2)});
    CHECK(in.spans == std::vector<drf::Duration>{pt::seconds(5)});
}

struct Keyed {
    drf::Date d;
    drf::Time t;
    static constexpr auto fields = s::fields(s::date_field<&Keyed::d>("day", {.format = "%Y"}),
                                             s::time_field<&Keyed::t>({.format = "%H"}, "hour"));
};

TEST_CASE("A temporal builder takes its key before or after its options", "[serializers]") {
    CHECK(rendered<Keyed>(Keyed{drf::Date(2001, 1, 1), drf::Time(7, 0)}) == R"({"day":"2001","hour":"07"})");
}

TEST_CASE("The temporal kinds' OpenAPI schemas are drf-spectacular's", "[serializers]") {
    CHECK(s::date_field<&Day::f>().kind.openapi_schema() == Json::parse(R"({"type": "string", "format": "date"})"));
    CHECK(s::date_field<&Day::f>({.format = "%d %b %Y"}).kind.openapi_schema() ==
          Json::parse(R"({"type": "string", "format": "date"})"));
    CHECK(s::time_field<&At::f>().kind.openapi_schema() == Json::parse(R"({"type": "string", "format": "time"})"));
    // drf-spectacular 0.25: a DurationField is a plain string, bounds left out.
    CHECK(s::duration_field<&Span::f>().kind.openapi_schema() == Json::parse(R"({"type": "string"})"));
    CHECK(s::datetime_field<&WhenNoFormat::f>({.format = std::nullopt}).kind.openapi_schema() ==
          Json::parse(R"({"type": "string", "format": "date-time"})"));
    // drf-spectacular still says "date-time" here; drf does not, since the text is no RFC 3339 date-time.
    CHECK(s::datetime_field<&WhenOut::f>({.format = "%I:%M%p"}).kind.openapi_schema() == Json::parse(R"({"type": "string"})"));
}

}  // namespace temporal_fields_test
