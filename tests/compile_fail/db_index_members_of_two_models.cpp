// expect: create_index_sql: every member must belong to the same model
// An index covers one table: its members must all belong to one model.
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

int main() { return drf::db::create_index_sql<&Project::name, &User::username>().empty() ? 1 : 0; }
