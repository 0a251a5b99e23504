// drf/throttling/ident.hpp — get_ident, DRF's BaseThrottle.get_ident: the address a request is counted
// under, read from X-Forwarded-For only as far as the configured number of proxies vouches for it.
#pragma once

#include <drf/core/detail/strings.hpp>
#include <drf/http/request.hpp>

#include <algorithm>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace drf::throttling {

// DRF's get_ident with NUM_PROXIES = num_proxies: 0 is REMOTE_ADDR (the peer), whatever
// X-Forwarded-For says; n > 0 is the n-th address from the end of X-Forwarded-For — the one the
// outermost of the n trusted proxies saw — or its first address when it lists fewer (REMOTE_ADDR when
// there is no X-Forwarded-For). Addresses a client wrote itself come before the proxies' and are never
// chosen while n is right. Several X-Forwarded-For fields are read as one, comma-joined, as Django's
// request.META has them. DRF's NUM_PROXIES=None (its default: all of X-Forwarded-For, spaces removed)
// is not offered: a client could then pick its own identity.
inline std::string get_ident(const http::Request& request, std::size_t num_proxies) {
    if (num_proxies == 0) return request.remote_addr();
    std::string storage;
    const std::optional<std::string_view> header = request.headers().joined("X-Forwarded-For", storage);
    if (!header) return request.remote_addr();
    const std::string_view xff = *header;
    // addrs[-min(num_proxies, len(addrs))]: count the commas to find where that address starts.
    std::size_t addresses = 1;
    for (const char c : xff) addresses += c == ',';
    const std::size_t skip = addresses - std::min(num_proxies, addresses);  // addresses before the chosen one
    std::size_t start = 0;
    for (std::size_t i = 0; i < skip; ++i) start = xff.find(',', start) + 1;
    const std::size_t end = std::min(xff.find(',', start), xff.size());
    return std::string(drf::detail::trim(xff.substr(start, end - start), drf::detail::is_python_ascii_space));
}

}  // namespace drf::throttling
