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
#include <functional>
#include <iterator>
#include <limits>
#include <optional>
#include <string_view>

namespace drf::server::detail {

namespace beast = boost::beast;

// The most a connection reads at once, as Beast's own read loop does.
inline constexpr std::size_t read_chunk = 64 * 1024;

// True for Beast's parse errors (malformed input), false for the ones that mean the peer went away.
inline bool is_malformed(const beast::error_code& ec) {
    if (ec.category() != bhttp::make_error_code(bhttp::error::bad_method).category()) return false;
    return ec != bhttp::error::end_of_stream && ec != bhttp::error::partial_message && ec != bhttp::error::short_read &&
           ec != bhttp::error::need_more && ec != bhttp::error::stale_parser;
}

inline std::size_t saturating_add(std::size_t a, std::size_t b) noexcept {
    return a > std::numeric_limits<std::size_t>::max() - b ? std::numeric_limits<std::size_t>::max() : a + b;
}

// Beast 1.74's request parser, plus what it leaves unbounded or unchecked: it applies max_header_bytes
// per call rather than to the whole header, never bounds a chunk line's extensions or a trailer section
// (it buffers until their line ends), accepts obs-fold and the framing framing_error() refuses, and
// merges trailer fields into the header. One reader per connection, reused for each request:
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

    explicit RequestReader(const ServerOptions& options) noexcept : options_(options), extensions_{this} {}
    RequestReader(const RequestReader&) = delete;  // the parser holds a reference to extensions_
    RequestReader& operator=(const RequestReader&) = delete;

    // The read buffer's max_size: the longest header, or a chunk line with the most extensions allowed
    // followed by the longest trailer section, with room for chunk sizes and line ends.
    std::size_t buffer_limit() const noexcept {
        return saturating_add(saturating_add(options_.max_header_bytes, options_.max_chunk_extension_bytes), 1024);
    }

    // Ready for the next request on the connection.
    void start() {
        parser_.emplace();
        parser_->header_limit(static_cast<std::uint32_t>(std::min<std::size_t>(options_.max_header_bytes, UINT32_MAX)));
        parser_->body_limit(static_cast<std::uint64_t>(options_.max_body_bytes));
        scan_ = {};
        header_bytes_ = 0;
        extension_bytes_ = 0;
        over_extensions_ = false;
        has_header_field_ = false;
        last_chunk_line_end_ = nullptr;
        error_ = {};
    }

    // Parses what `buffer` holds and consumes what it used; see the class comment for the steps.
    Step parse(beast::flat_buffer& buffer) {
        if (error_) return Step::error;
        for (;;) {
            if (parser_->is_done()) return Step::done;
            const bool in_header = !parser_->is_header_done();
            beast::error_code ec;
            const auto data = buffer.data();
            const std::size_t used = buffer.size() == 0 ? 0 : parser_->put(data, ec);
            if (in_header) {
                scan_.add(static_cast<const char*>(data.data()), used);
                header_bytes_ += used;
            }
            buffer.consume(used);
            if (ec && ec != bhttp::error::need_more) return fail(classify(ec, buffer));
            if (in_header && parser_->is_header_done()) return on_header();
            if (!in_header && parser_->is_done()) {
                const bool trailers_fit = trailer_bytes(static_cast<const char*>(data.data()), used) <= options_.max_header_bytes;
                drop_trailers();
                if (!trailers_fit) return fail(read_errors::header_too_large);
                return Step::done;
            }
            if (ec == bhttp::error::need_more || buffer.size() == 0 || used == 0) {
                if (const ReadError e = in_header ? header_so_far(buffer) : chunk_line_so_far(buffer)) return fail(e);
                // Full only when a chunk size runs on (leading zeros) past everything the limits allow.
                if (beast::read_size(buffer, read_chunk) == 0)
                    return fail(in_header ? read_errors::header_too_large : read_errors::malformed);
                return Step::need_more;
            }
        }
    }

    BeastRequest& message() noexcept { return parser_->get(); }
    // Whether any byte of the current request has arrived (a connection with none is idle).
    bool got_some() const noexcept { return parser_ && parser_->got_some(); }
    // Whether the whole request is in (after Step::header: whether it has no body left to read).
    bool is_done() const noexcept { return parser_ && parser_->is_done(); }
    const ReadError& error() const noexcept { return error_; }

private:
    // The parser's chunk-header callback: sums each chunk line's extensions (Beast hands them over only
    // once the line is complete; chunk_line_so_far() covers a line still arriving).
    struct ExtensionCounter {
        RequestReader* reader;
        void operator()(std::uint64_t size, beast::string_view extensions, beast::error_code& ec) {
            if (size == 0) reader->last_chunk_line_end_ = extensions.data() + extensions.size();
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

    // Past max_header_bytes. When the request line alone does not fit, its target is what is too long
    // (nginx answers 414 there too); otherwise the fields are. Scans the buffer once, on this error path.
    ReadError header_over_limit(const beast::flat_buffer& buffer) const {
        if (header_bytes_ != 0) {  // Beast has consumed the request line: the target is parsed
            return parser_->get().target().size() > options_.max_target_bytes ? read_errors::target_too_long
                                                                              : read_errors::header_too_large;
        }
        const std::string_view pending{static_cast<const char*>(buffer.data().data()), buffer.size()};
        const bool line_complete = pending.find("\r\n") != std::string_view::npos;
        const bool target_started = pending.find(' ') != std::string_view::npos;
        if ((target_started && !line_complete) || partial_target_length(pending) > options_.max_target_bytes)
            return read_errors::target_too_long;
        return read_errors::header_too_large;
    }

    ReadError classify(const beast::error_code& ec, const beast::flat_buffer& buffer) const {
        if (over_extensions_) return read_errors::extensions_too_long;
        if (ec == bhttp::error::body_limit) return read_errors::body_too_large;
        if (ec == bhttp::error::header_limit)
            return parser_->is_header_done() ? read_errors::header_too_large : header_over_limit(buffer);
        return read_errors::malformed;
    }

    // A header still arriving: the limits it has already crossed. Constant time (a client that sends a
    // byte at a time must not make each read rescan what came before).
    ReadError header_so_far(const beast::flat_buffer& buffer) const {
        if (header_bytes_ != 0 && parser_->get().target().size() > options_.max_target_bytes)
            return read_errors::target_too_long;
        if (scan_.lines > saturating_add(options_.max_header_fields, 1)) return read_errors::too_many_fields;
        // Beast's header_limit applies to each call's input, and it consumes the request line and
        // complete fields as they come: the whole header is counted here.
        if (header_bytes_ + buffer.size() >= options_.max_header_bytes) return header_over_limit(buffer);
        return {};
    }

    Step on_header() {
        BeastRequest& message = parser_->get();
        if (message.target().size() > options_.max_target_bytes) return fail(read_errors::target_too_long);
        if (header_bytes_ > options_.max_header_bytes) return fail(read_errors::header_too_large);
        if (scan_.lines - 2 > options_.max_header_fields) return fail(read_errors::too_many_fields);
        if (scan_.folded) return fail(read_errors::obs_fold);
        if (const ReadError e = framing_error(message)) return fail(e);
        if (parser_->chunked()) {
            parser_->on_chunk_header(extensions_);
            // Trailer fields would be appended after the header's last one: remember where it ends.
            has_header_field_ = message.begin() != message.end();
            if (has_header_field_) last_header_field_ = std::prev(message.end());
        }
        parser_->eager(true);  // the body is parsed as far as the buffer goes in each call
        return Step::header;
    }

    // A chunked body waiting for more: the chunk line still arriving (or the last chunk's trailer
    // section) must stay within the limits, which Beast does not check until the line or section ends.
    ReadError chunk_line_so_far(const beast::flat_buffer& buffer) {
        if (!parser_->chunked()) return {};
        std::string_view rest{static_cast<const char*>(buffer.data().data()), buffer.size()};
        if (rest.substr(0, 2) == "\r\n") rest.remove_prefix(2);  // the line end of the previous chunk's data
        std::size_t digits = 0;
        while (digits < rest.size() && drf::detail::hex_value(rest[digits]) >= 0) ++digits;
        const auto eol = rest.find("\r\n", digits);
        if (eol == std::string_view::npos) {
            std::size_t extensions = rest.size() - digits;
            if (extensions != 0 && rest.back() == '\r') --extensions;
            if (saturating_add(extension_bytes_, extensions) > options_.max_chunk_extension_bytes)
                return read_errors::extensions_too_long;
            return {};
        }
        // A complete chunk line that Beast has not consumed is the last one: it waits for the trailers.
        if (saturating_add(extension_bytes_, eol - digits) > options_.max_chunk_extension_bytes)
            return read_errors::extensions_too_long;
        if (rest.size() - (eol + 2) >= options_.max_header_bytes) return read_errors::header_too_large;
        return {};
    }

    // The size of a trailer section that arrived whole, once the body is done (chunk_line_so_far()
    // bounds one still arriving). Beast hands the last chunk's extensions over as a view into the input,
    // so the section is what the final call consumed after that line; were the view ever a copy, the
    // fields are summed instead (name, ": ", value, CRLF; the blank line).
    std::size_t trailer_bytes(const char* input, std::size_t used) const {
        if (!parser_->chunked()) return 0;
        const std::less_equal<const char*> before;
        const char* end = input + used;
        if (last_chunk_line_end_ != nullptr && before(input, last_chunk_line_end_) && before(last_chunk_line_end_ + 2, end))
            return static_cast<std::size_t>(end - (last_chunk_line_end_ + 2));
        std::size_t bytes = 2;
        const BeastRequest& message = parser_->get();
        for (auto it = has_header_field_ ? std::next(last_header_field_) : message.begin(); it != message.end(); ++it)
            bytes += it->name_string().size() + it->value().size() + 4;
        return bytes;
    }

    // RFC 9110 §6.5.1: trailer fields must not be merged into the header section; Beast 1.74 appends them
    // to it. The handler sees the header as the client sent it, and no trailer ever.
    void drop_trailers() {
        if (!parser_->chunked()) return;
        BeastRequest& message = parser_->get();
        auto it = has_header_field_ ? std::next(last_header_field_) : message.begin();
        while (it != message.end()) it = message.erase(it);
    }

    const ServerOptions& options_;
    ExtensionCounter extensions_;
    std::optional<bhttp::request_parser<bhttp::string_body>> parser_;
    HeaderScan scan_;
    std::size_t header_bytes_ = 0;
    std::size_t extension_bytes_ = 0;
    bool over_extensions_ = false;
    bool has_header_field_ = false;
    BeastRequest::const_iterator last_header_field_{};
    const char* last_chunk_line_end_ = nullptr;
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
