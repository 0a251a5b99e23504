// tests/examples/projects_indexes_test.cpp — the example service's lists are served by its indexes: for
// every ordering GET /api/projects/ and GET /api/users/ allow, SQLite's plan for a page (the first, and
// one after or before a cursor's position) reads an index in order instead of sorting the rows (no
// "USE TEMP B-TREE FOR ORDER BY"). The querysets are the viewsets' own: the owner filter, then the
// filter_backends on a request carrying ?ordering=.
#include "../../examples/projects/migrations.hpp"
#include "../../examples/projects/services.hpp"
#include "../../examples/projects/views.hpp"

#include <drf/auth/users.hpp>
#include <drf/db/sqlite.hpp>
#include <drf/http/request.hpp>
#include <drf/migrations.hpp>

#include <catch2/catch.hpp>

#include <string>
#include <utility>
#include <vector>

namespace projects_indexes_test {

drf::db::Database migrated() {
    auto database = drf::db::sqlite::open(":memory:");
    drf::migrations::Migrator(database, projects::migrations()).migrate();
    return database;
}

drf::http::Request get(const std::string& target) { return drf::http::Request(drf::http::Method::get, target); }

// A page's plan, and the plans of the pages after and before a row's position.
template <class T>
std::vector<std::string> page_plans(const drf::db::QuerySet<T>& query, const T& row) {
    const auto key = query.key_of(row);
    return {query.limit(26).explain(), query.after(key).limit(26).explain(), query.before(key).limit(26).explain()};
}

TEST_CASE("Every ordering of the example's project list is read from an index under the owner filter, without a sort",
          "[examples]") {
    auto database = migrated();
    const auto owner = drf::auth::create_user(database, "alice");
    projects::Project project;
    project.name = "Apollo";
    project = projects::ProjectService::create(database, project, owner);

    const std::vector<std::pair<std::string, std::string>> orderings = {
        {"", "projects_project_owner_id_created_at_id"},  // the default, newest first
        {"created_at", "projects_project_owner_id_created_at_id"},
        {"-created_at", "projects_project_owner_id_created_at_id"},
        {"name", "projects_project_owner_id_name_id"},
        {"-name", "projects_project_owner_id_name_id"},
        {"updated_at", "projects_project_owner_id_updated_at_id"},
        {"-updated_at", "projects_project_owner_id_updated_at_id"},
    };
    for (const auto& [ordering, index] : orderings) {
        for (const std::string filters : {"", "&archived=false", "&archived=true&search=moon&name__icontains=pol"}) {
            const auto request = get("/api/projects/?ordering=" + ordering + filters);
            const auto query = projects::ProjectViewSet::filter_backends.filter_queryset(
                request, projects::get_projects_for_user(database, owner));
            for (const auto& plan : page_plans(query, project)) {
                INFO("?ordering=" << ordering << filters << "\n" << plan);
                CHECK(plan.find("USING INDEX " + index) != std::string::npos);
                CHECK(plan.find("TEMP B-TREE") == std::string::npos);
            }
        }
    }
}

TEST_CASE("Every ordering of the example's user list is read from an index, without a sort", "[examples]") {
    auto database = migrated();
    for (const std::string ordering : {"", "username", "-username", "email", "-email"}) {
        for (const std::string filters : {"", "&is_staff=false&search=al"}) {
            const auto request = get("/api/users/?ordering=" + ordering + filters);
            const auto query = projects::UserViewSet::filter_backends.filter_queryset(
                request, drf::db::objects<drf::auth::User>(database).all());
            // PageNumberPagination's pages: LIMIT and OFFSET on the ordered query.
            for (const auto& plan : {query.limit(10).explain(), query.offset(20).limit(10).explain()}) {
                INFO("?ordering=" << ordering << filters << "\n" << plan);
                CHECK(plan.find(ordering.find("email") != std::string::npos ? "USING INDEX auth_user_email_id"
                                                                             : "USING INDEX sqlite_autoindex_auth_user") !=
                      std::string::npos);
                CHECK(plan.find("TEMP B-TREE") == std::string::npos);
            }
        }
    }
}

}  // namespace projects_indexes_test
