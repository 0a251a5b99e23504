// drf/filters/lookups.hpp — the lookups a FilterSet filter offers (django-filter's lookup_expr: exact,
// icontains, gte, in, isnull, range, ...), their query-parameter suffixes, and which field types each
// applies to:
//     using namespace drf::filters::lookups;
//     f::filter<&Project::created_at>({gte, lte})   // ?created_at__gte=...&created_at__lte=...
#pragma once

#include <drf/core/date.hpp>
#include <drf/core/datetime.hpp>
#include <drf/core/decimal.hpp>
#include <drf/core/detail/traits.hpp>
#include <drf/core/uuid.hpp>

#include <string>
#include <string_view>
#include <type_traits>

namespace drf::filters {

enum class Lookup : unsigned char {
    exact, iexact, contains, icontains, startswith, istartswith, endswith, iendswith,
    gt, gte, lt, lte, in, isnull, range,
};

// Django's name of the lookup: the parameter's suffix after "__" (none for exact).
constexpr std::string_view lookup_name(Lookup l) {
    switch (l) {
        case Lookup::exact: return "exact";
        case Lookup::iexact: return "iexact";
        case Lookup::contains: return "contains";
        case Lookup::icontains: return "icontains";
        case Lookup::startswith: return "startswith";
        case Lookup::istartswith: return "istartswith";
        case Lookup::endswith: return "endswith";
        case Lookup::iendswith: return "iendswith";
        case Lookup::gt: return "gt";
        case Lookup::gte: return "gte";
        case Lookup::lt: return "lt";
        case Lookup::lte: return "lte";
        case Lookup::in: return "in";
        case Lookup::isnull: return "isnull";
        case Lookup::range: return "range";
    }
    return "";
}

// The spellings of FilterSet declarations: f::filter<&Project::name>({exact, icontains}).
namespace lookups {
inline constexpr Lookup exact = Lookup::exact;
inline constexpr Lookup iexact = Lookup::iexact;
inline constexpr Lookup contains = Lookup::contains;
inline constexpr Lookup icontains = Lookup::icontains;
inline constexpr Lookup startswith = Lookup::startswith;
inline constexpr Lookup istartswith = Lookup::istartswith;
inline constexpr Lookup endswith = Lookup::endswith;
inline constexpr Lookup iendswith = Lookup::iendswith;
inline constexpr Lookup gt = Lookup::gt;
inline constexpr Lookup gte = Lookup::gte;
inline constexpr Lookup lt = Lookup::lt;
inline constexpr Lookup lte = Lookup::lte;
inline constexpr Lookup in = Lookup::in;
inline constexpr Lookup isnull = Lookup::isnull;
inline constexpr Lookup range = Lookup::range;
}  // namespace lookups

// The kinds of field a filter can be declared on (the member's type without std::optional).
enum class ValueKind : unsigned char { boolean, integer, real, text, uuid, datetime, decimal, date, time, duration };

template <class V>
constexpr bool is_filterable_v = std::is_same_v<V, bool> || std::is_arithmetic_v<V> ||
                                 std::is_same_v<V, std::string> || std::is_same_v<V, Uuid> ||
                                 std::is_same_v<V, DateTime> || std::is_same_v<V, Decimal> ||
                                 std::is_same_v<V, Date> || std::is_same_v<V, Time> || std::is_same_v<V, Duration>;

template <class V>
constexpr ValueKind value_kind() {
    static_assert(is_filterable_v<V>,
                  "drf::filters: a filter's field (or a method filter's value) must be a bool, an integer, a "
                  "floating-point number, std::string, drf::Uuid, drf::DateTime, drf::Decimal, drf::Date, "
                  "drf::Time or drf::Duration (optionally std::optional)");
    if constexpr (std::is_same_v<V, bool>) return ValueKind::boolean;
    else if constexpr (std::is_integral_v<V>) return ValueKind::integer;
    else if constexpr (std::is_floating_point_v<V>) return ValueKind::real;
    else if constexpr (std::is_same_v<V, std::string>) return ValueKind::text;
    else if constexpr (std::is_same_v<V, Uuid>) return ValueKind::uuid;
    else if constexpr (std::is_same_v<V, DateTime>) return ValueKind::datetime;
    else if constexpr (std::is_same_v<V, Decimal>) return ValueKind::decimal;
    else if constexpr (std::is_same_v<V, Date>) return ValueKind::date;
    else if constexpr (std::is_same_v<V, Time>) return ValueKind::time;
    else return ValueKind::duration;
}

constexpr bool is_text_lookup(Lookup l) {
    return l == Lookup::iexact || l == Lookup::contains || l == Lookup::icontains || l == Lookup::startswith ||
           l == Lookup::istartswith || l == Lookup::endswith || l == Lookup::iendswith;
}
constexpr bool is_order_lookup(Lookup l) {
    return l == Lookup::gt || l == Lookup::gte || l == Lookup::lt || l == Lookup::lte || l == Lookup::range;
}

// Whether lookup `l` makes sense on a field of kind `k` (nullable or not): text lookups on text only;
// ordering comparisons and ranges on numbers, decimals, text, datetimes, dates, times and durations
// (not on booleans or UUIDs); `in` on
// all but booleans; isnull only on a nullable field.
constexpr bool lookup_applies(Lookup l, ValueKind k, bool nullable) {
    if (l == Lookup::isnull) return nullable;
    if (is_text_lookup(l)) return k == ValueKind::text;
    if (is_order_lookup(l)) return k != ValueKind::boolean && k != ValueKind::uuid;
    if (l == Lookup::in) return k != ValueKind::boolean;
    return true;  // exact
}

}  // namespace drf::filters
