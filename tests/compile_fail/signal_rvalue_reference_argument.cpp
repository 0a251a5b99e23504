// expect: an argument cannot be an rvalue reference
// Every receiver sees the same argument, so none may take it by rvalue reference.
#include <drf/signals.hpp>

#include <string>

int main() {
    drf::signals::Signal<std::string&&> moved{"moved"};
    return moved.has_listeners() ? 1 : 0;
}
