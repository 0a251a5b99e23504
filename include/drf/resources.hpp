// drf/resources.hpp — resources: model + serializers + pagination + permissions bound into one type.
#pragma once

#include <drf/resources/conditional.hpp>
#include <drf/resources/page_cache.hpp>
#include <drf/resources/resource.hpp>
