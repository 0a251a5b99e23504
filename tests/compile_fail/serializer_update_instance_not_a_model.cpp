// expect: the instance is neither the serializer's struct nor a model
// update() matches members by name through a model's meta; a plain struct has none to match against.
#include <drf/serializers.hpp>

#include <string>

struct Plain {
    std::string name;
};

struct Input {
    std::string name;
    static constexpr auto fields = drf::serializers::fields(drf::serializers::char_field<&Input::name>());
};

int main() {
    Plain p;
    drf::serializers::update(p, drf::serializers::validate<Input>(drf::Json::parse(R"({"name": "a"})")));
    return static_cast<int>(p.name.size());
}
