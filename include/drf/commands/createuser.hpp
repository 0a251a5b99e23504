// drf/commands/createuser.hpp — the built-in createuser command: creates a user and prints a new API
// token alone on the last line of stdout (so scripts can take it with `tail -n 1`). --email is checked
// as Django's createsuperuser --noinput checks it: the model's EmailField, before anything is written.
#pragma once

#include <drf/auth/users.hpp>
#include <drf/commands/command.hpp>
#include <drf/core/detail/utf8.hpp>
#include <drf/db/databases.hpp>
#include <drf/serializers/detail/email.hpp>

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
        if (const std::string errors = email_errors(email_); !errors.empty()) throw CommandError(errors);
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
    // What Django's EmailField.clean says of `email` (EmailValidator, then max_length 254), its messages
    // joined with "; " as createsuperuser joins them; empty when it is valid. No address is valid too:
    // the option is optional, and Django's User allows a blank email.
    static std::string email_errors(const std::string& email) {
        if (email.empty()) return {};
        std::string errors;
        if (!serializers::detail::is_valid_email(email)) errors = "Enter a valid email address.";
        constexpr std::size_t max_length = 254;
        if (const std::size_t n = drf::detail::utf8_length(email); n > max_length)
            errors += std::string(errors.empty() ? "" : "; ") + "Ensure this value has at most " +
                      std::to_string(max_length) + " characters (it has " + std::to_string(n) + ").";
        return errors;
    }

    db::Databases& databases_;
    std::string username_;
    std::string email_;
    bool staff_ = false;
};

}  // namespace drf::commands
