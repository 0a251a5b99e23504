// drf/cors/detail/regex.hpp — CORS_URLS_REGEX and CORS_ALLOWED_ORIGIN_REGEXES as std::regex: compiled
// with the setting's name in the error, matched as Python's re.match. Only cors::Middleware includes it.
#pragma once

#include <drf/core/detail/python_repr.hpp>

#include <regex>
#include <stdexcept>
#include <string>
#include <string_view>

namespace drf::cors::detail {

// re.match(pattern, text): a match that starts at the beginning. A pattern std::regex cannot run to the
// end (too complex for its backtracking) does not match: no CORS headers rather than a failed response.
inline bool match_from_start(const std::regex& pattern, std::string_view text) noexcept {
    try {
        return std::regex_search(text.begin(), text.end(), pattern, std::regex_constants::match_continuous);
    } catch (...) {
        return false;
    }
}

inline std::regex compile(const std::string& pattern, const char* setting) {
    try {
        return std::regex(pattern, std::regex::ECMAScript);
    } catch (const std::regex_error& e) {
        throw std::invalid_argument(std::string("drf::cors::Settings: ") + setting + ": " + drf::detail::python_repr(pattern) +
                                    " is not a valid regular expression: " + e.what());
    }
}

}  // namespace drf::cors::detail
