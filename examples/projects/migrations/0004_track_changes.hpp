// examples/projects/migrations/0004_track_changes.hpp — change counters for the tables a project list
// page reads (projects, and users for each owner's username), so GET /api/projects/ answers a 304 from
// one small query instead of the page's (drf::migrations::track_changes, docs/conditional.md).
#pragma once

#include <drf/migrations/changes.hpp>
#include <drf/migrations/migration.hpp>

namespace projects_migrations {

inline drf::migrations::Migration migration_0004_track_changes() {
    namespace mig = drf::migrations;
    return {"projects_0004_track_changes",
            {"projects_0003_list_orderings"},
            {mig::track_changes("projects_project"), mig::track_changes("auth_user")},
            {}};
}

}  // namespace projects_migrations
