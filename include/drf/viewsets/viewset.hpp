// drf/viewsets/viewset.hpp — ViewSet (rest_framework.viewsets.ViewSet) with explicit actions, as the
// seed prefers: a struct with list/create/retrieve/update/partial_update/destroy members as it needs,
// a permission expression, and extra actions. The router finds the actions at compile time.
#pragma once

#include <drf/db/queryset.hpp>
#include <drf/http/exceptions.hpp>
#include <drf/http/request.hpp>
#include <drf/http/response.hpp>
#include <drf/permissions.hpp>
#include <drf/viewsets/actions.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <tuple>

namespace drf::viewsets {

// CRTP base. Derived may declare
//     static constexpr auto permission_classes = IsAuthenticated{} & IsOwner{};
//     static constexpr auto extra_actions = actions(action<&Derived::archive>("archive", detail, {Method::post}));
// and any of list(Request&), create(Request&), retrieve(Request&, pk), update(Request&, pk),
// partial_update(Request&, pk), destroy(Request&, pk), where pk is `const std::string&` or `drf::Uuid`.
template <class Derived>
struct ViewSet {
    static constexpr auto permission_classes = permissions::AllowAny{};
    static constexpr auto extra_actions = std::tuple<>{};

    // The name of the action being served ("list", "archive", ...), DRF's self.action.
    std::string_view action;

    // DRF's check_object_permissions: raises 401/403 unless Derived's permissions allow `obj`.
    template <class Obj>
    void check_object_permissions(const http::Request& request, const Obj& obj) const {
        permissions::check_object_permissions(Derived::permission_classes, request, static_cast<const Derived&>(*this), obj);
    }
    // DRF's check_permissions; the router calls it before every action.
    void check_permissions(const http::Request& request) const {
        permissions::check_permissions(Derived::permission_classes, request, static_cast<const Derived&>(*this));
    }
};

// Django's get_object_or_404 by primary key: a missing row, or a pk that is not a UUID, is 404 "Not found.".
template <class T>
T get_object_or_404(const db::Manager<T>& manager, const Uuid& pk) {
    if (auto obj = manager.get_or_none(pk)) return std::move(*obj);
    throw http::NotFound();
}
template <class T>
T get_object_or_404(const db::Manager<T>& manager, std::string_view pk) {
    const auto id = parse_uuid(pk);
    if (!id) throw http::NotFound();
    return get_object_or_404(manager, *id);
}
// ... or by a condition (exactly one row; several is a 500, as in Django).
template <class T>
T get_object_or_404(const db::QuerySet<T>& query) {
    try {
        return query.get();
    } catch (const db::DoesNotExist&) {
        throw http::NotFound();
    }
}

}  // namespace drf::viewsets
