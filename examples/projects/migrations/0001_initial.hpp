// examples/projects/migrations/0001_initial.hpp — the projects app's migration 0001_initial, frozen:
// values only, never a model. Written by makemigrations; never edit it once deployed.
#pragma once

#include <drf/migrations/migration.hpp>
#include <drf/migrations/operations.hpp>

namespace projects_migrations {

inline drf::migrations::Migration migration_0001_initial() {
    namespace mig = drf::migrations;
    return {"projects_0001_initial",
            {"auth_0001_initial"},
            {
                mig::create_table("projects_project",
                                  {
                                      mig::column("id", mig::uuid().primary_key()),
                                      mig::column("created_at", mig::datetime()),
                                      mig::column("updated_at", mig::datetime()),
                                      mig::column("name", mig::text().max_length(200)),
                                      mig::column("description", mig::text()),
                                      mig::column("owner_id", mig::uuid().references("auth_user")),
                                      mig::column("archived", mig::boolean()),
                                  },
                                  {{"created_at", "id"}, {"owner_id"}}),
                mig::create_table("projects_announcement",
                                  {
                                      mig::column("id", mig::uuid().primary_key()),
                                      mig::column("created_at", mig::datetime()),
                                      mig::column("updated_at", mig::datetime()),
                                      mig::column("title", mig::text().max_length(120)),
                                      mig::column("body", mig::text()),
                                  },
                                  {{"created_at", "id"}}),
                mig::create_table("projects_profile",
                                  {
                                      mig::column("id", mig::uuid().primary_key()),
                                      mig::column("created_at", mig::datetime()),
                                      mig::column("updated_at", mig::datetime()),
                                      mig::column("user_id", mig::uuid().unique().references("auth_user")),
                                      mig::column("bio", mig::text()),
                                  },
                                  {{"created_at", "id"}}),
            },
            {}};
}

}  // namespace projects_migrations
