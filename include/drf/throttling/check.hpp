// drf/throttling/check.hpp — DRF's APIView.check_throttles: the view's throttles (or its action's),
// run after authentication and permissions; a refusal is 429 with Retry-After. check_rates runs when a
// view is registered, so a throttle without a rate stops the service at start rather than its requests.
#pragma once

#include <drf/core/clock.hpp>
#include <drf/core/type_name.hpp>
#include <drf/http/exceptions.hpp>
#include <drf/http/request.hpp>
#include <drf/http/response.hpp>
#include <drf/throttling/concept.hpp>
#include <drf/throttling/settings.hpp>

#include <algorithm>
#include <concepts>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

namespace drf::throttling {

// What the throttles decided for an accepted request: the RateLimit fields to add to its response,
// when the settings ask for them (empty otherwise).
struct Outcome {
    std::string rate_limit_policy;  // RateLimit-Policy: "anon";q=60;w=60
    std::string rate_limit;         // RateLimit: "anon";r=59;t=60

    void apply(http::Response& response) const {
        if (rate_limit_policy.empty()) return;
        response.header("RateLimit-Policy", rate_limit_policy);
        response.header("RateLimit", rate_limit);
    }
};

// Used for the standard actions, which declare no throttles of their own.
struct NoAction {};

namespace detail {

template <class V>
concept declares_throttle_classes = requires { V::throttle_classes; };
template <class A>
concept declares_action_throttles = requires(const A& action) { action.throttles; };
template <class V>
concept declares_throttle_scope = requires {
    { V::throttle_scope } -> std::convertible_to<std::string_view>;
};
template <class V>
concept has_action_name = requires(const V& view) {
    { view.action } -> std::convertible_to<std::string_view>;
};

template <class View>
ViewInfo view_info(std::string_view action) {
    ViewInfo info{type_name<View>(), {}, action};
    if constexpr (declares_throttle_scope<View>) info.throttle_scope = View::throttle_scope;
    return info;
}

// Calls f(throttle, name) for each throttle of a compile-time list or of the settings' runtime one.
template <class... T, class F>
void for_each_throttle(const std::tuple<T...>& list, F&& f) {
    std::apply([&](const auto&... throttle) { (f(throttle, type_name<T>()), ...); }, list);
}
template <class F>
void for_each_throttle(const std::vector<AnyThrottle>& list, F&& f) {
    for (const AnyThrottle& throttle : list) f(throttle, throttle.name());
}

template <class T>
std::optional<Applied> apply_one(const T& throttle, const http::Request& request, const ViewInfo& view,
                                 const Settings& settings, DateTime now) {
    return evaluate(throttle, request, view, settings, now);
}
inline std::optional<Applied> apply_one(const AnyThrottle& throttle, const http::Request& request, const ViewInfo& view,
                                        const Settings& settings, DateTime now) {
    return throttle.evaluate(request, view, settings, now);
}

template <class T>
std::optional<std::string_view> needs_rate(const T& throttle, const ViewInfo& view) {
    return scope_needing_rate(throttle, view);
}
inline std::optional<std::string_view> needs_rate(const AnyThrottle& throttle, const ViewInfo& view) {
    return throttle.scope_needing_rate(view);
}

template <class List>
constexpr bool is_empty_list(const List& list) {
    if constexpr (requires { std::tuple_size<List>::value; })
        return std::tuple_size_v<List> == 0;
    else
        return list.empty();
}

// A structured-field String (RFC 8941): quoted, with '"' and '\' escaped; other than printable ASCII
// cannot be sent and is left out.
inline void append_sf_string(std::string& out, std::string_view text) {
    out += '"';
    for (const char c : text) {
        if (c < 0x20 || c > 0x7e) continue;
        if (c == '"' || c == '\\') out += '\\';
        out += c;
    }
    out += '"';
}

// The RateLimit-Policy and RateLimit items of one throttle (draft-ietf-httpapi-ratelimit-headers).
inline void append_rate_limit(Outcome& outcome, const Applied& applied) {
    if (!applied.rate) return;  // a custom throttle states no policy
    if (!outcome.rate_limit_policy.empty()) {
        outcome.rate_limit_policy += ", ";
        outcome.rate_limit += ", ";
    }
    append_sf_string(outcome.rate_limit_policy, applied.scope);
    outcome.rate_limit_policy += ";q=" + std::to_string(applied.rate->num_requests) + ";w=" +
                                 std::to_string(applied.rate->duration);
    append_sf_string(outcome.rate_limit, applied.scope);
    outcome.rate_limit += ";r=" + std::to_string(applied.decision.remaining) + ";t=" +
                          std::to_string(applied.decision.reset);
}

template <class List>
Outcome run(const List& list, const http::Request& request, const ViewInfo& view, const Settings& settings) {
    const DateTime now = drf::now();
    Outcome outcome;
    bool refused = false;
    double wait = 0;
    // Every throttle runs, even after one refused: each counts the request, as in DRF.
    for_each_throttle(list, [&](const auto& throttle, std::string_view) {
        const std::optional<Applied> applied = apply_one(throttle, request, view, settings, now);
        if (!applied) return;
        if (!applied->decision.allowed) {
            refused = true;
            wait = std::max(wait, applied->decision.wait);
        }
        if (settings.rate_limit_headers) append_rate_limit(outcome, *applied);
    });
    if (refused) {
        http::Throttled error(wait);
        if (!outcome.rate_limit_policy.empty()) {
            error.add_header("RateLimit-Policy", outcome.rate_limit_policy);
            error.add_header("RateLimit", outcome.rate_limit);
        }
        throw error;
    }
    return outcome;
}

[[noreturn]] inline void no_settings(std::string_view view, std::string_view where) {
    throw std::invalid_argument("drf::throttling: " + std::string(view) + " declares throttles (" + std::string(where) +
                                ") but the router's context has no throttling settings: set "
                                "drf::views::Context::throttling to a drf::throttling::Settings");
}

template <class View, class List>
void check_list_rates(const List& list, const Settings& settings, const ViewInfo& view, std::string_view where) {
    for_each_throttle(list, [&](const auto& throttle, std::string_view name) {
        const std::optional<std::string_view> scope = needs_rate(throttle, view);
        if (!scope || settings.rates.contains(*scope)) return;
        throw std::invalid_argument("drf::throttling: " + std::string(view.name) + "'s throttle " + std::string(name) +
                                    " (" + std::string(where) + ") uses the scope '" + std::string(*scope) +
                                    "', which has no rate: add it to drf::throttling::Settings::rates (DRF: No "
                                    "default throttle rate set for '" + std::string(*scope) + "' scope)");
    });
}

}  // namespace detail

// DRF's check_throttles for `view` serving `request`: the action's throttles when it declares them
// (`.throttle_classes(...)` on an extra action), else the view's `throttle_classes`, else the
// settings' defaults. Every throttle counts the request; when any refuses, http::Throttled (429) with
// the longest wait. No settings: nothing is throttled (check_rates refused any view that declares
// throttles then).
template <class View, class Action = NoAction>
Outcome check_throttles(const View& view, const http::Request& request, const Settings* settings, const Action& action = {}) {
    std::string_view action_name;
    if constexpr (detail::has_action_name<View>) action_name = view.action;
    const auto run = [&](const auto& list) -> Outcome {
        if (!settings) {
            if (detail::is_empty_list(list)) return {};
            detail::no_settings(type_name<View>(), "throttle_classes");
        }
        return detail::run(list, request, detail::view_info<View>(action_name), *settings);
    };
    if constexpr (detail::declares_action_throttles<Action>)
        return run(action.throttles);
    else if constexpr (detail::declares_throttle_classes<View>)
        return run(View::throttle_classes);
    else if (settings)
        return run(settings->default_throttle_classes);
    else
        return {};
}

// Checked when View is registered: every scope its throttles (its own, its extra actions', or the
// settings' defaults) count under has a rate in `settings`, and a view that declares throttles has
// settings at all. std::invalid_argument naming the view, the throttle and the scope otherwise.
template <class View>
void check_rates(const Settings* settings) {
    const ViewInfo view = detail::view_info<View>({});
    const auto check = [&](const auto& list, std::string_view where) {
        if (!settings) {
            if (!detail::is_empty_list(list)) detail::no_settings(view.name, where);
            return;
        }
        detail::check_list_rates<View>(list, *settings, view, where);
    };
    if constexpr (detail::declares_throttle_classes<View>)
        check(View::throttle_classes, "throttle_classes");
    else if (settings)
        check(settings->default_throttle_classes, "DEFAULT_THROTTLE_CLASSES");
    if constexpr (requires { View::extra_actions; }) {
        std::apply(
            [&](const auto&... action) {
                [[maybe_unused]] const auto one = [&](const auto& a) {
                    if constexpr (detail::declares_action_throttles<std::remove_cvref_t<decltype(a)>>)
                        check(a.throttles, "the action " + std::string(a.name) + "'s throttle_classes");
                };
                (one(action), ...);
            },
            View::extra_actions);
    }
}

}  // namespace drf::throttling
