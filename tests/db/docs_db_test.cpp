// tests/db/docs_db_test.cpp — the example in docs/database.md, compiled and run (the page's `assert`s
// are CHECKs here), and the rows of the page's rule tables, so the page cannot claim what the code
// does not do. Each snippet's types live in their own named namespace (other tests link into the
// same binary and have their own User and Project).
#include "../support/sqlite_file.hpp"

#include <drf/db.hpp>
#include <drf/db/sqlite.hpp>
#include <drf/migrations.hpp>
#include <drf/models.hpp>
#include <drf/signals.hpp>

#include <catch2/catch.hpp>

#include <atomic>
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

namespace docs_db_rules {

// =================================================================================================
// The example
// =================================================================================================

namespace docs_db_example {

namespace db = drf::db;
using drf::models::asc;
using drf::models::desc;
using boost::posix_time::hours;

struct User : drf::models::Model<User> {
    std::string username;
    bool is_active = true;
    std::optional<drf::DateTime> last_login;  // NULL until the first login
    static constexpr auto meta = drf::models::meta<User>(
        "users", drf::models::field<&User::username>().max_length(150).unique(),
        drf::models::field<&User::is_active>(), drf::models::field<&User::last_login>());
};

struct Profile : drf::models::Model<Profile> {
    drf::Uuid user_id;
    std::string bio;
    static constexpr auto meta = drf::models::meta<Profile>(
        "profiles", drf::models::field<&Profile::user_id>().unique().references<User>(),
        drf::models::field<&Profile::bio>());
};

struct Project : drf::models::Model<Project> {
    std::string name;
    drf::Uuid owner_id;
    bool archived = false;
    int stars = 0;
    static constexpr auto meta = drf::models::meta<Project>(
        "projects", drf::models::field<&Project::name>().max_length(200),
        drf::models::field<&Project::owner_id>().references<User>(),
        drf::models::field<&Project::archived>(), drf::models::field<&Project::stars>());
};

User new_user(std::string username) {
    User u;
    u.username = std::move(username);
    return u;
}

TEST_CASE("docs/database.md: the example creates, saves, filters, bulk-updates and pages through models", "[db]") {
    auto database = db::sqlite::open(":memory:");  // or a file: db::sqlite::open("app.sqlite3")
    drf::migrations::Migrator(database, {{"0001_initial", {},
                                          {drf::migrations::create_table(drf::migrations::from_model<User>()),
                                           drf::migrations::create_table(drf::migrations::from_model<Profile>()),
                                           drf::migrations::create_table(drf::migrations::from_model<Project>())}, {}}})
        .migrate();

    auto users = db::objects<User>(database);  // User.objects
    auto profiles = db::objects<Profile>(database);
    auto projects = db::objects<Project>(database);

    // The usual Django post_save signal: every new User gets a Profile.
    drf::signals::ScopedConnection on_signup = drf::signals::post_save<User>.connect(
        [&](const User& user, const drf::signals::SaveInfo& info) {
            if (!info.created) return;
            Profile profile;
            profile.user_id = user.id;
            profiles.create(profile);  // Profile.objects.create(user=instance)
        });

    // create() inserts. Inside atomic(), the user and its profile are written together or not at all.
    User alice = database.atomic([&] { return users.create(new_user("alice")); });
    User bob = users.create(new_user("bob"));
    CHECK(profiles.get(db::eq(&Profile::user_id, alice.id)).bio.empty());
    CHECK(profiles.count() == 2);

    // save() updates the row with obj.id, or inserts one when there is none.
    alice.username = "alice_b";
    users.save(alice);
    // update_fields writes only these columns (and updated_at).
    bob.last_login = drf::now() - hours(24 * 120);
    users.save(bob, db::update_fields<&User::last_login>);
    CHECK(users.get(alice.id).username == "alice_b");
    CHECK(profiles.count() == 2);  // updates are not `created`

    // get() throws DoesNotExist; get_or_none() returns std::nullopt.
    CHECK_FALSE(users.get_or_none(drf::uuid4()));
    CHECK_THROWS_AS(users.get(drf::uuid4()), db::DoesNotExist);
    CHECK_THROWS_WITH(users.get(drf::uuid4()), "User matching query does not exist.");

    // filter with typed predicates; order_by, offset and limit; count, exists, first, get.
    const char* names[] = {"apollo", "gemini", "mercury", "skylab", "artemis"};
    for (int i = 0; i < 5; ++i) {
        Project p;
        p.name = names[i];
        p.owner_id = i < 4 ? alice.id : bob.id;
        p.stars = 10 * i;
        projects.create(p);
    }
    const auto mine = projects.filter(db::eq(&Project::owner_id, alice.id));  // owner=user
    CHECK(mine.count() == 4);
    CHECK(mine.filter(db::gt(&Project::stars, 15)).count() == 2);
    CHECK(mine.exclude(db::icontains(&Project::name, "MER")).count() == 3);
    CHECK(projects.filter(db::in(&Project::name, {"apollo", "skylab", "voyager"})).count() == 2);
    const auto by_stars = mine.order_by(desc(&Project::stars), asc(&Project::name));
    const std::vector<Project> page = by_stars.offset(1).limit(2).all();  // by_stars[1:3]
    REQUIRE(page.size() == 2);
    CHECK(page[0].name == "mercury");
    CHECK(page[1].name == "gemini");
    CHECK(by_stars.first()->name == "skylab");
    CHECK(projects.get(db::eq(&Project::name, "artemis")).owner_id == bob.id);
    CHECK_FALSE(mine.filter(db::eq(&Project::archived, true)).exists());

    // Bulk update and delete: one statement each, no signals; both return the rows affected.
    CHECK(mine.filter(db::lt(&Project::stars, 15)).update(db::set(&Project::archived, true)) == 2);
    CHECK(projects.filter(db::eq(&Project::archived, true)).remove() == 2);
    CHECK(projects.count() == 3);

    // A Django cleanup_inactive command's query: User.objects.filter(last_login__lt=cutoff, is_active=True)
    const auto cutoff = drf::now() - hours(24 * 90);
    const auto stale = users.filter(db::lt(&User::last_login, cutoff) && db::eq(&User::is_active, true));
    CHECK(stale.count() == 1);  // bob; alice never logged in, and NULL is not < cutoff
    CHECK(stale.update(db::set(&User::is_active, false)) == 1);
    CHECK_FALSE(users.get(bob.id).is_active);

    // atomic: an exception rolls back everything written inside the block, then propagates.
    CHECK_THROWS_WITH(database.atomic([&] {
        Project p;
        p.name = "doomed";
        p.owner_id = alice.id;
        projects.create(p);
        throw std::runtime_error("changed my mind");
    }),
                      "changed my mind");
    CHECK_FALSE(projects.filter(db::eq(&Project::name, "doomed")).exists());

    // Keyset pages of 2 over the default ordering (-created_at, then -id): no row skipped or repeated,
    // even when rows share a created_at.
    const auto newest_first = projects.all();
    std::vector<Project> seen;
    std::vector<Project> chunk = newest_first.limit(2).all();
    while (!chunk.empty()) {
        seen.insert(seen.end(), chunk.begin(), chunk.end());
        chunk = newest_first.after(newest_first.key_of(chunk.back())).limit(2).all();
    }
    REQUIRE(seen.size() == 3);
    const auto all = newest_first.all();
    for (std::size_t i = 0; i < seen.size(); ++i) CHECK(seen[i].id == all[i].id);
    const auto back = newest_first.before(newest_first.key_of(seen[2])).limit(2).all();
    REQUIRE(back.size() == 2);
    CHECK(back[0].id == seen[0].id);  // queryset order
    CHECK(back[1].id == seen[1].id);
}

TEST_CASE("docs/database.md: a receiver that throws inside atomic rolls the save and the profile back", "[db]") {
    auto database = db::sqlite::open(":memory:");
    drf::migrations::Migrator(database, {{"0001_initial", {},
                                          {drf::migrations::create_table(drf::migrations::from_model<User>()),
                                           drf::migrations::create_table(drf::migrations::from_model<Profile>())}, {}}})
        .migrate();
    auto users = db::objects<User>(database);
    auto profiles = db::objects<Profile>(database);
    drf::signals::ScopedConnection on_signup = drf::signals::post_save<User>.connect(
        [&](const User& user, const drf::signals::SaveInfo& info) {
            if (!info.created) return;
            Profile profile;
            profile.user_id = user.id;
            profiles.create(profile);
            if (user.username == "mallory") throw std::runtime_error("no profile for mallory");
        });
    CHECK_THROWS_WITH(database.atomic([&] { return users.create(new_user("mallory")); }), "no profile for mallory");
    CHECK(users.count() == 0);
    CHECK(profiles.count() == 0);

    SECTION("outside atomic the row is already written, and the exception still propagates") {
        CHECK_THROWS_WITH(users.create(new_user("mallory")), "no profile for mallory");
        CHECK(users.count() == 1);
        CHECK(profiles.count() == 1);
    }
}

}  // namespace docs_db_example

// =================================================================================================
// The rules
// =================================================================================================

namespace db = drf::db;
namespace mig = drf::migrations;
using boost::posix_time::hours;
using boost::posix_time::microseconds;
using docs_db_example::new_user;
using docs_db_example::Project;
using docs_db_example::User;

enum class Level { low = 1, high = 7 };

struct Sample : drf::models::Model<Sample> {
    bool flag = false;
    std::int64_t big = 0;
    Level level = Level::low;
    double ratio = 0;
    std::string text;
    drf::Uuid ref;
    drf::DateTime at;
    std::optional<std::string> note;
    static constexpr auto meta = drf::models::meta<Sample>(
        "samples", drf::models::field<&Sample::flag>(), drf::models::field<&Sample::big>(),
        drf::models::field<&Sample::level>(), drf::models::field<&Sample::ratio>(),
        drf::models::field<&Sample::text>(), drf::models::field<&Sample::ref>(),
        drf::models::field<&Sample::at>(), drf::models::field<&Sample::note>());
};

struct Extra : drf::models::Model<Extra> {
    std::string kept;
    std::string not_persisted;  // a plain member the database does not store
    static constexpr auto meta = drf::models::meta<Extra>("extras", drf::models::field<&Extra::kept>());
};

db::Database fresh() {
    auto database = db::sqlite::open(":memory:");
    mig::Migrator(database, {{"0001_initial", {},
                              {mig::create_table(mig::from_model<User>()), mig::create_table(mig::from_model<Project>()), mig::create_table(mig::from_model<Sample>()),
                               mig::create_table(mig::from_model<Extra>())}, {}}})
        .migrate();
    return database;
}

std::string single_text(db::Database& database, const std::string& sql) {
    auto& s = database.connection().prepare(sql);
    s.reset();
    REQUIRE(s.step());
    std::string out(s.column_text(0));
    s.reset();
    return out;
}

const std::string users_columns = "SELECT \"id\", \"created_at\", \"updated_at\", \"username\", \"is_active\", \"last_login\" FROM \"users\"";

TEST_CASE("docs/database.md: querysets are values that run when asked, ordered totally by id last", "[db]") {
    auto database = fresh();
    auto users = db::objects<User>(database);
    const auto q = users.all();
    const auto filtered = q.filter(db::eq(&User::username, "a"));
    CHECK(q.sql() == users_columns + " ORDER BY \"created_at\" DESC, \"id\" DESC");
    CHECK(filtered.sql() == users_columns + " WHERE \"username\" = ? ORDER BY \"created_at\" DESC, \"id\" DESC");
    CHECK(users.order_by(drf::models::asc(&User::username)).sql() == users_columns + " ORDER BY \"username\" ASC, \"id\" ASC");
    CHECK(users.order_by(drf::models::asc(&User::username), drf::models::desc(&User::is_active)).sql() ==
          users_columns + " ORDER BY \"username\" ASC, \"is_active\" DESC, \"id\" DESC");
    CHECK(q.offset(10).limit(10).sql() == users_columns + " ORDER BY \"created_at\" DESC, \"id\" DESC LIMIT ? OFFSET ?");
    CHECK(q.offset(10).sql() == users_columns + " ORDER BY \"created_at\" DESC, \"id\" DESC LIMIT -1 OFFSET ?");
    CHECK(q.offset(10).params() == std::vector<db::Value>{std::int64_t{10}});

    for (const char* name : {"a", "b", "c"}) users.create(new_user(name));
    const auto by_name = users.order_by(drf::models::asc(&User::username));
    CHECK(by_name.offset(1).count() == 2);  // the count of the slice
    CHECK(by_name.limit(1).count() == 1);
    CHECK_FALSE(by_name.filter(db::eq(&User::username, "zed")).first());
    // A filter after a slice applies before it.
    CHECK(by_name.limit(1).filter(db::eq(&User::username, "c")).all().at(0).username == "c");
    // No result cache: each call runs again.
    CHECK(by_name.count() == 3);
    users.create(new_user("d"));
    CHECK(by_name.count() == 4);
}

TEST_CASE("docs/database.md: the column types table", "[db]") {
    auto database = fresh();
    std::vector<std::string> types;
    for (const auto& c : database.connection().table_columns("samples")) types.push_back(c.name + " " + c.type + (c.not_null ? " NOT NULL" : ""));
    CHECK(types == std::vector<std::string>{"id TEXT NOT NULL", "created_at INTEGER NOT NULL", "updated_at INTEGER NOT NULL",
                                            "flag INTEGER NOT NULL", "big INTEGER NOT NULL", "level INTEGER NOT NULL",
                                            "ratio REAL NOT NULL", "text TEXT NOT NULL", "ref TEXT NOT NULL",
                                            "at INTEGER NOT NULL", "note TEXT"});
    Sample s;
    s.flag = true;
    s.big = -9'007'199'254'740'993;  // not representable as a double
    s.level = Level::high;
    s.ratio = 0.1 + 0.2;
    s.text = std::string("a\0b \xc3\xa9", 6);
    s.ref = *drf::parse_uuid("0B0E8A04-7C1E-4F3A-9D2B-5E6F7A8B9C0D");
    s.at = *drf::parse_datetime("1970-01-01T00:00:01.000002Z");
    db::objects<Sample>(database).create(s);
    const std::string where = " FROM samples WHERE \"id\" = '" + drf::to_string(s.id) + "'";
    CHECK(single_text(database, "SELECT flag" + where) == "1");
    CHECK(single_text(database, "SELECT level" + where) == "7");
    CHECK(single_text(database, "SELECT ref" + where) == "0b0e8a04-7c1e-4f3a-9d2b-5e6f7a8b9c0d");
    CHECK(single_text(database, "SELECT at" + where) == "1000002");
    CHECK(single_text(database, "SELECT length(CAST(text AS BLOB))" + where) == "6");
    CHECK(single_text(database, "SELECT typeof(note)" + where) == "null");
    CHECK(single_text(database, "SELECT length(id)" + where) == "36");
    const Sample back = db::objects<Sample>(database).get(s.id);
    CHECK(back.flag);
    CHECK(back.big == s.big);
    CHECK(back.level == Level::high);
    CHECK(back.ratio == s.ratio);
    CHECK(back.text == s.text);
    CHECK(back.ref == s.ref);
    CHECK(back.at == s.at);
    CHECK_FALSE(back.note);
}

TEST_CASE("docs/database.md: the predicates table", "[db]") {
    auto database = fresh();
    auto users = db::objects<User>(database);
    auto where = [](const db::QuerySet<User>& q) {
        const auto sql = q.sql();
        const auto from = sql.find(" WHERE ") + 7;
        return sql.substr(from, sql.find(" ORDER BY") - from);
    };
    const auto now = drf::now();
    CHECK(where(users.filter(db::eq(&User::username, "a"))) == "\"username\" = ?");
    CHECK(where(users.filter(db::ne(&User::username, "a"))) == "\"username\" <> ?");
    CHECK(where(users.filter(db::lt(&User::last_login, now))) == "\"last_login\" < ?");
    CHECK(where(users.filter(db::le(&User::last_login, now))) == "\"last_login\" <= ?");
    CHECK(where(users.filter(db::gt(&User::last_login, now))) == "\"last_login\" > ?");
    CHECK(where(users.filter(db::ge(&User::last_login, now))) == "\"last_login\" >= ?");
    CHECK(where(users.filter(db::in(&User::username, {"a", "b"}))) == "\"username\" IN (?, ?)");
    CHECK(where(users.filter(db::in(&User::username, std::vector<std::string>{}))) == "1 = 0");
    CHECK(where(users.filter(db::is_null(&User::last_login))) == "\"last_login\" IS NULL");
    CHECK(where(users.filter(db::is_null(&User::last_login, false))) == "\"last_login\" IS NOT NULL");
    CHECK(where(users.filter(db::contains(&User::username, "x"))) == "instr(\"username\", ?) > 0");
    CHECK(where(users.filter(db::icontains(&User::username, "x"))) == "\"username\" LIKE (? || '') ESCAPE '\\'");
    CHECK(users.filter(db::icontains(&User::username, "5%_a\\b")).params() ==
          std::vector<db::Value>{std::string("%5\\%\\_a\\\\b%")});
    const auto a = db::eq(&User::username, "a");
    const auto b = db::eq(&User::is_active, true);
    CHECK(where(users.filter(a && b)) == "(\"username\" = ? AND \"is_active\" = ?)");
    CHECK(where(users.filter(a || b)) == "(\"username\" = ? OR \"is_active\" = ?)");
    CHECK(where(users.filter(!a)) == "NOT \"username\" = ?");
    CHECK(where(users.filter(a).filter(b)) == "(\"username\" = ? AND \"is_active\" = ?)");
    CHECK(where(users.exclude(a)) == "NOT \"username\" = ?");
    CHECK(users.filter(db::eq(&User::username, "x'); DROP TABLE users; --")).sql().find("DROP") == std::string::npos);

    for (const char* name : {"école", "Alpha", "al_pha", "beta"}) users.create(new_user(name));
    CHECK(users.filter(db::contains(&User::username, "al")).count() == 1);
    CHECK(users.filter(db::icontains(&User::username, "AL")).count() == 2);
    CHECK(users.filter(db::icontains(&User::username, "_")).count() == 1);          // literally
    CHECK(users.filter(db::icontains(&User::username, "ÉCOLE")).count() == 0);      // ASCII folding only
    CHECK(users.filter(db::icontains(&User::username, "COLE")).count() == 1);
    CHECK(users.filter(db::in(&User::username, std::vector<std::string>{})).count() == 0);
}

TEST_CASE("docs/database.md: comparisons never match NULL, so ne and exclude skip empty optionals", "[db]") {
    auto database = fresh();
    auto users = db::objects<User>(database);
    const auto t = drf::now();
    User with = new_user("with");
    with.last_login = t;
    users.create(with);
    users.create(new_user("without"));
    CHECK(users.filter(db::ne(&User::last_login, t)).count() == 0);
    CHECK(users.exclude(db::eq(&User::last_login, t)).count() == 0);  // Django's exclude() would keep "without"
    CHECK(users.filter(db::ne(&User::last_login, t) || db::is_null(&User::last_login)).count() == 1);
}

TEST_CASE("docs/database.md: a value of another kind does not pass the type check", "[db]") {
    // eq(&User::is_active, "no") and eq(&Project::stars, 1.5) do not compile (see tests/compile_fail/);
    // numbers of another width do.
    CHECK(db::eq(&Project::stars, 1).params == std::vector<db::Value>{std::int64_t{1}});
    CHECK(db::eq(&User::username, std::string_view("a")).params == std::vector<db::Value>{std::string("a")});
}

TEST_CASE("docs/database.md: the errors table", "[db]") {
    auto database = fresh();
    auto users = db::objects<User>(database);
    auto projects = db::objects<Project>(database);
    User alice = users.create(new_user("alice"));
    users.create(new_user("bob"));

    CHECK_THROWS_WITH(users.get(drf::uuid4()), "User matching query does not exist.");
    CHECK_THROWS_WITH(users.get(db::eq(&User::username, "zed")), "User matching query does not exist.");
    CHECK_THROWS_AS(users.get(db::eq(&User::is_active, true)), db::MultipleObjectsReturned);
    CHECK_THROWS_WITH(users.get(db::eq(&User::is_active, true)), "get() returned more than one User.");

    CHECK_THROWS_AS(users.create(new_user("alice")), db::IntegrityError);
    CHECK_THROWS_WITH(users.create(new_user("alice")),
                      "cannot run \"INSERT INTO \"users\" (\"id\", \"created_at\", \"updated_at\", \"username\", \"is_active\", \"last_login\") "
                      "VALUES (?, ?, ?, ?, ?, ?)\": UNIQUE constraint failed: users.username");
    Project orphan;
    orphan.owner_id = drf::uuid4();
    CHECK_THROWS_AS(projects.create(orphan), db::IntegrityError);
    CHECK_THROWS_AS(database.connection().execute("INSERT INTO \"users\" (\"id\", \"created_at\", \"updated_at\", \"is_active\") VALUES ('x', 0, 0, 1)"),
                    db::IntegrityError);
    Project p;
    p.owner_id = alice.id;
    projects.create(p);
    CHECK_THROWS_WITH(users.remove(alice), "cannot run \"DELETE FROM \"users\" WHERE \"id\" = ?\": FOREIGN KEY constraint failed");
    CHECK(users.get_or_none(alice.id));
    STATIC_REQUIRE(std::is_base_of_v<db::DatabaseError, db::IntegrityError>);
    STATIC_REQUIRE(std::is_base_of_v<db::DatabaseError, db::OperationalError>);
    STATIC_REQUIRE(std::is_base_of_v<std::runtime_error, db::DatabaseError>);
    STATIC_REQUIRE(std::is_base_of_v<std::logic_error, db::FieldError>);

    CHECK_THROWS_AS(database.connection().execute("NOT SQL"), db::DatabaseError);
    CHECK_THROWS_WITH(db::eq(&Extra::not_persisted, "x"), "drf::db: the member is not a field of extras's meta, so it has no column");
    CHECK_THROWS_WITH(db::UpdateFields<User>(&User::id),
                      "The following fields do not exist in this model, or are m2m fields, or are non-concrete fields: id");
    CHECK_THROWS_WITH(db::UpdateFields<Extra>(&Extra::not_persisted),
                      "drf::db::UpdateFields: the member is not a field of extras's meta, so it has no column");
    User ghost = new_user("ghost");
    CHECK_THROWS_AS(users.save(ghost, db::update_fields<&User::username>), db::DatabaseError);
    CHECK_THROWS_WITH(users.save(ghost, db::update_fields<&User::username>), "Save with update_fields did not affect any rows.");
    CHECK_THROWS_AS(users.all().limit(1).update(db::set(&User::is_active, false)), std::logic_error);
    CHECK_THROWS_WITH(users.all().limit(1).update(db::set(&User::is_active, false)), "Cannot update a query once a slice has been taken.");
    CHECK_THROWS_WITH(users.all().offset(1).remove(), "Cannot delete a query once a slice has been taken.");
    CHECK_THROWS_AS(users.all().after({}), std::invalid_argument);
    CHECK_THROWS_WITH(users.all().after({}), "drf::db::QuerySet: a keyset needs 2 values (the ordering columns, then id), got 0");
}

using drf_test::TempSqliteFile;

TEST_CASE("docs/database.md: a busy database is an OperationalError once busy_timeout has passed", "[db]") {
    TempSqliteFile file;
    auto first = db::sqlite::open(file.path);
    auto second = db::sqlite::open(file.path, {.busy_timeout = std::chrono::milliseconds(20)});
    first.atomic([&] {  // BEGIN IMMEDIATE: holds the write lock
        CHECK_THROWS_AS(second.atomic([] {}), db::OperationalError);
        CHECK_THROWS_WITH(second.atomic([] {}), "database is locked: database is locked");
    });
    CHECK_NOTHROW(second.atomic([] {}));
}

TEST_CASE("docs/database.md: a writer waits for another connection's write lock and gets it once released", "[db]") {
    TempSqliteFile file;
    auto first = db::sqlite::open(file.path);
    auto second = db::sqlite::open(file.path);
    first.connection().execute("CREATE TABLE t (x INTEGER)");
    std::atomic<bool> holding{false};
    std::thread holder([&] {
        first.atomic([&] {  // BEGIN IMMEDIATE: the write lock, held for a while
            holding = true;
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
            first.connection().execute("INSERT INTO t VALUES (1)");
        });
    });
    while (!holding) std::this_thread::yield();
    // Busy on its first tries, then the lock is free: both inserts are there, in the order they committed.
    CHECK_NOTHROW(second.atomic([&] { second.connection().execute("INSERT INTO t VALUES (2)"); }));
    holder.join();
    CHECK(single_text(second, "SELECT group_concat(x) FROM t") == "1,2");
}

TEST_CASE("docs/database.md: the saving table", "[db]") {
    auto database = fresh();
    auto users = db::objects<User>(database);
    drf::FrozenClock clock(*drf::parse_datetime("2026-01-01T00:00:00Z"));
    drf::ClockOverride use(clock);
    std::vector<std::string> log;
    drf::signals::ScopedConnection c = drf::signals::post_save<User>.connect([&](const User&, const drf::signals::SaveInfo& info) {
        std::string fields;
        for (auto f : info.update_fields) fields += " " + std::string(f);
        log.push_back(std::string(info.created ? "created" : "updated") + fields);
    });

    User made = new_user("a");
    made.created_at = *drf::parse_datetime("2000-01-01T00:00:00Z");
    made = users.create(made);
    CHECK(made.created_at == drf::now());  // whatever obj held
    CHECK(made.updated_at == drf::now());

    clock.advance(hours(1));
    User saved = new_user("b");
    users.save(saved);  // no row yet: INSERT
    CHECK(saved.created_at == drf::now());

    clock.advance(hours(1));
    const auto created = saved.created_at;
    saved.created_at = *drf::parse_datetime("2000-01-01T00:00:00Z");  // not written on update
    saved.username = "b2";
    users.save(saved);
    CHECK(users.get(saved.id).created_at == created);
    CHECK(users.get(saved.id).updated_at == drf::now());
    CHECK(users.get(saved.id).username == "b2");

    clock.advance(hours(1));
    saved.username = "not written";
    saved.last_login = drf::now();
    users.save(saved, db::update_fields<&User::last_login>);
    const User back = users.get(saved.id);
    CHECK(back.username == "b2");
    CHECK(back.last_login == drf::now());
    CHECK(back.updated_at == drf::now());  // written although not named

    users.save(saved, db::UpdateFields<User>{});  // the same as save(saved)
    CHECK(users.get(saved.id).username == "not written");
    CHECK(log == std::vector<std::string>{"created", "created", "updated", "updated last_login updated_at", "updated"});
}

TEST_CASE("docs/database.md: the signals table; bulk update() and remove() send none", "[db]") {
    auto database = fresh();
    auto users = db::objects<User>(database);
    std::vector<std::string> log;
    drf::signals::ScopedConnection a = drf::signals::pre_save<User>.connect([&](User& u, const drf::signals::SaveInfo& info) {
        log.push_back(std::string("pre_save") + (info.created ? " created" : ""));
        u.username += "!";  // what a pre_save receiver sets is written
    });
    drf::signals::ScopedConnection b = drf::signals::post_save<User>.connect(
        [&](const User&, const drf::signals::SaveInfo& info) { log.push_back(std::string("post_save") + (info.created ? " created" : "")); });
    drf::signals::ScopedConnection c = drf::signals::pre_delete<User>.connect([&](const User&) { log.push_back("pre_delete"); });
    drf::signals::ScopedConnection d = drf::signals::post_delete<User>.connect([&](const User&) { log.push_back("post_delete"); });

    User u = users.create(new_user("a"));
    CHECK(users.get(u.id).username == "a!");
    users.save(u);
    CHECK(users.remove(u) == 1);
    CHECK(users.remove(u) == 0);  // no row: still both signals
    CHECK(log == std::vector<std::string>{"pre_save created", "post_save created", "pre_save", "post_save", "pre_delete",
                                          "post_delete", "pre_delete", "post_delete"});
    log.clear();
    users.create(new_user("b"));
    users.create(new_user("c"));
    log.clear();
    CHECK(users.all().update(db::set(&User::is_active, false)) == 2);
    CHECK(users.all().remove() == 2);
    (void)users.all().all();
    (void)users.count();
    CHECK(log.empty());
}

TEST_CASE("docs/database.md: the transactions table", "[db]") {
    auto database = fresh();
    auto users = db::objects<User>(database);
    CHECK_FALSE(database.in_atomic_block());
    const std::int64_t n = database.atomic([&] {
        CHECK(database.in_atomic_block());
        users.create(new_user("outer"));
        CHECK_THROWS_AS(database.atomic([&] {  // SAVEPOINT drf_sp_1
            users.create(new_user("inner"));
            throw std::runtime_error("inner fails");
        }),
                        std::runtime_error);
        database.atomic([&] { users.create(new_user("inner kept")); });
        return users.count();
    });
    CHECK(n == 2);
    CHECK_FALSE(database.in_atomic_block());
    CHECK(users.filter(db::in(&User::username, {"outer", "inner kept"})).count() == 2);
    CHECK_FALSE(users.filter(db::eq(&User::username, "inner")).exists());
    CHECK_THROWS(database.atomic([&] {
        users.create(new_user("lost"));
        throw std::runtime_error("boom");
    }));
    CHECK(users.count() == 2);
    CHECK(database.dialect().begin() == "BEGIN IMMEDIATE");
}

std::string pragma(db::Database& database, const std::string& name) { return single_text(database, "PRAGMA " + name); }

TEST_CASE("docs/database.md: the SQLite connection settings table", "[db]") {
    TempSqliteFile file;
    {
        auto database = db::sqlite::open(file.path);
        CHECK(pragma(database, "journal_mode") == "wal");
        CHECK(pragma(database, "busy_timeout") == "0");  // drf's own busy handler waits instead
        CHECK(db::sqlite::Options{}.busy_timeout == std::chrono::seconds(5));
        CHECK(pragma(database, "foreign_keys") == "1");
        CHECK(pragma(database, "synchronous") == "1");  // NORMAL
        CHECK(pragma(database, "wal_autocheckpoint") == "0");  // drf's own checkpoint policy runs instead
        CHECK(db::sqlite::Options{}.wal_autocheckpoint == 1000);
        CHECK(db::sqlite::Options{}.wal_size_limit == 4000);
        CHECK(db::sqlite::Options{}.statement_cache_size == 256);
    }
    auto memory = db::sqlite::open(":memory:");
    CHECK(pragma(memory, "journal_mode") == "memory");
    CHECK(pragma(memory, "foreign_keys") == "1");
    TempSqliteFile other;
    auto rollback_journal = db::sqlite::open(other.path, {.busy_timeout = std::chrono::milliseconds(250), .wal = false});
    CHECK(pragma(rollback_journal, "journal_mode") == "delete");
}

TEST_CASE("docs/database.md: the keyset table", "[db]") {
    auto database = fresh();
    auto users = db::objects<User>(database);
    drf::FrozenClock clock(*drf::parse_datetime("2026-01-01T00:00:00Z"));
    drf::ClockOverride use(clock);
    for (int i = 0; i < 7; ++i) {
        users.create(new_user("u" + std::to_string(i)));
        if (i % 2 == 1) clock.advance(microseconds(1));  // pairs share a created_at
    }
    const auto q = users.all();
    const auto rows = q.all();
    CHECK(q.key_of(rows[2]) == std::vector<db::Value>{rows[2].created_at, rows[2].id});
    CHECK(q.after(q.key_of(rows[2])).limit(25).sql() ==
          users_columns + " WHERE (\"created_at\", \"id\") < (?, ?) ORDER BY \"created_at\" DESC, \"id\" DESC LIMIT ?");
    CHECK(q.before(q.key_of(rows[2])).limit(25).sql() ==
          users_columns + " WHERE (\"created_at\", \"id\") > (?, ?) ORDER BY \"created_at\" ASC, \"id\" ASC LIMIT ?");
    const auto before = q.before(q.key_of(rows[5])).limit(2).all();  // the 2 nearest, in q's order
    REQUIRE(before.size() == 2);
    CHECK(before[0].id == rows[3].id);
    CHECK(before[1].id == rows[4].id);
    const auto after = q.after(q.key_of(rows[2])).all();
    REQUIRE(after.size() == 4);
    CHECK(after[0].id == rows[3].id);

    const auto mixed = users.order_by(drf::models::asc(&User::is_active), drf::models::desc(&User::created_at));
    CHECK(mixed.after(mixed.key_of(rows[0])).sql() ==
          users_columns + " WHERE ((\"is_active\" > ?) OR (\"is_active\" = ? AND \"created_at\" < ?) OR (\"is_active\" = ? AND "
                          "\"created_at\" = ? AND \"id\" < ?)) ORDER BY \"is_active\" ASC, \"created_at\" DESC, \"id\" DESC");

    const auto ddl = db::create_table_sql<User>(database.dialect());
    CHECK(ddl.at(1) == "CREATE INDEX \"users_created_at_id\" ON \"users\" (\"created_at\", \"id\")");
    auto& s = database.connection().prepare("EXPLAIN QUERY PLAN " + q.after(q.key_of(rows[2])).limit(25).sql());
    s.reset();
    int i = 1;
    for (const auto& p : q.after(q.key_of(rows[2])).limit(25).params()) db::bind_value(s, i++, p);
    std::string plan;
    while (s.step()) plan += std::string(s.column_text(3)) + "\n";
    s.reset();
    CHECK(plan == "SEARCH users USING INDEX users_created_at_id ((created_at,id)<(?,?))\n");
}

TEST_CASE("docs/database.md: SQL you write reads rows with column_list, read_row and StatementScope", "[db]") {
    auto database = fresh();
    auto users = db::objects<User>(database);
    const User alice = users.create(new_user("alice"));
    users.create(new_user("bob"));
    CHECK(db::quote_name("order") == "\"order\"");
    CHECK("SELECT " + db::column_list<User>() + " FROM " + db::quote_name("users") == users_columns);

    static const std::string sql = "SELECT " + db::column_list<User>() + " FROM " + db::quote_name("users") +
                                   " WHERE \"username\" = ?";
    for (int run = 0; run < 2; ++run) {  // the same statement again: the scope has reset it
        db::StatementScope s(database.connection().prepare(sql));
        s->bind_text(1, "alice");
        std::vector<User> found;
        while (s->step()) {
            found.push_back(drf::models::make_no_init<User>());
            db::read_row(*s, found.back());
        }
        REQUIRE(found.size() == 1);
        CHECK(found[0].id == alice.id);
        CHECK(found[0].username == "alice");
        CHECK(found[0].created_at == alice.created_at);
    }

    const User blank = drf::models::make_no_init<User>();
    CHECK(blank.id.is_nil());
    CHECK(blank.created_at.is_not_a_date_time());
    CHECK(blank.updated_at.is_not_a_date_time());

    STATIC_REQUIRE(db::compatible_value<int, std::int64_t>());
    STATIC_REQUIRE_FALSE(db::compatible_value<bool, std::int64_t>());
    STATIC_REQUIRE(db::compatible_value<const char*, std::string>());
}

struct Task : drf::models::Model<Task> {
    std::string title;
    int position = 0;
    static constexpr auto meta = drf::models::meta<Task>("tasks", drf::models::field<&Task::title>(),
                                                         drf::models::field<&Task::position>())
                                     .ordering(drf::models::asc(&Task::position));
};

TEST_CASE("docs/database.md: a model ordered by position gets the index <table>_position_id", "[db]") {
    auto database = db::sqlite::open(":memory:");
    CHECK(db::create_table_sql<Task>(database.dialect()).at(1) == "CREATE INDEX \"tasks_position_id\" ON \"tasks\" (\"position\", \"id\")");
    CHECK(db::create_table_sql<Project>(database.dialect()).at(2) == "CREATE INDEX \"projects_owner_id\" ON \"projects\" (\"owner_id\")");
    CHECK(db::create_table_sql<docs_db_example::Profile>(database.dialect()).size() == 2);  // unique: no extra index
}

}  // namespace docs_db_rules
