// drf/filters/detail/build.hpp — one filter parameter's value turned into a db::Condition, as
// django-filter's Filter.filter does with lookup_expr: skipped when empty, an error message when the
// value does not parse, the condition otherwise. Lists (`in`) and ranges are comma-separated, as
// django-filter's BaseCSVFilter reads them.
#pragma once

#include <drf/core/detail/traits.hpp>
#include <drf/db/query.hpp>
#include <drf/filters/detail/values.hpp>
#include <drf/filters/lookups.hpp>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace drf::filters::detail {

// What a client may grow; past them the answer is 400.
struct Limits {
    std::size_t max_in_items = 100;
    std::size_t max_or_groups = 10;
};

// The result of reading one parameter: no filter (an empty value), a condition, or an error message.
template <class T>
struct Built {
    std::optional<db::Condition<T>> condition;
    std::string error;
};

// The comma-separated parts of `raw` (CSVWidget: str.split(","), so "a,,b" has three).
inline std::vector<std::string_view> comma_parts(std::string_view raw, std::size_t cap) {
    std::vector<std::string_view> parts;
    while (parts.size() <= cap) {
        const auto comma = raw.find(',');
        parts.push_back(raw.substr(0, comma));
        if (comma == std::string_view::npos) break;
        raw.remove_prefix(comma + 1);
    }
    return parts;
}

inline std::string too_many_items(std::size_t max) {
    return "Ensure this field has no more than " + std::to_string(max) + " elements.";  // DRF's ListField
}

template <auto Member>
auto build_condition(Lookup lookup, std::string_view raw, const Limits& limits) {
    using C = typename drf::detail::member_pointer_parts<decltype(Member)>::owner;
    using T = models::model_of_t<C>;
    using M = typename drf::detail::member_pointer_parts<decltype(Member)>::type;
    using V = drf::detail::unwrap_optional_t<M>;
    constexpr ValueKind kind = value_kind<V>();
    Built<T> out;

    if (lookup == Lookup::isnull) {
        if constexpr (drf::detail::is_optional_v<M>) {
            const std::string_view text = stripped(raw);
            if (text.empty()) return out;
            bool null = false;
            if (!parse_boolean(text, null)) out.error = must_be_a_boolean;
            else out.condition = db::is_null(Member, null);
        }
        return out;
    }

    if (lookup == Lookup::in) {
        if constexpr (kind != ValueKind::boolean) {  // not offered on booleans (lookup_applies)
            if (raw.empty()) return out;  // django-filter: an empty list is no filter
            const auto parts = comma_parts(raw, limits.max_in_items);
            if (parts.size() > limits.max_in_items) {
                out.error = too_many_items(limits.max_in_items);
                return out;
            }
            std::vector<V> values;
            for (const auto part : parts) {
                const std::string_view text = value_text<V>(part);
                if (text.empty()) {
                    if constexpr (kind == ValueKind::text) values.emplace_back();  // '' is a text value
                    continue;  // None, which `in` leaves out
                }
                V v{};
                if (auto e = parse_value(text, v); !e.empty()) {
                    out.error = std::move(e);
                    return out;
                }
                values.push_back(std::move(v));
            }
            out.condition = db::in(Member, values);
        }
        return out;
    }

    if (lookup == Lookup::range) {
        if constexpr (kind != ValueKind::boolean && kind != ValueKind::uuid) {
            if (raw.empty()) return out;
            const auto parts = comma_parts(raw, 2);
            if (parts.size() != 2) {
                out.error = range_needs_two_values;
                return out;
            }
            std::optional<V> bounds[2];
            for (int i = 0; i < 2; ++i) {
                const std::string_view text = value_text<V>(parts[static_cast<std::size_t>(i)]);
                if (text.empty()) continue;
                V v{};
                if (auto e = parse_value(text, v); !e.empty()) {
                    out.error = std::move(e);
                    return out;
                }
                bounds[i] = std::move(v);
            }
            // An empty end leaves that side open (django-filter would compare with NULL, matching nothing).
            if (bounds[0] && bounds[1]) out.condition = db::range(Member, std::move(*bounds[0]), std::move(*bounds[1]));
            else if (bounds[0]) out.condition = db::ge(Member, std::move(*bounds[0]));
            else if (bounds[1]) out.condition = db::le(Member, std::move(*bounds[1]));
        }
        return out;
    }

    const std::string_view text = value_text<V>(raw);
    if (text.empty()) return out;
    V v{};
    if (auto e = parse_value(text, v); !e.empty()) {
        out.error = std::move(e);
        return out;
    }
    if constexpr (kind == ValueKind::text) {
        switch (lookup) {
            case Lookup::iexact: out.condition = db::iexact(Member, v); return out;
            case Lookup::contains: out.condition = db::contains(Member, v); return out;
            case Lookup::icontains: out.condition = db::icontains(Member, v); return out;
            case Lookup::startswith: out.condition = db::startswith(Member, v); return out;
            case Lookup::istartswith: out.condition = db::istartswith(Member, v); return out;
            case Lookup::endswith: out.condition = db::endswith(Member, v); return out;
            case Lookup::iendswith: out.condition = db::iendswith(Member, v); return out;
            default: break;
        }
    }
    switch (lookup) {
        case Lookup::gt: out.condition = db::gt(Member, std::move(v)); break;
        case Lookup::gte: out.condition = db::ge(Member, std::move(v)); break;
        case Lookup::lt: out.condition = db::lt(Member, std::move(v)); break;
        case Lookup::lte: out.condition = db::le(Member, std::move(v)); break;
        default: out.condition = db::eq(Member, std::move(v)); break;
    }
    return out;
}

}  // namespace drf::filters::detail
