// drf/drf.hpp — every block of the library. Prefer the block umbrellas (<drf/serializers.hpp>, …) to pay
// compile time only for what you use; this one needs the components crypto, sqlite, auth, commands and
// server: link drf::all.
#pragma once

#include <drf/auth.hpp>
#include <drf/commands.hpp>
#include <drf/core.hpp>
#include <drf/core/crypto.hpp>
#include <drf/cors.hpp>
#include <drf/db.hpp>
#include <drf/db/sqlite.hpp>
#include <drf/filters.hpp>
#include <drf/http.hpp>
#include <drf/migrations.hpp>
#include <drf/models.hpp>
#include <drf/openapi.hpp>
#include <drf/pagination.hpp>
#include <drf/permissions.hpp>
#include <drf/resources.hpp>
#include <drf/routers.hpp>
#include <drf/serializers.hpp>
#include <drf/serializers/formats.hpp>
#include <drf/server.hpp>
#include <drf/signals.hpp>
#include <drf/test/client.hpp>
#include <drf/throttling.hpp>
#include <drf/views.hpp>
#include <drf/viewsets.hpp>
