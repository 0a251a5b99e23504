// expect: neither has_permission nor has_object_permission
// `&` between a permission and something that is not one (here an int) does not build.
#include <drf/permissions.hpp>

int main() {
    constexpr auto rule = drf::permissions::IsAuthenticated{} & 42;
    (void)rule;
}
