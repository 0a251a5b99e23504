// drf/serializers/update.hpp — DRF's serializer.update(instance, validated_data) and create(): copy the
// validated fields onto a model, each member matched by name at compile time, so no view writes
// `project.name = data.name` member by member.
#pragma once

#include <drf/core/member_name.hpp>
#include <drf/serializers/field_set.hpp>
#include <drf/serializers/model.hpp>
#include <drf/serializers/serializer.hpp>

#include <cstddef>
#include <tuple>
#include <type_traits>
#include <utility>

namespace drf::serializers {

namespace detail {
// The member of Target that S's I-th field writes to: the field's own member when it is bound to Target
// (or a base), else Target's meta field with the same member name.
template <class Target, class S, std::size_t I>
constexpr auto target_member() {
    constexpr auto& f = std::get<I>(S::fields.items);
    using Owner = typename std::remove_cvref_t<decltype(f)>::access_type::owner_type;
    if constexpr (std::is_base_of_v<Owner, Target>) {
        return f.access.member;
    } else if constexpr (!drf::models::ModelType<Target>) {
        static_assert(drf::models::ModelType<Target>,
                      "drf::serializers::update: the instance is neither the serializer's struct nor a model whose "
                      "meta lists the members to match by name");
        return nullptr;
    } else {
        constexpr std::size_t index = meta_index<Target>(member_name<f.access.member>());
        if constexpr (index == Target::meta.field_count) {
            [[maybe_unused]] member_is_not_a_field_of_the_model<f.access.member, Target> error;
            return nullptr;
        } else {
            return std::get<index>(Target::meta.fields).member;
        }
    }
}

// Assigns S's I-th field from `data` to `instance` when it is writable and `wanted`.
template <class S, std::size_t I, class Target>
void assign_field(Target& instance, const object_type_t<S>& data, bool wanted) {
    constexpr auto& f = std::get<I>(S::fields.items);
    using F = std::remove_cvref_t<decltype(f)>;
    if constexpr (BoundToMember<F>) {
        if (!wanted || f.options.read_only) return;
        constexpr auto to = target_member<Target, S, I>();
        if constexpr (!std::is_null_pointer_v<decltype(to)>) {
            constexpr bool assignable = std::is_assignable_v<decltype(instance.*to)&, decltype(data.*f.access.member)>;
            static_assert(assignable,
                          "drf::serializers::update: the model's member cannot be assigned from the validated member "
                          "of the same name (their types differ)");
            if constexpr (assignable) instance.*to = data.*f.access.member;
        }
    }
}

template <class S, class Target>
void assign_fields(Target& instance, const object_type_t<S>& data, const FieldSet<S>* only) {
    [&]<std::size_t... I>(std::index_sequence<I...>) {
        (assign_field<S, I>(instance, data, only == nullptr || only->has(I)), ...);
    }(std::make_index_sequence<field_count<S>>{});
}
}  // namespace detail

// The members of the instance an update assigned, for saving only those: update(...).to<Set>() fills
// any set with add(member pointer), such as the database's UpdateFields<Project>.
template <class Target, class S>
class AssignedFields {
public:
    constexpr explicit AssignedFields(FieldSet<S> fields) : fields_(fields) {}

    // Calls fn(member pointer of Target) for each member assigned.
    template <class Fn>
    constexpr void for_each_member(Fn&& fn) const {
        [&]<std::size_t... I>(std::index_sequence<I...>) {
            (visit<I>(fn), ...);
        }(std::make_index_sequence<detail::field_count<S>>{});
    }
    template <class Set>
    constexpr Set to() const {
        Set out{};
        for_each_member([&](auto member) { out.add(member); });
        return out;
    }
    constexpr bool empty() const {
        bool any = false;
        for_each_member([&](auto) { any = true; });
        return !any;
    }

private:
    template <std::size_t I, class Fn>
    constexpr void visit(Fn& fn) const {
        constexpr auto& f = std::get<I>(S::fields.items);
        if constexpr (detail::BoundToMember<std::remove_cvref_t<decltype(f)>>)
            if constexpr (!std::is_null_pointer_v<decltype(detail::target_member<Target, S, I>())>)
                if (fields_.has(I) && !f.options.read_only) fn(detail::target_member<Target, S, I>());
    }
    FieldSet<S> fields_;
};

// DRF's serializer.update(instance, validated_data): sets on `instance` every field in `fields` (the
// keys the client sent) from `data`, and returns which members it set. The instance is S's own struct,
// or a model with members of the same names; read-only fields are left alone.
template <class S, class Target>
AssignedFields<Target, S> update(Target& instance, const object_type_t<S>& data, const FieldSet<S>& fields) {
    detail::assign_fields<S>(instance, data, &fields);
    return AssignedFields<Target, S>(fields);
}

// update(project, validated): the fields the client sent, from a validation's outcome (raises its
// ValidationError when it has none).
//     objects.save(project, s::update(project, changes).to<db::UpdateFields<Project>>());
template <class Target, class T, class S>
AssignedFields<Target, S> update(Target& instance, const Validated<T, S>& validated) {
    return update<S>(instance, validated.value(), validated.fields_set());
}

// DRF's serializer.create(validated_data), Model(**validated_data): every writable field of S set on a
// new Target, defaults included.
template <class Target, class S>
Target create(const object_type_t<S>& data) {
    Target instance{};
    detail::assign_fields<S>(instance, data, nullptr);
    return instance;
}
template <class Target, class T, class S>
Target create(const Validated<T, S>& validated) {
    return create<Target, S>(validated.value());
}

}  // namespace drf::serializers
