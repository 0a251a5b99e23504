// drf/openapi.hpp — the OpenAPI 3.1 document of an API (drf-spectacular's): serializer schemas,
// extend_schema, the generator, the response validator and the schema and documentation views.
#pragma once

#include <drf/openapi/components.hpp>
#include <drf/openapi/concepts.hpp>
#include <drf/openapi/describe.hpp>
#include <drf/openapi/extend.hpp>
#include <drf/openapi/generator.hpp>
#include <drf/openapi/serializer.hpp>
#include <drf/openapi/validator.hpp>
#include <drf/openapi/views.hpp>
