// expect: has_permission_cannot_take<ProjectsOnly, TaskViewSet>
// A has_permission written for one view, used on another: a compile error, never a silent "allowed".
#include <drf/permissions.hpp>

struct ProjectViewSet {};
struct TaskViewSet {};

struct ProjectsOnly {
    bool has_permission(const drf::http::Request&, const ProjectViewSet&) const { return true; }
};

int main() {
    const drf::http::Request request(drf::http::Method::get, "/tasks/");
    drf::permissions::check_permissions(ProjectsOnly{}, request, TaskViewSet{});
}
