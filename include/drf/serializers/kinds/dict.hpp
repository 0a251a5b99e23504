// drf/serializers/kinds/dict.hpp — DRF's DictField (a JSON object whose values are one child field,
// kept in a std::map) and HStoreField (a DictField of nullable, blank-allowing text).
#pragma once

#include <drf/core/detail/traits.hpp>
#include <drf/core/json.hpp>
#include <drf/core/member_name.hpp>
#include <drf/serializers/detail/builder.hpp>
#include <drf/serializers/engine.hpp>
#include <drf/serializers/field.hpp>
#include <drf/serializers/kinds/char.hpp>
#include <drf/serializers/kinds/json.hpp>
#include <drf/serializers/kinds/step.hpp>

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>

namespace drf::serializers {

// nullable(char_field()): an unbound child that takes null, DRF's child=CharField(allow_null=True);
// its values are std::optional of the child's.
template <class Kind, class V>
constexpr auto nullable(Field<Kind, Unbound<V>> child) {
    static_assert(!drf::detail::is_optional_v<V>, "drf::serializers::nullable: the child already takes null");
    Field<Kind, Unbound<std::optional<V>>> f{child.name, {}, child.kind, child.options};
    f.options.allow_null = true;
    return f;
}

namespace detail {
// The schema of one child value, for a child kind the OpenAPI block has no entry for (its own
// openapi_schema()) or a scalar (by its C++ type).
template <class F>
Json child_schema(const F& child) {
    using V = typename F::value_type;
    Json schema;
    if constexpr (std::is_same_v<typename F::kind_type, JsonKind>)
        return Json::object();  // DRF's unvalidated child: any value
    else if constexpr (requires { { child.kind.openapi_schema() } -> std::convertible_to<Json>; })
        schema = child.kind.openapi_schema();
    else if constexpr (std::is_same_v<V, bool>)
        schema = Json::object({{"type", "boolean"}});
    else if constexpr (std::is_integral_v<V>)
        schema = Json::object({{"type", "integer"}});
    else if constexpr (std::is_floating_point_v<V>)
        schema = Json::object({{"type", "number"}, {"format", std::is_same_v<V, float> ? "float" : "double"}});
    else if constexpr (std::is_same_v<V, std::string>)
        schema = Json::object({{"type", "string"}});
    else
        schema = Json::object();
    if (child.options.allow_null && schema.contains("type") && schema["type"].is_string())
        schema["type"] = Json::array({schema["type"], "null"});
    return schema;
}
}  // namespace detail

struct DictOptions {
    bool allow_empty = true;  // DRF's allow_empty=False: 'This dictionary may not be empty.'
};

template <class Child>
struct DictKind {
    using value_type = std::map<std::string, typename Child::member_type>;
    Child child;
    bool allow_empty = true;

    constexpr DictKind with_allow_empty(bool b) const { DictKind k = *this; k.allow_empty = b; return k; }

    Step to_internal(const Json& in, value_type& out, Json& slot, const Context& ctx) const {
        if (!in.is_object()) {
            detail::add_error(slot,
                              std::string("Expected a dictionary of items but got type \"") +
                                  std::string(detail::python_type_name(in)) + "\".",
                              "not_a_dict");
            return Step::invalid;
        }
        if (!allow_empty && in.empty()) {
            detail::add_error(slot, "This dictionary may not be empty.", "empty");
            return Step::invalid;
        }
        out.clear();
        Json errors;  // DRF keys child errors by the key: {"b": ["This field may not be null."]}
        for (const auto& [key, value] : in.items()) {
            Json item_slot;
            typename Child::member_type item{};
            if (detail::run_value(child, value, item, item_slot, ctx)) {
                out.insert_or_assign(key, std::move(item));
            } else {
                if (!errors.is_object()) errors = Json::object();
                detail::append_key(errors.get_ref<Json::object_t&>(), key) = std::move(item_slot);
            }
        }
        if (!errors.is_null()) {
            slot = std::move(errors);
            return Step::invalid;
        }
        return Step::ok;
    }
    static void check(const value_type&, Json&) {}
    void to_representation(const value_type& v, Json& out) const {
        out = Json::object();
        auto& items = out.get_ref<Json::object_t&>();
        for (const auto& [key, item] : v) detail::render_value(child, item, detail::append_key(items, key));
    }
    Json openapi_schema() const {
        return Json::object({{"type", "object"}, {"additionalProperties", detail::child_schema(child)}});
    }
};

namespace detail {
// DRF's _UnvalidatedField: any JSON value, null included.
inline constexpr auto unvalidated_child() {
    Field<JsonKind, Unbound<Json>> f{};
    f.options.allow_null = true;
    return f;
}
// HStoreField's child: CharField(allow_blank=True, allow_null=True).
inline constexpr auto hstore_child() { return nullable(Field<CharKind, Unbound<std::string>>{}.allow_blank()); }

template <class Child>
concept DictChild = requires { typename Child::kind_type; typename Child::access_type::owner_type; };

template <class A, class Child>
constexpr auto dict_field(std::string_view name, A access, Child child, DictOptions o) {
    static_assert(std::is_void_v<typename Child::access_type::owner_type>,
                  "drf::serializers::dict_field: the child must be an unbound field such as integer_field()");
    static_assert(std::is_same_v<access_value_t<A>, typename DictKind<Child>::value_type>,
                  "drf::serializers::dict_field: the member must be a std::map<std::string, T> of the child "
                  "field's type T (drf::Json without a child)");
    return make_field<DictKind<Child>>(name, access, DictKind<Child>{child, o.allow_empty});
}

template <class A>
constexpr auto hstore_field(std::string_view name, A access, DictOptions o) {
    static_assert(std::is_same_v<access_value_t<A>, std::map<std::string, std::optional<std::string>>>,
                  "drf::serializers::hstore_field: the member must be std::map<std::string, "
                  "std::optional<std::string>>");
    return dict_field(name, access, hstore_child(), o);
}
}  // namespace detail

// dict_field<&S::scores>(integer_field()) — DRF's DictField(child=IntegerField()); the member is a
// std::map<std::string, T> of the child's type. Without a child, DRF's unvalidated DictField: the
// member is a std::map<std::string, drf::Json>.
template <auto M, detail::DictChild Child>
    requires DataMemberPointer<M>
constexpr auto dict_field(Child child, DictOptions o = {}, std::string_view key = {}) {
    return detail::dict_field(detail::key_of<M>(key), M, child, o);
}
template <auto M>
    requires DataMemberPointer<M>
constexpr auto dict_field(DictOptions o = {}, std::string_view key = {}) {
    return detail::dict_field(detail::key_of<M>(key), M, detail::unvalidated_child(), o);
}
template <SourcePath A, detail::DictChild Child>
constexpr auto dict_field(std::string_view key, A path, Child child, DictOptions o = {}) {
    return detail::dict_field(key, path, child, o);
}
template <SourcePath A>
constexpr auto dict_field(std::string_view key, A path, DictOptions o = {}) {
    return detail::dict_field(key, path, detail::unvalidated_child(), o);
}
// dict_field(char_field()): an unbound child, for a list_field or another dict_field.
template <detail::DictChild Child>
constexpr auto dict_field(Child child, DictOptions o = {}) {
    using K = DictKind<Child>;
    return Field<K, Unbound<typename K::value_type>>{{}, {}, K{child, o.allow_empty}};
}

// hstore_field<&S::attributes>() — DRF's HStoreField; the member is
// std::map<std::string, std::optional<std::string>>.
template <auto M>
    requires DataMemberPointer<M>
constexpr auto hstore_field(DictOptions o = {}, std::string_view key = {}) {
    return detail::hstore_field(detail::key_of<M>(key), M, o);
}
template <SourcePath A>
constexpr auto hstore_field(std::string_view key, A path, DictOptions o = {}) {
    return detail::hstore_field(key, path, o);
}
constexpr auto hstore_field(DictOptions o = {}) { return dict_field(detail::hstore_child(), o); }

}  // namespace drf::serializers
