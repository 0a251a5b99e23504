// drf/pagination.hpp — the paginators of rest_framework.pagination: cursor pagination with signed
// cursors, page numbers (?page=N) and limit/offset (?limit=L&offset=O).
#pragma once

#include <drf/pagination/cursor.hpp>
#include <drf/pagination/limit_offset.hpp>
#include <drf/pagination/page_number.hpp>
