// expect: drf::http::Request::user\(\): no user model; include <drf/auth/user.hpp>
// request.user() in a program that names no user model (no drf/auth/user.hpp, no user_model<>
// specialisation of its own): a message saying what to include, not a wall of template errors.
#include <drf/http.hpp>

int main() {
    const drf::http::Request request(drf::http::Method::get, "/");
    return request.user().is_authenticated() ? 1 : 0;
}
