// tests/db/models.hpp — the models the database and migration tests share.
#pragma once

#include <drf/models.hpp>

#include <cstdint>
#include <optional>
#include <string>

namespace db_test {

struct User : drf::models::Model<User> {
    std::string username;
    bool is_active = true;
    bool is_staff = false;
    std::optional<drf::DateTime> last_login;
    static constexpr auto meta = drf::models::meta<User>(
        "users", drf::models::field<&User::username>().unique().max_length(150),
        drf::models::field<&User::is_active>(), drf::models::field<&User::is_staff>(),
        drf::models::field<&User::last_login>());
};

struct Project : drf::models::Model<Project> {
    std::string name;
    std::string description;
    drf::Uuid owner_id;
    bool archived = false;
    std::int64_t stars = 0;
    double score = 0;
    std::optional<std::string> note;
    static constexpr auto meta = drf::models::meta<Project>(
        "projects", drf::models::field<&Project::name>().max_length(200),
        drf::models::field<&Project::description>(),
        drf::models::field<&Project::owner_id>().references<User>(),
        drf::models::field<&Project::archived>(), drf::models::field<&Project::stars>(),
        drf::models::field<&Project::score>(), drf::models::field<&Project::note>());
};

}  // namespace db_test
