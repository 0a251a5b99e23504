// drf/cors.hpp — CORS (django-cors-headers): the settings a router takes as Context::cors, and the
// middleware it runs them with.
#pragma once

#include <drf/cors/middleware.hpp>
#include <drf/cors/settings.hpp>
