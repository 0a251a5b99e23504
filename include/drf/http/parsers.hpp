// drf/http/parsers.hpp — parsers (rest_framework.parsers): what turns a request body into request.data,
// chosen by its Content-Type. JSONParser, the Parser concept a type of one's own satisfies, and
// parsers(...) — the list a view declares:
//     static constexpr auto parser_classes = drf::http::parsers(drf::http::JSONParser{}, PlainTextParser{});
#pragma once

#include <drf/core/json.hpp>
#include <drf/core/json_parse.hpp>
#include <drf/http/detail/media_types.hpp>
#include <drf/http/exceptions.hpp>

#include <concepts>
#include <string>
#include <string_view>
#include <tuple>

namespace drf::http {

// A parser: the media type it takes ("text/plain") and parse(body, content type) returning the data,
// or throwing ParseError (400) for a body it cannot read.
template <class P>
concept Parser = std::copy_constructible<P> && requires(const P& p, std::string_view body, std::string_view content_type) {
    { p.media_type } -> std::convertible_to<std::string_view>;
    { p.parse(body, content_type) } -> std::convertible_to<Json>;
};

// DRF's JSONParser: drf::parse_json (linear in the body, bounded by drf::JsonLimits), a body that is not
// JSON being ParseError with DRF's "JSON parse error - ..." text.
struct JSONParser {
    static constexpr std::string_view media_type = "application/json";

    Json parse(std::string_view body, std::string_view /*content_type*/) const {
        try {
            return parse_json(body);
        } catch (const JsonParseError& e) {
            throw ParseError(std::string("JSON parse error - ") + e.what());
        }
    }
};

namespace detail {

template <class P>
constexpr bool check_parser() {
    static_assert(requires(const P& p) { { p.media_type } -> std::convertible_to<std::string_view>; },
                  "drf::http::parsers: a parser needs the media type it takes: static constexpr "
                  "std::string_view media_type = \"text/plain\";");
    static_assert(requires(const P& p, std::string_view body, std::string_view content_type) {
        { p.parse(body, content_type) } -> std::convertible_to<Json>;
    }, "drf::http::parsers: a parser needs drf::Json parse(std::string_view body, std::string_view "
       "content_type) const");
    return Parser<P>;
}

}  // namespace detail

// The parsers a view (or an extra action) takes bodies with, tried in order. None at all: every body
// is 415, as DRF's parser_classes = [].
template <class... P>
constexpr std::tuple<P...> parsers(P... p) {
    static_assert((detail::check_parser<P>() && ...));
    return {p...};
}

// What a view without parser_classes takes: JSON only.
inline constexpr std::tuple<JSONParser> default_parsers{};

// DRF's DefaultContentNegotiation.select_parser + Request._parse: the first parser whose media type
// matches the Content-Type parses the body; none is 415 naming the Content-Type ("" when there is none).
template <class... P>
Json parse_with(const std::tuple<P...>& list, std::string_view body, std::string_view content_type) {
    const detail::MediaType requested = detail::MediaType::parse(content_type);
    Json out;
    bool parsed = false;
    std::apply(
        [&](const auto&... parser) {
            [[maybe_unused]] auto try_one = [&](const auto& p) {
                if (parsed || !detail::MediaType::parse(p.media_type).match(requested)) return;
                out = p.parse(body, content_type);
                parsed = true;
            };
            (try_one(parser), ...);
        },
        list);
    if (!parsed) throw UnsupportedMediaType(content_type);
    return out;
}

// A view's parsers by reference, without their types: what the request parses its body with. The
// list must outlive it (a view's parser_classes are static).
class ParserList {
public:
    template <class... P>
    constexpr explicit ParserList(const std::tuple<P...>& list)
        : list_(&list), parse_([](const void* l, std::string_view body, std::string_view content_type) {
              return parse_with(*static_cast<const std::tuple<P...>*>(l), body, content_type);
          }) {}
    constexpr ParserList() : ParserList(default_parsers) {}

    Json parse(std::string_view body, std::string_view content_type) const { return parse_(list_, body, content_type); }

private:
    const void* list_;
    Json (*parse_)(const void*, std::string_view, std::string_view);
};

}  // namespace drf::http
