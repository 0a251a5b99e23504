// examples/projects/migrations/0003_list_orderings.hpp — the indexes behind the lists' other orderings:
// GET /api/projects/?ordering=name or updated_at (either direction) under the owner filter, as 0002's
// serves created_at, and GET /api/users/?ordering=email (auth_user.username is unique, so indexed
// already). Without them each page sorts all the matching rows (SQLite: USE TEMP B-TREE FOR ORDER BY);
// with them a page is an index range. Each ends in id, the tie-breaker every ordering gets.
#pragma once

#include <drf/migrations/migration.hpp>
#include <drf/migrations/operations.hpp>

namespace projects_migrations {

inline drf::migrations::Migration migration_0003_list_orderings() {
    namespace mig = drf::migrations;
    return {"projects_0003_list_orderings",
            {"projects_0002_project_owner_created_at"},
            {
                mig::add_index("projects_project", {"owner_id", "name", "id"}),
                mig::add_index("projects_project", {"owner_id", "updated_at", "id"}),
                mig::add_index("auth_user", {"email", "id"}),
            },
            {}};
}

}  // namespace projects_migrations
