// expect: the value's type does not match the field's type
// 1.5 for an integer field would be truncated to 1 without a word.
#include <drf/db.hpp>

#include <cstdint>

struct Item : drf::models::Model<Item> {
    std::int64_t stars = 0;
    static constexpr auto meta = drf::models::meta<Item>("items", drf::models::field<&Item::stars>());
};

int main() { return drf::db::gt(&Item::stars, 1.5).params.size() == 1 ? 0 : 1; }
