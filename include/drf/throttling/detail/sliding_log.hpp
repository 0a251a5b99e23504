// drf/throttling/detail/sliding_log.hpp — one key's history in the LocalStore: the times of its accepted
// requests still in the window, oldest first, in a ring that grows to the rate's number of requests and
// never beyond what it holds (a quiet key costs a few bytes, a busy one num_requests times).
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>

namespace drf::throttling::detail {

class SlidingLog {
public:
    std::size_t size() const noexcept { return size_; }
    bool empty() const noexcept { return size_ == 0; }
    // The i-th oldest time (0 = oldest), in microseconds since the epoch.
    std::int64_t at(std::size_t i) const noexcept { return data_[(head_ + i) & (capacity_ - 1)]; }
    std::int64_t oldest() const noexcept { return at(0); }
    std::int64_t newest() const noexcept { return at(size_ - 1); }

    // Drops every time at or before `cutoff` (DRF's `history[-1] <= now - duration`).
    void expire(std::int64_t cutoff) noexcept {
        while (size_ != 0 && data_[head_] <= cutoff) {
            head_ = (head_ + 1) & (capacity_ - 1);
            --size_;
        }
    }

    void push(std::int64_t t) {
        if (size_ == capacity_) grow();
        data_[(head_ + size_) & (capacity_ - 1)] = t;
        ++size_;
    }

private:
    // Capacities are powers of two, so the ring indexes with a mask.
    void grow() {
        const std::size_t capacity = capacity_ == 0 ? 4 : capacity_ * 2;
        auto data = std::make_unique<std::int64_t[]>(capacity);
        for (std::size_t i = 0; i < size_; ++i) data[i] = at(i);
        data_ = std::move(data);
        capacity_ = capacity;
        head_ = 0;
    }

    std::unique_ptr<std::int64_t[]> data_;
    std::size_t capacity_ = 0;
    std::size_t head_ = 0;
    std::size_t size_ = 0;
};

}  // namespace drf::throttling::detail
