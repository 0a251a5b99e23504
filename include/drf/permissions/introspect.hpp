// drf/permissions/introspect.hpp — what a permission expression says about itself without a request,
// for documentation: whether an anonymous request passes it (three-valued: a custom permission is
// unknown unless it says), and whether it can deny at all. drf-spectacular asks the same questions of
// permission_classes to add the optional `{}` security requirement and the 401/403 responses.
#pragma once

#include <drf/http/method.hpp>
#include <drf/permissions/builtin.hpp>
#include <drf/permissions/compose.hpp>
#include <drf/permissions/concept.hpp>

#include <concepts>
#include <type_traits>

namespace drf::permissions {

enum class Anonymous { allowed, denied, unknown };

namespace detail {

// A custom permission answers for anonymous requests with
//     static constexpr bool allows_anonymous(drf::http::Method method);
template <class P>
concept declares_allows_anonymous = requires(http::Method m) {
    { P::allows_anonymous(m) } -> std::convertible_to<bool>;
};

template <class P>
inline constexpr bool is_and = false;
template <class A, class B>
inline constexpr bool is_and<And<A, B>> = true;
template <class P>
inline constexpr bool is_or = false;
template <class A, class B>
inline constexpr bool is_or<Or<A, B>> = true;
template <class P>
inline constexpr bool is_not = false;
template <class A>
inline constexpr bool is_not<Not<A>> = true;

// Types that allow every request: DRF's AllowAny, and BasePermission itself (which, as DRF's, allows all).
template <class P>
concept allows_everyone = std::same_as<P, AllowAny> || std::same_as<P, BasePermission>;

template <class P>
constexpr Anonymous anonymous_access_of(http::Method method) {
    if constexpr (declares_allows_anonymous<P>) {
        return P::allows_anonymous(method) ? Anonymous::allowed : Anonymous::denied;
    } else if constexpr (allows_everyone<P>) {
        return Anonymous::allowed;
    } else if constexpr (std::same_as<P, IsAuthenticated> || std::same_as<P, IsAdminUser>) {
        return Anonymous::denied;
    } else if constexpr (std::same_as<P, IsAuthenticatedOrReadOnly>) {
        return http::is_safe(method) ? Anonymous::allowed : Anonymous::denied;
    } else if constexpr (is_and<P>) {
        const Anonymous a = anonymous_access_of<decltype(P::op1)>(method);
        const Anonymous b = anonymous_access_of<decltype(P::op2)>(method);
        if (a == Anonymous::denied || b == Anonymous::denied) return Anonymous::denied;
        if (a == Anonymous::allowed && b == Anonymous::allowed) return Anonymous::allowed;
        return Anonymous::unknown;
    } else if constexpr (is_or<P>) {
        const Anonymous a = anonymous_access_of<decltype(P::op1)>(method);
        const Anonymous b = anonymous_access_of<decltype(P::op2)>(method);
        if (a == Anonymous::allowed || b == Anonymous::allowed) return Anonymous::allowed;
        if (a == Anonymous::denied && b == Anonymous::denied) return Anonymous::denied;
        return Anonymous::unknown;
    } else if constexpr (is_not<P>) {
        const Anonymous a = anonymous_access_of<decltype(P::op1)>(method);
        if (a == Anonymous::unknown) return a;
        return a == Anonymous::allowed ? Anonymous::denied : Anonymous::allowed;
    } else {
        return Anonymous::unknown;
    }
}

// may_deny and may_allow over-approximate: true whenever some request might be denied (allowed).
// A `~` denies where its operand allows, so each needs the other.
template <class P>
constexpr bool may_allow_of();

template <class P>
constexpr bool may_deny_of() {
    if constexpr (is_and<P>) return may_deny_of<decltype(P::op1)>() || may_deny_of<decltype(P::op2)>();
    else if constexpr (is_or<P>) return may_deny_of<decltype(P::op1)>() && may_deny_of<decltype(P::op2)>();
    else if constexpr (is_not<P>) return may_allow_of<decltype(P::op1)>();
    else return !allows_everyone<P>;
}

template <class P>
constexpr bool may_allow_of() {
    if constexpr (is_and<P>) return may_allow_of<decltype(P::op1)>() && may_allow_of<decltype(P::op2)>();
    else if constexpr (is_or<P>) return may_allow_of<decltype(P::op1)>() || may_allow_of<decltype(P::op2)>();
    else if constexpr (is_not<P>) return may_deny_of<decltype(P::op1)>();
    else return true;
}

}  // namespace detail

// Whether an anonymous request with `method` passes `permission`'s request-level check (DRF's
// check_permissions, run before every action): AllowAny allowed; IsAuthenticated and IsAdminUser
// denied; IsAuthenticatedOrReadOnly allowed for GET, HEAD and OPTIONS only; `&`, `|` and `~` combine
// the answers (unknown & denied is denied, unknown | allowed is allowed, ~unknown is unknown); a custom
// permission answers with `static constexpr bool allows_anonymous(http::Method)`, else unknown.
// Object-level checks (has_object_permission) are not considered.
template <Permission P>
constexpr Anonymous anonymous_access(const P&, http::Method method) {
    return detail::anonymous_access_of<std::remove_cvref_t<P>>(method);
}

// Whether `permission` can refuse some request (a 401 or 403 is possible): false for AllowAny and
// expressions that cannot deny (AllowAny | X, ~~AllowAny); true for everything else, a custom
// permission included, whatever it declares.
template <Permission P>
constexpr bool may_deny(const P&) {
    return detail::may_deny_of<std::remove_cvref_t<P>>();
}

}  // namespace drf::permissions
