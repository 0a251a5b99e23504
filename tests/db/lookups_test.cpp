// tests/db/lookups_test.cpp — Django's text, range, regex and full-text lookups (iexact, startswith,
// istartswith, endswith, iendswith, range, regex, iregex, search) on every backend: what they match,
// the SQL each dialect writes, and that the user's text only ever travels as a bound parameter.
#include "models.hpp"
#include "../support/database.hpp"

#include <drf/db.hpp>

#include <catch2/catch.hpp>

#include <string>
#include <vector>

namespace lookups_test {

using namespace db_test;
namespace db = drf::db;

db::Database with_projects(std::initializer_list<const char*> names) {
    auto database = drf_test::open_database();
    for (const auto& s : db::create_table_sql<User>(database.dialect())) database.connection().execute(s);
    for (const auto& s : db::create_table_sql<Project>(database.dialect())) database.connection().execute(s);
    User owner;
    owner.username = "owner";
    db::objects<User>(database).create(owner);
    std::int64_t stars = 0;
    for (const char* name : names) {
        Project p;
        p.name = name;
        p.owner_id = owner.id;
        p.stars = stars++;
        db::objects<Project>(database).create(p);
    }
    return database;
}

std::string where(const db::QuerySet<Project>& q) {
    const std::string sql = q.sql();
    const auto start = sql.find(" WHERE ") + 7;
    return sql.substr(start, sql.find(" ORDER BY ") - start);
}

TEST_CASE("iexact matches the whole text ignoring ASCII case, with LIKE's wildcards taken literally", "[db]") {
    auto database = with_projects({"Moon", "moonbase", "MOON", "m%on", "mo_n"});
    auto projects = db::objects<Project>(database);
    CHECK(projects.filter(db::iexact(&Project::name, "moon")).count() == 2);
    CHECK(projects.filter(db::iexact(&Project::name, "M%ON")).count() == 1);
    CHECK(projects.filter(db::iexact(&Project::name, "mo_n")).count() == 1);
    CHECK(projects.filter(db::iexact(&Project::name, "m_on")).count() == 0);
    CHECK(projects.filter(db::iexact(&Project::name, "moo")).count() == 0);
    CHECK(projects.filter(db::iexact(&Project::name, "m%on")).params() == std::vector<db::Value>{std::string("m\\%on")});
}

TEST_CASE("startswith and endswith are case-sensitive on every backend and take wildcards literally", "[db]") {
    auto database = with_projects({"Moonbase", "moonbase", "base%moon", "a_b", "axb"});
    auto projects = db::objects<Project>(database);
    CHECK(projects.filter(db::startswith(&Project::name, "moon")).count() == 1);
    CHECK(projects.filter(db::startswith(&Project::name, "Moon")).count() == 1);
    CHECK(projects.filter(db::startswith(&Project::name, "base%")).count() == 1);
    CHECK(projects.filter(db::startswith(&Project::name, "a_")).count() == 1);
    CHECK(projects.filter(db::startswith(&Project::name, "base")).count() == 1);  // not where it only occurs later
    CHECK(projects.filter(db::startswith(&Project::name, "")).count() == 5);
    CHECK(projects.filter(db::endswith(&Project::name, "base")).count() == 2);
    CHECK(projects.filter(db::endswith(&Project::name, "BASE")).count() == 0);
    CHECK(projects.filter(db::endswith(&Project::name, "%moon")).count() == 1);
    CHECK(projects.filter(db::endswith(&Project::name, "_b")).count() == 1);
    CHECK(projects.filter(db::endswith(&Project::name, "")).count() == 5);
    CHECK(projects.exclude(db::endswith(&Project::name, "base")).count() == 3);
    CHECK(projects.exclude(db::startswith(&Project::name, "a")).count() == 3);
}

TEST_CASE("istartswith and iendswith ignore ASCII case and take wildcards literally", "[db]") {
    auto database = with_projects({"Moonbase", "moonBASE", "m%x", "mxx"});
    auto projects = db::objects<Project>(database);
    CHECK(projects.filter(db::istartswith(&Project::name, "MOON")).count() == 2);
    CHECK(projects.filter(db::istartswith(&Project::name, "m%")).count() == 1);
    CHECK(projects.filter(db::iendswith(&Project::name, "Base")).count() == 2);
    CHECK(projects.filter(db::iendswith(&Project::name, "%X")).count() == 1);
    CHECK(projects.filter(db::istartswith(&Project::name, "a\\b")).params() ==
          std::vector<db::Value>{std::string("a\\\\b%")});
    CHECK(projects.filter(db::iendswith(&Project::name, "_")).params() == std::vector<db::Value>{std::string("%\\_")});
}

TEST_CASE("Text lookups on a nullable text field never match NULL", "[db]") {
    auto database = with_projects({"a"});
    auto projects = db::objects<Project>(database);
    CHECK(projects.filter(db::startswith(&Project::note, "")).count() == 0);
    CHECK(projects.filter(db::iexact(&Project::note, "")).count() == 0);
    CHECK(projects.filter(db::endswith(&Project::note, "")).count() == 0);
}

TEST_CASE("range includes both ends, as Django's __range", "[db]") {
    auto database = with_projects({"a", "b", "c", "d", "e"});  // stars 0..4
    auto projects = db::objects<Project>(database);
    CHECK(projects.filter(db::range(&Project::stars, 1, 3)).count() == 3);
    CHECK(projects.filter(db::range(&Project::stars, 3, 1)).count() == 0);
    CHECK(projects.filter(db::range(&Project::name, "b", "c")).count() == 2);
    CHECK(projects.filter(db::range(&Project::score, -1, 0.5)).count() == 5);
    const auto q = projects.filter(db::range(&Project::stars, 1, 3));
    CHECK(where(q) == "\"stars\" BETWEEN ? AND ?");
    CHECK(q.params() == std::vector<db::Value>{std::int64_t{1}, std::int64_t{3}});
}

TEST_CASE("The lookups' text is a bound parameter; the SQL holds only the column and the dialect's operator", "[db]") {
    auto database = with_projects({});
    auto projects = db::objects<Project>(database);
    const std::string evil = "x'); DROP TABLE projects; --";
    for (const auto& q : {projects.filter(db::iexact(&Project::name, evil)), projects.filter(db::startswith(&Project::name, evil)),
                          projects.filter(db::istartswith(&Project::name, evil)), projects.filter(db::endswith(&Project::name, evil)),
                          projects.filter(db::iendswith(&Project::name, evil)), projects.filter(db::range(&Project::name, evil, evil))}) {
        CHECK(q.sql().find("DROP") == std::string::npos);
        CHECK(q.count() == 0);
    }
}

TEST_CASE("SQLite writes Django's LIKE for the case-insensitive lookups and exact tests for the others", "[db][sqlite]") {
    auto database = with_projects({});
    auto projects = db::objects<Project>(database);
    CHECK(where(projects.filter(db::iexact(&Project::name, "x"))) == "\"name\" LIKE (? || '') ESCAPE '\\'");
    CHECK(where(projects.filter(db::istartswith(&Project::name, "x"))) == "\"name\" LIKE (? || '') ESCAPE '\\'");
    CHECK(where(projects.filter(db::iendswith(&Project::name, "x"))) == "\"name\" LIKE (? || '') ESCAPE '\\'");
    CHECK(where(projects.filter(db::startswith(&Project::name, "x"))) == "instr(\"name\", ?) = 1");
    CHECK(where(projects.filter(db::endswith(&Project::name, "x"))) ==
          "(\"name\" IS NOT NULL AND hex(\"name\") LIKE '%' || hex(?))");
}

TEST_CASE("regex, iregex and search on SQLite throw NotSupportedError when the query is compiled", "[db][sqlite]") {
    auto database = with_projects({"moon"});
    auto projects = db::objects<Project>(database);
    const auto regex = projects.filter(db::regex(&Project::name, "^m"));  // building the queryset is fine
    CHECK_THROWS_WITH(regex.count(), "drf::db: the regex lookup is not supported on sqlite, which has no regular "
                                     "expressions (Django's __regex needs PostgreSQL)");
    CHECK_THROWS_AS(regex.sql(), db::NotSupportedError);
    CHECK_THROWS_WITH(projects.filter(db::iregex(&Project::name, "^M")).count(),
                      "drf::db: the iregex lookup is not supported on sqlite, which has no regular expressions "
                      "(Django's __iregex needs PostgreSQL)");
    CHECK_THROWS_WITH(projects.filter(db::search(&Project::name, "moon")).count(),
                      "drf::db: the search lookup is not supported on sqlite, which has no full-text search "
                      "(Django's __search needs PostgreSQL)");
    CHECK_THROWS_AS(projects.filter(db::search(&Project::name, "moon")).count(), db::DatabaseError);
}

TEST_CASE("PostgreSQL writes Django's UPPER() LIKE UPPER() for the case-insensitive lookups", "[db][postgresql]") {
    auto database = with_projects({});
    auto projects = db::objects<Project>(database);
    CHECK(where(projects.filter(db::iexact(&Project::name, "x"))) == "UPPER(\"name\") LIKE UPPER(?) ESCAPE '\\'");
    CHECK(where(projects.filter(db::istartswith(&Project::name, "x"))) == "UPPER(\"name\") LIKE UPPER(?) ESCAPE '\\'");
    CHECK(where(projects.filter(db::iendswith(&Project::name, "x"))) == "UPPER(\"name\") LIKE UPPER(?) ESCAPE '\\'");
    CHECK(where(projects.filter(db::startswith(&Project::name, "x"))) == "starts_with(\"name\", ?)");
    CHECK(where(projects.filter(db::regex(&Project::name, "x"))) == "\"name\" ~ ?");
    CHECK(where(projects.filter(db::iregex(&Project::name, "x"))) == "\"name\" ~* ?");
    CHECK(where(projects.filter(db::search(&Project::name, "x"))) ==
          "to_tsvector(COALESCE(\"name\", '')) @@ plainto_tsquery(?)");
}

TEST_CASE("regex and iregex match PostgreSQL's regular expressions, the pattern bound as a parameter", "[db][postgresql]") {
    auto database = with_projects({"Moonbase", "moon", "sun"});
    auto projects = db::objects<Project>(database);
    CHECK(projects.filter(db::regex(&Project::name, "^moo")).count() == 1);
    CHECK(projects.filter(db::iregex(&Project::name, "^moo")).count() == 2);
    CHECK(projects.filter(db::regex(&Project::name, "(sun|moon)$")).count() == 2);
    CHECK(projects.filter(db::regex(&Project::name, "'; DROP TABLE projects; --")).count() == 0);
    CHECK_THROWS_AS(projects.filter(db::regex(&Project::name, "(")).count(), db::DatabaseError);  // invalid pattern
}

TEST_CASE("search finds the words of the text in the field, as Django's __search on PostgreSQL", "[db][postgresql]") {
    auto database = with_projects({"The quick brown foxes", "a lazy dog", "jumping"});
    auto projects = db::objects<Project>(database);
    CHECK(projects.filter(db::search(&Project::name, "fox")).count() == 1);  // stemmed
    CHECK(projects.filter(db::search(&Project::name, "lazy dogs")).count() == 1);
    CHECK(projects.filter(db::search(&Project::name, "quick dog")).count() == 0);  // every word must be there
    CHECK(projects.filter(db::search(&Project::name, "jump")).count() == 1);
    CHECK(projects.filter(db::search(&Project::name, "!&|():*'")).count() == 0);  // no tsquery syntax from the user
}

}  // namespace lookups_test
