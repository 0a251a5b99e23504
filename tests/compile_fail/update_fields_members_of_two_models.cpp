// expect: every member must belong to the same model
// One save writes one row: update_fields cannot mix members of two models.
#include <drf/db.hpp>

#include <string>

struct User : drf::models::Model<User> {
    std::string username;
    static constexpr auto meta = drf::models::meta<User>("users", drf::models::field<&User::username>());
};

struct Project : drf::models::Model<Project> {
    std::string name;
    static constexpr auto meta = drf::models::meta<Project>("projects", drf::models::field<&Project::name>());
};

int main() { return drf::db::update_fields<&Project::name, &User::username>.empty() ? 1 : 0; }
