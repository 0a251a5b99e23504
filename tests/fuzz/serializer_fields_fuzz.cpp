// tests/fuzz/serializer_fields_fuzz.cpp — a request body, sent as application/json, read through
// Request::data() and validated into a serializer with one field of every kind (char, email, integer of
// several widths, float and double, decimal as text and as a number, boolean, UUID, datetime in ISO 8601
// and in a strftime format, date, time, duration, choice of strings and of an enum, multiple choice,
// dict of integers and of anything, JSON and binary JSON, IP address of either protocol and of IPv6,
// slug, Unicode slug, URL, regex, nested one and many, list of each scalar kind, read-only, write-only
// and computed output), with validators, a validate hook and an object-level validate. Properties:
//   - the only exception is the ParseError of a body that is not JSON, answered 400;
//   - errors are rendered as the HTTP layer answers them (400, the error dictionary as the body);
//   - a valid object renders the same bytes through the Json and straight to text (but for the digits
//     of the decimal without string coercion, the same number), and what a serializer renders it
//     accepts back unchanged (unless a float is not finite: JSON has no NaN);
//   - partial and many validation are run on the same data.
#include "fuzz.hpp"

#include <drf/core/date.hpp>
#include <drf/core/datetime.hpp>
#include <drf/core/decimal.hpp>
#include <drf/core/uuid.hpp>
#include <drf/http.hpp>
#include <drf/serializers.hpp>
#include <drf/serializers/formats.hpp>

#include <chrono>
#include <cmath>
#include <cstdint>
#include <exception>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace http = drf::http;
namespace s = drf::serializers;
using drf::Json;
using drf_fuzz::require;

namespace {

enum class Level { low, high };

struct Tag {
    std::string label = "untitled";  // defaults are valid values, so what renders validates again
    int weight = 1;
    static constexpr auto fields = s::fields(s::char_field<&Tag::label>().max_length(20),
                                             s::integer_field<&Tag::weight>().min_value(0).max_value(100).optional());
};

void not_forbidden(const std::string& v) {
    if (v == "forbidden") throw drf::ValidationError("This word is not allowed.", "forbidden");
}
void no_two_errors(const std::string& v) {
    if (v == "twice") throw drf::ValidationError(Json::array({"Once.", "Twice."}));
}

struct Everything {
    std::string text;
    std::string note;
    std::optional<std::string> maybe_text;
    std::string email = "nobody@example.com";
    std::int64_t count = 0;
    std::int8_t small = 0;
    std::uint64_t big = 0;
    std::optional<int> maybe_int;
    double ratio = 1;
    float single = 0;
    drf::Decimal price{};
    drf::Decimal amount{};
    std::optional<drf::Decimal> maybe_price;
    bool flag = false;
    std::optional<bool> maybe_flag;
    drf::Uuid id{};
    drf::Uuid server_id{};
    std::optional<drf::DateTime> at;
    drf::DateTime stamped{drf::Date(2001, 1, 1), drf::Duration(13, 0, 0)};
    drf::Date day{2001, 1, 1};
    drf::Time opens{};
    drf::Duration timeout{0, 5, 0};
    std::string status;
    Level level = Level::low;
    std::set<std::string> colours;
    std::map<std::string, std::int64_t> scores;
    std::map<std::string, Json> extras;
    Json meta = Json::object();
    Json blob = Json::object();
    std::string address = "127.0.0.1";
    std::string address6 = "::1";
    std::string slug = "untitled";
    std::string unicode_slug = "untitled";
    std::string homepage = "https://example.com/";
    std::string code = "ABC-1";
    Tag tag;
    std::optional<Tag> maybe_tag;
    std::vector<Tag> tags;
    std::vector<std::string> words;
    std::vector<std::int64_t> numbers;
    std::vector<double> ratios;
    std::vector<drf::Uuid> ids;
    std::vector<drf::DateTime> times;
    std::vector<drf::Decimal> amounts;
    std::vector<drf::Date> days;
    std::string secret;
};

// The key of the decimal rendered as a JSON number: see require_same_text.
constexpr std::string_view number_key = "\"amount\":";

// The serializer is its own type: a method_field needs the object's type complete.
struct EverythingSerializer {
    static constexpr auto fields = s::fields(
        s::char_field<&Everything::text>().min_length(2).max_length(50).validators(not_forbidden, no_two_errors),
        s::char_field<&Everything::note>().allow_blank().trim_whitespace(false).optional(""),
        s::char_field<&Everything::maybe_text>().allow_null().optional(),
        s::email_field<&Everything::email>().optional(),
        s::integer_field<&Everything::count>().min_value(-1000).max_value(1000),
        s::integer_field<&Everything::small>().optional(),
        s::integer_field<&Everything::big>().optional(),
        s::integer_field<&Everything::maybe_int>().allow_null().optional(),
        s::float_field<&Everything::ratio>().min_value(0.5).max_value(2.5).optional(),
        s::float_field<&Everything::single>().optional(),
        s::decimal_field<&Everything::price>({.max_digits = 6, .decimal_places = 2}).min_value(-100).max_value("9999.99")
            .optional(),
        // Before every field whose keys are the input's: its key is the first "amount": in the text.
        s::decimal_field<&Everything::amount>({.max_digits = 8, .decimal_places = 3, .coerce_to_string = false}).optional(),
        s::decimal_field<&Everything::maybe_price>({.max_digits = 4}).allow_null().optional(),
        s::boolean_field<&Everything::flag>(),
        s::boolean_field<&Everything::maybe_flag>().allow_null().optional(),
        s::uuid_field<&Everything::id>().optional(),
        s::uuid_field<&Everything::server_id>().read_only(),
        s::datetime_field<&Everything::at>().allow_null().optional(),
        s::datetime_field<&Everything::stamped>(
            {.format = "%d %b %Y %H:%M:%S.%f", .input_formats = {"%d %b %Y %H:%M:%S.%f", s::iso_8601}})
            .optional(),
        s::date_field<&Everything::day>().optional(),
        s::time_field<&Everything::opens>().optional(),
        s::duration_field<&Everything::timeout>().min_value(std::chrono::days{-30}).max_value(std::chrono::days{30})
            .optional(),
        s::choice_field<&Everything::status>(s::choices("draft", "published")).allow_blank().optional(),
        s::choice_field<&Everything::level>(s::choices(s::choice("low", Level::low), s::choice("high", Level::high)))
            .optional(),
        s::multiple_choice_field<&Everything::colours>(s::choices("red", "green", "blue")).optional(),
        s::dict_field<&Everything::scores>(s::integer_field()).optional(),
        s::dict_field<&Everything::extras>().optional(),
        s::json_field<&Everything::meta>().optional(),
        // Rendered as json.dumps text, which it reads back as the same value: a parsed body holds no NaN.
        s::json_field<&Everything::blob>({.binary = true}).optional(),
        s::ip_address_field<&Everything::address>().optional(),
        s::ip_address_field<&Everything::address6>({.protocol = s::IpProtocol::ipv6}).optional(),
        s::slug_field<&Everything::slug>().max_length(50).optional(),
        s::slug_field<&Everything::unicode_slug>({.allow_unicode = true}).optional(),
        s::url_field<&Everything::homepage>().optional(),
        s::regex_field<&Everything::code>({.regex = "^[A-Z]{3}-[0-9]+$"}).optional(),
        s::nested<Tag, &Everything::tag>().optional(),
        s::nested<Tag, &Everything::maybe_tag>().allow_null().optional(),
        s::nested<Tag, &Everything::tags>().optional(),
        s::list_field<&Everything::words>(s::char_field().max_length(10)).max_length(5).optional(),
        s::list_field<&Everything::numbers>(s::integer_field()).optional(),
        s::list_field<&Everything::ratios>(s::float_field()).optional(),
        s::list_field<&Everything::ids>(s::uuid_field()).optional(),
        s::list_field<&Everything::times>(s::datetime_field()).optional(),
        s::list_field<&Everything::amounts>(s::decimal_field({.max_digits = 5, .decimal_places = 1})).optional(),
        s::list_field<&Everything::days>(s::date_field()).optional(),
        s::char_field<&Everything::secret>().write_only().optional().validate([](std::string& v) {
            for (auto& c : v)
                if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
        }),
        s::method_field<Everything>("summary", [](const Everything& e) { return e.text + "/" + std::to_string(e.count); }));

    // DRF's validate(attrs): a rule across fields, reported under non_field_errors.
    static void validate(const Everything& e) {
        if (e.flag && e.count < 0) throw drf::ValidationError("A flagged count cannot be negative.");
    }
};

bool all_finite(const Everything& e) {
    if (!std::isfinite(e.ratio) || !std::isfinite(e.single)) return false;
    for (const double r : e.ratios)
        if (!std::isfinite(r)) return false;
    return true;
}

// The 400 the HTTP layer answers for a validation error: its body is the error dictionary.
template <class V>
void check_errors(const V& result) {
    const Json errors = result.errors();
    require(errors.is_object() || errors.is_array(), "errors are a dictionary or a list", errors.dump());
    try {
        result.raise_if_invalid();
        drf_fuzz::fail("raise_if_invalid() raises for an invalid result");
    } catch (const drf::ValidationError&) {
        const http::Response response = http::handle_exception(std::current_exception());
        require(response.status_code() == 400, "a validation error is a 400");
        require(Json::parse(response.content()) == errors, "the 400's body is the errors", response.content());
    }
}

// The decimal without string coercion is the nearest double in the Json, which content() writes as
// nlohmann does (12.5), and its exact digits in the text (12.500: DecimalKind::append_json). Both are
// cut at that number: the bytes either side are the same, and the two numbers are the same number.
void require_same_text(const std::string& sent, const std::string& text) {
    const auto at = sent.find(number_key);
    require(at != std::string::npos && text.compare(0, at + number_key.size(), sent, 0, at + number_key.size()) == 0,
            "render_to writes what render's Json is sent as", text);
    const auto start = at + number_key.size();
    const auto sent_end = sent.find_first_of(",}", start), text_end = text.find_first_of(",}", start);
    require(sent_end != std::string::npos && text_end != std::string::npos &&
                sent.compare(sent_end, std::string::npos, text, text_end, std::string::npos) == 0,
            "render_to writes what render's Json is sent as", text);
    require(Json::parse(sent.substr(start, sent_end - start)) == Json::parse(text.substr(start, text_end - start)),
            "and the decimal's digits are the Json's number", text);
}

// `complete`: validated in full, so every value is the input's or a valid default (a partial
// validation leaves required fields at their member initializers, which need not be valid input).
void check_valid(const Everything& value, bool complete) {
    const Json json = s::render<EverythingSerializer>(value);
    std::string text;
    s::render_to<EverythingSerializer>(text, value);
    require_same_text(http::Response(json).content(), text);
    if (!complete || !all_finite(value)) return;
    const auto again = s::validate<EverythingSerializer>(json);
    require(again.is_valid(), "what a serializer renders it accepts back", again.errors().dump() + " for " + text);
    require(s::render<EverythingSerializer>(again.value()) == json, "and renders it the same again", text);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* bytes, std::size_t size) {
    try {
        http::Headers headers;
        headers.add("Content-Type", "application/json");
        const http::Request request(http::Method::post, "/things/", std::move(headers), std::string(drf_fuzz::as_text(bytes, size)));
        const Json* data = nullptr;
        try {
            data = &request.data();
        } catch (const http::ParseError&) {
            const http::Response response = http::handle_exception(std::current_exception());
            require(response.status_code() == 400, "a body that is not JSON is a 400");
            require(Json::parse(response.content()).contains("detail"), "its body is {\"detail\": ...}", response.content());
            return 0;
        }

        const auto full = s::validate<EverythingSerializer>(*data);
        if (full) check_valid(full.value(), true);
        else check_errors(full);

        const auto partial = s::validate<EverythingSerializer>(*data, s::partial);
        if (partial) check_valid(partial.value(), false);
        else check_errors(partial);
        require(!full || partial, "what validates in full validates partially");

        const auto many = s::validate_many<EverythingSerializer>(*data, {.allow_empty = false});
        if (many) {
            for (const auto& item : many.value()) check_valid(item, true);
        } else {
            check_errors(many);
        }
    } catch (const std::exception& e) {
        drf_fuzz::fail("unexpected exception", e.what());
    }
    return 0;
}
