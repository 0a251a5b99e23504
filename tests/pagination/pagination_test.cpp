// tests/pagination/pagination_test.cpp — cursor pagination: links, page sizes, every malformed-cursor
// shape, secrets across restarts, and property tests proving that no row is skipped or repeated while
// other writers insert and delete around the reader. On every backend (tests/support/database.hpp).
#include "../support/cursor_secrets.hpp"
#include "../support/database.hpp"

#include <drf/db.hpp>
#include <drf/http.hpp>
#include <drf/pagination.hpp>
#include <drf/serializers.hpp>

#include <catch2/catch.hpp>

#include <algorithm>
#include <map>
#include <random>
#include <set>

namespace pagination_test {

namespace db = drf::db;
namespace pg = drf::pagination;
using drf::Json;
using drf::http::Method;
using drf::http::Request;

struct Item : drf::models::Model<Item> {
    std::string name;
    std::int64_t rank = 0;
    static constexpr auto meta = drf::models::meta<Item>("items", drf::models::field<&Item::name>(),
                                                         drf::models::field<&Item::rank>());
};

struct ItemOutput {
    static constexpr auto fields = drf::serializers::model_serializer<Item, &Item::id, &Item::name>();
};

// A typical DRF DefaultPagination, in one line.
using DefaultPagination = pg::CursorPagination<pg::Options{.page_size = 25, .ordering = "-created_at", .cursor_query_param = "cursor"}>;
using Small = pg::CursorPagination<pg::Options{.page_size = 3, .page_size_query_param = "page_size", .max_page_size = 5}>;
// For one model, the ordering is named by its members: rank ascending, then name descending.
using ByRank = pg::CursorPagination<pg::Options{.page_size = 3}, drf::models::asc(&Item::rank), drf::models::desc(&Item::name)>;
using ByRankText = pg::CursorPagination<pg::Options{.page_size = 3, .ordering = "rank,-name"}>;

struct Store {
    db::Database database = drf_test::open_database();
    drf::FrozenClock clock{*drf::parse_datetime("2026-01-01T00:00:00Z")};
    drf::ClockOverride use{clock};
    Store() {
        for (const auto& s : db::create_table_sql<Item>(database.dialect())) database.connection().execute(s);
    }
    Item add(std::string name, std::int64_t rank = 0) {
        Item item;
        item.name = std::move(name);
        item.rank = rank;
        return db::objects<Item>(database).create(item);
    }
    db::QuerySet<Item> all() { return db::objects<Item>(database).all(); }
};

// Links are built on the request's Host, which its host settings must allow.
Request get(const std::string& target, std::string host = "api.example.com") {
    drf::http::Headers h;
    h.add("Host", std::move(host));
    Request request(Method::get, target, h);
    drf::http::HostSettings hosts;
    hosts.allowed_hosts = {"api.example.com"};
    request.set_host_settings(std::make_shared<const drf::http::HostSettings>(std::move(hosts)));
    return request;
}

// The path and query of an absolute link, to request it again.
std::string target_of(const Json& link) {
    const std::string url = link.get<std::string>();
    return url.substr(url.find('/', url.find("//") + 2));
}

std::vector<std::string> names(const Json& body) {
    std::vector<std::string> out;
    for (const auto& r : body["results"]) out.push_back(r["name"]);
    return out;
}

template <class P>
Json page(Store& store, const std::string& target) {
    auto request = get(target);
    return *P::template paginate<ItemOutput>(request, store.all()).data();
}

template <class P>
drf::http::Response page_response(Store& store, const std::string& target) {
    auto request = get(target);
    try {
        return P::template paginate<ItemOutput>(request, store.all());
    } catch (...) {
        return drf::http::handle_exception(std::current_exception());
    }
}

TEST_CASE("Pages come as {next, previous, results} with absolute links; previous is null first, next null last",
          "[pagination]") {
    Store store;
    for (int i = 0; i < 7; ++i) {
        store.add("i" + std::to_string(i));
        store.clock.advance(boost::posix_time::seconds(1));
    }
    const Json first = page<Small>(store, "/items/?search=x");
    CHECK(first.begin().key() == "next");
    CHECK(first["previous"].is_null());
    CHECK(names(first) == std::vector<std::string>{"i6", "i5", "i4"});
    CHECK_THAT(first["next"].get<std::string>(), Catch::StartsWith("http://api.example.com/items/?cursor="));
    const Json second = page<Small>(store, target_of(first["next"]));
    CHECK(names(second) == std::vector<std::string>{"i3", "i2", "i1"});
    const Json last = page<Small>(store, target_of(second["next"]));
    CHECK(names(last) == std::vector<std::string>{"i0"});
    CHECK(last["next"].is_null());
    CHECK(names(page<Small>(store, target_of(last["previous"]))) == names(second));
    CHECK(names(page<Small>(store, target_of(second["previous"]))) == names(first));
    CHECK(page<Small>(store, target_of(second["previous"]))["previous"].is_null());
}

TEST_CASE("An empty table is one page with no links", "[pagination]") {
    Store store;
    const Json body = page<DefaultPagination>(store, "/items/");
    CHECK(body == Json::parse(R"({"next": null, "previous": null, "results": []})"));
}

TEST_CASE("A page is written straight to text: the bytes its {next, previous, results} Json would render",
          "[pagination]") {
    Store store;
    // Names that need escaping (quotes, backslashes, controls, non-ASCII, U+2028/U+2029), and plain ones.
    // Valid UTF-8 without NUL: what every backend stores.
    const std::vector<std::string> names{"plain", "\"quoted\"", "back\\slash", "tab\tand\nnewline\x01\x1f\x7f",
                                         "caf\xc3\xa9 \xe6\x97\xa5\xe6\x9c\xac \xf0\x9f\x98\x80",
                                         "a\xe2\x80\xa8" "b\xe2\x80\xa9" "c", "a long name with nothing to escape in it"};
    for (int i = 0; i < 9; ++i) {
        store.add(names[static_cast<std::size_t>(i) % names.size()]);
        store.clock.advance(boost::posix_time::seconds(1));
    }
    // A query value that needs escaping: links carry it percent-encoded.
    const Request first = get("/items/?page_size=3&q=" + drf::http::percent_encode("h\"o\\st\xc3\xa9\xe2\x80\xa8"));
    const auto response = Small::paginate<ItemOutput>(first, store.all());
    const Json body = *response.data();
    REQUIRE(body["next"].is_string());
    const Request second = get(target_of(body["next"]));
    for (const Request* request : {&first, &second}) {
        const auto expected = Small::fetch(*request, store.all());
        const auto text = Small::paginate<ItemOutput>(*request, store.all());
        const Json links = *text.data();
        const Json dom = {{"next", links["next"]},
                          {"previous", links["previous"]},
                          {"results", drf::serializers::render_many<ItemOutput>(expected.rows)}};
        CHECK(text.content() == drf::http::Response(dom).content());
        CHECK(*text.data() == dom);
    }
    CHECK(body["previous"].is_null());
    CHECK_THAT(body["next"].get<std::string>(),
               Catch::StartsWith("http://api.example.com/items/?cursor="));
    CHECK_THAT(body["next"].get<std::string>(), Catch::EndsWith("&page_size=3&q=h%22o%5Cst%C3%A9%E2%80%A8"));
}

TEST_CASE("A page's links are never built on a Host that is not allowed", "[pagination]") {
    Store store;
    for (int i = 0; i < 5; ++i) store.add("i" + std::to_string(i));
    for (const char* host : {"evil.example", "h\"o\\st\xc3\xa9\xe2\x80\xa8"}) {
        INFO(host);
        const Request request = get("/items/", host);
        CHECK_THROWS_AS(Small::paginate<ItemOutput>(request, store.all()), drf::http::DisallowedHost);
    }
}

TEST_CASE("page_size_query_param: values above max_page_size are clamped; zero, negative or junk fall back", "[pagination]") {
    Store store;
    for (int i = 0; i < 9; ++i) store.add("i" + std::to_string(i));
    CHECK(page<Small>(store, "/items/?page_size=2")["results"].size() == 2);
    CHECK(page<Small>(store, "/items/?page_size=50")["results"].size() == 5);
    for (const char* bad : {"0", "-1", "abc", "2.5", ""}) {
        INFO(bad);
        CHECK(page<Small>(store, std::string("/items/?page_size=") + bad)["results"].size() == 3);
    }
    // Without page_size_query_param the parameter is ignored.
    CHECK(page<ByRank>(store, "/items/?page_size=1")["results"].size() == 3);
    // The chosen size is kept in the links.
    CHECK_THAT(page<Small>(store, "/items/?page_size=2")["next"].get<std::string>(), Catch::Contains("page_size=2"));
}

using Capped = pg::CursorPagination<pg::Options{.page_size = 7, .page_size_query_param = "page_size", .max_page_size = 50}>;
using Uncapped = pg::CursorPagination<pg::Options{.page_size = 7, .page_size_query_param = "page_size"}>;
constexpr std::size_t largest = pg::largest_page_size;

struct SizeRow {
    const char* what;
    std::string text;
    std::size_t capped;    // max_page_size = 50
    std::size_t uncapped;  // max_page_size = 0
};

// What DRF 3.14's get_page_size answers (page_size = 7; max_page_size = 50, then None), on Python 3.11.
const std::vector<SizeRow>& size_rows() {
    static const std::vector<SizeRow> rows{
        {"plain", "2", 2, 2},
        {"a leading zero", "02", 2, 2},
        {"a leading plus", "+2", 2, 2},
        {"a leading space", " 2", 2, 2},
        {"a trailing space", "2 ", 2, 2},
        {"ASCII whitespace around", "\t\n\v\f\r2\r\n", 2, 2},
        {"no-break and ideographic spaces", "\u00a0" "2\u3000", 2, 2},
        {"NEL and line separator", "\u0085" "2\u2028", 2, 2},
        {"other Unicode spaces", "\u1680\u2000\u200a" "2\u202f\u205f\u2029", 2, 2},
        {"an underscore between digits", "1_0", 10, 10},
        {"underscores between each digit", "1_2_3", 50, 123},
        {"a fullwidth digit", "\uff15", 5, 5},
        {"an Arabic-Indic digit", "\u0664", 4, 4},
        {"an extended Arabic-Indic digit", "\u06f4", 4, 4},
        {"Devanagari digits", "\u0967\u0966", 10, 10},
        {"ASCII and fullwidth mixed", "1\uff10", 10, 10},
        {"a mathematical bold digit", "\U0001D7D0", 2, 2},
        {"a segmented digit", "\U0001FBF5", 5, 5},
        {"a Tamil digit", "\u0be8", 2, 2},
        {"more digits than 64 bits hold", "99999999999999999999999", 50, largest},
        {"2^64", "18446744073709551616", 50, largest},
        {"2^64 - 1", "18446744073709551615", 50, largest},
        {"4300 digits", std::string(4300, '1'), 50, largest},
        {"4300 digits with leading zeros", std::string(4299, '0') + "3", 3, 3},
        {"4300 digits with underscores", [] { std::string s; for (int i = 0; i < 4299; ++i) s += "1_"; return s + "1"; }(), 50,
         largest},
        // Refused: the default page size.
        {"zero", "0", 7, 7},
        {"zeros", "00", 7, 7},
        {"minus zero", "-0", 7, 7},
        {"negative", "-2", 7, 7},
        {"two signs", "+-2", 7, 7},
        {"a space after the sign", "+ 2", 7, 7},
        {"empty", "", 7, 7},
        {"only a space", " ", 7, 7},
        {"only a sign", "+", 7, 7},
        {"two underscores", "1__0", 7, 7},
        {"a leading underscore", "_1", 7, 7},
        {"a trailing underscore", "1_", 7, 7},
        {"an underscore after the sign", "+_1", 7, 7},
        {"a space between digits", "1 0", 7, 7},
        {"a decimal point", "2.0", 7, 7},
        {"an exponent", "2e1", 7, 7},
        {"hex", "0x2", 7, 7},
        {"an ASCII file separator (str.strip() drops it, int() does not)", "\x1c" "2", 7, 7},
        {"an ASCII unit separator", "2\x1f", 7, 7},
        {"a zero-width space", "\u200b" "2", 7, 7},
        {"a byte-order mark", "\ufeff" "2", 7, 7},
        {"a superscript two", "\u00b2", 7, 7},
        {"a vulgar fraction", "\u2155", 7, 7},
        {"a Roman numeral", "\u2167", 7, 7},
        {"an Ethiopic digit (No, not Nd)", "\u1369", 7, 7},
        {"a Tibetan half digit", "\u0f2a", 7, 7},
        {"4301 digits", std::string(4301, '1'), 7, 7},
        {"4301 digits with leading zeros", std::string(4300, '0') + "2", 7, 7},
        {"a NUL", std::string("2\0", 2), 7, 7},
        {"letters", "abc", 7, 7},
        {"bytes that are not UTF-8", "\xff" "2", 7, 7},
        {"an overlong encoding", "\xc0\xb2", 7, 7},
        {"an encoded surrogate", "\xed\xa0\x80" "2", 7, 7},
    };
    return rows;
}

TEST_CASE("page_size is read as DRF reads it with Python's int(): spaces, '+', underscores, any Unicode digit",
          "[pagination]") {
    for (const auto& row : size_rows()) {
        INFO(row.what);
        const Request request = get("/items/?page_size=" + drf::http::percent_encode(row.text));
        CHECK(Capped::page_size(request) == row.capped);
        CHECK(Uncapped::page_size(request) == row.uncapped);
    }
    // The last of several values counts, as Django's query_params.get.
    CHECK(Capped::page_size(get("/items/?page_size=2&page_size=3")) == 3);
    CHECK(Capped::page_size(get("/items/?page_size=3&page_size=x")) == 7);
    // In a query string '+' is a space: "+2" is " 2".
    CHECK(Capped::page_size(get("/items/?page_size=+2")) == 2);
}

TEST_CASE("Without max_page_size, a page size of 2^64 - 1 serves every row rather than none", "[pagination]") {
    Store store;
    for (int i = 0; i < 4; ++i) store.add("i" + std::to_string(i));
    const Json body = page<Uncapped>(store, "/items/?page_size=18446744073709551615");
    CHECK(body["results"].size() == 4);
    CHECK(body["next"].is_null());
    CHECK(page<Uncapped>(store, "/items/?page_size=99999999999999999999999")["results"].size() == 4);
}

TEST_CASE("Every malformed cursor is 404 {\"detail\": \"Invalid cursor\"}, never a 500", "[pagination]") {
    Store store;
    for (int i = 0; i < 5; ++i) store.add("i" + std::to_string(i), i);
    const Json first = page<Small>(store, "/items/");
    const std::string good = first["next"].get<std::string>().substr(first["next"].get<std::string>().find("cursor=") + 7);
    const auto secret = pg::CursorSecrets::instance().get()->front();
    auto mint = [&](pg::detail::Position pos) { return pg::detail::encode_cursor(pos, secret); };
    const auto real = pg::detail::decode_cursor(good, *pg::CursorSecrets::instance().get());
    REQUIRE(real);

    std::string flipped = good;
    flipped[10] = flipped[10] == 'A' ? 'B' : 'A';
    auto wrong_count = *real;
    wrong_count.key.pop_back();
    auto wrong_type = *real;
    wrong_type.key[0] = std::string("2026-01-01");
    auto other_ordering = *real;
    other_ordering.ordering_tag ^= 1;
    auto extra_value = *real;
    extra_value.key.push_back(std::int64_t{7});

    const std::map<std::string, std::string> shapes{
        {"not base64", "!!!not*base64!!!"},
        {"bad HMAC", flipped},
        {"truncated", good.substr(0, good.size() - 5)},
        {"truncated to nothing useful", good.substr(0, 4)},
        {"forged with another secret", pg::detail::encode_cursor(*real, "another secret, not the server's")},
        {"valid HMAC, wrong field count", mint(wrong_count)},
        {"valid HMAC, wrong field type", mint(wrong_type)},
        {"valid HMAC, too many fields", mint(extra_value)},
        {"minted for another ordering", mint(other_ordering)},
        {"huge", std::string(10000, 'A')},
    };
    for (const auto& [what, cursor] : shapes) {
        INFO(what);
        const auto r = page_response<Small>(store, "/items/?cursor=" + drf::http::percent_encode(cursor));
        CHECK(r.status_code() == 404);
        CHECK(r.content() == R"({"detail":"Invalid cursor"})");
    }
    // A cursor for the same model under another pagination ordering is refused too.
    CHECK(page_response<ByRank>(store, "/items/?cursor=" + good).status_code() == 404);
    CHECK(page_response<Small>(store, "/items/?cursor=" + good).status_code() == 200);
}

TEST_CASE("A cursor position has exactly one spelling: a decimal, date or time in any other text does not decode",
          "[pagination]") {
    auto payload_with = [](char tag, std::string_view text) {
        pg::detail::Position pos;
        std::string bytes = pg::detail::encode_payload(pos);
        bytes += tag;
        pg::detail::put_u64(bytes, text.size());
        bytes += text;
        return bytes;
    };
    // What encode_payload writes decodes, and re-encodes to the same bytes.
    for (const auto& [tag, text] : std::vector<std::pair<char, std::string>>{{'d', "-8"}, {'d', "12.50"}, {'D', "2026-12-03"}, {'T', "09:30:00"}}) {
        INFO(text);
        const auto pos = pg::detail::decode_payload(payload_with(tag, text));
        REQUIRE(pos);
        CHECK(pg::detail::encode_payload(*pos) == payload_with(tag, text));
    }
    // The parsers take these too, but as cursor text each would be a second cursor for one position.
    for (const auto& [tag, text] : std::vector<std::pair<char, std::string>>{
             {'d', "\x1c-8"}, {'d', " -8"}, {'d', "-8 "}, {'d', "+8"}, {'d', "8e0"}, {'D', " 2026-12-03"}, {'T', "09:30"}}) {
        INFO(text);
        CHECK_FALSE(pg::detail::decode_payload(payload_with(tag, text)));
    }
}

TEST_CASE("An empty cursor parameter serves the first page, as DRF does", "[pagination]") {
    Store store;
    for (int i = 0; i < 5; ++i) {
        store.add("i" + std::to_string(i));
        store.clock.advance(boost::posix_time::seconds(1));
    }
    const Json first = page<Small>(store, "/items/");
    const Json empty = page<Small>(store, "/items/?cursor=");
    CHECK(names(empty) == names(first));
    CHECK(empty["previous"].is_null());
    CHECK(target_of(empty["next"]) == target_of(first["next"]));  // the empty parameter is replaced, not repeated
}

TEST_CASE("Cursors stay valid across restarts with the same secret, and through a rotation", "[pagination]") {
    Store store;
    for (int i = 0; i < 5; ++i) store.add("i" + std::to_string(i));
    const drf_test::RestoreCursorSecrets restore;  // the secret is the process's
    pg::set_cursor_secret("the first secret, 32 bytes long!");
    const std::string next = target_of(page<Small>(store, "/items/")["next"]);
    pg::set_cursor_secret("the first secret, 32 bytes long!");  // a restart reads the same secret
    CHECK(page_response<Small>(store, next).status_code() == 200);
    pg::set_cursor_secret("the second secret, also 32 bytes", {"the first secret, 32 bytes long!"});
    CHECK(page_response<Small>(store, next).status_code() == 200);  // rotation: old cursors still work
    pg::set_cursor_secret("the second secret, also 32 bytes");
    CHECK(page_response<Small>(store, next).status_code() == 404);  // retired
    CHECK_THROWS_AS(pg::set_cursor_secret("short"), std::invalid_argument);
}

TEST_CASE("Rows with identical timestamps are neither skipped nor repeated (DRF #7887)", "[pagination]") {
    Store store;
    for (int i = 0; i < 20; ++i) store.add("i" + std::to_string(i));  // the clock is frozen: all equal
    std::set<std::string> seen;
    std::string target = "/items/";
    int pages = 0;
    while (true) {
        const Json body = page<Small>(store, target);
        for (const auto& n : names(body)) CHECK(seen.insert(n).second);
        ++pages;
        if (body["next"].is_null()) break;
        target = target_of(body["next"]);
    }
    CHECK(seen.size() == 20);
    CHECK(pages == 7);
}

TEST_CASE("An ordering on several fields with mixed directions pages correctly", "[pagination]") {
    Store store;
    for (int i = 0; i < 10; ++i) store.add("n" + std::to_string(i % 3), i % 4);
    std::vector<std::pair<std::int64_t, std::string>> seen;
    std::string target = "/items/";
    while (true) {
        auto request = get(target);
        const auto p = ByRank::fetch(request, store.all());
        for (const auto& row : p.rows) seen.emplace_back(row.rank, row.name);
        if (!p.next) break;
        target = "/items/?cursor=" + *p.next;
    }
    REQUIRE(seen.size() == 10);
    for (std::size_t i = 1; i < seen.size(); ++i) {
        const bool ordered = seen[i - 1].first < seen[i].first ||
                             (seen[i - 1].first == seen[i].first && seen[i - 1].second >= seen[i].second);
        CHECK(ordered);
    }
}

TEST_CASE("An ordering given by member pointers pages as the same ordering given as text, with the same cursors",
          "[pagination]") {
    STATIC_REQUIRE(ByRank::ordering_size<Item>() == 2);
    Store store;
    for (int i = 0; i < 7; ++i) store.add("n" + std::to_string(i % 3), i % 4);
    auto request = get("/items/");
    const auto by_members = ByRank::fetch(request, store.all());
    const auto by_text = ByRankText::fetch(request, store.all());
    REQUIRE(by_members.rows.size() == 3);
    for (std::size_t i = 0; i < 3; ++i) CHECK(by_members.rows[i].id == by_text.rows[i].id);
    REQUIRE(by_members.next);
    auto next = get("/items/?cursor=" + *by_members.next);
    CHECK(ByRankText::fetch(next, store.all()).rows.front().id == ByRank::fetch(next, store.all()).rows.front().id);
}

TEST_CASE("Following previous from page k returns exactly page k-1's rows when nothing changed", "[pagination]") {
    Store store;
    std::mt19937 rng(7);
    for (int i = 0; i < 40; ++i) {
        store.add("i" + std::to_string(i));
        store.clock.advance(boost::posix_time::microseconds(rng() % 3));  // many ties
    }
    std::vector<Json> pages{page<Small>(store, "/items/")};
    while (!pages.back()["next"].is_null()) pages.push_back(page<Small>(store, target_of(pages.back()["next"])));
    REQUIRE(pages.size() == 14);
    for (std::size_t k = 1; k < pages.size(); ++k) {
        INFO("page " << k);
        CHECK(names(page<Small>(store, target_of(pages[k]["previous"]))) == names(pages[k - 1]));
    }
}

// One reader walks the whole table one way while writers insert rows (before, inside and after its
// position, many with identical timestamps) and delete rows between its requests.
struct Walk {
    std::mt19937 rng;
    Store store;
    std::vector<drf::DateTime> moments;  // a few instants, so timestamps collide often
    int next_name = 0;

    explicit Walk(unsigned seed) : rng(seed) {
        for (int i = 0; i < 6; ++i) moments.push_back(*drf::parse_datetime("2026-01-01T00:00:00Z") + boost::posix_time::seconds(i));
        const int initial = 10 + static_cast<int>(rng() % 40);
        for (int i = 0; i < initial; ++i) insert();
    }
    void insert() {
        store.clock.set(moments[rng() % moments.size()]);
        store.add("r" + std::to_string(next_name++));
    }
    void mutate() {
        const int inserts = static_cast<int>(rng() % 4);
        for (int i = 0; i < inserts; ++i) insert();
        if (rng() % 2 == 0) {
            const auto rows = store.all().all();
            if (!rows.empty()) db::objects<Item>(store.database).remove(rows[rng() % rows.size()]);
        }
    }
    std::set<std::string> current() {
        std::set<std::string> out;
        for (const auto& r : store.all().all()) out.insert(r.name);
        return out;
    }
};

// Checks the invariants over one walk; `rows` are the (created_at, id, name) tuples in the order seen.
void check_walk(const std::vector<Item>& rows, const std::set<std::string>& stable, bool forward) {
    std::set<std::string> seen;
    for (const auto& r : rows) CHECK(seen.insert(r.name).second);  // nothing twice
    for (const auto& name : stable) CHECK(seen.count(name) == 1);  // everything that stayed, once
    for (std::size_t i = 1; i < rows.size(); ++i) {  // in order: -created_at, -id (reversed when walking back)
        const auto& a = forward ? rows[i - 1] : rows[i];
        const auto& b = forward ? rows[i] : rows[i - 1];
        CHECK((a.created_at > b.created_at || (a.created_at == b.created_at && a.id > b.id)));
    }
}

TEST_CASE("Property: paging forward under concurrent inserts and deletes sees every stable row exactly once, in order",
          "[pagination]") {
    for (unsigned seed = 1; seed <= 60; ++seed) {
        INFO("seed " << seed);
        Walk walk(seed);
        std::set<std::string> stable = walk.current();
        std::vector<Item> seen;
        const std::size_t size = 1 + walk.rng() % 6;
        std::string target = "/items/?page_size=" + std::to_string(size);
        while (true) {
            auto request = get(target);
            const auto p = Small::fetch(request, walk.store.all());
            seen.insert(seen.end(), p.rows.begin(), p.rows.end());
            walk.mutate();
            const auto now = walk.current();
            std::erase_if(stable, [&](const auto& n) { return !now.count(n); });
            if (!p.next) break;
            target = "/items/?page_size=" + std::to_string(size) + "&cursor=" + *p.next;
        }
        check_walk(seen, stable, true);
    }
}

TEST_CASE("Property: paging backward under concurrent inserts and deletes sees every stable row exactly once, in order",
          "[pagination]") {
    for (unsigned seed = 100; seed < 160; ++seed) {
        INFO("seed " << seed);
        Walk walk(seed);
        // Reach the last page first, without writers.
        std::string target = "/items/";
        Small::Page<Item> p;
        while (true) {
            auto request = get(target);
            p = Small::fetch(request, walk.store.all());
            if (!p.next) break;
            target = "/items/?cursor=" + *p.next;
        }
        std::set<std::string> stable = walk.current();
        std::vector<Item> seen(p.rows.rbegin(), p.rows.rend());
        while (p.previous) {
            walk.mutate();
            const auto now = walk.current();
            std::erase_if(stable, [&](const auto& n) { return !now.count(n); });
            auto request = get("/items/?cursor=" + *p.previous);
            p = Small::fetch(request, walk.store.all());
            seen.insert(seen.end(), p.rows.rbegin(), p.rows.rend());
        }
        check_walk(seen, stable, false);
    }
}

TEST_CASE("A cursor page is served by the ordering index, at any depth", "[pagination]") {
    Store store;
    for (int i = 0; i < 30; ++i) store.add("i" + std::to_string(i));
    auto request = get(target_of(page<Small>(store, "/items/")["next"]));
    const auto position = Small::decode<Item>(request);
    REQUIRE(position);
    const auto q = store.all().order_by(drf::models::desc(&Item::created_at)).after(position->key).limit(4);
    const std::string plan = q.explain();
    INFO(plan);
    CHECK(plan.find(drf_test::expect("USING INDEX items_created_at_id", "Index Scan Backward using items_created_at_id")) !=
          std::string::npos);
    CHECK(plan.find(drf_test::expect("TEMP B-TREE", "Sort")) == std::string::npos);
}

}  // namespace pagination_test
