// drf/serializers/kinds/json.hpp — DRF's JSONField: any JSON value kept as drf::Json; with binary, the
// value arrives as a string holding JSON text and is rendered back as Python's json.dumps text.
#pragma once

#include <drf/core/member_name.hpp>
#include <drf/core/json.hpp>
#include <drf/serializers/detail/builder.hpp>
#include <drf/serializers/detail/python.hpp>
#include <drf/serializers/field.hpp>
#include <drf/serializers/kinds/step.hpp>

#include <string>
#include <string_view>
#include <type_traits>

namespace drf::serializers {

namespace detail {
// Python's json.dumps(v) with its defaults: ", " and ": " separators, non-ASCII as \uXXXX, floats as
// repr() gives them. The binary JSONField renders its value as this text.
inline void append_python_json(std::string& out, const Json& v) {
    switch (v.type()) {
        case Json::value_t::array: {
            out += '[';
            bool first = true;
            for (const auto& item : v) {
                if (!first) out += ", ";
                first = false;
                append_python_json(out, item);
            }
            out += ']';
            break;
        }
        case Json::value_t::object: {
            out += '{';
            bool first = true;
            for (const auto& [key, item] : v.items()) {
                if (!first) out += ", ";
                first = false;
                out += Json(key).dump(-1, ' ', true);
                out += ": ";
                append_python_json(out, item);
            }
            out += '}';
            break;
        }
        case Json::value_t::number_float: append_python_float(out, v.get<double>()); break;
        case Json::value_t::string: out += v.dump(-1, ' ', true); break;
        default: out += v.dump(); break;
    }
}
}  // namespace detail

struct JsonOptions {
    bool binary = false;  // DRF's binary=True: the input is JSON text in a string
};

struct JsonKind {
    using value_type = Json;
    bool binary = false;

    Step to_internal(const Json& in, Json& out, Json& slot, const Context&) const {
        if (!binary) {
            out = in;  // a parsed body holds JSON only: DRF's json.dumps check cannot fail on it
            return Step::ok;
        }
        if (in.is_string()) {
            Json parsed = Json::parse(in.get_ref<const std::string&>(), nullptr, false);
            if (!parsed.is_discarded()) {
                out = std::move(parsed);
                return Step::ok;
            }
        }
        detail::add_error(slot, "Value must be valid JSON.", "invalid");
        return Step::invalid;
    }
    static void check(const Json&, Json&) {}
    void to_representation(const Json& v, Json& out) const {
        if (!binary) {
            out = v;
            return;
        }
        std::string text;
        detail::append_python_json(text, v);
        out = std::move(text);
    }
    // drf-spectacular maps JSONField to a free-form object, binary or not.
    static Json openapi_schema() {
        return Json::object({{"type", "object"}, {"additionalProperties", Json::object()}});
    }
};

namespace detail {
template <class A>
constexpr auto json_field(std::string_view name, A access, JsonOptions o) {
    static_assert(std::is_same_v<access_value_t<A>, Json>,
                  "drf::serializers::json_field: the member must be drf::Json (or std::optional of it)");
    return make_field<JsonKind>(name, access, JsonKind{o.binary});
}
}  // namespace detail

// json_field<&S::meta>() — DRF's JSONField; json_field<&S::meta>({.binary = true}) for JSON text.
template <auto M>
    requires DataMemberPointer<M>
constexpr auto json_field(JsonOptions o = {}, std::string_view key = {}) {
    return detail::json_field(detail::key_of<M>(key), M, o);
}
template <SourcePath A>
constexpr auto json_field(std::string_view key, A path, JsonOptions o = {}) {
    return detail::json_field(key, path, o);
}
constexpr auto json_field(JsonOptions o = {}) { return Field<JsonKind, Unbound<Json>>{{}, {}, JsonKind{o.binary}}; }

}  // namespace drf::serializers
