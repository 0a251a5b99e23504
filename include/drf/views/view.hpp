// drf/views/view.hpp — a viewset turned into a view (DRF's ViewSetMixin.as_view): View<V> builds a V
// from the router's Context for each request, checks its permissions and runs the action the route and
// the method name. The concepts that find a viewset's standard actions live here too, so the router
// lists the same actions the view runs.
#pragma once

#include <drf/core/uuid.hpp>
#include <drf/http/conditional.hpp>
#include <drf/http/exceptions.hpp>
#include <drf/http/method.hpp>
#include <drf/http/request.hpp>
#include <drf/http/response.hpp>
#include <drf/throttling/check.hpp>
#include <drf/views/context.hpp>
#include <drf/views/negotiation.hpp>
#include <drf/views/route.hpp>
#include <drf/viewsets/actions.hpp>
#include <drf/viewsets/viewset.hpp>

#include <concepts>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <type_traits>
#include <utility>

namespace drf::views {

using http::Method;

// The standard actions a viewset defines, found by signature.
template <class V>
concept has_list = requires(V v, http::Request& r) { { v.list(r) } -> std::convertible_to<http::Response>; };
template <class V>
concept has_create = requires(V v, http::Request& r) { { v.create(r) } -> std::convertible_to<http::Response>; };
#define DRF_DETAIL_ACTION_CONCEPT(NAME)                                                                          \
    template <class V>                                                                                         \
    concept has_##NAME = requires(V v, http::Request& r, const std::string& s) {                               \
        { v.NAME(r, s) } -> std::convertible_to<http::Response>;                                               \
    } || requires(V v, http::Request& r, Uuid u) {                                                             \
        { v.NAME(r, u) } -> std::convertible_to<http::Response>;                                               \
    };
DRF_DETAIL_ACTION_CONCEPT(retrieve)
DRF_DETAIL_ACTION_CONCEPT(update)
DRF_DETAIL_ACTION_CONCEPT(partial_update)
DRF_DETAIL_ACTION_CONCEPT(destroy)
#undef DRF_DETAIL_ACTION_CONCEPT

// How a view is built from the router's Context, in this order of preference: V(const Context&);
// V(db::Databases&), the databases alone (drf::resources::ResourceViewSet); V{}.
template <class V>
concept constructible_from_context = std::constructible_from<V, const Context&>;
template <class V>
concept constructible_from_databases = std::constructible_from<V, db::Databases&>;

template <class V>
V make_view(const Context& context) {
    if constexpr (constructible_from_context<V>) {
        return V(context);
    } else if constexpr (constructible_from_databases<V>) {
        return V(context.require_databases("a view constructed from drf::db::Databases&"));
    } else {
        static_assert(std::is_default_constructible_v<V>,
                      "drf::routers::Router::register_viewset<V>: V must be constructible from a "
                      "const drf::views::Context&, from drf::db::Databases&, or by default");
        return V{};
    }
}

namespace detail {

// Calls a detail action with the pk as the action wants it: text, or a UUID (a malformed one is 404).
template <class F>
http::Response call_with_pk(F&& f, std::string_view pk) {
    if constexpr (std::is_invocable_v<F, const std::string&>) {
        return f(std::string(pk));
    } else {
        const auto id = parse_uuid(pk);
        if (!id) throw http::NotFound();
        return f(*id);
    }
}

}  // namespace detail

// One request on a fresh V: its permissions, its throttles (the action's own, when it declares them),
// then the action for (route, method) — DRF's initial() and handler. Method::options on a route whose
// viewset does not define it is DRF's metadata response; another method no action maps is 405 (the
// dispatch answers that before it gets here, with Allow).
template <class V>
http::Response run_action(V& view, http::Request& request, const Match& match, Method method, const Context& context) {
    view.check_permissions(request);
    auto run_as = [&](std::string_view name, const auto& declared, auto&& action) -> http::Response {
        view.action = name;
        const throttling::Outcome throttled = throttling::check_throttles(view, request, context.throttling.get(), declared);
        http::Response response = action();
        throttled.apply(response);
        return response;
    };
    auto run = [&](std::string_view name, auto&& action) { return run_as(name, throttling::NoAction{}, action); };
    auto with_pk = [&](auto member) {
        return [&view, &request, &match, member] {
            return detail::call_with_pk(
                [&](auto pk) -> decltype((view.*member)(request, pk)) { return (view.*member)(request, pk); }, match.pk);
        };
    };
    switch (match.kind) {
        case RouteKind::list:
            if constexpr (has_list<V>)
                if (method == Method::get) return run("list", [&] { return view.list(request); });
            if constexpr (has_create<V>)
                if (method == Method::post) return run("create", [&] { return view.create(request); });
            break;
        case RouteKind::detail:
            if constexpr (has_retrieve<V>)
                if (method == Method::get) return run("retrieve", with_pk(&V::retrieve));
            if constexpr (has_update<V>)
                if (method == Method::put) return run("update", with_pk(&V::update));
            if constexpr (has_partial_update<V>)
                if (method == Method::patch) return run("partial_update", with_pk(&V::partial_update));
            if constexpr (has_destroy<V>)
                if (method == Method::remove) return run("destroy", with_pk(&V::destroy));
            break;
        case RouteKind::list_action:
        case RouteKind::detail_action: {
            std::optional<http::Response> result;
            std::apply(
                [&](const auto&... a) {
                    [[maybe_unused]] auto try_one = [&](const auto& act) {
                        if (result || act.url_path != match.url_path || !act.methods.contains(method)) return;
                        const bool is_detail = act.scope == viewsets::Scope::detail;
                        if (is_detail != (match.kind == RouteKind::detail_action)) return;
                        constexpr auto fn = std::remove_cvref_t<decltype(act)>::function;
                        if constexpr (std::is_invocable_v<decltype(fn), V&, http::Request&>)
                            result = run_as(act.name, act, [&] { return (view.*fn)(request); });
                        else
                            result = run_as(act.name, act, with_pk(fn));
                    };
                    (try_one(a), ...);
                },
                V::extra_actions);
            if (result) return std::move(*result);
            break;
        }
    }
    // DRF's OPTIONS (SimpleMetadata), reduced to the route's renderers and parsers.
    if (method == Method::options) return run("metadata", [&] { return metadata<V>(match); });
    throw http::MethodNotAllowed(http::to_string(method));
}

// A registered viewset as the dispatch sees it: type-erased, so that the router holds viewsets of
// every type in one table.
struct View {
    // Runs the action for (route, method) on a fresh viewset; throws what the action throws.
    std::function<http::Response(http::Request&, const Match&, Method, const Context&)> invoke;
    // Only the permission and throttle checks, on a fresh viewset (before a 405, as DRF's initial() runs
    // first).
    std::function<void(const http::Request&, const Context&)> initial;
    // Gives the request the route's parsers and chooses its renderer, before anything else runs.
    Negotiation (*negotiate)(http::Request&, const Match&) = nullptr;
    // Whether a GET or HEAD answered 200 is a conditional request (the viewset's conditional_requests
    // with .etags): http::conditional_get then runs on the rendered response.
    bool etags = false;
};

// DRF's ViewSet.as_view(): the view serving V's routes, each request on a V built from `context`. The
// context must outlive the view (the router owns both).
template <class V>
View as_view(const Context& context) {
    return as_view<V>([&context] { return make_view<V>(context); });
}
// ... with a factory of one's own, for a viewset that needs more than the context holds.
template <class V, class Factory>
    requires std::is_invocable_r_v<V, const Factory&>
View as_view(Factory factory) {
    View view;
    view.negotiate = &negotiate<V>;
    view.etags = http::conditional_requests_of<V>().etags;
    view.initial = [factory](const http::Request& request, const Context& context) {
        const V v = factory();
        v.check_permissions(request);
        (void)throttling::check_throttles(v, request, context.throttling.get());
    };
    view.invoke = [factory = std::move(factory)](http::Request& request, const Match& match, Method method,
                                                 const Context& context) {
        V v = factory();
        return run_action(v, request, match, method, context);
    };
    return view;
}

}  // namespace drf::views
