// expect: not a finite decimal number
// A max_value written as text must be a number Python's Decimal() reads; in a constexpr field list
// the compiler checks it.
#include <drf/serializers.hpp>
#include <drf/serializers/kinds/decimal.hpp>

struct Input {
    drf::Decimal price;
    static constexpr auto fields =
        drf::serializers::fields(drf::serializers::decimal_field<&Input::price>().max_value("ten"));
};

int main() { return static_cast<int>(decltype(Input::fields)::size); }
