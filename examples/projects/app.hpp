// examples/projects/app.hpp — the service put together, as a Django project's pieces are: settings from
// the environment (settings.hpp), the profile signal, the URLs (urls.hpp) and the management commands
// (commands.hpp), over the migrations of migrations.hpp.
#pragma once

#include "commands.hpp"
#include "context.hpp"
#include "migrations.hpp"  // projects::migrations(): auth's and migrations/*.hpp
#include "models.hpp"
#include "settings.hpp"
#include "urls.hpp"

#include <drf/auth/user.hpp>
#include <drf/commands.hpp>
#include <drf/db/connect.hpp>
#include <drf/db/sqlite.hpp>
#if PROJECTS_WITH_POSTGRESQL
#include <drf/db/postgresql.hpp>
#endif
#include <drf/routers.hpp>
#include <drf/signals.hpp>

#include <memory>

namespace projects {

class App {
public:
    App()
        : setting_(database_setting()),
          databases_([url = setting_.url, options = sqlite_options()] { return open_database(url, options); }) {
        const auto secret = cursor_secret(setting_);
        if (secret) drf::pagination::set_cursor_secret(*secret);
        // The usual Django post_save receiver: every new user gets a profile.
        profile_receiver_ = drf::signals::post_save<drf::auth::User>.connect(
            [this](const drf::auth::User& user, const drf::signals::SaveInfo& info) {
                if (!info.created) return;
                Profile profile;
                profile.user_id = user.id;
                drf::db::objects<Profile>(databases_.get()).create(profile);
            },
            {.dispatch_uid = "create_user_profile", .name = "create_user_profile"});
        router_ = std::make_unique<drf::routers::Router>(view_context(databases_));
        add_urls(*router_);
        add_commands(commands_, databases_, *router_, secret.has_value());
    }

    const drf::commands::Registry& commands() const { return commands_; }
    const drf::routers::Router& router() const { return *router_; }
    drf::db::Databases& databases() { return databases_; }

private:
    DatabaseSetting setting_;
    drf::db::Databases databases_;
    drf::signals::ScopedConnection profile_receiver_;
    std::unique_ptr<drf::routers::Router> router_;
    drf::commands::Registry commands_{"projects"};
};

}  // namespace projects
