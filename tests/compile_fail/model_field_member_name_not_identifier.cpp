// expect: the member's name is not a lowercase identifier
// A member's own name becomes its column's name only when it is a lowercase identifier; otherwise
// the column is named explicitly.
#include <drf/models.hpp>

#include <string>

struct Project : drf::models::Model<Project> {
    std::string displayName;
    static constexpr auto meta = drf::models::meta<Project>("projects", drf::models::field<&Project::displayName>());
};

int main() { return static_cast<int>(Project::meta.field_count); }
