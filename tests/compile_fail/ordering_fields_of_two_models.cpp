// expect: every field must be a member of the same model
// One ordering sorts one table: its fields all belong to one model.
#include "models/items.hpp"

constexpr auto ordering = f::ordering_fields(&Item::name, &Other::label);
int main() { return ordering.param().size() == 8 ? 0 : 1; }