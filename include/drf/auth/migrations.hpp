// drf/auth/migrations.hpp — the migrations that create auth's tables (auth_user, authtoken_token), and
// the one TokenAuthentication's cache needs (the credentials' change counter); an application puts them
// in the list it gives the Migrator, next to its own.
#pragma once

#include <drf/auth/token_cache.hpp>  // credentials_counter
#include <drf/db/backend.hpp>
#include <drf/migrations/changes.hpp>
#include <drf/migrations/migration.hpp>
#include <drf/migrations/operations.hpp>

#include <string>
#include <string_view>
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

namespace detail {
// Triggers bumping the auth_credentials counter whenever a cached user could have become wrong: a token
// updated or deleted (revoked, rotated, its user deleted), a user's identity or flags updated, a user
// deleted. Not on INSERT (a new token or user is in no cache) nor on last_login (written once a
// minute per active user: counting it would empty every cache as often). A migration that adds a
// column to auth_user that requests read must re-create the user trigger with that column listed.
inline std::vector<std::string> credentials_counter_sql(const db::Dialect& d) {
    const std::string name = "'" + std::string(credentials_counter) + "'";
    const std::string bump = "UPDATE \"drf_table_versions\" SET \"version\" = \"version\" + 1 WHERE \"table_name\" = " + name;
    const std::string user_columns = "\"id\", \"username\", \"email\", \"is_staff\", \"is_active\"";
    if (d.name() == "sqlite") {
        std::vector<std::string> out{drf::migrations::detail::versions_table_sql(d),
                                     "INSERT OR IGNORE INTO \"drf_table_versions\" (\"table_name\", \"version\") VALUES (" + name + ", 0)"};
        const auto trigger = [&](const std::string& trigger_name, const std::string& event) {
            out.push_back("CREATE TRIGGER \"" + trigger_name + "\" AFTER " + event + " BEGIN " + bump + "; END");
        };
        trigger("drf_auth_credentials_token_update", "UPDATE ON \"authtoken_token\"");
        trigger("drf_auth_credentials_token_delete", "DELETE ON \"authtoken_token\"");
        trigger("drf_auth_credentials_user_update", "UPDATE OF " + user_columns + " ON \"auth_user\"");
        trigger("drf_auth_credentials_user_delete", "DELETE ON \"auth_user\"");
        return out;
    }
    if (d.name() == "postgresql") {
        // Statement triggers, as track_changes installs: the counter row stays locked until the writing
        // transaction ends, so every instance reads a count that includes every committed revocation.
        return {drf::migrations::detail::versions_table_sql(d),
                "INSERT INTO \"drf_table_versions\" (\"table_name\", \"version\") VALUES (" + name +
                    ", 0) ON CONFLICT (\"table_name\") DO NOTHING",
                "CREATE OR REPLACE FUNCTION \"drf_bump_auth_credentials\"() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN " +
                    bump + "; RETURN NULL; END $$",
                "CREATE TRIGGER \"drf_auth_credentials_token\" AFTER UPDATE OR DELETE OR TRUNCATE ON \"authtoken_token\" "
                "FOR EACH STATEMENT EXECUTE FUNCTION \"drf_bump_auth_credentials\"()",
                "CREATE TRIGGER \"drf_auth_credentials_user\" AFTER UPDATE OF " + user_columns +
                    " OR DELETE OR TRUNCATE ON \"auth_user\" FOR EACH STATEMENT EXECUTE FUNCTION \"drf_bump_auth_credentials\"()"};
    }
    throw drf::migrations::MigrationError("no SQL for the " + std::string(d.name()) +
                                          " dialect to count changes of auth's credentials");
}
}  // namespace detail

// "auth_0002_credentials_counter", for TokenAuthentication's cache (TokenAuthenticationOptions::cache_size):
// the change counter that tells every process at once that a token was revoked or a user changed. Put
// it after migrations() in the Migrator's list. A separate list so that applications without the cache
// keep their migration history as it was.
inline std::vector<drf::migrations::Migration> token_cache_migrations() {
    return {{"auth_0002_credentials_counter",
             {"auth_0001_initial"},
             {{"Count changes of auth's credentials", [](const db::Dialect& d) { return detail::credentials_counter_sql(d); },
               {}, drf::migrations::RunSql{}}},
             {}}};
}

}  // namespace drf::auth
