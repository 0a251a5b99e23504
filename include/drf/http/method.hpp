// drf/http/method.hpp — HTTP methods, and DRF's SAFE_METHODS.
#pragma once

#include <array>
#include <optional>
#include <string_view>

namespace drf::http {

// In the order Django lists http_method_names, which is the order of an Allow header. DELETE is
// `remove`, the one spelling drf uses for deleting (C++ reserves `delete`): QuerySet::remove(),
// Manager::remove(obj), APIClient::remove(path).
enum class Method { get, post, put, patch, remove, head, options };

inline constexpr std::array<Method, 7> all_methods{Method::get,    Method::post, Method::put,    Method::patch,
                                                   Method::remove, Method::head, Method::options};

constexpr std::string_view to_string(Method m) {
    switch (m) {
        case Method::get: return "GET";
        case Method::post: return "POST";
        case Method::put: return "PUT";
        case Method::patch: return "PATCH";
        case Method::remove: return "DELETE";
        case Method::head: return "HEAD";
        case Method::options: return "OPTIONS";
    }
    return "GET";
}

constexpr std::optional<Method> parse_method(std::string_view s) {
    for (Method m : all_methods)
        if (to_string(m) == s) return m;
    return std::nullopt;
}

// DRF's SAFE_METHODS: ('GET', 'HEAD', 'OPTIONS').
inline constexpr std::array<Method, 3> SAFE_METHODS{Method::get, Method::head, Method::options};

constexpr bool is_safe(Method m) { return m == Method::get || m == Method::head || m == Method::options; }

}  // namespace drf::http
