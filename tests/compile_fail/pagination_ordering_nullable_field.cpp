// expect: an ordering field must not be nullable
// NULLs compare as unknown in SQL, so a nullable column cannot key a cursor.
#include <drf/db.hpp>
#include <drf/db/sqlite.hpp>
#include <drf/pagination.hpp>
#include <drf/serializers.hpp>

#include <optional>
#include <string>

struct Item : drf::models::Model<Item> {
    std::optional<std::string> nickname;
    static constexpr auto meta = drf::models::meta<Item>("items", drf::models::field<&Item::nickname>());
};
struct ItemOutput {
    static constexpr auto fields = drf::serializers::model_serializer<Item, &Item::id>();
};
using ByNickname = drf::pagination::CursorPagination<drf::pagination::Options{.ordering = "nickname"}>;

int main() {
    auto database = drf::db::sqlite::open(":memory:");
    drf::http::Request request;
    return ByNickname::paginate<ItemOutput>(request, drf::db::objects<Item>(database).all()).status_code() == 200 ? 0 : 1;
}
