// drf/viewsets/viewset.hpp — ViewSet (rest_framework.viewsets.ViewSet) with explicit actions rather
// than ModelViewSet's implicit ones: a struct with list/create/retrieve/update/partial_update/destroy
// members as it needs, a permission expression, and extra actions. The router finds the actions at
// compile time.
// get_object_or_404 is in drf/viewsets/shortcuts.hpp (it needs the database layer; this does not).
#pragma once

#include <drf/http/exceptions.hpp>
#include <drf/http/request.hpp>
#include <drf/http/response.hpp>
#include <drf/permissions.hpp>
#include <drf/viewsets/actions.hpp>

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

}  // namespace drf::viewsets
