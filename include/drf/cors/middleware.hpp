// drf/cors/middleware.hpp — cors::Middleware: django-cors-headers' CorsMiddleware over drf's Request
// and Response — the preflight answer, and the headers added to every response of an enabled path.
// Built once from the Settings (checked, patterns compiled); the router calls it on every request,
// through detail::Hook, so that only a TU with the Settings compiles std::regex.
#pragma once

#include <drf/core/detail/strings.hpp>
#include <drf/cors/detail/hook.hpp>
#include <drf/cors/detail/regex.hpp>
#include <drf/cors/detail/urlsplit.hpp>
#include <drf/cors/settings.hpp>
#include <drf/http/method.hpp>
#include <drf/http/request.hpp>
#include <drf/http/response.hpp>
#include <drf/http/status.hpp>

#include <cstddef>
#include <memory>
#include <regex>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace drf::cors {

namespace detail {

// Django's patch_vary_headers(response, (name,)): Vary split at commas (r"\s*,\s*"), `name` appended
// unless there in any case, joined again with ", "; a Vary holding "*" becomes "*".
inline void patch_vary_headers(http::Response& response, std::string_view name) {
    const auto existing = response.headers().get("Vary");
    if (!existing) {
        response.header("Vary", std::string(name));
        return;
    }
    std::vector<std::string_view> items;
    std::string_view rest = *existing;
    const auto space = [](char c) { return drf::detail::is_ascii_space(c); };
    for (bool first = true;; first = false) {
        const auto comma = rest.find(',');
        std::string_view item = rest.substr(0, comma);
        if (!first)
            while (!item.empty() && space(item.front())) item.remove_prefix(1);
        if (comma != std::string_view::npos)
            while (!item.empty() && space(item.back())) item.remove_suffix(1);
        items.push_back(item);
        if (comma == std::string_view::npos) break;
        rest.remove_prefix(comma + 1);
    }
    bool found = false;
    for (const auto item : items) found = found || drf::detail::iequals(item, name);
    if (!found) items.push_back(name);
    std::string value;
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (items[i] == "*") {
            value = "*";
            break;
        }
        if (i) value += ", ";
        value += items[i];
    }
    response.header("Vary", std::move(value));
}

inline std::string join(const std::vector<std::string>& items) {
    std::string out;
    for (const auto& item : items) {
        if (!out.empty()) out += ", ";
        out += item;
    }
    return out;
}

}  // namespace detail

class Middleware final : public detail::Hook {
public:
    // Checks `settings` (check_settings' errors, and each pattern compiled) and keeps what every request
    // needs already joined; std::invalid_argument naming the setting otherwise.
    explicit Middleware(Settings settings) : settings_(std::move(settings)) {
        validate(settings_);
        match_all_paths_ = settings_.urls_regex == "^.*$";
        if (!match_all_paths_) urls_regex_ = detail::compile(settings_.urls_regex, "CORS_URLS_REGEX");
        for (const auto& pattern : settings_.allowed_origin_regexes)
            origin_regexes_.push_back(detail::compile(pattern, "CORS_ALLOWED_ORIGIN_REGEXES"));
        for (const auto& origin : settings_.allowed_origins) {
            if (origin == "null") {
                allow_null_ = true;
                continue;  // its (scheme, netloc) is ("", ""), which would let any text without a scheme in
            }
            const auto parsed = detail::urlsplit(origin);
            allowed_.emplace_back(parsed->scheme, std::string(parsed->netloc));
        }
        allow_headers_ = detail::join(settings_.allow_headers);
        allow_methods_ = detail::join(settings_.allow_methods);
        expose_headers_ = detail::join(settings_.expose_headers);
        if (settings_.preflight_max_age) max_age_ = std::to_string(settings_.preflight_max_age);
    }

    const Settings& settings() const noexcept { return settings_; }

    // CORS_URLS_REGEX matched against the path, from its start. The default "^.*$" matches any path
    // without a line break (or with one at its very end), as Python's re does: no regex runs for it.
    bool is_enabled(std::string_view path) const noexcept override {
        if (match_all_paths_) {
            const auto newline = path.find('\n');
            return newline == std::string_view::npos || newline + 1 == path.size();
        }
        return detail::match_from_start(urls_regex_, path);
    }

    // django-cors-headers' preflight: OPTIONS with Access-Control-Request-Method, on an enabled path,
    // whatever its Origin (an origin not allowed gets the 200 without the CORS headers, which the
    // browser refuses).
    bool is_preflight(const http::Request& request) const noexcept override {
        return request.method() == http::Method::options && request.headers().contains("Access-Control-Request-Method") &&
               is_enabled(request.path());
    }

    // Its answer: 200, no body, Content-Length: 0 (the server frames it so anyway).
    static http::Response preflight_response() { return detail::preflight_response(); }

    // CorsMiddleware.process_response, for a request on an enabled path: Vary: Origin always, then the
    // CORS headers for an allowed Origin.
    void process_response(const http::Request& request, http::Response& response) const override {
        detail::patch_vary_headers(response, "Origin");
        const auto origin = request.header("Origin");
        if (!origin || origin->empty()) return;
        const auto url = detail::urlsplit(*origin);
        if (!url) return;
        if (settings_.allow_credentials) response.header("Access-Control-Allow-Credentials", "true");
        if (!settings_.allow_all_origins && !origin_allowed(*origin, *url)) return;
        response.header("Access-Control-Allow-Origin",
                        settings_.allow_all_origins && !settings_.allow_credentials ? std::string("*") : std::string(*origin));
        if (!expose_headers_.empty()) response.header("Access-Control-Expose-Headers", expose_headers_);
        if (request.method() == http::Method::options) {
            response.header("Access-Control-Allow-Headers", allow_headers_);
            response.header("Access-Control-Allow-Methods", allow_methods_);
            if (!max_age_.empty()) response.header("Access-Control-Max-Age", max_age_);
        }
        if (settings_.allow_private_network && request.header("Access-Control-Request-Private-Network") == "true")
            response.header("Access-Control-Allow-Private-Network", "true");
    }

    // Whether `origin` is one CORS_ALLOWED_ORIGINS or CORS_ALLOWED_ORIGIN_REGEXES allows (allow_all_origins
    // aside).
    bool origin_allowed(std::string_view origin) const {
        const auto url = detail::urlsplit(origin);
        return url && origin_allowed(origin, *url);
    }

private:
    bool origin_allowed(std::string_view origin, const detail::SplitUrl& url) const {
        if (origin == "null") return allow_null_ || matches_regex(origin);
        if (!url.scheme.empty())
            for (const auto& [scheme, netloc] : allowed_)
                if (scheme == url.scheme && netloc == url.netloc) return true;
        return matches_regex(origin);
    }
    bool matches_regex(std::string_view origin) const noexcept {
        for (const auto& pattern : origin_regexes_)
            if (detail::match_from_start(pattern, origin)) return true;
        return false;
    }

    Settings settings_;
    bool match_all_paths_ = true;
    std::regex urls_regex_;
    std::vector<std::regex> origin_regexes_;
    bool allow_null_ = false;
    std::vector<std::pair<std::string, std::string>> allowed_;  // (scheme, netloc) of each allowed origin
    std::string allow_headers_, allow_methods_, expose_headers_, max_age_;
};

namespace detail {
inline std::shared_ptr<const Hook> make_middleware(const Settings& settings) { return std::make_shared<const Middleware>(settings); }
// What lets a router, which sees only detail::Hook, build a Middleware (see detail/hook.hpp).
inline const bool middleware_installed = (hook_factory() = &make_middleware, true);
}  // namespace detail

}  // namespace drf::cors
