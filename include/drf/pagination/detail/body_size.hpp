// drf/pagination/detail/body_size.hpp — the capacity a page's body is reserved at before it is written:
// what the last page rendered with the same serializer took. A page's text grows by doubling otherwise
// (a 5 kB page of 25 rows: ten allocations and copies); pages of one serializer are alike in size, so
// one allocation usually holds the whole page.
#pragma once

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <string>

namespace drf::pagination::detail {

template <class S>
struct BodySize {
    // One unusually large page must not make every later one reserve as much.
    static constexpr std::size_t cap = 256 * 1024;
    inline static std::atomic<std::size_t> last{0};

    // An empty string with room for a page like the last one (and a little more: the next page's text
    // differs, a longer name, a cursor), or none before the first page.
    static std::string reserved() {
        std::string body;
        const std::size_t size = last.load(std::memory_order_relaxed);
        if (size != 0) body.reserve(std::min(size + size / 16 + 64, cap));
        return body;
    }
    static void seen(const std::string& body) noexcept { last.store(body.size(), std::memory_order_relaxed); }
};

}  // namespace drf::pagination::detail
