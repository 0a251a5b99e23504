// drf/views/negotiation.hpp — a view's side of content negotiation (DRF's APIView.initialize_request,
// perform_content_negotiation and finalize_response): which renderers and parsers a route declares, the
// renderer chosen for a request, and the response rendered with it.
#pragma once

#include <drf/http/negotiation.hpp>
#include <drf/http/parsers.hpp>
#include <drf/http/renderers.hpp>
#include <drf/http/request.hpp>
#include <drf/http/response.hpp>
#include <drf/views/route.hpp>
#include <drf/viewsets/actions.hpp>

#include <exception>
#include <optional>
#include <string_view>
#include <tuple>
#include <type_traits>

namespace drf::views {

// What a request is answered with: the accepted renderer and media type, or — when the negotiation
// failed — the error (406, or 404 for an unknown ?format=) with the view's first renderer, which then
// renders it, as DRF's finalize_response(force=True) does.
struct Negotiation {
    http::AnyRenderer renderer;
    http::AcceptedMediaType accepted;
    std::exception_ptr error;

    // Whether rendering leaves a JSON response as it is: compact JSON is what Response::content() writes.
    bool renders_compact_json() const {
        return renderer.is_json_renderer() && !http::JSONRenderer::indent_value(accepted.param("indent"));
    }
};

namespace detail {

template <class V>
constexpr const auto& view_renderers() {
    if constexpr (requires { V::renderer_classes; })
        return V::renderer_classes;
    else
        return http::default_renderers;
}
template <class V>
constexpr const auto& view_parsers() {
    if constexpr (requires { V::parser_classes; })
        return V::parser_classes;
    else
        return http::default_parsers;
}

// Calls f(renderers, parsers) with the lists the route declares: an extra action's route takes its
// action's own (DRF's @action keyword arguments apply to the route's whole view), the first action on
// that url_path deciding; anything it does not declare is the view's.
template <class V, class F>
auto with_route_lists(const Match& match, F&& f) {
    using Result = decltype(f(view_renderers<V>(), view_parsers<V>()));
    if constexpr (requires { V::extra_actions; }) {
        if (match.kind == RouteKind::list_action || match.kind == RouteKind::detail_action) {
            const bool detail = match.kind == RouteKind::detail_action;
            std::optional<Result> result;
            std::apply(
                [&](const auto&... a) {
                    [[maybe_unused]] auto try_one = [&](const auto& act) {
                        if (result || act.url_path != match.url_path || (act.scope == viewsets::Scope::detail) != detail)
                            return;
                        const auto& renderers = [&]() -> const auto& {
                            if constexpr (requires { act.renderers; }) return act.renderers;
                            else return view_renderers<V>();
                        }();
                        const auto& parsers = [&]() -> const auto& {
                            if constexpr (requires { act.parsers; }) return act.parsers;
                            else return view_parsers<V>();
                        }();
                        result.emplace(f(renderers, parsers));
                    };
                    (try_one(a), ...);
                },
                V::extra_actions);
            if (result) return std::move(*result);
        }
    }
    return f(view_renderers<V>(), view_parsers<V>());
}

}  // namespace detail

// DRF's initialize_request and perform_content_negotiation for V's route: the request gets the route's
// parsers, and the renderer is chosen. Never throws: a failure is kept in the Negotiation, to be raised
// once the cycle is ready to answer it.
template <class V>
Negotiation negotiate(http::Request& request, const Match& match) {
    return detail::with_route_lists<V>(match, [&](const auto& renderers, const auto& parsers) {
        request.set_parsers(http::ParserList(parsers));
        Negotiation out;
        try {
            auto chosen = http::select_renderer(request, renderers);
            out.renderer = chosen.renderer;
            out.accepted = chosen.accepted;
        } catch (...) {
            const auto& first = std::get<0>(renderers);
            out.renderer = http::AnyRenderer(first);
            out.accepted = {first.media_type, {}};
            out.error = std::current_exception();
        }
        return out;
    });
}

// DRF's OPTIONS "renders" and "parses": the media types of the route's renderers and parsers.
template <class V>
http::Response metadata(const Match& match) {
    return detail::with_route_lists<V>(match, [](const auto& renderers, const auto& parsers) {
        Json renders = Json::array(), parses = Json::array();
        std::apply([&](const auto&... r) { (renders.push_back(std::string_view(r.media_type)), ...); }, renderers);
        std::apply([&](const auto&... p) { (parses.push_back(std::string_view(p.media_type)), ...); }, parsers);
        return http::Response(Json{{"renders", std::move(renders)}, {"parses", std::move(parses)}});
    });
}

// DRF's Response.rendered_content: a response's JSON data written by the accepted renderer, with the
// Content-Type DRF sets. Compact JSON is left as data (Response::content() writes exactly those bytes, no
// copy here); a response without a body, or with bytes the view chose (Response::from_text), stays.
inline void render(http::Response& response, const Negotiation& negotiation) {
    if (!response.is_json() || negotiation.renders_compact_json()) return;
    const std::string accepted = negotiation.accepted.str();
    std::string text = negotiation.renderer.render(*response.data(), accepted);
    response.set_rendered(std::move(text), negotiation.renderer.content_type(), negotiation.renderer.is_json_renderer());
}

}  // namespace drf::views
