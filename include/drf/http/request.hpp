// drf/http/request.hpp — Request (rest_framework.request.Request): method, path, decoded query
// parameters, case-insensitive headers, the raw body and its lazily parsed JSON `data()`, and the
// authenticated user. Independent of any HTTP server: the test client and the Beast adapter build it.
// The user's type is the project's user model (drf/http/user.hpp), so this header needs no auth.
#pragma once

#include <drf/core/detail/strings.hpp>
#include <drf/core/json.hpp>
#include <drf/core/json_parse.hpp>
#include <drf/http/exceptions.hpp>
#include <drf/http/hosts.hpp>
#include <drf/http/method.hpp>
#include <drf/http/parsers.hpp>
#include <drf/http/url.hpp>
#include <drf/http/user.hpp>

#include <algorithm>
#include <initializer_list>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace drf::http {

// Header fields in arrival order; names compare case-insensitively.
class Headers {
public:
    Headers() = default;
    // Headers{{"Accept", "application/json"}, {"If-None-Match", etag}}
    Headers(std::initializer_list<std::pair<std::string, std::string>> fields) : fields_(fields) {}
    void add(std::string name, std::string value) { fields_.emplace_back(std::move(name), std::move(value)); }
    // Replaces every field called `name` by one with `value`.
    void set(std::string name, std::string value) {
        erase(name);
        add(std::move(name), std::move(value));
    }
    void erase(std::string_view name) {
        std::erase_if(fields_, [&](const auto& f) { return drf::detail::iequals(f.first, name); });
    }
    std::optional<std::string_view> get(std::string_view name) const {
        for (const auto& [n, v] : fields_)
            if (drf::detail::iequals(n, name)) return std::string_view(v);
        return std::nullopt;
    }
    bool contains(std::string_view name) const { return get(name).has_value(); }
    // The value of `name` read as one list (RFC 9110 §5.3), as a WSGI server hands Django several fields
    // of one name: the field's own when there is one, else every field's joined with "," into `storage`.
    std::optional<std::string_view> joined(std::string_view name, std::string& storage) const {
        std::optional<std::string_view> found;
        std::size_t count = 0;
        for (const auto& [n, v] : fields_) {
            if (!drf::detail::iequals(n, name)) continue;
            if (++count == 1) {
                found = v;
                continue;
            }
            if (count == 2) storage = *found;
            storage += ',';
            storage += v;
            found = storage;
        }
        return found;
    }
    const std::vector<std::pair<std::string, std::string>>& fields() const noexcept { return fields_; }
    auto begin() const { return fields_.begin(); }
    auto end() const { return fields_.end(); }

private:
    std::vector<std::pair<std::string, std::string>> fields_;
};

class Request {
public:
    Request() = default;
    // target: the path with an optional query string, as on the request line ("/projects/?cursor=x").
    Request(Method method, std::string_view target, Headers headers = {}, std::string body = {})
        : method_(method), headers_(std::move(headers)), body_(std::move(body)) {
        const auto q = target.find('?');
        path_ = percent_decode(target.substr(0, q));
        if (q != std::string_view::npos) {
            query_ = parse_query(target.substr(q + 1));
        }
    }

    Method method() const noexcept { return method_; }
    const std::string& path() const noexcept { return path_; }
    const Headers& headers() const noexcept { return headers_; }
    std::optional<std::string_view> header(std::string_view name) const { return headers_.get(name); }
    const std::string& body() const noexcept { return body_; }

    // Every (key, value) of the query string, decoded, in order.
    const QueryParams& query_params() const noexcept { return query_; }
    // Django's request.query_params.get(key): the last value given for key.
    std::optional<std::string_view> query_param(std::string_view key) const {
        std::optional<std::string_view> found;
        for (const auto& [k, v] : query_)
            if (k == key) found = v;
        return found;
    }
    // Django's getlist(key).
    std::vector<std::string_view> query_param_list(std::string_view key) const {
        std::vector<std::string_view> values;
        for (const auto& [k, v] : query_)
            if (k == key) values.push_back(v);
        return values;
    }

    // The parsed body (DRF's request.data), parsed on first use by the first of the view's parsers whose
    // media type matches the Content-Type (JSONParser alone unless the view declares parser_classes):
    // JSON by drf::parse_json, in time linear in its size, keys in their order, read as Python's json
    // reads them. No body is an empty object, as in DRF. A body that is not JSON, or is over
    // drf::JsonLimits, raises ParseError (400) with DRF's "JSON parse error - ..." text; a body whose
    // Content-Type no parser takes, or that has none, raises UnsupportedMediaType (415), as DRF does.
    const Json& data() const {
        if (!data_) data_ = parse_body();
        return *data_;
    }
    // The parsers data() chooses from (DRF's request.parsers); the view sets its own before the action
    // runs. The list is held by reference and must outlive the request (a view's are static).
    void set_parsers(ParserList parsers) noexcept { parsers_ = parsers; }

    // The authenticated user, or the anonymous one: a user_model_t<> (drf::auth::User with
    // <drf/auth/user.hpp>). The template parameter only defers the lookup to the call.
    template <class Tag = void>
    decltype(auto) user() const noexcept {
        static_assert(has_user_model<Tag>,
                      "drf::http::Request::user(): no user model; include <drf/auth/user.hpp> (or specialise "
                      "drf::http::user_model<> for your own)");
        if constexpr (has_user_model<Tag>) {
            using User = user_model_t<Tag>;
            const User& user = user_ ? *static_cast<const User*>(user_.get()) : user_model<Tag>::anonymous();
            return user;
        }
    }
    // Which authenticator accepted the credentials ("" when none did; "ForcedAuthentication" after
    // force_authenticate, as DRF's request.successful_authenticator).
    std::string_view authenticator() const noexcept { return authenticator_; }
    template <class Tag = void>
    void set_user(user_model_t<Tag> user, std::string authenticator) {
        user_ = std::make_shared<const user_model_t<Tag>>(std::move(user));
        authenticator_ = std::move(authenticator);
        forced_authentication_ = false;
    }
    // Back to the anonymous user, with no authenticator (DRF's _not_authenticated).
    void set_anonymous() noexcept {
        user_.reset();
        authenticator_.clear();
        forced_authentication_ = false;
    }
    // DRF's force_authenticate(request, user): the view skips its authenticators and serves the request
    // as `user`. The test client uses it; a server never does.
    template <class Tag = void>
    void force_authenticate(user_model_t<Tag> user) {
        set_user<Tag>(std::move(user), "ForcedAuthentication");
        forced_authentication_ = true;
    }
    // Whether force_authenticate() chose the user: the view then runs no authenticator.
    bool forced_authentication() const noexcept { return forced_authentication_; }
    // Whether any authenticator was configured for this request (decides 401 versus 403).
    bool has_authenticators() const noexcept { return has_authenticators_; }
    void set_has_authenticators(bool value) noexcept { has_authenticators_ = value; }

    // Django's request.get_host(): X-Forwarded-Host when the host settings trust it, else the Host
    // header, else the server's own address — if its domain is allowed; DisallowedHost (400) if not.
    // Several fields of one of these headers are one comma-joined value, as a WSGI server passes them
    // on, and no allowed host matches that.
    std::string get_host() const {
        const HostSettings& settings = host_settings();
        std::string joined;
        std::optional<std::string_view> host;
        if (settings.use_x_forwarded_host) host = headers_.joined("X-Forwarded-Host", joined);
        if (!host) host = headers_.joined("Host", joined);
        const std::string_view raw = host ? *host : std::string_view(default_host_);
        check_host(raw, settings);
        return std::string(raw);
    }
    // Django's request.scheme: "https" when the settings name a proxy header and it has exactly the
    // configured value; "http" otherwise (the server itself speaks plain HTTP).
    std::string_view scheme() const {
        const auto& proxy = host_settings().secure_proxy_ssl_header;
        if (!proxy) return "http";
        std::string joined;
        const auto value = headers_.joined(proxy->name, joined);
        return value && *value == proxy->value ? "https" : "http";
    }
    bool is_secure() const { return scheme() == "https"; }
    // "https://api.example.com": the scheme and the checked host that absolute links start with.
    std::string base_url() const { return std::string(scheme()) + "://" + get_host(); }
    // The server's own address, the host when the client sent none: "127.0.0.1:8000", "[::1]:8000"; a
    // bare IPv6 address is bracketed. A Request built in code has "localhost".
    void set_default_host(std::string host) { default_host_ = detail::bracket_ipv6(std::move(host)); }
    // The ALLOWED_HOSTS and proxy settings that get_host() and scheme() follow; the router gives every
    // request its own. Until then, Django's defaults (default_host_settings()).
    void set_host_settings(std::shared_ptr<const HostSettings> settings) { host_settings_ = std::move(settings); }
    const HostSettings& host_settings() const noexcept {
        return host_settings_ ? *host_settings_ : *default_host_settings();
    }
    // Django's request.META["REMOTE_ADDR"]: the address of the peer that sent the request ("203.0.113.7",
    // "::1"), set by the server; a proxy's, when the service sits behind one (drf::throttling reads the
    // client's from X-Forwarded-For only as far as its num_proxies setting trusts it). Empty for a
    // Request built in code; the test client says "127.0.0.1", as Django's does.
    const std::string& remote_addr() const noexcept { return remote_addr_; }
    void set_remote_addr(std::string address) { remote_addr_ = std::move(address); }

    // Django's build_absolute_uri for this path with the given query.
    std::string absolute_url(const QueryParams& query) const {
        // Built into one string: a page's next and previous links are made on every list request.
        std::string url = base_url();
        url.reserve(url.size() + path_.size() + 128);
        for (std::size_t from = 0; from <= path_.size();) {  // each segment encoded, the slashes kept
            const std::size_t slash = std::min(path_.find('/', from), path_.size());
            append_percent_encoded(url, std::string_view(path_).substr(from, slash - from));
            if (slash < path_.size()) url += '/';
            from = slash + 1;
        }
        if (!query.empty()) {
            url += '?';
            append_query(url, query);
        }
        return url;
    }

private:
    // DRF's Request._parse: no body is no data, whatever the Content-Type; otherwise the Content-Type
    // picks the parser, a missing one being the media type "" that none accepts.
    Json parse_body() const {
        if (body_.empty()) return Json::object();
        return parsers_.parse(body_, header("Content-Type").value_or(""));
    }

    Method method_ = Method::get;
    std::string path_ = "/";
    QueryParams query_;
    Headers headers_;
    std::string body_;
    mutable std::optional<Json> data_;
    ParserList parsers_;
    // The user model's value, type-erased so that this header does not need the model; shared, and
    // immutable, between copies of the request.
    std::shared_ptr<const void> user_;
    std::string authenticator_;
    bool has_authenticators_ = false;
    bool forced_authentication_ = false;
    std::string default_host_ = "localhost";
    std::string remote_addr_;
    std::shared_ptr<const HostSettings> host_settings_;
};

}  // namespace drf::http
