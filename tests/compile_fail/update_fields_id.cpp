// expect: update_fields: the id cannot be updated
// As in Django, the primary key is not one of the fields a save may be limited to.
#include <drf/db.hpp>

#include <string>

struct Project : drf::models::Model<Project> {
    std::string name;
    static constexpr auto meta = drf::models::meta<Project>("projects", drf::models::field<&Project::name>());
};

int main() { return drf::db::update_fields<&Project::id>.empty() ? 1 : 0; }
