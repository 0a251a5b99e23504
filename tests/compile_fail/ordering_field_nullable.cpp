// expect: an ordering field must not be nullable
// The ordering keys cursor pagination, and NULLs compare as unknown in SQL: no total order.
#include "models/items.hpp"

constexpr auto ordering = f::ordering_fields(&Item::name, &Item::nickname);
int main() { return ordering.param().size() == 8 ? 0 : 1; }