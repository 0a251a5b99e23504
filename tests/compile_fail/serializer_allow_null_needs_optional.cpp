// expect: allow_null: the member must be a std::optional
// null has nowhere to go in a plain std::string member.
#include <drf/serializers.hpp>

#include <string>

struct Input {
    std::string name;
    static constexpr auto fields =
        drf::serializers::fields(drf::serializers::char_field<&Input::name>().allow_null());
};

int main() { return static_cast<int>(decltype(Input::fields)::size); }
