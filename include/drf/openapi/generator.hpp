// drf/openapi/generator.hpp — SchemaGenerator (drf-spectacular's): the OpenAPI 3.1 document of a
// router's endpoints — paths sorted and operationIds and tags named as drf-spectacular names them, the
// error responses each operation may give with their real bodies (429, 304, 412 and 428 from the HTTP
// policies among them), security from the permissions and the authenticators, the media types from the
// renderers and parsers, the components sorted by name. The same endpoints give the same bytes.
//     const drf::Json document = drf::openapi::SchemaGenerator({"Projects", "1.0.0", ""})
//                                    .get_schema(router.endpoints(), router.context());
#pragma once

#include <drf/auth/base.hpp>
#include <drf/core/json.hpp>
#include <drf/http/request.hpp>
#include <drf/openapi/describe.hpp>
#include <drf/openapi/detail/generator_paths.hpp>
#include <drf/openapi/detail/generator_policies.hpp>
#include <drf/views/context.hpp>

#include <algorithm>
#include <concepts>
#include <map>
#include <optional>
#include <set>
#include <stdexcept>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

namespace drf::openapi {

// The document's info object (drf-spectacular's TITLE, VERSION, DESCRIPTION).
struct Info {
    std::string title;
    std::string version;
    std::string description;  // empty: left out
};

namespace detail {

inline Json error_detail(Components& components) {
    return components.add("ErrorDetail", Json{{"type", "object"},
                                              {"properties", {{"detail", {{"type", "string"}}}}},
                                              {"required", Json::array({"detail"})}});
}

// The scheme each authenticator documents itself with, in order; one without is a logic_error, since a
// document that left it out would describe an API that refuses requests it says are fine.
inline std::vector<std::pair<std::string, Json>> security_schemes(const auth::Authenticators& authenticators) {
    std::vector<std::pair<std::string, Json>> out;
    for (const auto& a : authenticators) {
        auto scheme = a->openapi_security_scheme();
        if (!scheme)
            throw std::logic_error("drf::openapi::SchemaGenerator: the authenticator '" + std::string(a->name()) +
                                   "' has no OpenAPI security scheme; override openapi_security_scheme() to describe it");
        out.push_back(std::move(*scheme));
    }
    return out;
}

}  // namespace detail

// The document as text, as drf-spectacular's OpenApiJsonRenderer writes it (indented by 4): what the
// schema view serves and generateschema writes, the same bytes.
inline std::string render_json(const Json& document) {
    return document.dump(4, ' ', false, Json::error_handler_t::replace);
}

class SchemaGenerator {
public:
    explicit SchemaGenerator(Info info) : info_(std::move(info)) {}

    // The document for `endpoints` (Router::endpoints()) served with the router's whole context
    // (router.context()): its authenticators, and the throttles' settings, whose default throttle
    // classes apply to the views that declare none. Throws std::logic_error when an authenticator has
    // no security scheme, or when two serializers would share a component name.
    // (A template so that get_schema(endpoints, {}) still means no authenticators.)
    template <std::same_as<views::Context> Context>
    Json get_schema(const std::vector<Endpoint>& endpoints, const Context& context) {
        return generate(endpoints, context.authenticators, detail::throttle_policy(context.throttling.get()));
    }

    // The document for `endpoints` served with `authenticators` only: no default throttles (a view's
    // own throttle_classes are still documented).
    Json get_schema(const std::vector<Endpoint>& endpoints, const auth::Authenticators& authenticators) {
        return generate(endpoints, authenticators, {});
    }

    // What the last get_schema could not describe exactly (drf-spectacular's warnings), in order.
    const std::vector<std::string>& warnings() const noexcept { return warnings_; }

private:
    Json generate(const std::vector<Endpoint>& endpoints, const auth::Authenticators& authenticators,
                  const detail::ThrottlePolicy& throttling) {
        warnings_.clear();
        Components components;
        const auto schemes = detail::security_schemes(authenticators);
        // DRF answers a request without credentials 401 with the first authenticator's challenge, and 403
        // when it has none; bad credentials are refused so on every operation, whatever its permissions.
        const bool challenge = !authenticators.empty() && !authenticators.front()->authenticate_header(http::Request{}).empty();

        struct Item {
            std::pair<std::string, int> key;
            std::string path;
            http::Method method;
            const Operation* op;
            const Json* lookup;
        };
        std::vector<ViewSetDescription> described;
        described.reserve(endpoints.size());
        for (const auto& endpoint : endpoints) {
            described.push_back(endpoint.schema->describe(components));
            for (auto& w : described.back().warnings) warnings_.push_back(std::move(w));
        }
        std::vector<Item> items;
        std::vector<std::string> paths;
        std::size_t views = 0;
        for (std::size_t e = 0; e < endpoints.size(); ++e) {
            bool any = false;
            for (const auto& route : endpoints[e].routes)
                for (const auto& [method, action] : route.actions)
                    for (const auto& op : described[e].operations)
                        if (op.action == action && op.method == method && !op.exclude) {
                            items.push_back({detail::sort_key(route.path, method), route.path, method, &op,
                                             &described[e].lookup_parameter});
                            paths.push_back(route.path);
                            any = true;
                        }
            if (any) ++views;
        }
        // drf-spectacular's SCHEMA_PATH_PREFIX default: the common path of every operation when more
        // than one view is documented, else "/".
        const std::string prefix = views > 1 ? detail::common_path(paths) : "/";
        std::stable_sort(items.begin(), items.end(), [](const Item& a, const Item& b) { return a.key < b.key; });

        Json doc_paths = Json::object();
        for (const auto& item : items) {
            doc_paths[item.path][detail::method_key(item.method)] =
                operation(components, *item.op, item.path, prefix, *item.lookup, schemes, challenge, throttling);
        }

        Json doc{{"openapi", "3.1.0"}, {"info", {{"title", info_.title}, {"version", info_.version}}}};
        if (!info_.description.empty()) doc["info"]["description"] = info_.description;
        doc["paths"] = std::move(doc_paths);
        Json comps = Json::object();
        if (!components.empty()) {
            std::vector<std::string> names;
            for (const auto& [name, schema] : components.schemas().items()) names.push_back(name);
            std::sort(names.begin(), names.end());
            Json sorted = Json::object();
            for (const auto& name : names) sorted[name] = components.schemas()[name];
            comps["schemas"] = std::move(sorted);
        }
        if (!schemes.empty()) {
            std::map<std::string, Json> by_name(schemes.begin(), schemes.end());
            Json sorted = Json::object();
            for (auto& [name, scheme] : by_name) sorted[name] = scheme;
            comps["securitySchemes"] = std::move(sorted);
        }
        if (!comps.empty()) doc["components"] = std::move(comps);
        return doc;
    }

    static Json operation(Components& components, const Operation& op, const std::string& path, const std::string& prefix,
                          const Json& lookup, const std::vector<std::pair<std::string, Json>>& schemes, bool challenge,
                          const detail::ThrottlePolicy& throttling) {
        const auto content = [&](Json schema) { return detail::content(std::move(schema), op.response_media_types); };
        const auto tokens = detail::tokenize_path(path, prefix == "/" ? std::string_view("/") : std::string_view(prefix));
        Json out{{"operationId", op.operation_id.empty() ? detail::operation_id(tokens, op.method, op.is_list) : op.operation_id}};
        if (!op.description.empty()) out["description"] = op.description;
        if (!op.summary.empty()) out["summary"] = op.summary;

        std::vector<Json> parameters;
        if (path.find('{') != std::string::npos) parameters.push_back(lookup);
        for (const auto& p : op.parameters) parameters.push_back(p);
        for (auto& p : detail::conditional_parameters(op)) parameters.push_back(std::move(p));
        // drf-spectacular sorts them by name.
        std::stable_sort(parameters.begin(), parameters.end(),
                         [](const Json& a, const Json& b) { return a.value("name", "") < b.value("name", ""); });
        if (!parameters.empty()) out["parameters"] = parameters;

        Json tags = Json::array();
        if (!op.tags.empty())
            for (const auto& t : op.tags) tags.push_back(t);
        else if (!tokens.empty())
            tags.push_back(tokens.front());
        if (!tags.empty()) out["tags"] = std::move(tags);

        if (op.request_body) {
            Json body{{"content", detail::content(*op.request_body, op.request_media_types)}};
            if (op.request_required) body["required"] = true;
            out["requestBody"] = std::move(body);
        }

        Json security = Json::array();
        for (const auto& [name, scheme] : schemes) security.push_back(Json{{name, Json::array()}});
        if (op.anonymous == permissions::Anonymous::allowed) security.push_back(Json::object());
        if (!security.empty()) out["security"] = std::move(security);

        std::map<int, Json> responses;
        for (const auto& r : op.responses) {
            Json response = Json::object();
            if (r.schema) response["content"] = content(*r.schema);
            response["description"] = r.description;
            responses[r.status] = std::move(response);
        }
        const auto error = [&](int status, std::string description, Json schema) {
            if (responses.count(status)) return;
            responses[status] = Json{{"content", content(std::move(schema))}, {"description", std::move(description)}};
        };
        if (op.request_body || !op.parameter_errors.is_null()) {
            Json any = Json::array();
            if (!op.request_errors.is_null()) any.push_back(op.request_errors);
            if (!op.parameter_errors.is_null()) any.push_back(op.parameter_errors);
            if (op.request_body) any.push_back(detail::error_detail(components));
            error(400, "Invalid input.", any.size() == 1 ? any.front() : Json{{"anyOf", std::move(any)}});
        }
        if (challenge && !responses.count(401))
            responses[401] = Json{{"headers", {{"WWW-Authenticate", {{"schema", {{"type", "string"}}}}}}},
                                  {"content", content(detail::error_detail(components))},
                                  {"description", "Authentication credentials were not provided or are invalid."}};
        if (op.may_deny || (!schemes.empty() && !challenge))
            error(403, "You do not have permission to perform this action.", detail::error_detail(components));
        if (op.detail || op.not_found) error(404, "Not found.", detail::error_detail(components));
        if (op.request_body) error(415, "Unsupported media type.", detail::error_detail(components));
        detail::add_policy_responses(op, throttling, responses, content(detail::error_detail(components)));
        Json rs = Json::object();
        for (auto& [status, response] : responses) rs[std::to_string(status)] = std::move(response);
        out["responses"] = std::move(rs);
        return out;
    }

    Info info_;
    std::vector<std::string> warnings_;
};

}  // namespace drf::openapi
