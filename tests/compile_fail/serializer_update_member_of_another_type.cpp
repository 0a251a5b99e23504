// expect: cannot be assigned from the validated member
// update() copies by member name; a model member of another type than the validated one cannot take it.
#include <drf/serializers.hpp>

#include <string>

struct Project : drf::models::Model<Project> {
    std::int64_t stars = 0;
    static constexpr auto meta = drf::models::meta<Project>("projects", drf::models::field<&Project::stars>());
};

struct Input {
    std::string stars;
    static constexpr auto fields = drf::serializers::fields(drf::serializers::char_field<&Input::stars>());
};

int main() {
    Project p;
    drf::serializers::update(p, drf::serializers::validate<Input>(drf::Json::parse(R"({"stars": "3"})")));
    return static_cast<int>(p.stars);
}
