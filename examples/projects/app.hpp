// examples/projects/app.hpp — the service put together: settings from the environment, the migrations,
// the profile signal, the router and the management commands.
#pragma once

#include "commands.hpp"
#include "models.hpp"
#include "views.hpp"

#include <drf/auth.hpp>
#include <drf/commands.hpp>
#include <drf/commands/createuser.hpp>
#include <drf/commands/runserver.hpp>
#include <drf/commands/tokens.hpp>
#include <drf/core/crypto.hpp>
#include <drf/db/sqlite.hpp>
#include <drf/migrations.hpp>
#include <drf/routers.hpp>
#include <drf/signals.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>
#include <sys/stat.h>

namespace projects {

inline std::vector<drf::migrations::Migration> migrations() {
    namespace mig = drf::migrations;
    auto list = drf::auth::migrations();
    list.push_back({"projects_0001_initial",
                    {"auth_0001_initial"},
                    {mig::create_model<Project>({"name", "description", "owner_id", "archived"}),
                     mig::create_model<Announcement>({"title", "body"}), mig::create_model<Profile>({"user_id", "bio"})},
                    {}});
    // The list is "my projects, newest first": without this index the database sorts all of a user's
    // projects for every page (SQLite: USE TEMP B-TREE FOR ORDER BY); with it a page is an index range.
    list.push_back({"projects_0002_project_owner_created_at",
                    {"projects_0001_initial"},
                    {mig::add_index<Project, "owner_id", "created_at", "id">()},
                    {}});
    return list;
}

// The cursor secret: PROJECTS_CURSOR_SECRET, or one generated once and kept next to the database (so
// cursors survive restarts; every instance must share it).
inline std::string cursor_secret(const std::string& database_path) {
    if (const char* env = std::getenv("PROJECTS_CURSOR_SECRET"); env && *env) return env;
    const std::string path = database_path + ".cursor-secret";
    if (std::ifstream in(path); in) {
        std::string secret((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        if (secret.size() >= 32) return secret;
    }
    const std::string secret = drf::crypto::to_hex(drf::crypto::random_bytes(32));
    std::ofstream(path) << secret;
    ::chmod(path.c_str(), 0600);
    return secret;
}

class App {
public:
    App() : path_(database_path()), databases_([path = path_] { return drf::db::sqlite::open(path); }) {
        if (path_ != ":memory:") drf::pagination::set_cursor_secret(cursor_secret(path_));
        // The seed's signal: every new user gets a profile.
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
        commands_.add<cmd::RunServerCommand<drf::routers::Router>>("runserver", std::cref(*router_));
        commands_.add<CleanupInactive>("cleanup_inactive", std::ref(databases_));
    }

    const drf::commands::Registry& commands() const { return commands_; }
    const drf::routers::Router& router() const { return *router_; }
    drf::db::Databases& databases() { return databases_; }

private:
    static std::string database_path() {
        const char* env = std::getenv("PROJECTS_DB");
        return env && *env ? env : "projects.sqlite3";
    }

    std::string path_;
    drf::db::Databases databases_;
    drf::signals::ScopedConnection profile_receiver_;
    std::unique_ptr<drf::routers::Router> router_;
    drf::commands::Registry commands_{"projects"};
};

}  // namespace projects
