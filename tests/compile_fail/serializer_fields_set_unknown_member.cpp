// expect: the serializer has no field for this member
// fields_set().contains<&Input::note>() asks about a member no field of the serializer is bound to.
#include <drf/serializers.hpp>

#include <string>

struct Input {
    std::string name;
    std::string note;
    static constexpr auto fields = drf::serializers::fields(drf::serializers::char_field<&Input::name>());
};

int main() {
    const auto result = drf::serializers::validate<Input>(drf::Json::parse(R"({"name": "a"})"));
    return result.fields_set().contains<&Input::note>() ? 1 : 0;
}
