// tests/filters/filterset_or_test.cpp — OR groups, drf's addition to django-filter: `or.` and
// `or_<label>.` prefixes, how groups combine with each other and with plain parameters, errors under
// the key as the client wrote it, and the bound on the number of groups.
#include "filterset_models.hpp"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

namespace filterset_or_test {

using namespace filterset_test;
using drf::Json;
using Names = std::vector<std::string>;

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

TEST_CASE("Parameters prefixed or. are OR-ed into one group", "[filters]") {
    Store store;
    CHECK(store.names("or.note__icontains=moon&or.archived=true") == Names{"Beta", "gamma ray"});
    CHECK(store.names("or.stars=0&or.name=alpha&or.stars__gte=20") == Names{"alpha", "gamma ray", "delta"});
    CHECK(store.names("or.name=alpha") == Names{"alpha"});  // a group of one is that filter
}

TEST_CASE("An OR group is AND-ed with the plain parameters", "[filters]") {
    Store store;
    CHECK(store.names("archived=false&or.stars__gte=20&or.name=Beta") == Names{"gamma ray"});
    CHECK(store.names("or.stars__gte=20&or.name=Beta&archived=true") == Names{"Beta"});
}

TEST_CASE("or_<label>. prefixes open more OR groups, AND-ed with each other", "[filters]") {
    Store store;
    // (stars = 0 OR name = alpha) AND (archived OR score < 1)
    CHECK(store.names("or_a.stars=0&or_a.name=alpha&or_b.archived=true&or_b.score__lt=1") == Names{"alpha", "delta"});
    CHECK(store.names("or_a.stars=0&or_a.name=alpha&or.archived=true") == Names{});
    CHECK(store.names("or_1.name=alpha&or_1.name=Beta") == Names{"Beta"});  // a repeated key: the last value
}

TEST_CASE("Empty values in an OR group are no filter; an all-empty group filters nothing", "[filters]") {
    Store store;
    CHECK(store.names("or.name=&or.stars=").size() == 4);
    CHECK(store.names("or.name=&or.stars=0") == Names{"delta"});
}

TEST_CASE("A bad value inside an OR group is reported under the key as the client wrote it", "[filters]") {
    CHECK(errors_of("or.created_at__gte=bad&or.name=alpha") == one("or.created_at__gte", "Enter a valid date/time."));
    CHECK(errors_of("or_x.stars=abc&stars=x") ==
          Json{{"stars", Json::array({"Enter a number."})}, {"or_x.stars", Json::array({"Enter a number."})}});
}

TEST_CASE("An unknown name inside an OR group answers 400: a dropped alternative would change the group", "[filters]") {
    CHECK(errors_of("or.nmae=alpha&or.stars=0") == one("or.nmae", "Unknown filter."));
    CHECK(errors_of("or.name__regex=a") == one("or.name__regex", "Unknown filter."));
}

TEST_CASE("A method filter cannot be part of an OR group", "[filters]") {
    CHECK(errors_of("or.popular=true&or.name=alpha") == one("or.popular", "This filter cannot be part of an OR group."));
}

TEST_CASE("Keys that only look like a group are unknown parameters, ignored", "[filters]") {
    Store store;
    const std::string label33(33, 'a');
    for (const std::string& q : std::vector<std::string>{"or_.name=alpha", "or_a-b.name=alpha", "orx.name=alpha",
                                                         "or_" + label33 + ".name=alpha", "or=1", "OR.name=alpha"})
        CHECK(store.names(q).size() == 4);
    CHECK(store.names("or_" + std::string(32, 'a') + ".name=alpha") == Names{"alpha"});
}

TEST_CASE("More OR groups than the bound answer 400 under each key of the groups past it", "[filters]") {
    std::string ten;
    for (int i = 0; i < 10; ++i) ten += "or_" + std::to_string(i) + ".stars__gte=0&";
    CHECK(errors_of(ten).is_null());
    CHECK(errors_of(ten + "or_x.name=a&or_x.stars=1") ==
          Json{{"or_x.name", Json::array({"Too many OR groups: at most 10 are allowed."})},
               {"or_x.stars", Json::array({"Too many OR groups: at most 10 are allowed."})}});
    static constexpr auto one_group = project_filters.max_or_groups(1);
    CHECK(errors_of("or.name=a&or_b.name=b", one_group) == one("or_b.name", "Too many OR groups: at most 1 are allowed."));
}

TEST_CASE("An OR group compiles to one parenthesized OR with every value bound", "[filters]") {
    Store store;
    const auto q = project_filters.filter_queryset(get("archived=false&or.name=x&or.stars__gt=2"), store.all());
    const std::string sql = q.sql();
    CHECK(sql.find("WHERE (\"archived\" = ? AND (\"name\" = ? OR \"stars\" > ?))") != std::string::npos);
    CHECK(q.params().size() == 3);
}

}  // namespace filterset_or_test
