// drf/openapi/serializer.hpp — a serializer's JSON Schema component as drf-spectacular writes it
// (OpenAPI 3.1), its PATCH variant "Patched<Name>", and the schema of the 400 body its validation fails
// with, "<Name>ValidationError".
#pragma once

#include <drf/core/type_name.hpp>
#include <drf/openapi/components.hpp>
#include <drf/openapi/detail/kinds.hpp>
#include <drf/serializers/serializer.hpp>

#include <algorithm>
#include <cstddef>
#include <string>
#include <string_view>
#include <tuple>
#include <type_traits>
#include <utility>
#include <vector>

namespace drf::openapi {

namespace detail::schema {

constexpr bool is_identifier(std::string_view s) {
    if (s.empty()) return false;
    for (std::size_t i = 0; i < s.size(); ++i) {
        const char c = s[i];
        const bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
        if (!letter && !(i > 0 && c >= '0' && c <= '9')) return false;
    }
    return true;
}

// OpenAPI's rule for the keys of components/schemas: ^[a-zA-Z0-9.\-_]+$.
constexpr bool is_component_name(std::string_view s) {
    if (s.empty()) return false;
    for (const char c : s) {
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '-' ||
              c == '_'))
            return false;
    }
    return true;
}

// drf-spectacular drops a trailing "Serializer": ProjectSerializer is "Project".
constexpr std::string_view drop_serializer_suffix(std::string_view name) {
    constexpr std::string_view suffix = "Serializer";
    if (name.size() > suffix.size() && name.substr(name.size() - suffix.size()) == suffix)
        return name.substr(0, name.size() - suffix.size());
    return name;
}

// Instantiated only for a serializer whose type has no plain name, so the message names the type.
template <class S>
struct serializer_type_has_no_plain_name {
    static_assert(always_false<S>,
                  "drf::openapi::component_name: the serializer's type has no plain name to name its schema by "
                  "(the instantiation of serializer_type_has_no_plain_name<S> shows it: an alias of a template "
                  "such as drf::serializers::model_serializer<...>); declare it as a struct, "
                  "`struct ProjectInput : drf::serializers::model_serializer<...> {};`, or give it "
                  "`static constexpr std::string_view schema_name = \"ProjectInput\";`");
};

template <class M>
constexpr bool nullable_step = std::is_pointer_v<M> || requires(const M& m) { m.has_value(); } ||
                               requires(const M& m) { m.get(); };

template <class A>
struct path_steps {
    static constexpr bool may_be_null = false;
};
// A source path through a pointer, std::optional or smart pointer that is null renders nothing: drf
// leaves the key out (DRF's SkipField for a read-only field), unless the field allows null.
template <class... Steps>
struct path_steps<serializers::PathAccess<Steps...>> {
    using members = std::tuple<typename serializers::detail::member_of<Steps>::type...>;
    static constexpr bool may_be_null = []<std::size_t... I>(std::index_sequence<I...>) {
        return (nullable_step<std::tuple_element_t<I, members>> || ... || false);
    }(std::make_index_sequence<sizeof...(Steps) - 1>{});
};

// drf-spectacular lists a field as required when DRF requires it in the input or it is read-only
// (always in the output). drf does not list a source-path field that a null step leaves out.
template <class F>
constexpr bool is_required(const F& field) {
    if (path_steps<typename F::access_type>::may_be_null && !field.options.allow_null) return false;
    return field.options.required || field.options.read_only;
}

template <class F>
void add_property(const F& field, Components& components, Direction direction, Json& properties,
                  std::vector<std::string>& required) {
    properties[std::string(field.name)] = field_schema(field, components, direction);
    if (direction != Direction::partial && is_required(field)) required.emplace_back(field.name);
}

// ["message", ...]: the errors of one field, as the 400 body writes them.
inline Json messages() {
    Json schema = of_type("array");
    schema["items"] = of_type("string");
    return schema;
}

inline Json one_of(Json a, Json b) {
    Json schema = Json::object();
    schema["oneOf"] = Json::array({std::move(a), std::move(b)});
    return schema;
}

// A field's errors in the 400 body, as drf's validation writes them: messages; for a nested serializer
// its own errors object (or messages, when the value is missing or null); for a nested list, one
// object (or messages, for a null item) per item, or {"non_field_errors": [...]} when the value is no
// list; for a list field, the child's messages by index: {"2": ["A valid integer is required."]}.
template <class F>
Json error_schema(const F&, Components& components) {
    using K = typename F::kind_type;
    if constexpr (kind_traits<K>::nested) {
        return one_of(messages(), validation_error_schema<typename kind_traits<K>::serializer>(components));
    } else if constexpr (kind_traits<K>::nested_many) {
        const Json item = validation_error_schema<typename kind_traits<K>::serializer>(components);
        Json items = of_type("array");
        items["items"] = one_of(item, messages());
        Json schema = one_of(messages(), item);
        schema["oneOf"].push_back(std::move(items));
        return schema;
    } else if constexpr (kind_traits<K>::list) {
        Json by_index = of_type("object");
        by_index["additionalProperties"] = messages();
        return one_of(messages(), std::move(by_index));
    } else {
        return messages();
    }
}

}  // namespace detail::schema

// The name of S's component: S::schema_name when S declares one, else S's type name without namespaces;
// a trailing "Serializer" is dropped either way, as drf-spectacular drops it ("ProjectInput" for
// ProjectInput and for ProjectInputSerializer).
template <class S>
constexpr std::string_view component_name() {
    if constexpr (requires { std::string_view(S::schema_name); }) {
        constexpr std::string_view name = S::schema_name;
        static_assert(detail::schema::is_component_name(name),
                      "drf::openapi::component_name: a serializer's schema_name must be letters, digits, '.', '-' "
                      "or '_' (OpenAPI's rule for component names)");
        return detail::schema::drop_serializer_suffix(name);
    } else {
        constexpr std::string_view name = type_name<S>();
        if constexpr (!detail::schema::is_identifier(name)) {
            (void)detail::schema::serializer_type_has_no_plain_name<S>{};
            return name;
        } else {
            return detail::schema::drop_serializer_suffix(name);
        }
    }
}

// Registers S's component (and every nested serializer's) and returns {"$ref": ...} to it. request and
// response share the component, as in drf-spectacular's default settings: read-only fields are marked
// readOnly (and required, being always in the output), write-only ones writeOnly. Direction::partial
// registers "Patched<Name>" with nothing required.
//
// Where drf writes what drf-spectacular would not, because the C++ field says more than the DRF one
// (each shown in tests/openapi/serializer_schema_test.cpp):
// - an integer carries its member type's range (drf rejects what the member cannot hold);
// - a float member is format "float" (Python has only double);
// - a std::optional member may be null even without allow_null(), since an empty one renders as null;
// - a source-path field that a null pointer on the path leaves out is not listed as required.
template <class S>
Json serializer_schema(Components& components, Direction direction) {
    std::string name(component_name<S>());
    if (direction == Direction::partial) name = "Patched" + name;
    Json properties = Json::object();
    std::vector<std::string> required;
    std::apply(
        [&](const auto&... f) { (detail::schema::add_property(f, components, direction, properties, required), ...); },
        S::fields.items);
    Json schema = Json::object();
    schema["type"] = "object";
    if (!properties.empty()) schema["properties"] = std::move(properties);
    if (!required.empty()) {
        std::sort(required.begin(), required.end());
        schema["required"] = required;
    }
    return components.add(std::move(name), std::move(schema), type_name<S>());
}

// Registers "<Name>ValidationError", the body of the 400 a failed validation of S answers with, and
// returns {"$ref": ...} to it: each field the client may send with its errors (see error_schema),
// non_field_errors for the object-level ones, and nothing else.
template <class S>
Json validation_error_schema(Components& components) {
    Json properties = Json::object();
    std::apply(
        [&](const auto&... f) {
            const auto add = [&](const auto& field) {
                if constexpr (std::remove_cvref_t<decltype(field)>::access_type::writable)
                    if (!field.options.read_only)
                        properties[std::string(field.name)] = detail::schema::error_schema(field, components);
            };
            (add(f), ...);
        },
        S::fields.items);
    properties[std::string(serializers::non_field_errors_key)] = detail::schema::messages();
    Json schema = Json::object();
    schema["type"] = "object";
    schema["properties"] = std::move(properties);
    schema["additionalProperties"] = false;
    return components.add(std::string(component_name<S>()) + "ValidationError", std::move(schema), type_name<S>());
}

}  // namespace drf::openapi
