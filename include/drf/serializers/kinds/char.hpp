// drf/serializers/kinds/char.hpp — DRF's CharField and EmailField: numbers taken as their str(), blank
// and whitespace rules, lengths in characters, and the null-character and surrogate validators.
#pragma once

#include <drf/core/detail/json_text.hpp>
#include <drf/core/detail/utf8.hpp>
#include <drf/core/json.hpp>
#include <drf/serializers/detail/email.hpp>
#include <drf/serializers/detail/python.hpp>
#include <drf/serializers/field.hpp>
#include <drf/serializers/kinds/step.hpp>

#include <cstdio>
#include <string>
#include <string_view>

namespace drf::serializers {

namespace detail {
// Shared by char and email: DRF's CharField.run_validation + to_internal_value.
inline Step char_to_internal(const Json& in, std::string& out, Json& slot, bool allow_blank, bool trim) {
    switch (in.type()) {
        case Json::value_t::string: out = in.get_ref<const std::string&>(); break;
        case Json::value_t::number_integer:
        case Json::value_t::number_unsigned:
        case Json::value_t::number_float: out = python_str(in); break;  // DRF coerces numbers with str()
        default: {
            if (json_big_integer_text(in)) {  // str(10**30): every digit, as DRF gives them
                out = python_str(in);
                break;
            }
            // '' and whitespace are tested on str(data) before the type check, but no other type can be blank.
            add_error(slot, "Not a valid string.", "invalid");
            return Step::invalid;
        }
    }
    const std::string_view stripped = trim ? python_strip(out) : std::string_view(out);
    if (out.empty() || stripped.empty()) {
        if (!allow_blank) {
            add_error(slot, "This field may not be blank.", "blank");
            return Step::invalid;
        }
        out.clear();
        return Step::skip_validators;
    }
    if (stripped.size() != out.size()) out = std::string(stripped);
    return Step::ok;
}

// CharField's own validators, in DRF's order: lengths, ProhibitNullCharactersValidator,
// ProhibitSurrogateCharactersValidator (a lone "\ud800" escape in the body, drf/core/json.hpp).
inline void char_check(const std::string& v, Json& slot, std::size_t max_length, std::size_t min_length) {
    if (max_length != no_limit || min_length != 0) {
        const std::size_t len = drf::detail::utf8_length(v);
        if (max_length != no_limit && len > max_length)
            add_error(slot, "Ensure this field has no more than " + limit_text(max_length) + " characters.",
                      "max_length");
        if (len < min_length)
            add_error(slot, "Ensure this field has at least " + limit_text(min_length) + " characters.", "min_length");
    }
    if (v.find('\0') != std::string::npos)
        add_error(slot, "Null characters are not allowed.", "null_characters_not_allowed");
    if (const auto surrogate = find_lone_surrogate(v)) {
        char code[8];
        std::snprintf(code, sizeof code, "%X", static_cast<unsigned>(*surrogate));
        add_error(slot, std::string("Surrogate characters are not allowed: U+") + code + ".",
                  "surrogate_characters_not_allowed");
    }
}
}  // namespace detail

struct CharKind {
    using value_type = std::string;
    std::size_t max_length = no_limit;
    std::size_t min_length = 0;
    bool allow_blank = false;
    bool trim_whitespace = true;

    constexpr CharKind with_max_length(std::size_t n) const { CharKind k = *this; k.max_length = n; return k; }
    constexpr CharKind with_min_length(std::size_t n) const { CharKind k = *this; k.min_length = n; return k; }
    constexpr CharKind with_allow_blank(bool b) const { CharKind k = *this; k.allow_blank = b; return k; }
    constexpr CharKind with_trim_whitespace(bool b) const { CharKind k = *this; k.trim_whitespace = b; return k; }

    Step to_internal(const Json& in, std::string& out, Json& slot, const Context&) const {
        return detail::char_to_internal(in, out, slot, allow_blank, trim_whitespace);
    }
    void check(const std::string& v, Json& slot) const { detail::char_check(v, slot, max_length, min_length); }
    static void to_representation(const std::string& v, Json& out) { out = v; }
    static void append_json(const std::string& v, std::string& out) { drf::detail::append_json_string(out, v); }
};

struct EmailKind {
    using value_type = std::string;
    std::size_t max_length = no_limit;
    std::size_t min_length = 0;
    bool allow_blank = false;
    bool trim_whitespace = true;

    constexpr EmailKind with_max_length(std::size_t n) const { EmailKind k = *this; k.max_length = n; return k; }
    constexpr EmailKind with_min_length(std::size_t n) const { EmailKind k = *this; k.min_length = n; return k; }
    constexpr EmailKind with_allow_blank(bool b) const { EmailKind k = *this; k.allow_blank = b; return k; }

    Step to_internal(const Json& in, std::string& out, Json& slot, const Context&) const {
        return detail::char_to_internal(in, out, slot, allow_blank, trim_whitespace);
    }
    void check(const std::string& v, Json& slot) const {
        detail::char_check(v, slot, max_length, min_length);
        if (!detail::is_valid_email(v)) detail::add_error(slot, "Enter a valid email address.", "invalid");
    }
    static void to_representation(const std::string& v, Json& out) { out = v; }
    static void append_json(const std::string& v, std::string& out) { drf::detail::append_json_string(out, v); }
};

}  // namespace drf::serializers
