// drf/throttling/concept.hpp — what a throttle is: DRF's SimpleRateThrottle shape (a scope, perhaps a
// fixed rate, and get_cache_key), or any type answering allow_request with a Decision; and the Call a
// throttle is given with the request (DRF gives it the view; here, what it needs of it and the settings).
#pragma once

#include <drf/core/datetime.hpp>
#include <drf/http/request.hpp>
#include <drf/throttling/ident.hpp>
#include <drf/throttling/rate.hpp>
#include <drf/throttling/store.hpp>

#include <concepts>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace drf::throttling {

// What a throttle may read of the view it guards.
struct ViewInfo {
    std::string_view name;            // the view's type, for messages
    std::string_view throttle_scope;  // the view's `throttle_scope`; "" when it declares none
    std::string_view action;          // DRF's view.action ("list", "archive", ...); "" outside a viewset
};

// One throttle's view of one request.
struct Call {
    // The throttle's scope: its own `scope`, or the view's throttle_scope for ScopedRateThrottle.
    std::string_view scope;
    const ViewInfo& view;
    std::size_t num_proxies;  // Settings::num_proxies
    const Rates& rates;       // Settings::rates
    Store& store;             // Settings::store
    DateTime now;             // drf::now(), read once for all the throttles of a request

    // DRF's get_ident(request) under the settings' num_proxies.
    std::string get_ident(const http::Request& request) const { return throttling::get_ident(request, num_proxies); }
    // DRF's cache_format: "throttle_<scope>_<ident>".
    std::string cache_key(std::string_view ident) const {
        std::string key;
        key.reserve(10 + scope.size() + ident.size());
        key += "throttle_";
        key += scope;
        key += '_';
        key += ident;
        return key;
    }
};

// The scope a throttle type names: `static constexpr std::string_view scope = "archive";`.
template <class T>
concept has_scope = requires {
    { T::scope } -> std::convertible_to<std::string_view>;
};
// ... or takes from the view (ScopedRateThrottle): get_scope(view), "" for a view it does not apply to.
template <class T>
concept has_view_scope = requires(const T& t, const ViewInfo& view) {
    { t.get_scope(view) } -> std::convertible_to<std::string_view>;
};
// DRF's `rate` attribute, which wins over the settings: `static constexpr drf::throttling::Rate rate{"10/minute"};`
// (or a std::string_view, read when the throttle is first used).
template <class T>
concept has_fixed_rate = requires { Rate(T::rate); };

// DRF's SimpleRateThrottle: the store counts the request under get_cache_key's key against the scope's
// rate; std::nullopt does not throttle the request.
template <class T>
concept RateThrottle = (has_scope<T> || has_view_scope<T>) &&
                       requires(const T& t, const http::Request& request, const Call& call) {
                           { t.get_cache_key(request, call) } -> std::convertible_to<std::optional<std::string>>;
                       };

// DRF's BaseThrottle: allow_request decides alone (it may count in call.store); a refusal's wait is
// the Decision's.
template <class T>
concept CustomThrottle = requires(const T& t, const http::Request& request, const Call& call) {
    { t.allow_request(request, call) } -> std::same_as<Decision>;
};

template <class T>
concept Throttle = std::copy_constructible<T> && (RateThrottle<T> || CustomThrottle<T>);

namespace detail {

template <class T>
inline constexpr bool throttle_check = [] {
    static_assert(Throttle<T>,
                  "drf::throttling: not a throttle. A throttle is copyable and either a rate throttle — "
                  "`static constexpr std::string_view scope` (or get_scope(const ViewInfo&)) and "
                  "`std::optional<std::string> get_cache_key(const http::Request&, const Call&) const`, e.g. a "
                  "struct deriving from UserRateThrottle with its own scope — or has "
                  "`Decision allow_request(const http::Request&, const Call&) const`");
    return Throttle<T>;
}();

// The scope T counts under for `view`: its own, else the view's ("" : T does not apply).
template <class T>
std::string_view scope_of(const T& throttle, const ViewInfo& view) {
    if constexpr (has_scope<T>)
        return std::string_view(T::scope);
    else if constexpr (has_view_scope<T>)
        return std::string_view(throttle.get_scope(view));
    else
        return {};
}

// The scope whose rate the settings must give T on `view`; nullopt when T needs none (a fixed rate, a
// custom throttle, a scoped throttle on a view without a scope).
template <class T>
std::optional<std::string_view> scope_needing_rate(const T& throttle, const ViewInfo& view) {
    if constexpr (CustomThrottle<T> || has_fixed_rate<T>) {
        return std::nullopt;
    } else {
        const std::string_view scope = scope_of(throttle, view);
        if (scope.empty()) return std::nullopt;
        return scope;
    }
}

}  // namespace detail

}  // namespace drf::throttling
