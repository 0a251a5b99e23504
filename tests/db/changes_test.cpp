// tests/db/changes_test.cpp — per-table change counters (drf/db/changes.hpp, installed by
// drf::migrations::track_changes) and QuerySet::select_for_update. On every backend.
#include "models.hpp"
#include "../support/database.hpp"

#include <drf/db.hpp>
#include <drf/migrations.hpp>

#include <catch2/catch.hpp>

#include <array>
#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

namespace changes_test {

using namespace db_test;
namespace db = drf::db;
namespace mig = drf::migrations;

// users and projects created, both tracked.
drf::db::Database tracked_database() {
    auto database = drf_test::open_database();
    mig::Migrator(database, {{"0001", {}, {mig::create_table(mig::from_model<User>()), mig::create_table(mig::from_model<Project>()),
                                           mig::track_changes("users"), mig::track_changes("projects")}, {}}})
        .migrate();
    return database;
}

std::int64_t version(db::Database& database, std::string_view table) {
    return db::table_versions(database, std::array<std::string_view, 1>{table}).front();
}

User make_user(db::Database& database, std::string name) {
    User u;
    u.username = std::move(name);
    return db::objects<User>(database).create(u);
}

TEST_CASE("A tracked table's change counter starts at 0 and grows with each INSERT, UPDATE and DELETE", "[db]") {
    auto database = tracked_database();
    CHECK(version(database, "users") == 0);
    User alice = make_user(database, "alice");
    const auto after_insert = version(database, "users");
    CHECK(after_insert > 0);
    alice.is_staff = true;
    db::objects<User>(database).save(alice);
    const auto after_update = version(database, "users");
    CHECK(after_update > after_insert);
    db::objects<User>(database).remove(alice);
    CHECK(version(database, "users") > after_update);
    CHECK(version(database, "projects") == 0);
}

TEST_CASE("A bulk update or delete, which sends no signals, still moves the counter", "[db]") {
    auto database = tracked_database();
    make_user(database, "alice");
    make_user(database, "bob");
    auto before = version(database, "users");
    db::objects<User>(database).all().update(db::set(&User::is_active, false));
    CHECK(version(database, "users") > before);
    before = version(database, "users");
    db::objects<User>(database).all().remove();
    CHECK(version(database, "users") > before);
}

TEST_CASE("A write rolled back rolls its counter back with it", "[db]") {
    auto database = tracked_database();
    const auto before = version(database, "users");
    CHECK_THROWS_AS(database.atomic([&] {
        make_user(database, "ghost");
        throw std::runtime_error("abandon");
    }),
                    std::runtime_error);
    CHECK(version(database, "users") == before);
}

TEST_CASE("table_versions reads several tables' counters in the order asked, in one statement", "[db]") {
    auto database = tracked_database();
    make_user(database, "alice");
    const auto users = version(database, "users");
    CHECK(db::table_versions(database, std::array<std::string_view, 2>{"projects", "users"}) == std::vector<std::int64_t>{0, users});
    CHECK(db::tables<Project, User>() == std::array<std::string_view, 2>{"projects", "users"});
}

TEST_CASE("table_versions answers any number of names, repeated or not, in the order asked", "[db]") {
    auto database = tracked_database();
    make_user(database, "alice");
    make_user(database, "bob");
    const auto users = version(database, "users");
    std::vector<std::string_view> names;  // 130: more than one statement holds (64 names each)
    std::vector<std::int64_t> expected;
    for (int i = 0; i < 130; ++i) {
        names.push_back(i % 3 == 0 ? "projects" : "users");
        expected.push_back(i % 3 == 0 ? 0 : users);
    }
    CHECK(db::table_versions(database, std::span<const std::string_view>(names)) == expected);
    names.back() = "elsewhere";  // an untracked name in the last statement is still found out
    CHECK_THROWS_AS(db::table_versions(database, std::span<const std::string_view>(names)), db::UntrackedTable);
    CHECK(db::table_versions(database, std::span<const std::string_view>()).empty());
}

TEST_CASE("Asking for the counter of a table no migration tracks is an error naming the fix", "[db]") {
    auto database = tracked_database();
    CHECK_THROWS_WITH(version(database, "elsewhere"),
                      "drf::db::table_versions: the table elsewhere is not tracked; add "
                      "drf::migrations::track_changes(\"elsewhere\") to a migration");
}

TEST_CASE("select_for_update outside a transaction is refused, as Django refuses it", "[db]") {
    auto database = tracked_database();
    make_user(database, "alice");
    CHECK_THROWS_WITH(db::objects<User>(database).all().select_for_update().all(),
                      "select_for_update cannot be used outside of a transaction.");
    CHECK(database.atomic([&] { return db::objects<User>(database).all().select_for_update().all().size(); }) == 1);
}

TEST_CASE("select_for_update holds the rows it read until the transaction ends", "[db][postgresql]") {
    if (!drf_test::on_postgresql()) return;  // SQLite's atomic() is BEGIN IMMEDIATE: the whole database is held
    auto database = tracked_database();
    const User alice = make_user(database, "alice");
    auto other = drf_test::another_connection(database);
    other.connection().execute("SET lock_timeout = '100ms'");
    database.atomic([&] {
        db::objects<User>(database).filter(db::eq(&User::id, alice.id)).select_for_update().get();
        CHECK_THROWS_AS(other.atomic([&] { db::objects<User>(other).filter(db::eq(&User::id, alice.id)).select_for_update().get(); }),
                        db::DatabaseError);
    });
    CHECK(other.atomic([&] { return db::objects<User>(other).filter(db::eq(&User::id, alice.id)).select_for_update().get().username; }) ==
          "alice");
}

}  // namespace changes_test
