// expect: every field must be a member of the same model
// One search runs over one table.
#include "models/items.hpp"

constexpr auto search = f::search_fields(&Item::name, &Other::label);
int main() { return search.param().size() == 6 ? 0 : 1; }