// drf/signals/detail/slot.hpp — one connected receiver as a signal stores it (Slot), the immutable list
// of them a send reads (ReceiverList), and the Control a connection handle reaches its signal through.
#pragma once

#include <drf/signals/detail/published_list.hpp>
#include <drf/signals/receiver.hpp>
#include <drf/signals/sender.hpp>

#include <atomic>
#include <functional>
#include <memory>
#include <mutex>
#include <utility>
#include <vector>

namespace drf::signals::detail {

struct SlotBase;

// What a connection handle reaches its signal through. A handle may outlive its signal (a static
// ScopedConnection destroyed after the model signals at exit), so the signal unhooks itself here.
struct Control {
    std::mutex mutex;
    void* signal = nullptr;  // guarded by mutex; null once the signal is destroyed
    Retired* (*remove)(void* signal, const SlotBase& slot) = nullptr;
};

struct SlotBase {
    // Read by every send, so first.
    std::atomic<bool> connected{true};
    const void* sender_key = nullptr;
    std::weak_ptr<Control> control;

    bool accepts(const Sender& sender) const noexcept {
        // Relaxed is enough: a disconnect that happens-before this load is seen by coherence, and
        // nothing else is published through the flag.
        return (sender_key == nullptr || sender_key == sender.key) && connected.load(std::memory_order_relaxed);
    }
};

template <class... Args>
struct Slot : SlotBase {
    void (*invoke)(Slot& self, const Sender& sender, arg_t<Args>... args) = nullptr;
    ReceiverInfo info;
};

template <class F, class... Args>
struct SlotImpl final : Slot<Args...> {
    F receiver;

    template <class G>
    explicit SlotImpl(G&& g) : receiver(std::forward<G>(g)) {
        this->invoke = &call;
    }

    static void call(Slot<Args...>& self, const Sender& sender, arg_t<Args>... args) {
        F& f = static_cast<SlotImpl&>(self).receiver;
        if constexpr (plain_receiver<F, Args...>)
            std::invoke(f, args...);
        else
            std::invoke(f, sender, args...);
    }
};

// Immutable once published: a send reads it without a lock while writers publish a new one.
template <class... Args>
struct ReceiverList final : Retired {
    std::vector<std::shared_ptr<Slot<Args...>>> slots;
};

}  // namespace drf::signals::detail
