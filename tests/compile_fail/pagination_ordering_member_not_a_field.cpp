// expect: an ordering term is not one of the model's fields
// A pagination ordering on a member the model does not store is caught when the page is built.
#include <drf/db.hpp>
#include <drf/db/sqlite.hpp>
#include <drf/pagination.hpp>

#include <string>

struct Item : drf::models::Model<Item> {
    std::string name;
    std::string cached_label;  // not persisted
    static constexpr auto meta = drf::models::meta<Item>("items", drf::models::field<&Item::name>());
};
using ByLabel = drf::pagination::CursorPagination<drf::pagination::Options{}, drf::models::asc(&Item::cached_label)>;

int main() {
    auto database = drf::db::sqlite::open(":memory:");
    drf::http::Request request;
    return ByLabel::fetch(request, drf::db::objects<Item>(database).all()).rows.empty() ? 0 : 1;
}
