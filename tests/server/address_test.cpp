// tests/server/address_test.cpp — how the server writes its own address: an IPv6 host in brackets
// ("[::1]:8000") in ListenError, in run()'s "listening on" line and in runserver's messages.
#include <utility>  // first: Boost 1.74's asio uses std::exchange without including <utility>

#include "client.hpp"

#include <drf/commands.hpp>
#include <drf/commands/runserver.hpp>
#include <drf/routers.hpp>
#include <drf/server.hpp>
#include <drf/viewsets.hpp>

#include <catch2/catch.hpp>

#include <csignal>
#include <ostream>
#include <sstream>
#include <streambuf>
#include <string>

namespace address_test {

using namespace server_test;

struct PingViewSet : drf::viewsets::ViewSet<PingViewSet> {
    Response list(Request&) { return Response(Json{{"pong", true}}); }
};

// Keeps what it is given and raises SIGTERM once runserver says it is serving (after the server's
// signal handlers are installed, as a Ctrl-C would come).
class StopWhenServing : public std::streambuf {
public:
    std::string text;

private:
    int_type overflow(int_type c) override {
        if (c != traits_type::eof()) {
            text.push_back(traits_type::to_char_type(c));
            check();
        }
        return c;
    }
    std::streamsize xsputn(const char* s, std::streamsize n) override {
        text.append(s, static_cast<std::size_t>(n));
        check();
        return n;
    }
    void check() {
        if (!raised_ && text.find("Quit the server with CONTROL-C.") != std::string::npos) {
            raised_ = true;
            std::raise(SIGTERM);
        }
    }
    bool raised_ = false;
};

ServerOptions on_ipv6_loopback() {
    auto options = quiet();
    options.host = "::1";
    return options;
}

TEST_CASE("authority() writes a host and port as a URL does, an IPv6 address in brackets", "[server]") {
    using drf::server::authority;
    CHECK(authority("127.0.0.1", 8000) == "127.0.0.1:8000");
    CHECK(authority("api.example.com", 80) == "api.example.com:80");
    CHECK(authority("::1", 8000) == "[::1]:8000");
    CHECK(authority("::", 0) == "[::]:0");
    CHECK(authority("[::1]", 8000) == "[::1]:8000");  // already bracketed
}

TEST_CASE("A ListenError on an IPv6 address names it in brackets", "[server]") {
    Server first(hello, on_ipv6_loopback());
    first.start();
    const std::string where = "[::1]:" + std::to_string(first.port());
    auto options = on_ipv6_loopback();
    options.port = first.port();
    Server second(hello, options);
    try {
        second.start();
        FAIL("start() should have thrown");
    } catch (const drf::server::ListenError& e) {
        CHECK(e.address() == where);
        CHECK(std::string(e.what()) == "drf::server: cannot listen on " + where + " (bind): Address already in use");
    }
}

TEST_CASE("run() on an IPv6 host says it listens on http://[::1]:port/", "[server]") {
    std::ostringstream log;
    auto options = on_ipv6_loopback();
    options.log = &log;
    options.on_ready = [](unsigned short) { std::raise(SIGTERM); };
    CHECK(drf::server::serve(hello, options) == 0);
    CHECK_THAT(log.str(), Catch::Contains("drf: listening on http://[::1]:"));
}

TEST_CASE("A host written in brackets, as in a URL, is listened on", "[server]") {
    auto options = on_ipv6_loopback();
    options.host = "[::1]";
    Server server(hello, options);
    REQUIRE_NOTHROW(server.start());
    CHECK(server.port() != 0);
}

TEST_CASE("runserver on ::1 says 'Starting server at http://[::1]:port/'", "[server]") {
    drf::routers::Router router;
    router.register_viewset<PingViewSet>("ping");
    drf::commands::Registry registry{"manage"};
    registry.add<drf::commands::RunServerCommand<drf::routers::Router>>("runserver", std::cref(router));
    StopWhenServing buffer;
    std::ostream out(&buffer);
    std::ostringstream err;
    const int status = drf::commands::call_command(registry, "runserver",
                                                   {"--host", "::1", "--port", "0", "--threads", "1", "--no-access-log"},
                                                   out, err);
    CHECK(status == 0);
    CHECK_THAT(buffer.text, Catch::StartsWith("Starting server at http://[::1]:"));
    CHECK_THAT(err.str(), Catch::Contains("drf: listening on http://[::1]:"));
}

}  // namespace address_test
