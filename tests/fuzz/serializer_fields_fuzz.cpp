// tests/fuzz/serializer_fields_fuzz.cpp — a request body, sent as application/json, read through
// Request::data() and validated into a serializer with one field of every kind (char, email, integer of
// several widths, float and double, boolean, UUID, datetime, choice of strings and of an enum, nested
// one and many, list of each scalar kind, read-only, write-only and computed output), with validators,
// a validate hook and an object-level validate. Properties:
//   - the only exception is the ParseError of a body that is not JSON, answered 400;
//   - errors are rendered as the HTTP layer answers them (400, the error dictionary as the body);
//   - a valid object renders the same bytes through the Json and straight to text, and what a
//     serializer renders it accepts back unchanged (unless a float is not finite: JSON has no NaN);
//   - partial and many validation are run on the same data.
#include "fuzz.hpp"

#include <drf/core/uuid.hpp>
#include <drf/http.hpp>
#include <drf/serializers.hpp>

#include <cmath>
#include <cstdint>
#include <exception>
#include <optional>
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
    bool flag = false;
    std::optional<bool> maybe_flag;
    drf::Uuid id{};
    drf::Uuid server_id{};
    std::optional<drf::DateTime> at;
    std::string status;
    Level level = Level::low;
    Tag tag;
    std::optional<Tag> maybe_tag;
    std::vector<Tag> tags;
    std::vector<std::string> words;
    std::vector<std::int64_t> numbers;
    std::vector<double> ratios;
    std::vector<drf::Uuid> ids;
    std::vector<drf::DateTime> times;
    std::string secret;
};

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
        s::boolean_field<&Everything::flag>(),
        s::boolean_field<&Everything::maybe_flag>().allow_null().optional(),
        s::uuid_field<&Everything::id>().optional(),
        s::uuid_field<&Everything::server_id>().read_only(),
        s::datetime_field<&Everything::at>().allow_null().optional(),
        s::choice_field<&Everything::status>(s::choices("draft", "published")).allow_blank().optional(),
        s::choice_field<&Everything::level>(s::choices(s::choice("low", Level::low), s::choice("high", Level::high)))
            .optional(),
        s::nested<Tag, &Everything::tag>().optional(),
        s::nested<Tag, &Everything::maybe_tag>().allow_null().optional(),
        s::nested<Tag, &Everything::tags>().optional(),
        s::list_field<&Everything::words>(s::char_field().max_length(10)).max_length(5).optional(),
        s::list_field<&Everything::numbers>(s::integer_field()).optional(),
        s::list_field<&Everything::ratios>(s::float_field()).optional(),
        s::list_field<&Everything::ids>(s::uuid_field()).optional(),
        s::list_field<&Everything::times>(s::datetime_field()).optional(),
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

// `complete`: validated in full, so every value is the input's or a valid default (a partial
// validation leaves required fields at their member initializers, which need not be valid input).
void check_valid(const Everything& value, bool complete) {
    const Json json = s::render<EverythingSerializer>(value);
    std::string text;
    s::render_to<EverythingSerializer>(text, value);
    require(http::Response(json).content() == text, "render_to writes what render's Json is sent as", text);
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
