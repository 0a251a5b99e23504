// drf/signals/trace.hpp — set_trace(): one hook that sees every receiver call of every signal, with its
// signal, sender, receiver, duration and whether it threw.
#pragma once

#include <atomic>
#include <chrono>
#include <functional>
#include <memory>
#include <mutex>
#include <string_view>
#include <utility>

namespace drf::signals {

// One receiver call, as the trace hook sees it. The views are valid only during the hook call.
struct DispatchTrace {
    std::string_view signal = {};    // the signal's name, e.g. "post_save<User>"
    std::string_view sender = {};    // the sender's name; empty when sent without a sender
    std::string_view receiver = {};  // ReceiverInfo::name
    std::chrono::nanoseconds duration{};
    bool threw = false;  // the receiver exited with an exception
};

using TraceHook = std::function<void(const DispatchTrace&)>;

namespace detail {
// Constant-initialized globals rather than function-local statics: a send reads `tracing` without the
// guard check a local static costs, and signals may be used from other static initializers.
inline std::atomic<bool> tracing{false};
inline std::mutex trace_mutex;
inline std::shared_ptr<const TraceHook> trace_hook;  // guarded by trace_mutex
inline thread_local bool inside_trace_hook = false;

inline std::shared_ptr<const TraceHook> current_trace_hook() {
    const std::lock_guard lock(trace_mutex);
    return trace_hook;
}
}  // namespace detail

// Installs a hook that sees every receiver call of every signal, in the thread that sends; an empty
// hook turns tracing off. Returns the previous hook. The hook must not throw (std::terminate if it
// does); signals it sends itself are not traced, so it cannot recurse.
inline TraceHook set_trace(TraceHook hook) {
    auto next = hook ? std::make_shared<const TraceHook>(std::move(hook)) : nullptr;
    std::shared_ptr<const TraceHook> previous;
    {
        const std::lock_guard lock(detail::trace_mutex);
        detail::tracing.store(next != nullptr, std::memory_order_relaxed);
        previous = std::exchange(detail::trace_hook, std::move(next));
    }
    return previous ? *previous : TraceHook{};
}

}  // namespace drf::signals
