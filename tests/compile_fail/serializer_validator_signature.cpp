// expect: a validator must be callable with the field's value
// A validator for a char field must take the string; one taking an int is a mistake caught at build time.
#include <drf/serializers.hpp>

#include <string>

void positive(int) {}

struct Input {
    std::string name;
    static constexpr auto fields =
        drf::serializers::fields(drf::serializers::char_field<&Input::name>().validators(positive));
};

int main() { return static_cast<int>(decltype(Input::fields)::size); }
