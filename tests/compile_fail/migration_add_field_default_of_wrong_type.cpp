// expect: drf::migrations::add_field: the default's type does not match the field's type
// add_field<Project, "archived">(default_value(0)) gives an integer default to a bool field.
#include <drf/migrations.hpp>

struct Project : drf::models::Model<Project> {
    bool archived = false;
    static constexpr auto meta = drf::models::meta<Project>("projects", drf::models::field<&Project::archived>());
};

int main() {
    return static_cast<int>(drf::migrations::add_field<Project, "archived">(drf::migrations::default_value(0)).description.size());
}
