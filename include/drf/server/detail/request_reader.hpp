// drf/server/detail/request_reader.hpp — RequestReader, which turns the bytes a connection receives into
// one request or the error the server answers, every limit in ServerOptions applied; and parse_request(),
// which runs it over a byte string exactly as a connection does, for tests and fuzzing.
#pragma once

#include <utility>  // first: Boost 1.74's asio uses std::exchange without including <utility>

#include <drf/core/detail/strings.hpp>
#include <drf/server/detail/convert.hpp>
#include <drf/server/detail/framing.hpp>
#include <drf/server/options.hpp>

#include <boost/asio/buffer.hpp>
#include <boost/beast/core/error.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/read_size.hpp>
#include <boost/beast/http/error.hpp>
#include <boost/beast/http/parser.hpp>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <limits>
#include <optional>
#include <string_view>
#include <tuple>
#include <utility>
#include <vector>

namespace drf::server::detail {

namespace beast = boost::beast;

// The most a connection reads at once, as Beast's own read loop does.
inline constexpr std::size_t read_chunk = 64 * 1024;

inline std::size_t saturating_add(std::size_t a, std::size_t b) noexcept {
    return a > std::numeric_limits<std::size_t>::max() - b ? std::numeric_limits<std::size_t>::max() : a + b;
}

// Beast 1.74's request parser, plus what it leaves unbounded or unchecked: it applies max_header_bytes
// per call rather than to the whole header, never bounds a chunk line's extensions or a trailer section
// (it buffers until their line ends), accepts obs-fold and the framing framing_error() refuses, and
// merges trailer fields into the header. And its answer to a header, a chunk line or a trailer section
// depends on how much of it it saw at first (it checks a header's lines on its first look only, then
// waits for the end), so it is handed each of them whole, once the limits have been checked on its bytes
// as they arrived: then the answer depends on the bytes alone, never on how the network split them.
// One reader per connection, reused for each request:
//
//     reader.start();
//     for (;;) switch (reader.parse(buffer)) {
//         case Step::need_more: read at most beast::read_size(buffer, read_chunk) bytes into buffer; break;
//         case Step::header:    (send "100 Continue" if asked) break;
//         case Step::done:      handle reader.message(); return;
//         case Step::error:     answer reader.error(), close; return;
//     }
//
// The buffer must be made with buffer_limit() as its max_size: then nothing a client sends grows memory
// beyond that buffer and max_body_bytes.
class RequestReader {
public:
    enum class Step { need_more, header, done, error };

    // `fields`: where the parsed header's fields are allocated (the heap unless given).
    explicit RequestReader(const ServerOptions& options, FieldsAllocator<char> fields = {}) noexcept
        : options_(options), fields_(fields), extensions_{this} {}
    RequestReader(const RequestReader&) = delete;  // the parser holds a reference to extensions_
    RequestReader& operator=(const RequestReader&) = delete;

    // The read buffer's max_size: the longest header, or a chunk line with the most extensions allowed
    // followed by the longest trailer section, with room for chunk sizes and line ends.
    std::size_t buffer_limit() const noexcept {
        return saturating_add(saturating_add(options_.max_header_bytes, options_.max_chunk_extension_bytes), 1024);
    }

    // Lets go of the last request's message, and with it every field it allocated.
    void clear() noexcept { parser_.reset(); }

    // Ready for the next request on the connection.
    void start() {
        parser_.emplace(std::piecewise_construct, std::make_tuple(), std::make_tuple(fields_));
        // HeaderScan applies max_header_bytes to the whole header; Beast is never handed more.
        parser_->header_limit(static_cast<std::uint32_t>(std::min<std::size_t>(saturating_add(options_.max_header_bytes, 1), UINT32_MAX)));
        parser_->body_limit(static_cast<std::uint64_t>(options_.max_body_bytes));
        scan_ = {};
        header_bytes_ = 0;
        header_handed_ = 0;
        extension_bytes_ = 0;
        over_extensions_ = false;
        data_left_ = 0;
        after_data_ = false;
        pending_ = {};
        header_fields_.clear();
        error_ = {};
    }

    // Parses what `buffer` holds and consumes what it used; see the class comment for the steps.
    Step parse(beast::flat_buffer& buffer) {
        if (error_) return Step::error;
        if (!parser_->is_header_done()) return parse_header(buffer);
        for (;;) {
            if (parser_->is_done()) return Step::done;
            const bool chunked = parser_->chunked();
            const bool data = data_left_ != 0;
            std::size_t take = buffer.size();
            if (chunked) {
                const Unit unit = next_chunk_unit(buffer);
                if (unit.error) return fail(unit.error);
                take = unit.size;
            }
            if (take == 0) {
                // Full only when a chunk size runs on (leading zeros) past everything the limits allow.
                if (beast::read_size(buffer, read_chunk) == 0) return fail(read_errors::malformed);
                return Step::need_more;
            }
            beast::error_code ec;
            const std::size_t used = parser_->put(boost::asio::const_buffer(buffer.data().data(), take), ec);
            buffer.consume(used);
            if (ec && ec != bhttp::error::need_more) return fail(classify(ec));
            if (chunked) {
                pending_ = {};
                if (data) {
                    data_left_ -= used;
                    after_data_ = data_left_ == 0;
                } else {
                    after_data_ = false;
                    // A line Beast cannot take whole: a quoted chunk extension running on past its end.
                    if (used == 0) return fail(read_errors::malformed);
                }
            }
            if (parser_->is_done()) {
                drop_trailers();
                return Step::done;
            }
            if (used == 0) return Step::need_more;
        }
    }

    BeastRequest& message() noexcept { return parser_->get(); }
    // Whether any byte of the current request has arrived (a connection with none is idle).
    bool got_some() const noexcept { return parser_ && (scan_.scanned() != 0 || parser_->got_some()); }
    // Whether the whole request is in (after Step::header: whether it has no body left to read).
    bool is_done() const noexcept { return parser_ && parser_->is_done(); }
    const ReadError& error() const noexcept { return error_; }

private:
    // The parser's chunk-header callback: sums each chunk line's extensions (next_chunk_unit() has checked
    // them first, as they arrived), and notes how much data the chunk has.
    struct ExtensionCounter {
        RequestReader* reader;
        void operator()(std::uint64_t size, beast::string_view extensions, beast::error_code& ec) {
            reader->data_left_ = size;
            reader->extension_bytes_ += extensions.size();
            if (reader->extension_bytes_ > reader->options_.max_chunk_extension_bytes) {
                reader->over_extensions_ = true;
                ec = bhttp::error::bad_chunk_extension;
            }
        }
    };

    Step fail(const ReadError& e) {
        error_ = e;
        return Step::error;
    }

    ReadError classify(const beast::error_code& ec) const {
        if (over_extensions_) return read_errors::extensions_too_long;
        if (ec == bhttp::error::body_limit) return read_errors::body_too_large;
        if (ec == bhttp::error::header_limit) return read_errors::header_too_large;
        return read_errors::malformed;
    }

    // The header section: HeaderScan reads each byte once as it arrives and decides what it can; Beast
    // is handed the request line alone (so that its target is judged before any field), then whole lines
    // as they complete. Every answer then depends on the bytes only, never on how they were split.
    // The buffer holds the header from offset header_bytes_ (what Beast has taken) on.
    Step parse_header(beast::flat_buffer& buffer) {
        const std::size_t seen = scan_.scanned() - header_bytes_;
        if (buffer.size() > seen)
            scan_.scan(static_cast<const char*>(buffer.data().data()) + seen, buffer.size() - seen, options_);
        const std::size_t line_end = scan_.request_line_end();
        if (line_end > header_handed_) {
            if (!feed(buffer, line_end)) return Step::error;
            if (parser_->get().target().size() > options_.max_target_bytes) return fail(read_errors::target_too_long);
        }
        if (scan_.ready() > header_handed_ && !feed(buffer, scan_.ready())) return Step::error;
        if (scan_.error()) return fail(scan_.error());
        if (parser_->is_header_done()) return on_header();
        if (scan_.complete()) return fail(read_errors::malformed);  // not reached: Beast takes a whole header
        return Step::need_more;  // the scan refuses a header before it fills the buffer
    }

    // Hands Beast the header up to offset `end`. It must take every whole line (all but the byte after a
    // field's CRLF): one it cannot (a request line whose version is cut short) is malformed.
    bool feed(beast::flat_buffer& buffer, std::size_t end) {
        beast::error_code ec;
        const std::size_t used = parser_->put(boost::asio::const_buffer(buffer.data().data(), end - header_bytes_), ec);
        buffer.consume(used);
        header_bytes_ += used;
        header_handed_ = end;
        if (ec && ec != bhttp::error::need_more) {
            fail(classify(ec));
            return false;
        }
        if (!parser_->is_header_done() && header_bytes_ + 1 < end) {
            fail(read_errors::malformed);
            return false;
        }
        return true;
    }

    Step on_header() {
        BeastRequest& message = parser_->get();
        if (const ReadError e = framing_error(message)) return fail(e);
        if (parser_->chunked()) {
            parser_->on_chunk_header(extensions_);
            // Beast merges trailer fields into the header (see drop_trailers()): remember which are its own.
            for (const auto& field : message) header_fields_.push_back(&field);
        }
        parser_->eager(true);  // the body is parsed as far as the buffer goes in each call
        return Step::header;
    }

    // What of a chunked body Beast may take now (`buffer` starts where it stopped): the chunk's data, as
    // much as there is; or a whole chunk line; or the last chunk's line with its whole trailer section.
    // The limits are checked on a line or section still arriving, at the byte that crosses them. Beast,
    // never shown a last chunk line without its trailers, never reaches an assertion in 1.74 that a
    // chunked body sent a byte at a time trips ("0\r\n", then one byte). Each byte is scanned once.
    struct Unit {
        std::size_t size = 0;  // 0: wait for more
        ReadError error;
    };
    Unit next_chunk_unit(const beast::flat_buffer& buffer) {
        const std::string_view rest{static_cast<const char*>(buffer.data().data()), buffer.size()};
        if (data_left_ != 0) return {static_cast<std::size_t>(std::min<std::uint64_t>(data_left_, rest.size())), {}};
        // Beast reads the CRLF that ends a chunk's data with the next line.
        const std::size_t start = after_data_ ? 2 : 0;
        if (after_data_ && ((!rest.empty() && rest[0] != '\r') || (rest.size() > 1 && rest[1] != '\n')))
            return {0, read_errors::malformed};
        if (pending_.line_end == 0) {
            std::size_t& digits = pending_.digits;
            while (start + digits < rest.size() && drf::detail::hex_value(rest[start + digits]) >= 0) ++digits;
            const auto cr = rest.find('\r', std::max(pending_.next, start + digits));
            const std::size_t line = (cr == std::string_view::npos ? rest.size() : cr) - std::min(rest.size(), start + digits);
            if (saturating_add(extension_bytes_, line) > options_.max_chunk_extension_bytes)
                return {0, read_errors::extensions_too_long};
            if (cr == std::string_view::npos || cr + 1 == rest.size()) {
                pending_.next = cr == std::string_view::npos ? rest.size() : cr;
                return {};
            }
            if (rest[cr + 1] != '\n') return {0, read_errors::malformed};  // a bare CR
            pending_.line_end = cr + 2;
            pending_.next = cr;
        }
        const std::size_t line_end = pending_.line_end;
        const std::string_view size = rest.substr(start, pending_.digits);
        if (size.empty() || size.find_first_not_of('0') != std::string_view::npos) return {line_end, {}};
        // The last chunk: its trailer section ends at the first blank line.
        const auto blank = rest.find("\r\n\r\n", pending_.next);
        if (blank == std::string_view::npos) {
            pending_.next = std::max(pending_.next, rest.size() >= 3 ? rest.size() - 3 : 0);
            if (rest.size() - line_end >= options_.max_header_bytes) return {0, read_errors::header_too_large};
            return {};
        }
        if (blank + 4 - line_end > options_.max_header_bytes) return {0, read_errors::header_too_large};
        return {blank + 4, {}};
    }

    // RFC 9110 §6.5.1: trailer fields must not be merged into the header section; Beast 1.74 merges them:
    // at the end, or, for a name the header has, right after that name's last field. Every field that was
    // not in the header when it completed goes, so the handler sees the header as the client sent it, and
    // no trailer ever.
    void drop_trailers() {
        if (!parser_->chunked()) return;
        BeastRequest& message = parser_->get();
        std::size_t kept = 0;
        for (auto it = message.begin(); it != message.end();) {
            if (kept < header_fields_.size() && &*it == header_fields_[kept]) {
                ++kept;
                ++it;
            } else {
                it = message.erase(it);
            }
        }
    }

    const ServerOptions& options_;
    FieldsAllocator<char> fields_;
    ExtensionCounter extensions_;
    std::optional<bhttp::request_parser<bhttp::string_body, FieldsAllocator<char>>> parser_;
    HeaderScan scan_;
    std::size_t header_bytes_ = 0;   // of the header, what Beast has taken
    std::size_t header_handed_ = 0;  // of the header, what Beast has been handed
    std::size_t extension_bytes_ = 0;
    bool over_extensions_ = false;
    std::uint64_t data_left_ = 0;  // of the current chunk's data, what Beast has not taken yet
    bool after_data_ = false;      // a chunk's data is all in: its CRLF comes next
    struct {
        std::size_t digits = 0;    // the chunk size's hex digits, from the line's start
        std::size_t next = 0;      // where the scan for the line's end, or the trailers', resumes
        std::size_t line_end = 0;  // one past the line's CRLF, once it is in
    } pending_;                    // the chunk line (or last chunk) Beast has not been handed yet
    std::vector<const Fields::value_type*> header_fields_;  // a chunked request's, in order
    ReadError error_;
};

// What parse_request() found.
struct ParseOutcome {
    enum class Kind {
        request,     // a complete request: `request`, and `consumed` bytes of the input
        error,       // the server answers `error` ({status, detail}) and closes
        incomplete,  // the input ended first: the server would wait for more, then close without answering
    };
    Kind kind = Kind::incomplete;
    BeastRequest request;
    ReadError error;
    std::size_t consumed = 0;  // what follows is the next (pipelined) request
};

// The first request in `bytes`, read exactly as a connection of a Server with these options reads it:
// the same RequestReader, a buffer of the same max_size, and reads of the same size, each at most
// `max_read` bytes (less is what a slow network delivers; each size exercises other paths in the
// parser). For a fuzzer: every input ends as one of the three kinds, within memory bounded by the
// options. Not covered here: the method (an unknown one is the handler's 405) and timeouts.
inline ParseOutcome parse_request(const ServerOptions& options, std::string_view bytes, std::size_t max_read = read_chunk) {
    RequestReader reader(options);
    beast::flat_buffer buffer(reader.buffer_limit());
    reader.start();
    std::size_t fed = 0;
    ParseOutcome outcome;
    for (;;) {
        switch (reader.parse(buffer)) {
            case RequestReader::Step::header: break;
            case RequestReader::Step::done:
                outcome.kind = ParseOutcome::Kind::request;
                outcome.request = std::move(reader.message());
                outcome.consumed = fed - buffer.size();
                return outcome;
            case RequestReader::Step::error:
                outcome.kind = ParseOutcome::Kind::error;
                outcome.error = reader.error();
                return outcome;
            case RequestReader::Step::need_more: {
                if (fed == bytes.size()) return outcome;
                const std::size_t n =
                    std::min({beast::read_size(buffer, read_chunk), std::max<std::size_t>(max_read, 1), bytes.size() - fed});
                const auto space = buffer.prepare(n);
                std::memcpy(space.data(), bytes.data() + fed, n);
                buffer.commit(n);
                fed += n;
                break;
            }
        }
    }
}

}  // namespace drf::server::detail
