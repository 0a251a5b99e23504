// drf/http/user.hpp — user_model, the request's name for the user model (Django's AUTH_USER_MODEL and
// get_user_model()). The wire layer carries request.user without knowing its type: the authentication
// block, above this one, names its model by specialising user_model<> (drf/auth/user.hpp does it for
// drf::auth::User), so http never includes auth, and a project can plug in a model of its own.
#pragma once

namespace drf::http {

// Specialise user_model<> (the `void` argument) once per program, as Django reads AUTH_USER_MODEL once:
//     template <> struct drf::http::user_model<> {
//         using type = MyUser;                      // what request.user() returns
//         static const MyUser& anonymous();         // request.user() before authentication
//     };
// The parameter exists only so Request's members that use the model are instantiated where they are
// called, after the specialisation is visible, never where request.hpp is read.
template <class = void>
struct user_model;

template <class Tag = void>
concept has_user_model = requires {
    typename user_model<Tag>::type;
    { user_model<Tag>::anonymous() };
};

template <class Tag = void>
using user_model_t = typename user_model<Tag>::type;

}  // namespace drf::http
