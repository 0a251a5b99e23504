// drf/serializers/kinds/multiple_choice.hpp — DRF's MultipleChoiceField: a list of choices kept as a
// std::set, so repeated choices collapse as in DRF's Python set; rendered as a list in the set's order.
#pragma once

#include <drf/core/json.hpp>
#include <drf/core/member_name.hpp>
#include <drf/serializers/detail/builder.hpp>
#include <drf/serializers/detail/python.hpp>
#include <drf/serializers/field.hpp>
#include <drf/serializers/kinds/choice.hpp>
#include <drf/serializers/kinds/step.hpp>

#include <array>
#include <cstddef>
#include <set>
#include <string>
#include <string_view>
#include <type_traits>

namespace drf::serializers {

struct MultipleChoiceOptions {
    bool allow_empty = true;   // DRF's allow_empty=False: 'This selection may not be empty.'
    bool allow_blank = false;  // DRF's allow_blank=True: "" is one of the choices
};

// Single is the ChoiceKind (or IntegerChoiceKind) each item is looked up with.
template <class Single>
struct MultipleChoiceKind {
    using item_type = typename Single::value_type;
    using value_type = std::set<item_type>;
    Single single;
    bool allow_empty = true;

    constexpr MultipleChoiceKind with_allow_empty(bool b) const { MultipleChoiceKind k = *this; k.allow_empty = b; return k; }

    Step to_internal(const Json& in, value_type& out, Json& slot, const Context& ctx) const {
        // DRF iterates whatever is iterable and not a str: a list's items, a dict's keys.
        if (!in.is_array() && !in.is_object()) {
            detail::add_error(slot, detail::not_a_list_message(in), "not_a_list");
            return Step::invalid;
        }
        if (!allow_empty && in.empty()) {
            detail::add_error(slot, "This selection may not be empty.", "empty");
            return Step::invalid;
        }
        out.clear();
        const auto add = [&](const Json& item) {
            item_type value{};
            // DRF stops at the first item that is not a choice: one error, not one per item.
            if (single.to_internal(item, value, slot, ctx) == Step::invalid) return false;
            out.insert(std::move(value));
            return true;
        };
        if (in.is_array()) {
            for (const auto& item : in)
                if (!add(item)) return Step::invalid;
        } else {
            for (const auto& [key, unused] : in.items())
                if (!add(Json(key))) return Step::invalid;
        }
        return Step::ok;
    }
    static void check(const value_type&, Json&) {}
    void to_representation(const value_type& v, Json& out) const {
        out = Json::array();
        auto& items = out.get_ref<Json::array_t&>();
        items.reserve(v.size());
        for (const auto& item : v) single.to_representation(item, items.emplace_back());
    }
    // drf-spectacular: an array of the choices' enum (extracted as an enum component, as for a choice).
    Json openapi_schema() const { return Json::object({{"type", "array"}, {"items", single.openapi_schema()}}); }
};

namespace detail {
template <class T>
struct is_integer_set : std::false_type {};
template <class T>
struct is_integer_set<std::set<T>> : std::bool_constant<std::is_integral_v<T> && !std::is_same_v<T, bool>> {};

// The kind for a list of choices; std::string items for plain text choices.
template <class V, std::size_t N>
constexpr auto multiple_choice_kind(std::array<Choice<V>, N> allowed, MultipleChoiceOptions o) {
    if constexpr (std::is_same_v<V, std::string_view>)
        return MultipleChoiceKind<ChoiceKind<std::string, N, std::string_view>>{{allowed, o.allow_blank}, o.allow_empty};
    else
        return MultipleChoiceKind<ChoiceKind<V, N>>{{allowed, o.allow_blank}, o.allow_empty};
}
template <class I, std::size_t N>
constexpr auto multiple_choice_kind(IntegerChoices<I, N> allowed, MultipleChoiceOptions o) {
    return MultipleChoiceKind<IntegerChoiceKind<I, N>>{{allowed.values}, o.allow_empty};
}

template <class A, class V, std::size_t N>
constexpr auto multiple_choice_field(std::string_view name, A access, std::array<Choice<V>, N> allowed,
                                     MultipleChoiceOptions o) {
    using M = access_value_t<A>;
    if constexpr (std::is_same_v<V, std::string_view>) {
        static_assert(std::is_same_v<M, std::set<std::string>>,
                      "drf::serializers::multiple_choice_field: choices(\"a\", \"b\") needs a std::set<std::string> "
                      "member; use choices(choice(\"a\", value), ...) for other item types");
        using Kind = MultipleChoiceKind<ChoiceKind<std::string, N, std::string_view>>;
        return make_field<Kind>(name, access, Kind{{allowed, o.allow_blank}, o.allow_empty});
    } else {
        static_assert(std::is_same_v<M, std::set<V>>,
                      "drf::serializers::multiple_choice_field: the member must be a std::set of the choices' "
                      "value type");
        using Kind = MultipleChoiceKind<ChoiceKind<V, N>>;
        return make_field<Kind>(name, access, Kind{{allowed, o.allow_blank}, o.allow_empty});
    }
}
template <class A, class I, std::size_t N>
constexpr auto multiple_choice_field(std::string_view name, A access, IntegerChoices<I, N> allowed,
                                     MultipleChoiceOptions o) {
    using M = access_value_t<A>;
    static_assert(is_integer_set<M>::value,
                  "drf::serializers::multiple_choice_field: choices(1, 2, 3) needs a std::set of an integer type");
    using T = typename M::value_type;
    IntegerChoiceKind<T, N> single{};
    for (std::size_t i = 0; i < N; ++i) single.choices[i] = static_cast<T>(allowed.values[i]);
    using Kind = MultipleChoiceKind<IntegerChoiceKind<T, N>>;
    return make_field<Kind>(name, access, Kind{single, o.allow_empty});
}
}  // namespace detail

// multiple_choice_field<&S::tags>(choices("a", "b")) — DRF's MultipleChoiceField; the member is a
// std::set of what one choice_field over the same choices would hold:
//     multiple_choice_field<&S::tags>(choices("a", "b"), {.allow_empty = false})
template <auto M, class Choices>
    requires DataMemberPointer<M>
constexpr auto multiple_choice_field(Choices allowed, MultipleChoiceOptions o = {}, std::string_view key = {}) {
    return detail::multiple_choice_field(detail::key_of<M>(key), M, allowed, o);
}
template <SourcePath A, class Choices>
constexpr auto multiple_choice_field(std::string_view key, A path, Choices allowed, MultipleChoiceOptions o = {}) {
    return detail::multiple_choice_field(key, path, allowed, o);
}
// multiple_choice_field(choices("a", "b")): an unbound child, for a list_field or a dict_field.
template <class Choices>
    requires requires(Choices c) { detail::multiple_choice_kind(c, MultipleChoiceOptions{}); }
constexpr auto multiple_choice_field(Choices allowed, MultipleChoiceOptions o = {}) {
    using K = decltype(detail::multiple_choice_kind(allowed, o));
    return Field<K, Unbound<typename K::value_type>>{{}, {}, detail::multiple_choice_kind(allowed, o)};
}

}  // namespace drf::serializers
