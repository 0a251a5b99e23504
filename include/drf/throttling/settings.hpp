// drf/throttling/settings.hpp — Settings, REST_FRAMEWORK's throttling keys (DEFAULT_THROTTLE_CLASSES,
// DEFAULT_THROTTLE_RATES, NUM_PROXIES) with the store the throttles count in, and AnyThrottle, the
// type-erased throttle the runtime list of defaults holds.
#pragma once

#include <drf/core/clock.hpp>
#include <drf/core/type_name.hpp>
#include <drf/http/request.hpp>
#include <drf/throttling/concept.hpp>
#include <drf/throttling/rate.hpp>
#include <drf/throttling/store.hpp>

#include <concepts>
#include <cstddef>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

namespace drf::throttling {

struct Settings;

namespace detail {

// What one throttle made of one request: its scope, its rate (none for a custom throttle) and the
// store's decision.
struct Applied {
    std::string_view scope;
    std::optional<Rate> rate;
    Decision decision;
};

template <class T>
std::optional<Applied> evaluate(const T& throttle, const http::Request& request, const ViewInfo& view,
                                const Settings& settings, DateTime now);

}  // namespace detail

// Any throttle, held by value behind a pointer: DEFAULT_THROTTLE_CLASSES is chosen at run time (from
// the environment, say), unlike a view's own list, which is a std::tuple known at compile time.
class AnyThrottle {
public:
    template <class T>
        requires(!std::same_as<std::remove_cvref_t<T>, AnyThrottle>)
    AnyThrottle(T throttle)  // NOLINT: implicit, so {AnonRateThrottle{}, UserRateThrottle{}} reads as DRF's list
        : self_(std::make_shared<const T>(std::move(throttle))),
          name_(type_name<T>()),
          evaluate_([](const void* self, const http::Request& request, const ViewInfo& view, const Settings& settings,
                       DateTime now) { return detail::evaluate(*static_cast<const T*>(self), request, view, settings, now); }),
          scope_needing_rate_([](const void* self, const ViewInfo& view) {
              return detail::scope_needing_rate(*static_cast<const T*>(self), view);
          }) {
        static_assert(detail::throttle_check<T>);
    }

    // The throttle's type, for messages.
    std::string_view name() const noexcept { return name_; }
    std::optional<detail::Applied> evaluate(const http::Request& request, const ViewInfo& view, const Settings& settings,
                                            DateTime now) const {
        return evaluate_(self_.get(), request, view, settings, now);
    }
    std::optional<std::string_view> scope_needing_rate(const ViewInfo& view) const {
        return scope_needing_rate_(self_.get(), view);
    }

private:
    std::shared_ptr<const void> self_;
    std::string_view name_;
    std::optional<detail::Applied> (*evaluate_)(const void*, const http::Request&, const ViewInfo&, const Settings&, DateTime);
    std::optional<std::string_view> (*scope_needing_rate_)(const void*, const ViewInfo&);
};

// REST_FRAMEWORK's throttling settings, given to the router in views::Context::throttling (null: no
// throttling, and a view that declares throttles is refused when it is registered).
struct Settings {
    // DEFAULT_THROTTLE_CLASSES: the throttles of every view that declares no throttle_classes.
    std::vector<AnyThrottle> default_throttle_classes = {};
    // DEFAULT_THROTTLE_RATES: scope -> rate, e.g. {{"anon", "60/minute"}, {"user", "1000/day"}}.
    Rates rates = {};
    // NUM_PROXIES: how many proxies in front of the service append to X-Forwarded-For (get_ident). 0,
    // the default, ignores X-Forwarded-For; DRF's default (None) trusts all of it, which lets any
    // client choose the address it is counted under.
    std::size_t num_proxies = 0;
    // Where the throttles count (DRF's cache). Each Settings has its own LocalStore unless given
    // another; null is the process's shared LocalStore.
    std::shared_ptr<Store> store = std::make_shared<LocalStore>();
    // Add the RateLimit-Policy and RateLimit fields (draft-ietf-httpapi-ratelimit-headers) to the
    // responses of throttled views, 429s included. DRF sends neither.
    bool rate_limit_headers = false;
};

namespace detail {

inline Store& process_store() {
    static LocalStore store;
    return store;
}

inline Store& store_of(const Settings& settings) { return settings.store ? *settings.store : process_store(); }

// The rate T counts against: its fixed one, else the settings' for its scope.
template <class T>
Rate rate_of(std::string_view scope, const Settings& settings, const ViewInfo& view) {
    if constexpr (has_fixed_rate<T>) {
        if constexpr (std::is_same_v<std::remove_cvref_t<decltype(T::rate)>, Rate>) {
            return T::rate;
        } else {
            static const Rate fixed(T::rate);  // parsed once; a bad one throws at the first request
            return fixed;
        }
    } else {
        if (const auto it = settings.rates.find(scope); it != settings.rates.end()) return it->second;
        throw std::logic_error("drf::throttling: No default throttle rate set for '" + std::string(scope) + "' scope (" +
                               std::string(type_name<T>()) + " on " + std::string(view.name) +
                               "): add it to Settings::rates");
    }
}

template <class T>
std::optional<Applied> evaluate(const T& throttle, const http::Request& request, const ViewInfo& view,
                                const Settings& settings, DateTime now) {
    if constexpr (CustomThrottle<T>) {
        const std::string_view scope = scope_of(throttle, view);
        const Call call{scope, view, settings.num_proxies, settings.rates, store_of(settings), now};
        return Applied{scope, std::nullopt, throttle.allow_request(request, call)};
    } else {
        const std::string_view scope = scope_of(throttle, view);
        if (scope.empty()) return std::nullopt;  // DRF: a view without throttle_scope is not throttled
        const Rate rate = rate_of<T>(scope, settings, view);
        const Call call{scope, view, settings.num_proxies, settings.rates, store_of(settings), now};
        const std::optional<std::string> key = throttle.get_cache_key(request, call);
        if (!key) return std::nullopt;
        return Applied{scope, rate, call.store.hit(*key, rate, now)};
    }
}

}  // namespace detail

}  // namespace drf::throttling
