// examples/cleanup_inactive.cpp — a Django-style cleanup_inactive command's logic on a real SQLite file:
// deactivate, in one UPDATE, the users whose last_login is older than 90 days. TokenAuthentication
// records last_login when a user's token is used (at most once a minute), so this finds the API
// clients that have gone quiet.
//     cleanup_inactive [--dry-run] [DATABASE_FILE]
// Without a file it makes a fresh one in the temp directory, where five clients used their tokens:
// three 120 days ago, two 10 days ago, and checks that the first three are the ones deactivated.
#include <drf/auth.hpp>
#include <drf/core/clock.hpp>
#include <drf/db.hpp>
#include <drf/db/sqlite.hpp>
#include <drf/http/request.hpp>
#include <drf/migrations.hpp>

#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <string>
#include <utility>
#include <vector>

namespace db = drf::db;
using boost::posix_time::hours;
using drf::auth::User;

// Five clients, each sending one request with its token: three 120 days ago, two 10 days ago. A
// frozen clock stands in for the days passing; TokenAuthentication writes last_login as it would live.
void seed(db::Databases& databases) {
    db::Database& database = databases.get();
    const drf::auth::TokenAuthentication token_auth(databases);
    drf::FrozenClock clock(drf::now() - hours(24 * 120));
    const drf::ClockOverride frozen(clock);
    std::vector<std::string> keys;
    for (int i = 0; i < 5; ++i) {
        const User user = drf::auth::create_user(database, "user" + std::to_string(i));
        keys.push_back(drf::auth::create_token(database, user));
    }
    for (int i = 0; i < 5; ++i) {
        if (i == 3) clock.advance(hours(24 * 110));
        drf::http::Headers headers;
        headers.add("Authorization", "Token " + keys[static_cast<std::size_t>(i)]);
        token_auth.authenticate(drf::http::Request(drf::http::Method::get, "/api/projects/", std::move(headers)));
    }
}

int main(int argc, char** argv) {
    bool dry_run = false;
    std::string path;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--dry-run") dry_run = true;
        else path = arg;
    }
    const bool temporary = path.empty();
    if (temporary)
        path = (std::filesystem::temp_directory_path() / ("cleanup-" + drf::to_string(drf::uuid4()) + ".sqlite3"))
                   .string();

    int status = EXIT_SUCCESS;
    {
        db::Databases databases([&] { return db::sqlite::open(path); });
        drf::migrations::Migrator(databases.get(), drf::auth::migrations()).migrate();
        if (temporary) seed(databases);
        auto users = db::objects<User>(databases.get());

        // Django: User.objects.filter(last_login__lt=cutoff, is_active=True)
        const auto cutoff = drf::now() - hours(24 * 90);
        const auto stale = users.filter(db::lt(&User::last_login, cutoff) && db::eq(&User::is_active, true));
        if (dry_run) {
            std::cout << "Would deactivate " << stale.count() << " users\n";
        } else {
            const auto count = stale.update(db::set(&User::is_active, false));  // one UPDATE, no signals
            std::cout << "Deactivated " << count << " users\n";
            if (temporary && (count != 3 || users.filter(db::eq(&User::is_active, true)).count() != 2)) {
                std::cerr << "unexpected result\n";
                status = EXIT_FAILURE;
            }
        }
    }
    if (temporary) {
        for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path + suffix);
    }
    return status;
}
