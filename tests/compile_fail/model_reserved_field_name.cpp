// expect: drf_error_model_field_names_id_created_at_updated_at_are_reserved_by_the_base_model
// id, created_at and updated_at come from the base model; declaring them again is a mistake.
#include <drf/models.hpp>

#include <string>

struct Project : drf::models::Model<Project> {
    std::string other;
    static constexpr auto meta = drf::models::meta<Project>("projects", drf::models::field<&Project::other>("id"));
};

int main() { return static_cast<int>(Project::meta.field_count); }
