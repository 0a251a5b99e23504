// expect: decimal_field: the member must be drf::Decimal
// A decimal_field bound to a double member is refused: a binary float is not the decimal it stands for.
#include <drf/serializers.hpp>
#include <drf/serializers/kinds/decimal.hpp>

struct Input {
    double price = 0;
    static constexpr auto fields = drf::serializers::fields(drf::serializers::decimal_field<&Input::price>());
};

int main() { return static_cast<int>(decltype(Input::fields)::size); }
