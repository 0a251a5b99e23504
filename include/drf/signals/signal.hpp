// drf/signals/signal.hpp — Signal<Args...>, Django's django.dispatch.Signal with typed receivers: sender
// filters, dispatch_uid, send / send_robust, scoped connections, and a listing and a trace hook Django lacks.
// Including it gives the whole bus: Sender, ConnectOptions, ReceiverInfo, Connection, set_trace.
#pragma once

#include <drf/core/type_name.hpp>
#include <drf/signals/connection.hpp>
#include <drf/signals/detail/dispatch.hpp>
#include <drf/signals/detail/published_list.hpp>
#include <drf/signals/detail/slot.hpp>
#include <drf/signals/receiver.hpp>
#include <drf/signals/sender.hpp>
#include <drf/signals/trace.hpp>

#include <atomic>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

namespace drf::signals {

// A signal whose receivers take Args..., e.g. `inline drf::signals::Signal<const Order&> order_paid{"order_paid"};`
//
// send() calls the receivers in registration order, in the sending thread, without holding a lock.
// Thread-safety, precisely:
//  - connect, disconnect and send may be called from any thread at any time, including from inside a
//    receiver during a send of the same signal; nothing deadlocks.
//  - A send calls the receivers connected when it starts. A receiver connected during a send (by this
//    thread or another) is first called by a later send.
//  - A receiver whose disconnect happens-before a send starts is not called by that send. A receiver
//    disconnected during a send — by a receiver of that send, or by another thread — is not called by
//    that send once the send reaches it after the disconnect is visible; on another thread that may be
//    too late, so the receiver can be called once more by a send already in flight.
//  - disconnect() does not wait for calls already running on other threads: when it returns, the
//    receiver may still be executing there. A receiver that uses an object destroyed right after
//    disconnect must hold it by shared_ptr (or not race sends with that destruction).
//  - A disconnected receiver (and what it captured) is destroyed once no send that saw it is running
//    (detail::PublishedList says how).
// The signal itself must outlive its sends; Connection and ScopedConnection handles may outlive it.
template <class... Args>
class Signal {
    static_assert((!std::is_rvalue_reference_v<Args> && ...),
                  "drf::signals::Signal: an argument cannot be an rvalue reference, every receiver sees the same "
                  "object; use T& or const T&");

public:
    constexpr Signal() noexcept = default;
    // The name shows in traces; it must outlive the signal (a string literal).
    constexpr explicit Signal(std::string_view name) noexcept : name_(name) {}
    Signal(const Signal&) = delete;
    Signal& operator=(const Signal&) = delete;

    ~Signal() {
        if (control_ != nullptr) {
            const std::lock_guard lock(control_->mutex);
            control_->signal = nullptr;
        }
        if (const List* current = list_.load(std::memory_order_relaxed))
            for (const auto& slot : current->slots) slot->connected.store(false, std::memory_order_relaxed);
        detail::destroy_retired(list_.take_all());
    }

    std::string_view name() const noexcept { return name_; }

    // Connects `receiver`, callable as void(Args...) or void(const Sender&, Args...). Returns a handle;
    // dropping it keeps the receiver connected (wrap it in a ScopedConnection to tie it to a scope).
    // With a dispatch_uid already connected for the same sender, nothing changes and the returned
    // Connection is empty. Without a dispatch_uid every call adds a receiver: C++ callables have no
    // identity to deduplicate on, unlike Django's functions.
    template <class F>
    Connection connect(F&& receiver, ConnectOptions options = {}) {
        using R = std::decay_t<F>;
        static_assert(ReceiverFor<R, Args...>,
                      "drf::signals::Signal::connect: the receiver must be callable as void(Args...) or "
                      "void(const Sender&, Args...), where a value argument A arrives as const A&; check its "
                      "parameter types and that it returns void");
        if constexpr (ReceiverFor<R, Args...>)
            return connect_checked<R>(std::forward<F>(receiver), std::move(options));
        else
            return {};  // the static_assert has spoken; spare the user a second error from deeper down
    }

    // Disconnects every receiver connected with `dispatch_uid`, whatever its sender filter; returns
    // whether there was one.
    bool disconnect(std::string_view dispatch_uid) {
        return remove_if([&](const Slot& s) { return s.info.dispatch_uid == dispatch_uid; });
    }

    // Disconnects the receiver connected with (dispatch_uid, sender), as Django's
    // disconnect(sender=..., dispatch_uid=...); returns whether there was one.
    bool disconnect(std::string_view dispatch_uid, const Sender& sender) {
        return remove_if(
            [&](const Slot& s) { return s.info.dispatch_uid == dispatch_uid && s.sender_key == sender.key; });
    }

    // Calls, in registration order, every receiver connected without a sender filter or with this one.
    // The first exception a receiver throws stops the dispatch and propagates to the caller.
    void send(const Sender& sender, detail::arg_t<Args>... args) const {
        // No receivers: one load, nothing written.
        if (list_.load(std::memory_order_relaxed) == nullptr) return;
        const ReadGuard guard{list_};
        const List* list = guard.list();
        if (list == nullptr) return;
        if (detail::tracing.load(std::memory_order_relaxed)) [[unlikely]] {
            detail::dispatch_slow<false, Args...>(name_, *list, sender, nullptr, args...);
            return;
        }
        for (const auto& slot : list->slots)
            if (slot->accepts(sender)) slot->invoke(*slot, sender, args...);
    }

    // Sends with no sender: only receivers connected without a sender filter are called.
    void send(detail::arg_t<Args>... args) const { send(any_sender, args...); }

    // Like send, but calls every receiver even when some throw, and returns one ReceiverResult per
    // receiver called, in order, holding its exception (Django's send_robust).
    std::vector<ReceiverResult> send_robust(const Sender& sender, detail::arg_t<Args>... args) const {
        std::vector<ReceiverResult> results;
        if (list_.load(std::memory_order_relaxed) == nullptr) return results;
        const ReadGuard guard{list_};
        const List* list = guard.list();
        if (list == nullptr) return results;
        results.reserve(list->slots.size());
        detail::dispatch_slow<true, Args...>(name_, *list, sender, &results, args...);
        return results;
    }

    std::vector<ReceiverResult> send_robust(detail::arg_t<Args>... args) const {
        return send_robust(any_sender, args...);
    }

    // Whether any receiver is connected.
    bool has_listeners() const noexcept { return list_.load(std::memory_order_acquire) != nullptr; }

    // Whether a send from `sender` would call any receiver (has_listeners(any_sender): any receiver
    // without a sender filter). The database layer uses it to skip building a SaveInfo nobody reads.
    bool has_listeners(const Sender& sender) const {
        if (!has_listeners()) return false;
        const ReadGuard guard{list_};
        const List* list = guard.list();
        if (list == nullptr) return false;
        for (const auto& slot : list->slots)
            if (slot->accepts(sender)) return true;
        return false;
    }

    // The connected receivers, in registration order.
    std::vector<ReceiverInfo> receivers() const {
        std::vector<ReceiverInfo> out;
        const std::lock_guard lock(list_.mutex());
        if (const List* list = list_.load(std::memory_order_relaxed)) {
            out.reserve(list->slots.size());
            for (const auto& slot : list->slots)
                if (slot->connected.load(std::memory_order_relaxed)) out.push_back(slot->info);
        }
        return out;
    }

private:
    using Slot = detail::Slot<Args...>;
    using List = detail::ReceiverList<Args...>;
    using ReadGuard = typename detail::PublishedList<List>::ReadGuard;

    template <class R, class F>
    Connection connect_checked(F&& receiver, ConnectOptions options) {
        auto slot = std::make_shared<detail::SlotImpl<R, Args...>>(std::forward<F>(receiver));
        slot->sender_key = options.sender.key;
        slot->info.sender = options.sender;
        slot->info.dispatch_uid = std::move(options.dispatch_uid);
        slot->info.name = std::move(options.name);

        detail::Retired* garbage = nullptr;
        {
            const std::lock_guard lock(list_.mutex());
            const List* current = list_.load(std::memory_order_relaxed);
            if (!slot->info.dispatch_uid.empty() && current != nullptr) {
                for (const auto& existing : current->slots)
                    if (existing->info.dispatch_uid == slot->info.dispatch_uid &&
                        existing->sender_key == slot->sender_key)
                        return {};
            }
            slot->info.order = next_order_++;
            if (slot->info.name.empty()) slot->info.name = default_name<R>(slot->info);
            if (control_ == nullptr) {
                control_ = std::make_shared<detail::Control>();
                control_->signal = this;
                control_->remove = &remove_slot;
            }
            slot->control = control_;

            auto next = std::make_unique<List>();
            next->slots.reserve((current != nullptr ? current->slots.size() : 0) + 1);
            if (current != nullptr) next->slots.assign(current->slots.begin(), current->slots.end());
            next->slots.push_back(slot);
            garbage = list_.publish(next.release());
        }
        detail::destroy_retired(garbage);
        return Connection{slot};
    }

    // A functor's type names it well ("SendWelcomeEmail"); a function pointer's type says nothing.
    template <class R>
    static std::string default_name(const ReceiverInfo& info) {
        if (!info.dispatch_uid.empty()) return info.dispatch_uid;
        if constexpr (std::is_class_v<R>) {
            if (const auto type = drf::type_name<R>(); !type.empty()) return std::string(type);
        }
        return "receiver #" + std::to_string(info.order);
    }

    template <class Pred>
    bool remove_if(Pred&& doomed) {
        detail::Retired* garbage = nullptr;
        {
            const std::lock_guard lock(list_.mutex());
            const List* current = list_.load(std::memory_order_relaxed);
            if (current == nullptr) return false;
            auto next = std::make_unique<List>();
            for (const auto& slot : current->slots) {
                if (doomed(*slot))
                    slot->connected.store(false, std::memory_order_relaxed);
                else
                    next->slots.push_back(slot);
            }
            if (next->slots.size() == current->slots.size()) return false;
            garbage = list_.publish(next->slots.empty() ? nullptr : next.release());
        }
        detail::destroy_retired(garbage);
        return true;
    }

    // Control::remove for Connection::disconnect; the caller frees the result after unlocking.
    static detail::Retired* remove_slot(void* self, const detail::SlotBase& target) {
        auto& signal = *static_cast<Signal*>(self);
        const std::lock_guard lock(signal.list_.mutex());
        const List* current = signal.list_.load(std::memory_order_relaxed);
        if (current == nullptr) return nullptr;
        auto next = std::make_unique<List>();
        for (const auto& slot : current->slots)
            if (slot.get() != &target) next->slots.push_back(slot);
        if (next->slots.size() == current->slots.size()) return nullptr;
        return signal.list_.publish(next->slots.empty() ? nullptr : next.release());
    }

    std::string_view name_;
    detail::PublishedList<List> list_;  // the receivers; its mutex() also guards the two members below
    std::uint64_t next_order_ = 0;
    std::shared_ptr<detail::Control> control_;  // made by the first connect
};

}  // namespace drf::signals
