// drf/throttling/store.hpp — where throttles count: Store (DRF's cache, reduced to the one operation a
// throttle needs, made atomic), the Decision it answers, and LocalStore, the in-process store (Django's
// LocMemCache, exact under concurrency and bounded).
#pragma once

#include <drf/core/datetime.hpp>
#include <drf/throttling/detail/sliding_log.hpp>
#include <drf/throttling/rate.hpp>

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <limits>
#include <memory>
#include <mutex>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>

namespace drf::throttling {

// What a store answers for one request under one key.
struct Decision {
    bool allowed = true;
    // Seconds to wait before a request would be accepted: DRF's SimpleRateThrottle.wait() — the time
    // until the oldest counted request leaves the window, spread over the requests then available.
    // 0 when allowed.
    double wait = 0;
    // Requests still accepted in the window after this one (0 when refused).
    std::int64_t remaining = 0;
    // Whole seconds until the oldest counted request leaves the window, when a request more becomes
    // available (the RateLimit field's "t"); equal to ceil(wait) when refused.
    std::int64_t reset = 0;
};

// Whole seconds, rounded up, as DRF's Throttled rounds its wait (math.ceil); never negative.
constexpr std::int64_t ceil_seconds(double seconds) noexcept {
    if (!(seconds > 0)) return 0;
    const auto whole = static_cast<std::int64_t>(seconds);
    return static_cast<double>(whole) < seconds ? whole + 1 : whole;
}

namespace detail {

constexpr std::int64_t micros_per_second = 1'000'000;

constexpr std::int64_t ceil_micros_to_seconds(std::int64_t us) noexcept {
    return us <= 0 ? 0 : (us + micros_per_second - 1) / micros_per_second;
}

// DRF's allow_request and wait() over one key's history: `size` accepted times still in the window,
// at(0) the oldest. Allowed means: record `now`.
template <class At>
Decision decide(std::size_t size, At at, const Rate& rate, std::int64_t now) {
    const std::int64_t window = rate.duration * micros_per_second;
    const auto count = static_cast<std::int64_t>(size);
    Decision d;
    if (count < rate.num_requests) {
        d.allowed = true;
        d.remaining = rate.num_requests - count - 1;
        d.reset = ceil_micros_to_seconds(size == 0 ? window : at(0) + window - now);
        return d;
    }
    d.allowed = false;
    d.remaining = 0;
    // DRF: remaining_duration / (num_requests - len(history) + 1). That count is 1 whenever the history
    // is exactly full, the only case a store that records accepted requests alone can reach under one
    // rate; with more (the rate lowered under a shared store) DRF has no wait and sends no Retry-After.
    // The time until enough of them leave the window answers that case instead.
    if (count == rate.num_requests) {
        const std::int64_t remaining_duration = size == 0 ? window : window - (now - at(0));
        d.wait = static_cast<double>(remaining_duration) / static_cast<double>(micros_per_second);
    } else {
        const auto leaving = static_cast<std::size_t>(count - rate.num_requests);
        d.wait = static_cast<double>(at(leaving) + window - now) / static_cast<double>(micros_per_second);
    }
    d.wait = std::max(d.wait, 0.0);
    d.reset = ceil_seconds(d.wait);
    return d;
}

}  // namespace detail

// The decision for a key whose accepted request times are `history` (microseconds since the epoch,
// oldest first; times at or before now - duration are not counted, as DRF drops them). A store that
// keeps the history elsewhere (a database) reads it, calls this, and records `now` when allowed, in
// one transaction.
inline Decision decide(std::span<const std::int64_t> history, const Rate& rate, DateTime now) {
    const std::int64_t at = to_unix_micros(now);
    const std::int64_t cutoff = at - rate.duration * detail::micros_per_second;
    const auto first = std::upper_bound(history.begin(), history.end(), cutoff);
    const auto live = history.subspan(static_cast<std::size_t>(first - history.begin()));
    return detail::decide(live.size(), [&](std::size_t i) { return live[i]; }, rate, at);
}

// DRF's cache as throttles use it, made one atomic step: under `key`, forget the requests older than
// the rate's window, then accept and record `now` if fewer than num_requests remain, else refuse. Only
// accepted requests are recorded, as DRF's throttle_success alone writes the history. Implementations
// are safe to call from any number of threads.
class Store {
public:
    virtual ~Store() = default;
    virtual Decision hit(std::string_view key, const Rate& rate, DateTime now) = 0;
};

// The in-process store: DRF's throttles over Django's local-memory cache, without its race (two
// requests reading the same history and both writing theirs back, so both pass). Keys are spread over
// shards, each under its own mutex: one key is exact under any number of threads, and different keys
// rarely wait for each other.
//
// Bounded: at most `max_keys` keys. A new key over the bound first sweeps the keys whose history has
// wholly expired; if every key is still live, the request is refused (fails closed) — the store never
// grows without bound under a flood of new addresses, and never lets a request through uncounted.
// Such a refusal waits until the first key expires.
//
// One process only: behind several instances, each counts its own requests (use the database store).
class LocalStore final : public Store {
public:
    static constexpr std::size_t default_max_keys = 100'000;

    explicit LocalStore(std::size_t max_keys = default_max_keys) : max_keys_(std::max<std::size_t>(max_keys, 1)) {}

    Decision hit(std::string_view key, const Rate& rate, DateTime now) override {
        const std::int64_t at = to_unix_micros(now);
        const std::size_t hash = std::hash<std::string_view>{}(key);
        Shard& shard = shards_[shard_of(hash)];
        {
            std::lock_guard lock(shard.mutex);
            if (const auto it = shard.logs.find(Lookup{key, hash}); it != shard.logs.end()) return record(it->second, rate, at);
        }
        const bool room = reserve_key(at);
        std::lock_guard lock(shard.mutex);
        if (!room) {
            // Another thread may have added this key meanwhile: it is then served as any held key.
            if (const auto it = shard.logs.find(Lookup{key, hash}); it != shard.logs.end()) return record(it->second, rate, at);
            return full(at);
        }
        auto [it, inserted] = shard.logs.try_emplace(std::string(key));
        if (!inserted) count_.fetch_sub(1, std::memory_order_relaxed);  // another thread added it meanwhile
        const Decision d = record(it->second, rate, at);
        if (it->second.times.empty()) {  // refused at once (a rate of 0): nothing to remember
            shard.logs.erase(it);
            count_.fetch_sub(1, std::memory_order_relaxed);
        }
        return d;
    }

    // How many keys the store holds, expired ones not yet swept included.
    std::size_t size() const noexcept { return count_.load(std::memory_order_relaxed); }
    std::size_t max_keys() const noexcept { return max_keys_; }

private:
    struct Log {
        detail::SlidingLog times;
        std::int64_t expires = 0;  // when its newest time leaves the window: the key can go then
    };
    // A key with its hash, so a lookup hashes once.
    struct Lookup {
        std::string_view key;
        std::size_t hash;
    };
    struct Hash {
        using is_transparent = void;
        std::size_t operator()(const std::string& key) const noexcept { return std::hash<std::string_view>{}(key); }
        std::size_t operator()(const Lookup& lookup) const noexcept { return lookup.hash; }
    };
    struct Equal {
        using is_transparent = void;
        bool operator()(const std::string& a, const std::string& b) const noexcept { return a == b; }
        bool operator()(const Lookup& a, const std::string& b) const noexcept { return a.key == b; }
        bool operator()(const std::string& a, const Lookup& b) const noexcept { return a == b.key; }
    };
    struct alignas(64) Shard {
        std::mutex mutex;
        std::unordered_map<std::string, Log, Hash, Equal> logs;
    };
    static constexpr std::size_t shard_count = 64;
    static constexpr std::int64_t never = std::numeric_limits<std::int64_t>::max();

    // The high bits: the map's buckets use the low ones.
    static std::size_t shard_of(std::size_t hash) noexcept {
        return static_cast<std::size_t>(static_cast<std::uint64_t>(hash) >> 58) % shard_count;
    }

    Decision record(Log& log, const Rate& rate, std::int64_t at) {
        // Requests may reach the lock in another order than they read the clock: a key's time never goes
        // back, so its history stays sorted.
        if (!log.times.empty()) at = std::max(at, log.times.newest());
        log.times.expire(at - rate.duration * detail::micros_per_second);
        const Decision d = detail::decide(log.times.size(), [&](std::size_t i) { return log.times.at(i); }, rate, at);
        if (d.allowed) {
            log.times.push(at);
            log.expires = at + rate.duration * detail::micros_per_second;
            lower_next_sweep(log.expires);
        }
        return d;
    }

    // Claims room for one key more; sweeps expired keys when there is none.
    bool reserve_key(std::int64_t at) {
        if (count_.fetch_add(1, std::memory_order_relaxed) < max_keys_) return true;
        count_.fetch_sub(1, std::memory_order_relaxed);
        if (at < next_sweep_.load(std::memory_order_relaxed)) return false;  // nothing can have expired yet
        sweep(at);
        if (count_.fetch_add(1, std::memory_order_relaxed) < max_keys_) return true;
        count_.fetch_sub(1, std::memory_order_relaxed);
        return false;
    }

    // Drops every key whose history has expired, one shard at a time, and notes when the next one will.
    void sweep(std::int64_t at) {
        std::lock_guard sweeping(sweep_mutex_);
        if (at < next_sweep_.load(std::memory_order_relaxed)) return;  // another thread just swept
        // From here the keys recorded meanwhile lower it again; the survivors' earliest expiry at the end.
        next_sweep_.store(never, std::memory_order_relaxed);
        std::int64_t next = never;
        for (Shard& shard : shards_) {
            std::lock_guard lock(shard.mutex);
            for (auto it = shard.logs.begin(); it != shard.logs.end();) {
                if (it->second.expires <= at) {
                    it = shard.logs.erase(it);
                    count_.fetch_sub(1, std::memory_order_relaxed);
                } else {
                    next = std::min(next, it->second.expires);
                    ++it;
                }
            }
        }
        lower_next_sweep(next);
    }

    void lower_next_sweep(std::int64_t expires) noexcept {
        std::int64_t current = next_sweep_.load(std::memory_order_relaxed);
        while (expires < current && !next_sweep_.compare_exchange_weak(current, expires, std::memory_order_relaxed)) {
        }
    }

    // Refused for want of room: retry when the first key expires.
    Decision full(std::int64_t at) const {
        Decision d;
        d.allowed = false;
        const std::int64_t next = next_sweep_.load(std::memory_order_relaxed);
        d.wait = next == never ? 1.0 : static_cast<double>(std::max<std::int64_t>(next - at, 0)) / detail::micros_per_second;
        d.reset = ceil_seconds(d.wait);
        return d;
    }

    std::size_t max_keys_;
    Shard shards_[shard_count];
    std::atomic<std::size_t> count_{0};
    // No key expires before this time (a lower bound): a full store sweeps only once one may have.
    std::atomic<std::int64_t> next_sweep_{never};
    std::mutex sweep_mutex_;
};

}  // namespace drf::throttling
