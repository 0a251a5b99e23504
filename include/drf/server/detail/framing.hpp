// drf/server/detail/framing.hpp — the RFC 9112 rules on a request's header section that Beast 1.74's
// parser leaves out (Transfer-Encoding and Content-Length framing, one Host, no obs-fold, the target's
// length, the number of fields), each with the answer the server gives when it is broken.
#pragma once

#include <utility>  // first: Boost 1.74's asio uses std::exchange without including <utility>

#include <drf/core/detail/strings.hpp>
#include <drf/http/request.hpp>
#include <drf/server/detail/convert.hpp>

#include <boost/beast/http/field.hpp>
#include <boost/beast/http/rfc7230.hpp>

#include <cstddef>
#include <cstring>
#include <string_view>

namespace drf::server::detail {

// What the server answers a request it will not hand to the handler; status 0 is "nothing wrong".
// The detail is a string literal: building an error never allocates.
struct ReadError {
    int status = 0;
    std::string_view detail;
    explicit operator bool() const noexcept { return status != 0; }
};

// Every answer the reader can give, in one place (docs/server.md lists them).
namespace read_errors {
inline constexpr ReadError malformed{400, "Malformed request."};
inline constexpr ReadError body_too_large{413, "Request body is too large."};
inline constexpr ReadError header_too_large{431, "Request header fields too large."};
inline constexpr ReadError too_many_fields{431, "Too many request header fields."};
inline constexpr ReadError target_too_long{414, "Request-URI too long."};
inline constexpr ReadError extensions_too_long{400, "Chunk extensions too long."};
inline constexpr ReadError final_coding_not_chunked{400, "Malformed request: the final Transfer-Encoding must be chunked."};
inline constexpr ReadError chunked_twice{400, "Malformed request: chunked is applied more than once."};
inline constexpr ReadError coding_not_implemented{501, "Transfer-Encoding other than chunked is not implemented."};
inline constexpr ReadError encoding_in_http10{400, "Malformed request: Transfer-Encoding in an HTTP/1.0 request."};
inline constexpr ReadError encoding_and_length{400, "Malformed request: Transfer-Encoding with Content-Length."};
inline constexpr ReadError lengths{400, "Malformed request: more than one Content-Length."};
inline constexpr ReadError hosts{400, "Malformed request: more than one Host."};
inline constexpr ReadError obs_fold{400, "Malformed request: a header field continued on the next line (obs-fold)."};
}  // namespace read_errors

// The request line's target as far as `pending` (the unparsed start of a request) holds it: the bytes
// between the first and the second space, or to the end when the second has not arrived yet. Lets an
// over-long target be told (414) from an over-long header (431) before the request line is complete.
inline std::size_t partial_target_length(std::string_view pending) {
    const auto first = pending.find(' ');
    if (first == std::string_view::npos) return 0;
    const auto rest = pending.substr(first + 1);
    const auto end = rest.find_first_of(" \r\n");
    return end == std::string_view::npos ? rest.size() : end;
}

// Header bytes as Beast consumes them, scanned once: lines (for the field count) and obs-fold. Beast
// accepts a field continued on a line that starts with a space or tab and joins it into one value;
// RFC 9112 §5.2 lets a server refuse it, and a proxy that reads the fold differently would see other
// fields than the handler. Beast rejects a bare CR or LF itself, so every '\n' here ends a line, and a
// fold never straddles two scans: Beast consumes a field only once it has seen the byte after its CRLF.
struct HeaderScan {
    std::size_t lines = 0;  // request line, fields, and the blank line once the header is complete
    bool folded = false;

    void add(const char* data, std::size_t size) noexcept {
        const char* end = data + size;
        for (const char* p = data; p != end;) {
            const void* found = std::memchr(p, '\n', static_cast<std::size_t>(end - p));
            if (found == nullptr) return;
            p = static_cast<const char*>(found) + 1;
            ++lines;
            if (p != end && (*p == ' ' || *p == '\t')) folded = true;
        }
    }
};

// The framing rules checked once the header section is complete (RFC 9112 §6 and §3.2); Beast has
// already refused a chunked Transfer-Encoding beside a Content-Length, a Content-Length that is not a
// number and two that differ. Costs a few lookups in the parsed fields: no allocation.
inline ReadError framing_error(const BeastRequest& message) {
    namespace errors = read_errors;
    const auto encodings = message.equal_range(bhttp::field::transfer_encoding);
    if (encodings.first != encodings.second) {
        // HTTP/1.0 has no Transfer-Encoding: a message that has one is one whose framing a proxy may
        // have read differently (§6.1).
        if (message.version() < 11) return errors::encoding_in_http10;
        if (message.find(bhttp::field::content_length) != message.end()) return errors::encoding_and_length;
        int chunked = 0;
        bool last_is_chunked = false;
        bool other = false;
        for (auto it = encodings.first; it != encodings.second; ++it) {
            const bhttp::opt_token_list codings{it->value()};
            if (!bhttp::validate_list(codings)) return errors::malformed;
            for (const auto& coding : codings) {
                last_is_chunked = drf::detail::iequals(to_std(coding), "chunked");
                if (last_is_chunked)
                    ++chunked;
                else
                    other = true;
            }
        }
        // Beast reads any other final coding as "no body" and would take the body for the next request.
        if (!last_is_chunked) return errors::final_coding_not_chunked;
        if (chunked > 1) return errors::chunked_twice;
        if (other) return errors::coding_not_implemented;  // gzip, deflate, ...: the body is not decoded
    }
    const auto lengths = message.equal_range(bhttp::field::content_length);
    if (lengths.first != lengths.second) {
        // Beast accepts repeats with equal values ("3, 3" or two fields); a proxy may have used either.
        if (std::next(lengths.first) != lengths.second) return errors::lengths;
        if (to_std(lengths.first->value()).find(',') != std::string_view::npos) return errors::lengths;
    }
    if (message.count(bhttp::field::host) > 1) return errors::hosts;
    return {};
}

}  // namespace drf::server::detail
