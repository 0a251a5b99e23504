// expect: drf_error_pagination_ordering_names_a_field_the_model_does_not_have
// A pagination ordering on a field the model lacks ("-craeted_at") is caught when the page is built.
#include <drf/db.hpp>
#include <drf/db/sqlite.hpp>
#include <drf/pagination.hpp>
#include <drf/serializers.hpp>

#include <string>

struct Item : drf::models::Model<Item> {
    std::string name;
    static constexpr auto meta = drf::models::meta<Item>("items", drf::models::field<&Item::name>());
};
struct ItemOutput {
    static constexpr auto fields = drf::serializers::model_serializer<Item, &Item::name>();
};
using Typo = drf::pagination::CursorPagination<drf::pagination::Options{.ordering = "-craeted_at"}>;

int main() {
    auto database = drf::db::sqlite::open(":memory:");
    drf::http::Request request;
    return Typo::paginate<ItemOutput>(request, drf::db::objects<Item>(database).all()).status_code() == 200 ? 0 : 1;
}
