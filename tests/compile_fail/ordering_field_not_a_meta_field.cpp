// expect: drf_error_ordering_fields_member_is_not_a_field_of_the_models_meta
// A member the meta does not list has no column to order by.
#include "models/items.hpp"

constexpr auto ordering = f::ordering_fields(&Item::name, &Item::scratch);
int main() { return ordering.param().size() == 8 ? 0 : 1; }