// drf/permissions.hpp — permissions (rest_framework.permissions): the Permission concept, the built-ins,
// composition with `&`, `|` and `~`, the 401/403 checks a view runs, and what an expression says
// about itself for documentation (introspect.hpp).
#pragma once

#include <drf/permissions/builtin.hpp>
#include <drf/permissions/check.hpp>
#include <drf/permissions/compose.hpp>
#include <drf/permissions/concept.hpp>
#include <drf/permissions/evaluate.hpp>
#include <drf/permissions/introspect.hpp>
