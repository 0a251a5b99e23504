// tests/filters/filterset_models.hpp — the models, method filters and filter sets the FilterSet tests
// share, and a database holding a few projects on this run's backend (tests/support/database.hpp).
#pragma once

#include "../support/database.hpp"

#include <drf/db.hpp>
#include <drf/filters/filterset.hpp>
#include <drf/http/request.hpp>
#include <drf/models.hpp>

#include <cstdint>
#include <optional>
#include <string>

namespace filterset_test {

namespace db = drf::db;
namespace f = drf::filters;
using namespace drf::filters::lookups;

struct Owner : drf::models::Model<Owner> {
    std::string username;
    static constexpr auto meta = drf::models::meta<Owner>("fs_owners", drf::models::field<&Owner::username>());
};

struct Project : drf::models::Model<Project> {
    std::string name;
    bool archived = false;
    drf::Uuid owner_id;
    std::int64_t stars = 0;
    double score = 0;
    std::optional<std::string> note;
    std::optional<drf::DateTime> due;
    static constexpr auto meta = drf::models::meta<Project>(
        "fs_projects", drf::models::field<&Project::name>(), drf::models::field<&Project::archived>(),
        drf::models::field<&Project::owner_id>(), drf::models::field<&Project::stars>(),
        drf::models::field<&Project::score>(), drf::models::field<&Project::note>(),
        drf::models::field<&Project::due>());
};

// django-filter's method=: ?owner=<uuid> keeps the projects of that owner.
inline db::QuerySet<Project> owned_by(db::QuerySet<Project> query, drf::Uuid owner) {
    return query.filter(db::eq(&Project::owner_id, owner));
}
// ?popular=true keeps projects with at least 10 stars, ?popular=false those with fewer (noexcept is fine).
inline db::QuerySet<Project> popular(db::QuerySet<Project> query, bool yes) noexcept {
    return query.filter(yes ? db::ge(&Project::stars, 10) : db::lt(&Project::stars, 10));
}

inline constexpr auto project_filters = f::filters<Project>(
    f::filter<&Project::archived>(),
    f::filter<&Project::created_at>({gte, lte}),
    f::filter<&Project::name>({exact, iexact, contains, icontains, startswith, istartswith, endswith, iendswith, in}),
    f::filter<&Project::stars>({exact, gt, gte, lt, lte, in, range}),
    f::filter<&Project::score>({exact, lt, range}),
    f::filter<&Project::owner_id>({exact, in}),
    f::filter<&Project::note>({exact, isnull, icontains}),
    f::filter<&Project::due>({isnull, range, in}),
    f::method<&owned_by>("owner"),
    f::method<&popular>("popular"));

inline drf::http::Request get(std::string_view query) {
    return drf::http::Request(drf::http::Method::get, "/projects/?" + std::string(query));
}

// Projects "alpha" (3 stars), "Beta" (10, archived), "gamma ray" (25, note "Moon base", due 2026-03-01)
// and "delta" (0, note "sun"), created a day apart from 2026-01-01; owners ann (alpha, Beta) and bob.
struct Store {
    db::Database database = drf_test::open_database();
    drf::Uuid ann{}, bob{};
    Store() {
        for (const auto& s : db::create_table_sql<Owner>(database.dialect())) database.connection().execute(s);
        for (const auto& s : db::create_table_sql<Project>(database.dialect())) database.connection().execute(s);
        ann = drf::uuid4();
        bob = drf::uuid4();
        add("alpha", 3, 0.5, false, ann, std::nullopt, std::nullopt, "2026-01-01T00:00:00Z");
        add("Beta", 10, 1.5, true, ann, std::nullopt, std::nullopt, "2026-01-02T00:00:00Z");
        add("gamma ray", 25, 2.5, false, bob, "Moon base", *drf::parse_datetime("2026-03-01T00:00:00Z"),
            "2026-01-03T00:00:00Z");
        add("delta", 0, -1, false, bob, "sun", std::nullopt, "2026-01-04T00:00:00Z");
    }
    void add(std::string name, std::int64_t stars, double score, bool archived, drf::Uuid owner,
             std::optional<std::string> note, std::optional<drf::DateTime> due, const char* created) {
        drf::FrozenClock clock(*drf::parse_datetime(created));
        drf::ClockOverride use(clock);
        Project p;
        p.name = std::move(name);
        p.stars = stars;
        p.score = score;
        p.archived = archived;
        p.owner_id = owner;
        p.note = std::move(note);
        p.due = due;
        db::objects<Project>(database).create(p);
    }
    db::QuerySet<Project> all() { return db::objects<Project>(database).all(); }
    // The names of the projects the query string keeps, oldest first.
    std::vector<std::string> names(std::string_view query) {
        std::vector<std::string> out;
        for (const auto& p : project_filters.filter_queryset(get(query), all()).all()) out.push_back(p.name);
        std::reverse(out.begin(), out.end());
        return out;
    }
};

}  // namespace filterset_test
