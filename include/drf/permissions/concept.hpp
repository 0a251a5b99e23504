// drf/permissions/concept.hpp — what a permission is: a type declaring has_permission and/or
// has_object_permission (rest_framework.permissions.BasePermission), recognised by the member's name.
#pragma once

#include <concepts>
#include <type_traits>

namespace drf::permissions {

// DRF's BasePermission. Deriving from it is optional, and it adds nothing at run time: a missing
// has_permission or has_object_permission already means "allowed", as in DRF. Derive from it when
//  - the class is `final` and its has_permission / has_object_permission is a template or overloaded
//    (the name probe below cannot derive from a final class), or
//  - you want `&`, `|`, `~` between two of your own permission types without a using-directive: a
//    base class in drf::permissions lets argument-dependent lookup find the operators.
// BasePermission itself, like DRF's, allows everything.
struct BasePermission {};

namespace detail {

// The probe asks whether T declares a member *named* has_permission, whatever it names: a plain
// function, an overload set or a member template. Taking `&T::has_permission` would miss the last two.
// In a class deriving from both T and a holder of that name, the name is ambiguous exactly when T has it.
struct HasPermissionName {
    void has_permission();
};
struct HasObjectPermissionName {
    void has_object_permission();
};
template <class T>
struct HasPermissionProbe : T, HasPermissionName {};
template <class T>
struct HasObjectPermissionProbe : T, HasObjectPermissionName {};

template <class T>
concept derivable = std::is_class_v<T> && !std::is_final_v<T>;

// A final class cannot be probed; there only a single, non-template function is visible by address.
template <class T>
concept names_has_permission = (derivable<T> && !requires { &HasPermissionProbe<T>::has_permission; }) ||
                               (std::is_class_v<T> && requires { &T::has_permission; });

template <class T>
concept names_has_object_permission =
    (derivable<T> && !requires { &HasObjectPermissionProbe<T>::has_object_permission; }) ||
    (std::is_class_v<T> && requires { &T::has_object_permission; });

}  // namespace detail

// A permission: a class with a member named has_permission or has_object_permission (or both), or
// one deriving from BasePermission. The accepted signatures, checked where the permission is used:
//   bool has_permission(const http::Request&, const View&) const        or  (const http::Request&) const
//   bool has_object_permission(const http::Request&, const View&, const Obj&) const
//                                                                       or  (const http::Request&, const Obj&) const
// View and Obj may be concrete types, template parameters or overloads; a function that cannot take the
// view or its (const) object where it is checked is a compile error, never "allowed".
// cv and references are ignored, so Permission<decltype(ViewSet::permission_classes)> works on the
// `static constexpr` member.
template <class T>
concept Permission = detail::names_has_permission<std::remove_cvref_t<T>> ||
                     detail::names_has_object_permission<std::remove_cvref_t<T>> ||
                     std::derived_from<std::remove_cvref_t<T>, BasePermission>;

}  // namespace drf::permissions
