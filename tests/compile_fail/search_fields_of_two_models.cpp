// expect: every field must be a member of the same model
// One search runs over one table.
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


constexpr auto search = f::search_fields(&Item::name, &Other::label);
int main() { return search.param().size() == 6 ? 0 : 1; }