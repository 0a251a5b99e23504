// expect: neither has_permission nor has_object_permission
// A misspelled has_permission would be a permission that silently allows everything in DRF; here the
// type is not a permission at all, and composing it does not build.
#include <drf/permissions.hpp>

struct IsProjectMember {
    bool has_permissions(const drf::http::Request&) const { return false; }  // typo: has_permissions
};

int main() {
    constexpr auto rule = drf::permissions::IsAuthenticated{} | IsProjectMember{};
    (void)rule;
}
