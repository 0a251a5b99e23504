// examples/projects/services.hpp — services (writes) and selectors (reads), the Django pattern that
// keeps business logic out of the viewsets.
#pragma once

#include "models.hpp"
#include "serializers.hpp"

#include <drf/auth/user.hpp>
#include <drf/db.hpp>
#include <drf/serializers/field_set.hpp>
#include <drf/serializers/update.hpp>

#include <algorithm>
#include <map>
#include <memory>
#include <vector>

namespace projects {

namespace db = drf::db;

// Loads each project's owner with one query for the whole page, asking for each owner once: a page of
// one user's projects is one id, not 25. That is Django's prefetch_related (a second query, WHERE id IN,
// each owner one object shared by its rows); select_related would JOIN and read the owner's columns
// again on every row.
inline void load_owners(db::Database& database, std::vector<Project>& rows) {
    std::vector<drf::Uuid> ids;
    for (const auto& p : rows) ids.push_back(p.owner_id);
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    std::map<drf::Uuid, std::shared_ptr<const drf::auth::User>> owners;
    for (auto& u : db::objects<drf::auth::User>(database).filter(db::in(&drf::auth::User::id, ids)).all())
        owners.emplace(u.id, std::make_shared<const drf::auth::User>(std::move(u)));
    for (auto& p : rows) p.owner = owners[p.owner_id];
}

// get_projects_for_user: the requester's own projects.
inline db::QuerySet<Project> get_projects_for_user(db::Database& database, const drf::auth::User& user) {
    return db::objects<Project>(database).filter(db::eq(&Project::owner_id, user.id));
}

struct ProjectService {
    static Project create(db::Database& database, Project project, const drf::auth::User& owner) {
        project.owner_id = owner.id;
        project = db::objects<Project>(database).create(project);
        project.owner = std::make_shared<const drf::auth::User>(owner);
        return project;
    }
    // A partial update: the project as validated, saving only the columns the client sent.
    static Project update(db::Database& database, Project project,
                          const drf::serializers::FieldSet<ProjectInput>& sent) {
        const auto fields = sent.to<db::UpdateFields<Project>>();
        if (!fields.empty()) db::objects<Project>(database).save(project, fields);
        return project;
    }
    static void archive(db::Database& database, Project project) {
        project.archived = true;
        db::objects<Project>(database).save(project, db::update_fields<&Project::archived>);
    }
};

}  // namespace projects
