// drf/auth/token_cache.hpp — TokenAuthentication's cache of token digests to users: bounded (least
// recently used dropped first), shared by the threads of one process, and emptied whenever the
// credentials' change counter (auth_0002_credentials_counter, token_cache_migrations()) moves, which
// every process reads from the database on every request.
#pragma once

#include <drf/auth/user.hpp>
#include <drf/core/datetime.hpp>
#include <drf/db/backend.hpp>
#include <drf/db/database.hpp>

#include <cstddef>
#include <cstdint>
#include <list>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>

namespace drf::auth {

// The row of drf_table_versions that TokenAuthentication's cache compares on every request, kept by
// the triggers of token_cache_migrations() (<drf/auth/migrations.hpp>).
inline constexpr std::string_view credentials_counter = "auth_credentials";

// The cache is on but the database has no credentials counter: without it a token revoked through
// another process (or a bulk delete, which sends no signal) would go unseen, so this is an error.
class MissingCredentialsCounter : public std::logic_error {
public:
    MissingCredentialsCounter()
        : std::logic_error("TokenAuthentication's cache needs the credentials counter: add "
                           "drf::auth::token_cache_migrations() after drf::auth::migrations() and migrate") {}
};

// The credentials' change counter, read with one statement on the primary key of drf_table_versions.
// It moves on every UPDATE or DELETE of a token and every change of a user's identity or flags, by
// any path (the ORM, a bulk QuerySet::update/remove, raw SQL, another process), once committed.
inline std::int64_t credentials_version(db::Database& db) {
    static const std::string sql = "SELECT \"version\" FROM \"drf_table_versions\" WHERE \"table_name\" = '" +
                                   std::string(credentials_counter) + "'";
    std::optional<std::int64_t> version;
    try {
        db::StatementScope s(db.connection().prepare(sql));
        if (s->step()) version = s->column_int(0);
    } catch (const db::DatabaseError&) {
        throw MissingCredentialsCounter();  // no drf_table_versions table at all
    }
    if (!version) throw MissingCredentialsCounter();
    return *version;
}

namespace detail {

// Digest (sha256_hex of a key) → user, at most `capacity` entries, valid for one counter value. Every
// member locks: authenticators are shared by all worker threads.
class TokenCache {
public:
    explicit TokenCache(std::size_t capacity) : capacity_(capacity) {}

    // The user cached for `digest`, when the counter still reads `version`. A different value empties
    // the cache first: something revoked since, and which entries it concerned is not known.
    std::optional<User> get(std::string_view digest, std::int64_t version) {
        const std::lock_guard lock(mutex_);
        if (!at_version(version)) return std::nullopt;
        const auto found = index_.find(std::string(digest));
        if (found == index_.end()) return std::nullopt;
        order_.splice(order_.begin(), order_, found->second);
        return found->second->second;
    }

    // Caches `user` for `digest`, read from the database after the counter read `version`: the entry
    // is at least as new as the counter, so it is dropped with the next change, never kept past it.
    void put(std::string_view digest, const User& user, std::int64_t version) {
        const std::lock_guard lock(mutex_);
        at_version(version);
        std::string key(digest);
        if (const auto found = index_.find(key); found != index_.end()) {
            found->second->second = user;
            order_.splice(order_.begin(), order_, found->second);
            return;
        }
        if (capacity_ == 0) return;
        if (index_.size() == capacity_) {
            index_.erase(order_.back().first);
            order_.pop_back();
        }
        order_.emplace_front(key, user);
        index_.emplace(std::move(key), order_.begin());
    }

    // After this process wrote the user's last_login: the cached copy says so too.
    void set_last_login(std::string_view digest, DateTime when) {
        const std::lock_guard lock(mutex_);
        if (const auto found = index_.find(std::string(digest)); found != index_.end()) found->second->second.last_login = when;
    }

    void erase(std::string_view digest) {
        const std::lock_guard lock(mutex_);
        if (const auto found = index_.find(std::string(digest)); found != index_.end()) {
            order_.erase(found->second);
            index_.erase(found);
        }
    }

    std::size_t size() const {
        const std::lock_guard lock(mutex_);
        return index_.size();
    }
    std::size_t capacity() const noexcept { return capacity_; }

private:
    // Whether the entries are of `version`; if not, drops them and takes it.
    bool at_version(std::int64_t version) {
        if (version_ == version) return true;
        order_.clear();
        index_.clear();
        version_ = version;
        return false;
    }

    using Entries = std::list<std::pair<std::string, User>>;  // most recently used first
    mutable std::mutex mutex_;
    std::size_t capacity_;
    std::optional<std::int64_t> version_;
    Entries order_;
    std::unordered_map<std::string, Entries::iterator> index_;
};

}  // namespace detail

}  // namespace drf::auth
