// drf/serializers/field.hpp — Field<Kind, Access, Default, Validators...>: one serializer field as a
// constexpr value. The Kind (char, integer, …) converts and checks values; the Access binds the field
// to a member, a dotted source path, a method, or nothing (a ListField child). Options chain as in DRF:
//     char_field<&ProjectCreate::name>().max_length(200).optional("")
#pragma once

#include <drf/core/detail/traits.hpp>
#include <drf/core/json.hpp>
#include <drf/serializers/errors.hpp>

#include <concepts>
#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <type_traits>
#include <utility>

namespace drf::serializers {

namespace detail {
// Adds one error detail to a field's error slot (null until the first error, then an array).
inline void add_error(Json& slot, std::string message, std::string code) {
    if (!slot.is_array()) slot = Json::array();
    slot.push_back(make_detail(std::move(message), std::move(code)));
}

// Merges the details carried by a ValidationError a validator threw into a field's error slot.
inline void add_errors(Json& slot, const ValidationError& e) {
    const Json& tree = e.full_details();
    if (tree.is_array()) {
        if (!slot.is_array()) slot = Json::array();
        for (const auto& d : tree) slot.push_back(d);
    } else {
        slot = tree;
    }
}

template <class P>
struct member_of;
template <class C, class M>
struct member_of<M C::*> {
    using type = M;
};

template <class F>
struct Hook {
    F fn;
};
template <class V>
struct is_hook : std::false_type {};
template <class F>
struct is_hook<Hook<F>> : std::true_type {};

// Dereferences one step of a source path: plain values, pointers, std::optional and smart pointers;
// returns nullptr when the step is null (DRF renders the field as null then).
template <class V>
constexpr const auto* deref(const V& v) {
    if constexpr (std::is_pointer_v<V>) {
        return v;
    } else if constexpr (requires { v.has_value(); *v; }) {
        return v.has_value() ? std::addressof(*v) : nullptr;
    } else if constexpr (requires { v.get(); *v; }) {
        return v.get();
    } else {
        return std::addressof(v);
    }
}
}  // namespace detail

// --- Accessors -----------------------------------------------------------------------------------

// A field bound to a data member: readable and writable.
template <class C, class M>
struct MemberAccess {
    using owner_type = C;
    using member_type = M;
    static constexpr bool writable = true;
    M C::*member;

    template <class O>
    constexpr const M* find(const O& obj) const {
        return std::addressof(obj.*member);
    }
    template <class O>
    constexpr M& ref(O& obj) const {
        return obj.*member;
    }
};

// A dotted source path, DRF's source="owner.username": a chain of member pointers, each step through a
// value, a pointer, a std::optional or a smart pointer. Output only.
template <class First, class... Rest>
struct PathAccess;

template <class C, class M, class... Rest>
struct PathAccess<M C::*, Rest...> {
    using owner_type = C;
    static constexpr bool writable = false;
    std::tuple<M C::*, Rest...> steps;

    // Returns a pointer to the value at the end of the path, or nullptr when a step on the way is null.
    template <class O>
    constexpr auto find(const O& obj) const {
        return walk<0>(static_cast<const C*>(std::addressof(obj)));
    }

    template <std::size_t I, class V>
    constexpr auto walk(const V* value) const {
        if constexpr (I == sizeof...(Rest) + 1) {
            return value;
        } else {
            const auto step = std::get<I>(steps);
            using Next = decltype(detail::deref(value->*step));
            if (value == nullptr) return walk<I + 1>(static_cast<Next>(nullptr));
            return walk<I + 1>(detail::deref(value->*step));
        }
    }

    using member_type = typename detail::member_of<std::tuple_element_t<sizeof...(Rest), std::tuple<M C::*, Rest...>>>::type;
};

// source(&Project::owner, &User::username): the path owner.username.
template <class C, class M, class... Rest>
constexpr PathAccess<M C::*, Rest...> source(M C::*first, Rest... rest) {
    static_assert((std::is_member_object_pointer_v<Rest> && ...),
                  "drf::serializers::source: every step of a source path must be a data member pointer");
    return {{first, rest...}};
}

// No binding: the child of a list_field. V is the element type.
template <class V>
struct Unbound {
    using owner_type = void;
    using member_type = V;
    static constexpr bool writable = true;
};

template <class A>
struct is_path_access : std::false_type {};
template <class... S>
struct is_path_access<PathAccess<S...>> : std::true_type {};

// A source path, source(&Project::owner, &User::username): the binding that needs a key of its own.
template <class A>
concept SourcePath = is_path_access<A>::value;

// --- Options -------------------------------------------------------------------------------------

struct FieldOptions {
    bool required = true;
    bool read_only = false;
    bool write_only = false;
    bool allow_null = false;
    std::string_view help_text{};  // DRF's help_text: the field's description in the OpenAPI schema
    std::string_view schema_extension{};  // a JSON object merged over the field's OpenAPI schema
};

struct NoDefault {};

// What a validation run knows beyond the data: partial (PATCH) validation skips required checks and
// defaults, in nested serializers too, as DRF's root.partial does.
struct Context {
    bool partial = false;
};

template <class Kind>
concept HasMaxLength = requires(const Kind k, std::size_t n) {
    { k.with_max_length(n) } -> std::same_as<Kind>;
};
template <class Kind>
concept HasMinLength = requires(const Kind k, std::size_t n) {
    { k.with_min_length(n) } -> std::same_as<Kind>;
};
template <class Kind>
concept HasBlank = requires(const Kind k) {
    { k.with_allow_blank(true) } -> std::same_as<Kind>;
};
template <class Kind>
concept HasTrim = requires(const Kind k) {
    { k.with_trim_whitespace(true) } -> std::same_as<Kind>;
};
template <class Kind>
concept HasValueBounds = requires(const Kind k, typename Kind::bound_type v) {
    { k.with_max_value(v) } -> std::same_as<Kind>;
    { k.with_min_value(v) } -> std::same_as<Kind>;
};
template <class Kind>
concept HasAllowEmpty = requires(const Kind k) {
    { k.with_allow_empty(true) } -> std::same_as<Kind>;
};

// --- Field ---------------------------------------------------------------------------------------

template <class Kind, class Access, class Default = NoDefault, class... Validators>
struct Field {
    using kind_type = Kind;
    using access_type = Access;
    using member_type = typename Access::member_type;
    using value_type = drf::detail::unwrap_optional_t<member_type>;
    static constexpr bool has_default = !std::is_same_v<Default, NoDefault>;

    std::string_view name;
    Access access;
    Kind kind{};
    FieldOptions options{};
    Default default_value{};
    std::tuple<Validators...> validator_list{};

    // required=False: a missing key leaves the member as it is (its default member initializer).
    constexpr Field optional() const {
        Field f = *this;
        f.options.required = false;
        return f;
    }
    // required=False, default=d: a missing key sets d (a value, or a callable returning one).
    template <class D>
    constexpr Field<Kind, Access, D, Validators...> optional(D d) const {
        static_assert(std::is_constructible_v<member_type, D> || std::is_invocable_r_v<member_type, D>,
                      "drf::serializers::Field::optional(default): the default is neither convertible to the "
                      "member's type nor a callable returning it");
        FieldOptions o = options;
        o.required = false;
        return {name, access, kind, o, d, validator_list};
    }
    constexpr Field read_only() const {
        Field f = *this;
        f.options.read_only = true;
        f.options.required = false;
        return f;
    }
    constexpr Field write_only() const {
        Field f = *this;
        f.options.write_only = true;
        return f;
    }
    // DRF's help_text: documentation only, written as the field's description in the API schema.
    constexpr Field help_text(std::string_view text) const {
        Field f = *this;
        f.options.help_text = text;
        return f;
    }
    // drf-spectacular's @extend_schema_field, for this one field: a JSON object (as text) merged over the
    // schema the OpenAPI document gives the field, as an RFC 7386 merge patch (null removes a key):
    //     char_field<&Server::host>().extend_schema(R"({"format": "hostname", "example": "db.local"})")
    // Documentation only: validation is the field's own. Text that is not a JSON object is an error when
    // the document is generated.
    constexpr Field extend_schema(std::string_view json_object) const {
        Field f = *this;
        f.options.schema_extension = json_object;
        return f;
    }
    constexpr Field allow_null() const {
        static_assert(drf::detail::is_optional_v<member_type> || !Access::writable,
                      "drf::serializers::Field::allow_null: the member must be a std::optional to hold null");
        Field f = *this;
        f.options.allow_null = true;
        if constexpr (requires { f.kind.allow_null; }) f.kind.allow_null = true;
        return f;
    }
    // Custom validators (DRF's validators=[...] and validate_<field>): callables taking the converted
    // value (const V& to check, V& to also normalise it) that throw ValidationError. All of them run and
    // all their errors are reported.
    template <class... Ws>
    constexpr Field<Kind, Access, Default, Validators..., Ws...> validators(Ws... ws) const {
        static_assert(((std::is_invocable_v<Ws, value_type&>)&&...),
                      "drf::serializers::Field::validators: a validator must be callable with the field's value "
                      "(const V& or V&) and throw drf::ValidationError to reject it");
        return {name, access, kind, options, default_value,
                std::tuple_cat(validator_list, std::tuple<Ws...>{ws...})};
    }
    // DRF's validate_<field>(value): runs once the field's own checks and validators have passed; it may
    // normalise the value (take V&) and throws ValidationError to reject it.
    template <class H>
    constexpr Field<Kind, Access, Default, Validators..., detail::Hook<H>> validate(H hook) const {
        static_assert(std::is_invocable_v<H, value_type&>,
                      "drf::serializers::Field::validate: the hook must be callable with the field's value (V&)");
        return {name, access, kind, options, default_value,
                std::tuple_cat(validator_list, std::tuple<detail::Hook<H>>{{hook}})};
    }

    constexpr Field max_length(std::size_t n) const requires HasMaxLength<Kind> { return with(kind.with_max_length(n)); }
    constexpr Field min_length(std::size_t n) const requires HasMinLength<Kind> { return with(kind.with_min_length(n)); }
    constexpr Field allow_blank(bool b = true) const requires HasBlank<Kind> { return with(kind.with_allow_blank(b)); }
    constexpr Field trim_whitespace(bool b) const requires HasTrim<Kind> { return with(kind.with_trim_whitespace(b)); }
    template <class B>
    constexpr Field max_value(B v) const requires HasValueBounds<Kind> { return with(kind.with_max_value(v)); }
    template <class B>
    constexpr Field min_value(B v) const requires HasValueBounds<Kind> { return with(kind.with_min_value(v)); }
    constexpr Field allow_empty(bool b) const requires HasAllowEmpty<Kind> { return with(kind.with_allow_empty(b)); }

    // Runs the custom validators on a converted value, collecting every error into `slot`.
    void run_validators(value_type& value, Json& slot) const {
        std::apply([&](const auto&... v) { (run_one<false>(v, value, slot), ...); }, validator_list);
    }
    // Runs the validate() hooks (DRF's validate_<field>) once everything else passed.
    void run_hooks(value_type& value, Json& slot) const {
        std::apply([&](const auto&... v) { (run_one<true>(v, value, slot), ...); }, validator_list);
    }

    member_type make_default() const requires has_default {
        if constexpr (std::is_invocable_r_v<member_type, Default>)
            return default_value();
        else
            return member_type(default_value);
    }

private:
    constexpr Field with(Kind k) const {
        Field f = *this;
        f.kind = k;
        return f;
    }
    template <bool Hooks, class V>
    static void run_one(const V& validator, value_type& value, Json& slot) {
        if constexpr (detail::is_hook<V>::value == Hooks) {
            if (Hooks && slot.is_array()) return;  // an earlier hook already rejected the value
            try {
                if constexpr (!Hooks)
                    validator(value);
                else if constexpr (std::is_void_v<std::invoke_result_t<decltype(validator.fn), value_type&>>)
                    validator.fn(value);
                else
                    value = validator.fn(value);
            } catch (const ValidationError& e) {
                detail::add_errors(slot, e);
            }
        }
    }
};

template <class Kind, class C, class M>
constexpr auto make_field_from_member(std::string_view name, M C::*member, Kind kind) {
    return Field<Kind, MemberAccess<C, M>>{name, {member}, kind};
}

// The field a builder returns for each kind of binding.
template <class Kind, class A>
constexpr auto make_field(std::string_view name, A access, Kind kind = {}) {
    if constexpr (std::is_member_object_pointer_v<A>) {
        return make_field_from_member(name, access, kind);
    } else {
        Field<Kind, A> f{name, access, kind};
        if constexpr (!A::writable) f.options.read_only = true, f.options.required = false;
        return f;
    }
}

}  // namespace drf::serializers
