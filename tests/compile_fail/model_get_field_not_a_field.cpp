// expect: get_field: the member is not one of its model's meta fields
// get_field looks a field up by its member; a member the meta does not list is found at compile time.
#include <drf/models.hpp>

#include <string>

struct Project : drf::models::Model<Project> {
    std::string name;
    std::string cached_label;  // not persisted
    static constexpr auto meta = drf::models::meta<Project>("projects", drf::models::field<&Project::name>());
};

int main() { return static_cast<int>(drf::models::get_field<&Project::cached_label>().max_length_); }
