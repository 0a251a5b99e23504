// drf/migrations.hpp — migrations: named, ordered, checksummed schema and data changes frozen as values,
// applied in transactions, with squashing, and the history replay makemigrations diffs with the models
// (django.db.migrations).
#pragma once

#include <drf/migrations/autodetector.hpp>
#include <drf/migrations/changes.hpp>
#include <drf/migrations/column.hpp>
#include <drf/migrations/migration.hpp>
#include <drf/migrations/operations.hpp>
#include <drf/migrations/migrator.hpp>
#include <drf/migrations/model_state.hpp>
#include <drf/migrations/state.hpp>
#include <drf/migrations/writer.hpp>
