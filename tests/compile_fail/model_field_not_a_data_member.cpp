// expect: M must be a pointer to a data member
// A model field is a data member; a member function has no column.
#include <drf/models.hpp>

#include <string>

struct Project : drf::models::Model<Project> {
    std::string name;
    std::string title() const { return name; }
    static constexpr auto meta = drf::models::meta<Project>("projects", drf::models::field<&Project::title>());
};

int main() { return static_cast<int>(Project::meta.field_count); }
