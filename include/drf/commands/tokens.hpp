// drf/commands/tokens.hpp — drf_create_token, as DRF's authtoken command: a new API token for an
// existing user, printed as "Generated token <key> for user <username>".
#pragma once

#include <drf/auth/users.hpp>
#include <drf/commands/command.hpp>
#include <drf/db/databases.hpp>
#include <drf/db/query.hpp>

#include <string>

namespace drf::commands {

class CreateTokenCommand : public Command {
public:
    explicit CreateTokenCommand(db::Databases& databases) : databases_(databases) {}

    std::string help() const override { return "Creates a new API token for an existing user."; }
    void add_arguments(CLI::App& parser) override {
        parser.add_option("username", username_, "The user to create a token for.")->required();
    }
    void handle() override {
        auto& database = databases_.get();
        const auto user = db::objects<auth::User>(database).filter(db::eq(&auth::User::username, username_)).first();
        if (!user) throw CommandError("Cannot create the Token: user " + username_ + " does not exist");
        out() << "Generated token " << auth::create_token(database, *user) << " for user " << username_ << '\n';
    }

private:
    db::Databases& databases_;
    std::string username_;
};

}  // namespace drf::commands
