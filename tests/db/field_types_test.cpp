// tests/db/field_types_test.cpp — Django's DecimalField, DateField, TimeField, DurationField, JSONField and
// GenericIPAddressField as model fields, on every backend (tests/support/database.hpp): the column types,
// exact round trips, numeric and chronological comparison and ordering, and the schema check.
#include "../support/database.hpp"

#include <drf/core/json.hpp>
#include <drf/db.hpp>
#include <drf/db/detail/postgresql_text.hpp>
#include <drf/models.hpp>

#include <catch2/catch.hpp>

#include <optional>
#include <string>
#include <vector>

namespace field_types_test {

namespace db = drf::db;
using boost::posix_time::hours;
using boost::posix_time::microseconds;
using boost::posix_time::seconds;

struct Item : drf::models::Model<Item> {
    drf::Decimal price;
    std::optional<drf::Decimal> rate;
    drf::Date due;
    std::optional<drf::Date> shipped;
    drf::Time opens;
    std::optional<drf::Time> closes;
    drf::Duration lead;
    std::optional<drf::Duration> grace;
    drf::Json data;
    std::optional<drf::Json> extra;
    std::string address;
    std::optional<std::string> backup;
    static constexpr auto meta = drf::models::meta<Item>(
        "items", drf::models::field<&Item::price>().max_digits(10).decimal_places(2),
        drf::models::field<&Item::rate>().max_digits(6).decimal_places(4), drf::models::field<&Item::due>(),
        drf::models::field<&Item::shipped>(), drf::models::field<&Item::opens>(), drf::models::field<&Item::closes>(),
        drf::models::field<&Item::lead>(), drf::models::field<&Item::grace>(), drf::models::field<&Item::data>(),
        drf::models::field<&Item::extra>(), drf::models::field<&Item::address>().ip_address(),
        drf::models::field<&Item::backup>().ip_address());
};

db::Database fresh() {
    auto database = drf_test::open_database();
    for (const auto& s : db::create_table_sql<Item>(database.dialect())) database.connection().execute(s);
    return database;
}

Item item(const char* price, drf::Date due, drf::Time opens, drf::Duration lead) {
    Item i;
    i.price = drf::Decimal(price);
    i.due = due;
    i.opens = opens;
    i.lead = lead;
    i.address = "10.0.0.1";
    return i;
}

std::vector<std::string> prices(const std::vector<Item>& items) {
    std::vector<std::string> out;
    for (const auto& i : items) out.push_back(i.price.to_string());
    return out;
}

constexpr std::int64_t us_per_day = 86'400'000'000;

TEST_CASE("Decimal, date, time, duration, JSON and IP address columns have Django's types on each backend", "[db]") {
    auto database = fresh();
    const auto sql = db::create_table_sql<Item>(database.dialect());
    if (drf_test::on_sqlite()) {
        CHECK(sql.front() == "CREATE TABLE \"items\" (\n"
                             "    \"id\" TEXT NOT NULL PRIMARY KEY,\n"
                             "    \"created_at\" INTEGER NOT NULL,\n"
                             "    \"updated_at\" INTEGER NOT NULL,\n"
                             "    \"price\" decimal NOT NULL,\n"
                             "    \"rate\" decimal,\n"
                             "    \"due\" date NOT NULL,\n"
                             "    \"shipped\" date,\n"
                             "    \"opens\" time NOT NULL,\n"
                             "    \"closes\" time,\n"
                             "    \"lead\" bigint NOT NULL,\n"
                             "    \"grace\" bigint,\n"
                             "    \"data\" TEXT NOT NULL,\n"
                             "    \"extra\" TEXT,\n"
                             "    \"address\" char(39) NOT NULL,\n"
                             "    \"backup\" char(39)\n"
                             ")");
    } else {
        CHECK(sql.front() == "CREATE TABLE \"items\" (\n"
                             "    \"id\" uuid NOT NULL PRIMARY KEY,\n"
                             "    \"created_at\" timestamp with time zone NOT NULL,\n"
                             "    \"updated_at\" timestamp with time zone NOT NULL,\n"
                             "    \"price\" numeric(10, 2) NOT NULL,\n"
                             "    \"rate\" numeric(6, 4),\n"
                             "    \"due\" date NOT NULL,\n"
                             "    \"shipped\" date,\n"
                             "    \"opens\" time without time zone NOT NULL,\n"
                             "    \"closes\" time without time zone,\n"
                             "    \"lead\" interval NOT NULL,\n"
                             "    \"grace\" interval,\n"
                             "    \"data\" jsonb NOT NULL,\n"
                             "    \"extra\" jsonb,\n"
                             "    \"address\" inet NOT NULL,\n"
                             "    \"backup\" inet\n"
                             ")");
    }
    CHECK(db::column_definition<&Item::price>(database.dialect()) ==
          (drf_test::on_sqlite() ? "\"price\" decimal NOT NULL" : "\"price\" numeric(10, 2) NOT NULL"));
}

TEST_CASE("The schema check accepts the table create_table_sql made for the new column types", "[db]") {
    auto database = fresh();
    CHECK(db::schema_differences<Item>(database.connection()).empty());
}

TEST_CASE("The schema check reports a decimal column whose digits differ from the model's", "[db][postgresql]") {
    auto database = drf_test::open_database();
    auto sql = db::create_table_sql<Item>(database.dialect());
    const auto at = sql.front().find("numeric(10, 2)");
    REQUIRE(at != std::string::npos);
    sql.front().replace(at, 14, "numeric(12, 2)");
    for (const auto& s : sql) database.connection().execute(s);
    CHECK(db::schema_differences<Item>(database.connection()) ==
          std::vector<std::string>{"items.price is numeric(12,2), the model says numeric(10, 2)"});
}

TEST_CASE("The schema check reports a date column that holds text", "[db]") {
    auto database = drf_test::open_database();
    auto sql = db::create_table_sql<Item>(database.dialect());
    const auto at = sql.front().find("\"due\" date");
    REQUIRE(at != std::string::npos);
    sql.front().replace(at, 10, "\"due\" text");
    for (const auto& s : sql) database.connection().execute(s);
    CHECK(db::schema_differences<Item>(database.connection()) ==
          std::vector<std::string>{std::string("items.due is ") + (drf_test::on_sqlite() ? "TEXT" : "text") +
                                   ", the model says date"});
}

TEST_CASE("Decimal, date, time, duration, JSON and IP address fields round-trip exactly, NULL included", "[db]") {
    auto database = fresh();
    auto items = db::objects<Item>(database);
    Item a = item("12345678.99", drf::Date(2024, 2, 29), drf::Time(23, 59, 59, 999'999), microseconds(1));
    a.rate = drf::Decimal("-0.0001");
    a.shipped = drf::Date(9999, 12, 31);
    a.closes = drf::Time(0, 0);
    a.grace = seconds(-1);
    a.data = drf::Json::parse(R"({"a": 1, "b": [true, null, 2.5], "name": "caf\u00e9"})");
    a.extra = drf::Json::parse(R"([1, "two", {"x": {}}])");
    a.address = "192.168.0.1";
    a.backup = "2001:db8::1";
    items.create(a);
    Item b = item("-99999999.99", drf::Date(1400, 1, 1), drf::Time(0, 0), seconds(0));
    b.data = drf::Json::parse("\"just text\"");
    items.create(b);

    const Item ra = items.get(a.id);
    CHECK(ra.price.to_string() == "12345678.99");
    REQUIRE(ra.rate);
    CHECK(ra.rate->to_string() == "-0.0001");
    CHECK(ra.due == drf::Date(2024, 2, 29));
    CHECK(ra.shipped == drf::Date(9999, 12, 31));
    CHECK(ra.opens == drf::Time(23, 59, 59, 999'999));
    CHECK(ra.closes == drf::Time(0, 0));
    CHECK(ra.lead == microseconds(1));
    CHECK(ra.grace == seconds(-1));
    CHECK(ra.data == a.data);
    CHECK(ra.extra == a.extra);
    CHECK(ra.address == "192.168.0.1");
    CHECK(ra.backup == "2001:db8::1");

    const Item rb = items.get(b.id);
    CHECK(rb.price.to_string() == "-99999999.99");
    CHECK_FALSE(rb.rate);
    CHECK(rb.due == drf::Date(1400, 1, 1));
    CHECK_FALSE(rb.shipped);
    CHECK_FALSE(rb.closes);
    CHECK(rb.lead == seconds(0));
    CHECK_FALSE(rb.grace);
    CHECK(rb.data == "just text");
    CHECK_FALSE(rb.extra);
    CHECK_FALSE(rb.backup);
}

TEST_CASE("A decimal reads back with exactly the field's decimal_places, as Django's converters return it", "[db]") {
    auto database = fresh();
    auto items = db::objects<Item>(database);
    // SQLite's NUMERIC affinity stores 12.50 as the number 12.5 and 100.00 as the integer 100.
    Item a = item("12.5", drf::Date(2024, 1, 1), drf::Time(9, 0), hours(1));
    a.rate = drf::Decimal("3");
    items.create(a);
    Item b = item("100.00", drf::Date(2024, 1, 1), drf::Time(9, 0), hours(1));
    items.create(b);
    CHECK(items.get(a.id).price.to_string() == "12.50");
    CHECK(items.get(a.id).rate->to_string() == "3.0000");
    CHECK(items.get(b.id).price.to_string() == "100.00");
}

TEST_CASE("Durations at drf::Duration's limits round-trip on both backends", "[db]") {
    auto database = fresh();
    auto items = db::objects<Item>(database);
    const std::int64_t days = drf::max_duration_days;
    const drf::Duration longest = microseconds(days * us_per_day + us_per_day - 1);  // 106751990 days 23:59:59.999999
    const drf::Duration most_negative = microseconds(-days * us_per_day);
    Item a = item("1", drf::Date(2024, 1, 1), drf::Time(9, 0), longest);
    a.grace = most_negative;
    items.create(a);
    Item b = item("1", drf::Date(2024, 1, 1), drf::Time(9, 0), microseconds(-us_per_day - 1));
    b.grace = microseconds(us_per_day + 500'000);
    items.create(b);
    CHECK(items.get(a.id).lead == longest);
    CHECK(items.get(a.id).grace == most_negative);
    CHECK(items.get(b.id).lead == microseconds(-us_per_day - 1));
    CHECK(items.get(b.id).grace == microseconds(us_per_day + 500'000));
}

TEST_CASE("Decimals compare and sort as numbers, not as text", "[db]") {
    auto database = fresh();
    auto items = db::objects<Item>(database);
    for (const char* p : {"9.50", "10.00", "100.25", "-3.00", "9.49"})
        items.create(item(p, drf::Date(2024, 1, 1), drf::Time(9, 0), hours(1)));
    CHECK(prices(items.order_by(drf::models::asc(&Item::price)).all()) ==
          std::vector<std::string>{"-3.00", "9.49", "9.50", "10.00", "100.25"});
    CHECK(items.filter(db::gt(&Item::price, drf::Decimal("9.5"))).count() == 2);
    CHECK(items.filter(db::ge(&Item::price, drf::Decimal("9.5"))).count() == 3);
    CHECK(items.filter(db::lt(&Item::price, drf::Decimal("10"))).count() == 3);
    CHECK(items.filter(db::eq(&Item::price, drf::Decimal("10"))).count() == 1);  // 10 == 10.00
    CHECK(items.filter(db::range(&Item::price, drf::Decimal("-3"), drf::Decimal("9.5"))).count() == 3);
    CHECK(items.filter(db::in(&Item::price, {drf::Decimal("9.49"), drf::Decimal("100.25")})).count() == 2);
}

TEST_CASE("Dates, times and durations compare and sort chronologically", "[db]") {
    auto database = fresh();
    auto items = db::objects<Item>(database);
    items.create(item("1", drf::Date(2024, 1, 5), drf::Time(9, 30), hours(2)));
    items.create(item("2", drf::Date(2023, 12, 31), drf::Time(10, 0), hours(24 * 3)));
    items.create(item("3", drf::Date(2024, 10, 1), drf::Time(9, 30, 0, 1), seconds(-1)));
    items.create(item("4", drf::Date(1999, 2, 1), drf::Time(0, 0, 5), microseconds(1)));

    CHECK(prices(items.order_by(drf::models::asc(&Item::due)).all()) == std::vector<std::string>{"4.00", "2.00", "1.00", "3.00"});
    CHECK(prices(items.order_by(drf::models::asc(&Item::opens)).all()) == std::vector<std::string>{"4.00", "1.00", "3.00", "2.00"});
    CHECK(prices(items.order_by(drf::models::asc(&Item::lead)).all()) == std::vector<std::string>{"3.00", "4.00", "1.00", "2.00"});

    CHECK(items.filter(db::gt(&Item::due, drf::Date(2024, 1, 1))).count() == 2);
    CHECK(items.filter(db::le(&Item::due, drf::Date(2023, 12, 31))).count() == 2);
    CHECK(items.filter(db::gt(&Item::opens, drf::Time(9, 30))).count() == 2);  // 09:30:00.000001 is later
    CHECK(items.filter(db::eq(&Item::opens, drf::Time(9, 30))).count() == 1);
    CHECK(items.filter(db::gt(&Item::lead, hours(3))).count() == 1);
    CHECK(items.filter(db::lt(&Item::lead, seconds(0))).count() == 1);
    CHECK(items.filter(db::range(&Item::lead, microseconds(1), hours(2))).count() == 2);
}

TEST_CASE("Keyset queries seek on decimal, date and duration orderings as the values order", "[db]") {
    auto database = fresh();
    auto items = db::objects<Item>(database);
    items.create(item("9.50", drf::Date(2024, 1, 5), drf::Time(9, 0), hours(2)));
    items.create(item("10.00", drf::Date(2023, 12, 31), drf::Time(9, 0), hours(72)));
    items.create(item("100.25", drf::Date(2024, 10, 1), drf::Time(9, 0), seconds(-1)));
    items.create(item("-3.00", drf::Date(1999, 2, 1), drf::Time(9, 0), microseconds(1)));

    const auto by_price = items.order_by(drf::models::asc(&Item::price));
    const auto first_two = by_price.limit(2).all();
    CHECK(prices(by_price.after(by_price.key_of(first_two.back())).all()) == std::vector<std::string>{"10.00", "100.25"});
    const auto by_due = items.order_by(drf::models::desc(&Item::due));
    CHECK(prices(by_due.after(by_due.key_of(by_due.first().value())).all()) ==
          std::vector<std::string>{"9.50", "10.00", "-3.00"});
    const auto by_lead = items.order_by(drf::models::asc(&Item::lead), drf::models::asc(&Item::price));
    const auto shortest = by_lead.first().value();
    CHECK(shortest.price.to_string() == "100.25");
    CHECK(prices(by_lead.after(by_lead.key_of(shortest)).all()) == std::vector<std::string>{"-3.00", "9.50", "10.00"});
}

TEST_CASE("An update writes decimal, date, time and duration values as parameters", "[db]") {
    auto database = fresh();
    auto items = db::objects<Item>(database);
    const Item a = items.create(item("1", drf::Date(2024, 1, 5), drf::Time(9, 30), hours(2)));
    CHECK(items.filter(db::eq(&Item::id, a.id))
              .update(db::set(&Item::price, drf::Decimal("7.25")), db::set(&Item::due, drf::Date(2025, 6, 1)),
                      db::set(&Item::opens, drf::Time(7, 0)), db::set(&Item::lead, seconds(90))) == 1);
    const Item r = items.get(a.id);
    CHECK(r.price.to_string() == "7.25");
    CHECK(r.due == drf::Date(2025, 6, 1));
    CHECK(r.opens == drf::Time(7, 0));
    CHECK(r.lead == seconds(90));
}

TEST_CASE("A decimal, date, time or duration default is an SQL literal each backend reads into its column", "[db]") {
    auto database = fresh();
    const auto& d = database.dialect();
    CHECK(db::sql_literal(d, drf::Decimal("1E+2")) == "'100'");
    CHECK(db::sql_literal(d, drf::Date(2024, 2, 29)) == "'2024-02-29'");
    CHECK(db::sql_literal(d, drf::Time(9, 5, 0, 12)) == "'09:05:00.000012'");
    CHECK(db::sql_literal(d, drf::Duration(seconds(-1))) == (drf_test::on_sqlite() ? "-1000000" : "'0 days -00:00:01.000000'"));
    // The database reads each back as the value it stands for.
    const std::string select = "SELECT CAST(" + db::sql_literal(d, drf::Decimal("2.5")) + " AS " +
                               d.decimal_type(10, 2) + ") > CAST(" + db::sql_literal(d, drf::Decimal("10")) + " AS " +
                               d.decimal_type(10, 2) + ")";
    auto& s = database.connection().prepare(select);
    db::StatementScope scope(s);
    REQUIRE(s.step());
    CHECK_FALSE(s.column_bool(0));
}

TEST_CASE("PostgreSQL interval output is read without regular expressions", "[db]") {
    namespace pgt = drf::db::postgresql::detail;
    CHECK(pgt::parse_pg_interval("PT0S") == seconds(0));
    CHECK(pgt::parse_pg_interval("P1DT2H3M4.5S") == microseconds(((24 + 2) * 3600 + 3 * 60 + 4) * 1'000'000LL + 500'000));
    CHECK(pgt::parse_pg_interval("PT-1S") == seconds(-1));
    CHECK(pgt::parse_pg_interval("PT-0.000001S") == microseconds(-1));
    CHECK(pgt::parse_pg_interval("P-1DT23H59M59S") == seconds(-1));
    CHECK(pgt::parse_pg_interval("P1Y2M") == hours(24 * (365 + 60)));  // years and months as psycopg counts them
    CHECK(pgt::parse_pg_interval("P106751990DT23H59M59.999999S") ==
          microseconds(drf::max_duration_days * us_per_day + us_per_day - 1));
    CHECK_FALSE(pgt::parse_pg_interval("P106751991D"));  // past drf::Duration
    CHECK_FALSE(pgt::parse_pg_interval("1 day 02:00:00"));
    CHECK_FALSE(pgt::parse_pg_interval("P"));
    CHECK_FALSE(pgt::parse_pg_interval("P1H"));    // hours belong after T
    CHECK_FALSE(pgt::parse_pg_interval("PT1.5H"));  // only seconds have a fraction
    CHECK_FALSE(pgt::parse_pg_interval("PT1"));
}

TEST_CASE("A duration is written as PostgreSQL interval input whose parts keep one sign", "[db]") {
    namespace pgt = drf::db::postgresql::detail;
    CHECK(pgt::pg_interval_text(seconds(0)) == "0 days 00:00:00.000000");
    CHECK(pgt::pg_interval_text(seconds(-1)) == "0 days -00:00:01.000000");
    CHECK(pgt::pg_interval_text(microseconds(-us_per_day - 1)) == "-1 days -00:00:00.000001");
    CHECK(pgt::pg_interval_text(microseconds(drf::max_duration_days * us_per_day + us_per_day - 1)) ==
          "106751990 days 23:59:59.999999");
}

TEST_CASE("A date or duration left default-constructed (not a date) is NULL, which a NOT NULL column refuses", "[db]") {
    auto database = fresh();
    auto items = db::objects<Item>(database);
    Item no_date = item("1", drf::Date(), drf::Time(9, 0), hours(1));
    CHECK_THROWS_AS(items.create(no_date), db::IntegrityError);
    Item no_duration = item("1", drf::Date(2024, 1, 1), drf::Time(9, 0), drf::Duration(boost::date_time::not_a_date_time));
    CHECK_THROWS_AS(items.create(no_duration), db::IntegrityError);
    CHECK(items.count() == 0);
    Item optional_empty = item("1", drf::Date(2024, 1, 1), drf::Time(9, 0), hours(1));
    optional_empty.shipped = drf::Date();  // a "not a date" inside the optional is stored as NULL too
    CHECK_FALSE(items.get(items.create(optional_empty).id).shipped);
}

TEST_CASE("A column that does not hold what the field reads is a DatabaseError naming the text", "[db]") {
    auto database = drf_test::open_database();
    database.connection().execute("CREATE TABLE odd (d text, t text)");
    database.connection().execute("INSERT INTO odd VALUES ('yesterday', '25:00')");
    auto& s = database.connection().prepare("SELECT d, t, d FROM odd");
    db::StatementScope scope(s);
    REQUIRE(s.step());
    CHECK_THROWS_WITH(s.column_date(0), "column 0 does not hold a date: \"yesterday\"");
    CHECK_THROWS_WITH(s.column_time(1), "column 1 does not hold a time: \"25:00\"");
    CHECK_THROWS_WITH(s.column_decimal(2), "column 2 does not hold a decimal: \"yesterday\"");
}

}  // namespace field_types_test
