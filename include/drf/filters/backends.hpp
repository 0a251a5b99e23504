// drf/filters/backends.hpp — DRF's filter_backends as one constexpr value: the backends (a FilterSet,
// SearchFilter, OrderingFilter, or any type with filter_queryset(request, query)) applied in order.
//     static constexpr auto filter_backends = f::backends(f::filters<User>(...), f::search_fields(...),
//                                                         f::ordering_fields(...));
// A ResourceViewSet applies its Derived::filter_backends in filter_queryset(request, query).
#pragma once

#include <drf/core/json.hpp>
#include <drf/db/queryset.hpp>
#include <drf/http/request.hpp>

#include <concepts>
#include <tuple>
#include <utility>

namespace drf::filters {

// DRF's BaseFilterBackend, as a concept: filter_queryset(request, queryset) returns the queryset narrowed,
// ordered, or unchanged.
template <class B, class T>
concept FilterBackend = requires(const B& backend, const http::Request& request, db::QuerySet<T> query) {
    { backend.filter_queryset(request, std::move(query)) } -> std::same_as<db::QuerySet<T>>;
};

// A backend that describes its query parameters for OpenAPI, as DRF's BaseFilterBackend does with
// get_schema_operation_parameters(view): an array of parameter objects.
template <class B>
concept DescribedFilterBackend = requires(const B& backend) {
    { backend.get_schema_operation_parameters() } -> std::same_as<Json>;
};

template <class... B>
struct Backends {
    std::tuple<B...> items;

    // Each backend's filter_queryset in the order given, as DRF's GenericAPIView.filter_queryset does.
    template <class T>
    db::QuerySet<T> filter_queryset(const http::Request& request, db::QuerySet<T> query) const {
        static_assert((FilterBackend<B, T> && ...),
                      "drf::filters::backends: each backend needs filter_queryset(const http::Request&, db::QuerySet<T>) "
                      "returning db::QuerySet<T>");
        std::apply([&](const auto&... backend) { ((query = backend.filter_queryset(request, std::move(query))), ...); },
                   items);
        return query;
    }

    // Every backend's parameters, in the order given (DRF's AutoSchema concatenates them the same way).
    // Offered only when each backend describes itself.
    Json get_schema_operation_parameters() const
        requires(DescribedFilterBackend<B> && ...)
    {
        Json parameters = Json::array();
        std::apply(
            [&](const auto&... backend) {
                (
                    [&](Json more) {
                        for (auto& p : more) parameters.push_back(std::move(p));
                    }(backend.get_schema_operation_parameters()),
                    ...);
            },
            items);
        return parameters;
    }
};

template <class... B>
constexpr Backends<B...> backends(B... backend) {
    return {std::tuple<B...>{backend...}};
}

}  // namespace drf::filters
