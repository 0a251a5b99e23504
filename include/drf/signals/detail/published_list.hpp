// drf/signals/detail/published_list.hpp — PublishedList<L>: the receiver list that sends read without a
// lock while writers replace it, each replaced list freed once no send can still be reading it.
#pragma once

#include <atomic>
#include <cstdint>
#include <mutex>
#include <type_traits>
#include <utility>

namespace drf::signals::detail {

// A replaced receiver list waiting until no send can still be reading it (see PublishedList::advance).
struct Retired {
    virtual ~Retired() = default;
    Retired* next_retired = nullptr;
};

inline void destroy_retired(Retired* chain) noexcept {
    while (chain != nullptr) delete std::exchange(chain, chain->next_retired);
}

// The current list L (derived from Retired; null when empty) and the replaced ones still waiting.
// A reader holds a ReadGuard while it reads list(). A writer locks mutex(), reads load(relaxed),
// publish()es the next list and frees what publish() returns after unlocking: a list's destructor
// runs receivers' destructors, which may themselves write.
template <class L>
class PublishedList {
public:
    constexpr PublishedList() noexcept = default;
    PublishedList(const PublishedList&) = delete;
    PublishedList& operator=(const PublishedList&) = delete;
    ~PublishedList() { destroy_retired(take_all()); }

    // Marks a send as reading the list, so a writer knows when a list it replaced can be freed.
    // Sends count themselves in one of two buckets, the one the epoch names when they start; a writer
    // that retires a list moves the epoch on, so new sends fill the other bucket and the old one
    // drains even while sends overlap without pause. Which bucket a send picks does not matter for
    // safety (see advance()), so the epoch is read relaxed.
    class ReadGuard {
    public:
        explicit ReadGuard(const PublishedList& published) noexcept
            : published_(published), bucket_(published.epoch_.load(std::memory_order_relaxed)) {
            // seq_cst, as the writer's side: this count is in the single total order before the
            // list_ load that follows, so a writer that later reads the count as zero knows we are gone.
            published_.readers_[bucket_].fetch_add(1, std::memory_order_seq_cst);
        }
        ~ReadGuard() {
            if (published_.readers_[bucket_].fetch_sub(1, std::memory_order_seq_cst) == 1 &&
                published_.retired_pending_.load(std::memory_order_seq_cst))
                published_.reclaim_if_quiet();
        }
        ReadGuard(const ReadGuard&) = delete;
        ReadGuard& operator=(const ReadGuard&) = delete;

        // The list to read (null when empty), valid while this guard lives.
        const L* list() const noexcept { return published_.list_.load(std::memory_order_seq_cst); }

    private:
        const PublishedList& published_;
        unsigned bucket_;
    };

    // The current list without counting as a reader: a null check before a ReadGuard, or a writer's
    // read under mutex().
    const L* load(std::memory_order order) const noexcept { return list_.load(order); }

    // Serializes writers; sends never take it. The owner may guard its own state with it too.
    std::mutex& mutex() const noexcept { return mutex_; }

    // Under mutex(): publishes `next` (null when empty), retires the current list, and returns the
    // retired lists that no send can still be reading, for the caller to free after unlocking.
    Retired* publish(L* next) {
        static_assert(std::is_base_of_v<Retired, L>, "drf::signals::detail::PublishedList: L must derive from Retired");
        if (L* old = list_.exchange(next, std::memory_order_seq_cst)) {
            const unsigned current = epoch_.load(std::memory_order_relaxed);
            old->next_retired = retired_[current];
            retired_[current] = old;
            retired_pending_.store(true, std::memory_order_seq_cst);
        }
        return advance();
    }

    // Everything it owns, the current list first, then the retired ones; it is left empty. Only when
    // no send can be running.
    Retired* take_all() noexcept {
        Retired* garbage = std::exchange(retired_[0], nullptr);
        if (retired_[1] != nullptr) {
            Retired* tail = retired_[1];
            while (tail->next_retired != nullptr) tail = tail->next_retired;
            tail->next_retired = std::exchange(garbage, std::exchange(retired_[1], nullptr));
        }
        if (L* current = list_.exchange(nullptr, std::memory_order_relaxed)) {
            current->next_retired = garbage;
            garbage = current;
        }
        retired_pending_.store(false, std::memory_order_relaxed);
        return garbage;
    }

private:
    // Under mutex_. A list L retired at time R may be held only by sends that counted themselves
    // before R and are still running. L is freed only after both buckets have been read as empty
    // after R (one check to move the epoch away from L's bucket, one to free it), so every such send
    // has finished: it was counted in one of the two. Retired lists therefore wait for at most the
    // sends in flight at the next epoch change, never for a quiet moment that may not come.
    Retired* advance() const {
        Retired* garbage = nullptr;
        for (int round = 0; round < 2; ++round) {
            const unsigned current = epoch_.load(std::memory_order_relaxed);
            const unsigned other = current ^ 1U;
            if (readers_[other].load(std::memory_order_seq_cst) != 0) break;
            // Everything in the other bucket was retired before the epoch last moved to `current`,
            // whose check saw `current`'s bucket empty; `other`'s is empty now.
            if (Retired* chain = std::exchange(retired_[other], nullptr)) {
                Retired* tail = chain;
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
        Retired* garbage = nullptr;
        {
            const std::unique_lock lock(mutex_, std::try_to_lock);
            if (!lock.owns_lock()) return;
            garbage = advance();
        }
        destroy_retired(garbage);
    }

    std::atomic<L*> list_{nullptr};                            // null when no receiver is connected
    mutable std::atomic<std::uint32_t> readers_[2] = {0, 0};  // sends in flight, per bucket
    mutable std::atomic<unsigned> epoch_{0};                 // the bucket new sends count in; written under mutex_
    mutable std::atomic<bool> retired_pending_{false};       // some retired list waits to be freed
    mutable std::mutex mutex_;                               // serializes writers; sends never take it
    mutable Retired* retired_[2] = {nullptr, nullptr};       // per bucket; guarded by mutex_
};

}  // namespace drf::signals::detail
