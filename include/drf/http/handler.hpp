// drf/http/handler.hpp — DRF's exception_handler: the response an exception becomes. API exceptions
// get their status and {"detail": ...}; validation errors their field dictionary; anything else a 500
// with a generic body (the message is logged, never sent).
#pragma once

#include <drf/http/exceptions.hpp>
#include <drf/http/response.hpp>

#include <cstdio>
#include <exception>
#include <functional>
#include <string>
#include <string_view>

namespace drf::http {

// Where unexpected errors are reported; stderr by default. Tests may capture it.
inline std::function<void(std::string_view)>& error_log() {
    static std::function<void(std::string_view)> log = [](std::string_view message) {
        // stdio rather than std::cerr (unbuffered, and synced with it): <iostream> is not in every TU then.
        std::string line = "drf: internal server error: ";
        line.append(message).push_back('\n');
        std::fwrite(line.data(), 1, line.size(), stderr);
    };
    return log;
}

// `www_authenticate` is the first authenticator's challenge ("Token"), or empty when there is none:
// DRF then answers a NotAuthenticated or AuthenticationFailed with 403 instead of 401.
inline Response handle_exception(std::exception_ptr error, std::string_view www_authenticate = {}) {
    try {
        std::rethrow_exception(error);
    } catch (const ValidationError& e) {
        return Response(e.detail(), status::HTTP_400_BAD_REQUEST);
    } catch (const APIException& e) {
        int code = e.status_code();
        Response response(e.body(), code);
        for (const auto& [name, value] : e.headers()) response.header(name, value);
        if (code == status::HTTP_401_UNAUTHORIZED) {
            if (www_authenticate.empty()) {
                response = Response(e.body(), status::HTTP_403_FORBIDDEN);
            } else {
                response.header("WWW-Authenticate", std::string(www_authenticate));
            }
        }
        return response;
    } catch (const std::exception& e) {
        error_log()(e.what());
    } catch (...) {
        error_log()("an exception that is not a std::exception");
    }
    return Response(Json{{"detail", "A server error occurred."}}, status::HTTP_500_INTERNAL_SERVER_ERROR);
}

}  // namespace drf::http
