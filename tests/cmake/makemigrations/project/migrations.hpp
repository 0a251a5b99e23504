// migrations.hpp — the shop's migrations, oldest first; makemigrations adds each new one here.
#pragma once

#include <drf/migrations/migration.hpp>

#include <vector>

#include "migrations/0001_initial.hpp"

namespace shop {

inline std::vector<drf::migrations::Migration> migrations() {
    std::vector<drf::migrations::Migration> list;
    list.push_back(shop_migrations::migration_0001_initial());
    return list;
}

}  // namespace shop
