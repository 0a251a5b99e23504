// <drf/server/src.hpp> in a build without DRF_SEPARATE_COMPILATION: must not compile, with drf's message.
#include <drf/server/src.hpp>

int main() { return 0; }
