// expect: the queryset is of another model than the search fields
// A search declared for Item cannot filter a queryset of Other.
#include "models/items.hpp"

constexpr auto search = f::search_fields(&Item::name);
int main() {
    auto database = drf::db::sqlite::open(":memory:");
    drf::http::Request request;
    return search.filter_queryset(request, drf::db::objects<Other>(database).all()).count() == 0 ? 0 : 1;
}