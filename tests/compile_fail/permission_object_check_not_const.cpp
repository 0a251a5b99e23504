// expect: has_object_permission must be a const member function taking
// A non-const has_object_permission cannot be called on the view's constexpr permission, whatever the
// object: the declaration itself is refused, wherever the permission is first used.
#include <drf/auth/user.hpp>
#include <drf/permissions.hpp>

struct Project {
    drf::Uuid owner_id;
};

struct IsOwner {
    bool has_object_permission(const drf::http::Request& request, const Project& project) {
        return project.owner_id == request.user().id;
    }
};

struct View {};

int main() {
    const drf::http::Request request(drf::http::Method::get, "/projects/");
    drf::permissions::check_object_permissions(IsOwner{}, request, View{}, Project{});
}
