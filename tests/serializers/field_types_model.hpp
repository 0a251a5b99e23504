// tests/serializers/field_types_model.hpp — the model whose members are Decimal, Date, Time, Duration and
// Json, and .ip_address() text, as Django's DecimalField(max_digits=8, decimal_places=2), DateField,
// TimeField, DurationField, JSONField and GenericIPAddressField: what the model_serializer and the OpenAPI
// tests of these types both describe.
#pragma once

#include <drf/core/date.hpp>
#include <drf/core/decimal.hpp>
#include <drf/core/json.hpp>
#include <drf/models.hpp>

#include <optional>
#include <string>

namespace field_types_model {

struct Item : drf::models::Model<Item> {
    drf::Decimal price;
    std::optional<drf::Decimal> discount;
    drf::Decimal whole;
    drf::Date day;
    std::optional<drf::Time> opens;
    drf::Duration timeout;
    drf::Json data;
    std::optional<drf::Json> extra;
    std::string ip;
    std::optional<std::string> backup_ip;
    static constexpr auto meta = drf::models::meta<Item>(
        "items", drf::models::field<&Item::price>().max_digits(8).decimal_places(2),
        drf::models::field<&Item::discount>().max_digits(5).decimal_places(5),
        drf::models::field<&Item::whole>().max_digits(4).decimal_places(0).blank(), drf::models::field<&Item::day>(),
        drf::models::field<&Item::opens>(), drf::models::field<&Item::timeout>(), drf::models::field<&Item::data>(),
        drf::models::field<&Item::extra>().blank(), drf::models::field<&Item::ip>().ip_address(),
        drf::models::field<&Item::backup_ip>().ip_address().blank());
};

}  // namespace field_types_model
