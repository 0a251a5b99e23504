// drf/permissions/evaluate.hpp — one way to ask any permission for its answer: evaluate (request
// level) and evaluate_object (object level) return a Decision, whichever signatures the type declares.
#pragma once

#include <drf/http/request.hpp>
#include <drf/permissions/concept.hpp>

#include <concepts>
#include <cstddef>
#include <string_view>
#include <tuple>
#include <type_traits>

namespace drf::permissions {

// The answer of a permission. `message` is the denying permission's own `message`, empty when it has
// none: permission_denied then uses DRF's default, "You do not have permission to perform this action.".
struct Decision {
    bool allowed = true;
    std::string_view message{};

    constexpr explicit operator bool() const noexcept { return allowed; }
};

namespace detail {

// The declared shape of a non-template has_permission / has_object_permission, read from its address:
// whether it can be called on a const permission, how many parameters it takes, and whether the first
// one accepts a const http::Request&.
template <bool OnConst, class... Args>
struct Declared {
    static constexpr bool on_const = OnConst;
    static constexpr std::size_t arity = sizeof...(Args);
    static constexpr bool request_first = [] {
        if constexpr (sizeof...(Args) == 0) return false;
        else return std::is_convertible_v<const http::Request&, std::tuple_element_t<0, std::tuple<Args...>>>;
    }();
};

template <class C, class R, class... A, bool N>
Declared<false, A...> inspect(R (C::*)(A...) noexcept(N));
template <class C, class R, class... A, bool N>
Declared<false, A...> inspect(R (C::*)(A...) & noexcept(N));
template <class C, class R, class... A, bool N>
Declared<false, A...> inspect(R (C::*)(A...) && noexcept(N));
template <class C, class R, class... A, bool N>
Declared<true, A...> inspect(R (C::*)(A...) const noexcept(N));
template <class C, class R, class... A, bool N>
Declared<true, A...> inspect(R (C::*)(A...) const & noexcept(N));
template <class C, class R, class... A, bool N>
Declared<false, A...> inspect(R (C::*)(A...) const && noexcept(N));
template <class R, class... A, bool N>
Declared<true, A...> inspect(R (*)(A...) noexcept(N));  // a static member function

// True unless P has a single, non-template has_permission whose declaration no call can match
// (not const, a non-const Request&, a wrong number of parameters, or not a function at all).
// Templates and overload sets have no single address: they are checked when called.
template <class P>
consteval bool has_permission_declaration_ok() {
    if constexpr (!names_has_permission<P> || !requires { &P::has_permission; }) {
        return true;
    } else if constexpr (requires { detail::inspect(&P::has_permission); }) {
        using D = decltype(detail::inspect(&P::has_permission));
        return D::on_const && D::request_first && (D::arity == 1 || D::arity == 2);
    } else {
        return false;
    }
}

template <class P>
consteval bool has_object_permission_declaration_ok() {
    if constexpr (!names_has_object_permission<P> || !requires { &P::has_object_permission; }) {
        return true;
    } else if constexpr (requires { detail::inspect(&P::has_object_permission); }) {
        using D = decltype(detail::inspect(&P::has_object_permission));
        return D::on_const && D::request_first && (D::arity == 2 || D::arity == 3);
    } else {
        return false;
    }
}

// Every compile-time check on a permission type, in one place: evaluate, evaluate_object and the
// operators all call it, so a mistake is reported where the permission is first used.
template <class P>
constexpr void check_permission_type() {
    static_assert(Permission<P>, "drf::permissions: the type has neither has_permission nor has_object_permission");
    static_assert(has_permission_declaration_ok<P>(),
                  "drf::permissions: has_permission must be a const member function taking "
                  "(const http::Request&) or (const http::Request&, const View&)");
    static_assert(has_object_permission_declaration_ok<P>(),
                  "drf::permissions: has_object_permission must be a const member function taking "
                  "(const http::Request&, const Obj&) or (const http::Request&, const View&, const Obj&)");
}

// Composites (And, Or, Not) answer with a whole Decision, so the message of the operand that decided
// travels up; a plain permission answers with a bool and its `message`.
template <class P, class View>
concept decides = requires(const P& p, const http::Request& r, const View& v) {
    { p.decide(r, v) } -> std::same_as<Decision>;
};

template <class P, class View, class Obj>
concept decides_object = requires(const P& p, const http::Request& r, const View& v, const Obj& o) {
    { p.decide_object(r, v, o) } -> std::same_as<Decision>;
};

// A `message` member (static or not): std::string_view, const char*, a char array, std::string.
template <class P>
constexpr std::string_view message_of(const P& p) {
    if constexpr (requires { p.message; }) {
        using M = std::remove_cvref_t<decltype(p.message)>;
        if constexpr (std::is_convertible_v<const M&, const char*>) {
            const char* text = p.message;
            return text ? std::string_view(text) : std::string_view();
        } else if constexpr (std::is_convertible_v<const M&, std::string_view>) {
            return std::string_view(p.message);
        } else {
            return {};
        }
    } else {
        return {};
    }
}

template <class...>
inline constexpr bool never = false;

// Instantiated only to refuse a permission applied where it cannot judge: the compilers print the
// instantiation with its arguments ("has_object_permission_cannot_take<IsOwner, Task, TaskViewSet>"),
// which a static_assert message, a literal, cannot do.
template <class Permission, class View>
struct has_permission_cannot_take {
    static_assert(never<Permission, View>,
                  "drf::permissions: has_permission cannot be called as has_permission(const http::Request&, "
                  "const View&) const or has_permission(const http::Request&) const with this view type; "
                  "has_permission_cannot_take<Permission, View> names both types");
};

template <class Permission, class Obj, class View>
struct has_object_permission_cannot_take {
    static_assert(never<Permission, Obj, View>,
                  "drf::permissions: has_object_permission cannot take the view's object: it is called as "
                  "has_object_permission(const http::Request&, const View&, const Obj&) const or "
                  "has_object_permission(const http::Request&, const Obj&) const, with a const Obj; "
                  "has_object_permission_cannot_take<Permission, Obj, View> names the types. A permission "
                  "for several object types declares a template or one overload per type");
};

}  // namespace detail

// Request level, DRF's has_permission(request, view). A type without has_permission allows (DRF's
// BasePermission default). A has_permission that cannot be called with this view is a compile error,
// never a silent "allowed".
template <class P, class View>
Decision evaluate(const P& permission, const http::Request& request, const View& view) {
    detail::check_permission_type<P>();
    if constexpr (detail::decides<P, View>) {
        return permission.decide(request, view);
    } else if constexpr (!detail::names_has_permission<P>) {
        return {true, {}};
    } else {
        bool allowed = true;
        if constexpr (requires {
                          { permission.has_permission(request, view) } -> std::convertible_to<bool>;
                      }) {
            allowed = static_cast<bool>(permission.has_permission(request, view));
        } else if constexpr (requires {
                                 { permission.has_permission(request) } -> std::convertible_to<bool>;
                             }) {
            allowed = static_cast<bool>(permission.has_permission(request));
        } else if constexpr (detail::has_permission_declaration_ok<P>()) {
            // (A declaration no call can match was already reported by check_permission_type.)
            (void)detail::has_permission_cannot_take<P, View>{};
        }
        return {allowed, allowed ? std::string_view() : detail::message_of(permission)};
    }
}

// Object level, DRF's has_object_permission(request, view, obj). A type without has_object_permission
// allows (DRF's default). A has_object_permission that cannot be called with this view's Obj is a
// compile error, never a silent "allowed": `IsOwner` written for `const Project&` cannot judge a Task,
// and one taking a non-const `Project&` cannot judge the const Project it is given. A permission for
// several object types says so with a template or overloads. Composites reach here once per operand,
// so the error names the operand that cannot take Obj, however deep it sits.
template <class P, class View, class Obj>
Decision evaluate_object(const P& permission, const http::Request& request, const View& view, const Obj& obj) {
    detail::check_permission_type<P>();
    if constexpr (detail::decides_object<P, View, Obj>) {
        return permission.decide_object(request, view, obj);
    } else if constexpr (!detail::names_has_object_permission<P>) {
        return {true, {}};
    } else {
        bool allowed = true;
        if constexpr (requires {
                          { permission.has_object_permission(request, view, obj) } -> std::convertible_to<bool>;
                      }) {
            allowed = static_cast<bool>(permission.has_object_permission(request, view, obj));
        } else if constexpr (requires {
                                 { permission.has_object_permission(request, obj) } -> std::convertible_to<bool>;
                             }) {
            allowed = static_cast<bool>(permission.has_object_permission(request, obj));
        } else if constexpr (detail::has_object_permission_declaration_ok<P>()) {
            // (A declaration no call can match was already reported by check_permission_type.)
            (void)detail::has_object_permission_cannot_take<P, Obj, View>{};
        }
        return {allowed, allowed ? std::string_view() : detail::message_of(permission)};
    }
}

}  // namespace drf::permissions
