// examples/projects/serializers.hpp — input serializers, which validate straight into the model with the
// model's own constraints (DRF's ModelSerializer), and output serializers (what the API renders).
#pragma once

#include "models.hpp"

#include <drf/serializers.hpp>

namespace projects {

namespace s = drf::serializers;

// {"name" (required, at most 200 characters), "description" (optional, may be blank)}
using ProjectInput = s::model_serializer<Project, &Project::name, &Project::description>;

// {"id", "name", "description", "owner" (the owner's username), "archived", "created_at", "updated_at"}
struct ProjectOutput {
    static constexpr auto fields =
        s::model_serializer<Project, &Project::id, &Project::name, &Project::description, &Project::owner_id,
                            &Project::archived, &Project::created_at, &Project::updated_at>()
            .declare<&Project::owner_id>(
                s::char_field("owner", s::source(&Project::owner, &drf::auth::User::username)).allow_null());
};

using AnnouncementInput = s::model_serializer<Announcement, &Announcement::title, &Announcement::body>;

using AnnouncementOutput = s::model_serializer<Announcement, &Announcement::id, &Announcement::title,
                                               &Announcement::body, &Announcement::created_at,
                                               &Announcement::updated_at>;

using ProfileOutput = s::model_serializer<Profile, &Profile::bio>;

// {"username", "email", "is_staff", "is_active"}: a user as GET /api/users/ lists them.
using UserOutput = s::model_serializer<drf::auth::User, &drf::auth::User::username, &drf::auth::User::email,
                                       &drf::auth::User::is_staff, &drf::auth::User::is_active>;

}  // namespace projects
