// drf/core.hpp — ids, UTC datetimes, exact decimals, the injectable clock and the JSON type the whole library shares.
#pragma once

#include <drf/core/clock.hpp>
#include <drf/core/datetime.hpp>
#include <drf/core/decimal.hpp>
#include <drf/core/exceptions.hpp>
#include <drf/core/fixed_string.hpp>
#include <drf/core/json.hpp>
#include <drf/core/json_parse.hpp>
#include <drf/core/member_name.hpp>
#include <drf/core/type_name.hpp>
#include <drf/core/uuid.hpp>
