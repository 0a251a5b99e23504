// expect: member_is_not_a_field_of_the_model<&ProjectInput::nme, Project>
// model_serializer<Project, &ProjectInput::nme>: the model has no field with the member's name, and the
// message names the member.
#include <drf/serializers.hpp>

#include <string>

struct Project : drf::models::Model<Project> {
    std::string name;
    static constexpr auto meta = drf::models::meta<Project>("projects", drf::models::field<&Project::name>());
};

struct ProjectInput {
    std::string nme;
    static constexpr auto fields = drf::serializers::model_serializer<Project, &ProjectInput::nme>();
};

int main() { return static_cast<int>(decltype(ProjectInput::fields)::size); }
