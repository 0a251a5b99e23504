// expect: post_save
// Model signals exist for models only: post_save<int> does not build.
#include <drf/signals.hpp>

int main() { return drf::signals::post_save<int>.has_listeners() ? 1 : 0; }
