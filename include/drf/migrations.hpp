// drf/migrations.hpp — migrations: named, ordered, checksummed schema and data changes, applied in
// transactions, with squashing (django.db.migrations).
#pragma once

#include <drf/migrations/column.hpp>
#include <drf/migrations/migration.hpp>
#include <drf/migrations/operations.hpp>
#include <drf/migrations/migrator.hpp>
#include <drf/migrations/model_state.hpp>
