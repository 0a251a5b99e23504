// drf/db/databases.hpp — Databases: Django's `connections`, one Database per thread, each opened on
// first use by the function given. A Database is not thread-safe; this is how a multi-threaded server
// and its viewsets, authenticators and commands share one database file safely.
#pragma once

#include <drf/db/database.hpp>

#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>
#include <unordered_map>
#include <utility>

namespace drf::db {

namespace detail {
// The Databases a thread asked last and what it answered. A request asks several times (the
// authenticator, the viewset, each query); this answers all but the first without the shared mutex,
// which the server's threads would otherwise take turns on. Instances are told apart by a serial number,
// never reused, so a Databases destroyed and another made at its address is not mistaken for it.
struct LastDatabases {
    std::uint64_t serial = 0;
    Database* database = nullptr;
};
inline thread_local LastDatabases last_databases;
inline std::atomic<std::uint64_t> databases_serials{0};
}  // namespace detail

class Databases {
public:
    explicit Databases(std::function<Database()> open) : open_(std::move(open)) {}
    Databases(const Databases&) = delete;
    Databases& operator=(const Databases&) = delete;

    // The calling thread's Database, opened on its first call.
    Database& get() { return *find(true); }

    // The calling thread's Database if it has opened one, else null: never opens a connection.
    Database* current() { return find(false); }

    // This instance's number among every Databases the process has made, never reused: what a cache
    // of things read from it (a viewset's page cache) tells it apart by, where an address could be reused.
    std::uint64_t serial() const noexcept { return serial_; }

    // Closes the calling thread's connection (a worker thread about to exit).
    void release() {
        if (detail::last_databases.serial == serial_) detail::last_databases = {};
        const std::lock_guard lock(mutex_);
        per_thread_.erase(std::this_thread::get_id());
    }

private:
    Database* find(bool open) {
        detail::LastDatabases& last = detail::last_databases;
        if (last.serial == serial_) return last.database;
        const std::lock_guard lock(mutex_);
        const auto it = per_thread_.find(std::this_thread::get_id());
        Database* database = it != per_thread_.end() ? it->second.get() : nullptr;
        if (!database && open)
            database = (per_thread_[std::this_thread::get_id()] = std::make_unique<Database>(open_())).get();
        if (database) last = {serial_, database};
        return database;
    }

    const std::uint64_t serial_ = ++detail::databases_serials;
    std::function<Database()> open_;
    std::mutex mutex_;
    std::unordered_map<std::thread::id, std::unique_ptr<Database>> per_thread_;
};

}  // namespace drf::db
