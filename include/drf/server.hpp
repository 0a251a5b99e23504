// drf/server.hpp — the HTTP server adapter on Boost.Beast (Django's runserver, gunicorn's role):
// Server, serve() and ServerOptions. Link Threads; Boost is header-only here.
#pragma once

#include <drf/server/options.hpp>
#include <drf/server/server.hpp>
