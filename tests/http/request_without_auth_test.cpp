// tests/http/request_without_auth_test.cpp — the wire layer stands alone: this file includes
// <drf/http.hpp> and nothing of drf::auth, and still builds and serves requests.
#include <drf/http.hpp>

#include <catch2/catch.hpp>

#include <string>

// Were drf/auth/user.hpp reachable from <drf/http.hpp>, this variable would clash with the class
// drf::auth::User and the file would not compile.
namespace drf::auth {
[[maybe_unused]] inline int User = 0;
}

namespace {

// A user model of the test's own, named through a tag so that it cannot collide with the project's
// user_model<> (drf::auth::User) in the other files of this program.
struct ServiceAccount {
    std::string name;
    bool is_authenticated() const { return !name.empty(); }
};
struct ServiceAccounts {};

}  // namespace

template <>
struct drf::http::user_model<ServiceAccounts> {
    using type = ServiceAccount;
    static const ServiceAccount& anonymous() {
        static const ServiceAccount nobody;
        return nobody;
    }
};

using drf::http::Method;
using drf::http::Request;

TEST_CASE("<drf/http.hpp> alone builds a Request and knows no user model", "[http]") {
    STATIC_REQUIRE_FALSE(drf::http::has_user_model<>);
    drf::http::Headers headers;
    headers.add("Content-Type", "application/json");
    const Request request(Method::post, "/api/projects/?page_size=2", headers, R"({"name": "x"})");
    CHECK(request.path() == "/api/projects/");
    CHECK(request.query_param("page_size") == "2");
    CHECK(request.data()["name"] == "x");
    CHECK(request.authenticator().empty());
    CHECK_FALSE(request.forced_authentication());
}

TEST_CASE("A Request carries a user model of the project's choosing, anonymous until one is set", "[http]") {
    STATIC_REQUIRE(drf::http::has_user_model<ServiceAccounts>);
    Request request(Method::get, "/");
    CHECK_FALSE(request.user<ServiceAccounts>().is_authenticated());

    request.set_user<ServiceAccounts>(ServiceAccount{"backup-job"}, "ApiKeyAuthentication");
    CHECK(request.user<ServiceAccounts>().name == "backup-job");
    CHECK(request.authenticator() == "ApiKeyAuthentication");
    CHECK_FALSE(request.forced_authentication());

    SECTION("set_anonymous forgets the user and the authenticator") {
        request.set_anonymous();
        CHECK(request.user<ServiceAccounts>().name.empty());
        CHECK(request.authenticator().empty());
    }
    SECTION("a copy of the request has the same user") {
        const Request copy = request;
        CHECK(copy.user<ServiceAccounts>().name == "backup-job");
    }
}

TEST_CASE("force_authenticate marks the request as forced and records DRF's ForcedAuthentication", "[http]") {
    Request request(Method::get, "/");
    request.force_authenticate<ServiceAccounts>(ServiceAccount{"alice"});
    CHECK(request.forced_authentication());
    CHECK(request.authenticator() == "ForcedAuthentication");
    CHECK(request.user<ServiceAccounts>().name == "alice");

    SECTION("setting a user afterwards is an ordinary authentication again") {
        request.set_user<ServiceAccounts>(ServiceAccount{"bob"}, "TokenAuthentication");
        CHECK_FALSE(request.forced_authentication());
    }
}
