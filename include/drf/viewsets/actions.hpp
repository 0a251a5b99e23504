// drf/viewsets/actions.hpp — extra viewset actions, DRF's @action(detail=..., methods=[...], url_path=...,
// url_name=...), declared at compile time:
//     static constexpr auto extra_actions = drf::viewsets::actions(
//         drf::viewsets::action<&ProjectViewSet::archive>("archive", drf::viewsets::detail, {Method::post}));
// An action overrides the view's renderers, parsers or throttles as DRF's @action(renderer_classes=...)
// does, with builders: action<&V::report>("report", list).renderer_classes(JSONRenderer{}, CsvRenderer{}).
#pragma once

#include <drf/http/method.hpp>
#include <drf/http/parsers.hpp>
#include <drf/http/renderers.hpp>

#include <cstdint>
#include <initializer_list>
#include <string_view>
#include <tuple>

namespace drf::viewsets {

// A set of HTTP methods as a bit mask (constexpr-friendly, unlike a container).
class MethodSet {
public:
    constexpr MethodSet() = default;
    constexpr MethodSet(std::initializer_list<http::Method> methods) {  // NOLINT: implicit for {Method::post}
        for (auto m : methods) add(m);
    }
    constexpr void add(http::Method m) { bits_ |= bit(m); }
    constexpr bool contains(http::Method m) const { return (bits_ & bit(m)) != 0; }
    constexpr bool empty() const { return bits_ == 0; }

private:
    static constexpr std::uint8_t bit(http::Method m) { return static_cast<std::uint8_t>(1U << static_cast<unsigned>(m)); }
    std::uint8_t bits_ = 0;
};

// detail=True / detail=False.
enum class Scope { list, detail };
inline constexpr Scope detail = Scope::detail;
inline constexpr Scope list = Scope::list;

namespace action_detail {

// An action's own renderers, parsers and throttles, each a member only once declared, so that
// `requires { act.throttles; }` tells an action that declares them from one that takes the view's.
struct Undeclared {};
template <class R>
struct RendererSlot {
    R renderers;
};
template <>
struct RendererSlot<Undeclared> {};
template <class P>
struct ParserSlot {
    P parsers;
};
template <>
struct ParserSlot<Undeclared> {};
template <class T>
struct ThrottleSlot {
    T throttles;
};
template <>
struct ThrottleSlot<Undeclared> {};

}  // namespace action_detail

template <auto Fn, class Renderers = action_detail::Undeclared, class Parsers = action_detail::Undeclared,
          class Throttles = action_detail::Undeclared>
struct Action : action_detail::RendererSlot<Renderers>, action_detail::ParserSlot<Parsers>, action_detail::ThrottleSlot<Throttles> {
    static constexpr auto function = Fn;
    std::string_view name;      // the method's name, as DRF's self.action
    Scope scope;
    MethodSet methods;
    std::string_view url_path;  // defaults to the name
    std::string_view url_name;  // defaults to the name with '_' as '-' (see route_name())

    // DRF's @action(renderer_classes=[...]): the renderers this action's route negotiates with, in
    // place of the view's. Declared again, the last declaration holds.
    template <class... R>
    constexpr auto renderer_classes(R... r) const {
        return with<decltype(http::renderers(r...)), Parsers, Throttles>({http::renderers(r...)}, *this, *this);
    }
    // DRF's @action(parser_classes=[...]): the parsers the action's request.data() uses.
    template <class... P>
    constexpr auto parser_classes(P... p) const {
        return with<Renderers, decltype(http::parsers(p...)), Throttles>(*this, {http::parsers(p...)}, *this);
    }
    // DRF's @action(throttle_classes=[...]): the throttles checked for this action instead of the
    // view's; none at all (throttle_classes()) turns them off for it.
    template <class... T>
    constexpr auto throttle_classes(T... t) const {
        return with<Renderers, Parsers, std::tuple<T...>>(*this, *this, {std::tuple<T...>{t...}});
    }

private:
    template <class R, class P, class T>
    constexpr Action<Fn, R, P, T> with(action_detail::RendererSlot<R> r, action_detail::ParserSlot<P> p, action_detail::ThrottleSlot<T> t) const {
        return {r, p, t, name, scope, methods, url_path, url_name};
    }
};

// action<&V::archive>("archive", detail, {Method::post}): a list-level action takes (Request&); a
// detail action takes (Request&, const std::string& pk) or (Request&, drf::Uuid pk).
template <auto Fn>
constexpr Action<Fn> action(std::string_view name, Scope scope, MethodSet methods = {http::Method::get},
                            std::string_view url_path = {}, std::string_view url_name = {}) {
    return {{}, {}, {}, name, scope, methods, url_path.empty() ? name : url_path, url_name};
}

template <class... A>
constexpr std::tuple<A...> actions(A... a) {
    return {a...};
}

}  // namespace drf::viewsets
