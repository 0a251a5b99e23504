// drf/serializers/serializer.hpp — the public face of a serializer: validate<S>(json) into a typed
// struct, render<S>(obj) to JSON (render_to<S>(out, obj) straight to its text), and Serializer<S> with
// DRF's is_valid / errors / validated_data.
#pragma once

#include <drf/serializers/compound.hpp>
#include <drf/serializers/engine.hpp>
#include <drf/serializers/field_set.hpp>

#include <cstddef>
#include <iterator>
#include <optional>
#include <ranges>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace drf::serializers {

struct ValidateOptions {
    bool partial = false;  // PATCH: validate and set only the fields present in the input
};
inline constexpr ValidateOptions partial{.partial = true};

struct ManyOptions {
    bool allow_empty = true;
};

// The outcome of validating input: the value, or the errors in DRF's shape. S, the serializer, types
// fields_set(); a list's outcome (validate_many) has none.
template <class T, class S = void>
class Validated {
public:
    explicit operator bool() const noexcept { return value_.has_value(); }
    bool is_valid() const noexcept { return value_.has_value(); }

    // The validated value; throws ValidationError carrying the errors when there is none, which is
    // DRF's is_valid(raise_exception=True) (the HTTP layer turns it into a 400).
    const T& value() const& {
        raise_if_invalid();
        return *value_;
    }
    T& value() & {
        raise_if_invalid();
        return *value_;
    }
    T&& value() && {
        raise_if_invalid();
        return std::move(*value_);
    }
    const T* operator->() const { return &value(); }
    T* operator->() { return &value(); }

    // DRF's serializer.errors: {"name": ["This field is required."]} (or a list, for many).
    Json errors() const { return detail::messages_of(details_); }
    // DRF's serializer.errors.get_full_details(): each message with its code.
    const Json& full_details() const noexcept { return details_; }

    void raise_if_invalid() const {
        if (!value_) throw ValidationError(details_);
    }

    // The fields that were present in the input and set: fields_set().contains<&ProjectInput::name>(),
    // or iterated as member names (for a partial update's update_fields).
    FieldSet<S> fields_set() const
        requires(!std::is_void_v<S>)
    {
        return FieldSet<S>(present_);
    }

private:
    template <class Sz>
    friend Validated<object_type_t<Sz>, Sz> validate(const Json&, object_type_t<Sz>, ValidateOptions);
    template <class Sz>
    friend Validated<std::vector<object_type_t<Sz>>> validate_many(const Json&, ManyOptions);

    std::optional<T> value_;
    Json details_;
    detail::FieldMask present_ = 0;
};

// Validates `data` into a copy of `instance` (DRF's Serializer(instance, data=...)): fields absent from
// the input keep the instance's values; with `partial`, required fields may be absent too.
template <class S>
Validated<object_type_t<S>, S> validate(const Json& data, object_type_t<S> instance, ValidateOptions options = {}) {
    Validated<object_type_t<S>, S> result;
    const Context ctx{options.partial};
    detail::FieldMask present = 0;
    if (data.is_null()) {
        result.details_ = detail::non_field("No data provided", "null");
    } else if (detail::validate_object<S>(data, instance, result.details_, ctx, present)) {
        result.value_.emplace(std::move(instance));
        result.present_ = present;
    }
    return result;
}

// Validates `data` into a new object (DRF's Serializer(data=...)).
template <class S>
Validated<object_type_t<S>, S> validate(const Json& data, ValidateOptions options = {}) {
    return validate<S>(data, object_type_t<S>{}, options);
}

// Validates a list of objects (DRF's Serializer(data=..., many=True)).
template <class S>
Validated<std::vector<object_type_t<S>>> validate_many(const Json& data, ManyOptions options = {}) {
    Validated<std::vector<object_type_t<S>>> result;
    std::vector<object_type_t<S>> items;
    if (data.is_null()) {
        result.details_ = detail::non_field("No data provided", "null");
    } else if (detail::validate_list<S>(data, items, result.details_, Context{}, options.allow_empty)) {
        result.value_.emplace(std::move(items));
    }
    return result;
}

// DRF's Serializer(obj).data: the object as JSON, fields in declaration order, write-only ones left out.
template <class S>
Json render(const object_type_t<S>& obj) {
    Json out;
    detail::render_object<S>(obj, out);
    return out;
}

// DRF's Serializer(objs, many=True).data: a JSON array.
template <class S, std::ranges::input_range R>
Json render_many(const R& objects) {
    Json out = Json::array();
    auto& items = out.get_ref<Json::array_t&>();
    if constexpr (std::ranges::sized_range<R>) items.reserve(std::ranges::size(objects));
    for (const auto& obj : objects) {
        if constexpr (requires { detail::render_object<S>(*obj, items.back()); } &&
                      !requires { detail::render_object<S>(obj, items.back()); })
            detail::render_object<S>(*obj, items.emplace_back());  // ranges of pointers
        else
            detail::render_object<S>(obj, items.emplace_back());
    }
    return out;
}

// render<S>(obj) as JSON text, appended to `out`: exactly the bytes Response(render<S>(obj)).content()
// sends, written without building the Json.
template <class S>
void render_to(std::string& out, const object_type_t<S>& obj) {
    detail::render_object_to<S>(obj, out);
}

// render_many<S>(objects) as JSON text, appended to `out`: exactly the bytes
// Response(render_many<S>(objects)).content() sends, written without building the Json.
template <class S, std::ranges::input_range R>
void render_many_to(std::string& out, const R& objects) {
    detail::append_json_array(out, objects, [&](const auto& obj) {
        if constexpr (requires { detail::render_object_to<S>(*obj, out); } &&
                      !requires { detail::render_object_to<S>(obj, out); })
            detail::render_object_to<S>(*obj, out);  // ranges of pointers
        else
            detail::render_object_to<S>(obj, out);
    });
}

// DRF's serializer object, for code that reads like a DRF view:
//     Serializer<ProjectCreate> serializer(request.data());
//     serializer.is_valid(true);                 // raise_exception=True: throws ValidationError
//     const ProjectCreate& data = serializer.validated_data();
template <class S>
class Serializer {
public:
    using object_type = object_type_t<S>;

    explicit Serializer(const Json& data, ValidateOptions options = {}) : result_(validate<S>(data, options)) {}
    Serializer(object_type instance, const Json& data, ValidateOptions options = {})
        : result_(validate<S>(data, std::move(instance), options)) {}

    bool is_valid(bool raise_exception = false) {
        checked_ = true;
        if (raise_exception) result_.raise_if_invalid();
        return result_.is_valid();
    }
    const Json& full_details() const {
        require_checked("errors");
        return result_.full_details();
    }
    Json errors() const {
        require_checked("errors");
        return result_.errors();
    }
    const object_type& validated_data() const& {
        require_checked("validated_data");
        return result_.value();
    }
    object_type&& validated_data() && {
        require_checked("validated_data");
        return std::move(result_).value();
    }
    FieldSet<S> fields_set() const { return result_.fields_set(); }

    // The validated object rendered back (DRF's serializer.data after is_valid()).
    Json data() const { return render<S>(validated_data()); }

private:
    void require_checked(const char* what) const {
        if (!checked_)
            throw std::logic_error(std::string("You must call `.is_valid()` before accessing `.") + what + "`.");
    }
    Validated<object_type, S> result_;
    bool checked_ = false;
};

}  // namespace drf::serializers
