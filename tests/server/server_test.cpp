// tests/server/server_test.cpp — the Beast adapter over loopback: a Server on an ephemeral port, a
// lambda handler, and a small client whose every step gives up after two seconds (client.hpp).
#include <utility>  // first: Boost 1.74's asio uses std::exchange without including <utility>

#include "client.hpp"

#include <drf/routers.hpp>
#include <drf/server.hpp>
#include <drf/viewsets.hpp>

#include <boost/beast/http.hpp>
#include <catch2/catch.hpp>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <csignal>
#include <functional>
#include <future>
#include <mutex>
#include <regex>
#include <sstream>
#include <stdexcept>
#include <string>
#include <thread>
#include <type_traits>
#include <vector>

namespace server_test {

// Replaces drf::http::error_log() for one test and collects what the server reports.
class CapturedErrors {
public:
    CapturedErrors() : saved_(drf::http::error_log()) {
        drf::http::error_log() = [this](std::string_view message) {
            std::lock_guard lock(mutex_);
            messages_.emplace_back(message);
        };
    }
    ~CapturedErrors() { drf::http::error_log() = saved_; }
    std::vector<std::string> messages() {
        std::lock_guard lock(mutex_);
        return messages_;
    }

private:
    std::function<void(std::string_view)> saved_;
    std::mutex mutex_;
    std::vector<std::string> messages_;
};

// A Dispatcher that is not the Router: the server accepts anything with dispatch().
struct EchoPathDispatcher {
    Response dispatch(Request& request) const noexcept { return Response(Json{{"path", request.path()}}); }
};

// The router's side: a viewset with only a list route, open to anyone.
struct PingViewSet : drf::viewsets::ViewSet<PingViewSet> {
    Response list(Request& request) {
        return Response(Json{{"pong", true}, {"next", request.absolute_url({{"cursor", "x"}})}});
    }
};

TEST_CASE("A GET is answered with the handler's JSON, its headers, Content-Length and Server: drf", "[server]") {
    Server server(
        [](Request&) {
            Response response(Json{{"id", 1}, {"name", "Apollo"}});
            response.header("X-Request-Id", "abc");
            return response;
        },
        quiet());
    server.start();
    REQUIRE(server.port() != 0);
    const auto res = fetch(server.port(), make(bhttp::verb::get, "/projects/1/"));
    CHECK(res.result_int() == 200);
    CHECK(text(res.reason()) == "OK");
    CHECK(res.body() == R"({"id":1,"name":"Apollo"})");
    CHECK(text(res[bhttp::field::content_type]) == "application/json");
    CHECK(text(res[bhttp::field::content_length]) == std::to_string(res.body().size()));
    CHECK(text(res[bhttp::field::server]) == "drf");
    CHECK(text(res["X-Request-Id"]) == "abc");
    CHECK(std::regex_match(text(res[bhttp::field::date]),
                           std::regex(R"([A-Z][a-z]{2}, \d\d [A-Z][a-z]{2} \d{4} \d\d:\d\d:\d\d GMT)")));
}

TEST_CASE("A response without a body has Content-Length: 0 and no Content-Type", "[server]") {
    Server server([](Request&) { return Response::no_content(drf::http::status::HTTP_202_ACCEPTED); }, quiet());
    server.start();
    const auto res = fetch(server.port(), make(bhttp::verb::delete_, "/projects/1/"));
    CHECK(res.result_int() == 202);
    CHECK(text(res[bhttp::field::content_length]) == "0");
    CHECK(res.find(bhttp::field::content_type) == res.end());
    SECTION("and a 204 has no Content-Length at all") {
        Server no_content([](Request&) { return Response::no_content(); }, quiet());
        no_content.start();
        const auto r204 = fetch(no_content.port(), make(bhttp::verb::delete_, "/projects/1/"));
        CHECK(r204.result_int() == 204);
        CHECK(r204.find(bhttp::field::content_length) == r204.end());
    }
}

TEST_CASE("A handler's Content-Type and Server win over the defaults; its framing headers are ignored", "[server]") {
    Server server(
        [](Request&) {
            Response response(Json{{"type", "about:blank"}}, 400);
            response.header("Content-Type", "application/problem+json");
            response.header("Server", "projects-api");
            response.header("Content-Length", "999");
            response.header("Connection", "close");
            response.header("Transfer-Encoding", "chunked");
            return response;
        },
        quiet());
    server.start();
    Client client(server.port());
    beast::error_code ec;
    const auto res = client.request(make(bhttp::verb::get, "/"), ec);
    REQUIRE_FALSE(ec);
    CHECK(res.result_int() == 400);
    CHECK(text(res[bhttp::field::content_type]) == "application/problem+json");
    CHECK(text(res[bhttp::field::server]) == "projects-api");
    CHECK(text(res[bhttp::field::content_length]) == std::to_string(res.body().size()));
    CHECK(res.find(bhttp::field::transfer_encoding) == res.end());
    CHECK(res.keep_alive());
    CHECK(client.request(make(bhttp::verb::get, "/"), ec).result_int() == 400);  // still open
    REQUIRE_FALSE(ec);
}

TEST_CASE("A POST's method, path, query, headers and JSON body reach the handler", "[server]") {
    Server server(
        [](Request& request) {
            return Response(Json{{"method", std::string(drf::http::to_string(request.method()))},
                                 {"path", request.path()},
                                 {"page", request.query_param("page").value_or("")},
                                 {"token", request.header("authorization").value_or("")},
                                 {"data", request.data()}},
                            drf::http::status::HTTP_201_CREATED);
        },
        quiet());
    server.start();
    auto req = make(bhttp::verb::post, "/a%20b/?page=2", R"({"name": "Apollo", "tags": [1, 2]})");
    req.set(bhttp::field::authorization, "Token abc123");
    const auto res = fetch(server.port(), std::move(req));
    CHECK(res.result_int() == 201);
    CHECK(text(res.reason()) == "Created");
    CHECK(body_of(res) == Json::parse(R"({"method": "POST", "path": "/a b/", "page": "2", "token": "Token abc123",
                                         "data": {"name": "Apollo", "tags": [1, 2]}})"));
}

TEST_CASE("A chunked request body is assembled before the handler sees it", "[server]") {
    Server server([](Request& request) { return Response(request.data()); }, quiet());
    server.start();
    Client client(server.port());
    REQUIRE(!client.send("POST /x/ HTTP/1.1\r\nHost: a\r\nContent-Type: application/json\r\n"
                         "Transfer-Encoding: chunked\r\n\r\n5\r\n{\"a\":\r\n2\r\n1}\r\n0\r\n\r\n"));
    beast::error_code ec;
    const auto res = client.read(ec);
    REQUIRE_FALSE(ec);
    CHECK(res.result_int() == 200);
    CHECK(res.body() == R"({"a":1})");
}

TEST_CASE("One keep-alive connection serves several requests", "[server]") {
    std::atomic<int> calls{0};
    Server server(
        [&](Request& request) {
            ++calls;
            return Response(Json{{"path", request.path()}});
        },
        quiet());
    server.start();
    Client client(server.port());
    beast::error_code ec;

    SECTION("HTTP/1.1 keeps the connection open by default") {
        const auto first = client.request(make(bhttp::verb::get, "/one/"), ec);
        REQUIRE_FALSE(ec);
        CHECK_FALSE(first.need_eof());
        const auto second = client.request(make(bhttp::verb::get, "/two/"), ec);
        REQUIRE_FALSE(ec);
        CHECK(body_of(first)["path"] == "/one/");
        CHECK(body_of(second)["path"] == "/two/");
        CHECK(calls == 2);
        CHECK(server.connections() == 1);
    }
    SECTION("HTTP/1.1 with Connection: close is answered, then closed") {
        auto req = make(bhttp::verb::get, "/one/");
        req.keep_alive(false);
        const auto res = client.request(std::move(req), ec);
        REQUIRE_FALSE(ec);
        CHECK(text(res[bhttp::field::connection]) == "close");
        CHECK(client.closed_by_server());
    }
    SECTION("HTTP/1.0 closes after the response unless it asks for keep-alive") {
        REQUIRE(!client.send("GET /old/ HTTP/1.0\r\n\r\n"));
        const auto res = client.read(ec);
        REQUIRE_FALSE(ec);
        CHECK(res.version() == 10);
        CHECK(body_of(res)["path"] == "/old/");
        CHECK(client.closed_by_server());

        Client kept(server.port());
        REQUIRE(!kept.send("GET /a/ HTTP/1.0\r\nConnection: keep-alive\r\n\r\n"));
        const auto a = kept.read(ec);
        REQUIRE_FALSE(ec);
        CHECK(text(a[bhttp::field::connection]) == "keep-alive");
        REQUIRE(!kept.send("GET /b/ HTTP/1.0\r\nConnection: keep-alive\r\n\r\n"));
        const auto b = kept.read(ec);
        REQUIRE_FALSE(ec);
        CHECK(body_of(b)["path"] == "/b/");
    }
    SECTION("pipelined requests are answered in order") {
        REQUIRE(!client.send("GET /1/ HTTP/1.1\r\nHost: a\r\n\r\nGET /2/ HTTP/1.1\r\nHost: a\r\n\r\n"));
        const auto first = client.read(ec);
        REQUIRE_FALSE(ec);
        const auto second = client.read(ec);
        REQUIRE_FALSE(ec);
        CHECK(body_of(first)["path"] == "/1/");
        CHECK(body_of(second)["path"] == "/2/");
    }
}

TEST_CASE("One connection reads and answers headers larger than its field memory, and the small ones after them",
          "[server]") {
    // Each request names how many response fields to send back, and carries as many fields itself.
    Server server(
        [](Request& request) {
            const int n = std::stoi(std::string(request.header("x-count").value_or("0")));
            Json seen = Json::array();
            for (int i = 0; i < n; ++i)
                seen.push_back(std::string(request.header("x-field-" + std::to_string(i)).value_or("missing")));
            Response response(Json{{"seen", seen}});
            for (int i = 0; i < n; ++i) response.header("X-Reply-" + std::to_string(i), std::string(90, 'a' + i % 26));
            return response;
        },
        quiet());
    server.start();
    Client client(server.port());
    for (const int n : {40, 1, 60, 0, 3}) {  // 40 fields of 100 bytes: more than a session's field memory
        auto req = make(bhttp::verb::get, "/fields/");
        req.set("X-Count", std::to_string(n));
        Json expected = Json::array();
        for (int i = 0; i < n; ++i) {
            const std::string value = std::to_string(i) + std::string(90, 'z' - i % 26);
            req.set("X-Field-" + std::to_string(i), value);
            expected.push_back(value);
        }
        beast::error_code ec;
        const auto res = client.request(std::move(req), ec);
        REQUIRE_FALSE(ec);
        CHECK(body_of(res)["seen"] == expected);
        int replies = 0;
        for (const auto& field : res) {
            const std::string name = text(field.name_string());
            if (name.rfind("X-Reply-", 0) != 0) continue;
            const int i = std::stoi(name.substr(8));
            CHECK(text(field.value()) == std::string(90, static_cast<char>('a' + i % 26)));
            ++replies;
        }
        CHECK(replies == n);
    }
    CHECK(server.connections() == 1);
}

TEST_CASE("A body over max_body_bytes is 413 {\"detail\": \"Request body is too large.\"}, then the connection closes",
          "[server]") {
    std::atomic<int> calls{0};
    auto options = quiet();
    options.max_body_bytes = 1000;
    Server server(
        [&](Request&) {
            ++calls;
            return Response(Json::object());
        },
        options);
    server.start();
    Client client(server.port());
    const std::string big(2000, 'x');

    SECTION("declared by Content-Length") {
        REQUIRE(!client.send("POST /upload/ HTTP/1.1\r\nHost: a\r\nContent-Type: application/json\r\nContent-Length: 2000\r\n\r\n" +
                             big));
    }
    SECTION("found while reading a chunked body") {
        REQUIRE(!client.send("POST /upload/ HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n7d0\r\n" + big +
                             "\r\n0\r\n\r\n"));
    }
    beast::error_code ec;
    const auto res = client.read(ec);
    REQUIRE_FALSE(ec);
    CHECK(res.result_int() == 413);
    CHECK(body_of(res) == Json::parse(R"({"detail": "Request body is too large."})"));
    CHECK(text(res[bhttp::field::connection]) == "close");
    CHECK(client.closed_by_server());
    CHECK(calls == 0);
}

TEST_CASE("A body of exactly max_body_bytes is accepted", "[server]") {
    auto options = quiet();
    options.max_body_bytes = 16;
    Server server([](Request& request) { return Response(Json{{"size", request.body().size()}}); }, options);
    server.start();
    const auto res = fetch(server.port(), make(bhttp::verb::post, "/x/", R"({"a":"12345678"})"));
    CHECK(res.result_int() == 200);
    CHECK(body_of(res)["size"] == 16);
}

TEST_CASE("A header over max_header_bytes is 431, then the connection closes", "[server]") {
    auto options = quiet();
    options.max_header_bytes = 1024;
    Server server(hello, options);
    server.start();
    Client client(server.port());
    REQUIRE(!client.send("GET / HTTP/1.1\r\nHost: a\r\nX-Big: " + std::string(2000, 'y') + "\r\n\r\n"));
    beast::error_code ec;
    const auto res = client.read(ec);
    REQUIRE_FALSE(ec);
    CHECK(res.result_int() == 431);
    CHECK(text(res.reason()) == "Request Header Fields Too Large");
    CHECK(body_of(res) == Json::parse(R"({"detail": "Request header fields too large."})"));
    CHECK(client.closed_by_server());
}

TEST_CASE("A malformed request is 400 {\"detail\": \"Malformed request.\"}, then the connection closes", "[server]") {
    std::atomic<int> calls{0};
    Server server(
        [&](Request&) {
            ++calls;
            return Response(Json::object());
        },
        quiet());
    server.start();
    Client client(server.port());
    std::string bytes;
    SECTION("not HTTP at all") { bytes = "\x01\x02 hello\r\n\r\n"; }
    SECTION("an unknown HTTP version") { bytes = "GET / HTTP/9\r\nHost: a\r\n\r\n"; }
    SECTION("a Content-Length that is not a number") { bytes = "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: ten\r\n\r\n"; }
    SECTION("a field without a colon") { bytes = "GET / HTTP/1.1\r\nHost a\r\n\r\n"; }
    REQUIRE(!client.send(bytes));
    beast::error_code ec;
    const auto res = client.read(ec);
    REQUIRE_FALSE(ec);
    CHECK(res.result_int() == 400);
    CHECK(body_of(res) == Json::parse(R"({"detail": "Malformed request."})"));
    CHECK(client.closed_by_server());
    CHECK(calls == 0);
}

TEST_CASE("An unknown method is 405 with DRF's message; the handler never sees it", "[server]") {
    std::atomic<int> calls{0};
    Server server(
        [&](Request&) {
            ++calls;
            return Response(Json::object());
        },
        quiet());
    server.start();
    Client client(server.port());
    std::string method = GENERATE(as<std::string>{}, "BREW", "TRACE", "get");
    REQUIRE(!client.send(method + " /coffee/ HTTP/1.1\r\nHost: a\r\n\r\n"));
    beast::error_code ec;
    const auto res = client.read(ec);
    REQUIRE_FALSE(ec);
    CHECK(res.result_int() == 405);
    CHECK(body_of(res) == Json{{"detail", "Method \"" + method + "\" not allowed."}});
    CHECK(calls == 0);
    // The request was well formed: the connection stays usable.
    const auto next = client.request(make(bhttp::verb::get, "/"), ec);
    REQUIRE_FALSE(ec);
    CHECK(next.result_int() == 200);
}

TEST_CASE("An exception escaping the handler is a 500 with DRF's generic body, and the server keeps serving",
          "[server]") {
    CapturedErrors errors;
    Server server(
        [](Request& request) -> Response {
            if (request.path() == "/std/") throw std::runtime_error("database is locked");
            if (request.path() == "/int/") throw 42;
            if (request.path() == "/api/") throw drf::http::NotFound();
            return Response(Json{{"ok", true}});
        },
        quiet());
    server.start();
    Client client(server.port());
    beast::error_code ec;
    for (const char* path : {"/std/", "/int/"}) {
        const auto res = client.request(make(bhttp::verb::get, path), ec);
        REQUIRE_FALSE(ec);
        CHECK(res.result_int() == 500);
        CHECK(body_of(res) == Json::parse(R"({"detail": "A server error occurred."})"));
    }
    const auto api = client.request(make(bhttp::verb::get, "/api/"), ec);
    REQUIRE_FALSE(ec);
    CHECK(api.result_int() == 404);
    CHECK(body_of(api) == Json::parse(R"({"detail": "Not found."})"));
    const auto fine = client.request(make(bhttp::verb::get, "/fine/"), ec);
    REQUIRE_FALSE(ec);
    CHECK(fine.result_int() == 200);
    server.stop();
    const auto logged = errors.messages();
    REQUIRE(logged.size() == 2);
    CHECK(logged[0] == "database is locked");  // logged, never sent
}

TEST_CASE("A handler's invalid status or header becomes a 500, never a broken response", "[server]") {
    CapturedErrors errors;
    Server server(
        [](Request& request) {
            if (request.path() == "/status/") return Response(Json::object(), 42);
            Response response(Json::object());
            response.header("X-Injected", "a\r\nSet-Cookie: evil=1");
            return response;
        },
        quiet());
    server.start();
    for (const char* path : {"/status/", "/header/"}) {
        const auto res = fetch(server.port(), make(bhttp::verb::get, path));
        CHECK(res.result_int() == 500);
        CHECK(res.find(bhttp::field::set_cookie) == res.end());
    }
    server.stop();
    CHECK(errors.messages().size() == 2);
}

TEST_CASE("Absolute links use the Host header, or the address the client reached when there is none", "[server]") {
    Server server([](Request& request) { return Response(Json{{"base", request.base_url()}, {"path", request.path()}}); },
                  quiet());
    server.start();
    const std::string own = "http://127.0.0.1:" + std::to_string(server.port());
    SECTION("Host given") {
        auto req = make(bhttp::verb::get, "/projects/");
        req.set(bhttp::field::host, "api.localhost");
        CHECK(body_of(fetch(server.port(), std::move(req)))["base"] == "http://api.localhost");
    }
    SECTION("no Host (HTTP/1.0)") {
        Client client(server.port());
        REQUIRE(!client.send("GET /projects/ HTTP/1.0\r\n\r\n"));
        beast::error_code ec;
        const auto res = client.read(ec);
        REQUIRE_FALSE(ec);
        CHECK(body_of(res)["base"] == own);
    }
    SECTION("an absolute-form target gives both the path and the host") {
        Client client(server.port());
        REQUIRE(!client.send("GET http://proxy.localhost:8080/projects/?a=1 HTTP/1.1\r\nHost: ignored\r\n\r\n"));
        beast::error_code ec;
        const auto res = client.read(ec);
        REQUIRE_FALSE(ec);
        CHECK(body_of(res) == Json{{"base", "http://proxy.localhost:8080"}, {"path", "/projects/"}});
    }
}

TEST_CASE("A HEAD response has the Content-Length the body would have, and no body", "[server]") {
    Server server([](Request&) { return Response(Json{{"a", "bcd"}}); }, quiet());
    server.start();
    Client client(server.port());
    beast::error_code ec;
    const auto head = client.request(make(bhttp::verb::head, "/x/"), ec);
    REQUIRE_FALSE(ec);
    CHECK(head.result_int() == 200);
    CHECK(text(head[bhttp::field::content_length]) == std::to_string(std::string(R"({"a":"bcd"})").size()));
    CHECK(head.body().empty());
    // Had a body been sent, it would now be read as the next response's status line.
    const auto get = client.request(make(bhttp::verb::get, "/x/"), ec);
    REQUIRE_FALSE(ec);
    CHECK(get.body() == R"({"a":"bcd"})");
}

TEST_CASE("Concurrent clients on several threads are all served", "[server]") {
    std::atomic<int> calls{0};
    auto options = quiet();
    options.threads = 4;
    Server server(
        [&](Request& request) {
            ++calls;
            return Response(Json{{"n", request.query_param("n").value_or("")}});
        },
        options);
    server.start();
    constexpr int clients = 8;
    constexpr int per_client = 20;
    std::vector<int> good(clients, 0);  // Catch's assertions are not thread-safe: count, check later
    std::vector<std::thread> threads;
    for (int c = 0; c < clients; ++c) {
        threads.emplace_back([&, c] {
            Client client(server.port());
            for (int i = 0; i < per_client; ++i) {
                beast::error_code ec;
                const std::string n = std::to_string(c * 100 + i);
                const auto res = client.request(make(bhttp::verb::get, "/n/?n=" + n), ec);
                if (!ec && res.result_int() == 200 && res.body() == R"({"n":")" + n + R"("})") ++good[static_cast<std::size_t>(c)];
            }
        });
    }
    for (auto& t : threads) t.join();
    for (int c = 0; c < clients; ++c) CHECK(good[static_cast<std::size_t>(c)] == per_client);
    CHECK(calls == clients * per_client);
}

TEST_CASE("stop() lets a request in flight finish, then refuses new connections", "[server]") {
    std::promise<void> entered;
    Server server(
        [&](Request&) {
            entered.set_value();
            std::this_thread::sleep_for(200ms);
            return Response(Json{{"slow", true}});
        },
        quiet());
    server.start();
    const auto port = server.port();
    auto reply = std::async(std::launch::async, [port] {
        Client client(port);
        beast::error_code ec;
        auto res = client.request(make(bhttp::verb::get, "/slow/"), ec);
        return std::make_pair(ec, res);
    });
    REQUIRE(entered.get_future().wait_for(2s) == std::future_status::ready);
    const auto before = std::chrono::steady_clock::now();
    server.stop();
    CHECK(std::chrono::steady_clock::now() - before >= 100ms);  // it waited for the handler
    const auto [ec, res] = reply.get();
    REQUIRE_FALSE(ec);
    CHECK(res.result_int() == 200);
    CHECK(res.body() == R"({"slow":true})");
    CHECK(text(res[bhttp::field::connection]) == "close");  // stopping: no keep-alive
    Client late(port);
    CHECK(late.connect_error());
}

TEST_CASE("stop() closes idle keep-alive connections at once", "[server]") {
    const auto options = quiet();  // drain_timeout is 10 s: an idle connection must not wait for it
    Server server(hello, options);
    server.start();
    Client client(server.port());
    beast::error_code ec;
    client.request(make(bhttp::verb::get, "/"), ec);
    REQUIRE_FALSE(ec);
    const auto before = std::chrono::steady_clock::now();
    server.stop();
    CHECK(std::chrono::steady_clock::now() - before < options.drain_timeout / 2);
    CHECK(client.closed_by_server());
    CHECK(server.connections() == 0);
}

TEST_CASE("wait() returns once another thread has stopped the server", "[server]") {
    Server server(hello, quiet());
    server.start();
    auto stopper = std::async(std::launch::async, [&] {
        std::this_thread::sleep_for(50ms);
        server.stop();
    });
    server.wait();
    stopper.get();
    SECTION("and stop() twice, or wait() afterwards, return at once") {
        server.stop();
        server.wait();
    }
}

TEST_CASE("stop() called from a handler is refused (it would wait for itself), and becomes a 500", "[server]") {
    CapturedErrors errors;
    Server* self = nullptr;
    Server server(
        [&](Request&) {
            self->stop();
            return Response(Json::object());
        },
        quiet());
    self = &server;
    server.start();
    CHECK(fetch(server.port(), make(bhttp::verb::get, "/")).result_int() == 500);
    server.stop();
    const auto logged = errors.messages();
    REQUIRE(logged.size() == 1);
    CHECK(logged[0].find("called from a handler") != std::string::npos);
}

TEST_CASE("The access log has one line per response: method, target, status and microseconds", "[server]") {
    std::ostringstream log;
    auto options = quiet();
    options.access_log = true;
    options.log = &log;
    options.max_body_bytes = 10;
    Server server(
        [](Request& request) {
            return request.method() == drf::http::Method::post ? Response(Json::object(), 201) : Response(Json::object());
        },
        options);
    server.start();
    fetch(server.port(), make(bhttp::verb::get, "/items/?page=2"));
    fetch(server.port(), make(bhttp::verb::post, "/items/", R"({"a": 1})"));
    {
        Client client(server.port());
        REQUIRE(!client.send("PUT /items/1/ HTTP/1.1\r\nHost: a\r\nContent-Length: 100\r\n\r\n"));
        beast::error_code ec;
        CHECK(client.read(ec).result_int() == 413);
    }
    server.stop();  // joins the workers: every line is written
    std::vector<std::string> lines;
    std::istringstream in(log.str());
    for (std::string line; std::getline(in, line);) lines.push_back(line);
    REQUIRE(lines.size() == 3);
    std::sort(lines.begin(), lines.end());  // the order of lines from different connections may vary
    CHECK(std::regex_match(lines[0], std::regex(R"(GET /items/\?page=2 200 \d+us)")));
    CHECK(std::regex_match(lines[1], std::regex(R"(POST /items/ 201 \d+us)")));
    CHECK(std::regex_match(lines[2], std::regex(R"(PUT /items/1/ 413 \d+us)")));
}

TEST_CASE("Past max_connections, with every connection busy, a new one is answered 503 {\"detail\": \"Server busy.\"} and closed",
          "[server]") {
    auto options = quiet();
    options.max_connections = 1;
    std::promise<void> entered;
    std::promise<void> release;
    auto released = release.get_future().share();
    Server server(
        [&](Request& request) {
            if (request.path() == "/busy/") {
                entered.set_value();
                released.wait();
            }
            return hello(request);
        },
        options);
    server.start();
    const auto port = server.port();
    // The only slot is held by a request in hand: there is no connection to evict.
    auto busy = std::async(std::launch::async, [port] {
        Client client(port);
        beast::error_code ec;
        return client.request(make(bhttp::verb::get, "/busy/"), ec).result_int();
    });
    REQUIRE(entered.get_future().wait_for(2s) == std::future_status::ready);
    {
        Client second(port);
        REQUIRE_FALSE(second.connect_error());
        beast::error_code ec;
        const auto refused = second.read(ec);
        REQUIRE_FALSE(ec);
        CHECK(refused.result_int() == 503);
        CHECK(body_of(refused) == Json::parse(R"({"detail": "Server busy."})"));
        CHECK(second.closed_by_server());
    }
    release.set_value();
    CHECK(busy.get() == 200);
    // Once the first connection has gone, its slot is free again.
    const auto deadline = std::chrono::steady_clock::now() + 1s;
    while (server.connections() != 0 && std::chrono::steady_clock::now() < deadline) std::this_thread::sleep_for(5ms);
    REQUIRE(server.connections() == 0);
    CHECK(fetch(port, make(bhttp::verb::get, "/")).result_int() == 200);
}

TEST_CASE("A client too slow to send its whole request is disconnected after read_timeout", "[server]") {
    auto options = quiet();
    options.read_timeout = 300ms;
    Server server(hello, options);
    server.start();
    Client client(server.port());
    const auto before = std::chrono::steady_clock::now();
    SECTION("half a request line, then nothing") { REQUIRE(!client.send("GET /slow")); }
    SECTION("a complete header, then half the body") {
        REQUIRE(!client.send("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 10\r\n\r\n12345"));
    }
    CHECK(client.closed_by_server());
    CHECK(std::chrono::steady_clock::now() - before >= 250ms);
}

TEST_CASE("A handler slower than read_timeout still has its response sent", "[server]") {
    auto options = quiet();
    options.read_timeout = 300ms;
    const std::string big(512 * 1024, 'x');
    Server server(
        [&](Request&) {
            std::this_thread::sleep_for(350ms);
            return Response(Json{{"late", big}});
        },
        options);
    server.start();
    // A small MSS keeps the server's send buffer small: the response takes many writes, and every one
    // must run under a deadline that started with the response, not with the request.
    Client client(server.port(), 536);
    REQUIRE(!client.send("GET / HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n"));
    const std::string reply = client.read_until_closed();
    CHECK(reply.rfind("HTTP/1.1 200 OK\r\n", 0) == 0);
    CHECK(reply.size() > big.size());
    CHECK(reply.substr(reply.size() - 3) == "x\"}");
}

TEST_CASE("An idle keep-alive connection is closed after keep_alive_timeout, not read_timeout", "[server]") {
    auto options = quiet();
    options.read_timeout = 30s;
    options.keep_alive_timeout = 100ms;
    Server server(hello, options);
    server.start();
    Client client(server.port());
    beast::error_code ec;
    client.request(make(bhttp::verb::get, "/"), ec);
    REQUIRE_FALSE(ec);
    const auto served = std::chrono::steady_clock::now();
    CHECK(client.closed_by_server());  // within the client's own two seconds, so long before read_timeout
    CHECK(std::chrono::steady_clock::now() - served >= 80ms);
}

TEST_CASE("Expect: 100-continue gets an interim 100 Continue before the final response", "[server]") {
    Server server([](Request& request) { return Response(request.data()); }, quiet());
    server.start();
    Client client(server.port());
    REQUIRE(!client.send("POST /x/ HTTP/1.1\r\nHost: a\r\nContent-Type: application/json\r\nContent-Length: 7\r\n"
                         "Expect: 100-continue\r\n\r\n"));
    beast::error_code ec;
    const auto interim = client.read(ec);
    REQUIRE_FALSE(ec);
    CHECK(interim.result_int() == 100);
    REQUIRE(!client.send(R"({"a":1})"));
    const auto res = client.read(ec);
    REQUIRE_FALSE(ec);
    CHECK(res.result_int() == 200);
    CHECK(res.body() == R"({"a":1})");
}

TEST_CASE("A Server takes any Dispatcher by reference, never a temporary one", "[server]") {
    STATIC_REQUIRE(drf::server::Dispatcher<EchoPathDispatcher>);
    STATIC_REQUIRE_FALSE(drf::server::Dispatcher<int>);
    STATIC_REQUIRE(std::is_constructible_v<Server, const EchoPathDispatcher&, ServerOptions>);
    STATIC_REQUIRE_FALSE(std::is_constructible_v<Server, EchoPathDispatcher&&, ServerOptions>);
    const EchoPathDispatcher dispatcher;
    Server server(dispatcher, quiet());
    server.start();
    CHECK(body_of(fetch(server.port(), make(bhttp::verb::get, "/routed/")))["path"] == "/routed/");
}

TEST_CASE("A Router is served as it is: its routes, 404s, 405s with Allow, and HEAD without a body", "[server]") {
    STATIC_REQUIRE(drf::server::Dispatcher<drf::routers::Router>);
    drf::routers::Router router;
    router.register_viewset<PingViewSet>("ping");
    Server server(router, quiet());
    server.start();
    Client client(server.port());
    beast::error_code ec;

    auto get = make(bhttp::verb::get, "/ping/");
    get.set(bhttp::field::host, "api.localhost");
    const auto list = client.request(std::move(get), ec);
    REQUIRE_FALSE(ec);
    CHECK(list.result_int() == 200);
    CHECK(body_of(list) == Json::parse(R"({"pong": true, "next": "http://api.localhost/ping/?cursor=x"})"));

    const auto post = client.request(make(bhttp::verb::post, "/ping/", "{}"), ec);
    REQUIRE_FALSE(ec);
    CHECK(post.result_int() == 405);
    CHECK(text(post[bhttp::field::allow]) == "GET, HEAD, OPTIONS");
    CHECK(body_of(post) == Json::parse(R"({"detail": "Method \"POST\" not allowed."})"));

    const auto missing = client.request(make(bhttp::verb::get, "/nothing/"), ec);
    REQUIRE_FALSE(ec);
    CHECK(missing.result_int() == 404);
    CHECK(body_of(missing) == Json::parse(R"({"detail": "Not found."})"));

    const auto head = client.request(make(bhttp::verb::head, "/ping/"), ec);
    REQUIRE_FALSE(ec);
    CHECK(head.result_int() == 200);
    CHECK(head.body().empty());
    const auto again = client.request(make(bhttp::verb::get, "/ping/"), ec);  // framing intact after HEAD
    REQUIRE_FALSE(ec);
    CHECK(again.result_int() == 200);
}

// docs/server.md's example, with port 0 and a SIGTERM as soon as it listens instead of a Ctrl-C.
int docs_example(drf::server::ServerOptions options) {
    drf::routers::Router router;
    router.register_viewset<PingViewSet>("ping");
    return drf::server::serve(router, std::move(options));
}

TEST_CASE("docs/server.md: serve(router, options) listens, and returns 0 after SIGTERM", "[server]") {
    std::ostringstream log;
    const int status = docs_example({.host = "127.0.0.1",
                                     .port = 0,
                                     .threads = 1,
                                     .log = &log,
                                     .on_ready = [](unsigned short) { std::raise(SIGTERM); }});
    CHECK(status == 0);
    CHECK(log.str().find("drf: SIGTERM received; finishing requests in flight") != std::string::npos);
}

TEST_CASE("start() on an address already in use throws, naming it; start() twice is a logic error", "[server]") {
    Server first(hello, quiet());
    first.start();
    auto options = quiet();
    options.port = first.port();
    Server second(hello, options);
    try {
        second.start();
        FAIL("start() should have thrown");
    } catch (const std::runtime_error& e) {
        CHECK(std::string(e.what()).find("cannot listen on 127.0.0.1:" + std::to_string(first.port())) != std::string::npos);
    }
    CHECK_THROWS_AS(first.start(), std::logic_error);
    CHECK_THROWS_AS(Server(drf::server::Handler{}, quiet()), std::invalid_argument);
}

TEST_CASE("A port in use is a ListenError with the address, the step and the OS's reason; serve() logs it and returns 1",
          "[server]") {
    Server first(hello, quiet());
    first.start();
    const std::string where = "127.0.0.1:" + std::to_string(first.port());
    auto options = quiet();
    options.port = first.port();
    Server second(hello, options);
    try {
        second.run();  // as serve(), but throwing
        FAIL("run() should have thrown");
    } catch (const drf::server::ListenError& e) {
        CHECK(e.address() == where);
        CHECK(e.step() == "bind");
        CHECK(e.reason() == "Address already in use");
        CHECK(std::string(e.what()) == "drf::server: cannot listen on " + where + " (bind): Address already in use");
    }
    std::ostringstream log;
    options.log = &log;
    CHECK(drf::server::serve(hello, options) == 1);
    CHECK(log.str() == "drf::server: cannot listen on " + where + " (bind): Address already in use\n");
}

TEST_CASE("serve() runs until SIGTERM, then drains and returns 0", "[server]") {
    std::ostringstream log;
    std::promise<unsigned short> ready;
    const ServerOptions options{.host = "127.0.0.1",
                                .port = 0,
                                .threads = 2,
                                .access_log = false,
                                .log = &log,
                                .on_ready = [&](unsigned short port) { ready.set_value(port); }};
    auto served = std::async(std::launch::async, [&] { return drf::server::serve(hello, options); });
    auto port = ready.get_future();
    REQUIRE(port.wait_for(2s) == std::future_status::ready);
    CHECK(fetch(port.get(), make(bhttp::verb::get, "/")).result_int() == 200);
    std::raise(SIGTERM);  // serve() handles it: on_ready ran after its signal handlers were installed
    REQUIRE(served.wait_for(2s) == std::future_status::ready);
    CHECK(served.get() == 0);
    const std::string said = log.str();
    CHECK(said.find("drf: listening on http://127.0.0.1:") != std::string::npos);
    CHECK(said.find("drf: SIGTERM received") != std::string::npos);
    CHECK(said.find("drf: stopped") != std::string::npos);
}

}  // namespace server_test
