// migrations/0001_initial.hpp — the shop app's migration 0001_initial.
// Frozen: values only, never a model.
#pragma once

#include <drf/migrations/migration.hpp>
#include <drf/migrations/operations.hpp>

namespace shop_migrations {

inline drf::migrations::Migration migration_0001_initial() {
    namespace mig = drf::migrations;
    return {"shop_0001_initial",
            {},
            {
                mig::create_table("shop_note",
                                  {
                                      mig::column("id", mig::uuid().primary_key()),
                                      mig::column("created_at", mig::datetime()),
                                      mig::column("updated_at", mig::datetime()),
                                      mig::column("title", mig::text().max_length(80)),
                                  },
                                  {{"created_at", "id"}}),
            },
            {}};
}

}  // namespace shop_migrations
