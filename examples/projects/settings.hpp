// examples/projects/settings.hpp — the service's settings, read from the environment once at start:
// the database (and how SQLite commits), the cursor secret and the hosts it answers for, and the context its views are built
// from. A setting that cannot be used is a ConfigurationError, which main reports on stderr with exit
// status 1 before any command runs.
#pragma once

#include <drf/auth/authentication.hpp>
#include <drf/core/crypto.hpp>
#include <drf/db/connect.hpp>
#include <drf/db/databases.hpp>
#include <drf/db/sqlite.hpp>
#include <drf/http/hosts.hpp>
#include <drf/pagination/cursor.hpp>
#include <drf/views/context.hpp>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <sys/stat.h>
#include <unistd.h>
#include <vector>

namespace projects {

// Django's ImproperlyConfigured: the service cannot start with these settings.
class ConfigurationError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

inline std::optional<std::string> env(const char* name) {
    const char* value = std::getenv(name);
    if (value && *value) return std::string(value);
    return std::nullopt;
}

// Where the data lives: PROJECTS_DATABASE_URL (postgresql://…, or sqlite:///…) wins over PROJECTS_DB,
// the SQLite file (default projects.sqlite3 in the working directory).
struct DatabaseSetting {
    std::string url;          // what drf::db::connect opens
    std::string sqlite_path;  // the file, when it is SQLite from PROJECTS_DB; empty otherwise
};
inline DatabaseSetting database_setting() {
    if (auto url = env("PROJECTS_DATABASE_URL")) return {*url, {}};
    const std::string path = env("PROJECTS_DB").value_or("projects.sqlite3");
    return {"sqlite:///" + path, path};
}

// How a SQLite database commits: PROJECTS_SQLITE_SYNCHRONOUS=normal (the default) or full. With normal
// a committed write survives a crash of the process; only with full does it survive a crash of the
// machine (one fsync per commit). PostgreSQL ignores it (its own synchronous_commit decides).
inline drf::db::sqlite::Options sqlite_options() {
    drf::db::sqlite::Options options;
    if (auto value = env("PROJECTS_SQLITE_SYNCHRONOUS")) {
        if (*value == "full")
            options.synchronous = drf::db::sqlite::Synchronous::full;
        else if (*value != "normal")
            throw ConfigurationError("PROJECTS_SQLITE_SYNCHRONOUS must be normal or full");
    }
    return options;
}

// What App opens on each thread: a SQLite URL with sqlite_options(), any other through drf::db::connect.
inline drf::db::Database open_database(const std::string& url, const drf::db::sqlite::Options& options) {
    if (url.rfind("sqlite://", 0) == 0) return drf::db::sqlite::open(drf::db::sqlite::detail::path_of(url), options);
    return drf::db::connect(url);
}

namespace detail {

inline std::string os_error(const std::string& what, const std::string& path) {
    return what + " " + path + ": " + std::strerror(errno);
}

// The secret kept in `path`, read without following a symlink; nullopt when there is no such file.
inline std::optional<std::string> read_secret_file(const std::string& path) {
    constexpr std::size_t minimum = drf::pagination::min_cursor_secret_size;
    constexpr std::size_t maximum = 4096;
    // O_NONBLOCK: a FIFO planted there must not hang the start; it is refused below as not a file.
    const int fd = ::open(path.c_str(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK);
    if (fd < 0) {
        if (errno == ENOENT) return std::nullopt;
        if (errno == ELOOP) throw ConfigurationError("the cursor secret file " + path + " is a symbolic link; refusing it");
        throw ConfigurationError(os_error("cannot read the cursor secret file", path));
    }
    struct stat info {};
    int error = ::fstat(fd, &info) == 0 ? 0 : errno;
    const bool regular = error == 0 && S_ISREG(info.st_mode);
    std::string secret;
    char buffer[512];
    while (regular && error == 0 && secret.size() <= maximum) {
        const ssize_t n = ::read(fd, buffer, sizeof buffer);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) error = errno;
        if (n <= 0) break;
        secret.append(buffer, static_cast<std::size_t>(n));
    }
    ::close(fd);
    const std::string file = "the cursor secret file " + path;
    if (error != 0) throw ConfigurationError("cannot read " + file + ": " + std::strerror(error));
    if (!regular) throw ConfigurationError(file + " is not a regular file");
    if (secret.size() > maximum)
        throw ConfigurationError(file + " holds more than " + std::to_string(maximum) + " bytes");
    if (secret.size() < minimum)
        throw ConfigurationError(file + " holds " + std::to_string(secret.size()) + " bytes, fewer than " +
                                 std::to_string(minimum) + "; delete it to have a new secret generated");
    return secret;
}

// Creates `path` holding `secret`, readable by the owner only from the first moment; never through a
// symlink, never over an existing file. On failure nothing is left behind.
inline void write_secret_file(const std::string& path, const std::string& secret) {
    const int fd = ::open(path.c_str(), O_CREAT | O_EXCL | O_NOFOLLOW | O_WRONLY | O_CLOEXEC, 0600);
    if (fd < 0) throw ConfigurationError(os_error("cannot create the cursor secret file", path));
    int error = 0;
    for (std::size_t written = 0; written < secret.size();) {
        const ssize_t n = ::write(fd, secret.data() + written, secret.size() - written);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) {
            error = n < 0 ? errno : EIO;
            break;
        }
        written += static_cast<std::size_t>(n);
    }
    if (error == 0 && ::fsync(fd) != 0) error = errno;
    if (::close(fd) != 0 && error == 0) error = errno;
    if (error != 0) {
        ::unlink(path.c_str());
        throw ConfigurationError("cannot write the cursor secret file " + path + ": " + std::strerror(error));
    }
}

}  // namespace detail

// The cursor secret: PROJECTS_CURSOR_SECRET — every instance behind one load balancer must share it —
// or, for a SQLite file, one generated once and kept next to it (so cursors survive restarts). With
// PROJECTS_DATABASE_URL there is no file to keep it in: runserver refuses to start without the variable
// (see ProjectsRunServer), rather than sign with a secret no other instance knows.
inline std::optional<std::string> cursor_secret(const DatabaseSetting& setting) {
    constexpr std::size_t minimum = drf::pagination::min_cursor_secret_size;
    if (auto secret = env("PROJECTS_CURSOR_SECRET")) {
        if (secret->size() < minimum)
            throw ConfigurationError("PROJECTS_CURSOR_SECRET has " + std::to_string(secret->size()) +
                                     " bytes; it needs at least " + std::to_string(minimum));
        return secret;
    }
    if (setting.sqlite_path.empty()) return std::nullopt;
    if (setting.sqlite_path == ":memory:") return drf::crypto::to_hex(drf::crypto::random_bytes(32));
    const std::string path = setting.sqlite_path + ".cursor-secret";
    if (auto kept = detail::read_secret_file(path)) return kept;
    std::string secret = drf::crypto::to_hex(drf::crypto::random_bytes(32));
    detail::write_secret_file(path, secret);
    return secret;
}

// The hosts the service answers for (Django's ALLOWED_HOSTS), comma-separated in PROJECTS_ALLOWED_HOSTS;
// unset, Django's local defaults .localhost, 127.0.0.1 and [::1]. Behind a proxy,
// PROJECTS_SECURE_PROXY_SSL_HEADER="X-Forwarded-Proto: https" makes links https when the proxy says so,
// and PROJECTS_USE_X_FORWARDED_HOST=1 takes the public host from X-Forwarded-Host.
inline drf::http::HostSettings host_settings() {
    const auto trim = [](std::string_view s) {
        while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
        while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
        return s;
    };
    drf::http::HostSettings settings;
    if (auto list = env("PROJECTS_ALLOWED_HOSTS")) {
        settings.allowed_hosts.clear();
        std::string_view rest = *list;
        while (!rest.empty()) {
            const auto comma = rest.find(',');
            const std::string_view item = trim(rest.substr(0, comma));
            if (!item.empty()) settings.allowed_hosts.emplace_back(item);
            rest = comma == std::string_view::npos ? std::string_view() : rest.substr(comma + 1);
        }
        if (settings.allowed_hosts.empty())
            throw ConfigurationError("PROJECTS_ALLOWED_HOSTS names no host; unset it for the local defaults");
    }
    if (auto header = env("PROJECTS_SECURE_PROXY_SSL_HEADER")) {
        const auto colon = header->find(':');
        const std::string_view name = trim(std::string_view(*header).substr(0, colon));
        const std::string_view value =
            colon == std::string::npos ? std::string_view() : trim(std::string_view(*header).substr(colon + 1));
        if (name.empty() || value.empty() || name.find_first_of(" \t") != std::string_view::npos)
            throw ConfigurationError("PROJECTS_SECURE_PROXY_SSL_HEADER must be 'Header-Name: value', such as "
                                     "'X-Forwarded-Proto: https'");
        settings.secure_proxy_ssl_header = drf::http::ProxySslHeader{std::string(name), std::string(value)};
    }
    if (auto flag = env("PROJECTS_USE_X_FORWARDED_HOST")) {
        if (*flag != "0" && *flag != "1")
            throw ConfigurationError("PROJECTS_USE_X_FORWARDED_HOST must be 1 or 0");
        settings.use_x_forwarded_host = *flag == "1";
    }
    return settings;
}

// Where the API's documentation pages (/api/docs/, /api/redoc/) load Swagger UI and Redoc from:
// PROJECTS_OPENAPI_ASSETS, a directory laid out as drf-spectacular-sidecar's static files (swagger-ui-dist/…,
// redoc/bundles/redoc.standalone.js; node_modules after `npm install swagger-ui-dist redoc` is one), whose
// files are then served by the service itself; unset, drf-spectacular's CDN.
inline std::optional<std::filesystem::path> openapi_assets_dir() {
    if (auto dir = env("PROJECTS_OPENAPI_ASSETS")) return std::filesystem::path(*dir);
    return std::nullopt;
}

}  // namespace projects
