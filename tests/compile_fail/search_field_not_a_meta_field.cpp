// expect: drf_error_search_fields_member_is_not_a_field_of_the_models_meta
// A member the meta does not list has no column to search.
#include "models/items.hpp"

constexpr auto search = f::search_fields(&Item::name, f::starts_with(&Item::scratch));
int main() { return search.param().size() == 6 ? 0 : 1; }