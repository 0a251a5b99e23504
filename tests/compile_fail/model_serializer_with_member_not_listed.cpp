// expect: no field was made for this member
// .with<&Project::description> adjusts a field the model_serializer was not asked to make.
#include <drf/serializers.hpp>

#include <string>

struct Project : drf::models::Model<Project> {
    std::string name;
    std::string description;
    static constexpr auto meta = drf::models::meta<Project>("projects", drf::models::field<&Project::name>(),
                                                            drf::models::field<&Project::description>());
};

struct ProjectInput {
    static constexpr auto fields = drf::serializers::model_serializer<Project, &Project::name>().with<
        &Project::description>([](auto f) { return f.optional(); });
};

int main() { return static_cast<int>(decltype(ProjectInput::fields)::size); }
