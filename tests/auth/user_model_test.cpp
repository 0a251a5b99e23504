// tests/auth/user_model_test.cpp — drf::auth::User as the request's user model (Django's default
// AUTH_USER_MODEL), and where authentication stops: the view, not auth, honours a forced user.
#include <drf/auth/base.hpp>
#include <drf/auth/user.hpp>
#include <drf/http/request.hpp>

#include <catch2/catch.hpp>

#include <memory>
#include <optional>
#include <string>
#include <type_traits>

namespace user_model_test {

using drf::http::Method;
using drf::http::Request;

// Accepts every request as "token-user".
struct AcceptAll : drf::auth::BaseAuthentication {
    std::optional<drf::auth::User> authenticate(const Request&) const override {
        drf::auth::User user;
        user.username = "token-user";
        return user;
    }
    std::string_view name() const override { return "AcceptAll"; }
};

TEST_CASE("With <drf/auth/user.hpp>, request.user() is a drf::auth::User, anonymous until authentication", "[auth]") {
    STATIC_REQUIRE(std::is_same_v<drf::http::user_model_t<>, drf::auth::User>);
    STATIC_REQUIRE(std::is_same_v<decltype(std::declval<const Request&>().user()), const drf::auth::User&>);
    Request request(Method::get, "/");
    CHECK(&request.user() == &drf::auth::anonymous_user());
    CHECK(request.user().is_anonymous());

    drf::auth::User alice;
    alice.username = "alice";
    request.set_user(alice, "TokenAuthentication");
    CHECK(request.user().username == "alice");
    CHECK(request.user().id == alice.id);
    CHECK(request.user().is_authenticated());
}

TEST_CASE("auth::perform_authentication runs its authenticators even on a force-authenticated request", "[auth]") {
    // Skipping them is the view's decision (drf::views::perform_authentication), as DRF's
    // ForcedAuthentication replaces the view's authenticators, not the authentication code.
    Request request(Method::get, "/");
    drf::auth::User forced;
    forced.username = "forced";
    request.force_authenticate(forced);
    drf::auth::perform_authentication(request, {std::make_shared<AcceptAll>()});
    CHECK(request.user().username == "token-user");
    CHECK(request.authenticator() == "AcceptAll");
    CHECK_FALSE(request.forced_authentication());
}

TEST_CASE("A failed authentication leaves a previously forced request anonymous and no longer forced", "[auth]") {
    struct Refuse : drf::auth::BaseAuthentication {
        std::optional<drf::auth::User> authenticate(const Request&) const override {
            throw drf::http::AuthenticationFailed();
        }
        std::string_view name() const override { return "Refuse"; }
    };
    Request request(Method::get, "/");
    drf::auth::User forced;
    request.force_authenticate(forced);
    CHECK_THROWS_AS(drf::auth::perform_authentication(request, {std::make_shared<Refuse>()}),
                    drf::http::AuthenticationFailed);
    CHECK(request.user().is_anonymous());
    CHECK(request.authenticator().empty());
    CHECK_FALSE(request.forced_authentication());
}

}  // namespace user_model_test
