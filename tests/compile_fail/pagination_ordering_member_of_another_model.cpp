// expect: an ordering term is a member of another model
// A pagination ordered by members of one model cannot page another model's rows.
#include <drf/db.hpp>
#include <drf/db/sqlite.hpp>
#include <drf/pagination.hpp>

#include <string>

struct Item : drf::models::Model<Item> {
    std::string name;
    static constexpr auto meta = drf::models::meta<Item>("items", drf::models::field<&Item::name>());
};
struct Tag : drf::models::Model<Tag> {
    std::string label;
    static constexpr auto meta = drf::models::meta<Tag>("tags", drf::models::field<&Tag::label>());
};
using ByLabel = drf::pagination::CursorPagination<drf::pagination::Options{}, drf::models::asc(&Tag::label)>;

int main() {
    auto database = drf::db::sqlite::open(":memory:");
    drf::http::Request request;
    return ByLabel::fetch(request, drf::db::objects<Item>(database).all()).rows.empty() ? 0 : 1;
}
