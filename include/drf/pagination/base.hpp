// drf/pagination/base.hpp — what every paginator's options and page-size parsing share: Name (a
// string usable in a class-type template argument), the largest page a SQL LIMIT can ask for, and DRF's
// _positive_int. Apart from cursor.hpp so the page-number and limit/offset paginators do not pull in
// cursor signing (OpenSSL).
#pragma once

#include <drf/pagination/detail/python_int.hpp>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <optional>
#include <string_view>

namespace drf::pagination {

// A short string usable inside a template argument (Options is a class-type template parameter).
struct Name {
    char text[64]{};
    std::size_t size = 0;
    constexpr Name() = default;
    template <std::size_t N>
    constexpr Name(const char (&s)[N]) : size(N - 1) {  // NOLINT: implicit from a literal, by design
        static_assert(N <= sizeof text, "drf::pagination: names are limited to 63 characters");
        for (std::size_t i = 0; i + 1 < N; ++i) text[i] = s[i];
    }
    constexpr std::string_view view() const { return {text, size}; }
};

// The largest page a request can get when max_page_size is 0 (no cap): the page's query asks for one
// row more, and that count must still be a SQL LIMIT, a signed 64-bit integer.
inline constexpr std::size_t largest_page_size = static_cast<std::size_t>(std::numeric_limits<std::int64_t>::max()) - 1;

namespace detail {

// DRF's _positive_int(strict=True, cutoff=max): int(text) if it is positive, at most `cutoff` (0: no
// cutoff) and at most largest_page_size; nullopt where DRF falls back to the default page size.
inline std::optional<std::size_t> positive_int(std::string_view text, std::size_t cutoff) {
    const auto n = python_int(text);
    if (!n || n->negative || n->magnitude == 0) return std::nullopt;
    const auto value = static_cast<std::size_t>(std::min<std::uint64_t>(n->magnitude, largest_page_size));
    return cutoff ? std::min(value, cutoff) : value;
}

}  // namespace detail

}  // namespace drf::pagination
