// tests/openapi/security_test.cpp — what authenticators and permissions say about themselves for the
// OpenAPI document: the security scheme an authenticator is documented with (drf-spectacular's), and
// whether an anonymous request can pass a permission expression, or any request be refused.
#include <drf/auth/authentication.hpp>
#include <drf/auth/base.hpp>
#include <drf/core/json.hpp>
#include <drf/db/databases.hpp>
#include <drf/http/method.hpp>
#include <drf/http/request.hpp>
#include <drf/permissions.hpp>

#include <catch2/catch.hpp>

#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

namespace openapi_security_test {

namespace auth = drf::auth;
namespace perm = drf::permissions;
using drf::Json;
using drf::http::Method;
using drf::http::Request;
using perm::Anonymous;
using namespace drf::permissions::operators;  // `|` and `~` between this file's own permission types

// Describing needs no database: the connection is never opened.
drf::db::Databases unused_databases{[]() -> drf::db::Database { throw std::logic_error("not opened by these tests"); }};

// ---- authentication ----------------------------------------------------------------------------

TEST_CASE("TokenAuthentication is documented as drf-spectacular's tokenAuth API key naming its keyword", "[openapi]") {
    const auth::TokenAuthentication token(unused_databases);
    const auto scheme = token.openapi_security_scheme();
    REQUIRE(scheme);
    CHECK(scheme->first == "tokenAuth");
    CHECK(scheme->second == Json::parse(R"({"type": "apiKey", "in": "header", "name": "Authorization",
        "description": "Token-based authentication with required prefix \"Token\""})"));

    const auth::TokenAuthentication api_key(unused_databases, "Api-Key");
    CHECK(api_key.openapi_security_scheme()->second["description"] ==
          "Token-based authentication with required prefix \"Api-Key\"");
}

TEST_CASE("TokenAuthentication with the keyword Bearer is documented as HTTP bearer authentication", "[openapi]") {
    const auth::TokenAuthentication bearer(unused_databases, "Bearer");
    const auto scheme = bearer.openapi_security_scheme();
    REQUIRE(scheme);
    CHECK(scheme->first == "tokenAuth");
    CHECK(scheme->second == Json::parse(R"({"type": "http", "scheme": "bearer"})"));
}

// An authenticator of one's own, without a documented scheme.
class HeaderSecret : public auth::BaseAuthentication {
public:
    std::optional<auth::User> authenticate(const Request&) const override { return std::nullopt; }
    std::string_view name() const override { return "HeaderSecret"; }
};
// The same, documented.
class DocumentedHeaderSecret : public HeaderSecret {
public:
    std::optional<std::pair<std::string, Json>> openapi_security_scheme() const override {
        return std::pair{std::string("secretAuth"), Json::parse(R"({"type": "apiKey", "in": "header", "name": "X-Secret"})")};
    }
};

TEST_CASE("An authenticator documents no security scheme unless it overrides openapi_security_scheme", "[openapi]") {
    const auth::Authenticators authenticators{std::make_shared<HeaderSecret>(), std::make_shared<DocumentedHeaderSecret>()};
    CHECK_FALSE(authenticators[0]->openapi_security_scheme());
    const auto scheme = authenticators[1]->openapi_security_scheme();
    REQUIRE(scheme);
    CHECK(scheme->first == "secretAuth");
    CHECK(scheme->second == Json::parse(R"({"type": "apiKey", "in": "header", "name": "X-Secret"})"));
}

// ---- permissions -------------------------------------------------------------------------------

// A permission that says nothing about anonymous requests.
struct StaffOnly {
    bool has_permission(const Request& request) const { return request.user().is_staff; }
};
// An object-level permission: unknown at request level.
struct OwnerOnly {
    template <class Obj>
    bool has_object_permission(const Request&, const Obj&) const { return true; }
};
// A permission that answers for anonymous requests: they may read.
struct PublicRead {
    bool has_permission(const Request& request) const {
        return drf::http::is_safe(request.method()) || request.user().is_authenticated();
    }
    static constexpr bool allows_anonymous(Method method) { return drf::http::is_safe(method); }
};

TEST_CASE("The built-in permissions say whether an anonymous request passes them", "[openapi]") {
    STATIC_REQUIRE(perm::anonymous_access(perm::AllowAny{}, Method::post) == Anonymous::allowed);
    STATIC_REQUIRE(perm::anonymous_access(perm::IsAuthenticated{}, Method::get) == Anonymous::denied);
    STATIC_REQUIRE(perm::anonymous_access(perm::IsAdminUser{}, Method::get) == Anonymous::denied);
    STATIC_REQUIRE(perm::anonymous_access(perm::BasePermission{}, Method::remove) == Anonymous::allowed);
}

TEST_CASE("IsAuthenticatedOrReadOnly lets anonymous requests through for GET, HEAD and OPTIONS only", "[openapi]") {
    constexpr perm::IsAuthenticatedOrReadOnly p{};
    STATIC_REQUIRE(perm::anonymous_access(p, Method::get) == Anonymous::allowed);
    STATIC_REQUIRE(perm::anonymous_access(p, Method::head) == Anonymous::allowed);
    STATIC_REQUIRE(perm::anonymous_access(p, Method::options) == Anonymous::allowed);
    STATIC_REQUIRE(perm::anonymous_access(p, Method::post) == Anonymous::denied);
    STATIC_REQUIRE(perm::anonymous_access(p, Method::put) == Anonymous::denied);
    STATIC_REQUIRE(perm::anonymous_access(p, Method::patch) == Anonymous::denied);
    STATIC_REQUIRE(perm::anonymous_access(p, Method::remove) == Anonymous::denied);
}

TEST_CASE("A custom permission's anonymous access is unknown unless it declares allows_anonymous", "[openapi]") {
    STATIC_REQUIRE(perm::anonymous_access(StaffOnly{}, Method::get) == Anonymous::unknown);
    STATIC_REQUIRE(perm::anonymous_access(OwnerOnly{}, Method::get) == Anonymous::unknown);
    STATIC_REQUIRE(perm::anonymous_access(PublicRead{}, Method::get) == Anonymous::allowed);
    STATIC_REQUIRE(perm::anonymous_access(PublicRead{}, Method::post) == Anonymous::denied);
}

TEST_CASE("& is denied for anonymous requests when either side is, allowed when both are", "[openapi]") {
    STATIC_REQUIRE(perm::anonymous_access(perm::IsAuthenticated{} & OwnerOnly{}, Method::get) == Anonymous::denied);
    STATIC_REQUIRE(perm::anonymous_access(OwnerOnly{} & perm::IsAdminUser{}, Method::get) == Anonymous::denied);
    STATIC_REQUIRE(perm::anonymous_access(perm::AllowAny{} & PublicRead{}, Method::get) == Anonymous::allowed);
    STATIC_REQUIRE(perm::anonymous_access(perm::AllowAny{} & OwnerOnly{}, Method::get) == Anonymous::unknown);
}

TEST_CASE("| is allowed for anonymous requests when either side is, denied when both are", "[openapi]") {
    STATIC_REQUIRE(perm::anonymous_access(StaffOnly{} | perm::IsAuthenticatedOrReadOnly{}, Method::get) == Anonymous::allowed);
    STATIC_REQUIRE(perm::anonymous_access(StaffOnly{} | perm::IsAuthenticatedOrReadOnly{}, Method::post) == Anonymous::unknown);
    STATIC_REQUIRE(perm::anonymous_access(perm::IsAdminUser{} | perm::IsAuthenticated{}, Method::get) == Anonymous::denied);
}

TEST_CASE("~ turns anonymous access around and leaves unknown unknown", "[openapi]") {
    STATIC_REQUIRE(perm::anonymous_access(~perm::IsAuthenticated{}, Method::post) == Anonymous::allowed);
    STATIC_REQUIRE(perm::anonymous_access(~perm::AllowAny{}, Method::get) == Anonymous::denied);
    STATIC_REQUIRE(perm::anonymous_access(~StaffOnly{}, Method::get) == Anonymous::unknown);
    STATIC_REQUIRE(perm::anonymous_access(~~perm::IsAuthenticatedOrReadOnly{}, Method::get) == Anonymous::allowed);
}

struct View {
    static constexpr auto permission_classes = perm::IsAuthenticated{} | PublicRead{};
};

TEST_CASE("A permission expression kept in a static constexpr member is introspected through the member", "[openapi]") {
    STATIC_REQUIRE(perm::anonymous_access(View::permission_classes, Method::get) == Anonymous::allowed);
    STATIC_REQUIRE(perm::anonymous_access(View::permission_classes, Method::remove) == Anonymous::denied);
    STATIC_REQUIRE(perm::may_deny(View::permission_classes));
}

TEST_CASE("Only AllowAny, and expressions that cannot refuse, may not deny a request", "[openapi]") {
    STATIC_REQUIRE_FALSE(perm::may_deny(perm::AllowAny{}));
    STATIC_REQUIRE_FALSE(perm::may_deny(perm::BasePermission{}));
    STATIC_REQUIRE_FALSE(perm::may_deny(perm::AllowAny{} | StaffOnly{}));
    STATIC_REQUIRE_FALSE(perm::may_deny(perm::AllowAny{} & perm::AllowAny{}));
    STATIC_REQUIRE_FALSE(perm::may_deny(~~perm::AllowAny{}));
    STATIC_REQUIRE_FALSE(perm::may_deny(~(perm::IsAuthenticated{} & ~perm::AllowAny{})));

    STATIC_REQUIRE(perm::may_deny(perm::IsAuthenticated{}));
    STATIC_REQUIRE(perm::may_deny(perm::IsAdminUser{}));
    STATIC_REQUIRE(perm::may_deny(perm::IsAuthenticatedOrReadOnly{}));
    STATIC_REQUIRE(perm::may_deny(perm::AllowAny{} & StaffOnly{}));
    STATIC_REQUIRE(perm::may_deny(~perm::AllowAny{}));
    STATIC_REQUIRE(perm::may_deny(~perm::IsAuthenticated{}));
}

TEST_CASE("A custom permission may deny, whatever it declares about anonymous requests", "[openapi]") {
    STATIC_REQUIRE(perm::may_deny(StaffOnly{}));
    STATIC_REQUIRE(perm::may_deny(OwnerOnly{}));
    STATIC_REQUIRE(perm::may_deny(PublicRead{}));
    STATIC_REQUIRE(perm::may_deny(StaffOnly{} | OwnerOnly{}));
}

}  // namespace openapi_security_test
