// drf/viewsets/actions.hpp — extra viewset actions, DRF's @action(detail=..., methods=[...], url_path=...,
// url_name=...), declared at compile time:
//     static constexpr auto extra_actions = drf::viewsets::actions(
//         drf::viewsets::action<&ProjectViewSet::archive>("archive", drf::viewsets::detail, {Method::post}));
#pragma once

#include <drf/http/method.hpp>

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

template <auto Fn>
struct Action {
    static constexpr auto function = Fn;
    std::string_view name;      // the method's name, as DRF's self.action
    Scope scope;
    MethodSet methods;
    std::string_view url_path;  // defaults to the name
    std::string_view url_name;  // defaults to the name with '_' as '-' (see route_name())
};

// action<&V::archive>("archive", detail, {Method::post}): a list-level action takes (Request&); a
// detail action takes (Request&, const std::string& pk) or (Request&, drf::Uuid pk).
template <auto Fn>
constexpr Action<Fn> action(std::string_view name, Scope scope, MethodSet methods = {http::Method::get},
                            std::string_view url_path = {}, std::string_view url_name = {}) {
    return {name, scope, methods, url_path.empty() ? name : url_path, url_name};
}

template <class... A>
constexpr std::tuple<A...> actions(A... a) {
    return {a...};
}

}  // namespace drf::viewsets
