// drf/views/dispatch.hpp — the request cycle of DRF's APIView.dispatch: content negotiation, authenticate
// (or take the user force_authenticate chose), check permissions, run the handler or answer 405 with
// Allow, render the response with the accepted renderer, HEAD as GET without a body, OPTIONS, and turn
// any exception into DRF's response (handle_exception), rendered by the same renderer.
#pragma once

#include <drf/auth/base.hpp>
#include <drf/http/conditional.hpp>
#include <drf/http/exceptions.hpp>
#include <drf/http/handler.hpp>
#include <drf/http/method.hpp>
#include <drf/http/request.hpp>
#include <drf/http/response.hpp>
#include <drf/views/context.hpp>
#include <drf/views/negotiation.hpp>
#include <drf/views/view.hpp>
#include <drf/viewsets/actions.hpp>

#include <exception>
#include <string>

namespace drf::views {

// The Allow header DRF sends: the mapped methods in Django's order, HEAD with GET, and OPTIONS.
inline std::string allow_header(const viewsets::MethodSet& methods) {
    std::string out;
    for (Method m : http::all_methods) {
        const bool allowed = m == Method::options || methods.contains(m) ||
                             (m == Method::head && methods.contains(Method::get));
        if (!allowed) continue;
        if (!out.empty()) out += ", ";
        out += http::to_string(m);
    }
    return out;
}

// DRF's perform_authentication. A request force_authenticate marked keeps its user and runs no
// authenticator; it counts as authenticated by one (DRF's ForcedAuthentication), so a permission that
// refuses it answers 403, not 401.
inline void perform_authentication(http::Request& request, const auth::Authenticators& authenticators) {
    if (request.forced_authentication())
        request.set_has_authenticators(true);
    else
        auth::perform_authentication(request, authenticators);
}

// DRF's APIView.handle_exception: the response `error` becomes, with the first authenticator's
// challenge on a 401 (or a 403 when there is none). Never throws.
inline http::Response handle_exception(std::exception_ptr error, const http::Request& request,
                                       const auth::Authenticators& authenticators) noexcept {
    std::string challenge;
    try {
        challenge = auth::www_authenticate(request, authenticators);
    } catch (...) {
        challenge.clear();
    }
    return http::handle_exception(std::move(error), challenge);
}

namespace detail {
inline http::Response strip_body(const http::Response& r) {
    http::Response out = http::Response::no_content(r.status_code());
    for (const auto& [n, v] : r.headers()) out.header(n, v);
    return out;
}
}  // namespace detail

// APIView.dispatch for one matched route whose actions answer `methods`. DRF negotiates the renderer
// first (406, or 404 for an unknown ?format=, before any credentials are read), then authenticates and
// checks permissions before it looks for the method's handler, so an anonymous PUT to an
// authenticated-only route is 401, not 405. The response is rendered by the accepted renderer; a
// GET or HEAD answered 200 by a viewset with ETags is then a conditional request.
// An error is answered by handle_exception() rendered with the accepted renderer (the view's first one
// when the negotiation failed) — except where that renderer writes compact JSON: then dispatch throws
// what the view threw, and the caller's handle_exception() (the router's) answers the same bytes.
inline http::Response dispatch(const View& view, http::Request& request, const Match& match,
                               const viewsets::MethodSet& methods, const Context& context) {
    if (methods.empty()) throw http::NotFound();
    const Negotiation negotiation = view.negotiate ? view.negotiate(request, match) : Negotiation{};
    const Method method = request.method();
    try {
        if (negotiation.error) std::rethrow_exception(negotiation.error);
        views::perform_authentication(request, context.authenticators);
        const bool head = method == Method::head && !methods.contains(Method::head) && methods.contains(Method::get);
        const bool options = method == Method::options && !methods.contains(Method::options);
        if (!methods.contains(method) && !head && !options) {
            view.initial(request, context);
            http::MethodNotAllowed error(http::to_string(method));
            error.add_header("Allow", allow_header(methods));
            throw error;
        }
        http::Response response = view.invoke(request, match, head ? Method::get : method, context);
        if (options) response.header("Allow", allow_header(methods));
        if (negotiation.renderer) render(response, negotiation);
        if (view.etags && (method == Method::get || method == Method::head) &&
            response.status_code() == http::status::HTTP_200_OK)
            http::conditional_get(request, response);  // after rendering: the ETag covers the bytes sent
        if (method == Method::head) response = detail::strip_body(response);
        return response;
    } catch (...) {
        if (!negotiation.renderer || negotiation.renders_compact_json()) throw;
        http::Response response = handle_exception(std::current_exception(), request, context.authenticators);
        render(response, negotiation);
        return response;
    }
}

}  // namespace drf::views
