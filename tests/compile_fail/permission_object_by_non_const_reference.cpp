// expect: has_object_permission_cannot_take<IsOwner, Project, ProjectViewSet>
// has_object_permission is given a const object; one taking a non-const Project& cannot judge it, and
// is refused at compile time, naming the permission and the object, rather than allowing every user.
#include <drf/auth/user.hpp>
#include <drf/permissions.hpp>

struct Project {
    drf::Uuid owner_id;
};

struct IsOwner {
    bool has_object_permission(const drf::http::Request& request, Project& project) const {
        return project.owner_id == request.user().id;
    }
};

struct ProjectViewSet {};

int main() {
    const drf::http::Request request(drf::http::Method::get, "/projects/");
    drf::permissions::check_object_permissions(IsOwner{}, request, ProjectViewSet{}, Project{});
}
