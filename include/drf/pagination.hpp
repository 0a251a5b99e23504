// drf/pagination.hpp — cursor pagination with signed cursors (rest_framework.pagination).
#pragma once

#include <drf/pagination/cursor.hpp>
