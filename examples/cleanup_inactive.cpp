// examples/cleanup_inactive.cpp — the seed's cleanup_inactive command logic on a real SQLite file:
// migrate, then find users whose last_login is older than 90 days and deactivate them in one UPDATE.
//     cleanup_inactive [--dry-run] [DATABASE_FILE]     (default: a fresh file in the temp directory)
#include <drf/db.hpp>
#include <drf/db/sqlite.hpp>
#include <drf/migrations.hpp>
#include <drf/models.hpp>

#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <string>

struct User : drf::models::Model<User> {
    std::string username;
    bool is_active = true;
    std::optional<drf::DateTime> last_login;
    static constexpr auto meta = drf::models::meta<User>(
        "users", drf::models::field("username", &User::username).unique(),
        drf::models::field("is_active", &User::is_active), drf::models::field("last_login", &User::last_login));
};

namespace db = drf::db;
using boost::posix_time::hours;

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
        path = (std::filesystem::temp_directory_path() / ("cleanup-" + drf::to_string(drf::uuid4()) + ".sqlite3")).string();

    int status = EXIT_SUCCESS;
    {
        auto database = db::sqlite::open(path);
        drf::migrations::Migrator(database, {{"0001_initial", {}, {drf::migrations::create_model<User>()}, {}}}).migrate();
        auto users = db::objects<User>(database);

        if (temporary) {  // something to clean up: three users who left long ago, two who did not
            for (int i = 0; i < 5; ++i) {
                User u;
                u.username = "user" + std::to_string(i);
                u.last_login = drf::now() - hours(24 * (i < 3 ? 120 : 10));
                users.create(u);
            }
        }

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
