// tests/filters/filterset_errors_test.cpp — the values a FilterSet takes and refuses: django-filter's
// spellings, its messages word for word (checked against django-filter 23.1), every bad parameter in
// one 400 body, and the bounds on what a client can send.
#include "filterset_models.hpp"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

namespace filterset_errors_test {

using namespace filterset_test;
using drf::Json;
using Names = std::vector<std::string>;

// The 400 body django-filter's DjangoFilterBackend answers for `query`, or null when it is valid.
Json errors_of(std::string_view query, const decltype(project_filters)& filters = project_filters) {
    Store store;
    try {
        (void)filters.filter_queryset(get(query), store.all()).all();
    } catch (const drf::ValidationError& e) {
        return e.detail();
    }
    return nullptr;
}
Json one(std::string_view key, std::string_view message) { return Json{{key, Json::array({message})}}; }

TEST_CASE("An invalid created_at__gte answers 400 with django-filter's body", "[filters]") {
    CHECK(errors_of("created_at__gte=yesterday") == one("created_at__gte", "Enter a valid date/time."));
    CHECK(errors_of("created_at__gte=2026-01-01") == one("created_at__gte", "Enter a valid date/time."));  // a date alone
    CHECK(errors_of("created_at__gte=2026-02-30T10:00") == one("created_at__gte", "Enter a valid date/time."));
    CHECK(errors_of("created_at__gte=2026-01-01T10:00%20Z") == one("created_at__gte", "Enter a valid date/time."));
}

TEST_CASE("Datetimes are read as Django's parse_datetime reads them", "[filters]") {
    Store store;
    CHECK(store.names("created_at__gte=2026-01-04%2000:00") == Names{"delta"});  // a space for the T, no zone: UTC
    CHECK(store.names("created_at__gte=2026-1-4T0:0") == Names{"delta"});
    CHECK(store.names("created_at__gte=2026-01-04T02:00:00%2B0200") == Names{"delta"});
    CHECK(store.names("created_at__gte=2026-01-04T02:00%2B02") == Names{"delta"});
    CHECK(store.names("created_at__lte=2026-01-01T00:00:00,5Z") == Names{"alpha"});
    CHECK(store.names("created_at__gte=%202026-01-04T00:00Z%20") == Names{"delta"});  // stripped, as forms strip
}

TEST_CASE("A number that does not parse is django-filter's 'Enter a number.'", "[filters]") {
    for (const char* q : {"stars=abc", "stars=NaN", "stars=inf", "stars=-Infinity", "stars=0x10", "stars=1,5", "score=nan"}) {
        const std::string key(std::string_view(q).substr(0, std::string_view(q).find('=')));
        CHECK(errors_of(q) == one(key, "Enter a number."));
    }
}

TEST_CASE("A number above 1e50 is django-filter's MaxValueValidator message", "[filters]") {
    CHECK(errors_of("score=1e51") == one("score", "Ensure this value is less than or equal to 1e+50."));
    CHECK(errors_of("stars=1e51") == one("stars", "Ensure this value is less than or equal to 1e+50."));
    CHECK(errors_of("score=-1e400").is_null());  // no lower bound: -inf, as Python's float
}

TEST_CASE("Numbers take Python's Decimal spellings: exponents, underscores, a sign, surrounding spaces", "[filters]") {
    Store store;
    CHECK(store.names("stars=1e1") == Names{"Beta"});
    CHECK(store.names("stars=1_0") == Names{"Beta"});
    CHECK(store.names("stars=10.000") == Names{"Beta"});
    CHECK(store.names("stars=%2B10") == Names{"Beta"});
    CHECK(store.names("stars=%2010%20") == Names{"Beta"});
    CHECK(store.names("stars__lt=-0") == Names{});
    CHECK(store.names("score=.5") == Names{"alpha"});
    CHECK(store.names("score=15e-1") == Names{"Beta"});
}

TEST_CASE("An integer field refuses a fraction and a value past its range instead of truncating", "[filters]") {
    CHECK(errors_of("stars=1.5") == one("stars", "Enter a whole number."));
    CHECK(errors_of("stars__gte=.5") == one("stars__gte", "Enter a whole number."));
    CHECK(errors_of("stars=1e30") == one("stars", "Ensure this value is less than or equal to 9223372036854775807."));
    CHECK(errors_of("stars=9223372036854775808") ==
          one("stars", "Ensure this value is less than or equal to 9223372036854775807."));
    CHECK(errors_of("stars=-9223372036854775809") ==
          one("stars", "Ensure this value is greater than or equal to -9223372036854775808."));
    CHECK(errors_of("stars=-1e30") == one("stars", "Ensure this value is greater than or equal to -9223372036854775808."));
    CHECK(errors_of("stars=9223372036854775807").is_null());
}

TEST_CASE("An invalid UUID is django-filter's 'Enter a valid UUID.'; Python's uuid.UUID spellings are taken", "[filters]") {
    CHECK(errors_of("owner_id=abc") == one("owner_id", "Enter a valid UUID."));
    CHECK(errors_of("owner_id=1") == one("owner_id", "Enter a valid UUID."));
    CHECK(errors_of("owner=abc") == one("owner", "Enter a valid UUID."));
    Store store;
    std::string hex = drf::to_string(store.bob);
    hex.erase(std::remove(hex.begin(), hex.end(), '-'), hex.end());
    CHECK(store.names("owner_id=" + hex) == Names{"gamma ray", "delta"});
    CHECK(store.names("owner_id=%7B" + hex + "%7D") == Names{"gamma ray", "delta"});
    CHECK(store.names("owner_id=urn:uuid:" + hex) == Names{"gamma ray", "delta"});
}

TEST_CASE("Booleans take django-filter's BooleanWidget spellings: true, false, 1, 0 in any case", "[filters]") {
    Store store;
    for (const char* yes : {"true", "True", "TRUE", "tRuE", "1"}) CHECK(store.names(std::string("archived=") + yes) == Names{"Beta"});
    for (const char* no : {"false", "False", "FALSE", "0"}) CHECK(store.names(std::string("archived=") + no).size() == 3);
    CHECK(store.names("note__isnull=TRUE") == Names{"alpha", "Beta"});
    CHECK(store.names("archived=%20true%20") == Names{"Beta"});  // stripped, as every value
}

TEST_CASE("Any other boolean spelling answers 400 where django-filter would silently not filter", "[filters]") {
    for (const char* q : {"archived=yes", "archived=on", "archived=t", "archived=maybe", "note__isnull=no", "popular=y"}) {
        const std::string key(std::string_view(q).substr(0, std::string_view(q).find('=')));
        CHECK(errors_of(q) == one(key, "Must be a valid boolean."));
    }
}

TEST_CASE("A NUL character in a text filter is Django's 'Null characters are not allowed.'", "[filters]") {
    CHECK(errors_of("name=a%00b") == one("name", "Null characters are not allowed."));
    CHECK(errors_of("name__in=a,b%00") == one("name__in", "Null characters are not allowed."));
    CHECK(errors_of("note__icontains=%00") == one("note__icontains", "Null characters are not allowed."));
}

TEST_CASE("Every bad parameter is reported at once, in the filter set's order", "[filters]") {
    const Json body = errors_of("score=abc&stars=x&created_at__lte=y&owner_id=z&name=fine");
    CHECK(body.dump() == R"({"created_at__lte":["Enter a valid date/time."],"stars":["Enter a number."],)"
                         R"("score":["Enter a number."],"owner_id":["Enter a valid UUID."]})");
}

TEST_CASE("An in list is comma-separated; a bad item is the item's message", "[filters]") {
    Store store;
    CHECK(errors_of("stars__in=1,x") == one("stars__in", "Enter a number."));
    CHECK(store.names("stars__in=0,,25") == Names{"gamma ray", "delta"});  // an empty item is left out
    CHECK(store.names("stars__in=,").empty());                             // only empty items: nothing matches
    CHECK(store.names("name__in=%20alpha%20,delta") == Names{"alpha", "delta"});  // items stripped
    CHECK(store.names("name__in=,alpha") == Names{"alpha"});                // '' is a text value
}

TEST_CASE("An in list longer than the bound answers 400; the bound is the filter set's", "[filters]") {
    std::string many = "stars__in=0";
    for (int i = 1; i < 100; ++i) many += "," + std::to_string(i);
    CHECK(errors_of(many).is_null());
    CHECK(errors_of(many + ",100") == one("stars__in", "Ensure this field has no more than 100 elements."));
    static constexpr auto small = project_filters.max_in_items(2);
    static_assert(small.max_in_items() == 2);
    CHECK(errors_of("stars__in=1,2,3", small) == one("stars__in", "Ensure this field has no more than 2 elements."));
    CHECK(errors_of("stars__in=1,2", small).is_null());
}

TEST_CASE("A range is two comma-separated values; otherwise django-filter's 'Range query expects two values.'", "[filters]") {
    CHECK(errors_of("stars__range=1") == one("stars__range", "Range query expects two values."));
    CHECK(errors_of("stars__range=1,2,3") == one("stars__range", "Range query expects two values."));
    CHECK(errors_of("stars__range=x,2") == one("stars__range", "Enter a number."));
    CHECK(errors_of("due__range=2026-01-01T00:00Z,never") == one("due__range", "Enter a valid date/time."));
}

TEST_CASE("A range with one end empty is open on that side", "[filters]") {
    Store store;
    CHECK(store.names("stars__range=10,") == Names{"Beta", "gamma ray"});
    CHECK(store.names("stars__range=,3") == Names{"alpha", "delta"});
    CHECK(store.names("stars__range=%20,%203") == Names{"alpha", "delta"});
}

}  // namespace filterset_errors_test
