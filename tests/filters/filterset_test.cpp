// tests/filters/filterset_test.cpp — django-filter's FilterSet through filter_queryset: parameter
// names, every lookup on every backend, values read as django-filter reads them, empty and unknown
// parameters, and method filters.
#include "filterset_models.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <vector>

namespace filterset_test {

using namespace filterset_test;
using Names = std::vector<std::string>;

TEST_CASE("A filter's parameter is named as django-filter names it: the field for exact, field__lookup otherwise", "[filters]") {
    std::vector<std::string> names;
    project_filters.for_each_param([&](const auto& p) { names.push_back(p.name()); });
    CHECK(names == Names{"archived", "created_at__gte", "created_at__lte", "name", "name__iexact", "name__contains",
                         "name__icontains", "name__startswith", "name__istartswith", "name__endswith", "name__iendswith",
                         "name__in", "stars", "stars__gt", "stars__gte", "stars__lt", "stars__lte", "stars__in",
                         "stars__range", "score", "score__lt", "score__range", "owner_id", "owner_id__in", "note",
                         "note__isnull", "note__icontains", "due__isnull", "due__range", "due__in", "owner", "popular"});
    CHECK(project_filters.param_count() == names.size());
}

// The parameters' metadata at compile time, for a documentation generator.
constexpr std::size_t count_params(drf::filters::Lookup lookup) {
    std::size_t n = 0;
    project_filters.for_each_param([&](const auto& p) { n += p.lookup == lookup ? 1 : 0; });
    return n;
}
static_assert(count_params(drf::filters::Lookup::range) == 3);
static_assert(project_filters.param_count() == 32);
constexpr bool created_at_gte_is_a_datetime() {
    bool ok = false;
    project_filters.for_each_param([&](const auto& p) {
        if (p.named("created_at__gte"))
            ok = std::is_same_v<typename std::remove_cvref_t<decltype(p)>::value_type, drf::DateTime>;
    });
    return ok;
}
static_assert(created_at_gte_is_a_datetime());

TEST_CASE("The filter set's parameters, lookups and value types are known at compile time", "[filters]") {
    CHECK(count_params(drf::filters::Lookup::exact) == 8);  // six fields and two methods
    std::vector<std::string> methods;
    project_filters.for_each_param([&](const auto& p) {
        if (p.is_method) methods.emplace_back(p.base);
    });
    CHECK(methods == Names{"owner", "popular"});
}

TEST_CASE("Each lookup narrows the list as Django's lookup does", "[filters]") {
    Store store;
    CHECK(store.names("archived=true") == Names{"Beta"});
    CHECK(store.names("archived=false") == Names{"alpha", "gamma ray", "delta"});
    CHECK(store.names("created_at__gte=2026-01-02T00:00:00Z") == Names{"Beta", "gamma ray", "delta"});
    CHECK(store.names("created_at__lte=2026-01-02T00:00:00Z") == Names{"alpha", "Beta"});
    CHECK(store.names("created_at__gte=2026-01-02T00:00Z&created_at__lte=2026-01-03T00:00:00%2B00:00") ==
          Names{"Beta", "gamma ray"});
    CHECK(store.names("name=Beta") == Names{"Beta"});
    CHECK(store.names("name=beta").empty());
    CHECK(store.names("name__iexact=BETA") == Names{"Beta"});
    CHECK(store.names("name__contains=a%20r") == Names{"gamma ray"});
    CHECK(store.names("name__contains=ET").empty());
    CHECK(store.names("name__icontains=ET") == Names{"Beta"});
    CHECK(store.names("name__startswith=b").empty());
    CHECK(store.names("name__istartswith=b") == Names{"Beta"});
    CHECK(store.names("name__endswith=ta") == Names{"Beta", "delta"});
    CHECK(store.names("name__endswith=TA").empty());
    CHECK(store.names("name__iendswith=TA") == Names{"Beta", "delta"});
    CHECK(store.names("name__in=alpha,delta,zeta") == Names{"alpha", "delta"});
    CHECK(store.names("stars=10") == Names{"Beta"});
    CHECK(store.names("stars__gt=3") == Names{"Beta", "gamma ray"});
    CHECK(store.names("stars__gte=3") == Names{"alpha", "Beta", "gamma ray"});
    CHECK(store.names("stars__lt=3") == Names{"delta"});
    CHECK(store.names("stars__lte=3") == Names{"alpha", "delta"});
    CHECK(store.names("stars__in=0,25") == Names{"gamma ray", "delta"});
    CHECK(store.names("stars__range=3,10") == Names{"alpha", "Beta"});
    CHECK(store.names("score=1.5") == Names{"Beta"});
    CHECK(store.names("score__lt=0.5") == Names{"delta"});
    CHECK(store.names("score__range=-1,0.5") == Names{"alpha", "delta"});
    CHECK(store.names("owner_id=" + drf::to_string(store.bob)) == Names{"gamma ray", "delta"});
    CHECK(store.names("owner_id__in=" + drf::to_string(store.ann) + "," + drf::to_string(store.bob)).size() == 4);
    CHECK(store.names("note=sun") == Names{"delta"});
    CHECK(store.names("note__isnull=true") == Names{"alpha", "Beta"});
    CHECK(store.names("note__isnull=false") == Names{"gamma ray", "delta"});
    CHECK(store.names("note__icontains=MOON") == Names{"gamma ray"});
    CHECK(store.names("due__isnull=False") == Names{"gamma ray"});
    CHECK(store.names("due__range=2026-02-01T00:00Z,2026-03-01T00:00Z") == Names{"gamma ray"});
    CHECK(store.names("due__in=2026-03-01T00:00:00Z") == Names{"gamma ray"});
}

TEST_CASE("Several filter parameters are AND-ed, as django-filter chains them", "[filters]") {
    Store store;
    CHECK(store.names("archived=false&stars__gte=3") == Names{"alpha", "gamma ray"});
    CHECK(store.names("archived=false&stars__gte=3&name__icontains=RAY") == Names{"gamma ray"});
}

TEST_CASE("A method filter gets the value read as its parameter's type", "[filters]") {
    Store store;
    CHECK(store.names("owner=" + drf::to_string(store.ann)) == Names{"alpha", "Beta"});
    CHECK(store.names("owner=" + drf::to_string(store.ann) + "&archived=false") == Names{"alpha"});
    CHECK(store.names("popular=true") == Names{"Beta", "gamma ray"});
    CHECK(store.names("popular=0") == Names{"alpha", "delta"});
    CHECK(store.names("owner=").size() == 4);
}

TEST_CASE("Unknown parameters are ignored, as django-filter ignores them", "[filters]") {
    Store store;
    CHECK(store.names("colour=red&name__regex=.*&archived__gte=1&page=2").size() == 4);
}

TEST_CASE("An empty value is no filter, as in django-filter", "[filters]") {
    Store store;
    for (const char* q : {"archived=", "name=", "name=%20%20", "stars=", "stars__in=", "stars__range=", "created_at__gte=",
                          "owner_id=", "note__isnull=", "due__range=", "popular=", "score__range=,"})
        CHECK(store.names(q).size() == 4);
}

TEST_CASE("The last value of a repeated parameter wins, as QueryDict.get", "[filters]") {
    Store store;
    CHECK(store.names("name=alpha&name=delta") == Names{"delta"});
}

}  // namespace filterset_test
