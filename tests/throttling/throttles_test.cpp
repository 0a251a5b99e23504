// tests/throttling/throttles_test.cpp — DRF's throttles through a router and the test client: the
// cache keys, get_ident behind proxies, the 429 (DRF's text, Retry-After always), the order of
// authentication, permissions and throttles, the RateLimit fields, the lists a view, an action and the
// settings declare, and the errors check_rates raises when a view is registered.
#include <drf/auth/user.hpp>
#include <drf/core/clock.hpp>
#include <drf/routers.hpp>
#include <drf/test/client.hpp>
#include <drf/throttling.hpp>
#include <drf/viewsets.hpp>

#include <catch2/catch.hpp>

#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

namespace throttles_test {

using drf::Json;
using drf::http::Method;
using drf::http::Request;
using drf::http::Response;
namespace th = drf::throttling;
using th::AnonRateThrottle;
using th::ScopedRateThrottle;
using th::UserRateThrottle;

const drf::DateTime t0 = drf::from_unix_micros(1'800'000'000'000'000);

// A store that remembers the keys it was asked about.
struct RecordingStore : th::Store {
    th::LocalStore inner;
    std::vector<std::string> keys;
    th::Decision hit(std::string_view key, const th::Rate& rate, drf::DateTime now) override {
        keys.emplace_back(key);
        return inner.hit(key, rate, now);
    }
};

struct ArchiveRateThrottle : UserRateThrottle {
    static constexpr std::string_view scope = "archive";
};

// A throttle with DRF's `rate` attribute: the settings need no rate for it.
struct BurstRateThrottle : UserRateThrottle {
    static constexpr std::string_view scope = "burst";
    static constexpr th::Rate rate{"2/minute"};
};

// A throttle of one's own: refuses requests carrying X-Slow, asking for 2.5 seconds.
struct SlowHeaderThrottle {
    th::Decision allow_request(const Request& request, const th::Call&) const {
        if (!request.header("X-Slow")) return {};
        return {.allowed = false, .wait = 2.5, .remaining = 0, .reset = 3};
    }
};

struct NotAThrottle {
    bool allow(const Request&) const { return true; }
};

drf::auth::User user_named(std::string name) {
    drf::auth::User user;
    user.username = std::move(name);
    return user;
}

// Plain views for check_throttles called directly.
struct PlainView {
    std::string_view action;
};
struct UploadView {
    static constexpr std::string_view throttle_scope = "uploads";
    std::string_view action;
};

// The keys the throttles of `View` (or `settings`' defaults) ask the store about for `request`.
template <class View = PlainView>
std::vector<std::string> keys_for(th::Settings settings, const Request& request) {
    auto store = std::make_shared<RecordingStore>();
    settings.store = store;
    (void)th::check_throttles(View{}, request, &settings);
    return store->keys;
}

Request from(std::string address, drf::http::Headers headers = {}) {
    Request request(Method::get, "/things/", std::move(headers));
    request.set_remote_addr(std::move(address));
    return request;
}

// ---- viewsets served through a router -----------------------------------------------------------

struct PingViewSet : drf::viewsets::ViewSet<PingViewSet> {
    Response list(Request&) { return Response(Json{{"pong", true}}); }
};

struct AnonPingViewSet : drf::viewsets::ViewSet<AnonPingViewSet> {
    static constexpr auto throttle_classes = th::throttles(AnonRateThrottle{});
    Response list(Request&) { return Response(Json{{"pong", true}}); }
};

struct TwoThrottlesViewSet : drf::viewsets::ViewSet<TwoThrottlesViewSet> {
    static constexpr auto throttle_classes = th::throttles(AnonRateThrottle{}, UserRateThrottle{});
    Response list(Request&) { return Response(Json{{"pong", true}}); }
};

struct UnthrottledViewSet : drf::viewsets::ViewSet<UnthrottledViewSet> {
    static constexpr auto throttle_classes = th::throttles();
    Response list(Request&) { return Response(Json{{"pong", true}}); }
};

// Lets a request through only with X-Allow: DRF's permissions run before the throttles.
struct HasAllowHeader {
    bool has_permission(const Request& request) const { return request.header("X-Allow").has_value(); }
};
struct GuardedViewSet : drf::viewsets::ViewSet<GuardedViewSet> {
    static constexpr auto permission_classes = HasAllowHeader{};
    static constexpr auto throttle_classes = th::throttles(AnonRateThrottle{});
    Response list(Request&) { return Response(Json{{"pong", true}}); }
};

// Refuses "Authorization: Bad" (401) and authenticates no one otherwise.
struct BadCredentials : drf::auth::BaseAuthentication {
    std::optional<drf::auth::User> authenticate(const Request& request) const override {
        if (request.header("Authorization") == "Bad") throw drf::http::AuthenticationFailed();
        return std::nullopt;
    }
    std::string authenticate_header(const Request&) const override { return "Bad"; }
    std::string_view name() const override { return "BadCredentials"; }
    std::optional<std::pair<std::string, Json>> openapi_security_scheme() const override {
        return std::pair<std::string, Json>{"badAuth", Json{{"type", "apiKey"}, {"in", "header"}, {"name", "Authorization"}}};
    }
};

struct ProjectViewSet : drf::viewsets::ViewSet<ProjectViewSet> {
    static constexpr auto throttle_classes = th::throttles(AnonRateThrottle{});
    Response list(Request&) { return Response(Json::array()); }
    Response archive(Request&, const std::string&) { return Response(Json{{"archived", true}}); }
    Response export_all(Request&) { return Response(Json::array()); }
    static constexpr auto extra_actions = drf::viewsets::actions(
        drf::viewsets::action<&ProjectViewSet::archive>("archive", drf::viewsets::detail, {Method::post})
            .throttle_classes(ArchiveRateThrottle{}),
        drf::viewsets::action<&ProjectViewSet::export_all>("export_all", drf::viewsets::list, {Method::get}, "export")
            .throttle_classes());
};

struct UploadViewSet : drf::viewsets::ViewSet<UploadViewSet> {
    static constexpr std::string_view throttle_scope = "uploads";
    Response list(Request&) { return Response(Json::array()); }
};

struct SlowViewSet : drf::viewsets::ViewSet<SlowViewSet> {
    static constexpr auto throttle_classes = th::throttles(SlowHeaderThrottle{}, BurstRateThrottle{});
    Response list(Request&) { return Response(Json::array()); }
};

std::shared_ptr<th::Settings> settings(std::string rates, std::vector<th::AnyThrottle> defaults = {}) {
    auto s = std::make_shared<th::Settings>();
    s->rates = th::parse_rates(rates);
    s->default_throttle_classes = std::move(defaults);
    return s;
}

drf::views::Context context_with(std::shared_ptr<th::Settings> throttling) {
    return drf::views::Context{.throttling = std::move(throttling)};
}

// The message registering V under `settings` throws, or "" when it throws none.
template <class V>
std::string registration_error(std::shared_ptr<th::Settings> throttling) {
    drf::routers::Router router(context_with(std::move(throttling)));
    try {
        router.register_viewset<V>("things");
    } catch (const std::invalid_argument& e) {
        return e.what();
    }
    return "";
}

TEST_CASE("Each built-in throttle counts under DRF's cache key throttle_<scope>_<ident>", "[throttling]") {
    const drf::auth::User alice = user_named("alice");
    const std::string pk = drf::to_string(alice.id);
    Request anonymous = from("10.0.0.1");
    Request authenticated = from("10.0.0.1");
    authenticated.force_authenticate(alice);
    const th::Settings base{.rates = th::parse_rates("anon=5/m,user=5/m,archive=5/m,burst=5/m,uploads=5/m")};
    auto with = [&](std::vector<th::AnyThrottle> list) {
        th::Settings s = base;
        s.default_throttle_classes = std::move(list);
        return s;
    };

    SECTION("AnonRateThrottle: the address; an authenticated user is not throttled by it") {
        CHECK(keys_for(with({AnonRateThrottle{}}), anonymous) == std::vector<std::string>{"throttle_anon_10.0.0.1"});
        CHECK(keys_for(with({AnonRateThrottle{}}), authenticated).empty());
    }
    SECTION("UserRateThrottle: the user's pk, else the address") {
        CHECK(keys_for(with({UserRateThrottle{}}), authenticated) == std::vector<std::string>{"throttle_user_" + pk});
        CHECK(keys_for(with({UserRateThrottle{}}), anonymous) == std::vector<std::string>{"throttle_user_10.0.0.1"});
    }
    SECTION("a UserRateThrottle with a scope of its own, with or without a fixed rate") {
        CHECK(keys_for(with({ArchiveRateThrottle{}}), authenticated) == std::vector<std::string>{"throttle_archive_" + pk});
        CHECK(keys_for(with({BurstRateThrottle{}}), anonymous) == std::vector<std::string>{"throttle_burst_10.0.0.1"});
    }
    SECTION("ScopedRateThrottle: the view's throttle_scope; a view without one is not throttled") {
        CHECK(keys_for<UploadView>(with({ScopedRateThrottle{}}), authenticated) ==
              std::vector<std::string>{"throttle_uploads_" + pk});
        CHECK(keys_for<UploadView>(with({ScopedRateThrottle{}}), anonymous) ==
              std::vector<std::string>{"throttle_uploads_10.0.0.1"});
        CHECK(keys_for<PlainView>(with({ScopedRateThrottle{}}), anonymous).empty());
    }
    SECTION("every throttle of the list, in order") {
        CHECK(keys_for(with({AnonRateThrottle{}, UserRateThrottle{}}), anonymous) ==
              std::vector<std::string>{"throttle_anon_10.0.0.1", "throttle_user_10.0.0.1"});
    }
}

TEST_CASE("get_ident trusts X-Forwarded-For only as far as num_proxies says, so a spoofed address is never chosen",
          "[throttling]") {
    using th::get_ident;
    // The client wrote 6.6.6.6 itself; the proxies appended what they saw.
    const Request one_proxy = from("10.0.0.2", {{"X-Forwarded-For", "6.6.6.6, 203.0.113.7"}});
    const Request two_proxies = from("10.0.0.3", {{"X-Forwarded-For", "6.6.6.6, 203.0.113.7, 10.0.0.2"}});
    SECTION("0 (the default): the peer's address, X-Forwarded-For ignored") {
        CHECK(get_ident(one_proxy, 0) == "10.0.0.2");
        CHECK(get_ident(from("203.0.113.7", {{"X-Forwarded-For", "6.6.6.6"}}), 0) == "203.0.113.7");
    }
    SECTION("1: the last address of X-Forwarded-For, the one the proxy saw") {
        CHECK(get_ident(one_proxy, 1) == "203.0.113.7");
        CHECK(get_ident(two_proxies, 1) == "10.0.0.2");
    }
    SECTION("2: the second from the end") {
        CHECK(get_ident(two_proxies, 2) == "203.0.113.7");
        CHECK(get_ident(one_proxy, 2) == "6.6.6.6");  // fewer addresses than proxies: the first, as DRF
    }
    SECTION("no X-Forwarded-For: the peer's address") { CHECK(get_ident(from("10.0.0.9"), 2) == "10.0.0.9"); }
    SECTION("several X-Forwarded-For fields are one list, as Django joins them") {
        CHECK(get_ident(from("10.0.0.2", {{"X-Forwarded-For", "6.6.6.6"}, {"X-Forwarded-For", "203.0.113.7"}}), 1) ==
              "203.0.113.7");
    }
    SECTION("spaces around an address are dropped") {
        CHECK(get_ident(from("10.0.0.2", {{"X-Forwarded-For", "6.6.6.6 ,\t203.0.113.7 "}}), 1) == "203.0.113.7");
    }
}

TEST_CASE("num_proxies makes the throttles count a client behind proxies under its own address", "[throttling]") {
    auto s = settings("anon=1/minute");
    s->num_proxies = 1;
    drf::routers::Router router(context_with(s));
    router.register_viewset<AnonPingViewSet>("ping");
    drf::test::APIClient client(router);
    drf::FrozenClock clock(t0);
    drf::ClockOverride frozen(clock);
    client.remote_addr("10.0.0.2");  // the proxy
    CHECK(client.get("/ping/", {{"X-Forwarded-For", "203.0.113.7"}}).status_code == 200);
    CHECK(client.get("/ping/", {{"X-Forwarded-For", "203.0.113.8"}}).status_code == 200);
    // Writing another address first does not make a new client.
    CHECK(client.get("/ping/", {{"X-Forwarded-For", "1.1.1.1, 203.0.113.7"}}).status_code == 429);
}

TEST_CASE("An anonymous request over the rate is 429 with DRF's detail and Retry-After", "[throttling]") {
    drf::routers::Router router(context_with(settings("anon=2/minute")));
    router.register_viewset<AnonPingViewSet>("ping");
    drf::test::APIClient client(router);
    drf::FrozenClock clock(t0);
    drf::ClockOverride frozen(clock);
    CHECK(client.get("/ping/").status_code == 200);
    CHECK(client.get("/ping/").status_code == 200);
    auto refused = client.get("/ping/");
    CHECK(refused.status_code == 429);
    CHECK(refused.data == Json::parse(R"({"detail": "Request was throttled. Expected available in 60 seconds."})"));
    CHECK(refused.header("Retry-After") == "60");
    SECTION("a wait of one second or less is DRF's singular") {
        clock.advance(boost::posix_time::milliseconds(59'500));
        auto last = client.get("/ping/");
        CHECK(last.data == Json::parse(R"({"detail": "Request was throttled. Expected available in 1 second."})"));
        CHECK(last.header("Retry-After") == "1");
    }
    SECTION("once the window has passed, requests are accepted again") {
        clock.advance(boost::posix_time::seconds(60));
        CHECK(client.get("/ping/").status_code == 200);
    }
    SECTION("another address has its own count") {
        client.remote_addr("10.0.0.7");
        CHECK(client.get("/ping/").status_code == 200);
    }
}

TEST_CASE("http::Throttled always sends Retry-After, where DRF leaves it out without a wait", "[throttling]") {
    CHECK(drf::http::Throttled(0).detail() == "Request was throttled. Expected available in 0 seconds.");
    REQUIRE(drf::http::Throttled(0).headers().size() == 1);
    CHECK(drf::http::Throttled(0).headers()[0] == std::pair<std::string, std::string>{"Retry-After", "0"});
    CHECK(drf::http::Throttled(0.2).detail() == "Request was throttled. Expected available in 1 second.");
    CHECK(drf::http::Throttled(2).detail() == "Request was throttled. Expected available in 2 seconds.");
    CHECK(drf::http::Throttled(2.01, "Slow down.").detail() == "Slow down. Expected available in 3 seconds.");
    CHECK(drf::http::Throttled(2.01).wait() == 3);
    CHECK(drf::http::Throttled(2.01).status_code() == 429);
    CHECK(drf::http::Throttled(2.01).code() == "throttled");
}

TEST_CASE("A request refused by authentication or permissions is not counted by the throttles", "[throttling]") {
    drf::routers::Router router(drf::views::Context{.authenticators = {std::make_shared<BadCredentials>()},
                                                    .throttling = settings("anon=1/minute")});
    router.register_viewset<GuardedViewSet>("guarded");
    drf::test::APIClient client(router);
    drf::FrozenClock clock(t0);
    drf::ClockOverride frozen(clock);
    // Refused by the permission (401, not 403: an anonymous request to a view with an authenticator).
    CHECK(client.get("/guarded/").data == Json::parse(R"({"detail": "Authentication credentials were not provided."})"));
    CHECK(client.get("/guarded/").status_code == 401);
    // Refused by authentication.
    CHECK(client.get("/guarded/", {{"X-Allow", "1"}, {"Authorization", "Bad"}}).data ==
          Json::parse(R"({"detail": "Incorrect authentication credentials."})"));
    // Not one of them was counted: the first permitted request is accepted, the next is over the rate.
    CHECK(client.get("/guarded/", {{"X-Allow", "1"}}).status_code == 200);
    CHECK(client.get("/guarded/", {{"X-Allow", "1"}}).status_code == 429);
    // A refusal by permissions still comes first once throttled.
    CHECK(client.get("/guarded/").status_code == 401);
}

TEST_CASE("Every throttle counts the request, even one another throttle refuses, and the longest wait is sent",
          "[throttling]") {
    drf::routers::Router router(context_with(settings("anon=2/minute,user=1/second")));
    router.register_viewset<TwoThrottlesViewSet>("ping");
    drf::test::APIClient client(router);
    drf::FrozenClock clock(t0);
    drf::ClockOverride frozen(clock);
    CHECK(client.get("/ping/").status_code == 200);
    auto by_user = client.get("/ping/");  // "user" refuses; "anon" counts it all the same
    CHECK(by_user.status_code == 429);
    CHECK(by_user.header("Retry-After") == "1");
    clock.advance(boost::posix_time::seconds(1));
    auto by_anon = client.get("/ping/");  // "user" would accept; "anon" has counted two
    CHECK(by_anon.status_code == 429);
    CHECK(by_anon.header("Retry-After") == "59");
}

TEST_CASE("RateLimit-Policy and RateLimit are sent only when the settings ask for them", "[throttling]") {
    auto s = settings("anon=2/minute,user=10/hour");
    drf::FrozenClock clock(t0);
    drf::ClockOverride frozen(clock);
    SECTION("off by default") {
        drf::routers::Router router(context_with(s));
        router.register_viewset<AnonPingViewSet>("ping");
        drf::test::APIClient client(router);
        auto ok = client.get("/ping/");
        CHECK_FALSE(ok.header("RateLimit-Policy"));
        CHECK_FALSE(ok.header("RateLimit"));
    }
    SECTION("on: every response of a throttled view, the 429 included") {
        s->rate_limit_headers = true;
        drf::routers::Router router(context_with(s));
        router.register_viewset<TwoThrottlesViewSet>("ping");
        drf::test::APIClient client(router);
        auto first = client.get("/ping/");
        CHECK(first.header("RateLimit-Policy") == R"("anon";q=2;w=60, "user";q=10;w=3600)");
        CHECK(first.header("RateLimit") == R"("anon";r=1;t=60, "user";r=9;t=3600)");
        clock.advance(boost::posix_time::seconds(20));
        CHECK(client.get("/ping/").header("RateLimit") == R"("anon";r=0;t=40, "user";r=8;t=3580)");
        auto refused = client.get("/ping/");
        CHECK(refused.status_code == 429);
        CHECK(refused.header("Retry-After") == "40");
        CHECK(refused.header("RateLimit-Policy") == R"("anon";q=2;w=60, "user";q=10;w=3600)");
        CHECK(refused.header("RateLimit") == R"("anon";r=0;t=40, "user";r=7;t=3580)");
    }
    SECTION("a throttle that does not apply to the request states no policy") {
        s->rate_limit_headers = true;
        drf::routers::Router router(context_with(s));
        router.register_viewset<AnonPingViewSet>("ping");
        drf::test::APIClient client(router);
        client.force_authenticate(user_named("alice"));
        CHECK_FALSE(client.get("/ping/").header("RateLimit-Policy"));
    }
}

TEST_CASE("An extra action's throttle_classes replace the view's for that action", "[throttling]") {
    drf::routers::Router router(context_with(settings("anon=100/minute,archive=1/minute")));
    router.register_viewset<ProjectViewSet>("projects");
    drf::test::APIClient client(router);
    drf::FrozenClock clock(t0);
    drf::ClockOverride frozen(clock);
    CHECK(client.post("/projects/1/archive/").status_code == 200);
    auto refused = client.post("/projects/2/archive/");
    CHECK(refused.status_code == 429);
    CHECK(refused.header("Retry-After") == "60");
    // The view's own throttle is not the archive's: the list is still served.
    CHECK(client.get("/projects/").status_code == 200);
    // throttle_classes() with nothing: the action is not throttled at all.
    for (int i = 0; i < 5; ++i) CHECK(client.get("/projects/export/").status_code == 200);
}

TEST_CASE("A view that declares no throttles gets the settings' defaults; throttles() turns them off", "[throttling]") {
    drf::routers::Router router(context_with(settings("anon=1/minute,uploads=2/minute", {AnonRateThrottle{}, ScopedRateThrottle{}})));
    router.register_viewset<PingViewSet>("ping");
    router.register_viewset<UnthrottledViewSet>("open");
    router.register_viewset<UploadViewSet>("uploads");
    drf::test::APIClient client(router);
    drf::FrozenClock clock(t0);
    drf::ClockOverride frozen(clock);
    CHECK(client.get("/ping/").status_code == 200);
    CHECK(client.get("/ping/").status_code == 429);
    for (int i = 0; i < 3; ++i) CHECK(client.get("/open/").status_code == 200);
    SECTION("the defaults count in one store: the same client is over \"anon\" on every view") {
        CHECK(client.get("/uploads/").status_code == 429);
    }
    SECTION("ScopedRateThrottle among the defaults applies to the view with a throttle_scope") {
        client.force_authenticate(user_named("alice"));  // not "anon"'s
        CHECK(client.get("/uploads/").status_code == 200);
        CHECK(client.get("/uploads/").status_code == 200);
        CHECK(client.get("/uploads/").status_code == 429);
        CHECK(client.get("/ping/").status_code == 200);  // no throttle_scope: not "uploads"'
    }
}

TEST_CASE("check_throttles raises http::Throttled; a null store counts in the process's shared LocalStore", "[throttling]") {
    drf::FrozenClock clock(t0);
    drf::ClockOverride frozen(clock);
    th::Settings s{.default_throttle_classes = {AnonRateThrottle{}}, .rates = th::parse_rates("anon=1/hour")};
    s.store = nullptr;
    const Request request = from("192.0.2.200");
    CHECK_NOTHROW(th::check_throttles(PlainView{}, request, &s));
    th::Settings other = s;  // another Settings with a null store: the same counts
    CHECK_THROWS_AS(th::check_throttles(PlainView{}, request, &other), drf::http::Throttled);
    // A Settings made without touching its store has one of its own.
    th::Settings own{.default_throttle_classes = {AnonRateThrottle{}}, .rates = th::parse_rates("anon=1/hour")};
    CHECK_NOTHROW(th::check_throttles(PlainView{}, request, &own));
}

TEST_CASE("Without throttling settings nothing is throttled", "[throttling]") {
    drf::routers::Router router;
    router.register_viewset<PingViewSet>("ping");
    drf::test::APIClient client(router);
    drf::FrozenClock clock(t0);
    drf::ClockOverride frozen(clock);
    for (int i = 0; i < 5; ++i) CHECK(client.get("/ping/").status_code == 200);
}

TEST_CASE("A throttle of one's own: a fixed rate, or allow_request deciding alone", "[throttling]") {
    STATIC_REQUIRE(th::Throttle<SlowHeaderThrottle>);
    STATIC_REQUIRE(th::Throttle<BurstRateThrottle>);
    STATIC_REQUIRE_FALSE(th::Throttle<NotAThrottle>);
    STATIC_REQUIRE_FALSE(th::Throttle<int>);
    drf::routers::Router router(context_with(settings("")));  // the fixed rate needs none
    router.register_viewset<SlowViewSet>("slow");
    drf::test::APIClient client(router);
    drf::FrozenClock clock(t0);
    drf::ClockOverride frozen(clock);
    auto slow = client.get("/slow/", {{"X-Slow", "1"}});
    CHECK(slow.status_code == 429);
    CHECK(slow.data == Json::parse(R"({"detail": "Request was throttled. Expected available in 3 seconds."})"));
    CHECK(slow.header("Retry-After") == "3");
    CHECK(client.get("/slow/").status_code == 200);  // the 429 above was counted by the burst throttle
    CHECK(client.get("/slow/").status_code == 429);
}

TEST_CASE("Registering a view whose throttles have no rate, or no settings, fails naming the view and the scope",
          "[throttling]") {
    SECTION("a view declaring throttles under a router without throttling settings") {
        CHECK(registration_error<AnonPingViewSet>(nullptr) ==
              "drf::throttling: AnonPingViewSet declares throttles (throttle_classes) but the router's context has "
              "no throttling settings: set drf::views::Context::throttling to a drf::throttling::Settings");
        CHECK(registration_error<ProjectViewSet>(nullptr) ==
              "drf::throttling: ProjectViewSet declares throttles (throttle_classes) but the router's context has "
              "no throttling settings: set drf::views::Context::throttling to a drf::throttling::Settings");
        CHECK(registration_error<UnthrottledViewSet>(nullptr).empty());
        CHECK(registration_error<PingViewSet>(nullptr).empty());
    }
    SECTION("a scope without a rate") {
        CHECK(registration_error<AnonPingViewSet>(settings("user=1/s")) ==
              "drf::throttling: AnonPingViewSet's throttle AnonRateThrottle (throttle_classes) uses the scope 'anon', "
              "which has no rate: add it to drf::throttling::Settings::rates (DRF: No default throttle rate set for "
              "'anon' scope)");
        CHECK(registration_error<ProjectViewSet>(settings("anon=1/s")) ==
              "drf::throttling: ProjectViewSet's throttle ArchiveRateThrottle (the action archive's throttle_classes) "
              "uses the scope 'archive', which has no rate: add it to drf::throttling::Settings::rates (DRF: No "
              "default throttle rate set for 'archive' scope)");
        CHECK(registration_error<PingViewSet>(settings("", {UserRateThrottle{}})) ==
              "drf::throttling: PingViewSet's throttle UserRateThrottle (DEFAULT_THROTTLE_CLASSES) uses the scope "
              "'user', which has no rate: add it to drf::throttling::Settings::rates (DRF: No default throttle rate "
              "set for 'user' scope)");
        CHECK(registration_error<UploadViewSet>(settings("", {ScopedRateThrottle{}})) ==
              "drf::throttling: UploadViewSet's throttle ScopedRateThrottle (DEFAULT_THROTTLE_CLASSES) uses the scope "
              "'uploads', which has no rate: add it to drf::throttling::Settings::rates (DRF: No default throttle "
              "rate set for 'uploads' scope)");
    }
    SECTION("what needs no rate: a fixed rate, a custom throttle, a scoped throttle on a view without a scope") {
        CHECK(registration_error<SlowViewSet>(settings("")).empty());
        CHECK(registration_error<PingViewSet>(settings("", {ScopedRateThrottle{}})).empty());
    }
}

}  // namespace throttles_test
