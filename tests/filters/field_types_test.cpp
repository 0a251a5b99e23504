// tests/filters/field_types_test.cpp — filters on Decimal, Date, Time and Duration members: every lookup
// on this run's backend, values read as django-filter's DecimalField, DateField, TimeField and
// DurationField read them (checked against django-filter 23.1 on Django 3.2), their messages word for
// word, and the parameters' OpenAPI schemas as drf-spectacular 0.25 writes them.
#include "../support/database.hpp"

#include <drf/db.hpp>
#include <drf/filters/filterset.hpp>
#include <drf/http/request.hpp>
#include <drf/models.hpp>

#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace filters_field_types_test {

namespace db = drf::db;
namespace f = drf::filters;
using namespace drf::filters::lookups;
using drf::Json;
using Names = std::vector<std::string>;

struct Item : drf::models::Model<Item> {
    std::string name;
    drf::Decimal price;
    std::optional<drf::Decimal> cost;
    drf::Date day;
    std::optional<drf::Date> due;
    drf::Time opens;
    std::optional<drf::Time> closes;
    drf::Duration took;
    std::optional<drf::Duration> rest;
    static constexpr auto meta = drf::models::meta<Item>(
        "ft_items", drf::models::field<&Item::name>(),
        drf::models::field<&Item::price>().max_digits(8).decimal_places(2),
        drf::models::field<&Item::cost>().max_digits(8).decimal_places(2), drf::models::field<&Item::day>(),
        drf::models::field<&Item::due>(), drf::models::field<&Item::opens>(), drf::models::field<&Item::closes>(),
        drf::models::field<&Item::took>(), drf::models::field<&Item::rest>());
};

// A method filter handed an exact Decimal: it keeps what it was given, for the test to look at.
std::optional<drf::Decimal> handed;
db::QuerySet<Item> at_least(db::QuerySet<Item> query, drf::Decimal floor) {
    handed = floor;
    return query.filter(db::ge(&Item::price, floor));
}
db::QuerySet<Item> on_day(db::QuerySet<Item> query, drf::Date day) { return query.filter(db::eq(&Item::day, day)); }

constexpr auto item_filters = f::filters<Item>(
    f::filter<&Item::price>({exact, gt, gte, lt, lte, in, range}), f::filter<&Item::cost>({exact, isnull, range}),
    f::filter<&Item::day>({exact, gt, gte, lt, lte, in, range}), f::filter<&Item::due>({isnull, lte}),
    f::filter<&Item::opens>({exact, gt, gte, lt, lte, in, range}), f::filter<&Item::closes>({isnull, gte}),
    f::filter<&Item::took>({exact, gt, gte, lt, lte, in, range}), f::filter<&Item::rest>({isnull, exact}),
    f::method<&at_least>("min_price"), f::method<&on_day>("on"));

drf::Duration us(std::int64_t n) { return boost::posix_time::microseconds(n); }
drf::Duration seconds(std::int64_t n) { return us(n * 1'000'000); }

// tea 1.50 (cost 0.75), opens 09:30, took 1h30m; cake 12.25, due 2026-03-01, opens 10:00:00.5, took
// 1 day 2h, rest 15 min; bread 3.10 (cost 1.05), opens 23:59:59.999999, took 45 s; jam 1.55, opens
// 00:00, took -1 s. Days 2026-01-04, 2026-02-28, 2026-03-15, 2025-12-31.
struct Store {
    db::Database database = drf_test::open_database();
    Store() {
        for (const auto& s : db::create_table_sql<Item>(database.dialect())) database.connection().execute(s);
        add("tea", "1.50", "0.75", drf::Date(2026, 1, 4), std::nullopt, drf::Time(9, 30), drf::Time(17, 0),
            seconds(5400), std::nullopt);
        add("cake", "12.25", std::nullopt, drf::Date(2026, 2, 28), drf::Date(2026, 3, 1), drf::Time(10, 0, 0, 500000),
            std::nullopt, seconds(93600), seconds(900));
        add("bread", "3.10", "1.05", drf::Date(2026, 3, 15), std::nullopt, drf::Time(23, 59, 59, 999999),
            std::nullopt, seconds(45), std::nullopt);
        add("jam", "1.55", std::nullopt, drf::Date(2025, 12, 31), std::nullopt, drf::Time(0, 0), std::nullopt,
            seconds(-1), std::nullopt);
    }
    void add(std::string name, const char* price, std::optional<const char*> cost, drf::Date day,
             std::optional<drf::Date> due, drf::Time opens, std::optional<drf::Time> closes, drf::Duration took,
             std::optional<drf::Duration> rest) {
        Item item;
        item.name = std::move(name);
        item.price = drf::Decimal(price);
        if (cost) item.cost = drf::Decimal(*cost);
        item.day = day;
        item.due = due;
        item.opens = opens;
        item.closes = closes;
        item.took = took;
        item.rest = rest;
        db::objects<Item>(database).create(item);
    }
    // The names of the items the query string keeps, in the order they were added.
    Names names(std::string_view query) {
        Names out;
        const drf::http::Request request(drf::http::Method::get, "/items/?" + std::string(query));
        for (const auto& item : item_filters.filter_queryset(request, db::objects<Item>(database).all()).all())
            out.push_back(item.name);
        std::sort(out.begin(), out.end(), [](const std::string& a, const std::string& b) { return rank(a) < rank(b); });
        return out;
    }
    static int rank(const std::string& name) {
        const Names order{"tea", "cake", "bread", "jam"};
        return static_cast<int>(std::find(order.begin(), order.end(), name) - order.begin());
    }
};

// The 400 body for `query`, or null when it is valid.
Json errors_of(std::string_view query) {
    Store store;
    try {
        (void)store.names(query);
    } catch (const drf::ValidationError& e) {
        return e.detail();
    }
    return nullptr;
}
Json one(std::string_view key, std::string_view message) { return Json{{key, Json::array({message})}}; }

// --- Decimal -----------------------------------------------------------------------------------------

TEST_CASE("Decimal filters take every ordering lookup and compare decimal values", "[filters]") {
    Store store;
    CHECK(store.names("price=1.5") == Names{"tea"});
    CHECK(store.names("price=1.50") == Names{"tea"});
    CHECK(store.names("price=1.55") == Names{"jam"});
    CHECK(store.names("price=1.555").empty());  // compared as given, not rounded to the field's places
    CHECK(store.names("price__gt=1.5") == Names{"cake", "bread", "jam"});
    CHECK(store.names("price__gte=1.55") == Names{"cake", "bread", "jam"});
    CHECK(store.names("price__lt=3.1") == Names{"tea", "jam"});
    CHECK(store.names("price__lte=3.10") == Names{"tea", "bread", "jam"});
    CHECK(store.names("price__in=1.5,3.1,7") == Names{"tea", "bread"});
    CHECK(store.names("price__range=1.5,3.1") == Names{"tea", "bread", "jam"});
    CHECK(store.names("price__range=3,") == Names{"cake", "bread"});
    CHECK(store.names("cost=0.750") == Names{"tea"});
    CHECK(store.names("cost__isnull=true") == Names{"cake", "jam"});
    CHECK(store.names("cost__range=1,2") == Names{"bread"});
}

TEST_CASE("A decimal filter value is read as Python's Decimal reads it: exponents, underscores, a sign", "[filters]") {
    Store store;
    CHECK(store.names("price=15E-1") == Names{"tea"});
    CHECK(store.names("price=1_2.25") == Names{"cake"});
    CHECK(store.names("price=%2B3.1") == Names{"bread"});
    CHECK(store.names("price=%201.55%20") == Names{"jam"});
    CHECK(store.names("price__gt=-0").size() == 4);
    CHECK(store.names("price__lt=-1e60").empty());  // no lower bound, as django-filter
}

TEST_CASE("A decimal value reaches the query and a method filter exactly, never through a double", "[filters]") {
    Store store;
    handed.reset();
    // PostgreSQL's numeric compares it exactly; SQLite's NUMERIC affinity reads it as REAL 3.1, as it does
    // for Django.
    CHECK(store.names("min_price=3.1000000000000000001") ==
          (drf_test::on_postgresql() ? Names{"cake"} : Names{"cake", "bread"}));
    REQUIRE(handed);
    CHECK(handed->to_string() == "3.1000000000000000001");
    const drf::http::Request request(drf::http::Method::get, "/items/?price__gt=0.1000000000000000000001");
    const auto params = item_filters.filter_queryset(request, db::objects<Item>(store.database).all()).params();
    REQUIRE(params.size() == 1);
    REQUIRE(std::holds_alternative<drf::Decimal>(params[0]));
    CHECK(std::get<drf::Decimal>(params[0]).to_string() == "0.1000000000000000000001");
}

TEST_CASE("PostgreSQL compares a decimal filter past a double's precision exactly", "[filters][postgresql]") {
    Store store;  // (SQLite's NUMERIC affinity compares as REAL, as it does for Django)
    CHECK(store.names("price__lt=1.5000000000000000001") == Names{"tea"});
    CHECK(store.names("price__gt=1.5499999999999999999") == Names{"cake", "bread", "jam"});
}

TEST_CASE("A decimal that does not parse is django-filter's 'Enter a number.'", "[filters]") {
    for (const char* q : {"price=abc", "price=NaN", "price=sNaN", "price=Infinity", "price=-inf", "price=1.5.0",
                          "price=0x10", "price=1,5", "price=1e-1999999999999999998"}) {
        const std::string key(std::string_view(q).substr(0, std::string_view(q).find('=')));
        CHECK(errors_of(q) == one(key, "Enter a number."));
    }
    CHECK(errors_of("price__in=1,x") == one("price__in", "Enter a number."));
    CHECK(errors_of("cost__range=x,2") == one("cost__range", "Enter a number."));
    CHECK(errors_of("min_price=x") == one("min_price", "Enter a number."));
}

TEST_CASE("A decimal above the float 1e50 is django-filter's MaxValueValidator message, compared exactly", "[filters]") {
    CHECK(errors_of("price=1.0000000000000001e50") == one("price", "Ensure this value is less than or equal to 1e+50."));
    CHECK(errors_of("price=100000000000000007629769841091887003294964970946561") ==
          one("price", "Ensure this value is less than or equal to 1e+50."));
    // The float 1e50 is 100000000000000007629769841091887003294964970946560: Python's comparison lets
    // everything up to it through.
    CHECK(errors_of("price=100000000000000007629769841091887003294964970946560").is_null());
    CHECK(errors_of("price=1.00000000000000001e50").is_null());
}

// --- Date --------------------------------------------------------------------------------------------

TEST_CASE("Date filters take every ordering lookup", "[filters]") {
    Store store;
    CHECK(store.names("day=2026-01-04") == Names{"tea"});
    CHECK(store.names("day__gt=2026-01-04") == Names{"cake", "bread"});
    CHECK(store.names("day__gte=2026-01-04") == Names{"tea", "cake", "bread"});
    CHECK(store.names("day__lt=2026-01-04") == Names{"jam"});
    CHECK(store.names("day__lte=2026-02-28") == Names{"tea", "cake", "jam"});
    CHECK(store.names("day__in=2026-03-15,2025-12-31") == Names{"bread", "jam"});
    CHECK(store.names("day__range=2026-01-01,2026-02-28") == Names{"tea", "cake"});
    CHECK(store.names("due__isnull=false") == Names{"cake"});
    CHECK(store.names("due__lte=2026-03-01") == Names{"cake"});
    CHECK(store.names("on=2026-03-15") == Names{"bread"});
}

TEST_CASE("Dates are read in Django's input formats: ISO, US numeric and month names", "[filters]") {
    Store store;
    for (const char* q : {"day=2026-1-4", "day=01/04/2026", "day=1/4/2026", "day=1/%204/2026", "day=1/4/26",
                          "day=Jan%204%202026", "day=jan%2004,%202026", "day=4%20JAN%202026", "day=4%20Jan,%202026",
                          "day=January%204%202026", "day=january%204,%202026", "day=4%20January%202026",
                          "day=04%20January,%202026", "day=Jan%20%0A%204%202026", "day=%20Jan%C2%A04%202026%20"}) {
        INFO(q);
        CHECK(store.names(q) == Names{"tea"});
    }
    CHECK(store.names("day=12/31/25") == Names{"jam"});
    CHECK(store.names("day__lt=1/1/69").empty());  // 69 is 1969, 68 would be 2068
    CHECK(store.names("day__lt=1/1/68").size() == 4);
    CHECK(store.names("day__in=2026-01-04,%20Mar%2015%202026") == Names{"tea", "bread"});
}

TEST_CASE("A date Django's formats do not read is 'Enter a valid date.'", "[filters]") {
    for (const char* q : {"day=x", "day=2026-02-30", "day=2026-13-01", "day=2026-01-04T00:00", "day=2026-001-04",
                          "day=20260104", "day=2026%20-01-04", "day=Sept%204%202026", "day=Ja%204%202026",
                          "day=0000-01-01", "day=4/1/2026x", "day=13/1/2026", "day=26-1-4"}) {
        const std::string key(std::string_view(q).substr(0, std::string_view(q).find('=')));
        INFO(q);
        CHECK(errors_of(q) == one(key, "Enter a valid date."));
    }
    CHECK(errors_of("day__range=2026-01-01,x") == one("day__range", "Enter a valid date."));
    CHECK(errors_of("on=x") == one("on", "Enter a valid date."));
}

TEST_CASE("A date before 1400, which Django takes and drf::Date cannot hold, is refused as out of range", "[filters]") {
    CHECK(errors_of("day=1399-12-31") == one("day", "Date value out of range."));
    CHECK(errors_of("day__gte=0001-01-01") == one("day__gte", "Date value out of range."));
    CHECK(errors_of("day=1400-01-01").is_null());
}

// --- Time --------------------------------------------------------------------------------------------

TEST_CASE("Time filters take every ordering lookup, to the microsecond", "[filters]") {
    Store store;
    CHECK(store.names("opens=09:30") == Names{"tea"});
    CHECK(store.names("opens=9:30:00") == Names{"tea"});
    CHECK(store.names("opens=10:00:00.5") == Names{"cake"});
    CHECK(store.names("opens=10:00:00.500000") == Names{"cake"});
    CHECK(store.names("opens=10:00").empty());
    CHECK(store.names("opens=23:59:59.999999") == Names{"bread"});
    CHECK(store.names("opens__gt=10:00") == Names{"cake", "bread"});
    CHECK(store.names("opens__gte=9:30") == Names{"tea", "cake", "bread"});
    CHECK(store.names("opens__lt=0:0:1") == Names{"jam"});
    CHECK(store.names("opens__lte=10:00:00.5") == Names{"tea", "cake", "jam"});
    CHECK(store.names("opens__in=00:00,23:59:59.999999") == Names{"bread", "jam"});
    CHECK(store.names("opens__range=9:00,10:00:00.5") == Names{"tea", "cake"});
    CHECK(store.names("closes__isnull=false") == Names{"tea"});
    CHECK(store.names("closes__gte=%2016:59%20") == Names{"tea"});
}

TEST_CASE("A time Django's formats do not read is 'Enter a valid time.'", "[filters]") {
    for (const char* q : {"opens=x", "opens=10", "opens=24:00", "opens=10:60", "opens=10:00:60", "opens=10:00:61",
                          "opens=10:00:00.1234567", "opens=10:00:00,5", "opens=10:00:00.", "opens=10:00Z",
                          "opens=10:00%2B01:00", "opens=2026-01-04T10:00"}) {
        const std::string key(std::string_view(q).substr(0, std::string_view(q).find('=')));
        INFO(q);
        CHECK(errors_of(q) == one(key, "Enter a valid time."));
    }
    CHECK(errors_of("opens__in=10:00,x") == one("opens__in", "Enter a valid time."));
}

// --- Duration ----------------------------------------------------------------------------------------

TEST_CASE("Duration filters take every ordering lookup, negative durations included", "[filters]") {
    Store store;
    CHECK(store.names("took=PT1H30M") == Names{"tea"});
    CHECK(store.names("took=01:30:00") == Names{"tea"});
    CHECK(store.names("took=5400") == Names{"tea"});
    CHECK(store.names("took=1%2002:00:00") == Names{"cake"});
    CHECK(store.names("took=1%20day,%202:00:00") == Names{"cake"});
    CHECK(store.names("took=1%20day%2002:00:00") == Names{"cake"});  // PostgreSQL's interval text
    CHECK(store.names("took=P1DT2H") == Names{"cake"});
    CHECK(store.names("took=-1") == Names{"jam"});
    CHECK(store.names("took=-PT1S") == Names{"jam"});
    CHECK(store.names("took=-1%2023:59:59") == Names{"jam"});
    CHECK(store.names("took__gt=45") == Names{"tea", "cake"});
    CHECK(store.names("took__gte=PT45S") == Names{"tea", "cake", "bread"});
    CHECK(store.names("took__lt=0") == Names{"jam"});
    CHECK(store.names("took__lte=1:30:00") == Names{"tea", "bread", "jam"});
    CHECK(store.names("took__in=45,-1") == Names{"bread", "jam"});
    CHECK(store.names("took__range=0,P1D") == Names{"tea", "bread"});
    CHECK(store.names("rest__isnull=false") == Names{"cake"});
    CHECK(store.names("rest=PT15M") == Names{"cake"});
}

TEST_CASE("A duration is read unstripped, as Django's DurationField reads it", "[filters]") {
    Store store;
    CHECK(errors_of("took=%20P1D") == one("took", "Enter a valid duration."));
    CHECK(errors_of("took=P1D%20") == one("took", "Enter a valid duration."));
    CHECK(errors_of("took__in=45,%20P1D") == one("took__in", "Enter a valid duration."));
    CHECK(errors_of("took__range=%2045,P1D") == one("took__range", "Enter a valid duration."));
    CHECK(store.names("took=45%0A") == Names{"bread"});  // Python's `$` lets a final newline through
    CHECK(store.names("took__in=45,,-1") == Names{"bread", "jam"});  // an empty item is left out
}

TEST_CASE("A duration Django's parse_duration does not read is 'Enter a valid duration.'", "[filters]") {
    for (const char* q : {"took=x", "took=%20", "took=1:2:3:4", "took=P1Y", "took=p1d", "took=PT1H1H", "took=1.5.5",
                          "took=1%20days%20,2", "took=10:00:00.1234567890123", "took=1%20day%20-10:00:0"}) {
        const std::string key(std::string_view(q).substr(0, std::string_view(q).find('=')));
        INFO(q);
        CHECK(errors_of(q) == one(key, "Enter a valid duration."));
    }
}

TEST_CASE("A duration past drf::Duration's days is DurationField's overflow message with drf's bound", "[filters]") {
    const Json message = one("took", "The number of days must be between -106751990 and 106751990.");
    CHECK(errors_of("took=106751991%2000:00:00") == message);
    CHECK(errors_of("took=P999999999D") == message);
    CHECK(errors_of("took=-106751991%20days") == message);
    CHECK(errors_of("took=106751990%2000:00:00").is_null());
}

TEST_CASE("The filters read a duration in each form Django writes it, and only as given", "[filters]") {
    using drf::filters::detail::read_form_duration;
    // Microseconds over drf::Duration's whole range, both signs, from within a second to the furthest
    // day, so that every digit count of days, hours and fraction is met.
    const std::uint64_t spans[] = {1'000'000, 3'600'000'000, 3 * 86'400'000'000ULL, 400 * 86'400'000'000ULL,
                                   static_cast<std::uint64_t>(drf::max_duration_days) * 86'400'000'000ULL};
    const auto padded = [](std::int64_t n, std::size_t width) {
        std::string text = std::to_string(n);
        return std::string(width > text.size() ? width - text.size() : 0, '0') + text;
    };
    std::uint64_t state = 12345;
    for (int i = 0; i < 5000; ++i) {
        state = state * 6364136223846793005ULL + 1442695040888963407ULL;
        const std::uint64_t span = spans[(state >> 33) % 5];
        state = state * 6364136223846793005ULL + 1442695040888963407ULL;
        const std::uint64_t r = (state >> 1) % (2 * span + 1);
        const std::int64_t n = r <= span ? static_cast<std::int64_t>(r) : -static_cast<std::int64_t>(r - span);
        const drf::Duration d = us(n);
        const std::int64_t size = n < 0 ? -n : n;
        const std::string sign = n < 0 ? "-" : "";
        // Python's timedelta parts: days floored, the rest a time of day.
        std::int64_t days = n / 86'400'000'000;
        if (n % 86'400'000'000 < 0) --days;
        const std::int64_t rest = n - days * 86'400'000'000;
        const std::string time_of_day = padded(rest / 3'600'000'000, 2) + ':' + padded(rest / 60'000'000 % 60, 2) +
                                        ':' + padded(rest / 1'000'000 % 60, 2) + '.' + padded(rest % 1'000'000, 6);
        const std::string forms[] = {
            drf::duration_string(d),  // DRF's output, Django's own form
            drf::timedelta_str(d),    // Python's str(timedelta): "-1 day, 23:59:59"
            sign + std::to_string(size / 1'000'000) + '.' + padded(size % 1'000'000, 6),  // a JSON number's str()
            sign + "P" + std::to_string(size / 86'400'000'000) + "DT" + std::to_string(size / 1'000'000 % 86'400) +
                ',' + padded(size % 1'000'000, 6) + 'S',  // ISO 8601, a comma for the fraction
            std::to_string(days) + " days " + time_of_day,  // PostgreSQL's interval output
            sign + "PT" + std::to_string(size / 3'600'000'000) + 'H' + std::to_string(size / 1'000'000 % 3600) + 'S'};
        const std::int64_t whole_seconds = size / 1'000'000 * 1'000'000;
        for (std::size_t k = 0; k < std::size(forms); ++k) {
            const std::string& text = forms[k];
            INFO(text);
            const drf::ParsedDuration read = read_form_duration(text);
            REQUIRE(read.error == drf::ParsedDuration::Error::none);
            // The hours-and-seconds form leaves the fraction out.
            CHECK(read.value == (k == 5 ? us(n < 0 ? -whole_seconds : whole_seconds) : d));
            CHECK(read_form_duration(text + '\n').value == read.value);  // Python's `$`
            CHECK(read_form_duration(' ' + text).error == drf::ParsedDuration::Error::format);  // not stripped
            CHECK(read_form_duration(text + "\n\n").error == drf::ParsedDuration::Error::format);
        }
    }
    // Past drf::Duration's days either way, in each form.
    for (const char* text : {"106751991 00:00:00", "-106751991 days, 23:59:59", "P106751991D", "-P106751990DT24H",
                             "106751991 days 00:00:00", "9223372036854.775808"}) {
        INFO(text);
        CHECK(read_form_duration(text).error == drf::ParsedDuration::Error::range);
    }
}

// --- Across types ------------------------------------------------------------------------------------

TEST_CASE("Bad decimal, date, time and duration parameters are reported at once, in declaration order", "[filters]") {
    CHECK(errors_of("took=x&opens=x&day=x&price=x").dump() ==
          R"({"price":["Enter a number."],"day":["Enter a valid date."],"opens":["Enter a valid time."],)"
          R"("took":["Enter a valid duration."]})");
}

TEST_CASE("Decimal, date, time and duration filters can be OR-ed", "[filters]") {
    Store store;
    CHECK(store.names("or.day=2026-01-04&or.price__gt=10") == Names{"tea", "cake"});
    CHECK(store.names("or.opens__lt=1:00&or.took__gte=P1D") == Names{"cake", "jam"});
    CHECK(errors_of("or.day=x&or.took=1") == one("or.day", "Enter a valid date."));
}

TEST_CASE("An empty decimal, date, time or duration value is no filter", "[filters]") {
    Store store;
    for (const char* q : {"price=", "price__in=", "cost__range=,", "day=", "day__range=", "opens=", "took=", "took__in=",
                          "took__range=", "min_price=", "on="})
        CHECK(store.names(q).size() == 4);
}

TEST_CASE("Text lookups do not apply to decimals, dates, times or durations; ordering lookups do", "[filters]") {
    using f::Lookup;
    using f::ValueKind;
    for (const ValueKind kind : {ValueKind::decimal, ValueKind::date, ValueKind::time, ValueKind::duration}) {
        CHECK_FALSE(f::lookup_applies(Lookup::icontains, kind, false));
        CHECK_FALSE(f::lookup_applies(Lookup::startswith, kind, false));
        CHECK_FALSE(f::lookup_applies(Lookup::isnull, kind, false));
        CHECK(f::lookup_applies(Lookup::isnull, kind, true));
        for (const Lookup l : {Lookup::exact, Lookup::gt, Lookup::gte, Lookup::lt, Lookup::lte, Lookup::in, Lookup::range})
            CHECK(f::lookup_applies(l, kind, false));
    }
    STATIC_REQUIRE(f::value_kind<drf::Decimal>() == ValueKind::decimal);
    STATIC_REQUIRE(f::value_kind<drf::Date>() == ValueKind::date);
    STATIC_REQUIRE(f::value_kind<drf::Time>() == ValueKind::time);
    STATIC_REQUIRE(f::value_kind<drf::Duration>() == ValueKind::duration);
}

TEST_CASE("The filters' OpenAPI parameters are typed as drf-spectacular types Django's fields", "[filters][openapi]") {
    constexpr auto filters = f::filters<Item>(f::filter<&Item::price>({exact, in}), f::filter<&Item::day>({gte, range}),
                                              f::filter<&Item::opens>({lt}), f::filter<&Item::took>({exact, in}),
                                              f::filter<&Item::rest>({isnull}));
    const Json number = Json{{"type", "number"}};
    const Json date = Json{{"type", "string"}, {"format", "date"}};
    const Json time = Json{{"type", "string"}, {"format", "time"}};
    const Json duration = Json{{"type", "string"}, {"format", "duration"}};
    const auto plain = [](const char* name, const Json& schema) {
        return Json{{"in", "query"}, {"name", name}, {"schema", schema}};
    };
    const auto list = [](const char* name, const Json& item) {
        return Json{{"in", "query"},
                    {"name", name},
                    {"schema", Json{{"type", "array"}, {"items", item}}},
                    {"description", "Multiple values may be separated by commas."},
                    {"explode", false},
                    {"style", "form"}};
    };
    const Json expected = Json::array({plain("price", number), list("price__in", number), plain("day__gte", date),
                                       list("day__range", date), plain("opens__lt", time), plain("took", duration),
                                       list("took__in", duration), plain("rest__isnull", Json{{"type", "boolean"}})});
    CHECK(filters.get_schema_operation_parameters() == expected);
    // Key order as drf-spectacular writes it.
    CHECK(filters.get_schema_operation_parameters()[1].dump() ==
          R"({"in":"query","name":"price__in","schema":{"type":"array","items":{"type":"number"}},)"
          R"("description":"Multiple values may be separated by commas.","explode":false,"style":"form"})");
}

}  // namespace filters_field_types_test
