// expect: a search field must be text
// Searching is a text lookup (icontains, istartswith, ...): a number or a date has no place in it.
#include "models/items.hpp"

constexpr auto search = f::search_fields(&Item::name, &Item::rank);
int main() { return search.param().size() == 6 ? 0 : 1; }