// tests/core/timezone_test.cpp — drf::TimeZone against the system's tzdata, with pytz's and zoneinfo's
// answers: offsets through a zone's history and past its last transition, wall times in DST gaps and
// folds, and names that are not zones.
#include <drf/core/timezone.hpp>

#include <catch2/catch.hpp>

#include <cstdio>
#include <fstream>
#include <string>

namespace timezone_test {

using drf::DateTime;
using drf::LocalizedTime;
using drf::TimeZone;
namespace pt = boost::posix_time;

DateTime at(int y, int mo, int d, int h, int mi, int s = 0) {
    return DateTime(boost::gregorian::date(static_cast<unsigned short>(y), static_cast<unsigned short>(mo),
                                           static_cast<unsigned short>(d)),
                    pt::hours(h) + pt::minutes(mi) + pt::seconds(s));
}

TEST_CASE("Asia/Kolkata is +05:30, IST, and local mean time before its first transition", "[core]") {
    const TimeZone& kolkata = TimeZone::named("Asia/Kolkata");
    CHECK(kolkata.name() == "Asia/Kolkata");
    const drf::ZoneOffset o = kolkata.at(at(2016, 12, 19, 4, 30));
    CHECK(o.seconds == 19800);
    CHECK_FALSE(o.is_dst);
    CHECK(o.abbreviation == "IST");
    CHECK(kolkata.utc_offset(at(1850, 1, 1, 0, 0)) == 21208);  // LMT +05:53:28
    const LocalizedTime l = kolkata.localize(at(2016, 12, 19, 10, 0));
    CHECK(l.result == LocalizedTime::Result::unique);
    CHECK(l.value == at(2016, 12, 19, 4, 30));
}

TEST_CASE("America/New_York's 2017 gap is nonexistent and its fold ambiguous, as pytz's localize(is_dst=None)",
          "[core]") {
    const TimeZone& ny = TimeZone::named("America/New_York");
    CHECK(ny.localize(at(2017, 3, 12, 2, 30)).result == LocalizedTime::Result::nonexistent);
    CHECK(ny.localize(at(2017, 3, 12, 2, 0)).result == LocalizedTime::Result::nonexistent);
    const LocalizedTime fold = ny.localize(at(2017, 11, 5, 1, 30));
    CHECK(fold.result == LocalizedTime::Result::ambiguous);
    CHECK(fold.value == at(2017, 11, 5, 5, 30));  // the earlier instant, still EDT
    // Either side of each shift the wall time is one instant.
    CHECK(ny.localize(at(2017, 3, 12, 1, 59, 59)).value == at(2017, 3, 12, 6, 59, 59));
    CHECK(ny.localize(at(2017, 3, 12, 3, 0)).value == at(2017, 3, 12, 7, 0));
    CHECK(ny.localize(at(2017, 11, 5, 0, 59, 59)).value == at(2017, 11, 5, 4, 59, 59));
    CHECK(ny.localize(at(2017, 11, 5, 2, 0)).value == at(2017, 11, 5, 7, 0));
    CHECK(ny.localize(at(2017, 11, 5, 2, 0)).result == LocalizedTime::Result::unique);
    CHECK(ny.at(at(2017, 3, 12, 6, 59, 59)).abbreviation == "EST");
    CHECK(ny.at(at(2017, 3, 12, 7, 0)).abbreviation == "EDT");
    CHECK(ny.at(at(2017, 3, 12, 7, 0)).is_dst);
    CHECK(ny.utc_offset(at(2017, 3, 12, 7, 0)) == -4 * 3600);
}

TEST_CASE("Past the last transition the footer's POSIX rule decides, as zoneinfo does", "[core]") {
    const TimeZone& ny = TimeZone::named("America/New_York");
    CHECK(ny.at(at(2050, 7, 1, 12, 0)).seconds == -4 * 3600);
    CHECK(ny.at(at(2050, 7, 1, 12, 0)).abbreviation == "EDT");
    CHECK(ny.at(at(2050, 1, 1, 12, 0)).seconds == -5 * 3600);
    // 2050's second Sunday of March is the 13th, its first of November the 6th.
    CHECK(ny.utc_offset(at(2050, 3, 13, 6, 59, 59)) == -5 * 3600);
    CHECK(ny.utc_offset(at(2050, 3, 13, 7, 0)) == -4 * 3600);
    CHECK(ny.utc_offset(at(2050, 11, 6, 5, 59, 59)) == -4 * 3600);
    CHECK(ny.utc_offset(at(2050, 11, 6, 6, 0)) == -5 * 3600);
    CHECK(ny.localize(at(2050, 3, 13, 2, 30)).result == LocalizedTime::Result::nonexistent);
    CHECK(ny.localize(at(2050, 11, 6, 1, 30)).result == LocalizedTime::Result::ambiguous);
    // A southern zone whose half-hour shift wraps the new year: zoneinfo's +11:00 and +10:30.
    const TimeZone& lord_howe = TimeZone::named("Australia/Lord_Howe");
    CHECK(lord_howe.utc_offset(at(2050, 1, 1, 0, 0)) == 11 * 3600);
    CHECK(lord_howe.utc_offset(at(2050, 7, 1, 0, 0)) == 10 * 3600 + 1800);
    CHECK(lord_howe.localize(at(2050, 10, 2, 2, 15)).result == LocalizedTime::Result::nonexistent);
    CHECK(lord_howe.localize(at(2050, 4, 3, 1, 45)).result == LocalizedTime::Result::ambiguous);
}

TEST_CASE("UTC and fixed offsets need no tzdata", "[core]") {
    const TimeZone utc = TimeZone::utc();
    CHECK(utc.name() == "UTC");
    CHECK(utc.at(at(2017, 3, 12, 2, 30)).seconds == 0);
    CHECK(utc.at(at(2017, 3, 12, 2, 30)).abbreviation == "UTC");
    CHECK(utc.localize(at(2017, 3, 12, 2, 30)).value == at(2017, 3, 12, 2, 30));
    CHECK(TimeZone::named("UTC").name() == "UTC");
    CHECK(TimeZone::load("Etc/UTC").utc_offset(at(2017, 1, 1, 0, 0)) == 0);
    const TimeZone plus = TimeZone::fixed(5 * 3600 + 1800);
    CHECK(plus.name() == "+0530");  // Django's get_fixed_timezone name
    CHECK(plus.localize(at(2016, 12, 19, 10, 0)).value == at(2016, 12, 19, 4, 30));
    CHECK(TimeZone::fixed(-8 * 3600).name() == "-0800");
    CHECK_THROWS_AS(TimeZone::fixed(86400), drf::TimeZoneError);
}

TEST_CASE("Names that are not zones, paths out of the zone directory and corrupt files are refused", "[core]") {
    CHECK_THROWS_WITH(TimeZone::load("Mars/Olympus_Mons"),
                      Catch::Contains("\"Mars/Olympus_Mons\"") &&
                          Catch::Contains("/usr/share/zoneinfo/Mars/Olympus_Mons"));
    for (const char* bad : {"../../etc/passwd", "/etc/localtime", "America/../etc/passwd", "..", "", "America/",
                            "America//New_York", "./UTC", "New York", "America/New_York\n"}) {
        INFO(bad);
        CHECK_THROWS_AS(TimeZone::load(bad), drf::TimeZoneError);
        CHECK_THROWS_WITH(TimeZone::load(bad), Catch::Contains("is not a time zone name"));
    }
    CHECK_THROWS_WITH(TimeZone::load("America"), Catch::Contains("not a TZif file"));  // a directory
    const std::string dir = "/tmp";
    const std::string name = "drf_timezone_test_corrupt";
    {
        std::ofstream out(dir + "/" + name, std::ios::binary);
        out << "TZif2 this is not a zone";
    }
    CHECK_THROWS_WITH(TimeZone::load(name, dir), Catch::Contains("\"" + name + "\"") &&
                                                     Catch::Contains(dir + "/" + name + " is not a TZif file"));
    // A real file cut short.
    {
        std::ifstream in("/usr/share/zoneinfo/America/New_York", std::ios::binary);
        std::string whole{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
        std::ofstream out(dir + "/" + name, std::ios::binary);
        out << whole.substr(0, whole.size() - 30);
    }
    CHECK_THROWS_AS(TimeZone::load(name, dir), drf::TimeZoneError);
    std::remove((dir + "/" + name).c_str());
}

}  // namespace timezone_test
