// drf/http/conditional.hpp — conditional requests (RFC 9110 §13), as Django's ConditionalGetMiddleware
// and its condition() decorator evaluate them: strong ETags, If-None-Match → 304, If-Match → 412, and
// 428 for writes that must be conditional (RFC 6585).
#pragma once

#include <drf/http/detail/xxhash64.hpp>
#include <drf/http/exceptions.hpp>
#include <drf/http/method.hpp>
#include <drf/http/request.hpp>
#include <drf/http/response.hpp>
#include <drf/http/status.hpp>

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

namespace drf::http {

// What a viewset opts into, read by the view code and the OpenAPI generator:
//     static constexpr auto conditional_requests = drf::http::ConditionalRequests{.require_if_match = true};
struct ConditionalRequests {
    bool etags = true;              // GET answers carry an ETag; If-None-Match that names it is 304
    bool if_match = true;           // PUT/PATCH/DELETE honour If-Match: 412 when the object changed
    bool require_if_match = false;  // ... and without If-Match they are 428
};

// V's conditional_requests, or everything off when it declares none: what the view's conditional GET,
// the resources' helpers and the OpenAPI generator all read.
template <class V>
consteval ConditionalRequests conditional_requests_of() {
    if constexpr (requires { V::conditional_requests; }) {
        static_assert(std::is_same_v<std::remove_cvref_t<decltype(V::conditional_requests)>, ConditionalRequests>,
                      "conditional_requests must be a drf::http::ConditionalRequests");
        return V::conditional_requests;
    } else {
        return {.etags = false, .if_match = false, .require_if_match = false};
    }
}

// 412: the client's copy is stale, so its write would overwrite a change it has not seen.
class PreconditionFailed : public APIException {
public:
    explicit PreconditionFailed(std::string detail = "The resource has changed since you fetched it (If-Match did not match).")
        : APIException(status::HTTP_412_PRECONDITION_FAILED, std::move(detail), "precondition_failed") {}
};

// 428: the view requires conditional writes, and this one named no ETag.
class PreconditionRequired : public APIException {
public:
    explicit PreconditionRequired(std::string detail = "This request must be conditional: send If-Match with the ETag you fetched.")
        : APIException(status::HTTP_428_PRECONDITION_REQUIRED, std::move(detail), "precondition_required") {}
};

// Builds a strong ETag from several inputs; each is length-prefixed, so ("ab", "c") and ("a", "bc")
// differ. XXH64 (drf/http/detail/xxhash64.hpp): well-defined, and fast enough to hash every body.
class ETagBuilder {
public:
    ETagBuilder& add(std::string_view part) {
        const std::uint64_t n = part.size();
        hash_.update(std::string_view(reinterpret_cast<const char*>(&n), sizeof n));
        hash_.update(part);
        return *this;
    }
    ETagBuilder& add(std::int64_t value) {
        hash_.update(std::string_view(reinterpret_cast<const char*>(&value), sizeof value));
        return *this;
    }
    // "\"<16 hex digits>\"": quoted, never W/.
    std::string etag() const { return quote(hash_.digest()); }

    static std::string quote(std::uint64_t digest) {
        static constexpr char hex[] = "0123456789abcdef";
        std::string out(18, '"');
        for (int i = 0; i < 16; ++i) out[static_cast<std::size_t>(16 - i)] = hex[(digest >> (4 * i)) & 0xF];
        return out;
    }

private:
    detail::XXH64 hash_;
};

// The strong ETag of a representation: the hash of its bytes as sent, so it changes exactly when they do.
inline std::string etag_of(std::string_view representation) {
    return ETagBuilder::quote(detail::XXH64::hash(representation));
}

// Django's parse_etags: "*" alone is {"*"}; otherwise the comma-separated entries that are ETags
// ("…" or W/"…"), the malformed ones dropped.
inline std::vector<std::string_view> parse_etags(std::string_view header) {
    constexpr auto trim = drf::detail::trim_ascii_space;
    std::vector<std::string_view> out;
    if (trim(header) == "*") return {"*"};
    while (true) {
        const auto comma = header.find(',');
        std::string_view entry = trim(header.substr(0, comma));
        std::string_view opaque = entry.starts_with("W/") ? entry.substr(2) : entry;
        if (opaque.size() >= 2 && opaque.front() == '"' && opaque.back() == '"' &&
            opaque.substr(1, opaque.size() - 2).find('"') == std::string_view::npos)
            out.push_back(entry);
        if (comma == std::string_view::npos) break;
        header.remove_prefix(comma + 1);
    }
    return out;
}

namespace detail {
inline std::string_view opaque_tag(std::string_view etag) { return etag.starts_with("W/") ? etag.substr(2) : etag; }

}  // namespace detail

// If-None-Match's weak comparison: `etag` is named (W/ ignored on both sides), or the list is "*".
inline bool none_match_hits(const std::vector<std::string_view>& etags, std::string_view etag) {
    if (etags.size() == 1 && etags.front() == "*") return true;
    for (auto e : etags)
        if (detail::opaque_tag(e) == detail::opaque_tag(etag)) return true;
    return false;
}

// If-Match's strong comparison: "*" matches any current representation; otherwise `etag` must be
// listed exactly, and a weak ETag never matches.
inline bool match_passes(const std::vector<std::string_view>& etags, std::string_view etag) {
    if (etags.size() == 1 && etags.front() == "*") return true;
    if (etag.starts_with("W/")) return false;
    for (auto e : etags)
        if (e == etag) return true;
    return false;
}

// Whether the request's If-None-Match names `etag` (so a GET may answer 304).
inline bool if_none_match(const Request& request, std::string_view etag) {
    std::string storage;
    const auto header = request.headers().joined("If-None-Match", storage);
    return header && none_match_hits(parse_etags(*header), etag);
}

// The 304 for `response`: no body, and the headers Django's _not_modified keeps (ETag, caching, Vary).
inline Response not_modified(const Response& response) {
    Response out = Response::no_content(status::HTTP_304_NOT_MODIFIED);
    for (const auto& [n, v] : response.headers()) {
        static constexpr std::array<std::string_view, 7> kept = {"ETag", "Cache-Control", "Content-Location", "Date",
                                                                 "Expires", "Last-Modified", "Vary"};
        for (auto k : kept)
            if (drf::detail::iequals(n, k)) out.headers().add(n, v);
        if (drf::detail::iequals(n, "Set-Cookie")) out.headers().add(n, v);
    }
    return out;
}

// The preconditions of a write on a resource whose current representation has `current_etag` (RFC 9110
// §13.2.2, in its order): If-Match that does not match is 412; without If-Match, 428 when `required`;
// If-None-Match that matches is 412 too (a write meant only for a resource that does not exist yet).
inline void check_write_preconditions(const Request& request, std::string_view current_etag, bool required = false) {
    std::string storage;
    if (const auto header = request.headers().joined("If-Match", storage)) {
        if (!match_passes(parse_etags(*header), current_etag)) throw PreconditionFailed();
    } else if (required) {
        throw PreconditionRequired();
    }
    if (if_none_match(request, current_etag))
        throw PreconditionFailed("The resource exists and matches If-None-Match.");
}

// Django's ConditionalGetMiddleware for one response: a GET or HEAD answered 200 gets the strong ETag of
// its body (unless the view set one), becomes 304 Not Modified (no body) when If-None-Match names it,
// and is 412 when If-Match does not. The body is kept as the text it hashed, so it is written once.
inline void conditional_get(const Request& request, Response& response) {
    const Method m = request.method();
    if ((m != Method::get && m != Method::head) || response.status_code() != status::HTTP_200_OK) return;
    std::string etag;
    if (const auto set = response.headers().get("ETag")) {
        etag = std::string(*set);
    } else {
        if (!response.has_body()) return;
        std::string text = response.content();
        etag = etag_of(text);
        if (response.is_json()) {
            Response kept = Response::from_json_text(std::move(text), response.status_code());
            for (const auto& [n, v] : response.headers()) kept.headers().add(n, v);
            response = std::move(kept);
        }
        response.header("ETag", etag);
    }
    std::string storage;
    if (const auto header = request.headers().joined("If-Match", storage); header && !match_passes(parse_etags(*header), etag))
        throw PreconditionFailed();
    if (if_none_match(request, etag)) response = not_modified(response);
}

}  // namespace drf::http
