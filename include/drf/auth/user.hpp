// drf/auth/user.hpp — the library's User model (django.contrib.auth's User, without passwords: drf
// authenticates API clients with tokens) and the anonymous user a request has before authentication.
#pragma once

#include <drf/http/user.hpp>
#include <drf/models/meta.hpp>

#include <optional>
#include <string>

namespace drf::auth {

struct User : models::Model<User> {
    std::string username;
    std::string email;
    bool is_staff = false;
    bool is_active = true;
    std::optional<DateTime> last_login;

    static constexpr auto meta = models::meta<User>(
        "auth_user", models::field<&User::username>().unique().max_length(150),
        models::field<&User::email>().max_length(254), models::field<&User::is_staff>(),
        models::field<&User::is_active>(), models::field<&User::last_login>());

    // Django's user.is_authenticated: true for every real user, false for the anonymous one.
    bool is_authenticated() const noexcept { return !id.is_nil(); }
    bool is_anonymous() const noexcept { return id.is_nil(); }
};

// Django's AnonymousUser: no id, not staff, not active.
inline const User& anonymous_user() {
    static const User anonymous = [] {
        User u = models::make_no_init<User>();
        u.is_active = false;
        return u;
    }();
    return anonymous;
}

}  // namespace drf::auth

// drf::auth::User is the project's user model (Django's default AUTH_USER_MODEL): request.user() is one.
template <>
struct drf::http::user_model<> {
    using type = drf::auth::User;
    static const drf::auth::User& anonymous() { return drf::auth::anonymous_user(); }
};
