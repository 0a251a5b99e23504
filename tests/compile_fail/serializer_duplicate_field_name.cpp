// expect: drf_error_serializer_has_two_fields_with_the_same_name
// Two serializer fields with the same name would silently shadow each other in the output.
#include <drf/serializers.hpp>

#include <string>

struct Input {
    std::string a;
    std::string b;
    static constexpr auto fields = drf::serializers::fields(drf::serializers::char_field<&Input::a>("name"),
                                                            drf::serializers::char_field<&Input::b>("name"));
};

int main() { return static_cast<int>(decltype(Input::fields)::size); }
