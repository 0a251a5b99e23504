// Includes <drf/server.hpp> and links drf::drf only: must not compile, with drf's message.
#include <drf/server.hpp>

int main() { return drf::server::ServerOptions{}.port == 0 ? 1 : 0; }
