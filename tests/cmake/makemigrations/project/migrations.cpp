// migrations.cpp — shop::all_migrations(): the list in migrations.hpp.
#include "all_migrations.hpp"
#include "migrations.hpp"

std::vector<drf::migrations::Migration> shop::all_migrations() { return migrations(); }
