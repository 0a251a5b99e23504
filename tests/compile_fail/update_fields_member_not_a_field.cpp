// expect: update_fields: a member is not one of its model's meta fields
// A member the meta does not list has no column, so a save cannot write it.
#include <drf/db.hpp>

#include <string>

struct Project : drf::models::Model<Project> {
    std::string name;
    std::string cached_label;  // not persisted
    static constexpr auto meta = drf::models::meta<Project>("projects", drf::models::field<&Project::name>());
};

int main() { return drf::db::update_fields<&Project::cached_label>.empty() ? 1 : 0; }
