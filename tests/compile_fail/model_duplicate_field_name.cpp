// expect: drf_error_model_has_two_fields_with_the_same_name
// Two model fields mapped to one column name.
#include <drf/models.hpp>

#include <string>

struct Project : drf::models::Model<Project> {
    std::string name;
    std::string title;
    static constexpr auto meta = drf::models::meta<Project>("projects", drf::models::field<&Project::name>(),
                                                            drf::models::field<&Project::title>("name"));
};

int main() { return static_cast<int>(Project::meta.field_count); }
