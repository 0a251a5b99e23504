// drf/models/model.hpp — Model<T>, the usual Django BaseModel: a random UUID id, created_at and updated_at.
#pragma once

#include <drf/core/clock.hpp>
#include <drf/core/datetime.hpp>
#include <drf/core/uuid.hpp>

namespace drf::models {

// Tag for constructing a model without drawing a random id or reading the clock: the database layer
// uses it (through make_no_init<T>()) when it is about to overwrite every field from a row.
struct no_init_t {
    explicit no_init_t() = default;
};
inline constexpr no_init_t no_init{};

// CRTP base of every model. A new instance has a fresh v4 id and both timestamps set to drf::now();
// the database layer sets created_at once, when the row is inserted, and updated_at on every save.
// Default ordering is newest first (-created_at, as in Django's BaseModel) with id as the unique tie-breaker.
template <class T>
struct Model {
    Uuid id = uuid4();
    DateTime created_at = drf::now();
    DateTime updated_at = created_at;

    Model() = default;
    explicit Model(no_init_t) : id(), created_at(), updated_at() {}

    // As Django's Model.__eq__: two instances are the same object when their ids are equal.
    friend bool operator==(const Model& a, const Model& b) noexcept { return a.id == b.id; }
};

}  // namespace drf::models
