// tests/fuzz/http_request_fuzz.cpp — the bytes a client sends on a connection, read exactly as the
// server reads them (parse_request: the server's RequestReader, buffer and read sizes, with the default
// ServerOptions), then turned into a Request as a Session does, pipelined requests included.
// Properties:
//   - every input ends as a request, an answer the server gives before closing, or "wait for more";
//   - a request that is read stays within every limit in ServerOptions, with one Host at most;
//   - the outcome does not depend on how the network splits the bytes: read whole, a byte at a time,
//     and in pieces of two other sizes taken from the input, the same request (fields, body and the
//     bytes it used) or the same answer comes out;
//   - a request becomes a drf Request (or the 405 an unknown method gets), and an answer a response.
#include "fuzz.hpp"

#include <drf/http.hpp>
#include <drf/server/detail/convert.hpp>
#include <drf/server/detail/request_reader.hpp>
#include <drf/server/options.hpp>

#include <cstddef>
#include <exception>
#include <string>
#include <string_view>

namespace http = drf::http;
namespace detail = drf::server::detail;
using drf_fuzz::require;
using Kind = detail::ParseOutcome::Kind;

namespace {

const drf::server::ServerOptions& options() {
    static const drf::server::ServerOptions defaults{};
    return defaults;
}

std::string describe(const detail::ParseOutcome& o) {
    switch (o.kind) {
        case Kind::request:
            return "request " + std::string(detail::to_std(o.request.method_string())) + " " +
                   std::string(detail::to_std(o.request.target())) + " (" + std::to_string(o.consumed) + " bytes)";
        case Kind::error: return std::to_string(o.error.status) + " " + std::string(o.error.detail);
        case Kind::incomplete: return "incomplete";
    }
    return "?";
}

bool same_request(const detail::BeastRequest& a, const detail::BeastRequest& b) {
    if (a.method_string() != b.method_string() || a.target() != b.target() || a.version() != b.version() || a.body() != b.body())
        return false;
    auto i = a.begin();
    auto j = b.begin();
    for (; i != a.end() && j != b.end(); ++i, ++j)
        if (i->name_string() != j->name_string() || i->value() != j->value()) return false;
    return i == a.end() && j == b.end();
}

bool same_outcome(const detail::ParseOutcome& a, const detail::ParseOutcome& b) {
    if (a.kind != b.kind) return false;
    switch (a.kind) {
        case Kind::request: return a.consumed == b.consumed && same_request(a.request, b.request);
        case Kind::error: return a.error.status == b.error.status && a.error.detail == b.error.detail;
        case Kind::incomplete: return true;
    }
    return false;
}

void check_request(detail::BeastRequest& message) {
    const auto& o = options();
    require(message.target().size() <= o.max_target_bytes, "a request's target is within max_target_bytes");
    require(message.body().size() <= o.max_body_bytes, "a request's body is within max_body_bytes");
    std::size_t fields = 0;
    for (auto it = message.begin(); it != message.end(); ++it) ++fields;
    require(fields <= o.max_header_fields, "a request has at most max_header_fields fields");
    require(message.count(detail::bhttp::field::host) <= 1, "a request has at most one Host");

    // What Session::respond does with it.
    const auto method = http::parse_method(detail::to_std(message.method_string()));
    if (!method) {
        const http::Response answer = http::handle_exception(
            std::make_exception_ptr(http::MethodNotAllowed(detail::to_std(message.method_string()))));
        require(answer.status_code() == 405, "an unknown method is a 405");
        return;
    }
    const http::Request request = detail::to_request(message, *method, "127.0.0.1:8000");
    // What a handler reads first: its links' base (the Host, checked against the allowed hosts) and
    // the body. A client's mistake there is an API error (400, 415), answered like any other.
    try {
        require(!request.base_url().empty(), "a request has a base URL");
        (void)request.data();
    } catch (const http::APIException&) {
        const http::Response answer = http::handle_exception(std::current_exception());
        require(answer.status_code() >= 400 && answer.status_code() < 500, "a client's mistake is a 4xx");
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string_view bytes = drf_fuzz::as_text(data, size);
    // The sizes of the reads besides whole and a byte at a time: from the input, so every split, of the
    // header as of a chunk line, gets tried over time.
    const std::size_t pieces[] = {1, 2 + size % 17, 1 + (size * 7919) % 4099};
    try {
        for (int requests = 0; requests < 8 && !bytes.empty(); ++requests) {
            detail::ParseOutcome whole = detail::parse_request(options(), bytes);
            for (const std::size_t piece : pieces) {
                const detail::ParseOutcome split = detail::parse_request(options(), bytes, piece);
                require(same_outcome(whole, split), "the outcome does not depend on how the bytes arrive",
                        "read whole: " + describe(whole) + "; in pieces of " + std::to_string(piece) + ": " + describe(split));
            }
            if (whole.kind == Kind::error) {
                require(whole.error.status >= 400 && whole.error.status <= 599 && !whole.error.detail.empty(),
                        "an answer is an error status with a detail");
                const auto answer = detail::error_response(whole.error.status, whole.error.detail);
                require(answer.result_int() == static_cast<unsigned>(whole.error.status), "the answer has its status");
                return 0;
            }
            if (whole.kind == Kind::incomplete) return 0;
            require(whole.consumed > 0 && whole.consumed <= bytes.size(), "a request consumes part of the input");
            const bool keep_alive = whole.request.keep_alive();
            check_request(whole.request);
            if (!keep_alive) return 0;  // the server closes after this one
            bytes.remove_prefix(whole.consumed);
        }
    } catch (const std::exception& e) {
        drf_fuzz::fail("unexpected exception", e.what());
    }
    return 0;
}
