// examples/projects/commands.hpp — a cleanup_inactive management command, in Django's pattern.
#pragma once

#include <drf/auth/user.hpp>
#include <drf/commands.hpp>
#include <drf/db.hpp>

#include <string>

namespace projects {

class CleanupInactive : public drf::commands::Command {
public:
    explicit CleanupInactive(drf::db::Databases& databases) : databases_(databases) {}

    std::string help() const override { return "Deactivate users who haven't logged in for 90 days"; }
    void add_arguments(CLI::App& parser) override {
        parser.add_flag("--dry-run", dry_run_, "Only count the users who would be deactivated.");
        parser.add_option("--days", days_, "Inactivity threshold in days.")->check(CLI::PositiveNumber)->capture_default_str();
    }
    void handle() override {
        using drf::auth::User;
        namespace db = drf::db;
        const auto cutoff = drf::now() - boost::posix_time::hours(24 * days_);
        const auto users = db::objects<User>(databases_.get())
                               .filter(db::lt(&User::last_login, cutoff) && db::eq(&User::is_active, true));
        if (dry_run_) {
            out() << "Would deactivate " << users.count() << " users\n";
            return;
        }
        const auto count = users.update(db::set(&User::is_active, false));
        out() << "Deactivated " << count << " users\n";
    }

private:
    drf::db::Databases& databases_;
    bool dry_run_ = false;
    int days_ = 90;
};

}  // namespace projects
