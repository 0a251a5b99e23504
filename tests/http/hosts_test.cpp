// tests/http/hosts_test.cpp — ALLOWED_HOSTS, SECURE_PROXY_SSL_HEADER and USE_X_FORWARDED_HOST: Django's
// matching rules and messages, the router's 400 before anything else runs, and the links they build.
#include <drf/auth/base.hpp>
#include <drf/http.hpp>
#include <drf/http/hosts.hpp>
#include <drf/routers.hpp>
#include <drf/test/client.hpp>
#include <drf/viewsets.hpp>

#include <catch2/catch.hpp>

#include <atomic>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace hosts_test {

using drf::Json;
using drf::http::DisallowedHost;
using drf::http::Headers;
using drf::http::HostSettings;
using drf::http::Method;
using drf::http::Request;
using drf::http::Response;

Request with_host(std::string host, const HostSettings& settings = {}) {
    Headers h;
    h.add("Host", std::move(host));
    Request r(Method::get, "/items/", std::move(h));
    r.set_host_settings(std::make_shared<const HostSettings>(settings));
    return r;
}

HostSettings allowing(std::vector<std::string> hosts) {
    HostSettings s;
    s.allowed_hosts = std::move(hosts);
    return s;
}

std::string disallowed_message(const Request& r) {
    try {
        (void)r.get_host();
    } catch (const DisallowedHost& e) {
        CHECK(e.status_code() == 400);
        return e.detail();
    }
    return "(allowed)";
}

// Counts the requests that reached authentication; refuses every one of them.
struct CountingAuthentication : drf::auth::BaseAuthentication {
    std::atomic<int>* calls;
    explicit CountingAuthentication(std::atomic<int>& c) : calls(&c) {}
    std::optional<drf::auth::User> authenticate(const Request&) const override {
        ++*calls;
        throw drf::http::AuthenticationFailed();
    }
    std::string authenticate_header(const Request&) const override { return "Token"; }
    std::string_view name() const override { return "counting"; }
};

struct LinkViewSet : drf::viewsets::ViewSet<LinkViewSet> {
    Response list(Request& request) { return Response(Json{{"self", request.absolute_url({{"a", "1"}})}}); }
};

TEST_CASE("Allowed hosts match as Django's validate_host: exactly, a leading dot for subdomains, '*' for any, in any case",
          "[http]") {
    struct Row {
        std::vector<std::string> allowed;
        const char* host;
        bool ok;
    };
    const std::vector<Row> rows{
        {{"api.example.com"}, "api.example.com", true},
        {{"api.example.com"}, "API.Example.COM:8443", true},    // case and port do not matter
        {{"API.EXAMPLE.COM"}, "api.example.com", true},         // in the pattern neither
        {{"api.example.com"}, "api.example.com.", true},        // one trailing dot is dropped
        {{"api.example.com"}, "api.example.com..", false},
        {{"api.example.com"}, "www.api.example.com", false},
        {{".example.com"}, "example.com", true},
        {{".example.com"}, "a.b.example.com:80", true},
        {{".example.com"}, "badexample.com", false},
        {{"*"}, "anything.example", true},
        {{"*"}, "not a host", false},                            // '*' still needs a well-formed host
        {{""}, "example.com", false},
        {{"."}, "example.com", false},
        {{"example.com."}, "example.com", false},
        {{".localhost", "127.0.0.1", "[::1]"}, "localhost", true},  // the default list
        {{".localhost", "127.0.0.1", "[::1]"}, "api.localhost:8000", true},
        {{".localhost", "127.0.0.1", "[::1]"}, "127.0.0.1:8000", true},
        {{".localhost", "127.0.0.1", "[::1]"}, "[::1]:8000", true},
        {{".localhost", "127.0.0.1", "[::1]"}, "[::1]", true},
        {{".localhost", "127.0.0.1", "[::1]"}, "127.0.0.2", false},
        {{".localhost", "127.0.0.1", "[::1]"}, "[::ffff:127.0.0.1]", false},
        {{"[2001:db8::1]"}, "[2001:DB8::1]:443", true},
    };
    for (const auto& row : rows) {
        INFO(row.host << " against " << row.allowed.front());
        CHECK((disallowed_message(with_host(row.host, allowing(row.allowed))) == "(allowed)") == row.ok);
    }
    CHECK(HostSettings{}.allowed_hosts == std::vector<std::string>{".localhost", "127.0.0.1", "[::1]"});
}

TEST_CASE("A Host that is not allowed is DisallowedHost with Django's message", "[http]") {
    const std::vector<std::pair<std::string, std::string>> rows{
        {"evil.example", "Invalid HTTP_HOST header: 'evil.example'. You may need to add 'evil.example' to ALLOWED_HOSTS."},
        {"Evil.Example:8000",
         "Invalid HTTP_HOST header: 'Evil.Example:8000'. You may need to add 'evil.example' to ALLOWED_HOSTS."},
        {"localhost..", "Invalid HTTP_HOST header: 'localhost..'. You may need to add 'localhost.' to ALLOWED_HOSTS."},
        {"[A::B]:1", "Invalid HTTP_HOST header: '[A::B]:1'. You may need to add '[a::b]' to ALLOWED_HOSTS."},
        {"[::ffff:127.0.0.1]",
         "Invalid HTTP_HOST header: '[::ffff:127.0.0.1]'. You may need to add '[::ffff:127.0.0.1]' to ALLOWED_HOSTS."},
    };
    for (const auto& [host, message] : rows) {
        INFO(host);
        CHECK(disallowed_message(with_host(host)) == message);
    }
}

TEST_CASE("A Host that is no host name is DisallowedHost saying it is not valid according to RFC 1034/1035", "[http]") {
    const std::string tail = ". The domain name provided is not valid according to RFC 1034/1035.";
    // The quoting and escapes are Python's repr() of the header, whose bytes WSGI reads as Latin-1.
    const std::vector<std::pair<std::string, std::string>> rows{
        {"", "''"},
        {".", "'.'"},
        {"::1", "'::1'"},
        {"[::1", "'[::1'"},
        {"[g::1]", "'[g::1]'"},
        {"localhost:", "'localhost:'"},
        {"localhost:80a", "'localhost:80a'"},
        {"local_host", "'local_host'"},
        {"localhost,evil.example", "'localhost,evil.example'"},
        {"a b", "'a b'"},
        {"a'b", "\"a'b\""},
        {"a\"b", "'a\"b'"},
        {"a'\"b", "'a\\'\"b'"},
        {"a\\b", "'a\\\\b'"},
        {"tab\there", "'tab\\there'"},
        {"caf\xc3\xa9", "'caf\xc3\x83\xc2\xa9'"},          // UTF-8 "café" seen as Latin-1: 'cafÃ©'
        {"x\x85\xa0\xad\x7f", "'x\\x85\\xa0\\xad\\x7f'"},  // Latin-1's unprintable characters
    };
    for (const auto& [host, repr] : rows) {
        INFO(host);
        CHECK(disallowed_message(with_host(host, allowing({"*"}))) == "Invalid HTTP_HOST header: " + repr + tail);
    }
}

TEST_CASE("split_domain_port lowercases, drops the port and one trailing dot, and keeps IPv6 brackets", "[http]") {
    using drf::http::split_domain_port;
    CHECK(split_domain_port("API.example.com.:8000").domain == "api.example.com");
    CHECK(split_domain_port("API.example.com.:8000").port == "8000");
    CHECK(split_domain_port("[::1]:80").domain == "[::1]");
    CHECK(split_domain_port("[::1]:80").port == "80");
    CHECK(split_domain_port("[::1]").domain == "[::1]");
    CHECK(split_domain_port("[::1]").port.empty());
    CHECK(split_domain_port("a..").domain == "a.");
    CHECK(split_domain_port("bad host").domain.empty());
    CHECK(drf::http::is_same_domain("a.example.com", ".EXAMPLE.com"));
    CHECK_FALSE(drf::http::is_same_domain("example.com", ""));
}

TEST_CASE("A disallowed Host is answered 400 before authentication and routing", "[http]") {
    std::atomic<int> calls{0};
    drf::routers::Router router({std::make_shared<CountingAuthentication>(calls)});
    router.register_viewset<LinkViewSet>("items");
    for (const char* path : {"/items/", "/nowhere/"}) {
        INFO(path);
        Headers h;
        h.add("Host", "evil.example");
        h.add("Authorization", "Token bad");
        Request request(Method::get, path, std::move(h));
        const Response response = router.dispatch(request);
        CHECK(response.status_code() == 400);
        CHECK(*response.data() ==
              Json{{"detail",
                    "Invalid HTTP_HOST header: 'evil.example'. You may need to add 'evil.example' to ALLOWED_HOSTS."}});
        CHECK_FALSE(response.headers().contains("WWW-Authenticate"));
    }
    CHECK(calls == 0);
    // An allowed one goes on to authentication, which refuses it.
    Headers h;
    h.add("Host", "localhost:8000");
    Request request(Method::get, "/items/", std::move(h));
    CHECK(router.dispatch(request).status_code() == 401);
    CHECK(calls == 1);
}

TEST_CASE("The router's host settings decide which hosts its links are built on", "[http]") {
    drf::routers::Router router;
    router.register_viewset<LinkViewSet>("items");
    router.set_host_settings(allowing({"api.example.com", ".example.org"}));
    const auto link = [&](std::string host) {
        Headers h;
        h.add("Host", std::move(host));
        Request request(Method::get, "/items/", std::move(h));
        const Response response = router.dispatch(request);
        return response.status_code() == 200 ? (*response.data())["self"].get<std::string>()
                                             : std::to_string(response.status_code());
    };
    CHECK(link("api.example.com") == "http://api.example.com/items/?a=1");
    CHECK(link("API.example.org:8080") == "http://API.example.org:8080/items/?a=1");  // the host as sent
    CHECK(link("localhost") == "400");  // the defaults no longer apply
    CHECK(link("evil.example") == "400");
}

TEST_CASE("Several Host fields are one comma-joined value, which no allowed host matches", "[http]") {
    Headers h;
    h.add("Host", "localhost");
    h.add("Host", "evil.example");
    Request request(Method::get, "/items/", std::move(h));
    CHECK(disallowed_message(request) ==
          "Invalid HTTP_HOST header: 'localhost,evil.example'. The domain name provided is not valid according to RFC "
          "1034/1035.");
}

TEST_CASE("Without a Host the server's own address is checked and used; a bare IPv6 address is bracketed", "[http]") {
    Request request(Method::get, "/items/");
    CHECK(request.base_url() == "http://localhost");  // built in code, nobody set an address
    request.set_default_host("127.0.0.1:8000");
    CHECK(request.base_url() == "http://127.0.0.1:8000");
    request.set_default_host("[::1]:8000");
    CHECK(request.base_url() == "http://[::1]:8000");
    request.set_default_host("::1");
    CHECK(request.base_url() == "http://[::1]");
    request.set_default_host("192.0.2.7:8000");
    CHECK(disallowed_message(request) ==
          "Invalid HTTP_HOST header: '192.0.2.7:8000'. You may need to add '192.0.2.7' to ALLOWED_HOSTS.");
}

TEST_CASE("A request nobody gave host settings follows Django's defaults: local names only", "[http]") {
    Headers h;
    h.add("Host", "api.example.com");
    const Request request(Method::get, "/items/", std::move(h));
    CHECK(&request.host_settings() == drf::http::default_host_settings().get());
    CHECK_THROWS_AS(request.base_url(), DisallowedHost);
}

TEST_CASE("Links say https only when a configured proxy header has exactly the configured value", "[http]") {
    HostSettings proxied;
    proxied.secure_proxy_ssl_header = drf::http::ProxySslHeader{"X-Forwarded-Proto", "https"};
    const auto scheme = [](const HostSettings& settings, std::vector<std::string> values) {
        Headers h;
        h.add("Host", "localhost");
        for (auto& v : values) h.add("x-forwarded-proto", std::move(v));
        Request request(Method::get, "/", std::move(h));
        request.set_host_settings(std::make_shared<const HostSettings>(settings));
        CHECK(request.is_secure() == (request.scheme() == "https"));
        return std::string(request.scheme());
    };
    CHECK(scheme(HostSettings{}, {"https"}) == "http");  // not configured: never believed
    CHECK(scheme(proxied, {"https"}) == "https");
    CHECK(scheme(proxied, {}) == "http");
    CHECK(scheme(proxied, {"http"}) == "http");
    // Django 3.2 compares the whole value: a list, another case or spaces are not "https".
    for (const char* other : {"HTTPS", " https", "https, http", ""}) {
        INFO(other);
        CHECK(scheme(proxied, {other}) == "http");
    }
    CHECK(scheme(proxied, {"https", "https"}) == "http");  // two fields: "https,https"

    Headers h;
    h.add("Host", "localhost:8443");
    h.add("X-Forwarded-Proto", "https");
    Request request(Method::get, "/p/", std::move(h));
    request.set_host_settings(std::make_shared<const HostSettings>(proxied));
    CHECK(request.absolute_url({{"q", "1"}}) == "https://localhost:8443/p/?q=1");
}

TEST_CASE("X-Forwarded-Host is used only when trusted, and is checked like a Host", "[http]") {
    HostSettings settings = allowing({"public.example"});
    const auto host = [&](std::vector<std::string> forwarded) {
        Headers h;
        h.add("Host", "public.example");
        for (auto& f : forwarded) h.add("X-Forwarded-Host", std::move(f));
        Request request(Method::get, "/", std::move(h));
        request.set_host_settings(std::make_shared<const HostSettings>(settings));
        try {
            return request.get_host();
        } catch (const DisallowedHost& e) {
            return e.detail();
        }
    };
    CHECK(host({"evil.example"}) == "public.example");  // not trusted: ignored
    settings.use_x_forwarded_host = true;
    CHECK(host({"public.example:443"}) == "public.example:443");
    CHECK(host({}) == "public.example");
    CHECK(host({"evil.example"}) ==
          "Invalid HTTP_HOST header: 'evil.example'. You may need to add 'evil.example' to ALLOWED_HOSTS.");
    // A list (one field, or several) is one value, as Django reads it, and is no host.
    const std::string invalid = ". The domain name provided is not valid according to RFC 1034/1035.";
    CHECK(host({"public.example, other.example"}) ==
          "Invalid HTTP_HOST header: 'public.example, other.example'" + invalid);
    CHECK(host({"public.example", "other.example"}) == "Invalid HTTP_HOST header: 'public.example,other.example'" + invalid);
    CHECK(host({""}) == "Invalid HTTP_HOST header: ''" + invalid);
}

TEST_CASE("The test client's requests are on testserver, allowed on top of the router's hosts as Django's test runner does",
          "[http]") {
    drf::routers::Router router;
    router.register_viewset<LinkViewSet>("items");
    drf::test::APIClient client(router);
    CHECK(client.get("/items/").data == Json{{"self", "http://testserver/items/?a=1"}});
    router.set_host_settings(allowing({"api.example.com"}));
    CHECK(client.get("/items/").status_code == 200);
    CHECK(router.host_settings().allowed_hosts == std::vector<std::string>{"api.example.com"});  // unchanged
    // Outside the test client testserver is a host like any other.
    Headers h;
    h.add("Host", "testserver");
    Request request(Method::get, "/items/", std::move(h));
    CHECK(router.dispatch(request).status_code() == 400);
}

}  // namespace hosts_test
