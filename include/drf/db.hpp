// drf/db.hpp — the database layer: typed managers and querysets over a backend-neutral connection,
// transactions, and DDL derived from models (django.db, Model.objects, QuerySet); connect(url) picks
// the backend by the URL's scheme. The backends: <drf/db/sqlite.hpp> (component drf::sqlite) and
// <drf/db/postgresql.hpp> (component drf::postgresql).
#pragma once

#include <drf/db/backend.hpp>
#include <drf/db/changes.hpp>
#include <drf/db/connect.hpp>
#include <drf/db/database.hpp>
#include <drf/db/databases.hpp>
#include <drf/db/manager.hpp>
#include <drf/db/query.hpp>
#include <drf/db/queryset.hpp>
#include <drf/db/rows.hpp>
#include <drf/db/schema.hpp>
#include <drf/db/update_fields.hpp>
#include <drf/db/value.hpp>
