// drf/server/detail/connection.hpp — the server's moving parts: the state its threads share, a Session
// per connection (its own strand, so one connection's steps never run concurrently), the 503 answer
// past the connection cap, the eviction that makes room before it, and the accept loop.
#pragma once

#include <utility>  // first: Boost 1.74's asio uses std::exchange without including <utility>

#include <drf/core/detail/strings.hpp>
#include <drf/http/exceptions.hpp>
#include <drf/http/handler.hpp>
#include <drf/http/method.hpp>
#include <drf/http/request.hpp>
#include <drf/http/response.hpp>
#include <drf/server/detail/convert.hpp>
#include <drf/server/detail/framing.hpp>
#include <drf/server/detail/request_reader.hpp>
#include <drf/server/options.hpp>

#include <boost/asio/dispatch.hpp>
#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core/error.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/read_size.hpp>
#include <boost/beast/core/basic_stream.hpp>
#include <boost/beast/http/write.hpp>

#include <algorithm>
#include <array>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <exception>
#include <memory>
#include <memory_resource>
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

// A connection's strand, its socket and its stream, by their concrete types. beast::tcp_stream holds a
// type-erased any_io_executor, which cannot keep a strand in its small buffer: every prefer() or
// require() that Asio and Beast make on it per operation (a read, a write, the timer) copied the strand
// onto the heap, into a shared_ptr of its own: 15 of the allocations of a request.
using Strand = net::strand<net::io_context::executor_type>;
using Socket = tcp::socket::rebind_executor<Strand>::other;
using Stream = beast::basic_stream<tcp, Strand>;

// After an answer that ends the connection, how long, and how much, to read and discard of what the
// client still sends: closing a socket with unread input makes the kernel reset it, and the client may
// lose the answer. A client that reads its answer stops sending within a round trip; one that keeps
// sending is not served by reading more (the byte cap is Go's net/http's, 256 KiB).
inline constexpr std::chrono::milliseconds linger_timeout{2000};
inline constexpr std::size_t linger_bytes = 256 * 1024;

// After stop() has closed every connection, how long it waits for their handlers to run down before
// it stops the io_context, dropping what is left (a 503 answer's linger, a close still queued).
inline constexpr std::chrono::milliseconds close_timeout{1000};

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
    std::unordered_map<Session*, std::weak_ptr<Session>> sessions;

    // Declared last, so destroyed first: the io_context destroys the handlers still queued, and the
    // sessions they own, while the members above still exist.
    net::io_context ioc;
    std::optional<net::executor_work_guard<net::io_context::executor_type>> work;
    tcp::acceptor acceptor{net::make_strand(ioc)};
    net::steady_timer accept_retry{acceptor.get_executor()};
};

// "127.0.0.1:8000", "[::1]:8000": the address the client reached, for Request::set_default_host.
inline std::string host_port(const tcp::endpoint& endpoint) {
    return authority(endpoint.address().to_string(), endpoint.port());
}

inline void close_socket(Stream& stream) noexcept {
    beast::error_code ignored;
    stream.socket().shutdown(tcp::socket::shutdown_both, ignored);
    stream.socket().close(ignored);
}

// Half-closes, then reads and discards until the client closes, linger_timeout passes or linger_bytes
// have been read.
template <class Owner>
struct LingeringClose {
    std::shared_ptr<Owner> owner;
    Stream* stream;
    beast::flat_buffer* buffer;
    std::size_t left = linger_bytes;

    void start() {
        beast::error_code ec;
        stream->socket().shutdown(tcp::socket::shutdown_send, ec);
        if (ec) return close_socket(*stream);
        stream->expires_after(linger_timeout);
        buffer->consume(buffer->size());  // what was read but not parsed is discarded as well
        (*this)({}, 0);
    }
    void operator()(beast::error_code ec, std::size_t read) {
        if (ec || read >= left) return close_socket(*stream);
        left -= read;
        auto* s = stream;
        auto space = buffer->prepare(4096);  // never committed: the same bytes are reused
        s->async_read_some(space, std::move(*this));
    }
};

// A session's memory for its messages' header fields. Beast spends about 60 bytes per field on top of
// its text: a browser's navigation request (16 fields, 722 bytes, a token included) took 1 599 bytes and a
// response with ten fields (a page of the example sends six) 896, so both fit. A larger header takes what
// it needs from the heap, given back before the next request.
inline constexpr std::size_t fields_memory_bytes = 4096;

// A session's place in the eviction order: the steady clock's ticks when it began waiting for a
// request header; not_waiting while it has a request in hand or is closing; evicted once the accept
// loop has taken its slot.
inline constexpr std::int64_t not_waiting = 0;
inline constexpr std::int64_t evicted = -1;
inline std::int64_t ticks_now() noexcept {
    return std::max<std::int64_t>(1, static_cast<std::int64_t>(Clock::now().time_since_epoch().count()));
}

class Session : public std::enable_shared_from_this<Session> {
public:
    Session(Socket&& socket, State& state)
        : state_(state),
          stream_(std::move(socket)),
          reader_(state.options, FieldsAllocator<char>(&fields_memory_)),
          buffer_(reader_.buffer_limit()) {
        beast::error_code ec;
        const auto local = stream_.socket().local_endpoint(ec);
        default_host_ = ec ? authority(state_.options.host, state_.options.port) : host_port(local);
        const auto peer = stream_.socket().remote_endpoint(ec);
        if (!ec) {
            // A dual-stack listener sees IPv4 clients as ::ffff:a.b.c.d; the client's address is a.b.c.d.
            const auto address = peer.address();
            remote_addr_ = address.is_v6() && address.to_v6().is_v4_mapped()
                               ? net::ip::make_address_v4(net::ip::v4_mapped, address.to_v6()).to_string()
                               : address.to_string();
        }
    }
    Session(const Session&) = delete;
    Session& operator=(const Session&) = delete;
    ~Session() {
        std::lock_guard lock(state_.sessions_mutex);
        state_.sessions.erase(this);
        state_.sessions_changed.notify_all();
    }

    void start() {
        net::dispatch(stream_.get_executor(), [self = shared_from_this()] { self->read_request(); });
    }

    // From stop(), through the strand. Graceful: a connection waiting for its next request closes now;
    // one with a request in hand finishes it and closes. Forced: close whatever it is doing.
    void shutdown(bool force) {
        net::dispatch(stream_.get_executor(), [self = shared_from_this(), force] {
            if (force) return close_socket(self->stream_);
            if (self->phase_ == Phase::reading && self->buffer_.size() == 0 && !self->reader_.got_some())
                self->stream_.cancel();
        });
    }

    // For the accept loop, under sessions_mutex: when this session began waiting for a request header
    // (0: it is not waiting), and taking its slot if it still waits since then. The session learns it
    // lost the slot at its next step (start_waiting, stop_waiting) even if evict()'s close comes later.
    std::int64_t waiting_since() const noexcept { return waiting_since_.load(std::memory_order_relaxed); }
    bool claim(std::int64_t since) noexcept { return waiting_since_.compare_exchange_strong(since, evicted); }
    void evict() {
        net::post(stream_.get_executor(), [self = shared_from_this()] { close_socket(self->stream_); });
    }

private:
    enum class Phase { starting, reading, handling, writing, closing };

    // Two atomic operations per request, on this session's own counter: eviction costs the hot path no
    // lock. Both return false once the session has been evicted.
    bool start_waiting() noexcept {
        std::int64_t current = waiting_since_.load(std::memory_order_relaxed);
        do {
            if (current == evicted) return false;
        } while (!waiting_since_.compare_exchange_weak(current, ticks_now()));
        return true;
    }
    bool stop_waiting() noexcept { return waiting_since_.exchange(not_waiting) != evicted; }

    void read_request() {
        if (state_.stopping && buffer_.size() == 0) return close_socket(stream_);
        if (!start_waiting()) return close_socket(stream_);
        phase_ = Phase::reading;
        // The last request and its response are gone: their fields' memory serves this one.
        reader_.clear();
        response_ = empty_response(FieldsAllocator<char>(&fields_memory_));
        fields_memory_.release();
        reader_.start();
        // A new connection's first header must arrive within header_timeout; a kept-alive connection's
        // next one within keep_alive_timeout, so idle connections do not pile up.
        const ServerOptions& o = state_.options;
        stream_.expires_after(first_request_ ? std::min(o.header_timeout, o.read_timeout) : o.keep_alive_timeout);
        advance();
    }

    void advance() {
        switch (reader_.parse(buffer_)) {
            case RequestReader::Step::need_more: return read_more();
            case RequestReader::Step::header: return on_header();
            case RequestReader::Step::done: return handle();
            case RequestReader::Step::error: return fail(reader_.error());
        }
    }

    void read_more() {
        const auto space = buffer_.prepare(beast::read_size(buffer_, read_chunk));  // the reader keeps it > 0
        stream_.async_read_some(space, [self = shared_from_this()](beast::error_code ec, std::size_t read) {
            self->buffer_.commit(read);
            if (ec) return close_socket(self->stream_);  // end of stream, timeout, reset, stop() or eviction
            self->advance();
        });
    }

    void on_header() {
        if (!stop_waiting()) return close_socket(stream_);
        first_request_ = false;
        stream_.expires_after(state_.options.read_timeout);
        const auto& message = reader_.message();
        // curl and others wait (a second, for curl) for "100 Continue" before they send a body.
        if (!reader_.is_done() && message.version() >= 11 &&
            drf::detail::iequals(to_std(message[bhttp::field::expect]), "100-continue")) {
            static constexpr std::string_view proceed = "HTTP/1.1 100 Continue\r\n\r\n";
            net::async_write(stream_, net::buffer(proceed.data(), proceed.size()),
                             [self = shared_from_this()](beast::error_code e, std::size_t) {
                                 if (e) return close_socket(self->stream_);
                                 self->advance();
                             });
            return;
        }
        advance();
    }

    void handle() {
        phase_ = Phase::handling;
        started_ = Clock::now();
        BeastRequest& message = reader_.message();
        remember_for_log(message);
        const bool head = message.method() == bhttp::verb::head;
        const unsigned version = message.version();
        const bool wants_keep_alive = message.keep_alive();
        http::Response response = respond(message);
        const bool keep_alive = wants_keep_alive && !state_.stopping;
        try {
            to_beast(std::move(response), head, version, keep_alive, response_);
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
            request.set_remote_addr(remote_addr_);
            return state_.handler(request);
        } catch (...) {
            return http::handle_exception(std::current_exception());
        }
    }

    // Answers a request the server would not read to the end, then closes.
    void fail(const ReadError& error) {
        if (!stop_waiting()) return close_socket(stream_);
        started_ = Clock::now();
        remember_for_log(reader_.message());
        try {
            response_ = error_response(error.status, error.detail);
        } catch (...) {
            return close_socket(stream_);
        }
        write(false);
    }

    // The access log's method and target, kept past the request: copied only when there is a log.
    void remember_for_log(const BeastRequest& message) {
        if (!state_.options.access_log || state_.options.log == nullptr) return;
        method_.assign(to_std(message.method_string()));
        target_.assign(to_std(message.target()));
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
        read_request();
    }

    State& state_;
    Stream stream_;
    // Where both messages' header fields are allocated (FieldsAllocator), emptied before each request:
    // a GET's fields then cost no allocation. Declared before the messages that use it.
    std::array<std::byte, fields_memory_bytes> fields_buffer_;
    std::pmr::monotonic_buffer_resource fields_memory_{fields_buffer_.data(), fields_buffer_.size()};
    RequestReader reader_;
    beast::flat_buffer buffer_;  // bytes read and not yet parsed: at most reader_.buffer_limit()
    BeastResponse response_;     // alive until its write completes
    std::atomic<std::int64_t> waiting_since_{ticks_now()};  // a new connection has not sent its header
    Phase phase_ = Phase::starting;
    bool first_request_ = true;
    std::string default_host_;
    std::string remote_addr_;  // the peer's address, Django's REMOTE_ADDR
    std::string method_, target_;  // for the access log
    Clock::time_point started_{};
};

// Under sessions_mutex, with every slot taken: takes the slot of the session that has waited longest for
// a request header (the cheapest to drop: it has nothing in hand) and returns it for evict(), or
// nullptr when there is none. A session whose header arrives meanwhile keeps its slot.
inline std::shared_ptr<Session> evict_oldest_waiting(State& state) {
    for (int attempt = 0; attempt < 4; ++attempt) {
        auto oldest = state.sessions.end();
        std::int64_t since = 0;
        for (auto it = state.sessions.begin(); it != state.sessions.end(); ++it) {
            const std::int64_t t = it->first->waiting_since();
            if (t > 0 && (since == 0 || t < since)) {
                oldest = it;
                since = t;
            }
        }
        if (oldest == state.sessions.end()) return nullptr;
        if (oldest->first->claim(since)) {
            auto victim = oldest->second.lock();  // empty if it is being destroyed: its slot is free all the same
            state.sessions.erase(oldest);
            return victim;
        }
    }
    return nullptr;
}

// Past max_connections, with no connection to evict: answer 503 without reading the request, then close.
class Rejection : public std::enable_shared_from_this<Rejection> {
public:
    Rejection(Socket&& socket, State& state) : state_(state), stream_(std::move(socket)) {}

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
    Stream stream_;
    beast::flat_buffer buffer_;
    BeastResponse response_;
    Clock::time_point started_ = Clock::now();
};

inline void accept(State& state);

inline void on_accept(State& state, beast::error_code ec, Socket socket) {
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
        std::shared_ptr<Session> victim;
        {
            std::lock_guard lock(state.sessions_mutex);
            const auto cap = state.options.max_connections;
            if (cap != 0 && state.sessions.size() >= cap) victim = evict_oldest_waiting(state);
            if (cap == 0 || state.sessions.size() < cap) {
                session = std::make_shared<Session>(std::move(socket), state);
                state.sessions.emplace(session.get(), session);
            }
        }
        if (victim) victim->evict();
        if (session)
            session->start();
        else
            std::make_shared<Rejection>(std::move(socket), state)->start();
    } catch (...) {  // no memory for one connection: drop it, keep accepting
    }
    accept(state);
}

inline void accept(State& state) {
    state.acceptor.async_accept(Strand(state.ioc.get_executor()), [&state](beast::error_code ec, Socket socket) {
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
