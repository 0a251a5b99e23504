// tests/db/db_test.cpp — typed managers and querysets, transactions and model signals, on every backend
// (tests/support/database.hpp), and what is particular to SQLite and to PostgreSQL.
#include "models.hpp"
#include "../support/database.hpp"

#include <drf/db.hpp>
#include <drf/db/sqlite.hpp>
#include <drf/signals.hpp>

#include <catch2/catch.hpp>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <latch>
#include <limits>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

namespace db_test {

namespace db = drf::db;
using boost::posix_time::hours;
using boost::posix_time::microseconds;

void create_tables(db::Database& database) {
    for (const auto& s : db::create_table_sql<User>(database.dialect())) database.connection().execute(s);
    for (const auto& s : db::create_table_sql<Project>(database.dialect())) database.connection().execute(s);
}

db::Database fresh() {
    auto database = drf_test::open_database();
    create_tables(database);
    return database;
}

User user_named(const std::string& name) {
    User u;
    u.username = name;
    return u;
}

// A database file in a fresh temporary directory, removed afterwards.
struct TempDir {
    std::filesystem::path path;
    TempDir() {
        path = std::filesystem::temp_directory_path() / ("drf-db-test-" + drf::to_string(drf::uuid4()));
        std::filesystem::create_directories(path);
    }
    ~TempDir() { std::filesystem::remove_all(path); }
};

TEST_CASE("create, get and get_or_none round-trip a model through SQLite", "[db]") {
    auto database = fresh();
    auto users = db::objects<User>(database);
    const User alice = users.create(user_named("alice"));
    const User loaded = users.get(alice.id);
    CHECK(loaded.username == "alice");
    CHECK(loaded.id == alice.id);
    CHECK(loaded.created_at == alice.created_at);
    CHECK_FALSE(users.get_or_none(drf::uuid4()).has_value());
}

TEST_CASE("get of a missing id raises DoesNotExist with Django's message", "[db]") {
    auto database = fresh();
    CHECK_THROWS_AS(db::objects<User>(database).get(drf::uuid4()), db::DoesNotExist);
    CHECK_THROWS_WITH(db::objects<User>(database).get(drf::uuid4()), "User matching query does not exist.");
}

TEST_CASE("Values round-trip exactly: UUIDs, microsecond datetimes, booleans, 64-bit ints, doubles, any text, NULL", "[db]") {
    auto database = fresh();
    const User owner = db::objects<User>(database).create(user_named("o"));
    Project p;
    p.owner_id = owner.id;
    // PostgreSQL's text cannot hold NUL; SQLite's can (see the [postgresql] test below).
    p.name = drf_test::on_postgresql() ? std::string("z\xc3\xa9ro \xf0\x9f\x9a\x80 with no NUL - inside")
                                       : std::string("z\xc3\xa9ro \xf0\x9f\x9a\x80 with a NUL \0 inside", 30);
    p.description = "line\nbreak 'quote' \"dq\" ; DROP TABLE projects; --";
    p.archived = true;
    p.stars = std::numeric_limits<std::int64_t>::min();
    p.score = 0.1 + 0.2;
    p.note = std::nullopt;
    drf::FrozenClock clock(*drf::parse_datetime("2026-11-23T19:43:37.727356Z"));
    drf::ClockOverride use(clock);
    db::objects<Project>(database).create(p);
    const Project back = db::objects<Project>(database).get(p.id);
    CHECK(back.name == p.name);
    CHECK(back.name.size() == p.name.size());
    CHECK(back.score == 0.1 + 0.2);  // the shortest exact text of a double, both ways
    CHECK(back.description == p.description);
    CHECK(back.archived);
    CHECK(back.stars == std::numeric_limits<std::int64_t>::min());
    CHECK(back.score == p.score);
    CHECK_FALSE(back.note.has_value());
    CHECK(back.owner_id == owner.id);
    CHECK(drf::to_iso8601(back.created_at) == "2026-11-23T19:43:37.727356Z");
    p.note = "";
    p.stars = std::numeric_limits<std::int64_t>::max();
    db::objects<Project>(database).save(p);
    const Project again = db::objects<Project>(database).get(p.id);
    REQUIRE(again.note.has_value());
    CHECK(again.note->empty());
    CHECK(again.stars == std::numeric_limits<std::int64_t>::max());
}

TEST_CASE("save inserts a new object and updates an existing one; created_at is set once, updated_at every time", "[db]") {
    auto database = fresh();
    auto users = db::objects<User>(database);
    drf::FrozenClock clock(*drf::parse_datetime("2026-01-01T00:00:00Z"));
    drf::ClockOverride use(clock);
    User u = user_named("alice");
    users.save(u);
    const auto created = u.created_at;
    clock.advance(hours(1));
    u.username = "alicia";
    users.save(u);
    const User back = users.get(u.id);
    CHECK(back.username == "alicia");
    CHECK(back.created_at == created);
    CHECK(back.updated_at == created + hours(1));
    CHECK(users.count() == 1);
}

TEST_CASE("save with update_fields writes only those fields and updated_at", "[db]") {
    auto database = fresh();
    auto users = db::objects<User>(database);
    User u = users.create(user_named("alice"));
    User stale = u;
    u.is_staff = true;
    users.save(u);
    stale.username = "renamed";
    stale.is_staff = false;  // not written: only username is
    users.save(stale, db::update_fields<&User::username>);
    const User back = users.get(u.id);
    CHECK(back.username == "renamed");
    CHECK(back.is_staff);
    User ghost = user_named("ghost");
    CHECK_THROWS_WITH(users.save(ghost, db::update_fields<&User::username>), "Save with update_fields did not affect any rows.");
}

TEST_CASE("save with update_fields named by member pointers writes only those columns, and post_save sees their names",
          "[db]") {
    auto database = fresh();
    auto users = db::objects<User>(database);
    User u = users.create(user_named("alice"));
    std::vector<std::string> heard;
    const drf::signals::ScopedConnection connection = drf::signals::post_save<User>.connect(
        [&](const User&, const drf::signals::SaveInfo& info) {
            heard.assign(info.update_fields.begin(), info.update_fields.end());
            CHECK(info.updates(&User::is_staff));
            CHECK_FALSE(info.updates(&User::username));
        });
    u.username = "not written";
    u.is_staff = true;
    u.is_active = false;
    users.save(u, db::update_fields<&User::is_staff, &User::is_active>);
    const User back = users.get(u.id);
    CHECK(back.username == "alice");
    CHECK(back.is_staff);
    CHECK_FALSE(back.is_active);
    CHECK(heard == std::vector<std::string>{"is_active", "is_staff", "updated_at"});
}

TEST_CASE("A set of update fields can be chosen at run time from member pointers", "[db]") {
    auto database = fresh();
    auto users = db::objects<User>(database);
    User u = users.create(user_named("alice"));
    const bool rename = true;
    db::UpdateFields<User> fields;
    CHECK(fields.empty());
    if (rename) fields.add(&User::username);
    CHECK(fields.contains(&User::username));
    CHECK_FALSE(fields.contains(&User::is_staff));
    CHECK(fields == db::update_fields<&User::username>);
    CHECK(fields.names() == std::vector<std::string_view>{"username"});
    u.username = "renamed";
    u.is_staff = true;
    users.save(u, fields);
    CHECK(users.get(u.id).username == "renamed");
    CHECK_FALSE(users.get(u.id).is_staff);
    STATIC_REQUIRE(db::update_fields<&User::username, &User::last_login>.contains(&User::last_login));
    CHECK_THROWS_WITH(db::UpdateFields<User>(&User::id),
                      "The following fields do not exist in this model, or are m2m fields, or are non-concrete fields: id");
}

TEST_CASE("A unique constraint violation is an IntegrityError and writes nothing", "[db]") {
    auto database = fresh();
    auto users = db::objects<User>(database);
    users.create(user_named("alice"));
    CHECK_THROWS_AS(users.create(user_named("alice")), db::IntegrityError);
    CHECK(users.count() == 1);
}

TEST_CASE("Foreign keys are enforced", "[db]") {
    auto database = fresh();
    Project p;
    p.owner_id = drf::uuid4();  // no such user
    CHECK_THROWS_AS(db::objects<Project>(database).create(p), db::IntegrityError);
}

TEST_CASE("filter with typed predicates: eq, ne, lt, le, gt, ge, in, is_null, contains, icontains, and/or/not", "[db]") {
    auto database = fresh();
    auto users = db::objects<User>(database);
    drf::FrozenClock clock(*drf::parse_datetime("2026-06-01T00:00:00Z"));
    drf::ClockOverride use(clock);
    for (const char* name : {"alice", "bob", "carol", "dave", "Alicia"}) {
        User u = user_named(name);
        u.is_staff = std::string(name) == "carol";
        if (std::string(name) != "dave") u.last_login = drf::now() - hours(24 * (std::string(name) == "bob" ? 100 : 1));
        users.create(u);
    }
    auto count = [&](db::Condition<User> c) { return users.filter(std::move(c)).count(); };
    CHECK(count(db::eq(&User::username, "bob")) == 1);
    CHECK(count(db::ne(&User::username, "bob")) == 4);
    const auto cutoff = drf::now() - hours(24 * 90);
    CHECK(count(db::lt(&User::last_login, cutoff)) == 1);
    CHECK(count(db::le(&User::last_login, cutoff)) == 1);
    CHECK(count(db::gt(&User::last_login, cutoff)) == 3);
    CHECK(count(db::ge(&User::last_login, drf::now() - hours(24))) == 3);
    CHECK(count(db::in(&User::username, {"alice", "bob", "zed"})) == 2);
    CHECK(count(db::in(&User::username, std::vector<std::string>{})) == 0);
    CHECK(count(db::is_null(&User::last_login)) == 1);
    CHECK(count(db::is_null(&User::last_login, false)) == 4);
    CHECK(count(db::contains(&User::username, "lic")) == 2);
    CHECK(count(db::contains(&User::username, "ALI")) == 0);
    CHECK(count(db::icontains(&User::username, "ALI")) == 2);
    CHECK(count(db::icontains(&User::username, "%")) == 0);  // wildcards in the text match literally
    CHECK(count(db::eq(&User::is_staff, true) || db::eq(&User::username, "bob")) == 2);
    CHECK(count(db::eq(&User::is_active, true) && !db::eq(&User::username, "bob")) == 4);
    CHECK(users.exclude(db::eq(&User::username, "bob")).count() == 4);
    CHECK(users.filter(db::eq(&User::is_staff, true)).exists());
    CHECK_FALSE(users.filter(db::eq(&User::username, "zed")).exists());
    CHECK(users.get(db::eq(&User::username, "carol")).is_staff);
    CHECK_THROWS_AS(users.get(db::eq(&User::is_active, true)), db::MultipleObjectsReturned);
}

TEST_CASE("Queries bind values as parameters; SQL text never contains them", "[db]") {
    auto database = fresh();
    auto q = db::objects<User>(database).filter(db::eq(&User::username, "x'); DROP TABLE users; --"));
    CHECK(q.sql().find("DROP") == std::string::npos);
    CHECK(q.count() == 0);
    CHECK(database.connection().table_columns("users").size() == 7);
}

struct Extra : drf::models::Model<Extra> {
    std::string kept;
    std::string not_persisted;  // a plain member the database does not store
    static constexpr auto meta = drf::models::meta<Extra>("extras", drf::models::field<&Extra::kept>());
};

TEST_CASE("A member that is not in the model's meta is a FieldError", "[db]") {
    CHECK_THROWS_AS(db::eq(&Extra::not_persisted, "x"), db::FieldError);
    CHECK_THROWS_AS(db::UpdateFields<Extra>(&Extra::not_persisted), db::FieldError);
    CHECK_NOTHROW(db::eq(&Extra::kept, "x"));
}

TEST_CASE("order_by sorts by several fields in either direction, then by id; limit and offset slice", "[db]") {
    auto database = fresh();
    auto users = db::objects<User>(database);
    for (const char* name : {"b", "a", "d", "c"}) {
        User u = user_named(name);
        u.is_staff = std::string(name) < "c";
        users.create(u);
    }
    auto names = [](const std::vector<User>& v) {
        std::string s;
        for (const auto& u : v) s += u.username;
        return s;
    };
    CHECK(names(users.order_by(drf::models::asc(&User::username)).all()) == "abcd");
    CHECK(names(users.order_by(drf::models::desc(&User::is_staff), drf::models::desc(&User::username)).all()) == "badc");
    CHECK(names(users.order_by(drf::models::asc(&User::username)).limit(2).offset(1).all()) == "bc");
    CHECK(users.order_by(drf::models::asc(&User::username)).limit(2).count() == 2);
    CHECK(users.order_by(drf::models::asc(&User::username)).first()->username == "a");
}

TEST_CASE("The default ordering is newest first, with id breaking ties between equal timestamps", "[db]") {
    auto database = fresh();
    auto users = db::objects<User>(database);
    drf::FrozenClock clock(*drf::parse_datetime("2026-01-01T00:00:00Z"));
    drf::ClockOverride use(clock);
    std::vector<User> made;
    for (int i = 0; i < 6; ++i) {
        made.push_back(users.create(user_named("u" + std::to_string(i))));
        if (i % 2 == 1) clock.advance(microseconds(1));  // pairs share a timestamp
    }
    const auto rows = users.all().all();
    REQUIRE(rows.size() == 6);
    for (std::size_t i = 1; i < rows.size(); ++i) {
        const bool ordered = rows[i - 1].created_at > rows[i].created_at ||
                             (rows[i - 1].created_at == rows[i].created_at && rows[i - 1].id > rows[i].id);
        CHECK(ordered);
    }
}

TEST_CASE("Bulk update and delete change every matching row in one statement and send no signals", "[db]") {
    auto database = fresh();
    auto users = db::objects<User>(database);
    drf::FrozenClock clock(*drf::parse_datetime("2026-06-01T00:00:00Z"));
    drf::ClockOverride use(clock);
    for (int i = 0; i < 5; ++i) {
        User u = user_named("u" + std::to_string(i));
        u.last_login = drf::now() - hours(24 * (i < 3 ? 100 : 1));
        users.create(u);
    }
    int signals_seen = 0;
    drf::signals::ScopedConnection c1 = drf::signals::post_save<User>.connect([&](const User&, const drf::signals::SaveInfo&) { ++signals_seen; });
    drf::signals::ScopedConnection c2 = drf::signals::post_delete<User>.connect([&](const User&) { ++signals_seen; });
    const auto stale = users.filter(db::lt(&User::last_login, drf::now() - hours(24 * 90)) && db::eq(&User::is_active, true));
    CHECK(stale.count() == 3);
    CHECK(stale.update(db::set(&User::is_active, false)) == 3);
    CHECK(stale.count() == 0);
    CHECK(users.filter(db::eq(&User::is_active, false)).count() == 3);
    CHECK(users.filter(db::eq(&User::is_active, false)).remove() == 3);
    CHECK(users.count() == 2);
    CHECK(signals_seen == 0);
    CHECK_THROWS_AS(users.all().limit(1).remove(), std::logic_error);
}

TEST_CASE("Saving and deleting send pre_save, post_save (created, update_fields), pre_delete and post_delete", "[db]") {
    auto database = fresh();
    auto users = db::objects<User>(database);
    std::vector<std::string> log;
    drf::signals::ScopedConnection a = drf::signals::pre_save<User>.connect([&](User& u, const drf::signals::SaveInfo& info) {
        log.push_back("pre_save " + u.username + (info.created ? " created" : ""));
        u.username += "!";  // a pre_save receiver may change what is written
    });
    drf::signals::ScopedConnection b = drf::signals::post_save<User>.connect([&](const User& u, const drf::signals::SaveInfo& info) {
        std::string fields;
        for (auto f : info.update_fields) fields += " " + std::string(f);
        log.push_back("post_save " + u.username + (info.created ? " created" : "") + fields);
    });
    drf::signals::ScopedConnection c = drf::signals::pre_delete<User>.connect([&](const User& u) { log.push_back("pre_delete " + u.username); });
    drf::signals::ScopedConnection d = drf::signals::post_delete<User>.connect([&](const User& u) { log.push_back("post_delete " + u.username); });
    User u = users.create(user_named("a"));
    users.save(u);
    users.save(u, db::update_fields<&User::is_staff>);
    users.remove(u);
    CHECK(log == std::vector<std::string>{"pre_save a created", "post_save a! created", "pre_save a!", "post_save a!!",
                                          "pre_save a!!", "post_save a!!! is_staff updated_at", "pre_delete a!!!",
                                          "post_delete a!!!"});
    CHECK(users.count() == 0);
}

TEST_CASE("atomic commits on return and rolls back everything on an exception, nested blocks as savepoints", "[db]") {
    auto database = fresh();
    auto users = db::objects<User>(database);
    database.atomic([&] { users.create(user_named("kept")); });
    CHECK_THROWS_AS(database.atomic([&] {
        users.create(user_named("lost"));
        throw std::runtime_error("boom");
    }),
                    std::runtime_error);
    CHECK(users.count() == 1);
    database.atomic([&] {
        users.create(user_named("outer"));
        try {
            database.atomic([&] {
                users.create(user_named("inner"));
                throw std::runtime_error("inner fails");
            });
        } catch (const std::runtime_error&) {
        }
        CHECK(database.in_atomic_block());
    });
    CHECK(users.filter(db::eq(&User::username, "outer")).exists());
    CHECK_FALSE(users.filter(db::eq(&User::username, "inner")).exists());
    CHECK(database.atomic([&] { return users.count(); }) == 2);
    CHECK_FALSE(database.in_atomic_block());
}

TEST_CASE("A post_save receiver that throws inside atomic rolls the save back", "[db]") {
    auto database = fresh();
    auto users = db::objects<User>(database);
    drf::signals::ScopedConnection guard = drf::signals::post_save<User>.connect([](const User& u, const drf::signals::SaveInfo&) {
        if (u.username == "bad") throw std::runtime_error("receiver refuses");
    });
    CHECK_THROWS_WITH(database.atomic([&] { users.create(user_named("bad")); }), "receiver refuses");
    CHECK(users.count() == 0);
}

TEST_CASE("Keyset queries return rows strictly after or before a (created_at, id) position", "[db]") {
    auto database = fresh();
    auto users = db::objects<User>(database);
    drf::FrozenClock clock(*drf::parse_datetime("2026-01-01T00:00:00Z"));
    drf::ClockOverride use(clock);
    for (int i = 0; i < 10; ++i) {
        users.create(user_named("u" + std::to_string(i)));
        if (i % 3 == 2) clock.advance(microseconds(1));  // runs of equal timestamps
    }
    const auto all = users.all().all();  // -created_at, -id
    const auto q = users.all();
    const auto after = q.after(q.key_of(all[3])).limit(4).all();
    REQUIRE(after.size() == 4);
    for (int i = 0; i < 4; ++i) CHECK(after[i].id == all[4 + i].id);
    const auto before = q.before(q.key_of(all[6])).limit(3).all();
    REQUIRE(before.size() == 3);
    for (int i = 0; i < 3; ++i) CHECK(before[i].id == all[3 + i].id);
    // Ascending, and mixed directions.
    const auto asc = users.order_by(drf::models::asc(&User::created_at));
    const auto rows = asc.all();
    CHECK(asc.after(asc.key_of(rows[0])).all().size() == 9);
    const auto mixed = users.order_by(drf::models::asc(&User::is_staff), drf::models::desc(&User::created_at));
    const auto mrows = mixed.all();
    const auto mafter = mixed.after(mixed.key_of(mrows[4])).all();
    REQUIRE(mafter.size() == 5);
    CHECK(mafter[0].id == mrows[5].id);
    CHECK_THROWS_AS(q.after({}), std::invalid_argument);
}

TEST_CASE("An index is named and created from member pointers, as create_table_sql names its own", "[db]") {
    CHECK(db::index_name<&User::created_at, &User::id>() == "users_created_at_id");
    CHECK(db::create_index_sql<&Project::owner_id, &Project::created_at, &Project::id>() ==
          "CREATE INDEX \"projects_owner_id_created_at_id\" ON \"projects\" (\"owner_id\", \"created_at\", \"id\")");
    auto database = fresh();
    const auto ddl = db::create_table_sql<User>(database.dialect());
    CHECK(ddl.at(1) == "CREATE INDEX \"" + db::index_name<&User::created_at, &User::id>() + "\" ON \"users\" (\"created_at\", \"id\")");
    CHECK(ddl.at(0).find(db::column_definition<&User::username>(database.dialect())) != std::string::npos);
}

TEST_CASE("A keyset page is served by the (created_at, id) index, as explain() shows", "[db]") {
    auto database = fresh();
    const std::string plan = db::objects<User>(database).all().after({drf::now(), drf::uuid4()}).limit(25).explain();
    INFO(plan);
    if (drf_test::on_postgresql()) {
        CHECK(plan.find("Index Scan Backward using users_created_at_id") != std::string::npos);
        CHECK(plan.find("Index Cond: (ROW(created_at, id) < ROW(") != std::string::npos);
        CHECK(plan.find("Sort") == std::string::npos);
    } else {
        CHECK(plan.find("USING INDEX users_created_at_id") != std::string::npos);
        CHECK(plan.find("(created_at,id)<(?,?)") != std::string::npos);
        CHECK(plan.find("TEMP B-TREE") == std::string::npos);  // no sort step
    }
}

TEST_CASE("A file database opens in WAL mode and two connections can write concurrently", "[db][sqlite]") {
    TempDir dir;
    const std::string path = (dir.path / "app.sqlite3").string();
    {
        auto database = db::sqlite::open(path);
        create_tables(database);
        auto& s = database.connection().prepare("PRAGMA journal_mode");
        s.reset();
        REQUIRE(s.step());
        CHECK(s.column_text(0) == "wal");
        s.reset();
    }
    auto writer = [&](const std::string& prefix) {
        auto database = db::sqlite::open(path);
        auto users = db::objects<User>(database);
        for (int i = 0; i < 50; ++i) database.atomic([&] { users.create(user_named(prefix + std::to_string(i))); });
    };
    std::thread a(writer, "a");
    std::thread b(writer, "b");
    a.join();
    b.join();
    auto database = db::sqlite::open(path);
    CHECK(db::objects<User>(database).count() == 100);
}

TEST_CASE("The schema created from a model matches the model's field list", "[db]") {
    auto database = fresh();
    CHECK(db::schema_differences<User>(database.connection()).empty());
    CHECK(db::schema_differences<Project>(database.connection()).empty());
    database.connection().execute("ALTER TABLE users ADD COLUMN extra TEXT");
    CHECK(db::schema_differences<User>(database.connection()) == std::vector<std::string>{"users.extra is not in the model"});
}

TEST_CASE("PostgreSQL stores every column in its native type", "[db][postgresql]") {
    auto database = fresh();
    std::map<std::string, std::string> types;
    for (const auto& c : database.connection().table_columns("projects")) types[c.name] = c.type;
    CHECK(types == std::map<std::string, std::string>{{"id", "uuid"},
                                                      {"created_at", "timestamp with time zone"},
                                                      {"updated_at", "timestamp with time zone"},
                                                      {"name", "text"},
                                                      {"description", "text"},
                                                      {"owner_id", "uuid"},
                                                      {"archived", "boolean"},
                                                      {"stars", "bigint"},
                                                      {"score", "double precision"},
                                                      {"note", "text"}});
}

TEST_CASE("PostgreSQL refuses text holding a NUL byte with a clear DatabaseError and writes nothing", "[db][postgresql]") {
    auto database = fresh();
    CHECK_THROWS_WITH(db::objects<User>(database).create(user_named(std::string("nul\0byte", 8))),
                      "PostgreSQL text cannot contain NUL (0x00) bytes; parameter 4 holds one");
    CHECK(db::objects<User>(database).count() == 0);
}

TEST_CASE("A deadlock between two PostgreSQL transactions is a TransactionConflict that atomic_with_retry runs again",
          "[db][postgresql]") {
    auto a = fresh();
    auto b = drf_test::another_connection(a);
    for (auto* d : {&a, &b}) d->connection().execute("SET deadlock_timeout = '50ms'");
    auto users = db::objects<User>(a);
    const User one = users.create(user_named("one"));
    const User two = users.create(user_named("two"));
    std::latch both_hold_one_row(2);
    std::atomic<int> runs{0};
    // Each locks one row, waits for the other to lock the other, then asks for it: a deadlock, which
    // PostgreSQL breaks by aborting one of them.
    auto worker = [&](db::Database& d, const User& first, const User& second) {
        bool first_run = true;
        d.atomic_with_retry([&] {
            ++runs;
            db::objects<User>(d).filter(db::eq(&User::id, first.id)).update(db::set(&User::is_staff, true));
            if (std::exchange(first_run, false)) {  // a run again does not wait for the other
                both_hold_one_row.count_down();
                both_hold_one_row.wait();
            }
            db::objects<User>(d).filter(db::eq(&User::id, second.id)).update(db::set(&User::is_active, false));
        }, /*attempts=*/10);
    };
    std::thread ta(worker, std::ref(a), std::cref(one), std::cref(two));
    std::thread tb(worker, std::ref(b), std::cref(two), std::cref(one));
    ta.join();
    tb.join();
    // Both ran once and the aborted one ran again. Its run again may take the freed row before the
    // survivor wakes up to it and deadlock once more, so more runs are allowed for.
    CHECK(runs >= 3);
    CHECK(users.filter(db::eq(&User::is_staff, true) && db::eq(&User::is_active, false)).count() == 2);

    // Without the retry the conflict surfaces as TransactionConflict, an OperationalError.
    std::latch again(2);
    std::atomic<int> conflicts{0};
    auto plain = [&](db::Database& d, const User& first, const User& second) {
        try {
            d.atomic([&] {
                db::objects<User>(d).filter(db::eq(&User::id, first.id)).update(db::set(&User::is_staff, false));
                again.count_down();
                again.wait();
                db::objects<User>(d).filter(db::eq(&User::id, second.id)).update(db::set(&User::is_active, true));
            });
        } catch (const db::TransactionConflict& e) {
            ++conflicts;
            CHECK_THAT(e.what(), Catch::Contains("deadlock detected"));
        }
    };
    std::thread pa(plain, std::ref(a), std::cref(one), std::cref(two));
    std::thread pb(plain, std::ref(b), std::cref(two), std::cref(one));
    pa.join();
    pb.join();
    CHECK(conflicts == 1);
}

TEST_CASE("A lost PostgreSQL connection is an OperationalError, and the next statement reconnects", "[db][postgresql]") {
    auto database = fresh();
    auto users = db::objects<User>(database);
    users.create(user_named("before"));
    auto other = drf_test::another_connection(database);
    auto& pid = database.connection().prepare("SELECT pg_backend_pid()");
    pid.reset();
    pid.step();
    const std::int64_t backend = pid.column_int(0);
    pid.reset();
    auto& kill = other.connection().prepare("SELECT pg_terminate_backend(?)");
    kill.reset();
    kill.bind_int(1, backend);
    kill.step();
    kill.reset();
    CHECK_THROWS_AS(users.count(), db::OperationalError);
    CHECK(users.count() == 1);  // a new session, the statements prepared again
    users.create(user_named("after"));
    CHECK(users.count() == 2);
}

TEST_CASE("connect() picks the backend from the URL's scheme, as Django's DATABASES does", "[db]") {
    TempDir dir;
    {
        auto database = db::connect("sqlite:///" + (dir.path / "app.sqlite3").string());  // sqlite:////abs/path
        CHECK(database.dialect().name() == "sqlite");
        create_tables(database);
    }
    CHECK(std::filesystem::exists(dir.path / "app.sqlite3"));
    CHECK(db::connect("sqlite://:memory:").dialect().name() == "sqlite");
    CHECK(db::sqlite::detail::path_of("sqlite:///relative.sqlite3") == "relative.sqlite3");
    CHECK(db::sqlite::detail::path_of("sqlite:////var/lib/app.sqlite3") == "/var/lib/app.sqlite3");
    CHECK(db::sqlite::detail::path_of("sqlite://") == ":memory:");
    if (drf_test::on_postgresql()) CHECK(db::connect(std::getenv("DRF_TEST_DATABASE_URL")).dialect().name() == "postgresql");
}

TEST_CASE("connect() refuses a URL with no scheme or an unknown one, naming the schemes it knows, never the URL",
          "[db]") {
    CHECK_THROWS_AS(db::connect("app.sqlite3"), db::OperationalError);
    CHECK_THROWS_WITH(db::connect("host=db password=s3cret"),
                      Catch::StartsWith("drf::db::connect: the database URL has no scheme (such as sqlite:// or postgresql://); known: "));
    CHECK_THROWS_WITH(db::connect("mysql://root:s3cret@db/app"),
                      Catch::StartsWith("drf::db::connect: the database URL names the scheme \"mysql://\", which no included "
                                        "backend registered; known: ") &&
                          Catch::Contains("sqlite://") && !Catch::Contains("s3cret"));
}

TEST_CASE("A connection keeps at most statement_cache_size prepared statements, dropping the least recently used",
          "[db][sqlite]") {
    auto connection = std::make_unique<db::sqlite::SqliteConnection>(":memory:", db::sqlite::Options{.statement_cache_size = 4});
    auto* raw = connection.get();
    db::Database database(std::move(connection));
    create_tables(database);
    auto users = db::objects<User>(database);
    users.create(user_named("a"));
    for (int n = 1; n <= 10; ++n) {  // IN lists of ten lengths: ten distinct statements
        std::vector<std::string> names(static_cast<std::size_t>(n), "a");
        CHECK(users.filter(db::in(&User::username, names)).count() == 1);
    }
    CHECK(raw->cached_statements() == 4);
    CHECK(users.filter(db::in(&User::username, {"a"})).count() == 1);  // dropped long ago: prepared again
}

}  // namespace db_test
