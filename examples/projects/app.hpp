// examples/projects/app.hpp — the service put together: settings from the environment (settings.hpp),
// the migrations, the profile signal, the router and the management commands.
#pragma once

#include "commands.hpp"
#include "migrations.hpp"  // projects::migrations(): auth's and migrations/*.hpp
#include "models.hpp"
#include "settings.hpp"
#include "views.hpp"

#include <drf/auth.hpp>
#include <drf/commands.hpp>
#include <drf/commands/createuser.hpp>
#include <drf/commands/runserver.hpp>
#include <drf/commands/tokens.hpp>
#include <drf/db/connect.hpp>
#include <drf/db/sqlite.hpp>
#if PROJECTS_WITH_POSTGRESQL
#include <drf/db/postgresql.hpp>
#endif
#include <drf/migrations.hpp>
#include <drf/routers.hpp>
#include <drf/signals.hpp>

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace projects {

// runserver, refusing to start when the cursors would have no shared secret.
class ProjectsRunServer : public drf::commands::RunServerCommand<drf::routers::Router> {
public:
    ProjectsRunServer(const drf::routers::Router& router, bool has_secret) : RunServerCommand(router), has_secret_(has_secret) {}
    void handle() override {
        if (!has_secret_)
            throw drf::commands::CommandError(
                "set PROJECTS_CURSOR_SECRET (" + std::to_string(drf::pagination::min_cursor_secret_size) +
                " or more bytes, the same for every instance) to serve from PROJECTS_DATABASE_URL: the pagination "
                "cursors are signed with it");
        RunServerCommand::handle();
    }

private:
    bool has_secret_;
};

class App {
public:
    App() : setting_(database_setting()), databases_([url = setting_.url] { return drf::db::connect(url); }) {
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

        router_ = std::make_unique<drf::routers::Router>(
            drf::auth::Authenticators{std::make_shared<drf::auth::TokenAuthentication>(databases_)});
        router_->set_host_settings(host_settings());
        router_->register_viewset<ProjectViewSet>("api/projects", [this] { return ProjectViewSet(databases_); });
        router_->register_viewset<AnnouncementViewSet>("api/announcements",
                                                       [this] { return AnnouncementViewSet(databases_); });
        router_->register_viewset<MeViewSet>("api/me", [this] {
            MeViewSet v;
            v.databases = &databases_;
            return v;
        });

        namespace cmd = drf::commands;
        commands_.add<cmd::MigrateCommand>("migrate", std::ref(databases_), migrations());
        commands_.add<cmd::ShowMigrationsCommand>("showmigrations", std::ref(databases_), migrations());
        commands_.add<cmd::CreateUserCommand>("createuser", std::ref(databases_));
        commands_.add<cmd::CreateTokenCommand>("drf_create_token", std::ref(databases_));
        commands_.add<ProjectsRunServer>("runserver", std::cref(*router_), secret.has_value());
        commands_.add<CleanupInactive>("cleanup_inactive", std::ref(databases_));
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
