// drf/openapi/detail/validator_schema.hpp — SchemaValidator: JSON Schema 2020-12 for the keywords drf's
// documents use, failing closed on any other keyword, with every error at the JSON pointer of the value
// that broke it. Included by drf/openapi/validator.hpp, which documents the rules.
#pragma once

#include <drf/core/json.hpp>
#include <drf/openapi/detail/validator_formats.hpp>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <regex>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace drf::openapi {

// One value that does not match its schema: where (an RFC 6901 pointer into the checked value, "" for
// the value itself) and why.
struct SchemaError {
    std::string pointer;
    std::string reason;

    // "/results/0/owner: expected string or null, got number 5"; the value itself is "(root)".
    std::string message() const { return (pointer.empty() ? std::string("(root)") : pointer) + ": " + reason; }
    friend bool operator==(const SchemaError&, const SchemaError&) = default;
};

namespace detail::validation {

// Keywords that only annotate: they never make a value invalid. "x-" extensions are annotations too.
inline bool is_annotation_keyword(std::string_view k) {
    static const std::set<std::string_view> annotations{"title",     "description", "readOnly", "writeOnly",
                                                        "default",   "example",     "examples", "deprecated",
                                                        "$comment",  "externalDocs"};
    return annotations.count(k) != 0 || k.starts_with("x-");
}

inline bool is_checked_keyword(std::string_view k) {
    static const std::set<std::string_view> checked{
        "$ref",    "type",      "properties", "required",  "additionalProperties", "items",   "enum",
        "const",   "format",    "minLength",  "maxLength", "minimum",              "maximum", "exclusiveMinimum",
        "exclusiveMaximum",     "pattern",    "oneOf",     "anyOf",                "allOf",   "minItems",
        "maxItems"};
    return checked.count(k) != 0;
}

inline std::string join_alternatives(const std::vector<std::string>& words) {
    std::string out;
    for (std::size_t i = 0; i < words.size(); ++i) {
        if (i > 0) out += i + 1 == words.size() ? " or " : ", ";
        out += words[i];
    }
    return out;
}

// A length bound: a non-negative integer (nlohmann keeps 2 written in C++ as a signed integer).
inline bool is_count(const Json& v) { return v.is_number_unsigned() || (v.is_number_integer() && v.get<std::int64_t>() >= 0); }

inline bool is_integer_value(const Json& v) { return v.is_number_integer() || json_big_integer_text(v).has_value(); }

inline bool has_type(const Json& v, std::string_view type) {
    if (type == "null") return v.is_null();
    if (type == "boolean") return v.is_boolean();
    if (type == "object") return v.is_object();
    if (type == "array") return v.is_array();
    if (type == "string") return v.is_string();
    if (type == "integer") return is_integer_value(v);
    if (type == "number") return v.is_number() || json_big_integer_text(v).has_value();
    return false;
}

inline long double numeric(const Json& v) {
    if (const auto big = json_big_integer_text(v)) return std::strtold(std::string(*big).c_str(), nullptr);
    if (v.is_number_unsigned()) return static_cast<long double>(v.get<std::uint64_t>());
    if (v.is_number_integer()) return static_cast<long double>(v.get<std::int64_t>());
    return static_cast<long double>(v.get<double>());
}

// What a format keyword asserts, or nullptr for a format that only annotates (date, int64, binary...).
inline const char* format_failure(std::string_view format, std::string_view text) {
    if (format == "uuid") return is_uuid(text) ? nullptr : "a uuid";
    if (format == "date-time") return is_rfc3339_datetime(text) ? nullptr : "an RFC 3339 date-time";
    if (format == "email") return is_email(text) ? nullptr : "an email address";
    if (format == "uri") return is_uri(text) ? nullptr : "a URI";
    return nullptr;
}

}  // namespace detail::validation

class SchemaValidator {
public:
    // How deep schemas may nest (a value's depth plus the $refs followed to reach it) before validation
    // stops with an error instead of exhausting the stack.
    static constexpr int max_depth = 256;

    // `document` is what "$ref": "#/..." points into: the OpenAPI document, or the schema itself.
    explicit SchemaValidator(Json document) : document_(std::move(document)) {}

    const Json& document() const noexcept { return document_; }

    // Every way `value` breaks `schema`; empty when it matches. Pointers start with `pointer` (so a
    // caller can place the value inside a larger one); `location` is where the schema sits in the
    // document, for the messages about the schema itself ("#/paths/~1api~1projects~1/get/...").
    std::vector<SchemaError> validate(const Json& schema, const Json& value, const std::string& pointer = "",
                                      const std::string& location = "#") const {
        Run run;
        walk(run, schema, location, value, pointer, {}, 0);
        return std::move(run.errors);
    }

    // The value a "$ref" names ("#", "#/components/schemas/Project", percent-escapes and RFC 6901
    // escapes decoded), or nullptr when it names nothing in the document or is not a local reference.
    const Json* resolve(std::string_view ref) const {
        if (ref.empty() || ref.front() != '#') return nullptr;
        std::string fragment;
        for (std::size_t i = 1; i < ref.size(); ++i) {
            if (ref[i] == '%' && i + 2 < ref.size() && detail::validation::is_hex_digit(ref[i + 1]) && detail::validation::is_hex_digit(ref[i + 2])) {
                fragment += static_cast<char>(std::stoi(std::string(ref.substr(i + 1, 2)), nullptr, 16));
                i += 2;
            } else {
                fragment += ref[i];
            }
        }
        if (fragment.empty()) return &document_;
        if (fragment.front() != '/') return nullptr;
        const Json* at = &document_;
        std::size_t start = 1;
        while (true) {
            const auto end = fragment.find('/', start);
            std::string token = fragment.substr(start, end == std::string::npos ? std::string::npos : end - start);
            std::string unescaped;
            for (std::size_t i = 0; i < token.size(); ++i) {
                if (token[i] == '~' && i + 1 < token.size() && (token[i + 1] == '0' || token[i + 1] == '1')) {
                    unescaped += token[i + 1] == '0' ? '~' : '/';
                    ++i;
                } else {
                    unescaped += token[i];
                }
            }
            if (at->is_object()) {
                const auto it = at->find(unescaped);
                if (it == at->end()) return nullptr;
                at = &*it;
            } else if (at->is_array()) {
                if (unescaped.empty() || unescaped.find_first_not_of("0123456789") != std::string::npos) return nullptr;
                const auto index = std::stoull(unescaped);
                if (index >= at->size()) return nullptr;
                at = &(*at)[index];
            } else {
                return nullptr;
            }
            if (end == std::string::npos) return at;
            start = end + 1;
        }
    }

private:
    struct Run {
        std::vector<SchemaError> errors;
        std::set<std::string> reported;  // schema defects already reported ("<location> <keyword>"), once each
    };

    void fail(Run& run, const std::string& pointer, std::string reason) const {
        run.errors.push_back({pointer, std::move(reason)});
    }

    // A defect of the schema rather than of the value: reported once per validate() call, not once per
    // array item it is met in.
    void schema_defect(Run& run, const std::string& pointer, const std::string& location, const std::string& key,
                       std::string reason) const {
        if (run.reported.insert(location + " " + key).second) fail(run, pointer, std::move(reason));
    }

    const std::regex* compiled(const std::string& pattern) const {
        const std::lock_guard<std::mutex> lock(regexes_->mutex);
        auto& compiled = regexes_->compiled;
        auto it = compiled.find(pattern);
        if (it == compiled.end()) {
            std::optional<std::regex> re;
            try {
                re.emplace(pattern, std::regex::ECMAScript);
            } catch (const std::regex_error&) {
            }
            it = compiled.emplace(pattern, std::move(re)).first;
        }
        return it->second ? &*it->second : nullptr;
    }

    // `refs`: the $refs followed since the walk last stepped into a member or item of the value; one
    // seen twice is a cycle that would never reach a value.
    void walk(Run& run, const Json& schema, const std::string& location, const Json& value, const std::string& pointer,
              std::vector<std::string> refs, int depth) const {
        if (depth > max_depth) {
            schema_defect(run, pointer, location, "depth",
                          "the schema nests deeper than " + std::to_string(max_depth) + " levels at " + location +
                              "; validation stopped");
            return;
        }
        if (schema.is_boolean()) {
            if (!schema.get<bool>()) fail(run, pointer, "no value is allowed here (the schema at " + location + " is false)");
            return;
        }
        if (!schema.is_object()) {
            schema_defect(run, pointer, location, "", "the schema at " + location + " is not an object or a boolean");
            return;
        }
        for (const auto& [key, _] : schema.items())
            if (!detail::validation::is_checked_keyword(key) && !detail::validation::is_annotation_keyword(key))
                schema_defect(run, pointer, location, key,
                              "the schema at " + location + " uses the keyword \"" + key +
                                  "\", which this validator does not check (it fails closed)" +
                                  (key == "nullable" ? "; OpenAPI 3.1 writes \"type\": [..., \"null\"] instead" : ""));

        if (const auto it = schema.find("$ref"); it != schema.end()) {
            const std::string ref = it->is_string() ? it->get<std::string>() : it->dump();
            const Json* target = it->is_string() ? resolve(ref) : nullptr;
            if (!target) {
                schema_defect(run, pointer, location, "$ref",
                              "the $ref \"" + ref + "\" at " + location + " names nothing in the document");
            } else if (std::find(refs.begin(), refs.end(), ref) != refs.end()) {
                std::string chain;
                for (const auto& r : refs) chain += r + " -> ";
                schema_defect(run, pointer, location, "$ref",
                              "$ref cycle " + chain + ref + " never reaches a value; validation stopped");
            } else {
                refs.push_back(ref);
                walk(run, *target, ref, value, pointer, refs, depth + 1);
                refs.pop_back();
            }
        }
        for (const char* combinator : {"allOf", "anyOf", "oneOf"})
            if (const auto it = schema.find(combinator); it != schema.end())
                combine(run, combinator, *it, location + "/" + combinator, value, pointer, refs, depth);

        if (const auto it = schema.find("type"); it != schema.end() && !type_matches(run, *it, location, value, pointer))
            return;  // the other keywords would only repeat that the value is of the wrong kind
        if (const auto it = schema.find("enum"); it != schema.end() && it->is_array()) {
            bool found = false;
            for (const auto& option : *it) found = found || option == value;
            if (!found) {
                std::vector<std::string> options;
                for (const auto& option : *it) options.push_back(detail::validation::shortened(option.dump(), 40));
                std::string listed;
                for (std::size_t i = 0; i < options.size(); ++i) listed += (i ? ", " : "") + options[i];
                fail(run, pointer, "expected one of " + listed + ", got " + detail::validation::describe(value));
            }
        }
        if (const auto it = schema.find("const"); it != schema.end() && *it != value)
            fail(run, pointer, "expected the constant " + detail::validation::shortened(it->dump(), 40) + ", got " + detail::validation::describe(value));

        if (value.is_string()) check_string(run, schema, location, value.get_ref<const std::string&>(), value, pointer);
        if (value.is_number() || json_big_integer_text(value)) check_number(run, schema, value, pointer);
        if (value.is_object()) check_object(run, schema, location, value, pointer, depth);
        if (value.is_array()) check_array(run, schema, location, value, pointer, depth);
    }

    bool type_matches(Run& run, const Json& type, const std::string& location, const Json& value,
                      const std::string& pointer) const {
        std::vector<std::string> names;
        if (type.is_string()) names.push_back(type.get<std::string>());
        if (type.is_array())
            for (const auto& t : type)
                if (t.is_string()) names.push_back(t.get<std::string>());
        if (names.empty() || names.size() != (type.is_array() ? type.size() : 1)) {
            schema_defect(run, pointer, location, "type",
                          "the \"type\" at " + location + " is not a type name or an array of them: " + type.dump());
            return false;
        }
        for (const auto& name : names)
            if (detail::validation::has_type(value, name)) return true;
        fail(run, pointer, "expected " + detail::validation::join_alternatives(names) + ", got " + detail::validation::describe(value));
        return false;
    }

    void check_string(Run& run, const Json& schema, const std::string& location, const std::string& text,
                      const Json& value, const std::string& pointer) const {
        const std::size_t length = detail::validation::code_points(text);
        if (const auto it = schema.find("minLength"); it != schema.end() && detail::validation::is_count(*it) &&
                                                      length < it->get<std::size_t>()) {
            const auto n = it->get<std::size_t>();
            fail(run, pointer, "expected at least " + std::to_string(n) + (n == 1 ? " character" : " characters") +
                                   ", got " + std::to_string(length));
        }
        if (const auto it = schema.find("maxLength"); it != schema.end() && detail::validation::is_count(*it) &&
                                                      length > it->get<std::size_t>()) {
            const auto n = it->get<std::size_t>();
            fail(run, pointer, "expected at most " + std::to_string(n) + (n == 1 ? " character" : " characters") +
                                   ", got " + std::to_string(length));
        }
        if (const auto it = schema.find("format"); it != schema.end() && it->is_string())
            if (const char* expected = detail::validation::format_failure(it->get_ref<const std::string&>(), text))
                fail(run, pointer, std::string("expected ") + expected + ", got " + detail::validation::describe(value));
        if (const auto it = schema.find("pattern"); it != schema.end()) {
            const std::string pattern = it->is_string() ? it->get<std::string>() : it->dump();
            const std::regex* re = it->is_string() ? compiled(pattern) : nullptr;
            if (!re)
                schema_defect(run, pointer, location, "pattern",
                              "the pattern " + it->dump() + " at " + location + " is not an ECMAScript regular expression");
            else if (!std::regex_search(text, *re))
                fail(run, pointer, "expected a string matching " + pattern + ", got " + detail::validation::describe(value));
        }
    }

    void check_number(Run& run, const Json& schema, const Json& value, const std::string& pointer) const {
        const long double x = detail::validation::numeric(value);
        struct Bound {
            const char* keyword;
            const char* relation;
            bool (*holds)(long double, long double);
        };
        static constexpr Bound bounds[] = {
            {"minimum", ">=", [](long double v, long double b) { return v >= b; }},
            {"maximum", "<=", [](long double v, long double b) { return v <= b; }},
            {"exclusiveMinimum", ">", [](long double v, long double b) { return v > b; }},
            {"exclusiveMaximum", "<", [](long double v, long double b) { return v < b; }},
        };
        for (const auto& bound : bounds) {
            const auto it = schema.find(bound.keyword);
            if (it == schema.end() || !it->is_number()) continue;
            if (!bound.holds(x, detail::validation::numeric(*it)))
                fail(run, pointer, std::string("expected a number ") + bound.relation + " " + it->dump() + ", got " +
                                       detail::validation::describe(value));
        }
    }

    void check_object(Run& run, const Json& schema, const std::string& location, const Json& value,
                      const std::string& pointer, int depth) const {
        const auto properties = schema.find("properties");
        const bool has_properties = properties != schema.end() && properties->is_object();
        if (const auto it = schema.find("required"); it != schema.end() && it->is_array())
            for (const auto& name : *it)
                if (name.is_string() && !value.contains(name.get<std::string>()))
                    fail(run, pointer, "missing required property " + name.dump());
        const auto additional = schema.find("additionalProperties");
        for (const auto& [key, member] : value.items()) {
            const std::string at = pointer + "/" + detail::validation::escape_pointer_token(key);
            if (has_properties) {
                if (const auto p = properties->find(key); p != properties->end()) {
                    walk(run, *p, location + "/properties/" + detail::validation::escape_pointer_token(key), member, at, {}, depth + 1);
                    continue;
                }
            }
            if (additional == schema.end()) continue;
            if (additional->is_boolean() && !additional->get<bool>())
                fail(run, at, "property not in the schema (additionalProperties is false)");
            else
                walk(run, *additional, location + "/additionalProperties", member, at, {}, depth + 1);
        }
    }

    void check_array(Run& run, const Json& schema, const std::string& location, const Json& value,
                     const std::string& pointer, int depth) const {
        if (const auto it = schema.find("minItems"); it != schema.end() && detail::validation::is_count(*it) &&
                                                     value.size() < it->get<std::size_t>())
            fail(run, pointer, "expected at least " + it->dump() + " items, got " + std::to_string(value.size()));
        if (const auto it = schema.find("maxItems"); it != schema.end() && detail::validation::is_count(*it) &&
                                                     value.size() > it->get<std::size_t>())
            fail(run, pointer, "expected at most " + it->dump() + " items, got " + std::to_string(value.size()));
        const auto items = schema.find("items");
        if (items == schema.end()) return;
        for (std::size_t i = 0; i < value.size(); ++i)
            walk(run, *items, location + "/items", value[i], pointer + "/" + std::to_string(i), {}, depth + 1);
    }

    void combine(Run& run, std::string_view combinator, const Json& schemas, const std::string& location,
                 const Json& value, const std::string& pointer, const std::vector<std::string>& refs, int depth) const {
        if (!schemas.is_array() || schemas.empty()) {
            schema_defect(run, pointer, location, "", "the " + std::string(combinator) + " at " + location +
                                                          " is not a non-empty array of schemas");
            return;
        }
        std::vector<std::vector<SchemaError>> failures;
        std::vector<std::size_t> matched;
        for (std::size_t i = 0; i < schemas.size(); ++i) {
            Run branch;
            branch.reported = run.reported;
            walk(branch, schemas[i], location + "/" + std::to_string(i), value, pointer, refs, depth + 1);
            if (combinator == "allOf") {
                run.reported = branch.reported;
                for (auto& e : branch.errors) run.errors.push_back(std::move(e));
                continue;
            }
            if (branch.errors.empty())
                matched.push_back(i);
            else
                failures.push_back(std::move(branch.errors));
        }
        if (combinator == "allOf") return;
        if (matched.empty()) {
            std::string why;
            for (std::size_t i = 0; i < failures.size(); ++i) {
                why += (i ? "; [" : " [") + std::to_string(i) + "] ";
                for (std::size_t j = 0; j < failures[i].size() && j < 3; ++j) why += (j ? ", " : "") + failures[i][j].message();
                if (failures[i].size() > 3) why += ", ...";
            }
            fail(run, pointer, "matches none of the " + std::string(combinator) + " schemas:" + why);
        } else if (combinator == "oneOf" && matched.size() > 1) {
            std::string which;
            for (std::size_t i = 0; i < matched.size(); ++i) which += (i ? ", " : "") + std::to_string(matched[i]);
            fail(run, pointer, "matches " + std::to_string(matched.size()) + " of the oneOf schemas (" + which +
                                   "); oneOf needs exactly one");
        }
    }

    // Each pattern is compiled once; copies of a validator share the patterns compiled so far.
    struct Regexes {
        std::mutex mutex;
        std::map<std::string, std::optional<std::regex>> compiled;
    };

    Json document_;
    std::shared_ptr<Regexes> regexes_ = std::make_shared<Regexes>();
};

}  // namespace drf::openapi
