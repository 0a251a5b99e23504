// expect: the queryset is of another model than the search fields

#include <drf/db/sqlite.hpp>
#include <drf/filters/ordering.hpp>
#include <drf/filters/search.hpp>

#include <optional>
#include <string>

struct Item : drf::models::Model<Item> {
    std::string name;
    std::int64_t rank = 0;
    std::optional<std::string> nickname;
    std::string scratch;  // not in the meta
    static constexpr auto meta = drf::models::meta<Item>("items", drf::models::field<&Item::name>(),
                                                         drf::models::field<&Item::rank>(),
                                                         drf::models::field<&Item::nickname>());
};
struct Other : drf::models::Model<Other> {
    std::string label;
    static constexpr auto meta = drf::models::meta<Other>("others", drf::models::field<&Other::label>());
};
namespace f = drf::filters;


constexpr auto search = f::search_fields(&Item::name);
int main() {
    auto database = drf::db::sqlite::open(":memory:");
    drf::http::Request request;
    return search.filter_queryset(request, drf::db::objects<Other>(database).all()).count() == 0 ? 0 : 1;
}