// drf/throttling/throttles.hpp — DRF's built-in throttles (AnonRateThrottle, UserRateThrottle,
// ScopedRateThrottle) and throttles(...), the list a view declares:
//     static constexpr auto throttle_classes = drf::throttling::throttles(AnonRateThrottle{}, UserRateThrottle{});
// A throttle of one's own derives from one of them with another scope (and, if it likes, a fixed rate):
//     struct ArchiveRateThrottle : drf::throttling::UserRateThrottle {
//         static constexpr std::string_view scope = "archive";
//     };
#pragma once

#include <drf/core/uuid.hpp>
#include <drf/http/request.hpp>
#include <drf/throttling/concept.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <type_traits>

namespace drf::throttling {

namespace detail {

// Django's request.user.pk as text: the user model's id ("3f2b…" for drf::auth::User's UUID).
template <class Id>
std::string pk_text(const Id& id) {
    if constexpr (std::is_arithmetic_v<Id>) {
        return std::to_string(id);
    } else if constexpr (std::is_convertible_v<const Id&, std::string_view>) {
        return std::string(std::string_view(id));
    } else {
        using drf::to_string;  // drf::Uuid, the library's models' id
        using std::to_string;
        return to_string(id);
    }
}

}  // namespace detail

// The request functions below take the request type as a template parameter, as the permissions do:
// request.user() then looks the user model up where the throttle is used, so this header needs no auth.

// DRF's AnonRateThrottle: anonymous requests, by address, in scope "anon"; an authenticated user is not
// throttled by it.
struct AnonRateThrottle {
    static constexpr std::string_view scope = "anon";

    template <class Request = http::Request>
    std::optional<std::string> get_cache_key(const Request& request, const Call& call) const {
        if (request.user().is_authenticated()) return std::nullopt;  // only unauthenticated requests
        return call.cache_key(call.get_ident(request));
    }
};

// DRF's UserRateThrottle: a user by their id, an anonymous request by its address, in scope "user".
struct UserRateThrottle {
    static constexpr std::string_view scope = "user";

    template <class Request = http::Request>
    std::optional<std::string> get_cache_key(const Request& request, const Call& call) const {
        const auto& user = request.user();
        if (user.is_authenticated()) return call.cache_key(detail::pk_text(user.id));
        return call.cache_key(call.get_ident(request));
    }
};

// DRF's ScopedRateThrottle: the scope is the view's
//     static constexpr std::string_view throttle_scope = "uploads";
// (its rate from the settings), keyed as UserRateThrottle. A view without one is not throttled by it.
struct ScopedRateThrottle {
    std::string_view get_scope(const ViewInfo& view) const noexcept { return view.throttle_scope; }

    template <class Request = http::Request>
    std::optional<std::string> get_cache_key(const Request& request, const Call& call) const {
        const auto& user = request.user();
        if (user.is_authenticated()) return call.cache_key(detail::pk_text(user.id));
        return call.cache_key(call.get_ident(request));
    }
};

// A view's (or an extra action's) throttle_classes, in DRF's order; every one of them counts each
// request. throttles() is an empty list: no throttling, whatever the settings' defaults.
template <class... T>
constexpr std::tuple<T...> throttles(T... throttle) {
    static_assert((detail::throttle_check<T> && ...));
    return {throttle...};
}

}  // namespace drf::throttling
