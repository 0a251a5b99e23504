// drf/auth/token.hpp — Token, rest_framework.authtoken's model, storing only the SHA-256 digest of each
// key: whoever reads the table (a backup, a leaked dump) learns nothing that authenticates.
#pragma once

#include <drf/auth/user.hpp>
#include <drf/core/uuid.hpp>
#include <drf/models/meta.hpp>

#include <string>

namespace drf::auth {

// One API token of a user. DRF keeps the key itself as the primary key, one token per user; here the
// row holds sha256_hex(key) and a user may have several tokens (one per device or script, each revoked
// on its own). Create them with create_token() (<drf/auth/users.hpp>), which returns the key once.
struct Token : models::Model<Token> {
    std::string digest;  // lowercase hex SHA-256 of the key's text, 64 characters
    Uuid user_id;

    static constexpr auto meta = models::meta<Token>(
        "authtoken_token", models::field<&Token::digest>().unique().max_length(64),
        models::field<&Token::user_id>().references<User>());
};

}  // namespace drf::auth
