// drf/serializers/model.hpp — serializer fields derived from a model's meta, DRF's ModelSerializer
// `fields = [...]`: model_fields<Project, "id", "name">() picks the kind from each member's type, and a
// name the model does not have is a compile error.
#pragma once

#include <drf/core/detail/traits.hpp>
#include <drf/core/fixed_string.hpp>
#include <drf/models/meta.hpp>
#include <drf/serializers/engine.hpp>
#include <drf/serializers/kinds.hpp>

#include <string>
#include <type_traits>

namespace drf::serializers {

// A field list that names its object type, for lists whose fields may all live in a base (id, created_at).
template <class T, class... Fs>
struct TypedFieldList : FieldList<Fs...> {
    using object_type = T;
};

// The serializer field for model T's field called Name. The base model's id, created_at and updated_at
// are read-only, as DRF's ModelSerializer makes non-editable and auto_now fields.
template <class T, fixed_string Name>
constexpr auto model_field() {
    constexpr auto& f = drf::models::field_named<T, Name>();
    using M = typename std::remove_cvref_t<decltype(f)>::value_type;
    using V = drf::detail::unwrap_optional_t<M>;
    constexpr bool managed = Name.view() == "id" || Name.view() == "created_at" || Name.view() == "updated_at";
    auto finish = [](auto field) {
        if constexpr (drf::detail::is_optional_v<M>) field = field.allow_null().optional();
        if constexpr (managed) field = field.read_only();
        return field;
    };
    if constexpr (std::is_same_v<V, std::string>) {
        auto field = detail::char_field(f.name, f.member);
        if (f.max_length_ != 0) field = field.max_length(f.max_length_);
        return finish(field);
    } else if constexpr (std::is_same_v<V, bool>) {
        return finish(detail::boolean_field(f.name, f.member));
    } else if constexpr (std::is_integral_v<V>) {
        return finish(detail::integer_field(f.name, f.member));
    } else if constexpr (std::is_floating_point_v<V>) {
        return finish(detail::float_field(f.name, f.member));
    } else if constexpr (std::is_same_v<V, Uuid>) {
        return finish(detail::uuid_field(f.name, f.member));
    } else if constexpr (std::is_same_v<V, DateTime>) {
        return finish(detail::datetime_field(f.name, f.member));
    } else {
        static_assert(std::is_same_v<V, std::string>,
                      "drf::serializers::model_field: no default serializer field for this member type (an enum?); "
                      "declare it explicitly, e.g. with choice_field");
    }
}

// model_fields<Project, "id", "name", "created_at">(): DRF's `class Meta: model = Project; fields = [...]`.
template <class T, fixed_string... Names>
constexpr auto model_fields() {
    const auto list = fields(model_field<T, Names>()...);
    return TypedFieldList<T, std::remove_cvref_t<decltype(model_field<T, Names>())>...>{list};
}

}  // namespace drf::serializers
