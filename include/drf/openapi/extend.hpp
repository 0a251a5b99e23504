// drf/openapi/extend.hpp — extend_schema (drf-spectacular's @extend_schema and @extend_schema_view),
// typed and constexpr, declared on the viewset beside its actions:
//     static constexpr auto schema = drf::openapi::extend_schema(
//         drf::openapi::action<&ProjectViewSet::archive>(
//             drf::openapi::no_body, drf::openapi::responses(drf::openapi::no_content(204)),
//             drf::openapi::summary("Archive a project")));
// Per action: request<S>() or no_body, responses(response<S>(200), response<S>(200, many), no_content(204),
// any_json(200)), summary, description, operation_id, tags, exclude. For the whole viewset: tags, exclude.
#pragma once

#include <array>
#include <cstddef>
#include <string_view>
#include <tuple>
#include <type_traits>

namespace drf::openapi {

// The request body is S (validated as S validates it).
template <class S>
struct RequestBody {
    using serializer = S;
};
template <class S>
constexpr RequestBody<S> request() {
    return {};
}
// The operation takes no body (drf-spectacular's request=None).
struct NoBody {};
inline constexpr NoBody no_body{};

// The marker for a response that is a JSON array of S (drf-spectacular's S(many=True)).
struct Many {};
inline constexpr Many many{};

// A response with status `status` whose body S renders (an array of them with `many`).
template <class S, bool IsMany>
struct SerializerResponse {
    using serializer = S;
    static constexpr bool is_many = IsMany;
    int status;
    std::string_view description;
};
template <class S>
constexpr SerializerResponse<S, false> response(int status = 200, std::string_view description = {}) {
    return {status, description};
}
template <class S>
constexpr SerializerResponse<S, true> response(int status, Many, std::string_view description = {}) {
    return {status, description};
}
// A response without a body ("No response body", as drf-spectacular writes it).
struct NoContentResponse {
    int status;
    std::string_view description;
};
constexpr NoContentResponse no_content(int status = 204, std::string_view description = {}) { return {status, description}; }
// A response whose body may be any JSON value (the schema `{}`; drf-spectacular's OpenApiTypes.ANY).
struct AnyJsonResponse {
    int status;
    std::string_view description;
};
constexpr AnyJsonResponse any_json(int status = 200, std::string_view description = {}) { return {status, description}; }

namespace detail {
template <class T>
struct is_response : std::false_type {};
template <class S, bool M>
struct is_response<SerializerResponse<S, M>> : std::true_type {};
template <>
struct is_response<NoContentResponse> : std::true_type {};
template <>
struct is_response<AnyJsonResponse> : std::true_type {};
}  // namespace detail

// The responses of an operation, replacing the default success response (drf-spectacular's
// responses={...}); the error responses are still added from what the operation may raise.
template <class... R>
struct Responses {
    std::tuple<R...> items;
};
template <class... R>
constexpr Responses<R...> responses(R... r) {
    static_assert(sizeof...(R) > 0, "drf::openapi::responses: give at least one response");
    static_assert((detail::is_response<R>::value && ...),
                  "drf::openapi::responses: each argument must be response<S>(status), response<S>(status, many), "
                  "no_content(status) or any_json(status)");
    return {{r...}};
}

struct Summary {
    std::string_view text;
};
constexpr Summary summary(std::string_view text) { return {text}; }
struct Description {
    std::string_view text;
};
constexpr Description description(std::string_view text) { return {text}; }
struct OperationId {
    std::string_view text;
};
constexpr OperationId operation_id(std::string_view text) { return {text}; }
template <std::size_t N>
struct Tags {
    std::array<std::string_view, N> names;
};
template <class... T>
constexpr Tags<sizeof...(T)> tags(T... names) {
    static_assert(sizeof...(T) > 0 && (std::is_convertible_v<T, std::string_view> && ...),
                  "drf::openapi::tags: give one or more names");
    return {{std::string_view(names)...}};
}
// Leave the operation (or, given to extend_schema, every operation of the viewset) out of the document.
struct Exclude {};
inline constexpr Exclude exclude{};

namespace detail {
template <class T>
struct is_tags : std::false_type {};
template <std::size_t N>
struct is_tags<Tags<N>> : std::true_type {};
template <class T>
struct is_responses : std::false_type {};
template <class... R>
struct is_responses<Responses<R...>> : std::true_type {};
template <class T>
struct is_request : std::false_type {};
template <class S>
struct is_request<RequestBody<S>> : std::true_type {};
template <>
struct is_request<NoBody> : std::true_type {};

template <class T>
inline constexpr bool is_action_option = is_request<T>::value || is_responses<T>::value || is_tags<T>::value ||
                                         std::is_same_v<T, Summary> || std::is_same_v<T, Description> ||
                                         std::is_same_v<T, OperationId> || std::is_same_v<T, Exclude>;

template <class Want, class... O>
constexpr std::size_t count_options() {
    return (std::size_t{0} + ... + (Want::template test<O>() ? 1 : 0));
}
struct RequestKind {
    template <class T>
    static constexpr bool test() { return is_request<T>::value; }
};
struct ResponsesKind {
    template <class T>
    static constexpr bool test() { return is_responses<T>::value; }
};
template <class K>
struct Same {
    template <class T>
    static constexpr bool test() { return std::is_same_v<T, K>; }
};
struct TagsKind {
    template <class T>
    static constexpr bool test() { return is_tags<T>::value; }
};
}  // namespace detail

// What extend_schema says about one action, named by its member function: action<&V::archive>(...),
// action<&V::list>(...) for a standard one.
template <auto Fn, class... Options>
struct ActionSchema {
    static constexpr auto function = Fn;
    std::tuple<Options...> options;
};
template <auto Fn, class... O>
constexpr ActionSchema<Fn, O...> action(O... options) {
    static_assert(std::is_member_function_pointer_v<decltype(Fn)>,
                  "drf::openapi::action<&V::name>: name the viewset's member function of the action");
    static_assert((detail::is_action_option<O> && ...),
                  "drf::openapi::action: each option must be request<S>(), no_body, responses(...), summary(...), "
                  "description(...), operation_id(...), tags(...) or exclude");
    static_assert(detail::count_options<detail::RequestKind, O...>() <= 1,
                  "drf::openapi::action: give request<S>() or no_body once");
    static_assert(detail::count_options<detail::ResponsesKind, O...>() <= 1,
                  "drf::openapi::action: give every response in one responses(...)");
    static_assert(detail::count_options<detail::Same<Summary>, O...>() <= 1 &&
                      detail::count_options<detail::Same<Description>, O...>() <= 1 &&
                      detail::count_options<detail::Same<OperationId>, O...>() <= 1 &&
                      detail::count_options<detail::TagsKind, O...>() <= 1,
                  "drf::openapi::action: summary, description, operation_id and tags are given once each");
    return {{options...}};
}

namespace detail {
template <class T>
struct is_action_schema : std::false_type {};
template <auto Fn, class... O>
struct is_action_schema<ActionSchema<Fn, O...>> : std::true_type {};
template <class T>
inline constexpr bool is_view_option = is_action_schema<T>::value || is_tags<T>::value || std::is_same_v<T, Exclude>;
}  // namespace detail

// The viewset's declarations (drf-spectacular's extend_schema_view): its actions' schemas, and tags or
// exclude for all of its operations.
template <class... Items>
struct ExtendSchema {
    std::tuple<Items...> items;
};
template <class... I>
constexpr ExtendSchema<I...> extend_schema(I... items) {
    static_assert((detail::is_view_option<I> && ...),
                  "drf::openapi::extend_schema: each argument must be action<&V::name>(...), tags(...) or exclude");
    static_assert(detail::count_options<detail::TagsKind, I...>() <= 1,
                  "drf::openapi::extend_schema: give the viewset's tags once");
    return {{items...}};
}

}  // namespace drf::openapi
