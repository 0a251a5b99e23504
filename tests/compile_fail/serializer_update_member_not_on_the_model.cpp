// expect: member_is_not_a_field_of_the_model<&Input::extra, Project>
// update() matches members by name: Input::extra has no field of that name on the model to go to.
#include <drf/serializers.hpp>

#include <string>

struct Project : drf::models::Model<Project> {
    std::string name;
    static constexpr auto meta = drf::models::meta<Project>("projects", drf::models::field<&Project::name>());
};

struct Input {
    std::string name;
    std::string extra;
    static constexpr auto fields = drf::serializers::fields(drf::serializers::char_field<&Input::name>(),
                                                            drf::serializers::char_field<&Input::extra>());
};

int main() {
    Project p;
    drf::serializers::update(p, drf::serializers::validate<Input>(drf::Json::parse(R"({"name": "a"})")));
    return static_cast<int>(p.name.size());
}
