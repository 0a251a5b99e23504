// drf/http/negotiation.hpp — DRF's DefaultContentNegotiation: which of a view's renderers answers a
// request (?format=, then the Accept header by DRF's precedence), and which of its parsers reads the body.
// It follows DRF exactly, quality values included: DRF ranks Accept's media types by how specific they
// are, not by q, so "text/csv;q=0.1, application/json" picks whichever renderer the view lists first.
#pragma once

#include <drf/http/detail/media_types.hpp>
#include <drf/http/exceptions.hpp>
#include <drf/http/parsers.hpp>
#include <drf/http/renderers.hpp>
#include <drf/http/request.hpp>

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>

namespace drf::http {

// The media type a renderer was accepted for (DRF's request.accepted_media_type), without allocating:
// the client's Accept token as it came ("application/json; indent=4"), or — when the client named a
// wildcard — the renderer's own media type with the wildcard's parameters ("*/*;q=0.8" accepted by JSON is
// "application/json;q=0.8").
struct AcceptedMediaType {
    std::string_view base;    // the client's token, or the renderer's media type
    std::string_view params;  // a wildcard token's parameters, joined onto base; empty otherwise

    std::string str() const {
        std::string out(base);
        detail::append_params(out, params);
        return out;
    }
    // The value of parameter `key` ("indent"), or nullopt.
    std::optional<std::string_view> param(std::string_view key) const {
        if (const auto v = detail::find_param(params, key)) return v;
        return detail::find_param(detail::MediaType::parse(base).params, key);
    }
};

// select_renderer's answer: the renderer (by reference into the view's list) and what it was accepted for.
struct Negotiated {
    AnyRenderer renderer;
    AcceptedMediaType accepted;
};

// DRF's URL_FORMAT_OVERRIDE: the query parameter naming a renderer by its format.
inline constexpr std::string_view format_query_param = "format";

// DRF's DefaultContentNegotiation.select_renderer. ?format=json keeps the renderers of that format (none:
// NotFound, DRF's 404); then, for the Accept header's media types from the most specific to "*/*" (no
// header is "*/*"), the first renderer in the view's order that one of them matches. Nothing matches:
// NotAcceptable (406).
template <class... R>
Negotiated select_renderer(const Request& request, const std::tuple<R...>& renderers) {
    static_assert(sizeof...(R) > 0, "drf::http::select_renderer: a view needs at least one renderer");
    const std::optional<std::string_view> format = request.query_param(format_query_param);
    const bool by_format = format && !format->empty();
    if (by_format) {
        const bool any = std::apply([&](const auto&... r) { return ((std::string_view(r.format) == *format) || ...); }, renderers);
        if (!any) throw NotFound();
    }
    const std::string_view accept = request.header("Accept").value_or("*/*");
    // The header's tokens parsed once, on the stack; a header of more tokens than fit is parsed again
    // on each pass instead (the same answer, more slowly).
    struct Token {
        std::string_view text;
        detail::MediaType type;
        int precedence;
    };
    std::array<Token, 16> tokens;
    std::size_t count = 0;
    bool overflow = false;
    unsigned present = 0;  // which precedences the header holds, so the passes below skip the others
    detail::for_each_accept(accept, [&](std::string_view text) {
        const auto type = detail::MediaType::parse(text);
        const int precedence = type.precedence();
        present |= 1U << precedence;
        if (count < tokens.size()) tokens[count++] = Token{text, type, precedence};
        else overflow = true;
        return true;
    });
    auto for_each_token = [&](auto&& f) {
        if (!overflow) {
            for (std::size_t i = 0; i < count; ++i)
                if (!f(tokens[i])) return;
            return;
        }
        detail::for_each_accept(accept, [&](std::string_view text) {
            const auto type = detail::MediaType::parse(text);
            return f(Token{text, type, type.precedence()});
        });
    };
    std::optional<Negotiated> chosen;
    for (int precedence = 3; precedence >= 0 && !chosen; --precedence) {
        if (!(present & (1U << precedence))) continue;
        std::apply(
            [&](const auto&... r) {
                [[maybe_unused]] auto try_one = [&](const auto& renderer) {
                    if (chosen || (by_format && std::string_view(renderer.format) != *format)) return;
                    const auto own = detail::MediaType::parse(renderer.media_type);
                    for_each_token([&](const Token& wanted) {
                        if (wanted.precedence != precedence || !own.match(wanted.type)) return true;
                        // The most specific of the two is what was accepted.
                        if (own.precedence() > precedence)
                            chosen = Negotiated{AnyRenderer(renderer), {renderer.media_type, wanted.type.params}};
                        else
                            chosen = Negotiated{AnyRenderer(renderer), {wanted.text, {}}};
                        return false;
                    });
                };
                (try_one(r), ...);
            },
            renderers);
    }
    if (!chosen) throw NotAcceptable();
    return *chosen;
}

// DRF's DefaultContentNegotiation.select_parser: the first parser whose media type matches the request's
// Content-Type, as its index in `parsers`; nullopt when none does (the body is then 415).
template <class... P>
std::optional<std::size_t> select_parser(std::string_view content_type, const std::tuple<P...>& parsers) {
    const auto requested = detail::MediaType::parse(content_type);
    std::optional<std::size_t> found;
    std::size_t index = 0;
    std::apply(
        [&](const auto&... p) {
            [[maybe_unused]] auto try_one = [&](const auto& parser) {
                if (!found && detail::MediaType::parse(parser.media_type).match(requested)) found = index;
                ++index;
            };
            (try_one(p), ...);
        },
        parsers);
    return found;
}

}  // namespace drf::http
