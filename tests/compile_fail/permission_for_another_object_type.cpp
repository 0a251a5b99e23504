// expect: has_object_permission_cannot_take<IsAssignee, Project, ProjectViewSet>
// A permission written for Task, applied to a view of Projects: a compile error naming both types,
// never a silent "allowed".
#include <drf/auth/user.hpp>
#include <drf/permissions.hpp>

struct Project {
    drf::Uuid owner_id;
};
struct Task {
    drf::Uuid assignee_id;
};

struct IsAssignee {
    bool has_object_permission(const drf::http::Request& request, const Task& task) const {
        return task.assignee_id == request.user().id;
    }
};

struct ProjectViewSet {};

int main() {
    const drf::http::Request request(drf::http::Method::get, "/projects/");
    drf::permissions::check_object_permissions(IsAssignee{}, request, ProjectViewSet{}, Project{});
}
