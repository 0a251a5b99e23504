// drf/serializers/engine.hpp — the validation and rendering loops (to Json, and straight to JSON text)
// over a serializer's constexpr field list. Each field is visited by a fold expression: no name lookup
// tables, no virtual calls, and no allocation on the success path beyond the values themselves.
#pragma once

#include <drf/core/json.hpp>
#include <drf/core/detail/json_text.hpp>
#include <drf/core/detail/traits.hpp>
#include <drf/serializers/detail/python.hpp>
#include <drf/serializers/errors.hpp>
#include <drf/serializers/field.hpp>
#include <drf/serializers/kinds.hpp>

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <tuple>
#include <type_traits>
#include <unordered_map>
#include <utility>
#include <vector>

namespace drf::serializers {

template <class... Fs>
struct FieldList {
    static constexpr std::size_t size = sizeof...(Fs);
    std::tuple<Fs...> items;

    constexpr std::array<std::string_view, size> names() const {
        return std::apply([](const auto&... f) { return std::array<std::string_view, size>{f.name...}; }, items);
    }
};

namespace detail {
inline void drf_error_serializer_has_two_fields_with_the_same_name() {}
inline void drf_error_serializer_field_has_an_empty_name() {}

template <class... Ts>
struct most_derived;
template <class T>
struct most_derived<T> {
    using type = T;
};
template <class A, class B, class... Rest>
struct most_derived<A, B, Rest...> {
    using pick = std::conditional_t<std::is_base_of_v<A, B>, B, std::conditional_t<std::is_base_of_v<B, A>, A, void>>;
    static_assert(!std::is_void_v<pick>,
                  "drf::serializers: every field of a serializer must be bound to the same struct (or to its bases)");
    using type = typename most_derived<pick, Rest...>::type;
};

template <class F>
using owner_of = typename F::access_type::owner_type;
}  // namespace detail

// fields(char_field(...), integer_field(...), ...): a serializer's field list, in output order.
template <class... Fs>
constexpr FieldList<Fs...> fields(Fs... fs) {
    static_assert(sizeof...(Fs) > 0, "drf::serializers::fields: a serializer needs at least one field");
    static_assert((!std::is_void_v<detail::owner_of<Fs>> && ...),
                  "drf::serializers::fields: a field without a binding (char_field() with no name) can only be a "
                  "list_field's child");
    const std::array<std::string_view, sizeof...(Fs)> names{fs.name...};
    for (std::size_t i = 0; i < names.size(); ++i) {
        if (names[i].empty()) detail::drf_error_serializer_field_has_an_empty_name();
        for (std::size_t j = i + 1; j < names.size(); ++j)
            if (names[i] == names[j]) detail::drf_error_serializer_has_two_fields_with_the_same_name();
    }
    return {{fs...}};
}

// A serializer is a type with `static constexpr auto fields = drf::serializers::fields(...)`.
template <class S>
concept SerializerType = requires { S::fields.items; S::fields.size; };

template <class S>
struct serializer_traits {
    static_assert(SerializerType<S>,
                  "drf::serializers: a serializer must declare `static constexpr auto fields = "
                  "drf::serializers::fields(...)`");
    using field_list = std::remove_cvref_t<decltype(S::fields)>;
    template <class L>
    struct owners;
    template <class... Fs>
    struct owners<FieldList<Fs...>> {
        using type = typename detail::most_derived<detail::owner_of<Fs>...>::type;
    };
    static auto pick() {
        if constexpr (requires { typename S::object_type; })
            return std::type_identity<typename S::object_type>{};
        else if constexpr (requires { typename field_list::object_type; })
            return std::type_identity<typename field_list::object_type>{};
        else
            return std::type_identity<typename owners<field_list>::type>{};
    }
    // The struct the fields read and write: S itself for an input serializer whose fields are S's own
    // members, the model for an output serializer over a model; or S::object_type when S declares one.
    using object_type = typename decltype(pick())::type;
};

template <class S>
using object_type_t = typename serializer_traits<S>::object_type;

namespace detail {

inline Json& field_slot(Json& errors, std::string_view name) {
    if (!errors.is_object()) errors = Json::object();
    return errors[std::string(name)];
}

inline Json non_field(std::string message, std::string code) {
    Json errors = Json::object();
    errors[std::string(non_field_errors_key)] = Json::array({make_detail(std::move(message), std::move(code))});
    return errors;
}

// Converts, checks and validates one input value for field f into target. On failure the field's
// errors are in slot (a list of details, or an object/array for nested data) and target is untouched.
template <class F>
bool run_value(const F& f, const Json& in, typename F::member_type& target, Json& slot, const Context& ctx) {
    using M = typename F::member_type;
    using V = typename F::value_type;
    if (in.is_null()) {
        if (f.options.allow_null) {
            if constexpr (drf::detail::is_optional_v<M>) target.reset();
            return true;
        }
        add_error(slot, "This field may not be null.", "null");
        return false;
    }
    V value{};
    const Step step = f.kind.to_internal(in, value, slot, ctx);
    if (step == Step::invalid) return false;
    if (step == Step::null) {
        if constexpr (drf::detail::is_optional_v<M>) target.reset();
        return true;
    }
    if (step == Step::ok) {
        f.run_validators(value, slot);
        f.kind.check(value, slot);
        if (!slot.is_null()) return false;
    }
    f.run_hooks(value, slot);
    if (!slot.is_null()) return false;
    target = std::move(value);
    return true;
}

// Bit i is set when the i-th field was present in the input and validated (for partial updates).
using FieldMask = std::uint64_t;

// An input object's members by name. ordered_json's find scans the keys, once per field; a client may
// send any number of keys no field reads, so past `hashed_from` members they are hashed once instead,
// keeping validation linear in the body.
class MemberLookup {
public:
    static constexpr std::size_t hashed_from = 32;
    explicit MemberLookup(const Json& object) : members_(*object.get_ptr<const Json::object_t*>()) {
        if (members_.size() < hashed_from) return;
        index_.reserve(members_.size());
        for (const auto& [key, value] : members_) index_.emplace(key, &value);
    }
    const Json* find(std::string_view name) const {
        if (index_.empty()) {
            for (const auto& [key, value] : members_)
                if (key == name) return &value;
            return nullptr;
        }
        const auto it = index_.find(name);
        return it == index_.end() ? nullptr : it->second;
    }

private:
    const Json::object_t& members_;
    std::unordered_map<std::string_view, const Json*> index_;
};

template <class F, class O>
void validate_member(const F& f, std::size_t index, const MemberLookup& object, O& obj, Json& errors,
                     const Context& ctx, FieldMask& present) {
    if constexpr (F::access_type::writable) {
        if (f.options.read_only) return;  // DRF ignores read-only keys in the input
        const Json* const in = object.find(f.name);
        if (in == nullptr) {
            if (ctx.partial) return;
            if (f.options.required) {
                add_error(field_slot(errors, f.name), "This field is required.", "required");
            } else if constexpr (F::has_default) {
                f.access.ref(obj) = f.make_default();
            }
            return;
        }
        Json slot;
        if (run_value(f, *in, f.access.ref(obj), slot, ctx))
            present |= FieldMask{1} << index;
        else
            field_slot(errors, f.name) = std::move(slot);
    }
}

// Normalises what an object-level validate() threw: a message list goes under non_field_errors.
inline Json object_level_errors(const ValidationError& e) {
    const Json& tree = e.full_details();
    if (tree.is_object()) return tree;
    Json errors = Json::object();
    errors[std::string(non_field_errors_key)] = tree;
    return errors;
}

// Validates `data` as one object for serializer S into obj (DRF's Serializer.run_validation).
template <class S>
bool validate_object(const Json& data, object_type_t<S>& obj, Json& errors, const Context& ctx, FieldMask& present) {
    if (!data.is_object()) {
        errors = non_field(std::string("Invalid data. Expected a dictionary, but got ") +
                               std::string(python_type_name(data)) + ".",
                           "invalid");
        return false;
    }
    constexpr auto& list = S::fields;
    static_assert(std::remove_cvref_t<decltype(list)>::size <= 64, "drf::serializers: at most 64 fields per serializer");
    const MemberLookup members(data);
    [&]<std::size_t... I>(std::index_sequence<I...>) {
        (validate_member(std::get<I>(list.items), I, members, obj, errors, ctx, present), ...);
    }(std::make_index_sequence<std::remove_cvref_t<decltype(list)>::size>{});
    if (!errors.is_null()) return false;
    // The object-level hook runs only when every field passed, as DRF's validate(attrs).
    if constexpr (requires(object_type_t<S>& o) { S::validate(o); }) {
        try {
            S::validate(obj);
        } catch (const ValidationError& e) {
            errors = object_level_errors(e);
            return false;
        }
    }
    return true;
}

// Validates `data` as a list of objects (DRF's ListSerializer): errors, if any, line up with the input.
template <class S>
bool validate_list(const Json& data, std::vector<object_type_t<S>>& out, Json& errors, const Context& ctx,
                   bool allow_empty) {
    if (!data.is_array()) {
        errors = non_field(not_a_list_message(data), "not_a_list");
        return false;
    }
    if (!allow_empty && data.empty()) {
        errors = non_field("This list may not be empty.", "empty");
        return false;
    }
    out.clear();
    out.reserve(data.size());
    Json item_errors = Json::array();
    bool ok = true;
    for (const auto& item : data) {
        Json slot;
        object_type_t<S> obj{};
        FieldMask present = 0;
        if (item.is_null())
            add_error(slot, "This field may not be null.", "null");
        else if (validate_object<S>(item, obj, slot, ctx, present))
            out.push_back(std::move(obj));
        ok = ok && slot.is_null();
        item_errors.push_back(slot.is_null() ? Json::object() : std::move(slot));
    }
    if (!ok) errors = std::move(item_errors);
    return ok;
}

// --- rendering -----------------------------------------------------------------------------------

template <class F>
void render_value(const F& f, const typename F::member_type& v, Json& out) {
    if constexpr (drf::detail::is_optional_v<typename F::member_type>) {
        if (!v) {
            out = nullptr;
            return;
        }
        f.kind.to_representation(*v, out);
    } else {
        f.kind.to_representation(v, out);
    }
}

inline Json& append_key(Json::object_t& object, std::string_view name) {
    // Names are unique by construction (fields() checks), so skip ordered_map's search for an existing key.
    auto& items = static_cast<Json::object_t::Container&>(object);
    return items.emplace_back(std::string(name), Json()).second;
}

template <class F, class O>
void render_member(const F& f, const O& obj, Json::object_t& out) {
    if (f.options.write_only) return;
    if constexpr (requires { f.access.compute(obj); }) {
        append_key(out, f.name) = f.access.compute(obj);
    } else {
        const auto* value = f.access.find(obj);
        if (value == nullptr) {  // a null step on a source path: DRF omits a read-only field, or renders null
            if (f.options.allow_null) append_key(out, f.name) = nullptr;
            return;
        }
        render_value(f, *value, append_key(out, f.name));
    }
}

template <class S>
void render_object(const object_type_t<S>& obj, Json& out) {
    constexpr auto& list = S::fields;
    out = Json::object();
    auto& object = out.get_ref<Json::object_t&>();
    object.reserve(std::remove_cvref_t<decltype(list)>::size);
    std::apply([&](const auto&... f) { (render_member(f, obj, object), ...); }, list.items);
}

// --- rendering to text ---------------------------------------------------------------------------
// The rules above, written straight as the JSON text Response::content() writes for the Json they
// build. A kind with append_json(value, out) writes its own text (drf/serializers/kinds.hpp: only
// text that needs no escaping by construction, or strings after the verbatim check); any other kind's
// to_representation fills a Json that drf::detail::append_json writes, so escaping and number
// formatting stay nlohmann's. An object's members are written with a trailing ',' that the closing
// brace replaces, since a member may be left out.

template <class K, class V>
concept WritesJsonText = requires(const K& kind, const V& value, std::string& out) { kind.append_json(value, out); };

// Closes the object whose members have been appended, each followed by ',' (a member may be left out,
// so a comma cannot be written before the next one).
inline void close_json(std::string& out, char bracket) {
    if (out.back() == ',')
        out.back() = bracket;
    else
        out += bracket;  // no members
}

// `[`, write(element) for each element of `range`, comma-separated, `]`.
template <class R, class Write>
void append_json_array(std::string& out, const R& range, Write&& write) {
    out += '[';
    bool first = true;
    for (const auto& element : range) {
        if (!first) out += ',';
        first = false;
        write(element);
    }
    out += ']';
}

template <class F>
void render_value_to(const F& f, const typename F::member_type& v, std::string& out) {
    using V = typename F::value_type;
    const V* value = nullptr;
    if constexpr (drf::detail::is_optional_v<typename F::member_type>) {
        if (!v) {
            out += "null";
            return;
        }
        value = &*v;
    } else {
        value = &v;
    }
    if constexpr (WritesJsonText<typename F::kind_type, V>) {
        f.kind.append_json(*value, out);
    } else {
        Json j;
        f.kind.to_representation(*value, j);
        drf::detail::append_json(out, j);
    }
}

// `"name":` as append_json writes the key, for each of S's fields, made on first use.
template <class S>
const auto& key_texts() {
    static const auto texts = std::apply(
        [](const auto&... f) {
            const auto key = [](std::string_view name) {
                std::string text;
                drf::detail::append_json_string(text, name);
                text += ':';
                return text;
            };
            return std::array<std::string, sizeof...(f)>{key(f.name)...};
        },
        S::fields.items);
    return texts;
}

template <class F, class O>
void render_member_to(const F& f, const O& obj, const std::string& key, std::string& out) {
    if (f.options.write_only) return;
    if constexpr (requires { f.access.compute(obj); }) {
        out += key;
        drf::detail::append_json(out, f.access.compute(obj));
    } else {
        const auto* value = f.access.find(obj);
        if (value == nullptr) {  // a null step on a source path: omitted, or null with allow_null
            if (!f.options.allow_null) return;
            out += key;
            out += "null";
        } else {
            out += key;
            render_value_to(f, *value, out);
        }
    }
    out += ',';
}

template <class S>
void render_object_to(const object_type_t<S>& obj, std::string& out) {
    constexpr auto& list = S::fields;
    const auto& keys = key_texts<S>();
    out += '{';
    [&]<std::size_t... I>(std::index_sequence<I...>) {
        (render_member_to(std::get<I>(list.items), obj, keys[I], out), ...);
    }(std::make_index_sequence<std::remove_cvref_t<decltype(list)>::size>{});
    close_json(out, '}');
}

}  // namespace detail
}  // namespace drf::serializers
