// expect: every field of a serializer must be bound to the same struct
// A serializer validates into one struct; fields bound to unrelated structs cannot be filled.
#include <drf/serializers.hpp>

#include <string>

struct A {
    std::string x;
};
struct B {
    std::string y;
};
struct Mixed {
    static constexpr auto fields =
        drf::serializers::fields(drf::serializers::char_field<&A::x>(), drf::serializers::char_field<&B::y>());
};

int main() { return drf::serializers::validate<Mixed>(drf::Json::object()) ? 0 : 1; }
