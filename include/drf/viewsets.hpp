// drf/viewsets.hpp — viewsets with explicit actions and extra actions (rest_framework.viewsets, .decorators),
// and get_object_or_404.
#pragma once

#include <drf/viewsets/actions.hpp>
#include <drf/viewsets/shortcuts.hpp>
#include <drf/viewsets/viewset.hpp>
