// expect: drf_error_model_field_name_must_be_a_lowercase_identifier
// Field names become column names, so they must be lowercase identifiers.
#include <drf/models.hpp>

#include <string>

struct Project : drf::models::Model<Project> {
    std::string name;
    static constexpr auto meta = drf::models::meta<Project>("projects", drf::models::field("Name; DROP", &Project::name));
};

int main() { return static_cast<int>(Project::meta.field_count); }
