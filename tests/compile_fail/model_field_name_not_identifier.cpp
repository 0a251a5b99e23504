// expect: drf_error_model_field_name_must_be_a_lowercase_identifier
// Column names become SQL identifiers, so a column named otherwise than its member must still be a
// lowercase identifier.
#include <drf/models.hpp>

#include <string>

struct Project : drf::models::Model<Project> {
    std::string name;
    static constexpr auto meta = drf::models::meta<Project>("projects", drf::models::field<&Project::name>("Bad Name"));
};

int main() { return static_cast<int>(Project::meta.field_count); }
