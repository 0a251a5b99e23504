// drf/core/json.hpp — drf::Json: nlohmann's ordered_json, because DRF renders keys in the order a
// serializer declares its fields and reports errors in that order too.
#pragma once

#include <nlohmann/json.hpp>

namespace drf {
using Json = nlohmann::ordered_json;
}  // namespace drf
