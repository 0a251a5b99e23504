// tests/serializers/model_serializer_types_test.cpp — model_serializer over Decimal, Date, Time, Duration
// and Json members and .ip_address() fields: the DRF field each becomes and the options it takes from the
// model, as DRF's ModelSerializer builds them. Each expected body was given by DRF 3.14 for the model
// with Django's DecimalField(max_digits=8, decimal_places=2), DateField, TimeField, DurationField,
// JSONField and GenericIPAddressField.
#include <drf/serializers.hpp>
#include <drf/serializers/formats.hpp>

#include <catch2/catch.hpp>

#include "field_types_model.hpp"

#include <optional>
#include <string>
#include <type_traits>

namespace model_serializer_types_test {

namespace s = drf::serializers;
using drf::Json;

using field_types_model::Item;

using ItemSerializer =
    s::model_serializer<Item, &Item::id, &Item::price, &Item::discount, &Item::whole, &Item::day, &Item::opens,
                        &Item::timeout, &Item::data, &Item::extra, &Item::ip, &Item::backup_ip>;

template <auto M>
using kind_of = typename std::remove_cvref_t<decltype(s::model_field<Item, M>())>::kind_type;

Json valid_body() {
    return Json::parse(R"({"price": "12.5", "day": "2024-02-29", "timeout": "1 02:03:04", "data": {"a": [1]},
                           "ip": "::ffff:1.2.3.4"})");
}

Json with(Json body, const Json& changes) {
    body.update(changes);
    return body;
}

struct Undefined;

TEST_CASE("model_serializer makes each member type the DRF field ModelSerializer maps its model field to",
          "[serializers]") {
    STATIC_REQUIRE(std::is_same_v<kind_of<&Item::price>, s::DecimalKind>);
    STATIC_REQUIRE(std::is_same_v<kind_of<&Item::day>, s::DateKind>);
    STATIC_REQUIRE(std::is_same_v<kind_of<&Item::opens>, s::TimeKind>);
    STATIC_REQUIRE(std::is_same_v<kind_of<&Item::timeout>, s::DurationKind>);
    STATIC_REQUIRE(std::is_same_v<kind_of<&Item::data>, s::JsonKind>);
    STATIC_REQUIRE(std::is_same_v<kind_of<&Item::ip>, s::IpAddressKind>);
    STATIC_REQUIRE(std::is_same_v<kind_of<&Item::backup_ip>, s::IpAddressKind>);
}

TEST_CASE("model_serializer gives a Decimal member the model's max_digits and decimal_places", "[serializers]") {
    constexpr auto price = s::model_field<Item, &Item::price>();
    STATIC_REQUIRE(price.kind.options.max_digits == 8);
    STATIC_REQUIRE(price.kind.options.decimal_places == 2);
    const auto ok = s::validate<ItemSerializer>(valid_body());
    REQUIRE(ok);
    CHECK(ok->price.to_string() == "12.50");  // quantized to decimal_places, as DRF's validated_data
    CHECK(s::validate<ItemSerializer>(with(valid_body(), {{"price", "1234567.1"},
                                                           {"discount", "0.123456"},
                                                           {"whole", "12.5"}}))
              .errors() == Json::parse(R"({
        "price": ["Ensure that there are no more than 6 digits before the decimal point."],
        "discount": ["Ensure that there are no more than 5 digits in total."],
        "whole": ["Ensure that there are no more than 0 decimal places."]})"));
    CHECK(s::validate<ItemSerializer>(with(valid_body(), {{"whole", "12345"}})).errors() ==
          Json::parse(R"({"whole": ["Ensure that there are no more than 4 digits in total."]})"));
}

TEST_CASE("model_serializer reads Date, Time and Duration members with DRF's formats and messages", "[serializers]") {
    const auto ok = s::validate<ItemSerializer>(with(valid_body(), {{"opens", "09:30:00.0005"}}));
    REQUIRE(ok);
    CHECK(ok->day == drf::Date(2024, 2, 29));
    CHECK(ok->opens == drf::Time(9, 30, 0, 500));
    CHECK(ok->timeout.total_microseconds() == (86400LL + 7384) * 1000000);
    CHECK(s::validate<ItemSerializer>(
              with(valid_body(), {{"day", "2024-02-30"}, {"opens", "25:00"}, {"timeout", "x"}}))
              .errors() == Json::parse(R"({
        "day": ["Date has wrong format. Use one of these formats instead: YYYY-MM-DD."],
        "opens": ["Time has wrong format. Use one of these formats instead: hh:mm[:ss[.uuuuuu]]."],
        "timeout": ["Duration has wrong format. Use one of these formats instead: [DD] [HH:[MM:]]ss[.uuuuuu]."]})"));
}

TEST_CASE("model_serializer keeps a JSON member's value as sent, null only where the model allows it",
          "[serializers]") {
    const auto ok = s::validate<ItemSerializer>(with(valid_body(), {{"extra", {1, nullptr, "x"}}}));
    REQUIRE(ok);
    CHECK(ok->data == Json::parse(R"({"a": [1]})"));
    CHECK(ok->extra == Json::parse(R"([1, null, "x"])"));
    const auto null = s::validate<ItemSerializer>(with(valid_body(), {{"extra", nullptr}}));
    REQUIRE(null);
    CHECK_FALSE(null->extra.has_value());
    CHECK(s::validate<ItemSerializer>(with(valid_body(), {{"data", nullptr}})).errors() ==
          Json::parse(R"({"data": ["This field may not be null."]})"));
}

TEST_CASE("model_serializer makes an .ip_address() field DRF's IPAddressField, without max_length or blank text",
          "[serializers]") {
    const auto ok = s::validate<ItemSerializer>(with(valid_body(), {{"backup_ip", "1:2::3:0:0:0:4"}}));
    REQUIRE(ok);
    CHECK(ok->ip == "1.2.3.4");  // an IPv4-mapped address unpacked, as DRF's protocol='both'
    CHECK(ok->backup_ip == "1:2:0:3::4");
    constexpr auto ip = s::model_field<Item, &Item::ip>();
    STATIC_REQUIRE(ip.kind.max_length == s::no_limit);  // GenericIPAddressField's 39 is not passed on
    // blank=True makes it optional, but DRF passes allow_blank to CharFields only
    CHECK(s::validate<ItemSerializer>(with(valid_body(), {{"ip", "300.1.1.1"}, {"backup_ip", ""}})).errors() ==
          Json::parse(R"({"ip": ["Enter a valid IPv4 or IPv6 address."], "backup_ip": ["This field may not be blank."]})"));
    CHECK(s::validate<ItemSerializer>(with(valid_body(), {{"backup_ip", "  "}})).errors() ==
          Json::parse(R"({"backup_ip": ["This field may not be blank."]})"));
}

TEST_CASE("model_serializer lets null and blank model fields of the new types be null or left out", "[serializers]") {
    const auto null = s::validate<ItemSerializer>(
        with(valid_body(), {{"discount", nullptr}, {"opens", nullptr}, {"extra", nullptr}, {"backup_ip", nullptr}}));
    REQUIRE(null);
    CHECK_FALSE(null->discount.has_value());
    CHECK_FALSE(null->opens.has_value());
    CHECK_FALSE(null->backup_ip.has_value());
    // DRF's DecimalField takes blank text as null when it allows null; TimeField does not
    CHECK(s::validate<ItemSerializer>(with(valid_body(), {{"discount", ""}})));
    CHECK(s::validate<ItemSerializer>(with(valid_body(), {{"discount", ""}, {"opens", ""}})).errors() ==
          Json::parse(R"({"opens": ["Time has wrong format. Use one of these formats instead: hh:mm[:ss[.uuuuuu]]."]})"));
    CHECK(s::validate<ItemSerializer>(Json::parse(R"({"data": null})")).errors() == Json::parse(R"({
        "price": ["This field is required."], "day": ["This field is required."],
        "timeout": ["This field is required."], "data": ["This field may not be null."],
        "ip": ["This field is required."]})"));
}

TEST_CASE("model_serializer renders the new member types as DRF does", "[serializers]") {
    Item item;
    item.price = drf::Decimal("12.5");
    item.whole = drf::Decimal("7");
    item.day = drf::Date(2024, 2, 29);
    item.opens = drf::Time(9, 30, 0, 500);
    item.timeout = boost::posix_time::hours(25) + boost::posix_time::minutes(2) + boost::posix_time::seconds(3) +
                   boost::posix_time::microseconds(5);
    item.data = Json::parse(R"({"k": [1, null]})");
    item.ip = "1.2.3.4";
    Json out = s::render<ItemSerializer>(item);
    out.erase("id");
    CHECK(out == Json::parse(R"({"price": "12.50", "discount": null, "whole": "7", "day": "2024-02-29",
        "opens": "09:30:00.000500", "timeout": "1 01:02:03.000005", "data": {"k": [1, null]}, "extra": null,
        "ip": "1.2.3.4", "backup_ip": null})"));
}

TEST_CASE("model_serializer asks for the formats header only where a member's kind is not defined",
          "[serializers]") {
    // The compile error itself is tests/compile_fail/model_serializer_date_without_formats.cpp.
    STATIC_REQUIRE(s::detail::kind_defined<s::DateKind, &Item::day>);
    STATIC_REQUIRE(s::detail::kind_defined<s::IpAddressKind, &Item::ip>);
    STATIC_REQUIRE_FALSE(s::detail::kind_defined<Undefined, &Item::day>);
}

}  // namespace model_serializer_types_test
