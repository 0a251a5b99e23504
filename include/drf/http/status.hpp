// drf/http/status.hpp — HTTP status codes under DRF's names (rest_framework.status).
#pragma once

namespace drf::http::status {

inline constexpr int HTTP_200_OK = 200;
inline constexpr int HTTP_201_CREATED = 201;
inline constexpr int HTTP_202_ACCEPTED = 202;
inline constexpr int HTTP_204_NO_CONTENT = 204;
inline constexpr int HTTP_301_MOVED_PERMANENTLY = 301;
inline constexpr int HTTP_304_NOT_MODIFIED = 304;
inline constexpr int HTTP_400_BAD_REQUEST = 400;
inline constexpr int HTTP_401_UNAUTHORIZED = 401;
inline constexpr int HTTP_403_FORBIDDEN = 403;
inline constexpr int HTTP_404_NOT_FOUND = 404;
inline constexpr int HTTP_405_METHOD_NOT_ALLOWED = 405;
inline constexpr int HTTP_406_NOT_ACCEPTABLE = 406;
inline constexpr int HTTP_408_REQUEST_TIMEOUT = 408;
inline constexpr int HTTP_409_CONFLICT = 409;
inline constexpr int HTTP_412_PRECONDITION_FAILED = 412;
inline constexpr int HTTP_413_REQUEST_ENTITY_TOO_LARGE = 413;
inline constexpr int HTTP_415_UNSUPPORTED_MEDIA_TYPE = 415;
inline constexpr int HTTP_428_PRECONDITION_REQUIRED = 428;
inline constexpr int HTTP_429_TOO_MANY_REQUESTS = 429;
inline constexpr int HTTP_500_INTERNAL_SERVER_ERROR = 500;
inline constexpr int HTTP_503_SERVICE_UNAVAILABLE = 503;

constexpr bool is_informational(int code) { return code >= 100 && code <= 199; }
constexpr bool is_success(int code) { return code >= 200 && code <= 299; }
constexpr bool is_redirect(int code) { return code >= 300 && code <= 399; }
constexpr bool is_client_error(int code) { return code >= 400 && code <= 499; }
constexpr bool is_server_error(int code) { return code >= 500 && code <= 599; }

// The standard reason phrase, for the status line.
constexpr const char* reason_phrase(int code) {
    switch (code) {
        case 200: return "OK";
        case 201: return "Created";
        case 202: return "Accepted";
        case 204: return "No Content";
        case 301: return "Moved Permanently";
        case 304: return "Not Modified";
        case 400: return "Bad Request";
        case 401: return "Unauthorized";
        case 403: return "Forbidden";
        case 404: return "Not Found";
        case 405: return "Method Not Allowed";
        case 406: return "Not Acceptable";
        case 408: return "Request Timeout";
        case 409: return "Conflict";
        case 412: return "Precondition Failed";
        case 413: return "Payload Too Large";
        case 415: return "Unsupported Media Type";
        case 428: return "Precondition Required";
        case 429: return "Too Many Requests";
        case 500: return "Internal Server Error";
        case 503: return "Service Unavailable";
        default: return "Unknown";
    }
}

}  // namespace drf::http::status
