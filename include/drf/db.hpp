// drf/db.hpp — the database layer: typed managers and querysets over a backend-neutral connection,
// transactions, and DDL derived from models (django.db, Model.objects, QuerySet). The SQLite backend is
// in <drf/db/sqlite.hpp> (component drf::sqlite).
#pragma once

#include <drf/db/backend.hpp>
#include <drf/db/database.hpp>
#include <drf/db/databases.hpp>
#include <drf/db/query.hpp>
#include <drf/db/queryset.hpp>
#include <drf/db/schema.hpp>
#include <drf/db/value.hpp>
