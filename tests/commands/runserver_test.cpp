// tests/commands/runserver_test.cpp — the runserver command: it serves until SIGTERM and exits 0, and an
// address it cannot listen on is one line naming the address and the OS's reason, with exit status 1.
#include <utility>  // first: Boost 1.74's asio uses std::exchange without including <utility>

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

namespace runserver_test {

namespace cmd = drf::commands;

struct PingViewSet : drf::viewsets::ViewSet<PingViewSet> {
    drf::http::Response list(drf::http::Request&) { return drf::http::Response(drf::Json{{"pong", true}}); }
};

// An output stream that keeps what it is given and raises SIGTERM once runserver says it is serving:
// the signal arrives after the server's handlers are installed, as a Ctrl-C would.
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

struct App {
    drf::routers::Router router;
    cmd::Registry registry{"manage"};
    App() {
        router.register_viewset<PingViewSet>("ping");
        registry.add<cmd::RunServerCommand<drf::routers::Router>>("runserver", std::cref(router));
    }
};

TEST_CASE("runserver on a port already in use says 'cannot serve on host:port: <reason>' in one line and exits 1",
          "[commands]") {
    App app;
    drf::server::Server taken([](drf::http::Request&) { return drf::http::Response(drf::Json::object()); },
                              {.port = 0, .threads = 1, .access_log = false, .log = nullptr});
    taken.start();
    const std::string port = std::to_string(taken.port());
    std::ostringstream out, err;
    const int status =
        cmd::call_command(app.registry, "runserver", {"--port", port, "--threads", "1", "--no-access-log"}, out, err);
    CHECK(status == 1);
    CHECK(err.str() == "CommandError: cannot serve on 127.0.0.1:" + port + ": Address already in use\n");
    CHECK(out.str().empty());  // never claimed to be serving
}

TEST_CASE("runserver on an address this machine does not have names it and the OS's reason", "[commands]") {
    App app;
    StopWhenServing buffer;  // should it listen after all (ip_nonlocal_bind), stop rather than hang
    std::ostream out(&buffer);
    std::ostringstream err;
    // 192.0.2.1 is TEST-NET-1 (RFC 5737): never a local address, and numeric, so no DNS is involved.
    const int status = cmd::call_command(app.registry, "runserver", {"--host", "192.0.2.1", "--port", "0"}, out, err);
    CHECK(status == 1);
    CHECK(err.str() == "CommandError: cannot serve on 192.0.2.1:0: Cannot assign requested address\n");
}

TEST_CASE("runserver serves until SIGTERM, then drains and exits 0", "[commands]") {
    App app;
    StopWhenServing buffer;
    std::ostream out(&buffer);
    std::ostringstream err;
    const int status = cmd::call_command(app.registry, "runserver", {"--port", "0", "--threads", "1", "--no-access-log"},
                                         out, err);
    CHECK(status == 0);
    CHECK_THAT(buffer.text, Catch::StartsWith("Starting server at http://127.0.0.1:"));
    // The server's notices go to the command's error stream (stderr under manage).
    CHECK_THAT(err.str(), Catch::Contains("drf: listening on http://127.0.0.1:"));
    CHECK_THAT(err.str(), Catch::Contains("drf: SIGTERM received; finishing requests in flight\ndrf: stopped\n"));
}

}  // namespace runserver_test
