// drf/serializers/kinds/choice.hpp — DRF's ChoiceField: the client's text looked up as str(input)
// among the declared choices, each mapped to the C++ value the member holds.
#pragma once

#include <drf/core/json.hpp>
#include <drf/serializers/detail/python.hpp>
#include <drf/serializers/field.hpp>
#include <drf/serializers/kinds/step.hpp>

#include <array>
#include <cstddef>
#include <string>
#include <string_view>
#include <type_traits>

namespace drf::serializers {

// One allowed choice: the text clients send and receive, and the C++ value it maps to.
template <class V>
struct Choice {
    std::string_view key;
    V value;
};
template <class V>
constexpr Choice<V> choice(std::string_view key, V value) {
    return {key, value};
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
};

// choices("draft", "published") for a std::string member.
template <class... S>
    requires(std::is_convertible_v<S, std::string_view> && ...)
constexpr std::array<Choice<std::string_view>, sizeof...(S)> choices(S... keys) {
    return {Choice<std::string_view>{keys, keys}...};
}
// choices(choice("draft", Status::draft), ...) for an enum or any other member type.
template <class V, class... Rest>
constexpr std::array<Choice<V>, 1 + sizeof...(Rest)> choices(Choice<V> first, Rest... rest) {
    return {first, rest...};
}

}  // namespace drf::serializers
