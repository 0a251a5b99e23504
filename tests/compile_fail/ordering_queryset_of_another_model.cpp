// expect: the queryset is of another model than the ordering fields
// An ordering filter declared for Item cannot order a queryset of Other.
#include "models/items.hpp"

constexpr auto ordering = f::ordering_fields(&Item::name);
int main() {
    auto database = drf::db::sqlite::open(":memory:");
    drf::http::Request request;
    return ordering.filter_queryset(request, drf::db::objects<Other>(database).all()).count() == 0 ? 0 : 1;
}