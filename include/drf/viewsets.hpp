// drf/viewsets.hpp — viewsets with explicit actions and extra actions (rest_framework.viewsets, .decorators).
#pragma once

#include <drf/viewsets/actions.hpp>
#include <drf/viewsets/viewset.hpp>
