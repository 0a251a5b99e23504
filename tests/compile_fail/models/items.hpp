// tests/compile_fail/models/items.hpp — the models the ordering and search compile-fail tests use: Item
// (text, integer and nullable fields, and a member the meta does not list) and an Other model.
#pragma once

#include <drf/db.hpp>
#include <drf/db/sqlite.hpp>
#include <drf/filters/ordering.hpp>
#include <drf/filters/search.hpp>

#include <cstdint>
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
