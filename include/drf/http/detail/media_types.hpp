// drf/http/detail/media_types.hpp — media types as DRF's utils.mediatypes reads them (_MediaType,
// media_type_matches, precedence), over string views: the negotiation parses the Accept header on every
// request, so nothing here allocates.
#pragma once

#include <drf/core/detail/strings.hpp>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace drf::http::detail {

// Python's str.strip() for the ASCII whitespace a header can hold.
constexpr std::string_view strip(std::string_view s) noexcept { return drf::detail::trim_ascii_space(s); }

// The end of the ';'-separated piece starting at `s`, skipping ';' inside a quoted string, as Django's
// _parse_header_params does (an odd count of '"' before a ';' means the ';' is quoted).
constexpr std::size_t param_end(std::string_view s) noexcept {
    std::size_t end = s.find(';');
    while (end != std::string_view::npos && end > 0) {
        std::size_t quotes = 0;
        for (std::size_t i = 0; i < end; ++i) quotes += s[i] == '"';
        if (quotes % 2 == 0) break;
        end = s.find(';', end + 1);
    }
    return end == std::string_view::npos ? s.size() : end;
}

// One `key=value` of a media type's parameters; the key compares case-insensitively (Django lowercases
// it), the value is unquoted.
struct Param {
    std::string_view key;
    std::string_view value;
};

// Calls f(Param) for each `key=value` in `params` (the text after the type, starting at a ';' or empty);
// a piece without '=' is skipped, as Django's parse_header skips it. Stops when f returns false.
template <class F>
constexpr void for_each_param(std::string_view params, F&& f) {
    while (!params.empty() && params.front() == ';') {
        params.remove_prefix(1);
        const std::size_t end = param_end(params);
        const std::string_view piece = params.substr(0, end);
        params.remove_prefix(end);
        const std::size_t eq = piece.find('=');
        if (eq == std::string_view::npos) continue;
        std::string_view value = strip(piece.substr(eq + 1));
        if (value.size() >= 2 && value.front() == '"' && value.back() == '"') value = value.substr(1, value.size() - 2);
        if (!f(Param{strip(piece.substr(0, eq)), value})) return;
    }
}

// The last value of parameter `key` (a Python dict keeps the last), or nullopt.
constexpr std::optional<std::string_view> find_param(std::string_view params, std::string_view key) {
    std::optional<std::string_view> found;
    for_each_param(params, [&](Param p) {
        if (drf::detail::iequals(p.key, key)) found = p.value;
        return true;
    });
    return found;
}

// DRF's _MediaType: "type/subtype; k=v" split into views. A text without '/' has an empty subtype.
struct MediaType {
    std::string_view main_type;
    std::string_view sub_type;
    std::string_view params;  // from the first ';' on, or empty

    static constexpr MediaType parse(std::string_view text) noexcept {
        text = strip(text);
        const std::size_t end = param_end(text);
        const std::string_view full = strip(text.substr(0, end));
        const std::size_t slash = full.find('/');
        MediaType m;
        m.main_type = full.substr(0, slash);
        m.sub_type = slash == std::string_view::npos ? std::string_view{} : full.substr(slash + 1);
        m.params = text.substr(end);
        return m;
    }

    // Whether the parameters are only q (or none): DRF ranks "type/subtype;q=0.5" with "type/subtype".
    constexpr bool has_params_besides_q() const {
        bool other = false;
        for_each_param(params, [&](Param p) {
            other = !drf::detail::iequals(p.key, "q");
            return !other;
        });
        return other;
    }

    // DRF's precedence: 3 "type/subtype; param=val", 2 "type/subtype", 1 "type/*", 0 "*/*".
    constexpr int precedence() const {
        if (main_type == "*") return 0;
        if (sub_type == "*") return 1;
        return has_params_besides_q() ? 3 : 2;
    }

    // DRF's _MediaType.match: this (a renderer's or parser's type) satisfies `other` (the client's):
    // every parameter of this one but q has the same value in `other`, and the types agree where
    // neither is '*'. Parameters `other` adds are ignored.
    constexpr bool match(const MediaType& other) const {
        bool params_ok = true;
        for_each_param(params, [&](Param p) {
            if (drf::detail::iequals(p.key, "q")) return true;
            const auto theirs = find_param(other.params, p.key);
            params_ok = theirs && *theirs == find_param(params, p.key);
            return params_ok;
        });
        if (!params_ok) return false;
        if (sub_type != "*" && other.sub_type != "*" && !drf::detail::iequals(other.sub_type, sub_type)) return false;
        if (main_type != "*" && other.main_type != "*" && !drf::detail::iequals(other.main_type, main_type)) return false;
        return true;
    }
};

// DRF's media_type_matches(lhs, rhs).
constexpr bool media_type_matches(std::string_view lhs, std::string_view rhs) {
    return MediaType::parse(lhs).match(MediaType::parse(rhs));
}

// Calls f(token) for each comma-separated token of an Accept header, stripped (DRF's get_accept_list;
// a comma inside a quoted parameter splits it too, as DRF's header.split(',') does).
template <class F>
constexpr void for_each_accept(std::string_view header, F&& f) {
    while (true) {
        const std::size_t comma = header.find(',');
        if (!f(strip(header.substr(0, comma)))) return;
        if (comma == std::string_view::npos) return;
        header.remove_prefix(comma + 1);
    }
}

// Appends ";key=value" for each parameter, as DRF joins a wildcard's parameters onto the renderer's
// type ("*/*;q=0.8" accepted by JSON is "application/json;q=0.8"); keys lowercased as Django reads them.
inline void append_params(std::string& out, std::string_view params) {
    for_each_param(params, [&](Param p) {
        out += ';';
        for (const char c : p.key) out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
        out += '=';
        out += p.value;
        return true;
    });
}

}  // namespace drf::http::detail
