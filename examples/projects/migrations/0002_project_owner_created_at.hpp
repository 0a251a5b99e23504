// examples/projects/migrations/0002_project_owner_created_at.hpp — the index behind "my projects,
// newest first": without it the database sorts all of a user's projects for every page (SQLite: USE
// TEMP B-TREE FOR ORDER BY); with it a page is an index range.
#pragma once

#include <drf/migrations/migration.hpp>
#include <drf/migrations/operations.hpp>

namespace projects_migrations {

inline drf::migrations::Migration migration_0002_project_owner_created_at() {
    namespace mig = drf::migrations;
    return {"projects_0002_project_owner_created_at",
            {"projects_0001_initial"},
            {
                mig::add_index("projects_project", {"owner_id", "created_at", "id"}),
            },
            {}};
}

}  // namespace projects_migrations
