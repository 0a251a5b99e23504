// examples/projects/serializers.hpp — input serializers (validated_data is a typed struct) and output
// serializers (what the API renders), the usual DRF ProjectCreateSerializer / ProjectOutputSerializer split.
#pragma once

#include "models.hpp"

#include <drf/serializers.hpp>

#include <string>

namespace projects {

namespace s = drf::serializers;

struct ProjectInput {
    std::string name;
    std::string description;
    static constexpr auto fields =
        s::fields(s::char_field<&ProjectInput::name>().max_length(200),
                  s::char_field<&ProjectInput::description>().optional("").allow_blank());
};

// {"id", "name", "description", "owner" (the owner's username), "archived", "created_at", "updated_at"}
struct ProjectOutput {
    static constexpr auto fields =
        s::fields(s::uuid_field<&Project::id>(), s::char_field<&Project::name>(),
                  s::char_field<&Project::description>(),
                  s::char_field("owner", s::source(&Project::owner, &drf::auth::User::username)).allow_null(),
                  s::boolean_field<&Project::archived>(), s::datetime_field<&Project::created_at>(),
                  s::datetime_field<&Project::updated_at>());
};

struct AnnouncementInput {
    std::string title;
    std::string body;
    static constexpr auto fields =
        s::fields(s::char_field<&AnnouncementInput::title>().max_length(120),
                  s::char_field<&AnnouncementInput::body>().optional("").allow_blank());
};

struct AnnouncementOutput {
    static constexpr auto fields = s::model_serializer<Announcement, &Announcement::id, &Announcement::title,
                                                       &Announcement::body, &Announcement::created_at,
                                                       &Announcement::updated_at>();
};

struct ProfileOutput {
    static constexpr auto fields = s::fields(s::char_field<&Profile::bio>());
};

}  // namespace projects
