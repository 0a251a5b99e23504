// examples/projects/server.cpp — the HTTP server's definitions (drf::server::Server, Boost.Beast and
// Asio), compiled here once. The project is built with DRF_SEPARATE_COMPILATION (CMakeLists.txt), so
// main.cpp, the file that changes with every view and serializer, sees the server's declarations only
// and compiles without Beast; this file is rebuilt only when drf changes.
#include <drf/server/src.hpp>
