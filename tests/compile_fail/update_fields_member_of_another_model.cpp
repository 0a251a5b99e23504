// expect: update_fields names members of another model than T
// A save of a Project cannot write a User's field: the members' model is checked against the manager's.
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

void rename(drf::db::Database& database, Project& project) {
    drf::db::objects<Project>(database).save(project, drf::db::update_fields<&User::username>);
}

int main() {}
