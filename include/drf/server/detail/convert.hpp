// drf/server/detail/convert.hpp — Beast's messages to drf's Request and back from drf's Response, and
// the fixed {"detail": ...} answers the server gives on its own (400, 405, 413, 414, 431, 501, 503).
#pragma once

#include <utility>  // first: Boost 1.74's asio uses std::exchange without including <utility>

#include <drf/core/detail/strings.hpp>
#include <drf/core/json.hpp>
#include <drf/http/method.hpp>
#include <drf/http/request.hpp>
#include <drf/http/response.hpp>
#include <drf/http/status.hpp>

#include <boost/beast/http/field.hpp>
#include <boost/beast/http/message.hpp>
#include <boost/beast/http/status.hpp>
#include <boost/beast/http/string_body.hpp>

#include <array>
#include <cstdio>
#include <ctime>
#include <memory_resource>
#include <stdexcept>
#include <string>
#include <string_view>
#include <tuple>
#include <type_traits>

namespace drf::server::detail {

namespace bhttp = boost::beast::http;

// The allocator of a message's header fields: Beast allocates each field on its own, and the request's
// target and the response's reason phrase (11 allocations for a GET of a page). A Session hands its
// messages one that draws on memory the session owns and takes back whole between requests
// (std::pmr::monotonic_buffer_resource); default constructed, it allocates from the heap. Not
// std::pmr::polymorphic_allocator: Beast moves fields by assignment, which that allocator refuses.
template <class T>
class FieldsAllocator {
public:
    using value_type = T;
    using propagate_on_container_copy_assignment = std::true_type;
    using propagate_on_container_move_assignment = std::true_type;
    using propagate_on_container_swap = std::true_type;

    FieldsAllocator() noexcept = default;
    explicit FieldsAllocator(std::pmr::memory_resource* memory) noexcept : memory_(memory) {}
    template <class U>
    FieldsAllocator(const FieldsAllocator<U>& other) noexcept : memory_(other.resource()) {}

    T* allocate(std::size_t n) { return static_cast<T*>(memory_->allocate(n * sizeof(T), alignof(T))); }
    void deallocate(T* p, std::size_t n) noexcept { memory_->deallocate(p, n * sizeof(T), alignof(T)); }
    std::pmr::memory_resource* resource() const noexcept { return memory_; }

    friend bool operator==(const FieldsAllocator& a, const FieldsAllocator& b) noexcept {
        return a.memory_ == b.memory_;
    }

private:
    std::pmr::memory_resource* memory_ = std::pmr::new_delete_resource();
};

using Fields = bhttp::basic_fields<FieldsAllocator<char>>;
using BeastRequest = bhttp::request<bhttp::string_body, Fields>;
using BeastResponse = bhttp::response<bhttp::string_body, Fields>;

// An empty response whose fields come from `memory`.
inline BeastResponse empty_response(FieldsAllocator<char> memory) {
    return BeastResponse(std::piecewise_construct, std::make_tuple(), std::make_tuple(memory));
}

// Boost 1.74's Beast speaks boost::string_view (unless every translation unit defines
// BOOST_BEAST_USE_STD_STRING_VIEW, which is not ours to decide): convert at the border.
inline std::string_view to_std(boost::beast::string_view s) noexcept { return {s.data(), s.size()}; }
inline boost::beast::string_view to_boost(std::string_view s) noexcept { return {s.data(), s.size()}; }

// RFC 7230 §5.3.2: a server must accept the absolute form ("http://host:8000/p/?q=1") that proxies
// send; the Request wants the origin form ("/p/?q=1"), and the authority becomes the Host.
struct Target {
    std::string origin;
    std::string authority;  // empty unless the target was absolute
};

inline Target split_target(std::string_view target) {
    const auto scheme_end = target.find("://");
    if (target.empty() || target.front() == '/' || scheme_end == std::string_view::npos || scheme_end == 0)
        return {std::string(target), {}};
    for (const char c : target.substr(0, scheme_end))
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))) return {std::string(target), {}};
    const std::string_view rest = target.substr(scheme_end + 3);
    const auto path = rest.find_first_of("/?");
    if (path == std::string_view::npos) return {"/", std::string(rest)};
    std::string origin = rest[path] == '?' ? "/" : "";
    origin += rest.substr(path);
    return {std::move(origin), std::string(rest.substr(0, path))};
}

// Every field in arrival order, the body moved out. `default_host` ("127.0.0.1:8000") is what absolute
// links use when the client sent no Host.
inline http::Request to_request(BeastRequest& message, http::Method method, std::string default_host) {
    Target target = split_target(to_std(message.target()));
    http::Headers headers;
    for (const auto& field : message) headers.add(std::string(to_std(field.name_string())), std::string(to_std(field.value())));
    if (!target.authority.empty()) headers.set("Host", target.authority);
    http::Request request(method, target.origin, std::move(headers), std::move(message.body()));
    request.set_default_host(std::move(default_host));
    return request;
}

inline std::string_view reason_phrase(int code) {
    const std::string_view ours = http::status::reason_phrase(code);
    if (ours != "Unknown") return ours;
    if (code == 414) return "Request-URI Too Long";  // Django's wording (Python's http.HTTPStatus); Beast's is "URI Too Long"
    const std::string_view beasts = to_std(bhttp::obsolete_reason(static_cast<bhttp::status>(code)));
    return beasts.empty() || beasts.front() == '<' ? std::string_view("Unknown") : beasts;
}

// RFC 7231 §7.1.1.1's IMF-fixdate, without strftime: its names follow the C locale.
inline std::string http_date(std::time_t now) {
    static constexpr std::array<const char*, 7> days{"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
    static constexpr std::array<const char*, 12> months{"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                        "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    std::tm t{};
    gmtime_r(&now, &t);
    char out[32];
    std::snprintf(out, sizeof out, "%s, %02d %s %04d %02d:%02d:%02d GMT", days[static_cast<std::size_t>(t.tm_wday % 7)],
                  t.tm_mday, months[static_cast<std::size_t>(t.tm_mon % 12)], t.tm_year + 1900, t.tm_hour, t.tm_min,
                  t.tm_sec);
    return out;
}

// The Date header changes once a second; each worker thread formats it once a second.
inline const std::string& current_http_date() {
    thread_local std::time_t formatted_at = -1;
    thread_local std::string value;
    const std::time_t now = std::time(nullptr);
    if (now != formatted_at) {
        value = http_date(now);
        formatted_at = now;
    }
    return value;
}

// RFC 7230 token characters, for header names.
constexpr bool is_token_char(char c) {
    if (drf::detail::is_ascii_alnum(c)) return true;
    return std::string_view("!#$%&'*+-.^_`|~").find(c) != std::string_view::npos;
}

// A name or value that would let a handler's header split the response, or break its framing.
inline bool is_safe_field(std::string_view name, std::string_view value) {
    if (name.empty()) return false;
    for (const char c : name)
        if (!is_token_char(c)) return false;
    for (const char c : value)
        if (c == '\r' || c == '\n' || c == '\0') return false;
    return true;
}

// The server frames the message itself: these fields from a handler are ignored.
inline bool is_framing_field(std::string_view name) {
    for (const std::string_view owned : {"Connection", "Content-Length", "Transfer-Encoding", "Keep-Alive", "Upgrade"})
        if (drf::detail::iequals(name, owned)) return true;
    return false;
}

// The handler's Response as Beast's message, its body moved into the message (a page's text is not
// copied). HEAD keeps the Content-Length its body would have and sends no body; 1xx, 204 and 304 never
// have one. Throws std::logic_error for a status outside 100-599 or an unsafe header, which the caller
// turns into a 500: before it takes the body, so `response` is whole for the caller's error handling.
inline void to_beast(http::Response&& response, bool head, unsigned version, bool keep_alive, BeastResponse& out) {
    const int code = response.status_code();
    if (code < 100 || code > 599)
        throw std::logic_error("drf::server: the handler returned HTTP status " + std::to_string(code));
    out = empty_response(out.get_allocator());
    out.version(version);
    out.result(static_cast<unsigned>(code));
    out.reason(to_boost(reason_phrase(code)));
    for (const auto& [name, value] : response.headers()) {
        if (is_framing_field(name)) continue;
        if (!is_safe_field(name, value))
            throw std::logic_error("drf::server: the handler set a header that is not a valid field: " + name);
        out.insert(to_boost(name), to_boost(value));
    }
    if (out.find(bhttp::field::server) == out.end()) out.set(bhttp::field::server, "drf");
    out.set(bhttp::field::date, current_http_date());
    const bool bodiless_status = code < 200 || code == 204 || code == 304;
    if (response.has_body() && !bodiless_status) {
        if (out.find(bhttp::field::content_type) == out.end()) out.set(bhttp::field::content_type, "application/json");
        std::string content = response.take_content();
        out.content_length(content.size());
        if (!head) out.body() = std::move(content);
    } else if (!bodiless_status && !head) {
        out.content_length(0);
    }
    out.keep_alive(keep_alive);
}

// {"detail": "..."} with `code`, then the connection closes.
inline BeastResponse error_response(int code, std::string_view detail, unsigned version = 11) {
    BeastResponse out;
    to_beast(http::Response(Json{{"detail", detail}}, code), false, version, false, out);
    return out;
}

}  // namespace drf::server::detail
