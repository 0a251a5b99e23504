// drf/test/client.hpp — APIClient (rest_framework.test.APIClient): requests through a Router in
// process, with JSON bodies, force_authenticate and credentials, returning status, headers and JSON.
// Every response is also checked against the router's OpenAPI document (drf::openapi::SchemaGenerator's,
// from the router's whole context: its authenticators and its default throttles), so the whole test
// suite doubles as a contract test of that document: a response the document does not describe throws
// SchemaMismatch, which fails the test that got it.
#pragma once

#include <drf/auth/user.hpp>
#include <drf/core/json.hpp>
#include <drf/http/request.hpp>
#include <drf/http/response.hpp>
#include <drf/openapi/generator.hpp>
#include <drf/openapi/validator.hpp>
#include <drf/routers/router.hpp>

#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace drf::test {

// What a test sees of a response: DRF's response.status_code, headers, content and parsed data.
struct TestResponse {
    int status_code = 0;
    http::Headers headers;
    std::string content;
    Json data;  // the parsed body; null when there is none

    std::optional<std::string_view> header(std::string_view name) const { return headers.get(name); }
};

// A response the router's OpenAPI document does not describe. what(): the method, the path, the status
// and every mismatch, one a line, body mismatches at the JSON pointer of the offending value:
//     GET /api/projects/ answered 200, which the OpenAPI document does not describe:
//       /results/0/owner: expected string or null, got number 5
class SchemaMismatch : public std::runtime_error {
public:
    SchemaMismatch(http::Method method, std::string_view path, int status, std::vector<std::string> errors)
        : std::runtime_error(describe(method, path, status, errors)), errors_(std::move(errors)) {}
    const std::vector<std::string>& errors() const noexcept { return errors_; }

private:
    static std::string describe(http::Method method, std::string_view path, int status, const std::vector<std::string>& errors) {
        std::string out = std::string(http::to_string(method)) + " " + std::string(path) + " answered " +
                          std::to_string(status) + ", which the OpenAPI document does not describe:";
        for (const auto& e : errors) out += "\n  " + e;
        return out;
    }
    std::vector<std::string> errors_;
};

class APIClient {
public:
    explicit APIClient(const routers::Router& router) : router_(&router) {}

    // Each takes extra header fields for this request only, as DRF's client.get(path, HTTP_ACCEPT=...):
    //     client.get("/api/projects/", {{"Accept", "application/json"}, {"If-None-Match", etag}})
    TestResponse get(std::string_view path, const http::Headers& extra = {}) {
        return request(http::Method::get, path, std::nullopt, "", extra);
    }
    TestResponse head(std::string_view path, const http::Headers& extra = {}) {
        return request(http::Method::head, path, std::nullopt, "", extra);
    }
    TestResponse options(std::string_view path, const http::Headers& extra = {}) {
        return request(http::Method::options, path, std::nullopt, "", extra);
    }
    TestResponse remove(std::string_view path, const http::Headers& extra = {}) {
        return request(http::Method::remove, path, std::nullopt, "", extra);
    }
    TestResponse post(std::string_view path, const Json& data = Json::object(), const http::Headers& extra = {}) {
        return request(http::Method::post, path, data.dump(), "application/json", extra);
    }
    TestResponse put(std::string_view path, const Json& data = Json::object(), const http::Headers& extra = {}) {
        return request(http::Method::put, path, data.dump(), "application/json", extra);
    }
    TestResponse patch(std::string_view path, const Json& data = Json::object(), const http::Headers& extra = {}) {
        return request(http::Method::patch, path, data.dump(), "application/json", extra);
    }

    // Any request: a raw body with its content type (for malformed bodies and other media types), and
    // extra header fields (a field named in `extra` replaces the client's own, Content-Type included).
    TestResponse request(http::Method method, std::string_view path, std::optional<std::string> body = std::nullopt,
                         std::string content_type = "application/json", const http::Headers& extra = {}) {
        http::Headers headers;
        headers.add("Host", "testserver");
        if (credentials_) headers.add("Authorization", *credentials_);
        if (body) headers.add("Content-Type", content_type);
        for (const auto& [name, value] : extra) headers.erase(name);
        for (const auto& [name, value] : extra) headers.add(name, value);
        http::Request req(method, path, std::move(headers), body.value_or(""));
        req.set_remote_addr(remote_addr_);
        if (forced_user_) req.force_authenticate(*forced_user_);
        const http::Response res = router_->dispatch(req, host_settings());
        TestResponse out;
        out.status_code = res.status_code();
        out.headers = res.headers();
        out.content = res.content();
        if (res.is_json()) {
            out.data = *res.data();
            if (!out.headers.get("Content-Type")) out.headers.set("Content-Type", "application/json");
        }
        // A register_path view (the API's documentation pages, their assets) is outside the document.
        if (validate_ && !router_->is_registered_path(req.path())) {
            const auto errors =
                validator().check(req, out.status_code, out.headers, out.content, res.is_json() ? &out.data : nullptr);
            if (!errors.empty()) throw SchemaMismatch(method, path, out.status_code, errors);
        }
        return out;
    }

    // Whether responses are checked against the router's OpenAPI document (on by default). A test that
    // provokes an answer outside the contract on purpose turns it off, and says why.
    void validate_responses(bool on) noexcept { validate_ = on; }

    // The router's OpenAPI document the responses are checked against, generated at the first use.
    const Json& schema() { return validator().document(); }

    // Every request is made as `user`, skipping authentication (DRF's force_authenticate); nullopt undoes it.
    void force_authenticate(std::optional<auth::User> user) { forced_user_ = std::move(user); }
    // The address every request comes from (Django's REMOTE_ADDR): "127.0.0.1" unless set, as Django's
    // test client has it.
    void remote_addr(std::string address) { remote_addr_ = std::move(address); }
    // The Authorization header for every request: credentials("Token " + key); empty clears it.
    void credentials(std::string authorization) {
        if (authorization.empty())
            credentials_.reset();
        else
            credentials_ = std::move(authorization);
    }

private:
    // The router's host settings with "testserver" allowed, as Django's test runner adds it.
    std::shared_ptr<const http::HostSettings> host_settings() const {
        auto hosts = std::make_shared<http::HostSettings>(router_->host_settings());
        hosts->allowed_hosts.emplace_back("testserver");
        return hosts;
    }

    // Generated once per client, at the first request: the router is complete by then.
    const openapi::ResponseValidator& validator() {
        if (!validator_)
            validator_ = std::make_shared<const openapi::ResponseValidator>(
                openapi::SchemaGenerator(openapi::Info{"API", "1.0.0", ""})
                    .get_schema(router_->endpoints(), router_->context()));
        return *validator_;
    }

    const routers::Router* router_;
    bool validate_ = true;
    std::shared_ptr<const openapi::ResponseValidator> validator_;
    std::optional<auth::User> forced_user_;
    std::optional<std::string> credentials_;
    std::string remote_addr_ = "127.0.0.1";
};

}  // namespace drf::test
