// drf/openapi/detail/views_negotiation.hpp — DRF's DefaultContentNegotiation.select_renderer for the
// schema and documentation views: which of a view's media types an Accept header asks for.
// DRF ignores q-values and prefers the more specific media types (type/subtype;param over type/subtype
// over type/* over */*), then the view's renderers in their order; the schema views answer as it does.
#pragma once

#include <drf/core/detail/strings.hpp>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace drf::openapi::detail {

// One media type of an Accept header or a renderer, as DRF's _MediaType parses it (Django's
// parse_header_parameters): the type lowercased, parameter names lowercased, quoted values unquoted.
struct MediaType {
    std::string main_type;
    std::string sub_type;
    std::vector<std::pair<std::string, std::string>> params;

    std::optional<std::string_view> param(std::string_view name) const {
        for (const auto& [key, value] : params)
            if (key == name) return std::string_view(value);
        return std::nullopt;
    }
    // 3: type/subtype;param=value, 2: type/subtype (a q alone does not count), 1: type/*, 0: */*.
    int precedence() const {
        if (main_type == "*") return 0;
        if (sub_type == "*") return 1;
        for (const auto& [key, value] : params)
            if (key != "q") return 3;
        return 2;
    }
};

// HTTP's optional whitespace (RFC 9110's OWS) around a header's parts.
constexpr bool is_ows(char c) noexcept { return c == ' ' || c == '\t'; }
constexpr std::string_view trimmed(std::string_view s) noexcept { return drf::detail::trim(s, is_ows); }

// Splits at ';' outside double quotes, as Django's _parseparam does.
inline std::vector<std::string_view> split_parameters(std::string_view text) {
    std::vector<std::string_view> parts;
    std::size_t start = 0;
    bool quoted = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '"' && (i == 0 || text[i - 1] != '\\')) quoted = !quoted;
        if (text[i] == ';' && !quoted) {
            parts.push_back(text.substr(start, i - start));
            start = i + 1;
        }
    }
    parts.push_back(text.substr(start));
    return parts;
}

inline MediaType parse_media_type(std::string_view text) {
    const auto parts = split_parameters(text);
    MediaType out;
    const std::string full = drf::detail::ascii_lowered(trimmed(parts.front()));
    const auto slash = full.find('/');
    out.main_type = full.substr(0, slash);
    if (slash != std::string::npos) out.sub_type = full.substr(slash + 1);
    for (std::size_t i = 1; i < parts.size(); ++i) {
        const auto eq = parts[i].find('=');
        if (eq == std::string_view::npos) continue;  // Django keeps only name=value parameters
        const std::string name = drf::detail::ascii_lowered(trimmed(parts[i].substr(0, eq)));
        std::string_view value = trimmed(parts[i].substr(eq + 1));
        std::string unquoted;
        if (value.size() >= 2 && value.front() == '"' && value.back() == '"') {
            value = value.substr(1, value.size() - 2);
            for (std::size_t k = 0; k < value.size(); ++k) {
                if (value[k] == '\\' && k + 1 < value.size() && (value[k + 1] == '\\' || value[k + 1] == '"')) ++k;
                unquoted += value[k];
            }
        } else {
            unquoted = std::string(value);
        }
        out.params.emplace_back(name, std::move(unquoted));
    }
    return out;
}

// DRF's _MediaType.match: whether the renderer's type satisfies what the client asked for.
inline bool media_type_matches(const MediaType& renderer, const MediaType& client) {
    for (const auto& [key, value] : renderer.params)
        if (key != "q" && client.param(key) != std::optional<std::string_view>(value)) return false;
    if (renderer.sub_type != "*" && client.sub_type != "*" && client.sub_type != renderer.sub_type) return false;
    if (renderer.main_type != "*" && client.main_type != "*" && client.main_type != renderer.main_type) return false;
    return true;
}

// What the negotiation chose: the renderer's index, and the client's media type it matched (whose
// parameters, such as indent=2, the renderer then honours).
struct Selection {
    std::size_t renderer;
    MediaType accepted;
};

// DefaultContentNegotiation.select_renderer over `renderers` (media types, in the view's order) for an
// Accept header (absent: */*); nullopt is DRF's NotAcceptable (406).
inline std::optional<Selection> select_renderer(const std::vector<std::string_view>& renderers,
                                                std::optional<std::string_view> accept) {
    const std::string_view header = accept ? *accept : std::string_view("*/*");
    std::vector<MediaType> by_precedence[4];
    std::size_t start = 0;
    while (start <= header.size()) {
        const auto comma = header.find(',', start);
        const std::string_view token =
            trimmed(header.substr(start, comma == std::string_view::npos ? std::string_view::npos : comma - start));
        MediaType type = parse_media_type(token);
        by_precedence[3 - type.precedence()].push_back(std::move(type));
        if (comma == std::string_view::npos) break;
        start = comma + 1;
    }
    for (const auto& group : by_precedence)
        for (std::size_t i = 0; i < renderers.size(); ++i) {
            const MediaType renderer = parse_media_type(renderers[i]);
            for (const auto& client : group)
                if (media_type_matches(renderer, client)) return Selection{i, client};
        }
    return std::nullopt;
}

}  // namespace drf::openapi::detail
