// drf/test/client.hpp — APIClient (rest_framework.test.APIClient): requests through a Router in
// process, with JSON bodies, force_authenticate and credentials, returning status, headers and JSON.
#pragma once

#include <drf/auth/user.hpp>
#include <drf/core/json.hpp>
#include <drf/http/request.hpp>
#include <drf/http/response.hpp>
#include <drf/routers/router.hpp>

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace drf::test {

// What a test sees of a response: DRF's response.status_code, headers, content and parsed data.
struct TestResponse {
    int status_code = 0;
    http::Headers headers;
    std::string content;
    Json data;  // the parsed body; null when there is none

    std::optional<std::string_view> header(std::string_view name) const { return headers.get(name); }
};

class APIClient {
public:
    explicit APIClient(const routers::Router& router) : router_(&router) {}

    TestResponse get(std::string_view path) { return request(http::Method::get, path); }
    TestResponse head(std::string_view path) { return request(http::Method::head, path); }
    TestResponse options(std::string_view path) { return request(http::Method::options, path); }
    TestResponse remove(std::string_view path) { return request(http::Method::remove, path); }
    TestResponse post(std::string_view path, const Json& data = Json::object()) {
        return request(http::Method::post, path, data.dump());
    }
    TestResponse put(std::string_view path, const Json& data = Json::object()) {
        return request(http::Method::put, path, data.dump());
    }
    TestResponse patch(std::string_view path, const Json& data = Json::object()) {
        return request(http::Method::patch, path, data.dump());
    }

    // Any request: a raw body with its content type (for malformed bodies and other media types).
    TestResponse request(http::Method method, std::string_view path, std::optional<std::string> body = std::nullopt,
                         std::string content_type = "application/json") {
        http::Headers headers;
        headers.add("Host", "testserver");
        if (credentials_) headers.add("Authorization", *credentials_);
        if (body) headers.add("Content-Type", content_type);
        http::Request req(method, path, std::move(headers), body.value_or(""));
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
        return out;
    }

    // Every request is made as `user`, skipping authentication (DRF's force_authenticate); nullopt undoes it.
    void force_authenticate(std::optional<auth::User> user) { forced_user_ = std::move(user); }
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

    const routers::Router* router_;
    std::optional<auth::User> forced_user_;
    std::optional<std::string> credentials_;
};

}  // namespace drf::test
