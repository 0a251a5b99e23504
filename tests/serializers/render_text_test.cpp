// tests/serializers/render_text_test.cpp — render_to / render_many_to write exactly the bytes
// Response(render<S>(...)).content() writes through the Json, for a serializer with every field kind
// and option, over hostile strings (every byte, quotes, backslashes, U+2028/U+2029, invalid UTF-8),
// integers at their limits, doubles nlohmann formats, special datetimes and null steps on source paths.
#include <drf/http.hpp>
#include <drf/models.hpp>
#include <drf/serializers.hpp>

#include "../support/json_corpus.hpp"

#include <catch2/catch.hpp>

#include <cstdint>
#include <limits>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace render_text_test {

namespace s = drf::serializers;
using drf::Json;

enum class Level { low, high, unnamed };

struct Tag {
    std::string label;
    int weight = 0;
    std::string hidden;
    static constexpr auto fields = s::fields(s::char_field<&Tag::label>(), s::integer_field<&Tag::weight>(),
                                             s::char_field<&Tag::hidden>().write_only());
};

struct Person {
    std::string username;
    std::optional<std::string> nickname;
};

struct Team {
    Person* lead = nullptr;
};

// One member per field kind, plain and std::optional, and the pointers a source path walks through.
struct Record {
    std::string text;
    std::string email;
    std::optional<std::string> maybe_text;
    std::int64_t count = 0;
    std::int8_t small = 0;
    std::uint64_t big = 0;
    unsigned short unsigned_short = 0;
    std::optional<int> maybe_int;
    double ratio = 0;
    float single = 0;
    std::optional<double> maybe_ratio;
    bool flag = false;
    std::optional<bool> maybe_flag;
    drf::Uuid id{};
    std::optional<drf::Uuid> maybe_id;
    drf::DateTime at;  // not-a-date-time unless set: rendered null
    std::optional<drf::DateTime> maybe_at;
    std::string status;
    Level level = Level::low;
    Tag tag;
    std::optional<Tag> maybe_tag;
    std::vector<Tag> tags;
    std::vector<std::string> words;
    std::vector<std::int64_t> numbers;
    std::vector<double> ratios;
    std::vector<drf::DateTime> times;
    std::vector<bool> flags;
    std::shared_ptr<Person> owner;
    std::optional<Team> team;
    std::string secret;
};

struct RecordOutput {
    static constexpr auto fields = s::fields(
        s::char_field<&Record::text>(), s::email_field<&Record::email>(),
        s::char_field<&Record::maybe_text>().allow_null().optional(),
        s::integer_field<&Record::count>(), s::integer_field<&Record::small>(),
        s::integer_field<&Record::big>(), s::integer_field<&Record::unsigned_short>(),
        s::integer_field<&Record::maybe_int>().allow_null(), s::float_field<&Record::ratio>(),
        s::float_field<&Record::single>(), s::float_field<&Record::maybe_ratio>().allow_null(),
        s::boolean_field<&Record::flag>(), s::boolean_field<&Record::maybe_flag>().allow_null(),
        s::uuid_field<&Record::id>().read_only(), s::uuid_field<&Record::maybe_id>().allow_null(),
        s::datetime_field<&Record::at>(), s::datetime_field<&Record::maybe_at>().allow_null(),
        s::choice_field<&Record::status>(s::choices("draft", "published")),
        s::choice_field<&Record::level>(s::choices(s::choice("low", Level::low), s::choice("high\xe2\x80\xa8\"", Level::high))),
        s::nested<Tag, &Record::tag>(), s::nested<Tag, &Record::maybe_tag>().allow_null(),
        s::nested<Tag, &Record::tags>(), s::list_field<&Record::words>(s::char_field()),
        s::list_field<&Record::numbers>(s::integer_field()),
        s::list_field<&Record::ratios>(s::float_field()),
        s::list_field<&Record::times>(s::datetime_field()),
        s::list_field<&Record::flags>(s::boolean_field()),
        s::char_field("owner", s::source(&Record::owner, &Person::username)),
        s::char_field("owner_or_null", s::source(&Record::owner, &Person::username)).allow_null(),
        s::char_field("nickname", s::source(&Record::owner, &Person::nickname)).allow_null(),
        s::char_field("lead", s::source(&Record::team, &Team::lead, &Person::username)).allow_null(),
        s::char_field("lead_or_omitted", s::source(&Record::team, &Team::lead, &Person::username)),
        s::method_field<Record>("shout", [](const Record& r) { return r.text + "!"; }),
        s::method_field<Record>("nothing", [](const Record&) { return nullptr; }),
        s::method_field<Record>("summary", [](const Record& r) { return Json{{r.text, r.ratio}, {"n", r.count}}; }),
        s::char_field<&Record::secret>().write_only(),
        // Keys that need escaping, and one that does not by a hair.
        s::char_field<&Record::text>("na\xc3\xafve \"quoted\" \\ key"), s::integer_field<&Record::count>("~ plain ~"));
};

const std::vector<double>& hostile_doubles() {
    static const std::vector<double> values{0.0, -0.0, 0.1, 2.0, 1e20, 1e21, 1e300, 0.1 + 0.2, -2.5, 1e-320,
                                            123456789.123, std::numeric_limits<double>::max(),
                                            std::numeric_limits<double>::min(),
                                            std::numeric_limits<double>::quiet_NaN(),
                                            std::numeric_limits<double>::infinity(),
                                            -std::numeric_limits<double>::infinity()};
    return values;
}

const std::vector<drf::DateTime>& datetimes() {
    static const std::vector<drf::DateTime> values{
        *drf::parse_datetime("2026-11-23T19:43:37.727356Z"), *drf::parse_datetime("2026-11-23T19:43:37Z"),
        *drf::parse_datetime("1400-01-01T00:00:00Z"), *drf::parse_datetime("9999-12-31T23:59:59.999999Z"),
        drf::DateTime(), drf::DateTime(boost::posix_time::pos_infin), drf::DateTime(boost::posix_time::neg_infin)};
    return values;
}

// Row i: the i-th hostile string in every string, and the other kinds' hard values in turn, each
// optional empty in one row of three, each pointer on a source path null in some rows.
std::vector<Record> hostile_rows(std::vector<std::shared_ptr<Person>>& people, std::vector<Person>& leads) {
    const auto strings = drf_test::hostile_json_strings();
    const auto& doubles = hostile_doubles();
    const auto& times = datetimes();
    const std::vector<std::int64_t> integers{0, -1, 1, 42, std::numeric_limits<std::int64_t>::min(),
                                             std::numeric_limits<std::int64_t>::max()};
    leads.resize(strings.size());  // sized up front: rows point into it
    std::vector<Record> rows;
    for (std::size_t i = 0; i < strings.size(); ++i) {
        const std::string& text = strings[i];
        Record r;
        r.text = text;
        r.email = text + "@example.com";
        if (i % 3 != 0) r.maybe_text = text;
        r.count = integers[i % integers.size()];
        r.small = i % 2 ? std::numeric_limits<std::int8_t>::min() : std::numeric_limits<std::int8_t>::max();
        r.big = i % 2 ? std::numeric_limits<std::uint64_t>::max() : i;
        r.unsigned_short = static_cast<unsigned short>(i * 257);
        if (i % 3 != 1) r.maybe_int = static_cast<int>(i) - 100;
        r.ratio = doubles[i % doubles.size()];
        r.single = static_cast<float>(doubles[(i + 3) % doubles.size()]);
        if (i % 3 != 2) r.maybe_ratio = doubles[(i + 5) % doubles.size()];
        r.flag = i % 2 == 0;
        if (i % 3 != 0) r.maybe_flag = i % 4 == 0;
        r.id = drf::uuid4();
        if (i % 3 != 1) r.maybe_id = drf::uuid4();
        r.at = times[i % times.size()];
        if (i % 3 != 2) r.maybe_at = times[(i + 2) % times.size()];
        r.status = i % 4 == 0 ? "draft" : text;  // a value outside the choices renders as itself
        r.level = static_cast<Level>(i % 3);      // Level::unnamed has no choice: null
        r.tag = {text, static_cast<int>(i), "not rendered"};
        if (i % 3 != 0) r.maybe_tag = Tag{text + text, -1, ""};
        for (std::size_t k = 0; k < i % 4; ++k) r.tags.push_back({strings[(i + k) % strings.size()], static_cast<int>(k), ""});
        for (std::size_t k = 0; k < i % 3; ++k) r.words.push_back(strings[(i * 7 + k) % strings.size()]);
        for (std::size_t k = 0; k < i % 4; ++k) r.numbers.push_back(integers[(i + k) % integers.size()]);
        for (std::size_t k = 0; k < i % 3; ++k) r.ratios.push_back(doubles[(i + k) % doubles.size()]);
        for (std::size_t k = 0; k < i % 3; ++k) r.times.push_back(times[(i + k) % times.size()]);
        for (std::size_t k = 0; k < i % 3; ++k) r.flags.push_back((i + k) % 2 == 0);
        if (i % 4 != 0) {
            people.push_back(std::make_shared<Person>(Person{text, i % 2 ? std::optional<std::string>(text) : std::nullopt}));
            r.owner = people.back();
        }
        if (i % 5 != 0) {
            r.team = Team{};
            if (i % 5 != 1) {
                leads[i] = Person{text, std::nullopt};
                r.team->lead = &leads[i];
            }
        }
        r.secret = "never rendered";
        rows.push_back(std::move(r));
    }
    return rows;
}

// What content() sends for the Json that render<S> and render_many<S> build.
template <class S>
std::string dom_text(const drf::serializers::object_type_t<S>& obj) {
    return drf::http::Response(s::render<S>(obj)).content();
}
template <class S, class R>
std::string dom_text_many(const R& rows) {
    return drf::http::Response(s::render_many<S>(rows)).content();
}

struct Omitted {
    static constexpr auto fields =
        s::fields(s::char_field("owner", s::source(&Record::owner, &Person::username)),
                  s::char_field<&Record::secret>().write_only());
};

struct Valid {
    static constexpr auto fields =
        s::fields(s::char_field<&Record::text>(), s::integer_field<&Record::count>(),
                  s::integer_field<&Record::big>(), s::float_field<&Record::ratio>(),
                  s::uuid_field<&Record::id>(), s::datetime_field<&Record::at>(),
                  s::nested<Tag, &Record::tags>(),
                  s::char_field("owner", s::source(&Record::owner, &Person::username)).allow_null(),
                  s::method_field<Record>("summary", [](const Record& r) { return Json{{"n", r.count}}; }));
};

TEST_CASE("render_many_to writes the bytes content() writes for render_many's Json, for every field kind and option",
          "[serializers]") {
    std::vector<std::shared_ptr<Person>> people;
    std::vector<Person> leads;
    const auto rows = hostile_rows(people, leads);
    SECTION("the whole list") {
        std::string text;
        s::render_many_to<RecordOutput>(text, rows);
        CHECK(text == dom_text_many<RecordOutput>(rows));
    }
    SECTION("each object alone") {
        for (std::size_t i = 0; i < rows.size(); ++i) {
            INFO("row " << i << ": " << dom_text<RecordOutput>(rows[i]));
            std::string text;
            s::render_to<RecordOutput>(text, rows[i]);
            REQUIRE(text == dom_text<RecordOutput>(rows[i]));
        }
    }
    SECTION("a range of pointers") {
        std::vector<const Record*> pointers;
        for (const auto& r : rows) pointers.push_back(&r);
        std::string text;
        s::render_many_to<RecordOutput>(text, pointers);
        CHECK(text == dom_text_many<RecordOutput>(rows));
    }
}

TEST_CASE("render_to and render_many_to append to what the string already holds", "[serializers]") {
    Record r;
    r.text = "x";
    std::string text = "{\"results\":";
    s::render_many_to<Valid>(text, std::vector<Record>{r});
    text += ",\"one\":";
    s::render_to<Valid>(text, r);
    text += '}';
    CHECK(text == "{\"results\":" + dom_text_many<Valid>(std::vector<Record>{r}) + ",\"one\":" + dom_text<Valid>(r) + "}");
}

TEST_CASE("An empty list is [] and an object with every field left out is {}, as text too", "[serializers]") {
    std::string list;
    s::render_many_to<RecordOutput>(list, std::vector<Record>{});
    CHECK(list == "[]");
    std::string object;
    s::render_to<Omitted>(object, Record{});  // no owner: the key is left out; secret is write-only
    CHECK(object == "{}");
    CHECK(object == dom_text<Omitted>(Record{}));
}

TEST_CASE("The text parsed back is the Json render_many builds, for valid UTF-8", "[serializers]") {
    std::vector<Record> rows(5);
    for (std::size_t i = 0; i < rows.size(); ++i) {
        rows[i].text = i % 2 ? "caf\xc3\xa9 \"\\\t\xe2\x80\xa8" : "plain";
        rows[i].count = i % 2 ? std::numeric_limits<std::int64_t>::min() : static_cast<std::int64_t>(i);
        rows[i].big = std::numeric_limits<std::uint64_t>::max();
        rows[i].ratio = i / 3.0;
        rows[i].id = drf::uuid4();
        rows[i].at = datetimes()[i % datetimes().size()];
        rows[i].tags = {Tag{"t", 1, "hidden"}};
        if (i % 2) rows[i].owner = std::make_shared<Person>(Person{"ann", std::nullopt});
    }
    std::string text;
    s::render_many_to<Valid>(text, rows);
    const auto response = drf::http::Response::from_json_text(text);
    REQUIRE(response.data());
    CHECK(*response.data() == s::render_many<Valid>(rows));
}

}  // namespace render_text_test
