// tests/filters/search_test.cpp — SearchFilter: DRF's term splitting, the AND of ORs over the fields,
// each prefix's lookup, the parameter's name, and the bound on the number of terms. On every backend
// (tests/support/database.hpp); the full-text and regex lookups answer only on PostgreSQL.
#include "../support/database.hpp"

#include <drf/db.hpp>
#include <drf/filters/search.hpp>
#include <drf/http.hpp>

#include <catch2/catch.hpp>

#include <optional>
#include <string>
#include <vector>

namespace search_test {

namespace db = drf::db;
namespace f = drf::filters;
using drf::Json;
using drf::http::Method;
using drf::http::Request;
using drf::models::asc;

struct Person : drf::models::Model<Person> {
    std::string username;
    std::string email;
    std::optional<std::string> bio;
    std::int64_t age = 0;
    static constexpr auto meta = drf::models::meta<Person>(
        "search_people", drf::models::field<&Person::username>(), drf::models::field<&Person::email>(),
        drf::models::field<&Person::bio>(), drf::models::field<&Person::age>());
};

struct Store {
    db::Database database = drf_test::open_database();
    Store() {
        for (const auto& s : db::create_table_sql<Person>(database.dialect())) database.connection().execute(s);
        add("ada", "ada@example.com", "Wrote the first program");
        add("alan", "turing@example.org", "Broke codes");
        add("grace", "hopper@navy.mil", std::nullopt);
        add("linus", "torvalds@example.org", "Wrote a kernel");
    }
    void add(std::string username, std::string email, std::optional<std::string> bio) {
        Person p;
        p.username = std::move(username);
        p.email = std::move(email);
        p.bio = std::move(bio);
        db::objects<Person>(database).create(p);
    }
    db::QuerySet<Person> all() { return db::objects<Person>(database).all().order_by(asc(&Person::username)); }
};

Request get(const std::string& target) { return Request(Method::get, target, {}); }

template <class Filter>
std::string found(const Filter& filter, Store& store, const std::string& target) {
    std::string out;
    for (const auto& p : filter.filter_queryset(get(target), store.all()).all()) out += (out.empty() ? "" : ",") + p.username;
    return out;
}

constexpr auto people = f::search_fields(f::starts_with(&Person::username), &Person::email, &Person::bio);

TEST_CASE("Search terms are split on whitespace and commas with NUL characters removed, as DRF's get_search_terms",
          "[filters]") {
    using Terms = std::vector<std::string>;
    CHECK(people.get_search_terms(get("/p?search=ada%20lovelace")) == Terms{"ada", "lovelace"});
    CHECK(people.get_search_terms(get("/p?search=a,b,,c%09d%0Ae")) == Terms{"a", "b", "c", "d", "e"});
    CHECK(people.get_search_terms(get("/p?search=%20%20,%20")).empty());
    CHECK(people.get_search_terms(get("/p?search=")).empty());
    CHECK(people.get_search_terms(get("/p")).empty());
    CHECK(people.get_search_terms(get("/p?search=ad%00a")) == Terms{"ada"});
    // U+00A0 and U+3000 are whitespace to Python's str.split(); é is not.
    CHECK(people.get_search_terms(get("/p?search=caf%C3%A9%C2%A0x%E3%80%80y")) == Terms{"café", "x", "y"});
    CHECK(people.get_search_terms(get("/p?search=a+b")) == Terms{"a", "b"});
}

TEST_CASE("Every search term must match at least one search field", "[filters]") {
    Store store;
    CHECK(found(people, store, "/p?search=example") == "ada,alan,linus");
    CHECK(found(people, store, "/p?search=example%20wrote") == "ada,linus");
    CHECK(found(people, store, "/p?search=example,wrote,kernel") == "linus");
    CHECK(found(people, store, "/p?search=example%20nobody").empty());
    CHECK(found(people, store, "/p") == "ada,alan,grace,linus");
}

TEST_CASE("A bare search field matches the term anywhere in it, ignoring case (icontains)", "[filters]") {
    Store store;
    CHECK(found(people, store, "/p?search=EXAMPLE.ORG") == "alan,linus");
    CHECK(found(people, store, "/p?search=program") == "ada");
    // LIKE's wildcards in a term are plain characters.
    CHECK(found(people, store, "/p?search=%25").empty());
    CHECK(found(people, store, "/p?search=_").empty());
}

TEST_CASE("starts_with searches the start of the field, as DRF's '^' prefix", "[filters]") {
    Store store;
    constexpr auto by_name = f::search_fields(f::starts_with(&Person::username));
    CHECK(found(by_name, store, "/p?search=A") == "ada,alan");
    CHECK(found(by_name, store, "/p?search=la").empty());
}

TEST_CASE("exact_match compares the whole field, ignoring case, as DRF's '=' prefix", "[filters]") {
    Store store;
    constexpr auto by_email = f::search_fields(f::exact_match(&Person::email));
    CHECK(found(by_email, store, "/p?search=ADA@example.com") == "ada");
    CHECK(found(by_email, store, "/p?search=ada@example").empty());
}

TEST_CASE("full_text and regex search answer on PostgreSQL", "[filters][postgresql]") {
    Store store;
    constexpr auto by_bio = f::search_fields(f::full_text(&Person::bio));
    CHECK(found(by_bio, store, "/p?search=wrote") == "ada,linus");
    CHECK(found(by_bio, store, "/p?search=wrote%20kernel") == "linus");
    constexpr auto by_regex = f::search_fields(f::regex(&Person::username));
    CHECK(found(by_regex, store, "/p?search=%5EA.A$") == "ada");
    CHECK(found(by_regex, store, "/p?search=^(a|g)") == "ada,alan,grace");
}

TEST_CASE("full_text and regex search on SQLite raise NotSupportedError", "[filters][sqlite]") {
    Store store;
    constexpr auto by_bio = f::search_fields(f::full_text(&Person::bio));
    CHECK_THROWS_AS(found(by_bio, store, "/p?search=wrote"), db::NotSupportedError);
    constexpr auto by_regex = f::search_fields(f::regex(&Person::username));
    CHECK_THROWS_AS(found(by_regex, store, "/p?search=a"), db::NotSupportedError);
    // Without a term the lookup is never asked for.
    CHECK(found(by_regex, store, "/p") == "ada,alan,grace,linus");
}

TEST_CASE("The search parameter is renamed with param(), as DRF's search_param", "[filters]") {
    Store store;
    constexpr auto q = people.param("q");
    STATIC_REQUIRE(q.param() == "q");
    STATIC_REQUIRE(people.param() == "search");
    CHECK(found(q, store, "/p?q=grace") == "grace");
    CHECK(found(q, store, "/p?search=grace") == "ada,alan,grace,linus");
}

TEST_CASE("More search terms than the bound is a 400 naming the parameter", "[filters]") {
    Store store;
    STATIC_REQUIRE(people.max_terms() == 10);
    std::string ten = "/p?search=", eleven;
    for (int i = 0; i < 10; ++i) ten += "a%20";
    eleven = ten + "b";
    CHECK(people.get_search_terms(get(ten)).size() == 10);
    try {
        people.get_search_terms(get(eleven));
        FAIL("no exception");
    } catch (const drf::ValidationError& e) {
        CHECK(e.detail() == Json::parse(R"({"search": ["Ensure this field has no more than 10 elements."]})"));
    }
    constexpr auto two = people.max_terms(2).param("q");
    CHECK(found(two, store, "/p?q=a,example") == "ada,alan,linus");
    CHECK_THROWS_WITH(two.get_search_terms(get("/p?q=a%20b%20c")), "validation failed");
    try {
        two.filter_queryset(get("/p?q=a%20b%20c"), store.all());
        FAIL("no exception");
    } catch (const drf::ValidationError& e) {
        CHECK(e.detail() == Json::parse(R"({"q": ["Ensure this field has no more than 2 elements."]})"));
    }
}

TEST_CASE("Search terms travel as bound parameters, never in the SQL text", "[filters]") {
    Store store;
    const auto query = people.filter_queryset(get("/p?search=x'%20OR%201=1--"), store.all());
    CHECK(query.sql().find("OR 1=1") == std::string::npos);
    CHECK(query.all().empty());
    CHECK(query.params().size() == 9);  // three terms, three fields each
}

}  // namespace search_test
