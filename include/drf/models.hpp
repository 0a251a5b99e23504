// drf/models.hpp — the base model (Model<T>) and the compile-time field list every other block reads.
#pragma once

#include <drf/models/field.hpp>
#include <drf/models/meta.hpp>
#include <drf/models/model.hpp>
