// drf/serializers/kinds/choice.hpp — DRF's ChoiceField: the client's text looked up as str(input)
// among the declared choices, each mapped to the C++ value the member holds. Choices may be grouped
// (DRF's grouped choices: flat for validation, the groups kept for grouped_choices()), and integer
// choices, choices(1, 2, 3), keep their type on the wire as DRF's do.
#pragma once

#include <drf/core/json.hpp>
#include <drf/core/member_name.hpp>
#include <drf/serializers/detail/builder.hpp>
#include <drf/serializers/detail/python.hpp>
#include <drf/serializers/field.hpp>
#include <drf/serializers/kinds/step.hpp>

#include <algorithm>
#include <array>
#include <cstddef>
#include <string>
#include <string_view>
#include <type_traits>

namespace drf::serializers {

// One allowed choice: the text clients send and receive, the C++ value it maps to, and the group it
// was declared in (empty outside a group).
template <class V>
struct Choice {
    std::string_view key;
    V value;
    std::string_view group{};
};
template <class V>
constexpr Choice<V> choice(std::string_view key, V value) {
    return {key, value, {}};
}

// A named group of choices, DRF's ('Category', (('poor', ...), ('medium', ...))).
template <class V, std::size_t N>
struct ChoiceGroup {
    std::string_view name;
    std::array<Choice<V>, N> items;
};

namespace detail {
// The text of a choice: a literal or a std::string_view, never a std::string the choice would outlive.
template <class T>
concept ChoiceText = std::is_convertible_v<T, std::string_view> && !std::is_same_v<std::decay_t<T>, std::nullptr_t> &&
                     !std::is_same_v<std::decay_t<T>, std::string>;

// What one argument of choices(...) or group(...) contributes: its value type (void for plain text,
// which fits any) and how many flat choices it holds.
template <class T>
struct choice_arg {
    using value = void;
    static constexpr std::size_t count = 1;
    static constexpr bool valid = ChoiceText<T>;
};
template <class V>
struct choice_arg<Choice<V>> {
    using value = V;
    static constexpr std::size_t count = 1;
    static constexpr bool valid = true;
};
template <class V, std::size_t N>
struct choice_arg<ChoiceGroup<V, N>> {
    using value = V;
    static constexpr std::size_t count = N;
    static constexpr bool valid = true;
};

template <class... T>
struct first_choice_value {
    using type = std::string_view;
};
template <class T, class... Rest>
struct first_choice_value<T, Rest...> {
    using type = std::conditional_t<std::is_void_v<typename choice_arg<T>::value>,
                                    typename first_choice_value<Rest...>::type, typename choice_arg<T>::value>;
};

template <class V, std::size_t N, class T>
constexpr void append_choice(std::array<Choice<V>, N>& out, std::size_t& i, const T& arg, std::string_view group) {
    if constexpr (std::is_same_v<T, Choice<V>>) {
        out[i] = arg;
        if (!group.empty()) out[i].group = group;
        ++i;
    } else if constexpr (requires { arg.items; }) {
        static_assert(std::is_same_v<T, ChoiceGroup<V, std::tuple_size_v<decltype(arg.items)>>>,
                      "drf::serializers::choices: every choice must map to the same value type");
        for (const auto& c : arg.items) append_choice(out, i, c, arg.name);
    } else {
        static_assert(std::is_same_v<V, std::string_view>,
                      "drf::serializers::choices: plain text choices (\"a\") cannot be mixed with "
                      "choice(\"a\", value); write every choice as choice(text, value)");
        out[i++] = Choice<V>{std::string_view(arg), std::string_view(arg), group};
    }
}

template <class... T>
constexpr auto flat_choices(std::string_view group, const T&... args) {
    using V = typename first_choice_value<T...>::type;
    std::array<Choice<V>, (choice_arg<T>::count + ...)> out{};
    std::size_t i = 0;
    (append_choice(out, i, args, group), ...);
    return out;
}
}  // namespace detail

// choices("draft", "published") for a std::string member; choices(choice("draft", Status::draft), ...)
// for an enum or any other member type; group("Category", ...) among them, as DRF's grouped choices.
template <class... T>
    requires(sizeof...(T) > 0 && (detail::choice_arg<T>::valid && ...))
constexpr auto choices(T... items) {
    return detail::flat_choices({}, items...);
}

// group("Quality", "poor", "medium"): choices validated like any other, listed under "Quality" by
// grouped_choices().
template <class... T>
    requires(sizeof...(T) > 0 && (detail::choice_arg<T>::valid && ...))
constexpr auto group(std::string_view name, T... items) {
    using V = typename detail::first_choice_value<T...>::type;
    return ChoiceGroup<V, (detail::choice_arg<T>::count + ...)>{name, detail::flat_choices({}, items...)};
}

template <class V, std::size_t N, class Stored = V>
struct ChoiceKind {
    using value_type = V;
    std::array<Choice<Stored>, N> choices;
    bool allow_blank = false;

    constexpr ChoiceKind with_allow_blank(bool b) const { ChoiceKind k = *this; k.allow_blank = b; return k; }

    Step to_internal(const Json& in, V& out, Json& slot, const Context&) const {
        if constexpr (std::is_same_v<V, std::string>) {
            if (allow_blank && in.is_string() && in.get_ref<const std::string&>().empty()) {
                out.clear();
                return Step::skip_validators;
            }
        }
        std::string text = detail::python_str(in);  // DRF looks up str(data)
        for (const auto& c : choices) {
            if (c.key == text) {
                out = V(c.value);
                return Step::ok;
            }
        }
        // A lone surrogate ("\ud800") in the quoted text is written as U+FFFD, as the wire would have
        // it, so the errors hold UTF-8 only (DRF answers 500 here: its renderer cannot encode it).
        replace_lone_surrogates(text);
        detail::add_error(slot, "\"" + text + "\" is not a valid choice.", "invalid_choice");
        return Step::invalid;
    }
    static void check(const V&, Json&) {}
    void to_representation(const V& v, Json& out) const {
        for (const auto& c : choices) {
            if (c.value == v) {
                out = std::string(c.key);
                return;
            }
        }
        if constexpr (std::is_convertible_v<const V&, std::string_view>)
            out = std::string(std::string_view(v));
        else
            out = nullptr;
    }
    // DRF's grouped_choices: {"Quality": {"poor": "poor", "medium": "medium"}, "good": "good"}, in
    // declaration order (a C++ choice's label is its text).
    Json grouped_choices() const {
        Json out = Json::object();
        for (const auto& c : choices) {
            const std::string key(c.key);
            if (c.group.empty()) out[key] = key;
            else out[std::string(c.group)][key] = key;
        }
        return out;
    }
    // The enum drf-spectacular writes for the choices (one item of a multiple_choice_field's array).
    Json openapi_schema() const {
        Json values = Json::array();
        std::string description;
        for (const auto& c : choices) {
            values.push_back(std::string(c.key));
            if (!description.empty()) description += '\n';
            description += "* `" + std::string(c.key) + "` - " + std::string(c.key);
        }
        if (allow_blank && std::find(values.begin(), values.end(), Json("")) == values.end()) values.push_back("");
        return Json::object({{"enum", std::move(values)}, {"type", "string"}, {"description", std::move(description)}});
    }
};

// --- integer choices -----------------------------------------------------------------------------

// choices(1, 2, 3): DRF's ChoiceField(choices=[1, 2, 3]); 1 and "1" are both accepted, and the value
// is rendered as the number it is.
template <class I, std::size_t N>
struct IntegerChoices {
    std::array<I, N> values;
};
template <class... I>
    requires(sizeof...(I) > 0 && ((std::is_integral_v<I> && !std::is_same_v<I, bool>) && ...))
constexpr auto choices(I... values) {
    using C = std::common_type_t<I...>;
    return IntegerChoices<C, sizeof...(I)>{{static_cast<C>(values)...}};
}

template <class V, std::size_t N>
struct IntegerChoiceKind {
    using value_type = V;
    std::array<V, N> choices;

    Step to_internal(const Json& in, V& out, Json& slot, const Context&) const {
        std::string text = detail::python_str(in);  // DRF looks up str(data): 1 and "1" alike, 1.0 not
        for (const V c : choices) {
            if (std::to_string(c) == text) {
                out = c;
                return Step::ok;
            }
        }
        replace_lone_surrogates(text);
        detail::add_error(slot, "\"" + text + "\" is not a valid choice.", "invalid_choice");
        return Step::invalid;
    }
    static void check(const V&, Json&) {}
    static void to_representation(const V& v, Json& out) { out = v; }
    Json openapi_schema() const {
        Json values = Json::array();
        std::string description;
        for (const V c : choices) {
            values.push_back(c);
            if (!description.empty()) description += '\n';
            description += "* `" + std::to_string(c) + "` - " + std::to_string(c);
        }
        return Json::object({{"enum", std::move(values)}, {"type", "integer"}, {"description", std::move(description)}});
    }
};

namespace detail {
template <class A, class I, std::size_t N>
constexpr auto integer_choice_field(std::string_view name, A access, IntegerChoices<I, N> allowed) {
    using M = access_value_t<A>;
    static_assert(std::is_integral_v<M> && !std::is_same_v<M, bool>,
                  "drf::serializers::choice_field: choices(1, 2, 3) needs an integer member");
    IntegerChoiceKind<M, N> kind{};
    for (std::size_t i = 0; i < N; ++i) kind.choices[i] = static_cast<M>(allowed.values[i]);
    return make_field<IntegerChoiceKind<M, N>>(name, access, kind);
}
}  // namespace detail

// choice_field<&S::rating>(choices(1, 2, 3)); the member is an integer type (or std::optional of one).
template <auto M, class I, std::size_t N>
    requires DataMemberPointer<M>
constexpr auto choice_field(IntegerChoices<I, N> allowed) {
    return detail::integer_choice_field(member_name<M>(), M, allowed);
}
template <auto M, class I, std::size_t N>
    requires DataMemberPointer<M>
constexpr auto choice_field(std::string_view key, IntegerChoices<I, N> allowed) {
    return detail::integer_choice_field(key, M, allowed);
}
template <SourcePath A, class I, std::size_t N>
constexpr auto choice_field(std::string_view key, A path, IntegerChoices<I, N> allowed) {
    return detail::integer_choice_field(key, path, allowed);
}

}  // namespace drf::serializers
