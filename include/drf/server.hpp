// drf/server.hpp — the HTTP server adapter on Boost.Beast (Django's runserver, gunicorn's role):
// Server, serve() and ServerOptions. Link Threads; Boost is header-only here.
#pragma once

// Through CMake, drf::drf defines DRF_COMPONENT_CHECKS and drf::server DRF_HAS_SERVER: a missing
// component is this message, not a wall of undefined references at link time.
#if defined(DRF_COMPONENT_CHECKS) && !defined(DRF_HAS_SERVER)
#error "drf: <drf/server.hpp> needs the drf::server component: target_link_libraries(... drf::server) (or drf::all)"
#endif

#include <drf/server/options.hpp>
#include <drf/server/server.hpp>
