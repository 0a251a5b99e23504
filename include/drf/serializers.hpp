// drf/serializers.hpp — serializers: validate JSON into typed structs, render structs to JSON, report
// every field error in DRF's shape (rest_framework.serializers, .fields, .validators).
#pragma once

#include <drf/serializers/compound.hpp>
#include <drf/serializers/errors.hpp>
#include <drf/serializers/field.hpp>
#include <drf/serializers/field_set.hpp>
#include <drf/serializers/kinds.hpp>
#include <drf/serializers/kinds/dict.hpp>
#include <drf/serializers/model.hpp>
#include <drf/serializers/serializer.hpp>
#include <drf/serializers/update.hpp>
