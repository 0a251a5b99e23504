// drf/auth/migrations.hpp — the migrations that create auth's tables (auth_user, authtoken_token); an
// application puts them in the list it gives the Migrator, next to its own.
#pragma once

#include <drf/migrations/migration.hpp>
#include <drf/migrations/operations.hpp>

#include <vector>

namespace drf::auth {

// "auth_0001_initial" creates both tables. It is frozen — values only, never the models — so when User
// or Token gain fields it still creates exactly these columns (and its checksum does not change); the
// new fields arrive in a later migration. An application's migrations that reference auth_user name
// "auth_0001_initial" among their dependencies.
inline std::vector<drf::migrations::Migration> migrations() {
    namespace mig = drf::migrations;
    return {
        {"auth_0001_initial",
         {},
         {mig::create_table("auth_user",
                            {mig::column("id", mig::uuid().primary_key()),
                             mig::column("created_at", mig::datetime()),
                             mig::column("updated_at", mig::datetime()),
                             mig::column("username", mig::text().unique().max_length(150)),
                             mig::column("email", mig::text().max_length(254)),
                             mig::column("is_staff", mig::boolean()),
                             mig::column("is_active", mig::boolean()),
                             mig::column("last_login", mig::datetime().null())},
                            {{"created_at", "id"}}),
          mig::create_table("authtoken_token",
                            {mig::column("id", mig::uuid().primary_key()),
                             mig::column("created_at", mig::datetime()),
                             mig::column("updated_at", mig::datetime()),
                             mig::column("digest", mig::text().unique().max_length(64)),
                             mig::column("user_id", mig::uuid().references("auth_user"))},
                            {{"created_at", "id"}, {"user_id"}})},
         {}},
    };
}

}  // namespace drf::auth
