// drf/signals/signal.hpp — Signal<Args...>, Django's django.dispatch.Signal with typed receivers: sender
// filters, dispatch_uid, send / send_robust, scoped connections, and a listing and a trace hook Django lacks.
#pragma once

#include <drf/core/type_name.hpp>

#include <atomic>
#include <chrono>
#include <concepts>
#include <cstdint>
#include <exception>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

namespace drf::signals {

// Who sent a signal. Django passes the model class as `sender`; here a sender is an identity (the
// address of a per-type tag, or of any object you choose) plus a name for listings and traces.
// Two senders are the same sender when their keys are equal; the name is for people only, and must
// outlive the signals it is used with (a string literal, or the name sender_of<T>() supplies).
struct Sender {
    const void* key = nullptr;
    std::string_view name = {};

    friend constexpr bool operator==(const Sender& a, const Sender& b) noexcept { return a.key == b.key; }
};

// No sender. As a connect filter it means "every sender"; as the sender of a send it means "nobody in
// particular", and only receivers connected without a sender filter are called (Django's sender=None).
inline constexpr Sender any_sender{};

namespace detail {
// One object per type; its address is the type's sender key. Not const, so no linker folds two into one.
template <class T>
inline char sender_key = 0;
}  // namespace detail

// The sender that stands for T, named after T without namespaces: sender_of<User>().name == "User".
template <class T>
constexpr Sender sender_of() noexcept {
    using U = std::remove_cvref_t<T>;
    return {&detail::sender_key<U>, drf::type_name<U>()};
}

// The same identity as sender_of<T>(), with a name of your choosing.
template <class T>
constexpr Sender sender_of(std::string_view name) noexcept {
    return {&detail::sender_key<std::remove_cvref_t<T>>, name};
}

// How a receiver is connected: connect(receiver, {.sender = sender_of<User>(), .dispatch_uid = "..."}).
struct ConnectOptions {
    Sender sender = any_sender;     // call the receiver only for sends from this sender
    std::string dispatch_uid = {};  // a second connect with the same (dispatch_uid, sender) is a no-op, as in Django
    std::string name = {};          // for receivers() and traces; defaults to dispatch_uid, then the receiver's type
};

// One connected receiver, as receivers() lists it and send_robust() reports it.
struct ReceiverInfo {
    std::string name = {};          // the name given, else the dispatch_uid, else the receiver's type, else "receiver #<order>"
    std::string dispatch_uid = {};  // empty when connected without one
    Sender sender = {};             // the sender filter; key == nullptr when it hears every sender
    std::uint64_t order = 0;        // registration order within its signal, from 0
};

// What send_robust() returns per receiver called, as Django returns (receiver, response) pairs.
struct ReceiverResult {
    ReceiverInfo receiver = {};
    std::exception_ptr error = {};  // null when the receiver returned normally
};

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

namespace detail {

// Receivers see each argument as an lvalue: references as declared, values as const& so no receiver
// pays a copy and none can change what the next one sees.
template <class A>
using arg_t = std::conditional_t<std::is_reference_v<A>, A, const A&>;

template <class F, class... Args>
concept plain_receiver =
    std::is_invocable_v<F&, arg_t<Args>...> && std::is_void_v<std::invoke_result_t<F&, arg_t<Args>...>>;

template <class F, class... Args>
concept sender_receiver = std::is_invocable_v<F&, const Sender&, arg_t<Args>...> &&
                          std::is_void_v<std::invoke_result_t<F&, const Sender&, arg_t<Args>...>>;

// A replaced receiver list waiting until no send can still be reading it (see Signal::advance).
struct Retired {
    virtual ~Retired() = default;
    Retired* next_retired = nullptr;
};

inline void destroy_retired(Retired* chain) noexcept {
    while (chain != nullptr) delete std::exchange(chain, chain->next_retired);
}

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

}  // namespace detail

// A receiver callable as void(Args...) or void(const Sender&, Args...), where a value argument A is
// passed as const A& and a reference argument as declared.
template <class F, class... Args>
concept ReceiverFor =
    detail::plain_receiver<std::decay_t<F>, Args...> || detail::sender_receiver<std::decay_t<F>, Args...>;

// A handle to one connected receiver, copyable, like boost::signals2::connection. Dropping it leaves
// the receiver connected; disconnect() through any copy removes it. Safe to use after its signal is gone.
class Connection {
public:
    Connection() noexcept = default;

    // Whether the receiver is still connected (false for an empty handle or a deduplicated connect).
    bool connected() const noexcept {
        const auto slot = slot_.lock();
        return slot != nullptr && slot->connected.load(std::memory_order_relaxed);
    }

    // Disconnects the receiver; returns whether this call disconnected it. What a send running on
    // another thread still does is documented on Signal. Only reads this handle, so several threads
    // may call it on the same Connection at once (assigning to it meanwhile is a race, as for any object).
    bool disconnect() const {
        const auto slot = slot_.lock();
        if (slot == nullptr || !slot->connected.exchange(false)) return false;
        detail::Retired* garbage = nullptr;
        if (const auto control = slot->control.lock()) {
            const std::lock_guard lock(control->mutex);
            if (control->signal != nullptr) garbage = control->remove(control->signal, *slot);
        }
        // Outside every lock: the receiver's destructor may itself disconnect something.
        detail::destroy_retired(garbage);
        return true;
    }

private:
    template <class... Args>
    friend class Signal;
    explicit Connection(std::weak_ptr<detail::SlotBase> slot) noexcept : slot_(std::move(slot)) {}

    std::weak_ptr<detail::SlotBase> slot_;
};

// Owns a Connection and disconnects it when destroyed: `ScopedConnection c = signal.connect(f);`.
// release() gives the Connection back and leaves the receiver connected for good.
class ScopedConnection {
public:
    ScopedConnection() noexcept = default;
    ScopedConnection(Connection connection) noexcept : connection_(std::move(connection)) {}  // NOLINT: implicit by design
    ScopedConnection(ScopedConnection&&) noexcept = default;
    ScopedConnection& operator=(ScopedConnection&& other) {
        if (this != &other) {
            connection_.disconnect();
            connection_ = std::exchange(other.connection_, {});
        }
        return *this;
    }
    ScopedConnection(const ScopedConnection&) = delete;
    ScopedConnection& operator=(const ScopedConnection&) = delete;
    ~ScopedConnection() { connection_.disconnect(); }

    Connection release() noexcept { return std::exchange(connection_, {}); }
    bool disconnect() const { return connection_.disconnect(); }
    bool connected() const noexcept { return connection_.connected(); }

private:
    Connection connection_;
};

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
//  - A disconnected receiver (and what it captured) is destroyed once no send that saw it is running.
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
        detail::Retired* garbage = retired_[0];
        if (retired_[1] != nullptr) {
            detail::Retired* tail = retired_[1];
            while (tail->next_retired != nullptr) tail = tail->next_retired;
            tail->next_retired = std::exchange(garbage, retired_[1]);
        }
        if (List* current = list_.load(std::memory_order_relaxed)) {
            for (const auto& slot : current->slots) slot->connected.store(false, std::memory_order_relaxed);
            current->next_retired = garbage;
            garbage = current;
        }
        detail::destroy_retired(garbage);
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
        const ReadGuard guard{*this};
        const List* list = list_.load(std::memory_order_seq_cst);
        if (list == nullptr) return;
        if (detail::tracing.load(std::memory_order_relaxed)) [[unlikely]] {
            dispatch_slow<false>(*list, sender, nullptr, args...);
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
        const ReadGuard guard{*this};
        const List* list = list_.load(std::memory_order_seq_cst);
        if (list == nullptr) return results;
        results.reserve(list->slots.size());
        dispatch_slow<true>(*list, sender, &results, args...);
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
        const ReadGuard guard{*this};
        const List* list = list_.load(std::memory_order_seq_cst);
        if (list == nullptr) return false;
        for (const auto& slot : list->slots)
            if (slot->accepts(sender)) return true;
        return false;
    }

    // The connected receivers, in registration order.
    std::vector<ReceiverInfo> receivers() const {
        std::vector<ReceiverInfo> out;
        const std::lock_guard lock(mutex_);
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

    template <class R, class F>
    Connection connect_checked(F&& receiver, ConnectOptions options) {
        auto slot = std::make_shared<detail::SlotImpl<R, Args...>>(std::forward<F>(receiver));
        slot->sender_key = options.sender.key;
        slot->info.sender = options.sender;
        slot->info.dispatch_uid = std::move(options.dispatch_uid);
        slot->info.name = std::move(options.name);

        detail::Retired* garbage = nullptr;
        {
            const std::lock_guard lock(mutex_);
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
            garbage = publish(next.release());
        }
        detail::destroy_retired(garbage);
        return Connection{slot};
    }

    // Marks a send as reading the receiver list, so a writer knows when a list it replaced can be freed.
    // Sends count themselves in one of two buckets, the one the epoch names when they start; a writer
    // that retires a list moves the epoch on, so new sends fill the other bucket and the old one
    // drains even while sends overlap without pause. Which bucket a send picks does not matter for
    // safety (see advance()), so the epoch is read relaxed.
    struct ReadGuard {
        const Signal& signal;
        unsigned bucket;
        explicit ReadGuard(const Signal& s) noexcept
            : signal(s), bucket(s.epoch_.load(std::memory_order_relaxed)) {
            // seq_cst, as the writer's side: this count is in the single total order before the
            // list_ load that follows, so a writer that later reads the count as zero knows we are gone.
            signal.readers_[bucket].fetch_add(1, std::memory_order_seq_cst);
        }
        ~ReadGuard() {
            if (signal.readers_[bucket].fetch_sub(1, std::memory_order_seq_cst) == 1 &&
                signal.retired_pending_.load(std::memory_order_seq_cst))
                signal.reclaim_if_quiet();
        }
        ReadGuard(const ReadGuard&) = delete;
        ReadGuard& operator=(const ReadGuard&) = delete;
    };

    // A functor's type names it well ("SendWelcomeEmail"); a function pointer's type says nothing.
    template <class R>
    static std::string default_name(const ReceiverInfo& info) {
        if (!info.dispatch_uid.empty()) return info.dispatch_uid;
        if constexpr (std::is_class_v<R>) {
            if (const auto type = drf::type_name<R>(); !type.empty()) return std::string(type);
        }
        return "receiver #" + std::to_string(info.order);
    }

    // Under mutex_: publishes `next` (null when empty), retires the current list, and returns the
    // retired lists that no send can still be reading, for the caller to free after unlocking.
    detail::Retired* publish(List* next) {
        if (List* old = list_.exchange(next, std::memory_order_seq_cst)) {
            const unsigned current = epoch_.load(std::memory_order_relaxed);
            old->next_retired = retired_[current];
            retired_[current] = old;
            retired_pending_.store(true, std::memory_order_seq_cst);
        }
        return advance();
    }

    // Under mutex_. A list L retired at time R may be held only by sends that counted themselves
    // before R and are still running. L is freed only after both buckets have been read as empty
    // after R (one check to move the epoch away from L's bucket, one to free it), so every such send
    // has finished: it was counted in one of the two. Retired lists therefore wait for at most the
    // sends in flight at the next epoch change, never for a quiet moment that may not come.
    detail::Retired* advance() const {
        detail::Retired* garbage = nullptr;
        for (int round = 0; round < 2; ++round) {
            const unsigned current = epoch_.load(std::memory_order_relaxed);
            const unsigned other = current ^ 1U;
            if (readers_[other].load(std::memory_order_seq_cst) != 0) break;
            // Everything in the other bucket was retired before the epoch last moved to `current`,
            // whose check saw `current`'s bucket empty; `other`'s is empty now.
            if (detail::Retired* chain = std::exchange(retired_[other], nullptr)) {
                detail::Retired* tail = chain;
                while (tail->next_retired != nullptr) tail = tail->next_retired;
                tail->next_retired = garbage;
                garbage = chain;
            }
            if (retired_[current] == nullptr) break;
            epoch_.store(other, std::memory_order_seq_cst);
        }
        if (retired_[0] == nullptr && retired_[1] == nullptr)
            retired_pending_.store(false, std::memory_order_relaxed);
        return garbage;
    }

    // Called by the last send out of a bucket while retired lists wait. try_lock: a send never waits
    // for a writer, and a writer holding the lock runs advance() itself.
    void reclaim_if_quiet() const {
        detail::Retired* garbage = nullptr;
        {
            const std::unique_lock lock(mutex_, std::try_to_lock);
            if (!lock.owns_lock()) return;
            garbage = advance();
        }
        detail::destroy_retired(garbage);
    }

    template <class Pred>
    bool remove_if(Pred&& doomed) {
        detail::Retired* garbage = nullptr;
        {
            const std::lock_guard lock(mutex_);
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
            garbage = publish(next->slots.empty() ? nullptr : next.release());
        }
        detail::destroy_retired(garbage);
        return true;
    }

    // Control::remove for Connection::disconnect; the caller frees the result after unlocking.
    static detail::Retired* remove_slot(void* self, const detail::SlotBase& target) {
        auto& signal = *static_cast<Signal*>(self);
        const std::lock_guard lock(signal.mutex_);
        const List* current = signal.list_.load(std::memory_order_relaxed);
        if (current == nullptr) return nullptr;
        auto next = std::make_unique<List>();
        for (const auto& slot : current->slots)
            if (slot.get() != &target) next->slots.push_back(slot);
        if (next->slots.size() == current->slots.size()) return nullptr;
        return signal.publish(next->slots.empty() ? nullptr : next.release());
    }

    // Traced sends and send_robust. `results` is null for a traced send.
    template <bool Robust>
    void dispatch_slow(const List& list, const Sender& sender, std::vector<ReceiverResult>* results,
                       detail::arg_t<Args>... args) const {
        std::shared_ptr<const TraceHook> hook;
        if (detail::tracing.load(std::memory_order_relaxed) && !detail::inside_trace_hook)
            hook = detail::current_trace_hook();
        for (const auto& slot : list.slots) {
            if (!slot->accepts(sender)) continue;
            const auto start = hook ? std::chrono::steady_clock::now() : std::chrono::steady_clock::time_point{};
            std::exception_ptr error;
            try {
                slot->invoke(*slot, sender, args...);
            } catch (...) {
                if constexpr (!Robust) {
                    if (hook) report(*hook, sender, *slot, start, true);
                    throw;
                }
                error = std::current_exception();
            }
            if (hook) report(*hook, sender, *slot, start, error != nullptr);
            if constexpr (Robust) results->push_back({slot->info, std::move(error)});
        }
    }

    void report(const TraceHook& hook, const Sender& sender, const Slot& slot,
                std::chrono::steady_clock::time_point start, bool threw) const noexcept {
        const DispatchTrace trace{name_, sender.name, slot.info.name,
                                  std::chrono::duration_cast<std::chrono::nanoseconds>(
                                      std::chrono::steady_clock::now() - start),
                                  threw};
        detail::inside_trace_hook = true;
        hook(trace);
        detail::inside_trace_hook = false;
    }

    std::string_view name_;
    std::atomic<List*> list_{nullptr};  // null when no receiver is connected
    mutable std::atomic<std::uint32_t> readers_[2] = {0, 0};  // sends in flight, per bucket
    mutable std::atomic<unsigned> epoch_{0};                 // the bucket new sends count in; written under mutex_
    mutable std::atomic<bool> retired_pending_{false};       // some retired list waits to be freed
    mutable std::mutex mutex_;                               // serializes writers; sends never take it
    mutable detail::Retired* retired_[2] = {nullptr, nullptr};  // per bucket; guarded by mutex_
    std::uint64_t next_order_ = 0;                              // guarded by mutex_
    std::shared_ptr<detail::Control> control_;                  // guarded by mutex_; made by the first connect
};

}  // namespace drf::signals
