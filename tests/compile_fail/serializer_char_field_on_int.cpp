// expect: char_field: the member must be std::string
// A char_field bound to an int member is refused with a message naming the rule.
#include <drf/serializers.hpp>

struct Input {
    int name = 0;
    static constexpr auto fields = drf::serializers::fields(drf::serializers::char_field<&Input::name>());
};

int main() { return static_cast<int>(decltype(Input::fields)::size); }
