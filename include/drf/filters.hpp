// drf/filters.hpp — filtering a list as django-filter and rest_framework.filters do: FilterSet
// (f::filters), SearchFilter (f::search_fields), OrderingFilter (f::ordering_fields), and f::backends
// to apply them in order from a viewset's filter_backends.
#pragma once

#include <drf/filters/backends.hpp>
#include <drf/filters/filterset.hpp>
#include <drf/filters/ordering.hpp>
#include <drf/filters/search.hpp>
