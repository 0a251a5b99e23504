// expect: the model has no field with this name
// model_fields<Project, "nme">() names a field the model does not have.
#include <drf/serializers.hpp>

#include <string>

struct Project : drf::models::Model<Project> {
    std::string name;
    static constexpr auto meta = drf::models::meta<Project>("projects", drf::models::field<&Project::name>());
};

struct ProjectOutput {
    static constexpr auto fields = drf::serializers::model_fields<Project, "id", "nme">();
};

int main() { return static_cast<int>(decltype(ProjectOutput::fields)::size); }
