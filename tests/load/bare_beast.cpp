// tests/load/bare_beast.cpp — the ceiling for tests/load/ceiling.sh: a bare Boost.Beast HTTP/1.1 server
// with the example service's shape and none of its work. N worker threads over one io_context and a
// strand per connection, its stream typed by the strand (both as drf::server), keep-alive, Nagle off; GET answers a fixed 25-item page of the
// same shape and size as the example's GET /api/projects/ (a cursor link, 25 projects, 5.3 kB), POST a
// fixed 201 with one project, each with the headers the example sends (ETag, Vary, Server, Date,
// Content-Type). No routing, no database, no JSON: what is left of a request is Beast's parsing and
// serialising, Asio and the kernel's loopback, which is what any Beast-based server pays.
//     drf_bare_beast [--port 0] [--threads 2]
// prints "Starting server at http://127.0.0.1:<port>/" (runserver's line) and serves until SIGINT/SIGTERM.
#include <utility>  // first: Boost 1.74's asio uses std::exchange without including <utility>

#include <boost/asio/dispatch.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/strand.hpp>
#include <boost/beast/core/error.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/basic_stream.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/string_body.hpp>
#include <boost/beast/http/write.hpp>

#include <algorithm>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <iostream>
#include <memory>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

namespace {

namespace net = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = net::ip::tcp;
using Strand = net::strand<net::io_context::executor_type>;
using Socket = tcp::socket::rebind_executor<Strand>::other;
using Stream = beast::basic_stream<tcp, Strand>;

// One project as the example renders it: 211 bytes for this name and description.
std::string project_json(int n, std::string_view name, std::string_view description) {
    char id[40];
    std::snprintf(id, sizeof id, "%08x-5067-455a-b2a8-72f6de018286", 0x10000000u + static_cast<unsigned>(n));
    char stamp[40];
    std::snprintf(stamp, sizeof stamp, "2026-12-02T23:04:%02d.%06dZ", n % 60, 100000 + n);
    std::string out = "{\"id\":\"";
    out.append(id).append("\",\"name\":\"").append(name).append("\",\"description\":\"").append(description);
    out.append("\",\"owner\":\"loadtest\",\"archived\":false,\"created_at\":\"").append(stamp);
    out.append("\",\"updated_at\":\"").append(stamp).append("\"}");
    return out;
}

// The example's first page after tests/load's setup: a next link with a 64-character cursor, no
// previous, projects 60 down to 36.
std::string page_json(unsigned short port) {
    std::string out = "{\"next\":\"http://127.0.0.1:" + std::to_string(port) +
                      "/api/projects/?cursor=AW6fiUC2dAAGYa6oqCsAdavkCwkaGkAIqvwl-jLx-PFl9Ngrtvlb39BzdbzeJihm\","
                      "\"previous\":null,\"results\":[";
    for (int i = 0; i < 25; ++i) {
        if (i != 0) out += ',';
        out += project_json(i, "project " + std::to_string(60 - i), "");
    }
    out += "]}";
    return out;
}

std::string http_date() {
    const std::time_t now = std::time(nullptr);
    std::tm t{};
    gmtime_r(&now, &t);
    char out[64];
    std::strftime(out, sizeof out, "%a, %d %b %Y %H:%M:%S GMT", &t);
    return out;
}

struct Bodies {
    std::string page;
    std::string created = project_json(99, "load test", "from wrk");
};

class Session : public std::enable_shared_from_this<Session> {
public:
    Session(Socket&& socket, const Bodies& bodies) : stream_(std::move(socket)), bodies_(bodies) {}

    void start() {
        net::dispatch(stream_.get_executor(), [self = shared_from_this()] { self->read(); });
    }

private:
    void read() {
        request_ = {};
        stream_.expires_after(std::chrono::seconds(30));
        http::async_read(stream_, buffer_, request_, [self = shared_from_this()](beast::error_code ec, std::size_t) {
            if (ec) return self->close();
            self->answer();
        });
    }

    void answer() {
        const bool post = request_.method() == http::verb::post;
        response_ = {};
        response_.version(request_.version());
        response_.result(post ? http::status::created : http::status::ok);
        if (!post) response_.set(http::field::etag, "\"50e8b53de03c11dc\"");
        response_.set(http::field::vary, "Origin");
        response_.set(http::field::server, "bare");
        response_.set(http::field::date, http_date());
        response_.set(http::field::content_type, "application/json");
        response_.body() = post ? bodies_.created : bodies_.page;
        response_.prepare_payload();
        response_.keep_alive(request_.keep_alive());
        http::async_write(stream_, response_, [self = shared_from_this()](beast::error_code ec, std::size_t) {
            if (ec || !self->response_.keep_alive()) return self->close();
            self->read();
        });
    }

    void close() {
        beast::error_code ignored;
        stream_.socket().shutdown(tcp::socket::shutdown_send, ignored);
    }

    Stream stream_;
    const Bodies& bodies_;
    beast::flat_buffer buffer_;
    http::request<http::string_body> request_;
    http::response<http::string_body> response_;
};

void accept(tcp::acceptor& acceptor, net::io_context& ioc, const Bodies& bodies) {
    acceptor.async_accept(Strand(ioc.get_executor()), [&](beast::error_code ec, Socket socket) {
        if (!ec) {
            socket.set_option(tcp::no_delay(true), ec);
            std::make_shared<Session>(std::move(socket), bodies)->start();
        }
        if (acceptor.is_open()) accept(acceptor, ioc, bodies);
    });
}

}  // namespace

int main(int argc, char** argv) {
    unsigned short port = 0;
    unsigned threads = 2;
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string_view flag = argv[i];
        if (flag == "--port")
            port = static_cast<unsigned short>(std::atoi(argv[i + 1]));
        else if (flag == "--threads")
            threads = static_cast<unsigned>(std::max(1, std::atoi(argv[i + 1])));
        else {
            std::cerr << "usage: drf_bare_beast [--port N] [--threads N]\n";
            return 2;
        }
    }
    net::io_context ioc;
    tcp::acceptor acceptor(net::make_strand(ioc), tcp::endpoint(net::ip::make_address("127.0.0.1"), port));
    port = acceptor.local_endpoint().port();
    const Bodies bodies{page_json(port)};
    net::signal_set signals(ioc, SIGINT, SIGTERM);
    signals.async_wait([&](beast::error_code, int) { ioc.stop(); });
    accept(acceptor, ioc, bodies);
    std::cout << "Starting server at http://127.0.0.1:" << port << "/ (" << threads << " threads, page "
              << bodies.page.size() << " bytes)" << std::endl;
    std::vector<std::thread> workers;
    for (unsigned i = 1; i < threads; ++i) workers.emplace_back([&] { ioc.run(); });
    ioc.run();
    for (auto& t : workers) t.join();
}
