// drf/commands/createuser.hpp — the built-in createuser command: creates a user and prints a new API
// token alone on the last line of stdout (so scripts can take it with `tail -n 1`).
#pragma once

#include <drf/auth/users.hpp>
#include <drf/commands/command.hpp>
#include <drf/db/databases.hpp>

#include <stdexcept>
#include <string>

namespace drf::commands {

class CreateUserCommand : public Command {
public:
    explicit CreateUserCommand(db::Databases& databases) : databases_(databases) {}

    std::string help() const override { return "Creates a user and prints an API token for it."; }
    void add_arguments(CLI::App& parser) override {
        parser.add_option("--username", username_, "The new user's username.")->required();
        parser.add_option("--email", email_, "The new user's email address.");
        parser.add_flag("--staff", staff_, "Makes the user staff (an admin for IsAdminUser).");
    }
    void handle() override {
        auto& database = databases_.get();
        try {
            // One transaction: a user is never left without the token this command promised.
            const std::string key = database.atomic([&] {
                const auto user = auth::create_user(database, username_, {.email = email_, .is_staff = staff_});
                return auth::create_token(database, user);
            });
            out() << "Created " << (staff_ ? "staff user " : "user ") << username_ << ". API token:\n" << key << '\n';
        } catch (const auth::UserExists& e) {
            throw CommandError(e.what());
        } catch (const std::invalid_argument& e) {
            throw CommandError(e.what());
        }
    }

private:
    db::Databases& databases_;
    std::string username_;
    std::string email_;
    bool staff_ = false;
};

}  // namespace drf::commands
