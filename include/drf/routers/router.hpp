// drf/routers/router.hpp — Router (rest_framework.routers.SimpleRouter): register_viewset<V>("projects")
// generates DRF's routes — ^projects/$, ^projects/{pk}/$, and one per extra action, named
// <basename>-list, <basename>-detail, <basename>-<url_name> — and finds the route a path names. What
// happens to the request then (authentication, permissions, the action, DRF's error responses) is the
// view's: drf/views/dispatch.hpp. Lookup is by hash of the path's leading segments, so its cost does
// not grow with the number of viewsets. Before and around all of it: the host check, and CORS
// (django-cors-headers' preflight answer and response headers) when the context has settings for it.
#pragma once

#include <drf/auth/base.hpp>
#include <drf/cors/detail/hook.hpp>
#include <drf/db/databases.hpp>
#include <drf/http/hosts.hpp>
#include <drf/http/method.hpp>
#include <drf/http/request.hpp>
#include <drf/http/response.hpp>
#include <drf/openapi/describe.hpp>
#include <drf/views/context.hpp>
#include <drf/views/dispatch.hpp>
#include <drf/views/view.hpp>
#include <drf/viewsets/actions.hpp>
#include <drf/viewsets/viewset.hpp>

#include <cstddef>
#include <exception>
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

inline std::string url_name_of(std::string_view name, std::string_view explicit_name) {
    std::string out(explicit_name.empty() ? name : explicit_name);
    if (explicit_name.empty())
        for (char& c : out)
            if (c == '_') c = '-';
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
    views::View view;
    const openapi::ViewSetSchema* schema = nullptr;  // described only when a document is asked for

    const viewsets::MethodSet& methods(const views::Match& match) const {
        switch (match.kind) {
            case views::RouteKind::list: return list_methods;
            case views::RouteKind::detail: return detail_methods;
            case views::RouteKind::list_action: return list_actions.at(std::string(match.url_path));
            case views::RouteKind::detail_action: break;
        }
        return detail_actions.at(std::string(match.url_path));
    }
};

struct StringHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const noexcept { return std::hash<std::string_view>{}(s); }
};

}  // namespace detail

class Router {
public:
    // Every viewset registered here is built from `context` (its databases) for each request, and served
    // with its authenticators and host settings.
    // Context::cors is checked here (std::invalid_argument with django-cors-headers' check messages).
    explicit Router(views::Context context = {}) : context_(std::make_shared<views::Context>(std::move(context))) {
        if (!context_->hosts) context_->hosts = http::default_host_settings();
        if (context_->cors) cors_ = cors::detail::make_hook(*context_->cors);
    }
    // The authenticators every request goes through, in order (DRF's DEFAULT_AUTHENTICATION_CLASSES),
    // and nothing else in the context.
    explicit Router(auth::Authenticators authenticators)
        : Router(views::Context{.databases = nullptr, .authenticators = std::move(authenticators)}) {}

    // router.register_viewset<ProjectViewSet>("api/projects"): a ProjectViewSet is built for each request
    // from the router's context — ProjectViewSet(const drf::views::Context&), or
    // ProjectViewSet(drf::db::Databases&), or ProjectViewSet{} (drf::views::make_view).
    // Routes are named <basename>-list, <basename>-detail and <basename>-<url_name>, as DRF's; the
    // basename (DRF's register(prefix, viewset, basename=...)) defaults to the prefix's last segment,
    // "api/projects" → "projects". A basename another prefix already uses is std::invalid_argument.
    template <class V>
    void register_viewset(std::string prefix, std::optional<std::string> basename = std::nullopt) {
        if constexpr (!views::constructible_from_context<V> && views::constructible_from_databases<V>)
            if (!context_->databases)
                throw std::invalid_argument("drf::routers::Router::register_viewset: the viewset for '" + prefix +
                                            "' is built from the databases, and the router's context has none: "
                                            "Router(drf::views::Context{.databases = &databases, ...})");
        auto factory = [context = std::shared_ptr<const views::Context>(context_)] { return views::make_view<V>(*context); };
        add<V>(std::move(prefix), views::as_view<V>(std::move(factory)), std::move(basename));
    }
    template <class V>
    void register_viewset(std::string prefix, const char* basename) {
        register_viewset<V>(std::move(prefix), std::optional<std::string>(basename));
    }
    // ... built by a factory of one's own instead, for a viewset that needs what the context does not
    // hold: register_viewset<V>("api/projects", [&] { return V{db, mailer}; }, "project").
    template <class V, class Factory>
        requires std::is_invocable_r_v<V, const Factory&>
    void register_viewset(std::string prefix, Factory factory, std::optional<std::string> basename = std::nullopt) {
        add<V>(std::move(prefix), views::as_view<V>(std::move(factory)), std::move(basename));
    }

    // A plain view at one exact path, outside the viewsets' routes (Django's path("static/app.js", view)):
    // for files and pages that need no authentication, permissions or DRF's request cycle, such as the
    // assets of the API's documentation pages. `view` answers GET (and HEAD, without the body); any
    // other method is 405 with Allow. `path` starts with '/'; a path given twice replaces the view.
    void register_path(std::string path, std::function<http::Response(const http::Request&)> view) {
        if (path.empty() || path.front() != '/')
            throw std::invalid_argument("drf::routers::Router::register_path: the path must start with '/': '" + path + "'");
        paths_[std::move(path)] = std::move(view);
    }
    // Whether `path` is one register_path gave a view: a file or page outside the API and its OpenAPI
    // document.
    bool is_registered_path(const std::string& path) const { return paths_.count(path) != 0; }

    // Every generated route, in the order the viewsets were registered (DRF's router.urls): per viewset
    // the list route, the detail route, then the extra actions in declaration order.
    std::vector<RouteInfo> routes() const {
        std::vector<RouteInfo> out;
        for (const auto& entry : order_)
            for (const auto& r : entry->routes) out.push_back(r);
        return out;
    }

    // Every registered viewset with its routes as OpenAPI paths ("/api/projects/{id}/"), in registration
    // order, for drf::openapi::SchemaGenerator.
    std::vector<openapi::Endpoint> endpoints() const {
        std::vector<openapi::Endpoint> out;
        for (const auto& entry : order_) {
            openapi::Endpoint endpoint{entry->prefix, entry->basename, {}, entry->schema};
            for (const auto& r : entry->routes) {
                // "^api/projects/{pk}/archive/$" → "/api/projects/{id}/archive/"
                std::string path = "/" + r.pattern.substr(1, r.pattern.size() - 2);
                const auto pk = path.find("{pk}");
                if (pk != std::string::npos) path.replace(pk, 4, "{" + std::string(entry->schema->lookup) + "}");
                endpoint.routes.push_back({std::move(path), pk != std::string::npos, r.actions});
            }
            out.push_back(std::move(endpoint));
        }
        return out;
    }

    // What the views are built from and served with.
    const views::Context& context() const noexcept { return *context_; }

    // Django's ALLOWED_HOSTS, SECURE_PROXY_SSL_HEADER and USE_X_FORWARDED_HOST for every request served.
    // Set it before serving; by default only the local machine's names are allowed.
    void set_host_settings(http::HostSettings settings) {
        context_->hosts = std::make_shared<const http::HostSettings>(std::move(settings));
    }
    const http::HostSettings& host_settings() const noexcept { return *context_->hosts; }

    // Serves a request. Never throws: every failure becomes DRF's response for it.
    http::Response dispatch(http::Request& request) const noexcept { return dispatch(request, context_->hosts); }

    // Serves a request under other host settings than the router's (the test client adds "testserver",
    // as Django's test runner does).
    http::Response dispatch(http::Request& request, std::shared_ptr<const http::HostSettings> hosts) const noexcept {
        try {
            request.set_host_settings(std::move(hosts));
            // Django's CommonMiddleware reads get_host() first: a Host that is not allowed is 400 before
            // authentication, routing or a view could build a link from it. It comes before CORS too
            // (Django would run CorsMiddleware first): an untrusted Host gets no CORS answer.
            (void)request.get_host();
        } catch (...) {
            return views::handle_exception(std::current_exception(), request, context_->authenticators);
        }
        if (!cors_) return serve(request);
        // django-cors-headers: on a path CORS_URLS_REGEX enables, a preflight is answered before anything
        // else runs, and every response — errors, 404s, 405s, register_path pages — gets the headers.
        if (!cors_->is_enabled(request.path())) return serve(request);
        try {
            http::Response response = cors_->is_preflight(request) ? cors::detail::preflight_response() : serve(request);
            cors_->process_response(request, response);
            return response;
        } catch (...) {
            return views::handle_exception(std::current_exception(), request, context_->authenticators);
        }
    }

private:
    // Everything after the host check and the CORS preflight.
    http::Response serve(http::Request& request) const noexcept {
        try {
            if (!paths_.empty())  // most routers have none: no hash of the path on every request then
                if (const auto it = paths_.find(request.path()); it != paths_.end()) return serve_path(it->second, request);
            const auto [entry, match] = resolve(request.path());
            const auto run = [&, e = entry, &m = match] {  // named: clang 14 cannot capture structured bindings
                return views::dispatch(e->view, request, m, e->methods(m), *context_);
            };
            // A GET's reads (the authenticator's, the permissions', the view's) in one read transaction
            // where that is cheaper (db::Database::grouped_reads: SQLite): a write ends it first. Only on
            // a thread whose connection is open already, so that a view without the database never opens one.
            const http::Method method = request.method();
            if (context_->databases && (method == http::Method::get || method == http::Method::head))
                if (db::Database* database = context_->databases->current())
                    return database->grouped_reads(run);
            return run();
        } catch (...) {
            return views::handle_exception(std::current_exception(), request, context_->authenticators);
        }
    }

    template <class V>
    void add(std::string prefix, views::View view, std::optional<std::string> basename) {
        while (!prefix.empty() && prefix.front() == '/') prefix.erase(0, 1);
        while (!prefix.empty() && prefix.back() == '/') prefix.pop_back();
        auto entry = std::make_shared<detail::Entry>();
        entry->basename = basename ? std::move(*basename) : detail::default_basename(prefix);
        for (const auto& other : order_)
            if (other->prefix != prefix && other->basename == entry->basename)
                throw std::invalid_argument("drf::routers::Router::register_viewset: the basename '" + entry->basename +
                                            "' is already registered, for '" + other->prefix +
                                            "'; give '" + prefix + "' a unique one: register_viewset<V>(\"" + prefix +
                                            "\", \"<basename>\")");
        entry->prefix = prefix;
        throttling::check_rates<V>(context_->throttling.get());
        build_routes<V>(*entry);
        entry->view = std::move(view);
        entry->schema = &openapi::viewset_schema<V>;
        // Registering a prefix again replaces its viewset, in the place the prefix first had.
        if (const auto it = entries_.find(prefix); it != entries_.end()) {
            for (auto& e : order_)
                if (e == it->second) e = entry;
            it->second = entry;
        } else {
            order_.push_back(entry);
            entries_.emplace(prefix, std::move(entry));
        }
    }

    static http::Response serve_path(const std::function<http::Response(const http::Request&)>& view,
                                     const http::Request& request) {
        const Method method = request.method();
        if (method != Method::get && method != Method::head) {
            http::Response refused(Json{{"detail", "Method \"" + std::string(http::to_string(method)) + "\" not allowed."}},
                                   http::status::HTTP_405_METHOD_NOT_ALLOWED);
            refused.header("Allow", "GET, HEAD");
            return refused;
        }
        http::Response response = view(request);
        if (method != Method::head) return response;
        http::Response head = http::Response::no_content(response.status_code());
        for (const auto& [name, value] : response.headers()) head.header(name, value);
        return head;
    }

    // The registered viewset and route a path names; NotFound when none does.
    std::pair<const detail::Entry*, views::Match> resolve(const std::string& path) const {
        using views::RouteKind;
        // DRF's routes all end with '/', and start after the leading one.
        if (path.size() < 2 || path.front() != '/' || path.back() != '/') throw http::NotFound();
        const std::string_view inner = std::string_view(path).substr(1, path.size() - 2);
        // Try the whole path as a prefix (list route), then with the last one or two segments split off.
        const auto last = inner.rfind('/');
        if (const auto it = entries_.find(inner); it != entries_.end())
            return {it->second.get(), {RouteKind::list, {}, {}}};
        if (last == std::string_view::npos) throw http::NotFound();
        const std::string_view head = inner.substr(0, last);
        const std::string_view tail = inner.substr(last + 1);
        if (const auto it = entries_.find(head); it != entries_.end()) {
            const auto& entry = *it->second;
            if (entry.list_actions.count(std::string(tail))) return {&entry, {RouteKind::list_action, {}, tail}};
            if (valid_pk(tail) && !entry.detail_methods.empty()) return {&entry, {RouteKind::detail, tail, {}}};
            throw http::NotFound();
        }
        const auto before = head.rfind('/');
        if (before == std::string_view::npos) throw http::NotFound();
        if (const auto it = entries_.find(head.substr(0, before)); it != entries_.end()) {
            const auto& entry = *it->second;
            const std::string_view pk = head.substr(before + 1);
            if (entry.detail_actions.count(std::string(tail)) && valid_pk(pk))
                return {&entry, {RouteKind::detail_action, pk, tail}};
        }
        throw http::NotFound();
    }

    // DRF's default lookup_value_regex: [^/.]+
    static bool valid_pk(std::string_view pk) {
        return !pk.empty() && pk.find('/') == std::string_view::npos && pk.find('.') == std::string_view::npos;
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
        if constexpr (views::has_list<V>) entry.list_methods.add(Method::get), list.actions.emplace_back(Method::get, "list");
        if constexpr (views::has_create<V>) entry.list_methods.add(Method::post), list.actions.emplace_back(Method::post, "create");
        RouteInfo det{"^" + p + "/{pk}/$", b + "-detail", {}};
        if constexpr (views::has_retrieve<V>) entry.detail_methods.add(Method::get), det.actions.emplace_back(Method::get, "retrieve");
        if constexpr (views::has_update<V>) entry.detail_methods.add(Method::put), det.actions.emplace_back(Method::put, "update");
        if constexpr (views::has_partial_update<V>)
            entry.detail_methods.add(Method::patch), det.actions.emplace_back(Method::patch, "partial_update");
        if constexpr (views::has_destroy<V>)
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

    std::shared_ptr<views::Context> context_;
    std::shared_ptr<const cors::detail::Hook> cors_;  // a cors::Middleware from context_->cors; null: no CORS
    std::unordered_map<std::string, std::shared_ptr<detail::Entry>, detail::StringHash, std::equal_to<>> entries_;
    std::vector<std::shared_ptr<detail::Entry>> order_;  // registration order, for routes()
    std::unordered_map<std::string, std::function<http::Response(const http::Request&)>> paths_;  // register_path
};

}  // namespace drf::routers
