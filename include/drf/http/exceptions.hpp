// drf/http/exceptions.hpp — DRF's API exceptions (rest_framework.exceptions): each carries its status,
// its detail body and DRF's default message and code. Raise them anywhere in a view; the router turns
// them into responses (see handle_exception).
#pragma once

#include <drf/core/exceptions.hpp>
#include <drf/core/json.hpp>
#include <drf/http/method.hpp>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace drf::http {

// rest_framework.exceptions.ValidationError, which the serializers raise: defined in core, below
// them both (drf/core/exceptions.hpp), and named here with the other API exceptions.
using drf::ValidationError;

class APIException : public std::runtime_error {
public:
    APIException(int status, std::string detail, std::string code)
        : std::runtime_error(detail), status_(status), detail_(std::move(detail)), code_(std::move(code)) {}

    int status_code() const noexcept { return status_; }
    const std::string& detail() const noexcept { return detail_; }
    const std::string& code() const noexcept { return code_; }
    // Extra response headers (WWW-Authenticate, Allow).
    const std::vector<std::pair<std::string, std::string>>& headers() const noexcept { return headers_; }
    void add_header(std::string name, std::string value) { headers_.emplace_back(std::move(name), std::move(value)); }
    // The body DRF sends: {"detail": "..."}.
    Json body() const { return Json{{"detail", detail_}}; }

private:
    int status_;
    std::string detail_;
    std::string code_;
    std::vector<std::pair<std::string, std::string>> headers_;
};

class ParseError : public APIException {
public:
    explicit ParseError(std::string detail = "Malformed request.") : APIException(400, std::move(detail), "parse_error") {}
};

class AuthenticationFailed : public APIException {
public:
    explicit AuthenticationFailed(std::string detail = "Incorrect authentication credentials.")
        : APIException(401, std::move(detail), "authentication_failed") {}
};

class NotAuthenticated : public APIException {
public:
    explicit NotAuthenticated(std::string detail = "Authentication credentials were not provided.")
        : APIException(401, std::move(detail), "not_authenticated") {}
};

class PermissionDenied : public APIException {
public:
    explicit PermissionDenied(std::string detail = "You do not have permission to perform this action.")
        : APIException(403, std::move(detail), "permission_denied") {}
};

class NotFound : public APIException {
public:
    explicit NotFound(std::string detail = "Not found.") : APIException(404, std::move(detail), "not_found") {}
};

class MethodNotAllowed : public APIException {
public:
    explicit MethodNotAllowed(std::string_view method)
        : APIException(405, "Method \"" + std::string(method) + "\" not allowed.", "method_not_allowed") {}
};

class NotAcceptable : public APIException {
public:
    explicit NotAcceptable(std::string detail = "Could not satisfy the request Accept header.")
        : APIException(406, std::move(detail), "not_acceptable") {}
};

class UnsupportedMediaType : public APIException {
public:
    explicit UnsupportedMediaType(std::string_view media_type)
        : APIException(415, "Unsupported media type \"" + std::string(media_type) + "\" in request.",
                       "unsupported_media_type") {}
};

// 429, DRF's Throttled(wait): "Request was throttled. Expected available in N seconds." ("1 second."),
// N the wait rounded up, and Retry-After: N — always, where DRF sends it only when a throttle gave a
// wait. drf::throttling raises it with the longest wait of the throttles that refused the request.
class Throttled : public APIException {
public:
    explicit Throttled(double wait, std::string detail = "Request was throttled.")
        : APIException(429, with_wait(std::move(detail), whole_seconds(wait)), "throttled"), wait_(whole_seconds(wait)) {
        add_header("Retry-After", std::to_string(wait_));
    }
    // The Retry-After value: whole seconds, rounded up (DRF's math.ceil).
    std::int64_t wait() const noexcept { return wait_; }

private:
    static std::int64_t whole_seconds(double wait) noexcept {
        if (!(wait > 0)) return 0;  // negative, zero, NaN
        return static_cast<std::int64_t>(std::ceil(std::min(wait, 1e15)));
    }
    static std::string with_wait(std::string detail, std::int64_t wait) {
        return detail + " Expected available in " + std::to_string(wait) + (wait == 1 ? " second." : " seconds.");
    }
    std::int64_t wait_;
};

// 413, for the server adapter: a body over the configured limit.
class RequestEntityTooLarge : public APIException {
public:
    explicit RequestEntityTooLarge(std::string detail = "Request body is too large.")
        : APIException(413, std::move(detail), "request_entity_too_large") {}
};

}  // namespace drf::http
