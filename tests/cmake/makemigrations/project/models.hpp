// models.hpp — the shop's one model; with SHOP_V2 it has gained `priority`.
#pragma once

#include <drf/models.hpp>

#include <cstdint>
#include <optional>
#include <string>

namespace shop {

struct Note : drf::models::Model<Note> {
    std::string title;
#if SHOP_V2
    std::optional<std::int64_t> priority;
#endif
    static constexpr auto meta = drf::models::meta<Note>("shop_note", drf::models::field<&Note::title>().max_length(80)
#if SHOP_V2
                                                                          ,
                                                         drf::models::field<&Note::priority>()
#endif
    );
};

}  // namespace shop
