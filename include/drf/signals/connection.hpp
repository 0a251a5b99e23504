// drf/signals/connection.hpp — Connection, a copyable handle to one connected receiver, and
// ScopedConnection, which disconnects it at the end of a scope.
#pragma once

#include <drf/signals/detail/published_list.hpp>
#include <drf/signals/detail/slot.hpp>

#include <memory>
#include <mutex>
#include <utility>

namespace drf::signals {

template <class... Args>
class Signal;

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

}  // namespace drf::signals
