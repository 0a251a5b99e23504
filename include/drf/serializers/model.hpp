// drf/serializers/model.hpp — DRF's ModelSerializer at compile time: model_serializer<Project,
// &Project::name, &Project::description> picks each field's kind from the member's type and takes its
// constraints (max_length, max_digits/decimal_places, null, blank, read-only base fields) from the model's
// meta, so they are said once. Date, Time and Duration members and .ip_address() fields take kinds whose
// parsers use std::regex: those are named here and defined by <drf/serializers/formats.hpp>, so this
// header stays without <regex> for the models that have none.
#pragma once

#include <drf/core/date.hpp>
#include <drf/core/datetime.hpp>
#include <drf/core/decimal.hpp>
#include <drf/core/detail/traits.hpp>
#include <drf/core/json.hpp>
#include <drf/core/member_name.hpp>
#include <drf/models/meta.hpp>
#include <drf/serializers/engine.hpp>
#include <drf/serializers/kinds.hpp>

#include <cstddef>
#include <string>
#include <string_view>
#include <tuple>
#include <type_traits>
#include <utility>

namespace drf::serializers {

// <drf/serializers/formats.hpp>
struct DateKind;
struct TimeKind;
struct DurationKind;
struct IpAddressKind;

namespace detail {
template <class T>
inline constexpr bool always_false = false;

// Whether Kind is defined where the model_serializer for member M is instantiated (M keeps the answer
// apart per member, so it is asked where the member's field is made).
template <class Kind, auto M>
concept kind_defined = requires { sizeof(Kind); };

// Instantiated only when the kind for member M is not defined, so the compiler's message names both.
template <class Kind, auto M>
struct kind_needs_the_formats_header {
    static_assert(always_false<Kind>,
                  "drf::serializers::model_serializer: a drf::Date, drf::Time or drf::Duration member and an "
                  ".ip_address() field need <drf/serializers/formats.hpp> (or <drf/drf.hpp>) included, where "
                  "their kinds are (the instantiation of kind_needs_the_formats_header<Kind, member> names both)");
};

// The field of kind Kind for member M, with the kind's defaults, as the kind's own builder makes it.
template <class Kind, auto M>
constexpr auto formats_field() {
    if constexpr (kind_defined<Kind, M>) {
        return make_field<Kind>(member_name<M>(), M);
    } else {
        (void)kind_needs_the_formats_header<Kind, M>{};
        // A stand-in of the right shape, so the message above stays the only one.
        return Field<CharKind, MemberAccess<member_owner_t<M>, member_type_t<M>>>{member_name<M>(), {M}};
    }
}

// The index in T's meta of the field whose member is called `name`, or field_count. Names, not member
// pointers, are compared: the serializer may be bound to another struct with the same member names.
template <class T>
constexpr std::size_t meta_index(std::string_view name) {
    return []<std::size_t... I>(std::string_view wanted, std::index_sequence<I...>) {
        std::size_t found = T::meta.field_count;
        ((found == T::meta.field_count && member_name<std::get<I>(T::meta.fields).member>() == wanted
              ? void(found = I)
              : void()),
         ...);
        return found;
    }(name, std::make_index_sequence<T::meta.field_count>{});
}

// Instantiated only for a member the model has no field for, so the compiler's message names it:
// "member_is_not_a_field_of_the_model<&ProjectInput::nme, Project>".
template <auto M, class T>
struct member_is_not_a_field_of_the_model {
    static_assert(always_false<T>,
                  "drf::serializers::model_serializer, update: the member is not a field of the model's meta (the "
                  "instantiation of member_is_not_a_field_of_the_model<member, model> names both)");
};

// Whether member pointers A and B are the same member.
template <auto A, auto B>
constexpr bool same_member() {
    if constexpr (std::is_same_v<decltype(A), decltype(B)>)
        return A == B;
    else
        return false;
}

// The position of member M among Ms, or sizeof...(Ms).
template <auto M, auto... Ms>
constexpr std::size_t member_index() {
    std::size_t i = 0;
    std::size_t found = sizeof...(Ms);
    ((same_member<M, Ms>() && found == sizeof...(Ms) ? void(found = i) : void(), ++i), ...);
    return found;
}

// What a model_serializer validates into: the model itself when every member is the model's (or its
// base's), else the struct the members belong to (one with the model's member names).
template <class T, class Owner>
using model_object_t = std::conditional_t<std::is_base_of_v<Owner, T>, T, Owner>;

template <class T, auto... Ms>
using model_owner_t = model_object_t<T, typename most_derived<member_owner_t<Ms>...>::type>;
}  // namespace detail

// The serializer field for member M, described by model T's field of the same name: the kind follows
// M's type (an .ip_address() text field is DRF's IPAddressField, a Decimal one takes the model's
// max_digits and decimal_places); max_length, null (allow_null, not required), blank (not required,
// blank text allowed on a CharField) and the base model's id, created_at and updated_at (read-only)
// follow the model, as DRF's ModelSerializer builds them.
template <class T, auto M>
    requires DataMemberPointer<M>
constexpr auto model_field() {
    constexpr std::size_t index = detail::meta_index<T>(member_name<M>());
    if constexpr (index == T::meta.field_count) {
        return detail::member_is_not_a_field_of_the_model<M, T>{};
    } else {
        constexpr auto& f = std::get<index>(T::meta.fields);
        using V = drf::detail::unwrap_optional_t<member_type_t<M>>;
        constexpr bool managed = std::is_same_v<typename std::remove_cvref_t<decltype(f)>::owner_type,
                                                drf::models::Model<T>>;
        constexpr bool nullable = f.nullable();
        constexpr bool blank = f.is_blank;
        const auto finish = [](auto field) {
            if constexpr (nullable) field = field.allow_null().optional();
            if constexpr (blank) field = field.optional();
            if constexpr (managed) field = field.read_only();
            return field;
        };
        if constexpr (std::is_same_v<V, std::string>) {
            if constexpr (f.is_ip_address) {
                // GenericIPAddressField is no CharField to DRF: neither max_length (39) nor
                // allow_blank is passed on, so blank text is "This field may not be blank."
                return finish(detail::formats_field<IpAddressKind, M>());
            } else {
                auto field = char_field<M>();
                if (f.max_length_ != 0) field = field.max_length(f.max_length_);
                if constexpr (blank) field = field.allow_blank();
                return finish(field);
            }
        } else if constexpr (std::is_same_v<V, bool>) {
            return finish(boolean_field<M>());
        } else if constexpr (std::is_integral_v<V>) {
            return finish(integer_field<M>());
        } else if constexpr (std::is_floating_point_v<V>) {
            return finish(float_field<M>());
        } else if constexpr (std::is_same_v<V, Uuid>) {
            return finish(uuid_field<M>());
        } else if constexpr (std::is_same_v<V, DateTime>) {
            return finish(datetime_field<M>());
        } else if constexpr (std::is_same_v<V, Decimal>) {
            // The meta does not build without both (Django's fields.E130), and DRF leaves out Django's
            // DecimalValidator: the field's own precision checks say the same.
            return finish(decimal_field<M>({.max_digits = f.max_digits_,
                                            .decimal_places = static_cast<std::size_t>(f.decimal_places_)}));
        } else if constexpr (std::is_same_v<V, Date>) {
            return finish(detail::formats_field<DateKind, M>());
        } else if constexpr (std::is_same_v<V, Time>) {
            return finish(detail::formats_field<TimeKind, M>());
        } else if constexpr (std::is_same_v<V, Duration>) {
            return finish(detail::formats_field<DurationKind, M>());
        } else if constexpr (std::is_same_v<V, Json>) {
            return finish(json_field<M>());
        } else {
            static_assert(detail::always_false<V>,
                          "drf::serializers::model_serializer: no default serializer field for this member type (an "
                          "enum?); leave the member out and add its field with "
                          ".declare(choice_field<&T::member>(...))");
            // A stand-in of the right shape, so the message above stays the only one.
            return Field<CharKind, MemberAccess<member_owner_t<M>, member_type_t<M>>>{member_name<M>(), {M}};
        }
    }
}

// A field list that remembers the member each field was made for, so one can be adjusted or replaced
// by naming its member. Fields declared on top are appended (their member slot is nullptr).
template <class Object, class Members, class... Fs>
struct ModelFieldList;

template <auto... Ms>
struct member_list {};

template <class Object, auto... Ms, class... Fs>
struct ModelFieldList<Object, member_list<Ms...>, Fs...> : FieldList<Fs...> {
    using object_type = Object;

    // DRF's extra_kwargs: adjust the field made for member M, keeping its model-derived options:
    //     .with<&Project::description>([](auto f) { return f.max_length(50); })
    template <auto M, class Fn>
    constexpr auto with(Fn adjust) const {
        constexpr std::size_t index = detail::member_index<M, Ms...>();
        static_assert(index < sizeof...(Ms),
                      "drf::serializers::ModelFieldList::with: no field was made for this member");
        return replaced<index>(adjust(std::get<index < sizeof...(Ms) ? index : 0>(this->items)));
    }
    // Declaring a field explicitly in DRF's ModelSerializer: replaces the field made for member M, in
    // its place, by `field` (which may have another key, kind or binding).
    template <auto M, class F>
    constexpr auto declare(F field) const {
        constexpr std::size_t index = detail::member_index<M, Ms...>();
        static_assert(index < sizeof...(Ms),
                      "drf::serializers::ModelFieldList::declare<M>: no field was made for this member");
        return replaced<index>(field);
    }
    // A declared field the model does not have (a source path, a method field), appended.
    template <class F>
    constexpr auto declare(F field) const {
        const auto list = std::apply([&](const auto&... f) { return serializers::fields(f..., field); }, this->items);
        return ModelFieldList<Object, member_list<Ms..., nullptr>, Fs..., F>{list};
    }

private:
    template <std::size_t Index, class F>
    constexpr auto replaced(F field) const {
        return [&]<std::size_t... I>(std::index_sequence<I...>) {
            const auto pick = [&]<std::size_t J>(std::integral_constant<std::size_t, J>) {
                if constexpr (J == Index)
                    return field;
                else
                    return std::get<J>(this->items);
            };
            const auto list = serializers::fields(pick(std::integral_constant<std::size_t, I>{})...);
            using List = ModelFieldList<Object, member_list<Ms...>,
                                        decltype(pick(std::integral_constant<std::size_t, I>{}))...>;
            return List{list};
        }(std::index_sequence_for<Fs...>{});
    }
};

// DRF's `class Meta: model = Project; fields = ["name", "description"]`, named by members:
//     static constexpr auto fields = model_serializer<Project, &Project::name, &Project::description>();
// or as a serializer type of its own: using ProjectCreate = model_serializer<Project, &Project::name>;
// It validates into the model, or into the struct the members belong to when they are not the model's
// (a struct with the model's member names). A member the model has no field for does not compile.
template <class T, auto... Ms>
    requires(sizeof...(Ms) > 0 && (DataMemberPointer<Ms> && ...))
struct model_serializer
    : ModelFieldList<detail::model_owner_t<T, Ms...>, member_list<Ms...>, decltype(model_field<T, Ms>())...> {
    static_assert(drf::models::ModelType<T>,
                  "drf::serializers::model_serializer<T, ...>: T must be a model (derive from drf::models::Model<T> "
                  "and declare its meta)");
    using list_type =
        ModelFieldList<detail::model_owner_t<T, Ms...>, member_list<Ms...>, decltype(model_field<T, Ms>())...>;
    static constexpr list_type fields{serializers::fields(model_field<T, Ms>()...)};

    constexpr model_serializer() : list_type(fields) {}
};

}  // namespace drf::serializers
