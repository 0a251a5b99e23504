// expect: has_object_permission_cannot_take<IsAssignee, Project, ProjectViewSet>
// `|` and `~` propagate the rule as `&` does: the operand that cannot take the object is named however
// deep it sits.
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

using namespace drf::permissions::operators;  // `~` on a type of this file

struct ProjectViewSet {
    static constexpr auto permission_classes = drf::permissions::IsAdminUser{} | ~IsAssignee{};
};

int main() {
    const drf::http::Request request(drf::http::Method::get, "/projects/");
    drf::permissions::check_object_permissions(ProjectViewSet::permission_classes, request, ProjectViewSet{},
                                               Project{});
}
