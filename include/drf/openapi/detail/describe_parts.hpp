// drf/openapi/detail/describe_parts.hpp — the pieces describe_viewset assembles: what a paginator, the
// filter backends and a permission expression say about an operation, the lookup parameter, and
// extend_schema's options applied to one operation.
#pragma once

#include <drf/core/json.hpp>
#include <drf/core/type_name.hpp>
#include <drf/http/method.hpp>
#include <drf/openapi/components.hpp>
#include <drf/openapi/concepts.hpp>
#include <drf/openapi/extend.hpp>
#include <drf/openapi/serializer.hpp>
#include <drf/permissions/introspect.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <type_traits>
#include <vector>

namespace drf::openapi {

// One response of an operation: its status, its body's schema (none: "No response body").
struct ResponseDescription {
    int status = 200;
    std::optional<Json> schema;
    std::string description;
};

// One operation as the viewset describes it; the generator adds the path, the operationId and tags it
// derives from the path when none is given here, the error responses, and security.
struct Operation {
    std::string action;  // "list", "archive"
    http::Method method = http::Method::get;
    bool detail = false;   // on the {id} route
    bool exclude = false;  // extend_schema's exclude
    std::string operation_id;  // empty: drf-spectacular's <path tokens>_<action>
    std::string summary;
    std::string description;
    std::vector<std::string> tags;  // empty: the path's first token
    bool is_list = false;           // the success response is a list: operationId ..._list for a GET
    Json parameters = Json::array();  // query parameters (pagination, filters), in the backends' order
    std::optional<Json> request_body;  // the body's schema; none: the operation takes no body
    bool request_required = false;     // a body with required fields
    Json request_errors;    // the 400 body of an invalid request body ($ref <Name>ValidationError), or null
    Json parameter_errors;  // the 400 body of invalid query parameters, or null
    std::vector<ResponseDescription> responses;  // the success responses
    permissions::Anonymous anonymous = permissions::Anonymous::unknown;
    bool may_deny = true;   // the permissions may refuse (403, or 401 for an anonymous request)
    bool not_found = false; // 404 besides the detail routes': an invalid cursor or page
    // Whether the view or the action declares throttles (429); nullopt: neither does, so the settings'
    // default_throttle_classes decide, which only the generator knows.
    std::optional<bool> throttled;
    // The renderers' media types (every response body) and the parsers' (the request body), in their
    // order without repeats, as drf-spectacular's map_renderers and map_parsers list them.
    std::vector<std::string> response_media_types{"application/json"};
    std::vector<std::string> request_media_types{"application/json"};
    // drf::http::ConditionalRequests on the viewset, for the operations it applies to: an ETag on 200
    // and a 304 for If-None-Match (GET); If-Match and 412, and 428 when it is required (PUT/PATCH/DELETE).
    bool etags = false;
    bool if_match = false;
    bool require_if_match = false;
};

namespace detail {

// Cursor and page-number pagination answer an invalid cursor or page with 404 (limit/offset never
// does); told apart by their options, so that this needs neither header.
template <class P>
inline constexpr bool pagination_raises_not_found =
    requires { P::options.cursor_query_param; } || requires { P::options.page_query_param; };

// One message for both methods; the `else` keeps the compiler from adding errors of its own after it.
#define DRF_OPENAPI_PAGINATION_MESSAGE                                                                      \
    "drf::openapi: the resource's pagination must describe itself, as DRF's BasePagination does: static " \
    "Json get_schema_operation_parameters() and static Json get_paginated_response_schema(Json)"

template <class P>
Json pagination_parameters() {
    if constexpr (DescribedPagination<P>) {
        return P::get_schema_operation_parameters();
    } else {
        static_assert(DescribedPagination<P>, DRF_OPENAPI_PAGINATION_MESSAGE);
        return Json::array();
    }
}

template <class P>
Json paginated_response_schema(Json item) {
    if constexpr (DescribedPagination<P>) {
        return P::get_paginated_response_schema(std::move(item));
    } else {
        static_assert(DescribedPagination<P>, DRF_OPENAPI_PAGINATION_MESSAGE);
        return item;
    }
}
#undef DRF_OPENAPI_PAGINATION_MESSAGE

template <class B>
Json filter_parameters(const B& backends) {
    if constexpr (DescribedFilterBackends<B>) {
        return backends.get_schema_operation_parameters();
    } else {
        static_assert(DescribedFilterBackends<B>,
                      "drf::openapi: each of the viewset's filter_backends must list its query parameters, as DRF's "
                      "BaseFilterBackend does: Json get_schema_operation_parameters() const");
        return Json::array();
    }
}

// The 400 body when a query parameter fails its filter: {"<parameter>": ["message", ...]}.
inline Json parameter_validation_error(Components& components) {
    return components.add("ParameterValidationError",
                          Json{{"type", "object"},
                               {"additionalProperties", {{"type", "array"}, {"items", {{"type", "string"}}}}}});
}

// Django's default verbose_name: the class name with a space before each inner capital, lower-cased
// ("ProjectMember" → "project member").
inline std::string verbose_name(std::string_view class_name) {
    std::string out;
    for (std::size_t i = 0; i < class_name.size(); ++i) {
        const char c = class_name[i];
        const bool upper = c >= 'A' && c <= 'Z';
        const bool after_lower = i > 0 && class_name[i - 1] >= 'a' && class_name[i - 1] <= 'z';
        const bool before_lower = i + 1 < class_name.size() && !(class_name[i + 1] >= 'A' && class_name[i + 1] <= 'Z');
        if (upper && i > 0 && (after_lower || before_lower)) out += ' ';
        out += upper ? static_cast<char>(c - 'A' + 'a') : c;
    }
    return out;
}

template <class S>
Json response_schema(Components& components, bool many) {
    Json ref = serializer_schema<S>(components, Direction::response);
    if (!many) return ref;
    return Json{{"type", "array"}, {"items", std::move(ref)}};
}

// Whether a body of the component `ref` names must be sent: it requires a field that is not read-only
// (drf-spectacular's request_body_required).
inline bool has_required(const Components& components, const Json& ref) {
    if (!ref.is_object() || !ref.contains("$ref")) return false;
    const std::string name = ref["$ref"].get<std::string>().substr(std::string_view("#/components/schemas/").size());
    const Json& schemas = components.schemas();
    if (!schemas.contains(name)) return false;
    const Json& schema = schemas[name];
    if (!schema.contains("required")) return false;
    for (const auto& field : schema["required"]) {
        const Json* property = schema.contains("properties") && schema["properties"].contains(field.get<std::string>())
                                   ? &schema["properties"][field.get<std::string>()]
                                   : nullptr;
        if (!property || !property->value("readOnly", false)) return true;
    }
    return false;
}

template <class S>
void set_request(Components& components, Operation& op) {
    const Direction direction = op.method == http::Method::patch ? Direction::partial : Direction::request;
    op.request_body = serializer_schema<S>(components, direction);
    op.request_required = direction != Direction::partial && has_required(components, *op.request_body);
    op.request_errors = validation_error_schema<S>(components);
}

template <class R>
ResponseDescription describe_response(Components& components, const R& r) {
    if constexpr (std::is_same_v<R, NoContentResponse>)
        return {r.status, std::nullopt, r.description.empty() ? "No response body" : std::string(r.description)};
    else if constexpr (std::is_same_v<R, AnyJsonResponse>)
        return {r.status, Json::object(), std::string(r.description)};
    else
        return {r.status, response_schema<typename R::serializer>(components, R::is_many), std::string(r.description)};
}

template <class R>
constexpr bool response_is_many() {
    if constexpr (requires { R::is_many; })
        return R::is_many;
    else
        return false;
}
// Whether the operationId ends in _list: drf-spectacular's _is_list_view, which names a list action so
// whenever its response is a serializer, even one object (response<S>(200) on a plain ViewSet's list).
template <class R>
bool named_as_list(const Operation& op) {
    if constexpr (requires { R::is_many; })
        return R::is_many || op.action == "list";
    else
        return false;
}

// extend_schema's options for one operation, over what the viewset's declarations gave it. Returns
// whether the options declared the request (or no_body) and the responses.
template <class... O>
std::pair<bool, bool> apply_options(Components& components, Operation& op, const std::tuple<O...>& options) {
    bool request_declared = false;
    bool responses_declared = false;
    std::apply(
        [&](const auto&... option) {
            [[maybe_unused]] auto apply = [&](const auto& o) {
                using T = std::remove_cvref_t<decltype(o)>;
                if constexpr (std::is_same_v<T, NoBody>) {
                    op.request_body.reset();
                    op.request_required = false;
                    op.request_errors = nullptr;
                    request_declared = true;
                } else if constexpr (is_request<T>::value) {
                    set_request<typename T::serializer>(components, op);
                    request_declared = true;
                } else if constexpr (is_responses<T>::value) {
                    op.responses.clear();
                    int lowest = 1000;
                    std::apply(
                        [&](const auto&... r) {
                            (op.responses.push_back(describe_response(components, r)), ...);
                            ((r.status < lowest ? void((lowest = r.status, op.is_list =
                                                            named_as_list<std::remove_cvref_t<decltype(r)>>(op)))
                                                : void()),
                             ...);
                        },
                        o.items);
                    responses_declared = true;
                } else if constexpr (std::is_same_v<T, Summary>) {
                    op.summary = o.text;
                } else if constexpr (std::is_same_v<T, Description>) {
                    op.description = o.text;
                } else if constexpr (std::is_same_v<T, OperationId>) {
                    op.operation_id = o.text;
                } else if constexpr (is_tags<T>::value) {
                    op.tags.assign(o.names.begin(), o.names.end());
                } else if constexpr (std::is_same_v<T, Exclude>) {
                    op.exclude = true;
                }
            };
            (apply(option), ...);
        },
        options);
    return {request_declared, responses_declared};
}

}  // namespace detail
}  // namespace drf::openapi
