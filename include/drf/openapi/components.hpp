// drf/openapi/components.hpp — Components, the document's components/schemas as operations are
// described, and the enum components drf-spectacular extracts from choice fields when it writes them.
#pragma once

#include <drf/core/json.hpp>
#include <drf/openapi/detail/enums.hpp>

#include <functional>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>

namespace drf::openapi {

// Which body a serializer's schema describes. drf-spectacular (COMPONENT_SPLIT_REQUEST off, its
// default) writes one component for both request and response, readOnly and writeOnly telling them
// apart; a PATCH body is "Patched<Name>", with nothing required.
enum class Direction { response, request, partial };

class Components {
public:
    // Adds `schema` under `name` and returns {"$ref": "#/components/schemas/<name>"}. Adding the same
    // name again with the same schema is a no-op; with another schema it is std::logic_error naming the
    // name and both origins (the serializer types, when serializer_schema adds them).
    Json add(std::string name, Json schema, std::string_view origin = {}) {
        const auto found = origins_.find(name);
        if (found != origins_.end()) {
            if (raw_.at(name) != schema)
                throw std::logic_error("drf::openapi::Components: two different schemas are named \"" + name +
                                       "\" (" + describe(found->second) + " and " + describe(std::string(origin)) +
                                       "); give one of them another name (a serializer's schema_name)");
            return ref(name);
        }
        origins_.emplace(name, std::string(origin));
        raw_[name] = std::move(schema);
        built_.reset();
        return ref(name);
    }

    // Whether `name` was added.
    bool contains(std::string_view name) const { return origins_.find(name) != origins_.end(); }

    // Every component, in the order they were added, then the enum components of the choice fields
    // (StatusEnum, BlankEnum, NullEnum) named as drf-spectacular names them: a choice property is
    // written as a $ref to its enum only here, since its name depends on every other choice set in the
    // document. drf-spectacular sorts the components by name when it writes the document.
    const Json& schemas() const {
        if (!built_) built_ = detail::schema::extract_enums(raw_);
        return *built_;
    }

    bool empty() const { return origins_.empty(); }

    // {"$ref": "#/components/schemas/<name>"}
    static Json ref(std::string_view name) {
        Json r = Json::object();
        r["$ref"] = "#/components/schemas/" + std::string(name);
        return r;
    }

private:
    static std::string describe(const std::string& origin) {
        return origin.empty() ? "a schema added by name" : origin;
    }

    Json raw_ = Json::object();
    std::map<std::string, std::string, std::less<>> origins_;
    mutable std::optional<Json> built_;
};

}  // namespace drf::openapi
