// all_migrations.hpp — the shop's migrations, as the rest of the program asks for them. Defined in
// migrations.cpp, the one file that includes migrations.hpp (the list makemigrations adds each new
// migration to): a new migration recompiles that small file, not the manage program.
#pragma once

#include <drf/migrations/migration.hpp>

#include <vector>

namespace shop {
std::vector<drf::migrations::Migration> all_migrations();
}  // namespace shop
