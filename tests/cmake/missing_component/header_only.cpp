// <drf/server.hpp> with drf's include directory and no drf target: no component check, it compiles.
#include <drf/server.hpp>

int port() { return drf::server::ServerOptions{}.port; }
