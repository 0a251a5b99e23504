// drf/permissions/compose.hpp — `&`, `|` and `~` over permissions, evaluated at compile time into
// And, Or and Not. Semantics follow DRF >= 3.14: OR at object level requires the same operand to pass
// both checks (encode/django-rest-framework#7522); unlike DRF, the deciding operand's message is kept.
// decide/decide_object are unconstrained on purpose: each operand goes through evaluate/evaluate_object,
// so an operand that cannot take the view or its object is a compile error naming that operand.
#pragma once

#include <drf/http/request.hpp>
#include <drf/permissions/concept.hpp>
#include <drf/permissions/evaluate.hpp>

#include <string_view>

namespace drf::permissions {

// DRF's AND: has_permission = op1 && op2; has_object_permission = op1 && op2 (object level only; the
// request level was checked first by the view). Short-circuits; a denial carries the message of the
// first operand that denied.
template <Permission A, Permission B>
struct And {
    [[no_unique_address]] A op1;
    [[no_unique_address]] B op2;

    template <class View>
    Decision decide(const http::Request& request, const View& view) const {
        const Decision first = permissions::evaluate(op1, request, view);
        return first.allowed ? permissions::evaluate(op2, request, view) : first;
    }
    template <class View, class Obj>
    Decision decide_object(const http::Request& request, const View& view, const Obj& obj) const {
        const Decision first = permissions::evaluate_object(op1, request, view, obj);
        return first.allowed ? permissions::evaluate_object(op2, request, view, obj) : first;
    }

    template <class View>
    bool has_permission(const http::Request& request, const View& view) const {
        return decide(request, view).allowed;
    }
    template <class View, class Obj>
    bool has_object_permission(const http::Request& request, const View& view, const Obj& obj) const {
        return decide_object(request, view, obj).allowed;
    }
};

// DRF's OR: has_permission = op1 || op2; has_object_permission = (op1.has_permission &&
// op1.has_object_permission) || (op2.has_permission && op2.has_object_permission) — an operand
// cannot pass the object check on the strength of the other operand's request check (#7522).
// When both deny, the message is op1's if it has one, else op2's (empty: DRF's default).
template <Permission A, Permission B>
struct Or {
    [[no_unique_address]] A op1;
    [[no_unique_address]] B op2;

    template <class View>
    Decision decide(const http::Request& request, const View& view) const {
        const Decision first = permissions::evaluate(op1, request, view);
        if (first.allowed) return first;
        const Decision second = permissions::evaluate(op2, request, view);
        if (second.allowed) return second;
        return {false, first.message.empty() ? second.message : first.message};
    }
    template <class View, class Obj>
    Decision decide_object(const http::Request& request, const View& view, const Obj& obj) const {
        const Decision first = both(op1, request, view, obj);
        if (first.allowed) return first;
        const Decision second = both(op2, request, view, obj);
        if (second.allowed) return second;
        return {false, first.message.empty() ? second.message : first.message};
    }

    template <class View>
    bool has_permission(const http::Request& request, const View& view) const {
        return decide(request, view).allowed;
    }
    template <class View, class Obj>
    bool has_object_permission(const http::Request& request, const View& view, const Obj& obj) const {
        return decide_object(request, view, obj).allowed;
    }

private:
    // One operand's request check, then (only if it passed) its object check.
    template <class P, class View, class Obj>
    static Decision both(const P& operand, const http::Request& request, const View& view, const Obj& obj) {
        const Decision at_request = permissions::evaluate(operand, request, view);
        return at_request.allowed ? permissions::evaluate_object(operand, request, view, obj) : at_request;
    }
};

// DRF's NOT: has_permission = !op1.has_permission; has_object_permission = !op1.has_object_permission.
// As in DRF, an operand without has_object_permission allows at object level, so its negation denies
// there: ~IsAuthenticated{} passes the request check for an anonymous user, then fails the object check.
// A denial carries no custom message: the operand's message explains why *it* denied, which is the
// opposite of what happened.
template <Permission A>
struct Not {
    [[no_unique_address]] A op1;

    template <class View>
    Decision decide(const http::Request& request, const View& view) const {
        return {!permissions::evaluate(op1, request, view).allowed, {}};
    }
    template <class View, class Obj>
    Decision decide_object(const http::Request& request, const View& view, const Obj& obj) const {
        return {!permissions::evaluate_object(op1, request, view, obj).allowed, {}};
    }

    template <class View>
    bool has_permission(const http::Request& request, const View& view) const {
        return decide(request, view).allowed;
    }
    template <class View, class Obj>
    bool has_object_permission(const http::Request& request, const View& view, const Obj& obj) const {
        return decide_object(request, view, obj).allowed;
    }
};

namespace detail {
template <class A, class B>
concept either_is_permission = Permission<A> || Permission<B>;

// What a refused `&` or `|` returns, so that the static_assert is the only error the user reads.
struct NotComposed {};
}  // namespace detail

// The operators live in an inline namespace: argument-dependent lookup finds them whenever one operand
// comes from drf::permissions (a built-in, a composite, or a type deriving from BasePermission); to
// combine two plain types of your own, write `using namespace drf::permissions::operators;`.
// They take part only when at least one operand is a permission; the other must then be one too, and
// the static_assert in check_permission_type says so ("neither has_permission nor has_object_permission").
inline namespace operators {

template <class A, class B>
    requires detail::either_is_permission<A, B>
constexpr auto operator&(A a, B b) {
    detail::check_permission_type<A>();
    detail::check_permission_type<B>();
    if constexpr (Permission<A> && Permission<B>) return And<A, B>{a, b};
    else return detail::NotComposed{};
}

template <class A, class B>
    requires detail::either_is_permission<A, B>
constexpr auto operator|(A a, B b) {
    detail::check_permission_type<A>();
    detail::check_permission_type<B>();
    if constexpr (Permission<A> && Permission<B>) return Or<A, B>{a, b};
    else return detail::NotComposed{};
}

template <Permission A>
constexpr Not<A> operator~(A a) {
    detail::check_permission_type<A>();
    return Not<A>{a};
}

}  // namespace operators

}  // namespace drf::permissions
