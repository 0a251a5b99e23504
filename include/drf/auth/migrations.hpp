// drf/auth/migrations.hpp — the migrations that create auth's tables (auth_user, authtoken_token); an
// application puts them in the list it gives the Migrator, next to its own.
#pragma once

#include <drf/auth/token.hpp>
#include <drf/auth/user.hpp>
#include <drf/migrations/migration.hpp>

#include <vector>

namespace drf::auth {

// "auth_0001_initial" creates both tables. The field lists are spelled out so the migration is frozen:
// if User or Token gain fields, this migration still creates exactly these columns (and its checksum
// does not change), and the new fields arrive in a later migration. An application's migrations that
// reference auth_user name "auth_0001_initial" among their dependencies.
inline std::vector<drf::migrations::Migration> migrations() {
    return {
        {"auth_0001_initial",
         {},
         {drf::migrations::create_model<User>({"username", "email", "is_staff", "is_active", "last_login"}),
          drf::migrations::create_model<Token>({"digest", "user_id"})},
         {}},
    };
}

}  // namespace drf::auth
