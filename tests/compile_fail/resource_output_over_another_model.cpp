// expect: the output serializer's fields must be fields of the model
// A resource over Project whose output serializer renders another model's fields does not compile.
#include <drf/pagination.hpp>
#include <drf/resources.hpp>
#include <drf/serializers.hpp>

#include <string>

struct Project : drf::models::Model<Project> {
    std::string name;
    static constexpr auto meta = drf::models::meta<Project>("projects", drf::models::field<&Project::name>());
};
struct Team : drf::models::Model<Team> {
    std::string title;
    static constexpr auto meta = drf::models::meta<Team>("teams", drf::models::field<&Team::title>());
};
struct ProjectInput {
    std::string name;
    static constexpr auto fields = drf::serializers::fields(drf::serializers::char_field("name", &ProjectInput::name));
};
struct TeamOutput {
    static constexpr auto fields = drf::serializers::model_serializer<Team, &Team::title>();
};
using Wrong = drf::resources::Resource<Project, ProjectInput, TeamOutput,
                                       drf::pagination::CursorPagination<drf::pagination::Options{}>>;

int main() { return sizeof(Wrong::model) > 0 ? 0 : 1; }
