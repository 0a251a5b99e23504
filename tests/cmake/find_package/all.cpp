// A consumer of the whole library: #include <drf/drf.hpp> and link drf::all, nothing else. Uses
// SQLite, OpenSSL and auth for real, so a component missing from drf::all fails to link.
#include <drf/drf.hpp>

#include <iostream>
#include <string>

int main() {
    drf::db::Databases databases([] { return drf::db::sqlite::open(":memory:"); });
    drf::migrations::Migrator(databases.get(), drf::auth::migrations()).migrate();
    const drf::auth::User user = drf::auth::create_user(databases.get(), "consumer");
    const std::string key = drf::auth::create_token(databases.get(), user);
    const drf::commands::Registry registry("manage");
    const drf::server::ServerOptions options;
    std::cout << user.username << ' ' << drf::crypto::sha256_hex(key).size() << '\n';
    return key.size() == 40 && drf::db::objects<drf::auth::User>(databases.get()).count() == 1 ? 0 : 1;
}
