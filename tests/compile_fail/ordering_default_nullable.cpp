// expect: a default term must not be nullable
// The default ordering keys cursor pagination too, where NULLs have no place in a total order.
#include "models/items.hpp"

constexpr auto ordering = f::ordering_fields(&Item::name).ordering(drf::models::asc(&Item::nickname));
int main() { return ordering.param().size() == 8 ? 0 : 1; }