// drf/signals/detail/dispatch.hpp — the slow sends: a send while tracing is on, and send_robust, which
// calls every receiver whatever the others throw.
#pragma once

#include <drf/signals/detail/slot.hpp>
#include <drf/signals/receiver.hpp>
#include <drf/signals/sender.hpp>
#include <drf/signals/trace.hpp>

#include <chrono>
#include <exception>
#include <memory>
#include <string_view>
#include <utility>
#include <vector>

namespace drf::signals::detail {

template <class... Args>
void report(const TraceHook& hook, std::string_view signal, const Sender& sender, const Slot<Args...>& slot,
            std::chrono::steady_clock::time_point start, bool threw) noexcept {
    const DispatchTrace trace{signal, sender.name, slot.info.name,
                              std::chrono::duration_cast<std::chrono::nanoseconds>(
                                  std::chrono::steady_clock::now() - start),
                              threw};
    inside_trace_hook = true;
    hook(trace);
    inside_trace_hook = false;
}

// Traced sends and send_robust. `results` is null for a traced send.
template <bool Robust, class... Args>
void dispatch_slow(std::string_view signal, const ReceiverList<Args...>& list, const Sender& sender,
                   std::vector<ReceiverResult>* results, arg_t<Args>... args) {
    std::shared_ptr<const TraceHook> hook;
    if (tracing.load(std::memory_order_relaxed) && !inside_trace_hook) hook = current_trace_hook();
    for (const auto& slot : list.slots) {
        if (!slot->accepts(sender)) continue;
        const auto start = hook ? std::chrono::steady_clock::now() : std::chrono::steady_clock::time_point{};
        std::exception_ptr error;
        try {
            slot->invoke(*slot, sender, args...);
        } catch (...) {
            if constexpr (!Robust) {
                if (hook) report(*hook, signal, sender, *slot, start, true);
                throw;
            }
            error = std::current_exception();
        }
        if (hook) report(*hook, signal, sender, *slot, start, error != nullptr);
        if constexpr (Robust) results->push_back({slot->info, std::move(error)});
    }
}

}  // namespace drf::signals::detail
