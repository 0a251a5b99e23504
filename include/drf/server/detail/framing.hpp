// drf/server/detail/framing.hpp — the RFC 9112 rules on a request's header section that Beast 1.74's
// parser leaves out (Transfer-Encoding and Content-Length framing, one Host, no obs-fold, the target's
// length, the number of fields), each with the answer the server gives when it is broken; and
// HeaderScan, which checks the header byte by byte as it arrives.
#pragma once

#include <utility>  // first: Boost 1.74's asio uses std::exchange without including <utility>

#include <drf/core/detail/strings.hpp>
#include <drf/http/request.hpp>
#include <drf/server/detail/convert.hpp>
#include <drf/server/options.hpp>

#include <boost/beast/http/field.hpp>
#include <boost/beast/http/rfc7230.hpp>

#include <algorithm>
#include <cstddef>
#include <cstdint>
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

// The header section checked byte by byte as it arrives, so that its answer never depends on how the
// network splits it. Beast 1.74 checks a header's lines on its first look only: once a header has
// arrived in part it waits for CRLF CRLF before looking again, so a bad line in a header still arriving
// is found late, or never (a bare LF makes no CRLF CRLF: the client waits for the timeout). Refused at
// the byte that shows it: a control character (a bare CR or LF among them) or a tab in the request line,
// a version longer than "HTTP/1.1", a line starting with a space or tab (obs-fold, RFC 9112 §5.2: a
// proxy that reads the fold differently sees other fields than the handler), the field past
// max_header_fields, the byte past max_header_bytes. Beast, given the whole header, refuses each of
// these bytes too, the fold excepted (it joins the lines): what is accepted does not change.
//
// ready() is how far Beast may be fed: whole lines, and the byte after a field line's CRLF, which Beast
// must see before it takes the field (it could be a fold). Fed so, Beast parses every line on its first
// look, and never has a part of a line left over but that one byte.
class HeaderScan {
public:
    // Scans the next `size` bytes of the header section, stopping at the one that completes or refuses it.
    void scan(const char* data, std::size_t size, const ServerOptions& options) noexcept {
        std::size_t i = 0;
        while (i < size && !complete_ && !error_) {
            // Inside a field line only a control character (a CR among them) needs a look; inside the
            // method or the target, a space too.
            if (!after_cr_ && scanned_ != line_start_ && scanned_ < options.max_header_bytes && (lines_ != 0 || spaces_ < 2)) {
                const std::size_t n = plain_run(data + i, std::min(size - i, options.max_header_bytes - scanned_), lines_ == 0);
                if (n != 0) {
                    i += n;
                    scanned_ += n;
                    if (scanned_ >= options.max_header_bytes) over_limit();
                    continue;
                }
            }
            step(data[i++], options);
        }
    }

    std::size_t scanned() const noexcept { return scanned_; }
    std::size_t ready() const noexcept { return ready_; }
    std::size_t request_line_end() const noexcept { return request_line_end_; }  // 0 until it is complete
    bool complete() const noexcept { return complete_; }  // ready() is then the header's end
    const ReadError& error() const noexcept { return error_; }

private:
    // A tab is a control character only in the request line: a field's value may hold one.
    static constexpr bool is_control(char c) noexcept {
        const auto u = static_cast<unsigned char>(c);
        return (u < 0x20 && u != '\t') || u == 0x7f;
    }

    // How many of the `size` bytes at `p` need no look: no control character, and in the request line
    // no space or tab. Eight at a time, as a 64-bit word (RFC-free bit tricks: a byte below 0x20, or
    // equal to one, sets its high bit in the expressions below).
    static std::size_t plain_run(const char* p, std::size_t size, bool request_line) noexcept {
        constexpr std::uint64_t ones = 0x0101010101010101u;
        constexpr std::uint64_t highs = 0x8080808080808080u;
        std::size_t n = 0;
        for (;;) {
            for (; n + 8 <= size; n += 8) {
                std::uint64_t w;
                std::memcpy(&w, p + n, 8);
                const std::uint64_t del = w ^ (ones * 0x7f);
                const std::uint64_t space = w ^ (ones * ' ');
                std::uint64_t look = ((w - ones * 0x20) & ~w) | ((del - ones) & ~del);
                if (request_line) look |= (space - ones) & ~space;
                if ((look & highs) != 0) break;
            }
            const std::size_t word_end = std::min(size, n + 8);
            for (; n < word_end; ++n) {
                const char c = p[n];
                if (is_control(c) || (request_line && (c == ' ' || c == '\t'))) return n;
            }
            if (n == size) return n;
        }
    }

    // One byte: the request line's, the first of a field line, or one that needs a look.
    void step(char c, const ServerOptions& options) noexcept {
        const std::size_t at = scanned_++;
        if (after_cr_) {
            after_cr_ = false;
            if (c != '\n') {
                error_ = read_errors::malformed;
                return;
            }
            end_line(at + 1, options);
        } else if (is_control(c)) {
            if (c != '\r') {
                error_ = read_errors::malformed;
                return;
            }
            after_cr_ = true;
            if (at == line_start_ && lines_ >= 2) ready_ = at + 1;  // the blank line may follow a field
        } else if (at == line_start_ && lines_ >= 1) {
            if (c == ' ' || c == '\t') {
                // After the request line there is no field to continue.
                error_ = lines_ == 1 ? read_errors::malformed : read_errors::obs_fold;
                return;
            }
            if (lines_ >= 2) ready_ = at + 1;
        } else if (lines_ == 0) {
            if (c == '\t') {
                error_ = read_errors::malformed;
                return;
            }
            if (spaces_ == 2) {
                if (++version_bytes_ > 8) {  // "HTTP/1.1": no longer version exists
                    error_ = read_errors::malformed;
                    return;
                }
            } else if (c == ' ') {
                ++spaces_;
            }
        }
        if (!complete_ && !error_ && scanned_ >= options.max_header_bytes) over_limit();
    }

    void over_limit() noexcept {
        // nginx answers 414 to a request line that does not fit either: its target is too long.
        error_ = lines_ == 0 && spaces_ != 0 ? read_errors::target_too_long : read_errors::header_too_large;
    }

    void end_line(std::size_t end, const ServerOptions& options) noexcept {
        const bool blank = end - line_start_ == 2;
        line_start_ = end;
        if (++lines_ == 1) {
            request_line_end_ = ready_ = end;
        } else if (blank) {
            ready_ = end;
            complete_ = true;
        } else if (lines_ - 1 > options.max_header_fields) {
            error_ = read_errors::too_many_fields;
        }
    }

    std::size_t scanned_ = 0;
    std::size_t ready_ = 0;
    std::size_t request_line_end_ = 0;
    std::size_t line_start_ = 0;
    std::size_t lines_ = 0;  // complete lines: the request line, then fields
    unsigned spaces_ = 0;    // in the request line, up to the one before the version
    unsigned version_bytes_ = 0;
    bool after_cr_ = false;
    bool complete_ = false;
    ReadError error_;
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
