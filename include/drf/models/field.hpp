// drf/models/field.hpp — a model field: a column name bound to a member pointer, with the few
// options the database layer and migrations need (unique, index, max_length, max_digits and
// decimal_places, foreign key).
#pragma once

#include <drf/core/date.hpp>
#include <drf/core/datetime.hpp>
#include <drf/core/decimal.hpp>
#include <drf/core/detail/traits.hpp>
#include <drf/core/member_name.hpp>
#include <drf/core/uuid.hpp>

#include <nlohmann/json_fwd.hpp>

#include <concepts>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>

namespace drf::models {

namespace detail {
template <class M>
inline constexpr bool is_scalar_column =
    std::same_as<M, bool> || (std::integral<M> && !std::same_as<M, char>) || std::floating_point<M> ||
    std::is_enum_v<M> || std::same_as<M, std::string> || std::same_as<M, Uuid> || std::same_as<M, DateTime> ||
    std::same_as<M, Decimal> || std::same_as<M, Date> || std::same_as<M, Time> || std::same_as<M, Duration> ||
    std::same_as<M, nlohmann::ordered_json>;

// Identifiers become column and table names; allow what every SQL dialect accepts unquoted.
constexpr bool is_identifier(std::string_view s) {
    if (s.empty() || s.size() > 63) return false;
    if (!(s[0] == '_' || (s[0] >= 'a' && s[0] <= 'z'))) return false;
    for (char c : s)
        if (!(c == '_' || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))) return false;
    return true;
}

// Called only when a check fails during constant evaluation: the compiler's error then names it.
inline void drf_error_model_field_name_must_be_a_lowercase_identifier() {}
inline void drf_error_model_has_two_fields_with_the_same_name() {}
// Django's fields.E130 and E132: a DecimalField needs both max_digits and decimal_places, and the
// places cannot outnumber the digits.
inline void drf_error_decimal_field_needs_max_digits_and_decimal_places() {}
inline void drf_error_decimal_field_decimal_places_must_not_exceed_max_digits() {}

}  // namespace detail

// The member types a model field may have: bool, integers, floating point, enums, std::string, Uuid,
// DateTime, Decimal, Date, Time, Duration, Json, or std::optional of one of them (a nullable column).
template <class M>
concept FieldType = detail::is_scalar_column<drf::detail::unwrap_optional_t<M>>;

// A table name provider for foreign keys, so a field can name its target model without the target
// being complete yet.
using TableNameFn = std::string_view (*)();

template <class T, class M>
struct Field {
    using owner_type = T;
    using value_type = M;

    std::string_view name;
    M T::*member;
    bool is_unique = false;
    bool is_indexed = false;
    std::size_t max_length_ = 0;  // 0: unbounded text
    TableNameFn references_ = nullptr;
    // Django's blank=True: input may leave the field out (or empty, for text), and it keeps the member's
    // initializer. Validation only: the column is the same.
    bool is_blank = false;
    // Django's DecimalField(max_digits, decimal_places): both required on a Decimal member (checked when
    // the meta is built); the column is numeric(max_digits, decimal_places) and reads back with exactly
    // decimal_places digits after the point.
    std::size_t max_digits_ = 0;
    int decimal_places_ = -1;
    // Django's GenericIPAddressField: text holding an IPv4 or IPv6 address, an inet column on PostgreSQL.
    bool is_ip_address = false;

    constexpr Field unique() const { Field f = *this; f.is_unique = true; return f; }
    constexpr Field db_index() const { Field f = *this; f.is_indexed = true; return f; }
    constexpr Field blank() const { Field f = *this; f.is_blank = true; return f; }
    constexpr Field max_length(std::size_t n) const
        requires std::same_as<drf::detail::unwrap_optional_t<M>, std::string>
    {
        Field f = *this;
        f.max_length_ = n;
        return f;
    }
    constexpr Field max_digits(std::size_t n) const
        requires std::same_as<drf::detail::unwrap_optional_t<M>, Decimal>
    {
        Field f = *this;
        f.max_digits_ = n;
        return f;
    }
    constexpr Field decimal_places(int n) const
        requires std::same_as<drf::detail::unwrap_optional_t<M>, Decimal>
    {
        Field f = *this;
        f.decimal_places_ = n;
        return f;
    }
    constexpr Field ip_address() const
        requires std::same_as<drf::detail::unwrap_optional_t<M>, std::string>
    {
        Field f = *this;
        f.is_ip_address = true;
        return f;
    }
    // A foreign key to Target's id (the column must hold a Uuid). Deletion rules are the database's
    // default (restrict) unless a migration says otherwise.
    template <class Target>
    constexpr Field references() const
        requires std::same_as<drf::detail::unwrap_optional_t<M>, Uuid>
    {
        Field f = *this;
        f.references_ = +[]() -> std::string_view { return Target::meta.table; };
        return f;
    }

    constexpr bool nullable() const { return drf::detail::is_optional_v<M>; }

    // Whether a Decimal field has valid max_digits and decimal_places (other fields always do).
    constexpr void check_decimal() const {
        if constexpr (std::same_as<drf::detail::unwrap_optional_t<M>, Decimal>) {
            if (max_digits_ == 0 || decimal_places_ < 0) detail::drf_error_decimal_field_needs_max_digits_and_decimal_places();
            if (decimal_places_ >= 0 && static_cast<std::size_t>(decimal_places_) > max_digits_ && max_digits_ != 0)
                detail::drf_error_decimal_field_decimal_places_must_not_exceed_max_digits();
        }
    }

    constexpr const M& get(const T& obj) const { return obj.*member; }
    constexpr M& get(T& obj) const { return obj.*member; }
};

namespace detail {
template <auto M>
constexpr auto make_field(std::string_view name) {
    static_assert(DataMemberPointer<M>,
                  "drf::models::field<M>: M must be a pointer to a data member, as in field<&Project::name>()");
    if constexpr (DataMemberPointer<M>) {
        using T = member_type_t<M>;
        static_assert(FieldType<T>,
                      "drf::models::field: unsupported member type; use bool, an integer, a floating point type, an "
                      "enum, std::string, drf::Uuid, drf::DateTime, drf::Decimal, drf::Date, drf::Time, "
                      "drf::Duration, drf::Json, or std::optional of one of them");
        if (!is_identifier(name)) drf_error_model_field_name_must_be_a_lowercase_identifier();
        return Field<member_owner_t<M>, T>{name, M};
    }
}
}  // namespace detail

// field<&Project::name>(): the column "name" holds Project::name; the name is the member's own, so
// it is said once. A member of the base model (&Project::id) is named as declared there ("id").
template <auto M>
constexpr auto field() {
    if constexpr (!DataMemberPointer<M>) {
        return detail::make_field<M>({});
    } else if constexpr (!detail::is_identifier(member_name<M>())) {
        static_assert(detail::is_identifier(member_name<M>()),
                      "drf::models::field<M>: the member's name is not a lowercase identifier; name the column "
                      "yourself, as in field<&T::member>(\"column_name\")");
    } else {
        return detail::make_field<M>(member_name<M>());
    }
}

// field<&Project::title>("name"): the column is named otherwise than the member.
template <auto M>
constexpr auto field(std::string_view column) {
    return detail::make_field<M>(column);
}

}  // namespace drf::models
