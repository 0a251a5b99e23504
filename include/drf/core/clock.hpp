// drf/core/clock.hpp — the injectable clock behind drf::now(): the system clock by default,
// a FrozenClock in tests that need to freeze and advance time.
#pragma once

#include <drf/core/datetime.hpp>

#include <atomic>
#include <cstdint>
#include <ctime>

namespace drf {

class Clock {
public:
    virtual ~Clock() = default;
    virtual DateTime now() const = 0;
};

class SystemClock final : public Clock {
public:
    DateTime now() const override {
        // CLOCK_REALTIME, as std::chrono::system_clock reads it; <ctime> rather than <chrono>, which in
        // C++20 brings <sstream> into every TU that has a clock.
        std::timespec ts{};
        std::timespec_get(&ts, TIME_UTC);
        return from_unix_micros(static_cast<std::int64_t>(ts.tv_sec) * 1'000'000 + ts.tv_nsec / 1000);
    }
};

// A clock that only moves when told to. Thread-safe.
class FrozenClock final : public Clock {
public:
    explicit FrozenClock(DateTime start) : micros_(to_unix_micros(start)) {}
    DateTime now() const override { return from_unix_micros(micros_.load(std::memory_order_relaxed)); }
    void set(DateTime t) { micros_.store(to_unix_micros(t), std::memory_order_relaxed); }
    void advance(Duration d) { micros_.fetch_add(d.total_microseconds(), std::memory_order_relaxed); }

private:
    std::atomic<std::int64_t> micros_;
};

namespace detail {
inline const Clock& system_clock_instance() {
    static const SystemClock clock;
    return clock;
}
inline std::atomic<const Clock*>& current_clock() {
    static std::atomic<const Clock*> clock{&system_clock_instance()};
    return clock;
}
}  // namespace detail

// The clock every timestamp in the library comes from (created_at, updated_at, token last_login, ...).
inline const Clock& clock() { return *detail::current_clock().load(std::memory_order_acquire); }
inline DateTime now() { return clock().now(); }

// Installs `clock` for the lifetime of this guard and restores the previous one afterwards.
// The clock must outlive the guard.
class ClockOverride {
public:
    explicit ClockOverride(const Clock& clock)
        : previous_(detail::current_clock().exchange(&clock, std::memory_order_acq_rel)) {}
    ~ClockOverride() { detail::current_clock().store(previous_, std::memory_order_release); }
    ClockOverride(const ClockOverride&) = delete;
    ClockOverride& operator=(const ClockOverride&) = delete;

private:
    const Clock* previous_;
};

}  // namespace drf
