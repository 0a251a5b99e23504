// examples/projects/models.hpp — the service's models: Project (owned by a user), Announcement, and the
// Profile every user gets from a post_save receiver. id, created_at and updated_at come from the base.
#pragma once

#include <drf/auth/user.hpp>
#include <drf/models.hpp>

#include <memory>
#include <string>

namespace projects {

struct Project : drf::models::Model<Project> {
    std::string name;
    std::string description;
    drf::Uuid owner_id;
    bool archived = false;
    // Not a column: the owner, loaded by the selectors for rendering, one query per page (Django's
    // prefetch_related).
    std::shared_ptr<const drf::auth::User> owner;

    static constexpr auto meta = drf::models::meta<Project>(
        "projects_project", drf::models::field<&Project::name>().max_length(200),
        drf::models::field<&Project::description>().blank(),
        drf::models::field<&Project::owner_id>().references<drf::auth::User>(),
        drf::models::field<&Project::archived>());
};

struct Announcement : drf::models::Model<Announcement> {
    std::string title;
    std::string body;
    static constexpr auto meta = drf::models::meta<Announcement>(
        "projects_announcement", drf::models::field<&Announcement::title>().max_length(120),
        drf::models::field<&Announcement::body>().blank());
};

struct Profile : drf::models::Model<Profile> {
    drf::Uuid user_id;
    std::string bio;
    static constexpr auto meta = drf::models::meta<Profile>(
        "projects_profile", drf::models::field<&Profile::user_id>().unique().references<drf::auth::User>(),
        drf::models::field<&Profile::bio>());
};

}  // namespace projects
