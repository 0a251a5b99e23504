// drf/serializers/compound.hpp — fields made of other fields: a nested serializer (one object or a
// list of them), a list of a child field (DRF's ListField), and a computed output field (DRF's
// SerializerMethodField).
#pragma once

#include <drf/serializers/engine.hpp>

#include <cstddef>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

namespace drf::serializers {

// --- nested serializer ---------------------------------------------------------------------------

template <class S>
struct NestedKind {
    using value_type = object_type_t<S>;

    Step to_internal(const Json& in, value_type& out, Json& slot, const Context& ctx) const {
        detail::FieldMask present = 0;
        return detail::validate_object<S>(in, out, slot, ctx, present) ? Step::ok : Step::invalid;
    }
    static void check(const value_type&, Json&) {}
    static void to_representation(const value_type& v, Json& out) { detail::render_object<S>(v, out); }
    static void append_json(const value_type& v, std::string& out) { detail::render_object_to<S>(v, out); }
};

template <class S>
struct NestedManyKind {
    using value_type = std::vector<object_type_t<S>>;
    bool allow_empty = true;

    constexpr NestedManyKind with_allow_empty(bool b) const { NestedManyKind k = *this; k.allow_empty = b; return k; }

    Step to_internal(const Json& in, value_type& out, Json& slot, const Context& ctx) const {
        return detail::validate_list<S>(in, out, slot, ctx, allow_empty) ? Step::ok : Step::invalid;
    }
    static void check(const value_type&, Json&) {}
    static void to_representation(const value_type& v, Json& out) {
        out = Json::array();
        auto& items = out.get_ref<Json::array_t&>();
        items.reserve(v.size());
        for (const auto& obj : v) detail::render_object<S>(obj, items.emplace_back());
    }
    static void append_json(const value_type& v, std::string& out) {
        detail::append_json_array(out, v, [&](const auto& obj) { detail::render_object_to<S>(obj, out); });
    }
};

namespace detail {
template <class S, class A>
constexpr auto nested(std::string_view name, A access) {
    using M = access_value_t<A>;
    using O = object_type_t<S>;
    if constexpr (std::is_same_v<M, std::vector<O>>) {
        return make_field<NestedManyKind<S>>(name, access);
    } else {
        static_assert(std::is_same_v<M, O>,
                      "drf::serializers::nested<S>: the member must hold S's object type, std::optional of it, or "
                      "std::vector of it (many)");
        return make_field<NestedKind<S>>(name, access);
    }
}
}  // namespace detail

// nested<OwnerSerializer, &Order::owner>(): the member holds S's object type (or std::optional of it);
// a std::vector of it makes it DRF's OwnerSerializer(many=True). The key is the member's name, or the
// key given; nested<OwnerSerializer>("owner", source(...)) renders through a source path.
template <class S, auto M>
    requires DataMemberPointer<M>
constexpr auto nested(std::string_view key = {}) {
    return detail::nested<S>(detail::key_of<M>(key), M);
}
template <class S, SourcePath A>
constexpr auto nested(std::string_view key, A path) {
    return detail::nested<S>(key, path);
}

// --- list of a child field -----------------------------------------------------------------------

template <class Child>
struct ListKind {
    using value_type = std::vector<typename Child::member_type>;
    Child child;
    std::size_t max_length = no_limit;
    std::size_t min_length = 0;
    bool allow_empty = true;

    constexpr ListKind with_max_length(std::size_t n) const { ListKind k = *this; k.max_length = n; return k; }
    constexpr ListKind with_min_length(std::size_t n) const { ListKind k = *this; k.min_length = n; return k; }
    constexpr ListKind with_allow_empty(bool b) const { ListKind k = *this; k.allow_empty = b; return k; }

    Step to_internal(const Json& in, value_type& out, Json& slot, const Context& ctx) const {
        if (!in.is_array()) {
            detail::add_error(slot, detail::not_a_list_message(in), "not_a_list");
            return Step::invalid;
        }
        if (!allow_empty && in.empty()) {
            detail::add_error(slot, "This list may not be empty.", "empty");
            return Step::invalid;
        }
        out.clear();
        out.resize(in.size());
        Json errors;  // DRF keys child errors by index: {"2": ["A valid integer is required."]}
        for (std::size_t i = 0; i < in.size(); ++i) {
            Json item_slot;
            if (!detail::run_value(child, in[i], out[i], item_slot, ctx)) {
                if (!errors.is_object()) errors = Json::object();
                detail::append_key(errors.get_ref<Json::object_t&>(), std::to_string(i)) = std::move(item_slot);
            }
        }
        if (!errors.is_null()) {
            slot = std::move(errors);
            return Step::invalid;
        }
        return Step::ok;
    }
    void check(const value_type& v, Json& slot) const {
        if (max_length != no_limit && v.size() > max_length)
            detail::add_error(slot, "Ensure this field has no more than " + std::to_string(max_length) + " elements.",
                              "max_length");
        if (v.size() < min_length)
            detail::add_error(slot, "Ensure this field has at least " + std::to_string(min_length) + " elements.",
                              "min_length");
    }
    void to_representation(const value_type& v, Json& out) const {
        out = Json::array();
        auto& items = out.get_ref<Json::array_t&>();
        items.reserve(v.size());
        for (const auto& item : v) detail::render_value(child, item, items.emplace_back());
    }
    void append_json(const value_type& v, std::string& out) const {
        detail::append_json_array(out, v, [&](const auto& item) { detail::render_value_to(child, item, out); });
    }
};

namespace detail {
template <class A, class Child>
constexpr auto list_field(std::string_view name, A access, Child child) {
    static_assert(std::is_void_v<typename Child::access_type::owner_type>,
                  "drf::serializers::list_field: the child must be an unbound field such as integer_field()");
    static_assert(std::is_same_v<access_value_t<A>, std::vector<typename Child::member_type>>,
                  "drf::serializers::list_field: the member must be a std::vector of the child field's type");
    return make_field<ListKind<Child>>(name, access, ListKind<Child>{child});
}
}  // namespace detail

// list_field<&S::tags>(char_field().max_length(20)): DRF's ListField(child=CharField(max_length=20)).
// The member is a std::vector of the child's type; list_field<&S::tags>("key", child) names the key.
template <auto M, class Child>
    requires DataMemberPointer<M>
constexpr auto list_field(Child child) {
    return detail::list_field(member_name<M>(), M, child);
}
template <auto M, class Child>
    requires DataMemberPointer<M>
constexpr auto list_field(std::string_view key, Child child) {
    return detail::list_field(key, M, child);
}
template <SourcePath A, class Child>
constexpr auto list_field(std::string_view key, A path, Child child) {
    return detail::list_field(key, path, child);
}

// --- computed output -----------------------------------------------------------------------------

// A read-only value computed from the whole object, DRF's SerializerMethodField.
template <class C, class Fn>
struct MethodAccess {
    using owner_type = C;
    using member_type = Json;
    static constexpr bool writable = false;
    Fn fn;

    Json compute(const C& obj) const { return Json(fn(obj)); }
};

struct MethodKind {
    using value_type = Json;
    Step to_internal(const Json&, Json&, Json&, const Context&) const { return Step::invalid; }
    static void check(const Json&, Json&) {}
    static void to_representation(const Json& v, Json& out) { out = v; }
};

// method_field<Project>("owner", [](const Project& p) { return owner_name(p); }): the callable's result,
// anything nlohmann::json can hold, is rendered under the name.
template <class C, class Fn>
constexpr auto method_field(std::string_view name, Fn fn) {
    static_assert(std::is_invocable_v<const Fn&, const C&>,
                  "drf::serializers::method_field<C>: the callable must take const C&");
    Field<MethodKind, MethodAccess<C, Fn>> f{name, {fn}};
    f.options.read_only = true;
    f.options.required = false;
    return f;
}

}  // namespace drf::serializers
