// The one source file that compiles drf's server (Boost.Beast and Asio with it) for this program.
#include <drf/server/src.hpp>
