// tests/db/postgresql_text_test.cpp — the text the PostgreSQL backend writes and reads, checked without
// a server: placeholder numbering, timestamptz parsing, and passwords kept out of messages.
#include <drf/db/detail/postgresql_text.hpp>

#include <catch2/catch.hpp>

namespace postgresql_text_test {

namespace pgt = drf::db::postgresql::detail;

TEST_CASE("PostgreSQL placeholders: each ? becomes $1, $2, ... in order", "[db]") {
    CHECK(pgt::numbered_placeholders("SELECT * FROM t WHERE a = ? AND (b, c) < (?, ?) LIMIT ?") ==
          "SELECT * FROM t WHERE a = $1 AND (b, c) < ($2, $3) LIMIT $4");
    CHECK(pgt::numbered_placeholders("SELECT 1") == "SELECT 1");
}

TEST_CASE("PostgreSQL placeholders: a ? inside quotes, dollar quotes or comments is text", "[db]") {
    CHECK(pgt::numbered_placeholders("SELECT 'what?', 'it''s ?', \"col?\" FROM t WHERE x = ?") ==
          "SELECT 'what?', 'it''s ?', \"col?\" FROM t WHERE x = $1");
    CHECK(pgt::numbered_placeholders("SELECT $$a ? b$$, $tag$ ? $tag$, ? -- why?\n, ? /* or? */") ==
          "SELECT $$a ? b$$, $tag$ ? $tag$, $1 -- why?\n, $2 /* or? */");
    CHECK(pgt::numbered_placeholders("SELECT 'unterminated ?") == "SELECT 'unterminated ?");
}

TEST_CASE("PostgreSQL timestamptz text reads back to the microsecond, with or without a fraction", "[db]") {
    CHECK(drf::to_iso8601(*pgt::parse_pg_datetime("2026-11-23 19:43:37.727356+00")) == "2026-11-23T19:43:37.727356Z");
    CHECK(drf::to_iso8601(*pgt::parse_pg_datetime("2026-11-23 19:43:37+00")) == "2026-11-23T19:43:37Z");
    CHECK(drf::to_iso8601(*pgt::parse_pg_datetime("2026-11-23 19:43:37.5+00")) == "2026-11-23T19:43:37.500000Z");
    CHECK(drf::to_iso8601(*pgt::parse_pg_datetime("2026-11-23 21:43:37+02:00")) == "2026-11-23T19:43:37Z");
    CHECK_FALSE(pgt::parse_pg_datetime("infinity"));
    CHECK_FALSE(pgt::parse_pg_datetime("0044-03-15 12:00:00+00 BC"));
}

TEST_CASE("A PostgreSQL URL's password never reaches an error message", "[db]") {
    CHECK(pgt::redacted_url("postgresql://app:s3cret@db.internal:5432/app") == "postgresql://app:***@db.internal:5432/app");
    CHECK(pgt::redacted_url("postgresql://app@db.internal/app") == "postgresql://app@db.internal/app");
    CHECK(pgt::redacted_url("postgresql://db.internal/app?user=app&password=s3cret&sslmode=require") ==
          "postgresql://db.internal/app?user=app&password=***&sslmode=require");
    CHECK(pgt::redacted_url("host=db dbname=app password=s3cret user=app") == "host=db dbname=app password=*** user=app");
}

}  // namespace postgresql_text_test
