// drf/openapi/detail/kinds.hpp — one serializer field's JSON Schema, as drf-spectacular writes the DRF
// field it mirrors: the kind's type and constraints, then readOnly/writeOnly, null, default and
// description, then the length validators (drf-spectacular's key order, since Json keeps it).
#pragma once

#include <drf/core/date.hpp>
#include <drf/core/datetime.hpp>
#include <drf/core/decimal.hpp>
#include <drf/core/detail/traits.hpp>
#include <drf/core/json.hpp>
#include <drf/core/uuid.hpp>
#include <drf/openapi/components.hpp>
#include <drf/openapi/detail/enums.hpp>
#include <drf/serializers/compound.hpp>
#include <drf/serializers/kinds.hpp>
#include <drf/serializers/kinds/dict.hpp>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <map>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <type_traits>
#include <unordered_map>
#include <vector>

namespace drf::openapi {

// drf/openapi/serializer.hpp
template <class S>
Json serializer_schema(Components& components, Direction direction);
template <class S>
Json validation_error_schema(Components& components);

namespace detail::schema {

template <class T>
inline constexpr bool always_false = false;

// Instantiated only for a field kind with no mapping, so the compiler's message names the kind.
template <class Kind>
struct field_kind_has_no_schema {
    static_assert(always_false<Kind>,
                  "drf::openapi: this field kind has no JSON Schema (the instantiation of "
                  "field_kind_has_no_schema<Kind> names it); give the kind `drf::Json openapi_schema() const` "
                  "returning the schema of one value");
};

// Instantiated only for a method_field whose callable returns a type with no schema.
template <class T>
struct method_field_result_has_no_schema {
    static_assert(always_false<T>,
                  "drf::openapi: a method_field's callable returns a type with no JSON Schema (the instantiation "
                  "of method_field_result_has_no_schema<T> names it); return bool, an integer, a floating-point "
                  "number, std::string, drf::Uuid, drf::DateTime, drf::Decimal, drf::Date, drf::Time, "
                  "drf::Duration, or a std::optional, std::vector or std::map of those, not drf::Json");
};

template <class T>
struct is_vector : std::false_type {};
template <class T, class A>
struct is_vector<std::vector<T, A>> : std::true_type {};

template <class T>
struct is_string_map : std::false_type {};
template <class V, class C, class A>
struct is_string_map<std::map<std::string, V, C, A>> : std::true_type {};
template <class V, class H, class E, class A>
struct is_string_map<std::unordered_map<std::string, V, H, E, A>> : std::true_type {};

// Which of drf's field kinds K is.
template <class K>
struct kind_traits {
    static constexpr bool integer = false, floating = false, choice = false, nested = false, nested_many = false,
                          list = false;
};
template <class I>
struct kind_traits<serializers::IntegerKind<I>> : kind_traits<void> {
    static constexpr bool integer = true;
};
template <class F>
struct kind_traits<serializers::FloatKind<F>> : kind_traits<void> {
    static constexpr bool floating = true;
};
template <class V, std::size_t N, class Stored>
struct kind_traits<serializers::ChoiceKind<V, N, Stored>> : kind_traits<void> {
    static constexpr bool choice = true;
};
template <class S>
struct kind_traits<serializers::NestedKind<S>> : kind_traits<void> {
    static constexpr bool nested = true;
    using serializer = S;
};
template <class S>
struct kind_traits<serializers::NestedManyKind<S>> : kind_traits<void> {
    static constexpr bool nested_many = true;
    using serializer = S;
};
template <class Child>
struct kind_traits<serializers::ListKind<Child>> : kind_traits<void> {
    static constexpr bool list = true;
};

template <class K>
struct is_dict_kind : std::false_type {};
template <class Child>
struct is_dict_kind<serializers::DictKind<Child>> : std::true_type {};

template <class K>
struct is_integer_choice_kind : std::false_type {};
template <class V, std::size_t N>
struct is_integer_choice_kind<serializers::IntegerChoiceKind<V, N>> : std::true_type {};

inline Json of_type(std::string_view type, std::string_view format = {}) {
    Json schema = Json::object();
    schema["type"] = type;
    if (!format.empty()) schema["format"] = format;
    return schema;
}

// {"type": "x"} -> {"type": ["x", "null"]}; a $ref -> {"oneOf": [$ref, {"type": "null"}]}, as
// drf-spectacular writes null for OpenAPI 3.1 (append_meta).
inline Json with_null(Json schema) {
    if (schema.contains("type")) {
        Json& type = schema["type"];
        if (type.is_string()) type = Json::array({type, "null"});
        else type.push_back("null");
    } else if (schema.contains("$ref")) {
        Json out = Json::object();
        out["oneOf"] = Json::array({std::move(schema), of_type("null")});
        return out;
    } else if (schema.contains("oneOf")) {
        schema["oneOf"].push_back(of_type("null"));
    } else {
        Json out = Json::object();
        out["oneOf"] = Json::array({std::move(schema), of_type("null")});
        return out;
    }
    return schema;
}

// A method_field's result type as drf-spectacular reads a method's return annotation.
template <class T>
Json type_schema() {
    using U = std::remove_cvref_t<T>;
    if constexpr (drf::detail::is_optional_v<U>) {
        return with_null(type_schema<typename U::value_type>());
    } else if constexpr (std::is_same_v<U, bool>) {
        return of_type("boolean");
    } else if constexpr (std::is_integral_v<U>) {
        return of_type("integer");
    } else if constexpr (std::is_floating_point_v<U>) {
        return of_type("number", std::is_same_v<U, float> ? "float" : "double");
    } else if constexpr (std::is_same_v<U, std::string> || std::is_same_v<U, std::string_view> ||
                         std::is_same_v<U, const char*> || std::is_same_v<U, char*>) {
        return of_type("string");
    } else if constexpr (std::is_same_v<U, Uuid>) {
        return of_type("string", "uuid");
    } else if constexpr (std::is_same_v<U, DateTime>) {
        return of_type("string", "date-time");
    } else if constexpr (std::is_same_v<U, Decimal>) {
        return of_type("number", "double");  // drf-spectacular's -> Decimal, OpenApiTypes.DECIMAL
    } else if constexpr (std::is_same_v<U, Date>) {
        return of_type("string", "date");
    } else if constexpr (std::is_same_v<U, Time>) {
        return of_type("string", "time");
    } else if constexpr (std::is_same_v<U, Duration>) {
        return of_type("string", "duration");  // -> timedelta; a DurationField says no format
    } else if constexpr (is_vector<U>::value) {
        Json schema = of_type("array");
        schema["items"] = type_schema<typename U::value_type>();
        return schema;
    } else if constexpr (is_string_map<U>::value) {
        Json schema = of_type("object");
        schema["additionalProperties"] = type_schema<typename U::mapped_type>();
        return schema;
    } else {
        (void)method_field_result_has_no_schema<U>{};
        return Json::object();
    }
}

// A min/max bound as the user wrote it: 10 for an int, 2.5 for a double (drf-spectacular writes
// field.max_value as given).
inline Json bound_json(const serializers::NumberBound& b) {
    if (!b.integral) return b.value;
    if (b.value >= 9223372036854775808.0) return static_cast<std::uint64_t>(b.value);
    return static_cast<std::int64_t>(b.value);
}

template <class I>
Json integer_limit(bool max) {
    if constexpr (std::is_signed_v<I>)
        return static_cast<std::int64_t>(max ? std::numeric_limits<I>::max() : std::numeric_limits<I>::min());
    else
        return static_cast<std::uint64_t>(max ? std::numeric_limits<I>::max() : std::numeric_limits<I>::min());
}

// An integer is bounded by its C++ type (drf rejects what the member cannot hold, with DRF's
// max_value message) and by max_value/min_value when they are tighter; int64 beyond int32's range,
// as drf-spectacular writes it.
template <class I>
Json integer_schema(const serializers::IntegerKind<I>& kind) {
    Json schema = of_type("integer");
    constexpr double type_max = static_cast<double>(std::numeric_limits<I>::max());
    constexpr double type_min = static_cast<double>(std::numeric_limits<I>::min());
    const bool user_max = kind.max_value.set && kind.max_value.value < type_max;
    const bool user_min = kind.min_value.set && kind.min_value.value > type_min;
    schema["maximum"] = user_max ? bound_json(kind.max_value) : integer_limit<I>(true);
    schema["minimum"] = user_min ? bound_json(kind.min_value) : integer_limit<I>(false);
    const auto in_int32 = [](const Json& v) {
        const double d = v.get<double>();
        return d >= -2147483648.0 && d <= 2147483647.0;
    };
    if (!in_int32(schema["maximum"]) || !in_int32(schema["minimum"])) schema["format"] = "int64";
    return schema;
}

// An integer's schema with the bounds the user gave only, as drf-spectacular writes a DictField's
// integer child: integer_schema's type limits taken out, and int64 with them unless a given bound
// needs it.
template <class I>
void given_bounds_only(const serializers::IntegerKind<I>& kind, Json& schema) {
    if (!kind.max_value.set) schema.erase("maximum");
    if (!kind.min_value.set) schema.erase("minimum");
    const auto in_int32 = [&](const char* key) {
        if (!schema.contains(key)) return true;
        const double d = schema[key].get<double>();
        return d >= -2147483648.0 && d <= 2147483647.0;
    };
    if (in_int32("maximum") && in_int32("minimum")) schema.erase("format");
}

// "* `draft` - draft\n* `published` - published": drf-spectacular's choice description; a C++
// choice's label is its text.
template <class K>
std::string choice_description(const K& kind) {
    std::string text;
    for (const auto& c : kind.choices) {
        if (!text.empty()) text += '\n';
        text += "* `" + std::string(c.key) + "` - " + std::string(c.key);
    }
    return text;
}

template <class F>
Json field_schema(const F& field, Components& components, Direction direction);

// The schema of the kind alone, before the field's options.
template <class F>
Json kind_schema(const F& field, Components& components, Direction direction) {
    using K = typename F::kind_type;
    const K& kind = field.kind;
    // A nested serializer inside a PATCH body is its own full component, as drf-spectacular has it
    // (only the body's serializer is partial there), although drf validates it partially too.
    const Direction inner = direction == Direction::partial ? Direction::request : direction;
    if constexpr (std::is_same_v<K, serializers::CharKind>) {
        return of_type("string");
    } else if constexpr (std::is_same_v<K, serializers::EmailKind>) {
        return of_type("string", "email");
    } else if constexpr (kind_traits<K>::integer) {
        return integer_schema(kind);
    } else if constexpr (kind_traits<K>::floating) {
        Json schema = of_type("number", std::is_same_v<typename K::value_type, float> ? "float" : "double");
        if (kind.max_value.set) schema["maximum"] = bound_json(kind.max_value);
        if (kind.min_value.set) schema["minimum"] = bound_json(kind.min_value);
        return schema;
    } else if constexpr (std::is_same_v<K, serializers::BooleanKind>) {
        return of_type("boolean");
    } else if constexpr (std::is_same_v<K, serializers::UuidKind>) {
        return of_type("string", "uuid");
    } else if constexpr (std::is_same_v<K, serializers::DateTimeKind>) {
        return of_type("string", "date-time");
    } else if constexpr (kind_traits<K>::choice) {
        // Written inline; Components::schemas() moves it into its enum component.
        Json values = Json::array();
        for (const auto& c : kind.choices) values.push_back(std::string(c.key));
        if (kind.allow_blank && std::find(values.begin(), values.end(), Json("")) == values.end()) values.push_back("");
        if (field.options.allow_null) values.push_back(nullptr);
        Json schema = Json::object();
        schema["enum"] = std::move(values);
        schema["type"] = "string";
        schema["description"] = choice_description(kind);
        return schema;
    } else if constexpr (kind_traits<K>::nested) {
        return serializer_schema<typename kind_traits<K>::serializer>(components, inner);
    } else if constexpr (kind_traits<K>::nested_many) {
        Json schema = of_type("array");
        schema["items"] = serializer_schema<typename kind_traits<K>::serializer>(components, inner);
        return schema;
    } else if constexpr (kind_traits<K>::list) {
        Json schema = of_type("array");
        schema["items"] = field_schema(kind.child, components, inner);
        return schema;
    } else if constexpr (is_dict_kind<K>::value) {
        // drf-spectacular maps the child as a field of its own (its options and validators included),
        // an integer without the type limits a ListField's child has; DRF's unvalidated child takes
        // any value.
        using ChildKind = typename std::remove_cvref_t<decltype(kind.child)>::kind_type;
        Json schema = of_type("object");
        if constexpr (std::is_same_v<ChildKind, serializers::JsonKind>) {
            schema["additionalProperties"] = Json::object();
        } else {
            Json child = field_schema(kind.child, components, inner);
            if constexpr (kind_traits<ChildKind>::integer) given_bounds_only(kind.child.kind, child);
            schema["additionalProperties"] = std::move(child);
        }
        return schema;
    } else if constexpr (is_integer_choice_kind<K>::value) {
        // null among the choices, as for text choices: Components::schemas() makes it a NullEnum.
        Json schema = kind.openapi_schema();
        if (field.options.allow_null) schema["enum"].push_back(nullptr);
        return schema;
    } else if constexpr (std::is_same_v<K, serializers::MethodKind>) {
        using Owner = typename F::access_type::owner_type;
        return type_schema<std::invoke_result_t<decltype(field.access.fn), const Owner&>>();
    } else if constexpr (requires { { kind.openapi_schema() } -> std::convertible_to<Json>; }) {
        return kind.openapi_schema();
    } else {
        (void)field_kind_has_no_schema<K>{};
        return Json::object();
    }
}

// Whether a field renders null: allow_null, or a std::optional member (drf renders an empty one as
// null even without allow_null, so the response may hold it).
template <class F>
constexpr bool renders_null(const F& field) {
    if (field.options.allow_null) return true;
    return drf::detail::is_optional_v<typename F::member_type> && !field.options.write_only;
}

// drf-spectacular's _insert_field_validators: DRF's MaxLength/MinLength validators, as maxLength and
// minLength on text and maxItems and minItems on lists.
template <class F>
void insert_validators(const F& field, Json& schema) {
    using K = typename F::kind_type;
    if constexpr (std::is_same_v<K, serializers::CharKind> || std::is_same_v<K, serializers::EmailKind>) {
        if (field.kind.max_length != serializers::no_limit) schema["maxLength"] = field.kind.max_length;
        if (field.kind.min_length != 0) schema["minLength"] = field.kind.min_length;
        // A blank string is allowed beside a format or a minimum length: oneOf the two.
        if (field.kind.allow_blank && (schema.contains("format") || schema.contains("minLength"))) {
            Json outer = Json::object();
            Json inner = Json::object();
            for (auto& [key, value] : schema.items()) {
                if (key == "readOnly" || key == "writeOnly" || key == "deprecated" || key == "description" ||
                    key == "title")
                    outer[key] = std::move(value);
                else
                    inner[key] = std::move(value);
            }
            outer["oneOf"] = Json::array({std::move(inner), Json::object({{"type", "string"}, {"maxLength", 0}})});
            schema = std::move(outer);
        }
    } else if constexpr (kind_traits<K>::list) {
        if (field.kind.max_length != serializers::no_limit) schema["maxItems"] = field.kind.max_length;
        if (field.kind.min_length != 0) schema["minItems"] = field.kind.min_length;
    }
}

// One field's property schema: drf-spectacular's _map_serializer_field (kind, then append_meta), then
// _insert_field_validators, then safe_ref.
template <class F>
Json field_schema(const F& field, Components& components, Direction direction) {
    Json schema = kind_schema(field, components, direction);
    const auto& o = field.options;
    std::string description(o.help_text);
    if (!description.empty() && schema.contains("enum") && schema.contains("description")) {
        description += "\n\n" + schema["description"].get<std::string>();
        schema.erase("description");
    }
    if (renders_null(field)) schema = with_null(std::move(schema));
    if (o.read_only) schema["readOnly"] = true;
    if (o.write_only) schema["writeOnly"] = true;
    if constexpr (F::has_default && !std::is_invocable_v<decltype(field.default_value)>) {
        const typename F::member_type value = field.make_default();
        Json rendered;
        if constexpr (drf::detail::is_optional_v<typename F::member_type>) {
            if (value) field.kind.to_representation(*value, rendered);
        } else {
            field.kind.to_representation(value, rendered);
        }
        if (!rendered.is_null()) schema["default"] = std::move(rendered);
    }
    if (!description.empty()) schema["description"] = description;
    schema = safe_ref(std::move(schema));
    insert_validators(field, schema);
    if (!o.schema_extension.empty()) {
        const Json patch = Json::parse(o.schema_extension, nullptr, false);
        if (patch.is_discarded() || !patch.is_object())
            throw std::logic_error("drf::openapi: the extend_schema(...) of the field '" + std::string(field.name) +
                                   "' is not a JSON object: " + std::string(o.schema_extension));
        schema.merge_patch(patch);
    }
    return safe_ref(std::move(schema));
}

}  // namespace detail::schema
}  // namespace drf::openapi
