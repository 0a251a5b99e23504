// drf/resources/page_cache.hpp — PageCache: a list viewset's pages kept in this process's memory and
// answered again while the change counters behind their ETag have not moved. drf-extensions'
// `cache_response` with an updated-at key bit, checked on every request instead of left to expire: a
// repeated GET of a page costs what its 304 costs (the counters' read), and the page it answers is never
// older than the one its ETag stands for.
#pragma once

#include <drf/http/response.hpp>

#include <cstddef>
#include <cstdint>
#include <iterator>
#include <list>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <type_traits>
#include <unordered_map>
#include <utility>

namespace drf::resources {

// Declared by a ResourceViewSet whose conditional_requests has .etags:
//     static constexpr auto page_cache = drf::resources::PageCache{.max_pages = 256};
// Both limits bound what clients can make it hold (each query string is a page of its own).
struct PageCache {
    std::size_t max_pages = 256;               // pages kept, the least recently used dropped first
    std::size_t max_bytes = 8 * 1024 * 1024;   // their keys, bodies and headers and the cache's own
                                               // bookkeeping of each; a larger page is not kept
};

// What a viewset's page cache holds and has answered in this process (page_cache_stats<V>()).
struct PageCacheStats {
    std::uint64_t hits = 0;
    std::uint64_t misses = 0;
    std::size_t pages = 0;
    std::size_t bytes = 0;
};

namespace detail {

template <class V>
concept declares_page_cache = requires { V::page_cache; };

// The pages, least recently used last, found by their whole key (never by a hash of it alone: two keys
// with one hash would hand one user's page to another). One mutex, held for a map lookup and a list
// splice: a kept page is immutable and shared, so a hit copies it into its own response outside the
// lock, and a page to keep is copied before the lock is taken.
class PageStore {
public:
    explicit PageStore(PageCache limits) : limits_(limits) {}

    // The page kept under `key`, or null.
    std::shared_ptr<const http::Response> find(std::string_view key) {
        const std::lock_guard lock(mutex_);
        const auto it = index_.find(key);
        if (it == index_.end()) {
            ++misses_;
            return nullptr;
        }
        ++hits_;
        pages_.splice(pages_.begin(), pages_, it->second);
        return it->second->response;
    }

    // What keeping `response` under `key` holds in memory: the key, the body, the headers, and the page's
    // entries in the list and the index.
    static std::size_t footprint(std::string_view key, const http::Response& response) {
        std::size_t bytes = page_overhead + key.size() + response.content().size();
        for (const auto& [name, value] : response.headers())
            bytes += sizeof(std::pair<std::string, std::string>) + name.size() + value.size();
        return bytes;
    }

    // Keeps a copy of `response` under `key`.
    void store(std::string key, const http::Response& response) {
        const std::size_t bytes = footprint(key, response);
        if (bytes > limits_.max_bytes || limits_.max_pages == 0) return;
        auto kept = std::make_shared<const http::Response>(response);
        const std::lock_guard lock(mutex_);
        if (const auto it = index_.find(key); it != index_.end()) drop(it->second);  // another thread's, same page
        pages_.push_front(Page{std::move(key), std::move(kept), bytes});
        index_.emplace(pages_.front().key, pages_.begin());
        bytes_ += bytes;
        while (pages_.size() > limits_.max_pages || bytes_ > limits_.max_bytes) drop(std::prev(pages_.end()));
    }

    PageCacheStats stats() const {
        const std::lock_guard lock(mutex_);
        return {hits_, misses_, pages_.size(), bytes_};
    }

    void clear() {
        const std::lock_guard lock(mutex_);
        index_.clear();
        pages_.clear();
        bytes_ = 0;
        hits_ = misses_ = 0;
    }

private:
    struct Page {
        std::string key;
        std::shared_ptr<const http::Response> response;  // never changed once kept: read without the lock
        std::size_t bytes;
    };
    using Pages = std::list<Page>;
    // A page's list node (two links and the Page), its response with make_shared's control block (a
    // vtable pointer and two counts), and its index node (a hash map node: a link, the key's view, the
    // iterator and the cached hash), as libstdc++ lays them out.
    static constexpr std::size_t page_overhead = 2 * sizeof(void*) + sizeof(Page) + sizeof(http::Response) +
                                                 sizeof(void*) + 2 * sizeof(int) + sizeof(void*) +
                                                 sizeof(std::string_view) + sizeof(Pages::iterator) +
                                                 sizeof(std::size_t);

    void drop(Pages::iterator page) {
        bytes_ -= page->bytes;
        index_.erase(page->key);
        pages_.erase(page);
    }

    const PageCache limits_;
    mutable std::mutex mutex_;
    Pages pages_;
    std::unordered_map<std::string_view, Pages::iterator> index_;  // keys point into pages_
    std::size_t bytes_ = 0;
    std::uint64_t hits_ = 0;
    std::uint64_t misses_ = 0;
};

// One store per viewset type, for the whole process: the key names the Databases a page came from.
template <class V>
PageStore& page_store() {
    constexpr bool is_page_cache = std::is_same_v<std::remove_cv_t<decltype(V::page_cache)>, PageCache>;
    static_assert(is_page_cache,
                  "drf::resources: a viewset's page_cache must be a drf::resources::PageCache, e.g. "
                  "static constexpr auto page_cache = drf::resources::PageCache{.max_pages = 256};");
    // (The limits of another type are not read, so that the assertion is the only error.)
    static PageStore store([] {
        if constexpr (is_page_cache) return V::page_cache;
        else return PageCache{};
    }());
    return store;
}

}  // namespace detail

// What V's page cache holds and has answered in this process.
template <class V>
PageCacheStats page_cache_stats() {
    return detail::page_store<V>().stats();
}

// Empties V's page cache and its counts (a test starting over; never needed for freshness).
template <class V>
void clear_page_cache() {
    detail::page_store<V>().clear();
}

}  // namespace drf::resources
