// examples/projects/migrations.hpp — the project's migrations, oldest first: auth's and throttling's
// (the database throttle store's table), then the projects app's from migrations/. makemigrations adds
// each new file's #include and list entry here.
#pragma once

#include <drf/auth/migrations.hpp>
#include <drf/migrations/migration.hpp>
#include <drf/throttling/migrations.hpp>

#include <utility>
#include <vector>

#include "migrations/0001_initial.hpp"
#include "migrations/0002_project_owner_created_at.hpp"
#include "migrations/0003_list_orderings.hpp"
#include "migrations/0004_track_changes.hpp"

namespace projects {

inline std::vector<drf::migrations::Migration> migrations() {
    auto list = drf::auth::migrations();
    for (auto& m : drf::throttling::migrations()) list.push_back(std::move(m));
    list.push_back(projects_migrations::migration_0001_initial());
    list.push_back(projects_migrations::migration_0002_project_owner_created_at());
    list.push_back(projects_migrations::migration_0003_list_orderings());
    list.push_back(projects_migrations::migration_0004_track_changes());
    return list;
}

}  // namespace projects
