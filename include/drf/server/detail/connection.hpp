// drf/server/detail/connection.hpp — the server's moving parts: the state its threads share, a Session
// per connection (its own strand, so one connection's steps never run concurrently), the 503 answer
// past the connection cap, and the accept loop.
#pragma once

#include <utility>  // first: Boost 1.74's asio uses std::exchange without including <utility>

#include <drf/http/exceptions.hpp>
#include <drf/http/handler.hpp>
#include <drf/http/method.hpp>
#include <drf/http/request.hpp>
#include <drf/http/response.hpp>
#include <drf/server/detail/convert.hpp>
#include <drf/server/options.hpp>

#include <boost/asio/dispatch.hpp>
#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core/error.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http/error.hpp>
#include <boost/beast/http/parser.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/write.hpp>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <exception>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

namespace drf::server::detail {

namespace net = boost::asio;
namespace beast = boost::beast;
using tcp = net::ip::tcp;
using Clock = std::chrono::steady_clock;

// After an answer that ends the connection, how long to read and discard what the client still sends:
// closing a socket with unread input makes the kernel reset it, and the client may lose the answer.
inline constexpr std::chrono::milliseconds linger_timeout{2000};

class Session;

struct State {
    State(Handler h, ServerOptions o) : handler(std::move(h)), options(std::move(o)) {}

    const Handler handler;
    const ServerOptions options;
    std::atomic<bool> stopping{false};

    // One lock for every line written to options.log, so lines never interleave.
    std::mutex log_mutex;
    void log_line(std::string_view line) noexcept {
        if (options.log == nullptr) return;
        try {
            std::lock_guard lock(log_mutex);
            options.log->write(line.data(), static_cast<std::streamsize>(line.size()));
        } catch (...) {  // a log that throws must not take a worker thread with it
        }
    }
    void access(std::string_view method, std::string_view target, int status, Clock::time_point started) noexcept {
        if (!options.access_log || options.log == nullptr) return;
        try {
            const auto micros = std::chrono::duration_cast<std::chrono::microseconds>(Clock::now() - started).count();
            std::string line;
            line.reserve(method.size() + target.size() + 32);
            line.append(method.empty() ? "-" : method).append(" ");
            line.append(target.empty() ? "-" : target).append(" ");
            line.append(std::to_string(status)).append(" ").append(std::to_string(micros)).append("us\n");
            log_line(line);
        } catch (...) {
        }
    }

    // Open connections, for the cap and for stop(). A session removes itself in its destructor.
    std::mutex sessions_mutex;
    std::condition_variable sessions_changed;
    std::unordered_map<const Session*, std::weak_ptr<Session>> sessions;

    // Declared last, so destroyed first: the io_context destroys the handlers still queued, and the
    // sessions they own, while the members above still exist.
    net::io_context ioc;
    std::optional<net::executor_work_guard<net::io_context::executor_type>> work;
    tcp::acceptor acceptor{net::make_strand(ioc)};
    net::steady_timer accept_retry{acceptor.get_executor()};
};

// "127.0.0.1:8000", "[::1]:8000": the address the client reached, for Request::set_default_host.
inline std::string host_port(const tcp::endpoint& endpoint) {
    const std::string address = endpoint.address().to_string();
    return (endpoint.address().is_v6() ? "[" + address + "]" : address) + ":" + std::to_string(endpoint.port());
}

inline void close_socket(beast::tcp_stream& stream) noexcept {
    beast::error_code ignored;
    stream.socket().shutdown(tcp::socket::shutdown_both, ignored);
    stream.socket().close(ignored);
}

// Half-closes, then reads and discards until the client closes or linger_timeout passes.
template <class Owner>
struct LingeringClose {
    std::shared_ptr<Owner> owner;
    beast::tcp_stream* stream;
    beast::flat_buffer* buffer;

    void start() {
        beast::error_code ec;
        stream->socket().shutdown(tcp::socket::shutdown_send, ec);
        if (ec) return close_socket(*stream);
        stream->expires_after(linger_timeout);
        (*this)({}, 0);
    }
    void operator()(beast::error_code ec, std::size_t) {
        if (ec) return close_socket(*stream);
        auto* s = stream;
        auto space = buffer->prepare(4096);  // never committed: the same bytes are reused
        s->async_read_some(space, std::move(*this));
    }
};

// True for Beast's parse errors (malformed input), false for the ones that mean the peer went away.
inline bool is_malformed(const beast::error_code& ec) {
    if (ec.category() != bhttp::make_error_code(bhttp::error::bad_method).category()) return false;
    return ec != bhttp::error::end_of_stream && ec != bhttp::error::partial_message && ec != bhttp::error::short_read &&
           ec != bhttp::error::need_more && ec != bhttp::error::stale_parser;
}

class Session : public std::enable_shared_from_this<Session> {
public:
    Session(tcp::socket&& socket, State& state) : state_(state), stream_(std::move(socket)) {
        beast::error_code ec;
        const auto local = stream_.socket().local_endpoint(ec);
        default_host_ = ec ? state_.options.host : host_port(local);
    }
    Session(const Session&) = delete;
    Session& operator=(const Session&) = delete;
    ~Session() {
        std::lock_guard lock(state_.sessions_mutex);
        state_.sessions.erase(this);
        state_.sessions_changed.notify_all();
    }

    void start() {
        net::dispatch(stream_.get_executor(), [self = shared_from_this()] { self->read_header(); });
    }

    // From stop(), through the strand. Graceful: a connection waiting for its next request closes now;
    // one with a request in hand finishes it and closes. Forced: close whatever it is doing.
    void shutdown(bool force) {
        net::dispatch(stream_.get_executor(), [self = shared_from_this(), force] {
            if (force) return close_socket(self->stream_);
            if (self->phase_ == Phase::reading && self->buffer_.size() == 0 && !self->parser_->got_some())
                self->stream_.cancel();
        });
    }

private:
    enum class Phase { starting, reading, handling, writing, closing };

    void read_header() {
        if (state_.stopping && buffer_.size() == 0) return close_socket(stream_);
        phase_ = Phase::reading;
        parser_.emplace();
        parser_->header_limit(static_cast<std::uint32_t>(std::min<std::size_t>(state_.options.max_header_bytes, UINT32_MAX)));
        parser_->body_limit(static_cast<std::uint64_t>(state_.options.max_body_bytes));
        // The first request gets the full read_timeout; later ones on a kept-alive connection must begin
        // within keep_alive_timeout, so idle connections do not pile up.
        stream_.expires_after(first_request_ ? state_.options.read_timeout : state_.options.keep_alive_timeout);
        bhttp::async_read_header(stream_, buffer_, *parser_,
                                 [self = shared_from_this()](beast::error_code ec, std::size_t) { self->on_header(ec); });
    }

    void on_header(beast::error_code ec) {
        if (ec) return on_read_error(ec);
        first_request_ = false;
        stream_.expires_after(state_.options.read_timeout);
        if (parser_->is_done()) return handle();
        const auto& message = parser_->get();
        // curl and others wait (a second, for curl) for "100 Continue" before they send a body.
        if (message.version() >= 11 && http::detail::iequals(to_std(message[bhttp::field::expect]), "100-continue")) {
            static constexpr std::string_view proceed = "HTTP/1.1 100 Continue\r\n\r\n";
            net::async_write(stream_, net::buffer(proceed.data(), proceed.size()),
                             [self = shared_from_this()](beast::error_code e, std::size_t) {
                                 if (e) return close_socket(self->stream_);
                                 self->read_body();
                             });
            return;
        }
        read_body();
    }

    void read_body() {
        bhttp::async_read(stream_, buffer_, *parser_, [self = shared_from_this()](beast::error_code ec, std::size_t) {
            if (ec) return self->on_read_error(ec);
            self->handle();
        });
    }

    void on_read_error(const beast::error_code& ec) {
        if (ec == bhttp::error::body_limit) return fail(413, "Request body is too large.");
        if (ec == bhttp::error::header_limit) return fail(431, "Request header fields too large.");
        if (is_malformed(ec)) return fail(400, "Malformed request.");
        close_socket(stream_);  // end of stream, timeout, reset, or stop() cancelling an idle wait
    }

    void handle() {
        phase_ = Phase::handling;
        started_ = Clock::now();
        BeastRequest& message = parser_->get();
        method_ = std::string(to_std(message.method_string()));
        target_ = std::string(to_std(message.target()));
        const bool head = message.method() == bhttp::verb::head;
        const unsigned version = message.version();
        const bool wants_keep_alive = message.keep_alive();
        http::Response response = respond(message);
        const bool keep_alive = wants_keep_alive && !state_.stopping;
        try {
            to_beast(response, head, version, keep_alive, response_);
        } catch (...) {  // an invalid status or header from the handler, or no memory
            try {
                to_beast(http::handle_exception(std::current_exception()), head, version, keep_alive, response_);
            } catch (...) {
                return close_socket(stream_);
            }
        }
        write(keep_alive);
    }

    http::Response respond(BeastRequest& message) {
        try {
            const auto method = http::parse_method(to_std(message.method_string()));
            if (!method) throw http::MethodNotAllowed(to_std(message.method_string()));  // BREW, TRACE, CONNECT
            http::Request request = to_request(message, *method, default_host_);
            return state_.handler(request);
        } catch (...) {
            return http::handle_exception(std::current_exception());
        }
    }

    // Answers a request the server could not read, then closes.
    void fail(int code, std::string_view detail) {
        started_ = Clock::now();
        const auto& message = parser_->get();
        method_ = std::string(to_std(message.method_string()));
        target_ = std::string(to_std(message.target()));
        try {
            response_ = error_response(code, detail);
        } catch (...) {
            return close_socket(stream_);
        }
        write(false);
    }

    void write(bool keep_alive) {
        phase_ = Phase::writing;
        // A fresh deadline: the handler's own time does not count against sending its response.
        stream_.expires_after(state_.options.read_timeout);
        bhttp::async_write(stream_, response_, [self = shared_from_this(), keep_alive](beast::error_code ec, std::size_t) {
            self->on_write(ec, keep_alive);
        });
    }

    void on_write(beast::error_code ec, bool keep_alive) {
        state_.access(method_, target_, static_cast<int>(response_.result_int()), started_);
        if (ec) return close_socket(stream_);
        if (!keep_alive) {
            phase_ = Phase::closing;
            return LingeringClose<Session>{shared_from_this(), &stream_, &buffer_}.start();
        }
        response_ = {};
        read_header();
    }

    State& state_;
    beast::tcp_stream stream_;
    beast::flat_buffer buffer_;
    std::optional<bhttp::request_parser<bhttp::string_body>> parser_;
    BeastResponse response_;  // alive until its write completes
    Phase phase_ = Phase::starting;
    bool first_request_ = true;
    std::string default_host_;
    std::string method_, target_;  // for the access log
    Clock::time_point started_{};
};

// Past max_connections: answer 503 without reading the request, then close.
class Rejection : public std::enable_shared_from_this<Rejection> {
public:
    Rejection(tcp::socket&& socket, State& state) : state_(state), stream_(std::move(socket)) {}

    void start() {
        net::dispatch(stream_.get_executor(), [self = shared_from_this()] {
            try {
                self->response_ = error_response(503, "Server busy.");
            } catch (...) {
                return close_socket(self->stream_);
            }
            self->stream_.expires_after(std::min<std::chrono::milliseconds>(self->state_.options.read_timeout, linger_timeout));
            bhttp::async_write(self->stream_, self->response_, [self](beast::error_code ec, std::size_t) {
                self->state_.access("-", "-", 503, self->started_);
                if (ec) return close_socket(self->stream_);
                LingeringClose<Rejection>{self, &self->stream_, &self->buffer_}.start();
            });
        });
    }

private:
    State& state_;
    beast::tcp_stream stream_;
    beast::flat_buffer buffer_;
    BeastResponse response_;
    Clock::time_point started_ = Clock::now();
};

inline void accept(State& state);

inline void on_accept(State& state, beast::error_code ec, tcp::socket socket) {
    if (!state.acceptor.is_open()) return;  // stop() closed it
    if (ec) {
        if (ec == net::error::operation_aborted) return;
        // Out of file descriptors (EMFILE) and the like: wait a little instead of spinning.
        state.accept_retry.expires_after(std::chrono::milliseconds(50));
        state.accept_retry.async_wait([&state](beast::error_code e) {
            if (!e) accept(state);
        });
        return;
    }
    try {
        beast::error_code ignored;
        socket.set_option(tcp::no_delay(true), ignored);  // a response is written whole: do not hold it back
        std::shared_ptr<Session> session;
        {
            std::lock_guard lock(state.sessions_mutex);
            const auto cap = state.options.max_connections;
            if (cap == 0 || state.sessions.size() < cap) {
                session = std::make_shared<Session>(std::move(socket), state);
                state.sessions.emplace(session.get(), session);
            }
        }
        if (session)
            session->start();
        else
            std::make_shared<Rejection>(std::move(socket), state)->start();
    } catch (...) {  // no memory for one connection: drop it, keep accepting
    }
    accept(state);
}

inline void accept(State& state) {
    state.acceptor.async_accept(net::make_strand(state.ioc), [&state](beast::error_code ec, tcp::socket socket) {
        on_accept(state, ec, std::move(socket));
    });
}

// The server whose worker the current thread is, if any: stop() must not wait for its own thread.
inline thread_local const State* worker_of = nullptr;

// A worker thread: runs handlers until the io_context runs out of work. An exception escaping a
// handler is logged and the thread goes back to work; it never ends the thread.
inline void run_worker(State& state) {
    worker_of = &state;
    for (;;) {
        try {
            state.ioc.run();
            return;
        } catch (const std::exception& e) {
            state.log_line(std::string("drf: server: unexpected exception in a worker thread: ") + e.what() + "\n");
        } catch (...) {
            state.log_line("drf: server: unexpected exception in a worker thread\n");
        }
    }
}

}  // namespace drf::server::detail
