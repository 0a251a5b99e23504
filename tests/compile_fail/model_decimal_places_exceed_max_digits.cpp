// expect: drf_error_decimal_field_decimal_places_must_not_exceed_max_digits
// A Decimal model field with more decimal places than digits (Django's fields.E132).
#include <drf/models.hpp>

struct Product : drf::models::Model<Product> {
    drf::Decimal price;
    static constexpr auto meta = drf::models::meta<Product>(
        "products", drf::models::field<&Product::price>().max_digits(3).decimal_places(5));
};

int main() { return static_cast<int>(Product::meta.field_count); }
