// examples/projects/cors_settings.hpp — CORS from the environment: the origins a browser page may call the
// API from, comma-separated in PROJECTS_CORS_ALLOWED_ORIGINS (default http://localhost:3000, a front end's
// development server); everything else is django-cors-headers' defaults.
#pragma once

#include "settings.hpp"

#include <drf/cors/settings.hpp>
#include <drf/views/context.hpp>

#include <memory>
#include <string>
#include <string_view>

namespace projects {

// An origin that is not "scheme://host[:port]" is a ConfigurationError with django-cors-headers' check
// message, so the service does not start with a list the browser would never match.
inline std::shared_ptr<const drf::cors::Settings> cors_settings() {
    const auto trim = [](std::string_view s) {
        while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
        while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
        return s;
    };
    drf::cors::Settings settings;
    const std::string list = env("PROJECTS_CORS_ALLOWED_ORIGINS").value_or("http://localhost:3000");
    std::string_view rest = list;
    while (!rest.empty()) {
        const auto comma = rest.find(',');
        const std::string_view item = trim(rest.substr(0, comma));
        if (!item.empty()) settings.allowed_origins.emplace_back(item);
        rest = comma == std::string_view::npos ? std::string_view() : rest.substr(comma + 1);
    }
    // One line on stderr: django-cors-headers' messages joined, their hints in parentheses.
    std::string message;
    for (std::string error : drf::cors::check_settings(settings)) {
        if (const auto hint = error.find("\n\tHINT: "); hint != std::string::npos)
            error = error.substr(0, hint) + " (" + error.substr(hint + 8) + ")";
        message += (message.empty() ? "PROJECTS_CORS_ALLOWED_ORIGINS: " : "; ") + error;
    }
    if (!message.empty()) throw ConfigurationError(message);
    return std::make_shared<const drf::cors::Settings>(std::move(settings));
}

}  // namespace projects
