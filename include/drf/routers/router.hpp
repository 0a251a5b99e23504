// drf/routers/router.hpp — Router (rest_framework.routers.SimpleRouter): register_viewset<V>("projects")
// generates DRF's routes — ^projects/$, ^projects/{pk}/$, and one per extra action, named
// <basename>-list, <basename>-detail, <basename>-<url_name> — and dispatch() serves a Request:
// authenticate, check permissions, run the action, and turn any exception into DRF's response. Lookup
// is by hash of the path's leading segments, so its cost does not grow with the number of viewsets.
#pragma once

#include <drf/auth/base.hpp>
#include <drf/core/uuid.hpp>
#include <drf/http/handler.hpp>
#include <drf/http/hosts.hpp>
#include <drf/http/request.hpp>
#include <drf/http/response.hpp>
#include <drf/viewsets/viewset.hpp>

#include <array>
#include <cstddef>
#include <functional>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <tuple>
#include <type_traits>
#include <unordered_map>
#include <utility>
#include <vector>

namespace drf::routers {

using http::Method;

// One generated route, for listing (DRF's router.urls).
struct RouteInfo {
    std::string pattern;  // "^projects/{pk}/archive/$"
    std::string name;     // "projects-archive": <basename>-<url_name>
    std::vector<std::pair<Method, std::string>> actions;  // method → action name
};

namespace detail {

enum class Kind { list, detail, list_action, detail_action };

// What a path resolved to: which route and the pk when there is one.
struct Match {
    Kind kind;
    std::string_view pk;
    std::string_view url_path;
};

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

inline std::string url_name_of(std::string_view name, std::string_view explicit_name) {
    std::string out(explicit_name.empty() ? name : explicit_name);
    if (explicit_name.empty())
        for (char& c : out)
            if (c == '_') c = '-';
    return out;
}

// The Allow header DRF sends: the mapped methods in Django's order, HEAD with GET, and OPTIONS.
inline std::string allow_header(const viewsets::MethodSet& methods) {
    std::string out;
    for (Method m : http::all_methods) {
        const bool allowed = m == Method::options || methods.contains(m) ||
                             (m == Method::head && methods.contains(Method::get));
        if (!allowed) continue;
        if (!out.empty()) out += ", ";
        out += http::to_string(m);
    }
    return out;
}

// DRF's router takes the basename from the viewset's queryset, and requires one when there is none; a
// drf viewset has no queryset, so the default is the prefix's last segment: "api/projects" → "projects".
inline std::string default_basename(std::string_view prefix) {
    const auto slash = prefix.rfind('/');
    return std::string(slash == std::string_view::npos ? prefix : prefix.substr(slash + 1));
}

// A detail action is called with a pk, a list action without: the I-th extra action's function must
// take what its scope passes. Checked when the viewset is registered, so the mistake is a compile error
// that says which way round it is.
template <class V, std::size_t I>
constexpr void check_action_signature() {
    using A = std::remove_cvref_t<decltype(std::get<I>(V::extra_actions))>;
    using F = decltype(A::function);
    constexpr viewsets::Scope scope = std::get<I>(V::extra_actions).scope;
    constexpr bool takes_request = std::is_invocable_r_v<http::Response, F, V&, http::Request&>;
    constexpr bool takes_pk = std::is_invocable_r_v<http::Response, F, V&, http::Request&, const std::string&> ||
                              std::is_invocable_r_v<http::Response, F, V&, http::Request&, Uuid>;
    static_assert(takes_request || takes_pk,
                  "drf::viewsets::action: the function must be a member of the viewset returning a Response, taking "
                  "(Request&) for a list action or (Request&, pk) for a detail action");
    static_assert(scope != viewsets::Scope::detail || takes_pk || !takes_request,
                  "drf::viewsets::action: a detail action takes (Request&, pk), pk a const std::string& or a "
                  "drf::Uuid; this function takes no pk (declare it with drf::viewsets::list, or add the pk)");
    static_assert(scope != viewsets::Scope::list || takes_request || !takes_pk,
                  "drf::viewsets::action: a list action takes (Request&) only; this function takes a pk (declare it "
                  "with drf::viewsets::detail, or drop the pk)");
}

// Everything the router knows about one registered viewset.
struct Entry {
    std::string prefix;
    std::string basename;
    viewsets::MethodSet list_methods;
    viewsets::MethodSet detail_methods;
    std::unordered_map<std::string, viewsets::MethodSet> list_actions;    // url_path → methods
    std::unordered_map<std::string, viewsets::MethodSet> detail_actions;  // url_path → methods
    std::vector<RouteInfo> routes;
    // Runs the action for (kind, method) on a fresh viewset; throws what the action throws.
    std::function<http::Response(http::Request&, const Match&, Method)> invoke;
    // Only the permission check, on a fresh viewset (before a 405).
    std::function<void(const http::Request&)> check_permissions;
};

struct StringHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const noexcept { return std::hash<std::string_view>{}(s); }
};

}  // namespace detail

class Router {
public:
    // The authenticators every request goes through, in order (DRF's DEFAULT_AUTHENTICATION_CLASSES).
    explicit Router(auth::Authenticators authenticators = {}) : authenticators_(std::move(authenticators)) {}

    // router.register_viewset<ProjectViewSet>("projects") — the viewset is default-constructed for each
    // request; pass a factory to give it what it needs: register_viewset<V>("projects", [&] { return V{db}; }).
    // Routes are named <basename>-list, <basename>-detail and <basename>-<url_name>, as DRF's; the
    // basename (DRF's register(prefix, viewset, basename=...)) defaults to the prefix's last segment,
    // "api/projects" → "projects". A basename another prefix already uses is std::invalid_argument.
    template <class V>
    void register_viewset(std::string prefix, std::function<V()> factory = [] { return V{}; },
                          std::optional<std::string> basename = std::nullopt) {
        while (!prefix.empty() && prefix.front() == '/') prefix.erase(0, 1);
        while (!prefix.empty() && prefix.back() == '/') prefix.pop_back();
        auto entry = std::make_shared<detail::Entry>();
        entry->basename = basename ? std::move(*basename) : detail::default_basename(prefix);
        for (const auto& [other_prefix, other] : entries_)
            if (other_prefix != prefix && other->basename == entry->basename)
                throw std::invalid_argument("drf::routers::Router::register_viewset: the basename '" + entry->basename +
                                            "' is already registered, for '" + other_prefix +
                                            "'; give '" + prefix + "' a unique one: register_viewset<V>(\"" + prefix +
                                            "\", \"<basename>\")");
        entry->prefix = prefix;
        build_routes<V>(*entry);
        entry->check_permissions = [factory](const http::Request& request) { factory().check_permissions(request); };
        entry->invoke = [factory = std::move(factory)](http::Request& request, const detail::Match& match,
                                                       Method method) { return invoke<V>(factory, request, match, method); };
        entries_[prefix] = std::move(entry);
    }

    // register_viewset<V>("api/projects", "project"): a basename, and no factory. With a factory, the
    // basename comes last, as in DRF's register(prefix, viewset, basename):
    // register_viewset<V>("api/projects", [&] { return V{db}; }, "project").
    template <class V>
    void register_viewset(std::string prefix, std::string basename) {
        register_viewset<V>(std::move(prefix), [] { return V{}; }, std::move(basename));
    }

    // Every generated route, in registration order per viewset.
    std::vector<RouteInfo> routes() const {
        std::vector<RouteInfo> out;
        for (const auto& [prefix, entry] : entries_)
            for (const auto& r : entry->routes) out.push_back(r);
        return out;
    }

    // Django's ALLOWED_HOSTS, SECURE_PROXY_SSL_HEADER and USE_X_FORWARDED_HOST for every request served.
    // Set it before serving; by default only the local machine's names are allowed.
    void set_host_settings(http::HostSettings settings) {
        hosts_ = std::make_shared<const http::HostSettings>(std::move(settings));
    }
    const http::HostSettings& host_settings() const noexcept { return *hosts_; }

    // Serves a request. Never throws: every failure becomes DRF's response for it.
    http::Response dispatch(http::Request& request) const noexcept { return dispatch(request, hosts_); }

    // Serves a request under other host settings than the router's (the test client adds "testserver",
    // as Django's test runner does).
    http::Response dispatch(http::Request& request, std::shared_ptr<const http::HostSettings> hosts) const noexcept {
        try {
            request.set_host_settings(std::move(hosts));
            // Django's CommonMiddleware reads get_host() first: a Host that is not allowed is 400 before
            // authentication, routing or a view could build a link from it.
            (void)request.get_host();
            return route(request);
        } catch (...) {
            return http::handle_exception(std::current_exception(), www_authenticate(request));
        }
    }

private:
    std::string www_authenticate(const http::Request& request) const {
        try {
            return auth::www_authenticate(request, authenticators_);
        } catch (...) {
            return {};
        }
    }

    http::Response route(http::Request& request) const {
        const std::string& path = request.path();
        // DRF's routes all end with '/', and start after the leading one.
        if (path.size() < 2 || path.front() != '/' || path.back() != '/') throw http::NotFound();
        const std::string_view inner = std::string_view(path).substr(1, path.size() - 2);
        // Try the whole path as a prefix (list route), then with the last one or two segments split off.
        const auto last = inner.rfind('/');
        if (const auto it = entries_.find(inner); it != entries_.end())
            return serve(*it->second, request, {detail::Kind::list, {}, {}});
        if (last == std::string_view::npos) throw http::NotFound();
        const std::string_view head = inner.substr(0, last);
        const std::string_view tail = inner.substr(last + 1);
        if (const auto it = entries_.find(head); it != entries_.end()) {
            const auto& entry = *it->second;
            if (entry.list_actions.count(std::string(tail)))
                return serve(entry, request, {detail::Kind::list_action, {}, tail});
            if (valid_pk(tail) && !entry.detail_methods.empty()) return serve(entry, request, {detail::Kind::detail, tail, {}});
            throw http::NotFound();
        }
        const auto before = head.rfind('/');
        if (before == std::string_view::npos) throw http::NotFound();
        if (const auto it = entries_.find(head.substr(0, before)); it != entries_.end()) {
            const auto& entry = *it->second;
            const std::string_view pk = head.substr(before + 1);
            if (entry.detail_actions.count(std::string(tail)) && valid_pk(pk))
                return serve(entry, request, {detail::Kind::detail_action, pk, tail});
        }
        throw http::NotFound();
    }

    // DRF's default lookup_value_regex: [^/.]+
    static bool valid_pk(std::string_view pk) {
        return !pk.empty() && pk.find('/') == std::string_view::npos && pk.find('.') == std::string_view::npos;
    }

    http::Response serve(const detail::Entry& entry, http::Request& request, const detail::Match& match) const {
        const viewsets::MethodSet& methods =
            match.kind == detail::Kind::list     ? entry.list_methods
            : match.kind == detail::Kind::detail ? entry.detail_methods
            : match.kind == detail::Kind::list_action ? entry.list_actions.at(std::string(match.url_path))
                                                       : entry.detail_actions.at(std::string(match.url_path));
        if (methods.empty()) throw http::NotFound();
        // DRF authenticates and checks permissions before it looks for the method's handler, so an
        // anonymous PUT to an authenticated-only route is 401, not 405.
        if (request.forced_authentication())
            request.set_has_authenticators(true);
        else
            auth::perform_authentication(request, authenticators_);
        const Method method = request.method();
        const bool head = method == Method::head && !methods.contains(Method::head) && methods.contains(Method::get);
        const bool options = method == Method::options && !methods.contains(Method::options);
        if (!methods.contains(method) && !head && !options) {
            entry.check_permissions(request);
            http::MethodNotAllowed error(http::to_string(method));
            error.add_header("Allow", detail::allow_header(methods));
            throw error;
        }
        http::Response response = entry.invoke(request, match, head ? Method::get : method);
        if (options) response.header("Allow", detail::allow_header(methods));
        if (method == Method::head) response = strip_body(response);
        return response;
    }

    static http::Response strip_body(const http::Response& r) {
        http::Response out = http::Response::no_content(r.status_code());
        for (const auto& [n, v] : r.headers()) out.header(n, v);
        return out;
    }

    template <class V>
    static void build_routes(detail::Entry& entry) {
        static_assert(std::is_base_of_v<viewsets::ViewSet<V>, V>,
                      "drf::routers::Router::register_viewset<V>: V must derive from drf::viewsets::ViewSet<V>");
        []<std::size_t... I>(std::index_sequence<I...>) {
            (detail::check_action_signature<V, I>(), ...);
        }(std::make_index_sequence<std::tuple_size_v<std::remove_cvref_t<decltype(V::extra_actions)>>>{});
        const std::string& p = entry.prefix;
        const std::string& b = entry.basename;
        RouteInfo list{"^" + p + "/$", b + "-list", {}};
        if constexpr (detail::has_list<V>) entry.list_methods.add(Method::get), list.actions.emplace_back(Method::get, "list");
        if constexpr (detail::has_create<V>) entry.list_methods.add(Method::post), list.actions.emplace_back(Method::post, "create");
        RouteInfo det{"^" + p + "/{pk}/$", b + "-detail", {}};
        if constexpr (detail::has_retrieve<V>) entry.detail_methods.add(Method::get), det.actions.emplace_back(Method::get, "retrieve");
        if constexpr (detail::has_update<V>) entry.detail_methods.add(Method::put), det.actions.emplace_back(Method::put, "update");
        if constexpr (detail::has_partial_update<V>)
            entry.detail_methods.add(Method::patch), det.actions.emplace_back(Method::patch, "partial_update");
        if constexpr (detail::has_destroy<V>)
            entry.detail_methods.add(Method::remove), det.actions.emplace_back(Method::remove, "destroy");
        if (!entry.list_methods.empty()) entry.routes.push_back(list);
        if (!entry.detail_methods.empty()) entry.routes.push_back(det);
        std::apply(
            [&](const auto&... a) {
                [[maybe_unused]] auto add = [&](const auto& act) {
                    const std::string path(act.url_path);
                    const std::string name = b + "-" + detail::url_name_of(act.name, act.url_name);
                    RouteInfo info{act.scope == viewsets::Scope::detail ? "^" + p + "/{pk}/" + path + "/$"
                                                                         : "^" + p + "/" + path + "/$",
                                   name,
                                   {}};
                    for (Method m : http::all_methods)
                        if (act.methods.contains(m)) info.actions.emplace_back(m, std::string(act.name));
                    (act.scope == viewsets::Scope::detail ? entry.detail_actions : entry.list_actions)[path] = act.methods;
                    entry.routes.push_back(std::move(info));
                };
                (add(a), ...);
            },
            V::extra_actions);
    }

    // Runs one request on a fresh V. Method::options on a route that lacks it means "permission check
    // only" (for the 405 path) unless the viewset defines options itself.
    template <class V>
    static http::Response invoke(const std::function<V()>& factory, http::Request& request, const detail::Match& match,
                                 Method method) {
        V view = factory();
        view.check_permissions(request);
        auto run = [&](std::string_view name, auto&& action) -> http::Response {
            view.action = name;
            return action();
        };
        auto with_pk = [&](auto member) {
            return [&view, &request, &match, member] {
                return detail::call_with_pk(
                    [&](auto pk) -> decltype((view.*member)(request, pk)) { return (view.*member)(request, pk); }, match.pk);
            };
        };
        switch (match.kind) {
            case detail::Kind::list:
                if constexpr (detail::has_list<V>)
                    if (method == Method::get) return run("list", [&] { return view.list(request); });
                if constexpr (detail::has_create<V>)
                    if (method == Method::post) return run("create", [&] { return view.create(request); });
                break;
            case detail::Kind::detail:
                if constexpr (detail::has_retrieve<V>)
                    if (method == Method::get) return run("retrieve", with_pk(&V::retrieve));
                if constexpr (detail::has_update<V>)
                    if (method == Method::put) return run("update", with_pk(&V::update));
                if constexpr (detail::has_partial_update<V>)
                    if (method == Method::patch) return run("partial_update", with_pk(&V::partial_update));
                if constexpr (detail::has_destroy<V>)
                    if (method == Method::remove) return run("destroy", with_pk(&V::destroy));
                break;
            case detail::Kind::list_action:
            case detail::Kind::detail_action: {
                std::optional<http::Response> result;
                std::apply(
                    [&](const auto&... a) {
                        [[maybe_unused]] auto try_one = [&](const auto& act) {
                            if (result || act.url_path != match.url_path || !act.methods.contains(method)) return;
                            const bool is_detail = act.scope == viewsets::Scope::detail;
                            if (is_detail != (match.kind == detail::Kind::detail_action)) return;
                            constexpr auto fn = std::remove_cvref_t<decltype(act)>::function;
                            if constexpr (std::is_invocable_v<decltype(fn), V&, http::Request&>)
                                result = run(act.name, [&] { return (view.*fn)(request); });
                            else
                                result = run(act.name, with_pk(fn));
                        };
                        (try_one(a), ...);
                    },
                    V::extra_actions);
                if (result) return std::move(*result);
                break;
            }
        }
        if (method == Method::options) return options_response(request, match);
        throw http::MethodNotAllowed(http::to_string(method));
    }

    // DRF's OPTIONS (SimpleMetadata), reduced to what holds for a JSON API.
    static http::Response options_response(const http::Request&, const detail::Match&) {
        return http::Response(Json{{"renders", Json::array({"application/json"})}, {"parses", Json::array({"application/json"})}});
    }

    auth::Authenticators authenticators_;
    std::shared_ptr<const http::HostSettings> hosts_ = http::default_host_settings();
    std::unordered_map<std::string, std::shared_ptr<detail::Entry>, detail::StringHash, std::equal_to<>> entries_;
};

}  // namespace drf::routers
