// drf/db/databases.hpp — Databases: Django's `connections`, one Database per thread, each opened on
// first use by the function given. A Database is not thread-safe; this is how a multi-threaded server
// and its viewsets, authenticators and commands share one database file safely.
#pragma once

#include <drf/db/database.hpp>

#include <functional>
#include <memory>
#include <mutex>
#include <thread>
#include <unordered_map>
#include <utility>

namespace drf::db {

class Databases {
public:
    explicit Databases(std::function<Database()> open) : open_(std::move(open)) {}
    Databases(const Databases&) = delete;
    Databases& operator=(const Databases&) = delete;

    // The calling thread's Database, opened on its first call.
    Database& get() {
        const std::lock_guard lock(mutex_);
        auto& slot = per_thread_[std::this_thread::get_id()];
        if (!slot) slot = std::make_unique<Database>(open_());
        return *slot;
    }

    // Closes the calling thread's connection (a worker thread about to exit).
    void release() {
        const std::lock_guard lock(mutex_);
        per_thread_.erase(std::this_thread::get_id());
    }

private:
    std::function<Database()> open_;
    std::mutex mutex_;
    std::unordered_map<std::thread::id, std::unique_ptr<Database>> per_thread_;
};

}  // namespace drf::db
