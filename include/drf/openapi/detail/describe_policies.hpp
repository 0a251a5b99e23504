// drf/openapi/detail/describe_policies.hpp — what a view's or an extra action's HTTP policies say about
// its operations: whether it is throttled (429), the media types of its renderers and parsers, and the
// conditional requests it answers (ETag and 304, If-Match and 412, 428). Read from the declarations by
// their names, so that describing a viewset needs none of the policies' headers.
#pragma once

#include <drf/http/conditional.hpp>
#include <drf/http/method.hpp>
#include <drf/openapi/detail/describe_parts.hpp>

#include <algorithm>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <type_traits>
#include <vector>

namespace drf::openapi::detail {

// The standard actions (list, create, ...): they declare nothing of their own, the view does.
struct NoActionPolicies {};

// How many items a declaration holds: a tuple's size (drf::throttling::throttles(...),
// drf::http::renderers(...)), that of its `items`, or its size().
template <class T>
constexpr std::size_t declared_count(const T& t) {
    if constexpr (requires { std::tuple_size<T>::value; })
        return std::tuple_size_v<T>;
    else if constexpr (requires { t.items; })
        return declared_count(t.items);
    else if constexpr (requires { t.size(); })
        return static_cast<std::size_t>(t.size());
    else
        return 1;
}

template <class T, class F>
void for_each_declared(const T& t, F&& f) {
    if constexpr (requires { std::tuple_size<T>::value; })
        std::apply([&](const auto&... x) { (f(x), ...); }, t);
    else if constexpr (requires { t.items; })
        for_each_declared(t.items, f);
    else if constexpr (requires { t.begin(); t.end(); })
        for (const auto& x : t) f(x);
    else
        f(t);
}

// The media types of renderers or parsers, each without its parameters ("text/csv; charset=utf-8" is
// "text/csv"), once each, in order: drf-spectacular's map_renderers('media_type') and map_parsers.
template <class T>
std::vector<std::string> media_types_of(const T& declared) {
    std::vector<std::string> out;
    for_each_declared(declared, [&](const auto& r) {
        std::string_view type = r.media_type;
        type = type.substr(0, type.find(';'));
        while (!type.empty() && type.back() == ' ') type.remove_suffix(1);
        if (std::find(out.begin(), out.end(), type) == out.end()) out.emplace_back(type);
    });
    return out;
}

// The action's throttles (Action::throttle_classes(...)), else the view's throttle_classes; nullopt
// when neither declares any, leaving it to the settings' default_throttle_classes. An empty
// declaration means no throttles, as DRF's `throttle_classes = []`.
template <class V, class A>
std::optional<bool> declared_throttles(const A& act) {
    if constexpr (requires { act.throttles; })
        return declared_count(act.throttles) > 0;
    else if constexpr (requires { V::throttle_classes; })
        return declared_count(V::throttle_classes) > 0;
    else
        return std::nullopt;
}

// The renderers' and parsers' media types, the action's own over the view's; JSON when neither
// declares them (the defaults, JSONRenderer and JSONParser).
template <class V, class A>
void apply_media_types(Operation& op, const A& act) {
    if constexpr (requires { act.renderers; })
        op.response_media_types = media_types_of(act.renderers);
    else if constexpr (requires { V::renderer_classes; })
        op.response_media_types = media_types_of(V::renderer_classes);
    if constexpr (requires { act.parsers; })
        op.request_media_types = media_types_of(act.parsers);
    else if constexpr (requires { V::parser_classes; })
        op.request_media_types = media_types_of(V::parser_classes);
}

// drf::http::ConditionalRequests on the viewset: `.etags` for every GET (conditional GET runs on any
// GET of the viewset answered 200: list, retrieve, an extra action's), `.if_match` and
// `.require_if_match` for PUT, PATCH and DELETE, the writes that check their preconditions.
template <class V>
void apply_conditional(Operation& op) {
    constexpr http::ConditionalRequests c = http::conditional_requests_of<V>();
    const bool write = op.method == http::Method::put || op.method == http::Method::patch || op.method == http::Method::remove;
    op.etags = op.method == http::Method::get && c.etags;
    op.if_match = write && (c.if_match || c.require_if_match);
    op.require_if_match = write && c.require_if_match;
}

template <class V, class A>
void apply_policies(Operation& op, const A& act) {
    op.throttled = declared_throttles<V>(act);
    apply_media_types<V>(op, act);
    apply_conditional<V>(op);
}

}  // namespace drf::openapi::detail
