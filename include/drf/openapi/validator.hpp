// drf/openapi/validator.hpp — ResponseValidator: checks one response against an OpenAPI 3.1 document
// (its path, operation, status, headers, content type and body schema), so that every response a test
// suite produces doubles as a contract test of the document drf generates.
//
// Which part of the document a response answers to:
//   path     matched against the paths' templates ("/api/projects/{id}/"), segment by segment, a literal
//            segment preferred to a parameter (as the router prefers "/projects/archive/" to a pk).
//            No template matches: the router found nothing, so the answer must be 404 with drf's
//            {"detail": "..."} body (ErrorDetail).
//   method   the operation for it. HEAD is checked as GET (or the document's own head operation):
//            status and headers only, it has no body. A method the path does not document must be
//            answered 405 with Allow, or 401 (with WWW-Authenticate) / 403 / 429 (with Retry-After),
//            since DRF authenticates, checks permissions and throttles before it looks for the handler;
//            the body is ErrorDetail.
//   negotiation  a 406, and the 404 of a ?format= (the request's query says so), may come from any
//            operation that does not list them: ErrorDetail as JSON, or a media type the operation has.
//   CORS     a preflight (OPTIONS with Access-Control-Request-Method) answered 200 with no body passes
//            on any path, as django-cors-headers answers it before the views; headers the document does
//            not declare (Access-Control-*) never fail.
//   304      never has a body, whatever the document says.
//   OPTIONS  DRF's metadata answer, which drf-spectacular does not document: unless the path declares
//            an options operation, a 200 must carry Allow and a JSON object body, any other status an
//            ErrorDetail body.
//   path parameters   each value is checked against its parameter's schema. A value that does not
//            match (a pk that is not a uuid) means the request named no resource: a 404 is then checked
//            as ErrorDetail (or as the operation's own 404), a 2xx is an error, and anything else (401
//            and 403 come before the lookup) is checked as the operation says.
//   status   the response for the exact code, then its range ("4XX"), then "default"; none is an error
//            naming the documented codes.
//   headers  every header the response declares as required must be present (WWW-Authenticate on 401,
//            Allow on 405, Retry-After on 429), and match its schema when it has one (the value as a
//            number or boolean where the schema wants one, else a JSON string).
//   content  no content declared: the response must have no body. Otherwise its Content-Type (without
//            parameters, case-insensitive) must be a declared media type ("type/*" and "*/*" match
//            too), and a JSON body (application/json, any "+json" type) must match the media type's
//            schema; a body of any other type (a CSV renderer's) is checked for its Content-Type only.
//
// The schemas are JSON Schema 2020-12 as drf writes them: type (a name or an array of names, "integer"
// meaning a JSON number written without fraction or exponent — stricter than 2020-12, which accepts
// 1.0, so a float field documented as an integer cannot pass by luck), properties, required,
// additionalProperties, items, minItems, maxItems, enum, const, minLength/maxLength (code points),
// minimum/maximum/exclusiveMinimum/exclusiveMaximum, pattern (ECMAScript, unanchored as 2020-12 says),
// format (uuid, date-time per RFC 3339, email, uri are checked; any other format only annotates),
// oneOf (exactly one), anyOf, allOf, and $ref to any JSON pointer in the document ("#/components/
// schemas/Project"). title, description, readOnly, writeOnly, default, example, examples, deprecated,
// $comment, externalDocs and "x-" extensions annotate. Any other keyword fails closed: an error naming
// it (OpenAPI 3.0's "nullable" among them: 3.1 has none). A $ref cycle that never reaches a value is an
// error, not a stack overflow.
//
// Every error is one line. Body errors start with the RFC 6901 pointer of the offending value:
// "/results/0/owner: expected string or null, got number 5" ("(root)" for the body itself).
#pragma once

#include <drf/core/json.hpp>
#include <drf/http/method.hpp>
#include <drf/http/request.hpp>
#include <drf/openapi/detail/validator_paths.hpp>
#include <drf/openapi/detail/validator_schema.hpp>

#include <algorithm>
#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace drf::openapi {

class ResponseValidator {
public:
    explicit ResponseValidator(Json document) : schemas_(std::move(document)) {
        const Json& doc = schemas_.document();
        if (const auto paths = doc.find("paths"); paths != doc.end() && paths->is_object())
            for (const auto& [text, _] : paths->items()) {
                Template t{text, {}, {}};
                for (const auto& segment : detail::validation::split_path(text)) {
                    t.segments.push_back(detail::validation::template_pieces(segment));
                    t.literal.push_back(t.segments.back().size() == 1 && !t.segments.back()[0].parameter);
                }
                templates_.push_back(std::move(t));
            }
        // A literal segment before a parameter at the first place two templates differ, as the router.
        std::stable_sort(templates_.begin(), templates_.end(),
                         [](const Template& a, const Template& b) { return a.literal > b.literal; });
    }

    const Json& document() const noexcept { return schemas_.document(); }
    // The JSON Schema validator over the document, for checking a value against one of its schemas.
    const SchemaValidator& schemas() const noexcept { return schemas_; }

    // Every way the response breaks the document (empty when it matches), one line each. `path` is the
    // request's path without its query string; `body` the parsed body when the caller has it (else
    // body_text is parsed when the content type is JSON).
    std::vector<std::string> check(http::Method method, std::string_view path, int status, const http::Headers& headers,
                                   const std::string& body_text, const Json* body) const {
        return check(method, path, RequestFacts{}, status, headers, body_text, body);
    }

    // The same for `request` itself, whose query and headers tell two answers apart that the document
    // does not list: a CORS preflight's, and the 404 of a ?format= no renderer has.
    std::vector<std::string> check(const http::Request& request, int status, const http::Headers& headers,
                                   const std::string& body_text, const Json* body) const {
        const RequestFacts facts{.format = request.query_param("format").has_value(),
                                 .preflight = request.method() == http::Method::options &&
                                              request.header("Access-Control-Request-Method").has_value()};
        return check(request.method(), request.path(), facts, status, headers, body_text, body);
    }

private:
    struct RequestFacts {
        bool format = false;     // the query has ?format=
        bool preflight = false;  // OPTIONS with Access-Control-Request-Method
    };

    std::vector<std::string> check(http::Method method, std::string_view path, const RequestFacts& facts, int status,
                                   const http::Headers& headers, const std::string& body_text, const Json* body) const {
        std::vector<std::string> out;
        const bool has_body = body != nullptr || !body_text.empty();
        // django-cors-headers answers a preflight 200 with an empty body before any view runs, on any path.
        if (facts.preflight && status == 200 && !has_body) return out;
        // RFC 9110 §15.4.5: a 304 never has content, whatever else the document says.
        if (status == 304 && has_body)
            out.push_back("304: a 304 Not Modified has no body, got " + std::to_string(body_text.size()) + " bytes");
        const std::string code = std::to_string(status);
        std::map<std::string, std::string> values;
        const Template* matched = nullptr;
        const auto segments = detail::validation::split_path(path);
        for (const auto& t : templates_) {
            if (t.segments.size() != segments.size()) continue;
            values.clear();
            bool ok = true;
            for (std::size_t i = 0; ok && i < segments.size(); ++i)
                ok = detail::validation::match_pieces(t.segments[i], 0, segments[i], values);
            if (ok) {
                matched = &t;
                break;
            }
        }
        if (!matched) {
            if (status != 404)
                out.push_back("no path of the document matches " + std::string(path) + ", so the answer must be 404, got " + code);
            check_error_body(status, headers, body_text, body, out);
            return out;
        }
        const Json& item = document()["paths"][matched->text];
        const std::string item_location = "#/paths/" + detail::validation::escape_pointer_token(matched->text);
        const std::string name = std::string(http::to_string(method)) + " " + matched->text;
        const bool head = method == http::Method::head;
        std::string key(detail::validation::operation_key(method));
        if (head && !item.contains("head")) key = "get";
        const auto op = item.find(key);
        const Json* operation = op != item.end() && op->is_object() ? &*op : nullptr;
        // Content negotiation runs before anything else in the view, on any method: 406 {"detail"} (or
        // its detail in a media type the operation renders), and 404 for a ?format= it has no renderer for.
        if ((status == 406 || (status == 404 && facts.format)) && !(operation && find_response(*operation, status))) {
            check_refusal(item, operation, status, headers, body_text, body, out);
            return out;
        }
        if (method == http::Method::options && !item.contains("options")) {
            if (status != 200) {
                check_refusal(item, nullptr, status, headers, body_text, body, out);
                return out;
            }
            if (!headers.contains("Allow")) out.push_back("OPTIONS " + matched->text + ": missing header Allow");
            const std::string type = detail::validation::media_type(headers.get("Content-Type").value_or(""));
            // The metadata in another of the route's media types (a CSV renderer's) is checked for that only.
            if (!type.empty() && !detail::validation::is_json_media_type(type) && renders(item, nullptr, type)) return out;
            check_json_body(Json{{"type", "object"}}, "(DRF's metadata)", headers, body_text, body, out);
            return out;
        }
        if (!operation) {
            // DRF authenticates, checks permissions and runs the view's throttles before it looks for
            // the handler.
            if (status != 405 && status != 401 && status != 403 && status != 429)
                out.push_back(name + " is not in the document, so the answer must be 405 (or 401, 403 or 429), got " + code);
            check_refusal(item, nullptr, status, headers, body_text, body, out);
            return out;
        }
        const std::string op_location = item_location + "/" + key;

        const std::string mismatch = path_parameter_mismatch(item, *op, values);
        if (!mismatch.empty()) {
            if (status >= 200 && status < 300) {
                out.push_back(name + ": " + mismatch + ", so the answer must be 404, got " + code);
                return out;
            }
            if (status == 404 && !find_response(*op, status)) {
                check_error_body(status, headers, body_text, body, out);
                return out;
            }
        }

        const auto [response, response_key] = find_response(*op, status).value_or(std::pair<const Json*, std::string>{});
        if (!response) {
            std::string documented;
            if (const auto r = op->find("responses"); r != op->end() && r->is_object())
                for (const auto& [k, _] : r->items()) documented += (documented.empty() ? "" : ", ") + k;
            out.push_back(name + ": status " + code + " is not documented (documented: " + documented + ")");
            return out;
        }
        const std::string response_location = op_location + "/responses/" + response_key;
        check_headers(*response, name + " " + code, headers, out);
        if (head) return out;
        check_content(*response, response_location, name + " " + code, headers, body_text, body, out);
        return out;
    }

    struct Template {
        std::string text;
        std::vector<std::vector<detail::validation::TemplatePiece>> segments;
        std::vector<bool> literal;  // per segment: a literal, not a parameter
    };

    // The object itself, or what its "$ref" names (components/responses, components/parameters...).
    const Json& deref(const Json& object) const {
        if (object.is_object())
            if (const auto it = object.find("$ref"); it != object.end() && it->is_string())
                if (const Json* target = schemas_.resolve(it->get<std::string>())) return *target;
        return object;
    }

    // The operation's response for a status: exact, range, default; with the key that chose it.
    std::optional<std::pair<const Json*, std::string>> find_response(const Json& op, int status) const {
        const auto responses = op.find("responses");
        if (responses == op.end() || !responses->is_object()) return std::nullopt;
        const std::string range = std::to_string(status / 100);
        for (const std::string& key : {std::to_string(status), range + "XX", range + "xx", std::string("default")})
            if (const auto it = responses->find(key); it != responses->end()) return std::pair{&deref(*it), key};
        return std::nullopt;
    }

    // Why the path's values do not fit the operation's path parameters ("" when they do).
    std::string path_parameter_mismatch(const Json& item, const Json& op, const std::map<std::string, std::string>& values) const {
        std::map<std::string, const Json*> schemas;
        for (const Json* owner : {&item, &op})
            if (const auto params = owner->find("parameters"); params != owner->end() && params->is_array())
                for (const auto& p : *params) {
                    const Json& param = deref(p);
                    if (param.value("in", "") == "path" && param.contains("schema"))
                        schemas[param.value("name", "")] = &param["schema"];
                }
        for (const auto& [name, text] : values) {
            const auto it = schemas.find(name);
            if (it == schemas.end()) continue;
            const Json value = parameter_value(deref(*it->second), text);
            const auto errors = schemas_.validate(*it->second, value);
            if (!errors.empty()) return "path parameter " + name + " " + errors.front().reason;
        }
        return "";
    }

    // A path parameter's text as the JSON value its schema expects: a number for integer and number
    // schemas when it reads as one, else the string.
    static Json parameter_value(const Json& schema, const std::string& text) {
        const Json type = schema.value("type", Json());
        auto wants = [&](std::string_view t) {
            return type == t || (type.is_array() && std::find(type.begin(), type.end(), t) != type.end());
        };
        if ((wants("integer") || wants("number")) && !text.empty()) {
            const Json parsed = Json::parse(text, nullptr, false);
            if (parsed.is_number()) return parsed;
        }
        if (wants("boolean") && (text == "true" || text == "false")) return text == "true";
        return text;
    }

    void check_headers(const Json& response, const std::string& name, const http::Headers& headers,
                       std::vector<std::string>& out) const {
        const auto declared = response.find("headers");
        if (declared == response.end() || !declared->is_object()) return;
        for (const auto& [header, h] : declared->items()) {
            const Json& spec = deref(h);
            const auto value = headers.get(header);
            if (!value) {
                if (spec.value("required", false)) out.push_back(name + ": missing required header " + header);
                continue;
            }
            if (const auto schema = spec.find("schema"); schema != spec.end())
                for (const auto& e : schemas_.validate(*schema, parameter_value(deref(*schema), std::string(*value))))
                    out.push_back(name + ": header " + header + " " + e.reason);
        }
    }

    void check_content(const Json& response, const std::string& location, const std::string& name,
                       const http::Headers& headers, const std::string& body_text, const Json* body,
                       std::vector<std::string>& out) const {
        const auto content = response.find("content");
        const bool has_body = body != nullptr || !body_text.empty();
        if (content == response.end() || !content->is_object() || content->empty()) {
            if (has_body)
                out.push_back(name + ": the document declares no body, got " + std::to_string(body_text.size()) +
                              " bytes of " + std::string(headers.get("Content-Type").value_or("unknown type")));
            return;
        }
        std::string declared;
        for (const auto& [type, _] : content->items()) declared += (declared.empty() ? "" : ", ") + type;
        if (!has_body) {
            out.push_back(name + ": expected a body (" + declared + "), got none");
            return;
        }
        const auto content_type = headers.get("Content-Type");
        if (!content_type) {
            out.push_back(name + ": the body has no Content-Type (documented: " + declared + ")");
            return;
        }
        const std::string actual = detail::validation::media_type(*content_type);
        for (const auto& [type, media] : content->items()) {
            if (!detail::validation::media_type_matches(detail::validation::media_type(type), actual)) continue;
            const auto schema = media.find("schema");
            // A body in another media type (a CSV renderer's) is its renderer's text of the same data:
            // only its Content-Type is checked.
            if (schema == media.end() || !detail::validation::is_json_media_type(actual)) return;
            const std::string at = location + "/content/" + detail::validation::escape_pointer_token(type) + "/schema";
            return check_json_body(*schema, at, headers, body_text, body, out);
        }
        out.push_back(name + ": Content-Type " + actual + " is not documented (documented: " + declared + ")");
    }

    // Whether `operation` (or, when null, any operation of the path item) has a response in `type`.
    bool renders(const Json& item, const Json* operation, const std::string& type) const {
        const auto scan = [&](const Json& op) {
            if (const auto responses = op.find("responses"); responses != op.end() && responses->is_object())
                for (const auto& [_, r] : responses->items())
                    if (const auto c = deref(r).find("content"); c != deref(r).end() && c->is_object())
                        for (const auto& [declared, media] : c->items())
                            if (detail::validation::media_type_matches(detail::validation::media_type(declared), type))
                                return true;
            return false;
        };
        if (operation) return scan(*operation);
        for (const auto& [_, op] : item.items())
            if (op.is_object() && scan(op)) return true;
        return false;
    }

    // An answer the operation does not list, given before its handler runs (406, the 404 of an unknown
    // ?format=, 405, a 401/403/429 before the 405, an OPTIONS refused): DRF's {"detail"} as JSON, or in
    // a media type the operation (none: the path's operations) renders, since the route's renderer, or
    // its first one when none was accepted, renders it.
    void check_refusal(const Json& item, const Json* operation, int status, const http::Headers& headers,
                       const std::string& body_text, const Json* body, std::vector<std::string>& out) const {
        const auto content_type = headers.get("Content-Type");
        const std::string actual = detail::validation::media_type(content_type.value_or(""));
        if (!content_type || detail::validation::is_json_media_type(actual))
            return check_error_body(status, headers, body_text, body, out);
        check_error_headers(status, headers, out);
        if (!renders(item, operation, actual))
            out.push_back(std::to_string(status) + ": Content-Type " + actual + " is not one the operation renders");
    }

    void check_json_body(const Json& schema, const std::string& location, const http::Headers& headers,
                         const std::string& body_text, const Json* body, std::vector<std::string>& out) const {
        const auto content_type = headers.get("Content-Type");
        if (!content_type || !detail::validation::is_json_media_type(detail::validation::media_type(*content_type))) {
            out.push_back("expected a JSON body, got Content-Type " + std::string(content_type.value_or("(none)")));
            return;
        }
        Json parsed;
        if (!body) {
            parsed = Json::parse(body_text, nullptr, false);
            if (parsed.is_discarded()) {
                out.push_back("the body is not JSON: " + detail::validation::shortened(body_text));
                return;
            }
            body = &parsed;
        }
        for (const auto& e : schemas_.validate(schema, *body, "", location)) out.push_back(e.message());
    }

    // An answer the document does not describe, which drf gives as {"detail": "..."}: a 401 carries its
    // challenge, a 405 its Allow.
    static void check_error_headers(int status, const http::Headers& headers, std::vector<std::string>& out) {
        if (status == 401 && !headers.contains("WWW-Authenticate")) out.push_back("401: missing header WWW-Authenticate");
        if (status == 405 && !headers.contains("Allow")) out.push_back("405: missing header Allow");
        if (status == 429 && !headers.contains("Retry-After")) out.push_back("429: missing header Retry-After");
    }

    void check_error_body(int status, const http::Headers& headers, const std::string& body_text, const Json* body,
                          std::vector<std::string>& out) const {
        check_error_headers(status, headers, out);
        if (body == nullptr && body_text.empty()) {
            out.push_back(std::to_string(status) + ": expected an ErrorDetail body {\"detail\": \"...\"}, got none");
            return;
        }
        check_json_body(detail::validation::error_detail_schema(), "(ErrorDetail)", headers, body_text, body, out);
    }

    SchemaValidator schemas_;
    std::vector<Template> templates_;  // in the order they are tried
};

}  // namespace drf::openapi
