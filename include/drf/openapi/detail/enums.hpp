// drf/openapi/detail/enums.hpp — drf-spectacular's postprocess_schema_enums: every choice property of
// the components becomes a $ref to an enum component, named after the property ("StatusEnum"), after
// component and property when one name has several choice sets ("ProjectStatusEnum"), or after the
// property and the choice set's hash when neither is unique ("StatusFf1Enum").
#pragma once

#include <drf/core/json.hpp>

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstdio>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace drf::openapi::detail::schema {

// SHA-256 of `data` as lowercase hex. drf-spectacular names a colliding enum by the first three hex
// digits of its choice set's hash; the openapi block links no crypto library for so little.
inline std::string sha256_hex(std::string_view data) {
    static constexpr std::array<std::uint32_t, 64> k = {
        0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
        0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
        0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
        0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
        0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
        0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
        0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
        0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2};
    std::array<std::uint32_t, 8> h = {0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
                                      0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19};
    std::string msg(data);
    const std::uint64_t bits = static_cast<std::uint64_t>(data.size()) * 8;
    msg += static_cast<char>(0x80);
    while (msg.size() % 64 != 56) msg += '\0';
    for (int i = 7; i >= 0; --i) msg += static_cast<char>((bits >> (i * 8)) & 0xff);
    const auto rotr = [](std::uint32_t x, int n) { return (x >> n) | (x << (32 - n)); };
    for (std::size_t chunk = 0; chunk < msg.size(); chunk += 64) {
        std::array<std::uint32_t, 64> w{};
        for (std::size_t i = 0; i < 16; ++i)
            for (std::size_t b = 0; b < 4; ++b)
                w[i] = (w[i] << 8) | static_cast<unsigned char>(msg[chunk + i * 4 + b]);
        for (std::size_t i = 16; i < 64; ++i) {
            const std::uint32_t s0 = rotr(w[i - 15], 7) ^ rotr(w[i - 15], 18) ^ (w[i - 15] >> 3);
            const std::uint32_t s1 = rotr(w[i - 2], 17) ^ rotr(w[i - 2], 19) ^ (w[i - 2] >> 10);
            w[i] = w[i - 16] + s0 + w[i - 7] + s1;
        }
        std::array<std::uint32_t, 8> v = h;
        for (std::size_t i = 0; i < 64; ++i) {
            const std::uint32_t s1 = rotr(v[4], 6) ^ rotr(v[4], 11) ^ rotr(v[4], 25);
            const std::uint32_t ch = (v[4] & v[5]) ^ (~v[4] & v[6]);
            const std::uint32_t t1 = v[7] + s1 + ch + k[i] + w[i];
            const std::uint32_t s0 = rotr(v[0], 2) ^ rotr(v[0], 13) ^ rotr(v[0], 22);
            const std::uint32_t maj = (v[0] & v[1]) ^ (v[0] & v[2]) ^ (v[1] & v[2]);
            v = {t1 + s0 + maj, v[0], v[1], v[2], v[3] + t1, v[4], v[5], v[6]};
        }
        for (std::size_t i = 0; i < 8; ++i) h[i] += v[i];
    }
    std::string hex;
    char buf[9];
    for (const auto word : h) {
        std::snprintf(buf, sizeof buf, "%08x", static_cast<unsigned>(word));
        hex += buf;
    }
    return hex;
}

// Python's json.dumps of a str (ensure_ascii: every non-ASCII character as \uXXXX, UTF-16).
inline void append_python_json_string(std::string& out, std::string_view s) {
    out += '"';
    for (std::size_t i = 0; i < s.size();) {
        const auto c = static_cast<unsigned char>(s[i]);
        std::uint32_t cp = c;
        std::size_t len = 1;
        if (c >= 0xf0) len = 4, cp = c & 0x07;
        else if (c >= 0xe0) len = 3, cp = c & 0x0f;
        else if (c >= 0xc0) len = 2, cp = c & 0x1f;
        for (std::size_t j = 1; j < len && i + j < s.size(); ++j)
            cp = (cp << 6) | (static_cast<unsigned char>(s[i + j]) & 0x3f);
        i += len;
        char buf[16];
        if (cp == '"' || cp == '\\') {
            out += '\\';
            out += static_cast<char>(cp);
        } else if (cp == '\n') {
            out += "\\n";
        } else if (cp == '\r') {
            out += "\\r";
        } else if (cp == '\t') {
            out += "\\t";
        } else if (cp == '\b') {
            out += "\\b";
        } else if (cp == '\f') {
            out += "\\f";
        } else if (cp < 0x20 || (cp >= 0x7f && cp < 0x10000)) {
            std::snprintf(buf, sizeof buf, "\\u%04x", static_cast<unsigned>(cp));
            out += buf;
        } else if (cp >= 0x10000) {
            const std::uint32_t v = cp - 0x10000;
            std::snprintf(buf, sizeof buf, "\\u%04x\\u%04x", static_cast<unsigned>(0xd800 + (v >> 10)),
                          static_cast<unsigned>(0xdc00 + (v & 0x3ff)));
            out += buf;
        } else {
            out += static_cast<char>(cp);
        }
    }
    out += '"';
}

// drf-spectacular's list_hash of a choice set, [(value, label), ...]: a C++ choice's label is its text.
inline std::string choice_set_hash(const Json& values) {
    std::vector<std::string> keys;
    for (const auto& v : values) keys.push_back(v.is_string() ? v.get<std::string>() : v.dump());
    std::sort(keys.begin(), keys.end());
    std::string text = "[";
    for (std::size_t i = 0; i < keys.size(); ++i) {
        if (i != 0) text += ", ";
        text += '[';
        append_python_json_string(text, keys[i]);
        text += ", ";
        append_python_json_string(text, keys[i]);
        text += ']';
    }
    text += ']';
    return sha256_hex(text).substr(0, 16);
}

// inflection.camelize: "created_at" -> "CreatedAt".
inline std::string camelize(std::string_view s) {
    std::string out;
    const auto upper = [](char c) { return (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c; };
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (i == 0) {
            out += upper(s[0]);
        } else if (s[i] == '_' && i + 1 < s.size()) {
            out += upper(s[i + 1]);
            ++i;
        } else {
            out += s[i];
        }
    }
    return out;
}

// {"$ref": ...} with other keys becomes {"allOf": [{"$ref": ...}], ...} (drf-spectacular's safe_ref).
inline Json safe_ref(Json schema) {
    if (schema.is_object() && schema.contains("$ref") && schema.size() > 1) {
        Json out = Json::object();
        out["allOf"] = Json::array({Json::object({{"$ref", schema["$ref"]}})});
        for (auto& [key, value] : schema.items())
            if (key != "$ref") out[key] = std::move(value);
        return out;
    }
    return schema;
}

// Calls fn(component name, properties) for a component and its oneOf/allOf/anyOf parts.
template <class Fn>
void each_property_container(Json& schema, const std::string& component, Fn& fn) {
    if (schema.is_array()) {
        for (auto& item : schema) each_property_container(item, component, fn);
    } else if (schema.is_object()) {
        if (schema.contains("properties") && !schema["properties"].empty()) fn(component, schema["properties"]);
        for (const char* key : {"oneOf", "allOf", "anyOf"})
            if (schema.contains(key)) each_property_container(schema[key], component, fn);
    }
}

template <class Fn>
void each_property_container(Json& schemas, Fn fn) {
    for (auto& [name, schema] : schemas.items()) {
        // "PatchedProject" shares its choice sets with "Project"
        const std::string component =
            name.size() > 7 && std::string_view(name).substr(0, 7) == "Patched" ? name.substr(7) : name;
        each_property_container(schema, component, fn);
    }
}

// The enum schema inside a property (or inside an array property's items), or nullptr.
inline Json* enum_of(Json& property) {
    Json* p = &property;
    if (p->is_object() && p->contains("type") && (*p)["type"] == "array" && p->contains("items")) p = &(*p)["items"];
    return p->is_object() && p->contains("enum") ? p : nullptr;
}

inline Json without_blank_and_null(const Json& values) {
    Json out = Json::array();
    for (const auto& v : values)
        if (!v.is_null() && v != "") out.push_back(v);
    return out;
}

// The components with every choice property replaced by a $ref to its enum component, the enum
// components appended after them.
inline Json extract_enums(const Json& raw) {
    Json schemas = raw;
    // property name -> its choice sets; choice set -> the (component, property) pairs that use it
    std::vector<std::pair<std::string, std::vector<std::string>>> sets_of_property;
    std::map<std::string, std::set<std::pair<std::string, std::string>>> users_of_set;
    std::map<std::string, std::string> hash_of_set;  // canonical text -> hash
    const auto set_key = [&](const Json& values) {
        const std::string key = without_blank_and_null(values).dump();
        if (!hash_of_set.contains(key)) hash_of_set[key] = choice_set_hash(without_blank_and_null(values));
        return hash_of_set[key];
    };
    each_property_container(schemas, [&](const std::string& component, Json& properties) {
        for (auto& item : properties.items()) {
            const std::string& prop = item.key();  // no structured binding: lambdas below capture it
            const Json* e = enum_of(item.value());
            if (e == nullptr) continue;
            const std::string hash = set_key((*e)["enum"]);
            auto it = std::find_if(sets_of_property.begin(), sets_of_property.end(),
                                   [&](const auto& entry) { return entry.first == prop; });
            if (it == sets_of_property.end()) it = sets_of_property.insert(sets_of_property.end(), {prop, {}});
            if (std::find(it->second.begin(), it->second.end(), hash) == it->second.end()) it->second.push_back(hash);
            users_of_set[hash].insert({component, prop});
        }
    });
    if (sets_of_property.empty()) return schemas;

    std::map<std::string, std::string> name_of_set;
    std::map<std::pair<std::string, std::string>, std::string> name_of_set_and_property;
    for (const auto& [prop, hashes] : sets_of_property) {
        for (const auto& hash : hashes) {
            std::string name;
            if (hashes.size() == 1) {
                name = camelize(prop) + "Enum";
            } else if (users_of_set[hash].size() == 1) {
                name = camelize(users_of_set[hash].begin()->first) + camelize(prop) + "Enum";
            } else {
                std::string prefix = hash.substr(0, 3);
                if (prefix[0] >= 'a' && prefix[0] <= 'z') prefix[0] = static_cast<char>(prefix[0] - 'a' + 'A');
                name = camelize(prop) + prefix + "Enum";
            }
            const auto known = name_of_set.find(hash);
            if (known != name_of_set.end() && known->second != name)
                name_of_set.erase(known);  // one choice set under several names: each property keeps its own
            else
                name_of_set[hash] = name;
            name_of_set_and_property[{hash, prop}] = name;
        }
    }

    Json enums = Json::object();
    const auto add_enum = [&](const std::string& name, Json schema) {
        if (!enums.contains(name) && !schemas.contains(name)) enums[name] = std::move(schema);
        Json r = Json::object();
        r["$ref"] = "#/components/schemas/" + name;
        return r;
    };
    each_property_container(schemas, [&](const std::string&, Json& properties) {
        for (auto& [prop, property] : properties.items()) {
            Json* e = enum_of(property);
            if (e == nullptr) continue;
            const Json original = (*e)["enum"];
            (*e)["enum"] = without_blank_and_null(original);
            const std::string hash = set_key(original);
            const auto by_set = name_of_set.find(hash);
            const std::string name =
                by_set != name_of_set.end() ? by_set->second : name_of_set_and_property.at({hash, prop});
            Json enum_schema = Json::object();
            Json rest = Json::object();
            for (auto& [key, value] : e->items()) {
                if (key == "type" || key == "enum")
                    enum_schema[key] = value;
                else
                    rest[key] = value;
            }
            if (rest.contains("description")) {
                const std::string description = rest["description"].get<std::string>();
                const auto split = description.find("\n\n*");
                if (!description.empty() && description[0] == '*') {
                    enum_schema["description"] = description;
                    rest.erase("description");
                } else if (split != std::string::npos) {
                    enum_schema["description"] = description.substr(split + 2);
                }
            }
            if (enum_schema.contains("type") && enum_schema["type"].is_array()) {
                for (const auto& t : enum_schema["type"])
                    if (t != "null") {
                        enum_schema["type"] = t;
                        break;
                    }
            }
            Json refs = Json::array({add_enum(name, std::move(enum_schema))});
            if (std::find(original.begin(), original.end(), Json("")) != original.end())
                refs.push_back(add_enum("BlankEnum", Json::object({{"enum", Json::array({""})}})));
            if (std::find(original.begin(), original.end(), Json(nullptr)) != original.end())
                refs.push_back(add_enum("NullEnum", Json::object({{"type", "null"}})));
            if (refs.size() == 1)
                rest["$ref"] = refs[0]["$ref"];
            else
                rest["oneOf"] = std::move(refs);
            *e = safe_ref(std::move(rest));
        }
    });
    for (auto& [name, schema] : enums.items()) schemas[name] = std::move(schema);
    return schemas;
}

}  // namespace drf::openapi::detail::schema
