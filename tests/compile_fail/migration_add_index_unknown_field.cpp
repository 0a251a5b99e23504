// expect: drf::migrations::add_index: the model has no field with one of these names
// add_index<Project, "owner", "created_at">() names a field the model does not have (it is owner_id).
#include <drf/migrations.hpp>

#include <string>

struct Project : drf::models::Model<Project> {
    std::string name;
    drf::Uuid owner_id;
    static constexpr auto meta = drf::models::meta<Project>("projects", drf::models::field<&Project::name>(),
                                                            drf::models::field<&Project::owner_id>());
};

int main() { return static_cast<int>(drf::migrations::add_index<Project, "owner", "created_at">().description.size()); }
