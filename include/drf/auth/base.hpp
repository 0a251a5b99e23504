// drf/auth/base.hpp — BaseAuthentication (rest_framework.authentication.BaseAuthentication), the list of
// authenticators a request goes through, and DRF's rule for the 401 challenge. Needs only the User and
// the Request, so the router can use it without the database.
#pragma once

#include <drf/auth/user.hpp>
#include <drf/core/json.hpp>
#include <drf/http/exceptions.hpp>
#include <drf/http/request.hpp>

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace drf::auth {


// DRF's BaseAuthentication. authenticate() returns the user when the request carries this scheme's
// credentials and they are good; std::nullopt when the scheme does not apply (no credentials of this
// kind: the next authenticator is tried); and throws http::AuthenticationFailed when the scheme applies
// but the credentials are bad (the request is refused with 401, no other authenticator is tried).
// Implementations are shared by every worker thread, so authenticate() must be safe to call concurrently.
class BaseAuthentication {
public:
    virtual ~BaseAuthentication() = default;
    virtual std::optional<User> authenticate(const http::Request& request) const = 0;
    // The WWW-Authenticate challenge sent with a 401. Empty means the scheme has none, and DRF then
    // answers 403 instead of 401.
    virtual std::string authenticate_header(const http::Request&) const { return {}; }
    // Recorded on the request as the authenticator that accepted it (Request::authenticator()).
    virtual std::string_view name() const = 0;
    // The OpenAPI security scheme this authenticator is documented with: its name in
    // components/securitySchemes and the scheme object (what drf-spectacular's
    // OpenApiAuthenticationExtension gives for a DRF class). nullopt: undocumented, as drf-spectacular
    // leaves out (with a warning) an authenticator it has no extension for.
    virtual std::optional<std::pair<std::string, Json>> openapi_security_scheme() const { return std::nullopt; }
};

// A view's authentication_classes: tried in order, shared by every request and thread.
using Authenticators = std::vector<std::shared_ptr<const BaseAuthentication>>;

// DRF's Request._authenticate: tries each authenticator in order; the first to return a user sets it
// on the request with its name. None applying leaves the anonymous user. An exception (an
// AuthenticationFailed) stops the search, leaves the anonymous user and propagates; answer it with
// http::handle_exception(error, www_authenticate(request, authenticators)).
inline void perform_authentication(http::Request& request, const Authenticators& authenticators) {
    request.set_has_authenticators(!authenticators.empty());
    const auto not_authenticated = [&] {
        // Only a request that already carried a user needs resetting; a fresh one is anonymous.
        if (request.user().is_authenticated() || !request.authenticator().empty()) request.set_anonymous();
    };
    for (const auto& authenticator : authenticators) {
        std::optional<User> user;
        try {
            user = authenticator->authenticate(request);
        } catch (...) {
            not_authenticated();
            throw;
        }
        if (user) {
            request.set_user(std::move(*user), std::string(authenticator->name()));
            return;
        }
    }
    not_authenticated();
}

// The WWW-Authenticate value for a 401: the first authenticator's challenge, as DRF's
// APIView.get_authenticate_header uses; "" (so DRF's 403) when there are none or it has none.
inline std::string www_authenticate(const http::Request& request, const Authenticators& authenticators) {
    if (authenticators.empty()) return {};
    return authenticators.front()->authenticate_header(request);
}

}  // namespace drf::auth
