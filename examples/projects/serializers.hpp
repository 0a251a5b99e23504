// examples/projects/serializers.hpp — input serializers, which validate straight into the model with the
// model's own constraints (DRF's ModelSerializer), and output serializers (what the API renders).
#pragma once

#include "models.hpp"

#include <drf/serializers.hpp>

#include <optional>
#include <string>

namespace projects {

namespace s = drf::serializers;

// Each serializer is a struct of its own (not an alias of model_serializer<...>), so that it has a name:
// the API schema's component is named after it ("ProjectInput"), as drf-spectacular names a serializer
// class.

// {"name" (required, at most 200 characters), "description" (optional, may be blank)}
struct ProjectInput : s::model_serializer<Project, &Project::name, &Project::description> {};

// {"id", "name", "description", "owner" (the owner's username), "archived", "created_at", "updated_at"}
struct ProjectOutput {
    static constexpr auto fields =
        s::model_serializer<Project, &Project::id, &Project::name, &Project::description, &Project::owner_id,
                            &Project::archived, &Project::created_at, &Project::updated_at>()
            .declare<&Project::owner_id>(
                s::char_field("owner", s::source(&Project::owner, &drf::auth::User::username)).allow_null());
};

struct AnnouncementInput : s::model_serializer<Announcement, &Announcement::title, &Announcement::body> {};

struct AnnouncementOutput : s::model_serializer<Announcement, &Announcement::id, &Announcement::title, &Announcement::body,
                                                &Announcement::created_at, &Announcement::updated_at> {};

struct ProfileOutput : s::model_serializer<Profile, &Profile::bio> {};

// {"username", "email", "is_staff", "is_active"}: a user as GET /api/users/ lists them.
struct UserOutput : s::model_serializer<drf::auth::User, &drf::auth::User::username, &drf::auth::User::email,
                                        &drf::auth::User::is_staff, &drf::auth::User::is_active> {};

// GET /api/me/: the user who asks, with their profile (null until they have one).
struct Me {
    std::string username;
    bool is_staff = false;
    std::optional<Profile> profile;
};

// {"username", "is_staff", "profile": {"bio"} or null}
struct MeOutput {
    static constexpr auto fields = s::fields(s::char_field<&Me::username>(), s::boolean_field<&Me::is_staff>(),
                                             s::nested<ProfileOutput, &Me::profile>().allow_null());
};

}  // namespace projects
