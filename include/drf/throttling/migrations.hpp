// drf/throttling/migrations.hpp — the migration that creates DatabaseStore's table
// (throttling_history); an application that throttles through the database puts it in the list it
// gives the Migrator, next to auth's and its own.
#pragma once

#include <drf/migrations/migration.hpp>
#include <drf/migrations/operations.hpp>

#include <vector>

namespace drf::throttling {

// "throttling_0001_initial": one row per throttle key. `history` holds the accepted requests' times
// still inside the window (microseconds since the Unix epoch, oldest first, comma-separated);
// `expires_at` is when the newest of them leaves the window, after which the row can go — the index
// on it makes the sweep of stale keys a range scan. Frozen values only, as every migration.
inline std::vector<drf::migrations::Migration> migrations() {
    namespace mig = drf::migrations;
    return {
        {"throttling_0001_initial",
         {},
         {mig::create_table("throttling_history",
                            {mig::column("key", mig::text().primary_key().max_length(255)),
                             mig::column("history", mig::text()),
                             mig::column("expires_at", mig::datetime())},
                            {{"expires_at"}})},
         {}},
    };
}

}  // namespace drf::throttling
