// expect: has_permission must be a const member function taking
// has_permission receives a const http::Request&; a declaration taking a non-const reference can
// never be called, and is refused rather than treated as "allowed".
#include <drf/permissions.hpp>

struct IsProjectMember {
    bool has_permission(drf::http::Request&) const { return false; }
};

int main() {
    constexpr auto rule = drf::permissions::IsAuthenticated{} & IsProjectMember{};
    (void)rule;
}
