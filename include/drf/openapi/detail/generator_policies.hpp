// drf/openapi/detail/generator_policies.hpp — the parts of an operation the HTTP policies add: a body
// under each renderer's media type, 429 with Retry-After (and the RateLimit headers when they are on)
// where throttles run, and for conditional requests the ETag header, 304, If-None-Match and If-Match
// parameters, 412 and 428.
#pragma once

#include <drf/core/json.hpp>
#include <drf/openapi/detail/describe_parts.hpp>
#include <drf/throttling/settings.hpp>

#include <map>
#include <string>
#include <utility>
#include <vector>

namespace drf::openapi::detail {

// What the throttles' settings say about every view: whether a view that declares no throttles gets the
// default ones, and whether answers carry the RateLimit headers.
struct ThrottlePolicy {
    bool defaults = false;
    bool rate_limit_headers = false;
};

inline ThrottlePolicy throttle_policy(const throttling::Settings* settings) {
    if (!settings) return {};
    return {.defaults = !settings->default_throttle_classes.empty(), .rate_limit_headers = settings->rate_limit_headers};
}

// One body schema under each media type (drf-spectacular lists every renderer's, and every parser's
// for a request body, with the same schema).
inline Json content(Json schema, const std::vector<std::string>& media_types) {
    Json out = Json::object();
    for (const auto& type : media_types) out[type] = Json{{"schema", schema}};
    return out;
}

inline Json header(std::string description, Json schema, bool required) {
    Json out{{"schema", std::move(schema)}, {"description", std::move(description)}};
    if (required) out["required"] = true;
    return out;
}

inline Json etag_header(bool required) {
    return header("The representation's strong entity tag, for If-None-Match and If-Match.", Json{{"type", "string"}},
                  required);
}

// draft-ietf-httpapi-ratelimit-headers: the quota left and the policy, on answers of a throttled operation.
inline void add_rate_limit_headers(Json& headers) {
    headers["RateLimit"] = header("The quota left in the current window (draft-ietf-httpapi-ratelimit-headers).",
                                  Json{{"type", "string"}}, false);
    headers["RateLimit-Policy"] = header("The quota policies that apply (draft-ietf-httpapi-ratelimit-headers).",
                                         Json{{"type", "string"}}, false);
}

// The header parameters conditional requests read.
inline std::vector<Json> conditional_parameters(const Operation& op) {
    std::vector<Json> out;
    if (op.etags)
        out.push_back(Json{{"in", "header"},
                           {"name", "If-None-Match"},
                           {"schema", {{"type", "string"}}},
                           {"description", "An ETag of a representation the client has; 304 without a body when it is "
                                           "still current (\"*\" and lists too)."}});
    if (op.if_match) {
        Json p{{"in", "header"},
               {"name", "If-Match"},
               {"schema", {{"type", "string"}}},
               {"description", "The ETag of the representation the change is based on; 412 when the object has "
                               "changed since."}};
        if (op.require_if_match) p["required"] = true;
        out.push_back(std::move(p));
    }
    return out;
}

// 429, 304, 412 and 428 where the operation can answer them, and the headers they add to its success
// responses; `error_content` is the ErrorDetail body under the operation's media types.
inline void add_policy_responses(const Operation& op, const ThrottlePolicy& throttling, std::map<int, Json>& responses,
                                 const Json& error_content) {
    const bool throttled = op.throttled.value_or(throttling.defaults);
    for (auto& [status, response] : responses) {
        if (status < 200 || status >= 300) continue;
        if (op.etags && status == 200) response["headers"]["ETag"] = etag_header(false);
        if (throttled && throttling.rate_limit_headers) add_rate_limit_headers(response["headers"]);
    }
    const auto error = [&](int status, const char* description, Json headers = Json()) {
        if (responses.count(status)) return;
        Json response{{"content", error_content}, {"description", description}};
        if (!headers.is_null()) response["headers"] = std::move(headers);
        responses[status] = std::move(response);
    };
    if (throttled) {
        Json headers{{"Retry-After", header("Seconds to wait before the next request is accepted.",
                                            Json{{"type", "integer"}, {"minimum", 0}}, true)}};
        if (throttling.rate_limit_headers) add_rate_limit_headers(headers);
        error(429, "Request was throttled.", std::move(headers));
    }
    if (op.etags && !responses.count(304))
        responses[304] = Json{{"headers", {{"ETag", etag_header(true)}}},
                              {"description", "Not modified: the representation If-None-Match names is current."}};
    if (op.if_match) error(412, "Precondition failed: the object has changed since the ETag If-Match names.");
    if (op.require_if_match) error(428, "Precondition required: send If-Match with the object's ETag.");
}

}  // namespace drf::openapi::detail
