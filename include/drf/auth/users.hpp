// drf/auth/users.hpp — creating users (Django's User.objects.create_user) and issuing, resolving and
// revoking API tokens (rest_framework.authtoken), with only each key's SHA-256 digest ever stored.
#pragma once

#include <drf/auth/token.hpp>
#include <drf/auth/user.hpp>
#include <drf/core/clock.hpp>
#include <drf/core/crypto.hpp>
#include <drf/core/detail/strings.hpp>
#include <drf/core/detail/utf8.hpp>
#include <drf/db/backend.hpp>
#include <drf/db/database.hpp>
#include <drf/db/query.hpp>
#include <drf/db/manager.hpp>
#include <drf/db/rows.hpp>
#include <drf/models/meta.hpp>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>

namespace drf::auth {

// create_user() for a username that is taken. It is an IntegrityError, so code written against
// Django's behaviour (catch IntegrityError) keeps working; the message is the one Django's forms show.
class UserExists : public db::IntegrityError {
public:
    UserExists() : db::IntegrityError("A user with that username already exists.") {}
};

struct CreateUserOptions {
    std::string email = {};  // an initializer, so {.is_staff = true} does not trip -Wmissing-field-initializers
    bool is_staff = false;
    bool is_active = true;
};

// Characters in a key: 20 bytes from the CSPRNG as lowercase hex, DRF's format (binascii.hexlify of
// os.urandom(20)), so clients and tools that expect DRF tokens accept these.
inline constexpr std::size_t token_key_length = 40;

namespace detail {
// Django's BaseUserManager.normalize_email: the domain part lowercased, the local part untouched
// (some mail servers treat it case-sensitively).
inline std::string normalize_email(std::string email) {
    const auto at = email.rfind('@');
    if (at == std::string::npos) return email;
    // Python's strip() of the ASCII range (Unicode spaces around an address are left alone).
    std::string out(drf::detail::trim(email, drf::detail::is_python_ascii_space));
    const auto domain = out.rfind('@');
    for (std::size_t i = domain + 1; i < out.size(); ++i) out[i] = drf::detail::ascii_lower(out[i]);
    return out;
}

// Django's MaxLengthValidator, which the database would otherwise not enforce (SQLite ignores the
// declared length).
inline void check_length(std::string_view what, std::string_view value, std::size_t max) {
    const std::size_t n = drf::detail::utf8_length(value);
    if (n > max)
        throw std::invalid_argument(std::string(what) + ": Ensure this value has at most " + std::to_string(max) +
                                    " characters (it has " + std::to_string(n) + ").");
}

// Only what create_token() produces can match a stored digest; anything else is answered without a query.
inline bool is_token_key(std::string_view key) noexcept {
    if (key.size() != token_key_length) return false;
    for (char c : key)
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
    return true;
}

// The user of the token stored with this digest (sha256_hex of its key), or nullopt.
inline std::optional<User> user_for_digest(db::Database& db, std::string_view digest) {
    // One statement, prepared once: this runs on every authenticated request.
    static const std::string sql = "SELECT " + db::column_list<User>() + " FROM " +
                                   db::quote_name(User::meta.table) + " WHERE \"id\" = (SELECT \"user_id\" FROM " +
                                   db::quote_name(Token::meta.table) + " WHERE \"digest\" = ?)";
    db::StatementScope s(db.connection().prepare(sql));
    s->bind_text(1, digest);
    if (!s->step()) return std::nullopt;
    User user = models::make_no_init<User>();
    db::read_row(*s, user);
    return user;
}
}  // namespace detail

// Django's User.objects.create_user(username, email): inserts and returns the user. An empty username is
// std::invalid_argument ("The given username must be set", Django's ValueError); a username over 150
// or an email over 254 characters is std::invalid_argument too; a taken username is UserExists, an
// IntegrityError. The email's domain is lowercased, as Django does. There are no passwords: API clients
// authenticate with tokens.
inline User create_user(db::Database& db, std::string username, CreateUserOptions options = {}) {
    if (username.empty()) throw std::invalid_argument("The given username must be set");
    detail::check_length("username", username, 150);
    std::string email = detail::normalize_email(std::move(options.email));
    detail::check_length("email", email, 254);
    User user;
    user.username = std::move(username);
    user.email = std::move(email);
    user.is_staff = options.is_staff;
    user.is_active = options.is_active;
    try {
        // In its own atomic block (a savepoint when the caller has a transaction open) so a failed
        // insert leaves the caller's transaction usable for the check below on every backend.
        return db.atomic([&] { return db::objects<User>(db).create(user); });
    } catch (const db::IntegrityError&) {
        // Asking, rather than parsing the backend's message, tells a taken username from any other
        // constraint failure portably.
        if (db::objects<User>(db).filter(db::eq(&User::username, user.username)).exists()) throw UserExists();
        throw;
    }
}

// Issues a new token for `user` and returns its key: 40 lowercase hex characters from 20 bytes of
// OpenSSL's CSPRNG. Only sha256_hex(key) is stored, so this is the one time the key exists outside the
// client: show it once. A user may hold any number of tokens. The user must be saved in `db` (a foreign
// key; otherwise db::IntegrityError).
inline std::string create_token(db::Database& db, const User& user) {
    std::string key = crypto::to_hex(crypto::random_bytes(token_key_length / 2));
    Token token;
    token.digest = crypto::sha256_hex(key);
    token.user_id = user.id;
    db::objects<Token>(db).create(std::move(token));
    return key;
}

// The user a key belongs to, active or not (TokenAuthentication refuses inactive ones; check is_active
// when calling this directly); nullopt for an unknown or revoked key.
// The lookup is an index search for sha256_hex(key). That the search's timing depends on the digest's
// bytes leaks nothing useful: knowing part of the digest of a valid key does not help find a key, since
// a SHA-256 preimage of a 160-bit random key is out of reach. So no constant-time comparison is needed.
inline std::optional<User> user_for_token(db::Database& db, std::string_view key) {
    if (!detail::is_token_key(key)) return std::nullopt;
    return detail::user_for_digest(db, crypto::sha256_hex(key));
}

// Django's update_last_login, throttled: records drf::now() as `user`'s last_login, in the database and
// in `user`, unless the recorded one is less than a minute old. Returns whether it wrote.
// TokenAuthentication calls it on every authenticated request, with the user it has just read: an API
// client sending many requests costs no statement for them but one conditional UPDATE a minute. The
// condition repeats the check in SQL, so concurrent requests of one user (other threads, other
// instances) write once between them.
inline bool update_last_login(db::Database& db, User& user) {
    const DateTime now = drf::now();
    const DateTime stale_before = now - boost::posix_time::minutes(1);
    if (user.last_login && *user.last_login >= stale_before) return false;
    const auto written = db::objects<User>(db)
                             .filter(db::eq(&User::id, user.id) &&
                                     (db::is_null(&User::last_login) || db::lt(&User::last_login, stale_before)))
                             .update(db::set(&User::last_login, now));
    if (written == 0) return false;
    user.last_login = now;
    return true;
}

// Revokes one token (a client logging out); false when the key was not a live token.
inline bool revoke_token(db::Database& db, std::string_view key) {
    if (!detail::is_token_key(key)) return false;
    return db::objects<Token>(db).filter(db::eq(&Token::digest, crypto::sha256_hex(key))).remove() > 0;
}

// Revokes every token of `user` (a stolen laptop, a deactivated account); returns how many there were.
inline std::int64_t revoke_tokens(db::Database& db, const User& user) {
    return db::objects<Token>(db).filter(db::eq(&Token::user_id, user.id)).remove();
}

// Deletes `user` with their tokens, in one transaction. Deleting the user alone fails while tokens
// reference it (the foreign key restricts; Django would cascade): this is the cascade, made explicit.
// Returns the number of users deleted (0 when there was none). Django's advice applies: prefer setting
// is_active = false, which keeps the history that points at the user.
inline std::int64_t remove_user(db::Database& db, const User& user) {
    return db.atomic([&] {
        revoke_tokens(db, user);
        return db::objects<User>(db).remove(user);
    });
}

}  // namespace drf::auth
