// drf/db/detail/statement_cache.hpp — the prepared statements a connection keeps, by SQL text, with a
// bound: past `capacity` the least recently used one is dropped, so a program that builds many distinct
// statements (IN lists of every length, ad-hoc filters) does not grow without end. A connection asks
// for one statement at a time and its callers do not hold one across calls (backend.hpp's contract),
// so the least recently used statement is never one in use.
#pragma once

#include <cstddef>
#include <functional>
#include <list>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>

namespace drf::db::detail {

template <class S>
class StatementCache {
public:
    explicit StatementCache(std::size_t capacity = 256) : capacity_(capacity < 2 ? 2 : capacity) {}

    // The statement for `sql`, made by make() the first time (and again after it was dropped).
    // on_drop(statement) runs before a statement is destroyed to make room (PostgreSQL deallocates it).
    template <class Make, class OnDrop>
    S& get(std::string_view sql, Make&& make, OnDrop&& on_drop) {
        if (auto it = index_.find(sql); it != index_.end()) {
            order_.splice(order_.begin(), order_, it->second);  // now the most recently used
            return *it->second->statement;
        }
        std::unique_ptr<S> made = make();  // may throw: nothing has changed yet
        if (order_.size() >= capacity_) {
            auto& victim = order_.back();
            on_drop(*victim.statement);
            index_.erase(std::string_view(victim.sql));
            order_.pop_back();
        }
        order_.push_front({std::string(sql), std::move(made)});
        index_.emplace(std::string_view(order_.front().sql), order_.begin());
        return *order_.front().statement;
    }

    std::size_t size() const noexcept { return order_.size(); }
    std::size_t capacity() const noexcept { return capacity_; }
    void clear() noexcept {
        index_.clear();
        order_.clear();
    }

private:
    struct Entry {
        std::string sql;
        std::unique_ptr<S> statement;
    };
    struct Hash {
        using is_transparent = void;
        std::size_t operator()(std::string_view s) const noexcept { return std::hash<std::string_view>{}(s); }
    };
    std::size_t capacity_;
    std::list<Entry> order_;  // most recently used first; list nodes keep `sql` in place for the index's views
    std::unordered_map<std::string_view, typename std::list<Entry>::iterator, Hash, std::equal_to<>> index_;
};

}  // namespace drf::db::detail
