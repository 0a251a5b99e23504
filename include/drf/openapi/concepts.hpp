// drf/openapi/concepts.hpp — what the document needs of a viewset's paginator and filter backends:
// that they describe themselves with DRF's method names. A paginator or backend without them is a
// compile error where the viewset is described, never a guessed parameter list.
#pragma once

#include <drf/core/json.hpp>
#include <drf/filters/backends.hpp>

#include <concepts>

namespace drf::openapi {

// DRF's BasePagination for documentation: the list operation's query parameters
// (get_schema_operation_parameters) and the page's envelope around the schema of one result
// (get_paginated_response_schema). PageNumberPagination, LimitOffsetPagination and CursorPagination
// have both.
template <class P>
concept DescribedPagination = requires(Json item) {
    { P::get_schema_operation_parameters() } -> std::same_as<Json>;
    { P::get_paginated_response_schema(item) } -> std::same_as<Json>;
};

// One filter backend that lists its query parameters: a FilterSet, SearchFilter, OrderingFilter, or a
// type of your own with `Json get_schema_operation_parameters() const`.
template <class B>
concept DescribedFilterBackend = filters::DescribedFilterBackend<B>;

// A viewset's filter_backends (a filters::Backends, or a single backend) all of whose backends list
// their parameters: Backends offers get_schema_operation_parameters only then.
template <class B>
concept DescribedFilterBackends = filters::DescribedFilterBackend<B>;

}  // namespace drf::openapi
