// drf/openapi/describe.hpp — describe_viewset<V>: a viewset's operations as the OpenAPI document states
// them, from its compile-time declarations: a ResourceViewSet's input and output serializers, pagination,
// filter backends and permissions, its extra actions, and extend_schema (drf/openapi/extend.hpp). The
// router records one pointer per registered viewset (viewset_schema<V>) and hands them to the generator
// as Endpoints; nothing is described until a document is asked for.
#pragma once

#include <drf/core/json.hpp>
#include <drf/core/type_name.hpp>
#include <drf/http/method.hpp>
#include <drf/openapi/detail/describe_parts.hpp>
#include <drf/openapi/detail/describe_policies.hpp>
#include <drf/openapi/components.hpp>
#include <drf/openapi/extend.hpp>
#include <drf/views/view.hpp>
#include <drf/viewsets/actions.hpp>
#include <drf/viewsets/viewset.hpp>

#include <string>
#include <string_view>
#include <tuple>
#include <type_traits>
#include <utility>
#include <vector>

namespace drf::openapi {

// Everything one viewset says: its operations in route order (list route, detail route, extra actions),
// the path parameter of its detail routes, and what it could not describe.
struct ViewSetDescription {
    std::string name;       // the viewset's type name, for messages
    std::vector<Operation> operations;
    Json lookup_parameter;  // {"in": "path", "name": "id", ...}
    std::vector<std::string> warnings;
};

// What the router records for a viewset: the name of its path parameter, and how to describe it.
struct ViewSetSchema {
    std::string_view lookup;  // "id" for a ResourceViewSet (its model's pk), else "pk"
    ViewSetDescription (*describe)(Components&);
};

// One route of a registered viewset: its OpenAPI path and the actions its methods run.
struct Route {
    std::string path;  // "/api/projects/{id}/archive/"
    bool detail = false;
    std::vector<std::pair<http::Method, std::string>> actions;  // method → action name
};

// One registered viewset, as Router::endpoints() lists them.
struct Endpoint {
    std::string prefix;    // "api/projects"
    std::string basename;  // "projects"
    std::vector<Route> routes;
    const ViewSetSchema* schema = nullptr;
};

namespace detail {

template <class V>
concept resource_viewset = requires { typename V::resource; typename V::resource::input; typename V::resource::output; };

template <class V>
constexpr auto viewset_schema_items() {
    if constexpr (requires { V::schema.items; })
        return V::schema.items;
    else
        return std::tuple<>{};
}

template <auto A, auto B>
constexpr bool same_function() {
    if constexpr (std::is_same_v<decltype(A), decltype(B)>)
        return A == B;
    else
        return false;
}

// Whether Fn is one of V's actions, standard or extra.
template <class V, auto Fn>
constexpr bool is_action_of() {
    bool found = false;
    if constexpr (views::has_list<V>) found = found || same_function<Fn, &V::list>();
    if constexpr (views::has_create<V>) found = found || same_function<Fn, &V::create>();
    if constexpr (views::has_retrieve<V>) found = found || same_function<Fn, &V::retrieve>();
    if constexpr (views::has_update<V>) found = found || same_function<Fn, &V::update>();
    if constexpr (views::has_partial_update<V>) found = found || same_function<Fn, &V::partial_update>();
    if constexpr (views::has_destroy<V>) found = found || same_function<Fn, &V::destroy>();
    std::apply([&](const auto&... a) { ((found = found || same_function<Fn, std::remove_cvref_t<decltype(a)>::function>()), ...); },
               V::extra_actions);
    return found;
}

template <class V, class T>
constexpr bool item_names_an_action() {
    if constexpr (is_action_schema<T>::value)
        return is_action_of<V, T::function>();
    else
        return true;
}

// Over the items' types, not a lambda in a fold (clang 14 does not expand a pack inside one).
template <class V>
constexpr bool schema_names_actions() {
    using Items = decltype(viewset_schema_items<V>());
    return []<class... T>(std::type_identity<std::tuple<T...>>) {
        return (true && ... && item_names_an_action<V, T>());
    }(std::type_identity<Items>{});
}

// The view-level options (tags, exclude) applied to every operation.
template <class V>
void apply_view_options(Operation& op) {
    std::apply(
        [&](const auto&... item) {
            [[maybe_unused]] auto apply = [&](const auto& o) {
                using T = std::remove_cvref_t<decltype(o)>;
                if constexpr (is_tags<T>::value)
                    op.tags.assign(o.names.begin(), o.names.end());
                else if constexpr (std::is_same_v<T, Exclude>)
                    op.exclude = true;
            };
            (apply(item), ...);
        },
        viewset_schema_items<V>());
}

// extend_schema's action<Fn>(...) for the action Fn, applied to `op`.
template <class V, auto Fn>
std::pair<bool, bool> apply_action_schema(Components& components, Operation& op) {
    std::pair<bool, bool> declared{false, false};
    std::apply(
        [&](const auto&... item) {
            [[maybe_unused]] auto apply = [&](const auto& o) {
                using T = std::remove_cvref_t<decltype(o)>;
                if constexpr (is_action_schema<T>::value)
                    if constexpr (same_function<T::function, Fn>()) {
                        const auto [request, responses] = apply_options(components, op, o.options);
                        declared.first = declared.first || request;
                        declared.second = declared.second || responses;
                    }
            };
            (apply(item), ...);
        },
        viewset_schema_items<V>());
    return declared;
}

inline bool takes_body(http::Method m) { return m == http::Method::post || m == http::Method::put || m == http::Method::patch; }

// A ResourceViewSet's defaults for an action: the standard ones as DRF's ModelViewSet behaves, an
// extra action as drf-spectacular defaults it (the input serializer in, the output serializer out).
template <class V>
void resource_defaults(Components& components, Operation& op) {
    using R = typename V::resource;
    using Output = typename R::output;
    using P = typename R::pagination;
    if (op.action == "list" && op.method == http::Method::get) {
        op.is_list = true;
        op.parameters = pagination_parameters<P>();
        if constexpr (requires { V::filter_backends; }) {
            for (auto& p : filter_parameters(V::filter_backends)) op.parameters.push_back(std::move(p));
            op.parameter_errors = parameter_validation_error(components);
        }
        const std::string name = "Paginated" + std::string(component_name<Output>()) + "List";
        op.responses.push_back(
            {200, components.add(name, paginated_response_schema<P>(serializer_schema<Output>(components, Direction::response))), ""});
        op.not_found = pagination_raises_not_found<P>;
        return;
    }
    if (takes_body(op.method)) set_request<typename R::input>(components, op);
    if (op.method == http::Method::remove)
        op.responses.push_back({204, std::nullopt, "No response body"});
    else
        op.responses.push_back({op.action == "create" ? 201 : 200, response_schema<Output>(components, false), ""});
}

// A plain ViewSet's action without extend_schema documents any JSON in and out: 201 for create and 204
// for destroy, as drf-spectacular's defaults are.
inline void plain_defaults(Operation& op) {
    // A hand-written action may raise NotFound anywhere (get_object_or_404, a paginator's invalid page).
    op.not_found = true;
    // Any JSON in: whatever validates it reports its errors as some object, which only extend_schema's
    // request<S>() can say more about.
    if (takes_body(op.method)) op.request_body = Json::object(), op.request_errors = Json{{"type", "object"}};
    if (op.method == http::Method::remove)
        op.responses.push_back({204, std::nullopt, "No response body"});
    else
        op.responses.push_back({op.action == "create" ? 201 : 200, Json::object(), ""});
}

template <class V, auto Fn, class A = NoActionPolicies>
void add_operation(Components& components, ViewSetDescription& out, std::string_view action, http::Method method,
                   bool detail, const A& act = {}) {
    Operation op;
    op.action = std::string(action);
    op.method = method;
    op.detail = detail;
    op.anonymous = permissions::anonymous_access(V::permission_classes, method);
    op.may_deny = permissions::may_deny(V::permission_classes);
    if constexpr (resource_viewset<V>) resource_defaults<V>(components, op);
    else plain_defaults(op);
    apply_policies<V>(op, act);
    apply_view_options<V>(op);
    const auto [request, responses] = apply_action_schema<V, Fn>(components, op);
    if constexpr (!resource_viewset<V>) {
        const std::string where = out.name + "." + op.action + " (" + std::string(http::to_string(method)) + ")";
        if (!responses && !op.exclude)
            out.warnings.push_back(where + ": no response declared (drf::openapi::extend_schema(drf::openapi::action<&" +
                                   out.name + "::" + op.action + ">(drf::openapi::responses(...)))); documented as any JSON");
        if (!request && takes_body(method) && !op.exclude)
            out.warnings.push_back(where + ": no request body declared (drf::openapi::request<S>() or "
                                           "drf::openapi::no_body); documented as any JSON");
    }
    out.operations.push_back(std::move(op));
}

// Whether every detail action of a plain ViewSet takes its pk as a drf::Uuid (a malformed one is 404
// before the action runs), so the path parameter is documented in UUID format.
template <class F, class V>
constexpr bool takes_uuid_pk() {
    return !std::is_invocable_v<F, V&, http::Request&, const std::string&>;
}
template <class V>
constexpr bool detail_pk_is_uuid() {
    bool all = true;
    bool any = false;
    const auto check = [&](bool uuid) { all = all && uuid, any = true; };
    if constexpr (views::has_retrieve<V>) check(takes_uuid_pk<decltype(&V::retrieve), V>());
    if constexpr (views::has_update<V>) check(takes_uuid_pk<decltype(&V::update), V>());
    if constexpr (views::has_partial_update<V>) check(takes_uuid_pk<decltype(&V::partial_update), V>());
    if constexpr (views::has_destroy<V>) check(takes_uuid_pk<decltype(&V::destroy), V>());
    std::apply(
        [&](const auto&... a) {
            ((a.scope == viewsets::Scope::detail
                  ? check(takes_uuid_pk<decltype(std::remove_cvref_t<decltype(a)>::function), V>())
                  : void()),
             ...);
        },
        V::extra_actions);
    return any && all;
}

template <class V>
Json lookup_parameter() {
    if constexpr (resource_viewset<V>) {
        return Json{{"in", "path"},
                    {"name", "id"},
                    {"schema", {{"type", "string"}, {"format", "uuid"}}},
                    {"description", "A UUID string identifying this " +
                                        verbose_name(type_name<typename V::resource::model>()) + "."},
                    {"required", true}};
    } else {
        Json schema{{"type", "string"}};
        if constexpr (detail_pk_is_uuid<V>()) schema["format"] = "uuid";
        return Json{{"in", "path"}, {"name", "pk"}, {"schema", std::move(schema)}, {"required", true}};
    }
}

}  // namespace detail

// The operations of viewset V, registering the schemas they name in `components`.
template <class V>
ViewSetDescription describe_viewset(Components& components) {
    static_assert(detail::schema_names_actions<V>(),
                  "drf::openapi::extend_schema: action<&V::name> names a member function that is not one of the "
                  "viewset's actions (a standard action or one of its extra_actions)");
    using http::Method;
    ViewSetDescription out;
    out.name = std::string(type_name<V>());
    out.lookup_parameter = detail::lookup_parameter<V>();
    if constexpr (views::has_list<V>) detail::add_operation<V, &V::list>(components, out, "list", Method::get, false);
    if constexpr (views::has_create<V>) detail::add_operation<V, &V::create>(components, out, "create", Method::post, false);
    if constexpr (views::has_retrieve<V>)
        detail::add_operation<V, &V::retrieve>(components, out, "retrieve", Method::get, true);
    if constexpr (views::has_update<V>) detail::add_operation<V, &V::update>(components, out, "update", Method::put, true);
    if constexpr (views::has_partial_update<V>)
        detail::add_operation<V, &V::partial_update>(components, out, "partial_update", Method::patch, true);
    if constexpr (views::has_destroy<V>)
        detail::add_operation<V, &V::destroy>(components, out, "destroy", Method::remove, true);
    std::apply(
        [&](const auto&... a) {
            [[maybe_unused]] auto add = [&](const auto& act) {
                constexpr auto fn = std::remove_cvref_t<decltype(act)>::function;
                for (Method m : http::all_methods)
                    if (act.methods.contains(m))
                        detail::add_operation<V, fn>(components, out, act.name, m, act.scope == viewsets::Scope::detail,
                                                     act);
            };
            (add(a), ...);
        },
        V::extra_actions);
    return out;
}

// What Router::register_viewset<V> records: one static object per viewset type.
template <class V>
inline constexpr ViewSetSchema viewset_schema{detail::resource_viewset<V> ? "id" : "pk", &describe_viewset<V>};

}  // namespace drf::openapi
