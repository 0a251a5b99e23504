// expect: drf_error_decimal_field_needs_max_digits_and_decimal_places
// A Decimal model field without max_digits and decimal_places (Django's fields.E130).
#include <drf/models.hpp>

struct Product : drf::models::Model<Product> {
    drf::Decimal price;
    static constexpr auto meta = drf::models::meta<Product>("products", drf::models::field<&Product::price>());
};

int main() { return static_cast<int>(Product::meta.field_count); }
