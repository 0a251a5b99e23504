// expect: drf_error_search_fields_member_is_not_a_field_of_the_models_meta
// A member the meta does not list has no column to search.
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


constexpr auto search = f::search_fields(&Item::name, f::starts_with(&Item::scratch));
int main() { return search.param().size() == 6 ? 0 : 1; }