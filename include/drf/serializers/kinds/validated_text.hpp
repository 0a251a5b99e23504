// drf/serializers/kinds/validated_text.hpp — DRF's CharFields with a validator of their own: RegexField,
// SlugField, URLField and IPAddressField. Each takes CharField's input rules (blank, whitespace,
// lengths, null and surrogate characters) first, then adds its validator's error after CharField's.
#pragma once

#include <drf/core/detail/json_text.hpp>
#include <drf/core/detail/strings.hpp>
#include <drf/core/json.hpp>
#include <drf/serializers/detail/builder.hpp>
#include <drf/serializers/detail/ip_address.hpp>
#include <drf/serializers/detail/python.hpp>
#include <drf/serializers/detail/unicode_word.hpp>
#include <drf/serializers/detail/url.hpp>
#include <drf/serializers/field.hpp>
#include <drf/serializers/kinds/char.hpp>
#include <drf/serializers/kinds/step.hpp>

#include <cstddef>
#include <functional>
#include <memory>
#include <mutex>
#include <regex>
#include <shared_mutex>
#include <string>
#include <string_view>
#include <type_traits>
#include <unordered_map>

namespace drf::serializers {

namespace detail {
// CharField's options, shared by the kinds below; Kind is the kind deriving from it.
template <class Kind>
struct CharRules {
    std::size_t max_length = no_limit;
    std::size_t min_length = 0;
    bool allow_blank = false;
    bool trim_whitespace = true;

    constexpr Kind with_max_length(std::size_t n) const { return with([&](Kind& k) { k.max_length = n; }); }
    constexpr Kind with_min_length(std::size_t n) const { return with([&](Kind& k) { k.min_length = n; }); }
    constexpr Kind with_allow_blank(bool b) const { return with([&](Kind& k) { k.allow_blank = b; }); }
    constexpr Kind with_trim_whitespace(bool b) const { return with([&](Kind& k) { k.trim_whitespace = b; }); }

    // drf-spectacular writes DRF's length validators as maxLength and minLength.
    void length_schema(Json& schema) const {
        if (max_length != no_limit) schema["maxLength"] = max_length;
        if (min_length != 0) schema["minLength"] = min_length;
    }
    static void to_representation(const std::string& v, Json& out) { out = v; }
    static void append_json(const std::string& v, std::string& out) { drf::detail::append_json_string(out, v); }

private:
    template <class F>
    constexpr Kind with(F set) const {
        Kind k = static_cast<const Kind&>(*this);
        set(k);
        return k;
    }
};

// libstdc++ matches by default with a recursion as deep as the text is long: a value of some ten
// thousand characters overflows a thread's stack. Its polynomial mode (a breadth-first automaton, no
// back-references) runs in bounded stack and linear time, and no pattern can backtrack
// catastrophically.
#if defined(__GLIBCXX__)
inline constexpr auto regex_syntax = std::regex::ECMAScript | std::regex_constants::__polynomial;
#else
inline constexpr auto regex_syntax = std::regex::ECMAScript;
#endif

// Each pattern compiled once for the whole process, on first use: a kind stays a literal type (fields
// are constexpr) and a request only looks the pattern up. Entries are never removed, so the
// references handed out stay valid; patterns are the program's own, so the map stays small.
inline const std::regex& compiled_regex(std::string_view pattern) {
    struct Hash {
        using is_transparent = void;
        std::size_t operator()(std::string_view s) const noexcept { return std::hash<std::string_view>{}(s); }
    };
    static std::shared_mutex mutex;
    static std::unordered_map<std::string, std::unique_ptr<const std::regex>, Hash, std::equal_to<>> cache;
    {
        std::shared_lock lock(mutex);
        if (const auto it = cache.find(pattern); it != cache.end()) return *it->second;
    }
    auto compiled = std::make_unique<const std::regex>(pattern.begin(), pattern.end(), regex_syntax);  // may throw regex_error
    std::unique_lock lock(mutex);
    return *cache.try_emplace(std::string(pattern), std::move(compiled)).first->second;
}

// Django's slug_re, ^[-a-zA-Z0-9_]+$: Python's '$' also matches before a final '\n', which only
// trim_whitespace(false) lets through.
inline bool is_valid_slug(std::string_view v) {
    if (!v.empty() && v.back() == '\n') v.remove_suffix(1);
    if (v.empty()) return false;
    for (char c : v)
        if (!drf::detail::is_ascii_alnum(c) && c != '-' && c != '_') return false;
    return true;
}

// DRF's unicode slug, ^[-\w]+\Z with Python's Unicode \w.
inline bool is_valid_unicode_slug(std::string_view v) {
    const std::u32string cps = url::code_points(v);
    if (cps.empty()) return false;
    for (char32_t c : cps)
        if (c != '-' && !is_python_word(c)) return false;
    return true;
}
}  // namespace detail

// DRF's RegexField(regex): CharField, then RegexValidator, which runs Python's re.search on the value
// (the pattern may match anywhere unless it is anchored). The pattern here is a std::regex
// (ECMAScript) over the value's UTF-8 bytes, compiled once per pattern on first use; a pattern it
// cannot compile (or, with libstdc++, one with a back-reference) throws std::regex_error there, as
// Django's lazily compiled one raises re.error. Unlike Python's re: '$' matches only at the very end
// (Python's also before a final '\n'), \w \d \s and '.' see ASCII bytes, and there is no
// lookbehind, (?P<name>), inline flags such as (?i), \A or \Z.
struct RegexKind : detail::CharRules<RegexKind> {
    using value_type = std::string;
    std::string_view regex{};

    Step to_internal(const Json& in, std::string& out, Json& slot, const Context&) const {
        return detail::char_to_internal(in, out, slot, allow_blank, trim_whitespace);
    }
    void check(const std::string& v, Json& slot) const {
        detail::char_check(v, slot, max_length, min_length);
        if (!std::regex_search(v, detail::compiled_regex(regex)))
            detail::add_error(slot, "This value does not match the required pattern.", "invalid");
    }
    Json openapi_schema() const {
        Json schema = {{"type", "string"}};
        length_schema(schema);
        schema["pattern"] = regex;
        return schema;
    }
};

// DRF's SlugField(allow_unicode=False): letters, digits, '_' and '-', ASCII only unless allow_unicode
// (then Python's Unicode letters and digits, Unicode 14.0).
struct SlugKind : detail::CharRules<SlugKind> {
    using value_type = std::string;
    bool allow_unicode = false;

    Step to_internal(const Json& in, std::string& out, Json& slot, const Context&) const {
        return detail::char_to_internal(in, out, slot, allow_blank, trim_whitespace);
    }
    void check(const std::string& v, Json& slot) const {
        detail::char_check(v, slot, max_length, min_length);
        if (allow_unicode) {
            if (!detail::is_valid_unicode_slug(v))
                detail::add_error(slot,
                                  "Enter a valid \"slug\" consisting of Unicode letters, numbers, underscores, or hyphens.",
                                  "invalid");
        } else if (!detail::is_valid_slug(v)) {
            detail::add_error(slot, "Enter a valid \"slug\" consisting of letters, numbers, underscores or hyphens.",
                              "invalid");
        }
    }
    Json openapi_schema() const {
        Json schema = {{"type", "string"}};
        length_schema(schema);
        schema["pattern"] = allow_unicode ? "^[-\\w]+$" : "^[-a-zA-Z0-9_]+$";
        return schema;
    }
};

// DRF's URLField: Django's URLValidator with its default schemes http, https, ftp and ftps.
struct UrlKind : detail::CharRules<UrlKind> {
    using value_type = std::string;

    Step to_internal(const Json& in, std::string& out, Json& slot, const Context&) const {
        return detail::char_to_internal(in, out, slot, allow_blank, trim_whitespace);
    }
    void check(const std::string& v, Json& slot) const {
        detail::char_check(v, slot, max_length, min_length);
        if (!detail::is_valid_url(v)) detail::add_error(slot, "Enter a valid URL.", "invalid");
    }
    Json openapi_schema() const {
        Json schema = {{"type", "string"}, {"format", "uri"}};
        length_schema(schema);
        return schema;
    }
};

// DRF's protocol='both' | 'IPv4' | 'IPv6'.
enum class IpProtocol { both, ipv4, ipv6 };

// DRF's IPAddressField(protocol='both'). A value holding ':' is an IPv6 address, given back compressed
// and lowercase (Django's clean_ipv6_address), unless the protocol is IPv4; with 'both', an
// IPv4-mapped address (::ffff:1.2.3.4) is given back as the IPv4 address, as DRF's unpack_ipv4 (which
// DRF sets from the protocol, not from a keyword of its own). Other values are CharField's, then
// Django's validator for the protocol. An IPv4 octet has no leading zero.
struct IpAddressKind : detail::CharRules<IpAddressKind> {
    using value_type = std::string;
    IpProtocol protocol = IpProtocol::both;

    Step to_internal(const Json& in, std::string& out, Json& slot, const Context&) const {
        if (!in.is_string()) return invalid(slot);  // even a number: DRF takes only str here
        const auto& s = in.get_ref<const std::string&>();
        if (protocol != IpProtocol::ipv4 && s.find(':') != std::string::npos) {
            // checked as given (a value with ':' is never blank): DRF cleans it before CharField would strip it
            auto cleaned = detail::clean_ipv6_address(s, protocol == IpProtocol::both);
            if (!cleaned) return invalid(slot);
            out = std::move(*cleaned);
            return Step::ok;
        }
        return detail::char_to_internal(in, out, slot, allow_blank, trim_whitespace);
    }
    void check(const std::string& v, Json& slot) const {
        detail::char_check(v, slot, max_length, min_length);
        switch (protocol) {
            case IpProtocol::both:
                if (!detail::is_valid_ipv4_address(v) && !detail::is_valid_ipv6_address(v)) invalid(slot);
                break;
            case IpProtocol::ipv4:
                if (!detail::is_valid_ipv4_address(v)) detail::add_error(slot, "Enter a valid IPv4 address.", "invalid");
                break;
            case IpProtocol::ipv6:
                if (!detail::is_valid_ipv6_address(v)) detail::add_error(slot, "Enter a valid IPv6 address.", "invalid");
                break;
        }
    }
    Json openapi_schema() const {
        Json schema = {{"type", "string"}};
        if (protocol != IpProtocol::both) schema["format"] = protocol == IpProtocol::ipv4 ? "ipv4" : "ipv6";
        length_schema(schema);
        return schema;
    }

private:
    static Step invalid(Json& slot) {
        detail::add_error(slot, "Enter a valid IPv4 or IPv6 address.", "invalid");
        return Step::invalid;
    }
};

// --- Builders: the options DRF takes as keywords ------------------------------------------------

struct RegexOptions {
    std::string_view regex{};  // ECMAScript syntax; see RegexKind
};
struct SlugOptions {
    bool allow_unicode = false;
};
struct IpAddressOptions {
    IpProtocol protocol = IpProtocol::both;
};

namespace detail {
template <class Kind, class A>
constexpr auto text_field(std::string_view name, A access, Kind kind) {
    static_assert(std::is_same_v<access_value_t<A>, std::string>,
                  "drf::serializers::regex_field, slug_field, url_field, ip_address_field: the member must be "
                  "std::string or std::optional<std::string>");
    return make_field<Kind>(name, access, kind);
}
constexpr RegexKind regex_kind(RegexOptions o) {
    RegexKind k;
    k.regex = o.regex;
    return k;
}
constexpr SlugKind slug_kind(SlugOptions o) {
    SlugKind k;
    k.allow_unicode = o.allow_unicode;
    return k;
}
constexpr IpAddressKind ip_address_kind(IpAddressOptions o) {
    IpAddressKind k;
    k.protocol = o.protocol;
    return k;
}
}  // namespace detail

// regex_field<&S::code>({.regex = "^[A-Z]{3}$"}) — DRF's RegexField(regex=...).
template <auto M>
    requires DataMemberPointer<M>
constexpr auto regex_field(RegexOptions o, std::string_view key = {}) {
    return detail::text_field(detail::key_of<M>(key), M, detail::regex_kind(o));
}
template <SourcePath A>
constexpr auto regex_field(std::string_view key, A path, RegexOptions o) {
    return detail::text_field(key, path, detail::regex_kind(o));
}
constexpr auto regex_field(RegexOptions o) { return Field<RegexKind, Unbound<std::string>>{{}, {}, detail::regex_kind(o)}; }

// slug_field<&S::slug>(), slug_field<&S::slug>({.allow_unicode = true}) — DRF's SlugField.
template <auto M>
    requires DataMemberPointer<M>
constexpr auto slug_field(SlugOptions o = {}, std::string_view key = {}) {
    return detail::text_field(detail::key_of<M>(key), M, detail::slug_kind(o));
}
template <SourcePath A>
constexpr auto slug_field(std::string_view key, A path, SlugOptions o = {}) {
    return detail::text_field(key, path, detail::slug_kind(o));
}
constexpr auto slug_field(SlugOptions o = {}) { return Field<SlugKind, Unbound<std::string>>{{}, {}, detail::slug_kind(o)}; }

// url_field<&S::homepage>() — DRF's URLField.
template <auto M>
    requires DataMemberPointer<M>
constexpr auto url_field(std::string_view key = {}) {
    return detail::text_field(detail::key_of<M>(key), M, UrlKind{});
}
template <SourcePath A>
constexpr auto url_field(std::string_view key, A path) {
    return detail::text_field(key, path, UrlKind{});
}
constexpr auto url_field() { return Field<UrlKind, Unbound<std::string>>{}; }

// ip_address_field<&S::ip>(), ip_address_field<&S::ip>({.protocol = IpProtocol::ipv4}) — DRF's
// IPAddressField(protocol=...).
template <auto M>
    requires DataMemberPointer<M>
constexpr auto ip_address_field(IpAddressOptions o = {}, std::string_view key = {}) {
    return detail::text_field(detail::key_of<M>(key), M, detail::ip_address_kind(o));
}
template <SourcePath A>
constexpr auto ip_address_field(std::string_view key, A path, IpAddressOptions o = {}) {
    return detail::text_field(key, path, detail::ip_address_kind(o));
}
constexpr auto ip_address_field(IpAddressOptions o = {}) {
    return Field<IpAddressKind, Unbound<std::string>>{{}, {}, detail::ip_address_kind(o)};
}

}  // namespace drf::serializers
