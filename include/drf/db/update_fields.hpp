// drf/db/update_fields.hpp — the fields a save writes (Django's save(update_fields=[...])), named by
// member pointers: update_fields<&Project::archived> checks its members at compile time, and an
// UpdateFields<Project> built at run time (from the fields a partial update set, say) checks them then.
#pragma once

#include <drf/core/member_name.hpp>
#include <drf/db/query.hpp>
#include <drf/models/meta.hpp>

#include <array>
#include <cstddef>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

namespace drf::db {

namespace detail {
inline std::string unknown_update_field(std::string_view what) {
    return "The following fields do not exist in this model, or are m2m fields, or are non-concrete fields: " +
           std::string(what);
}
}  // namespace detail

// A set of T's fields, kept as flags over T's meta fields, so it is a literal type (update_fields<...>
// is a constant) and its names come from the meta, the same names the SQL is built from. Empty: the
// save writes every field.
template <class T>
class UpdateFields {
public:
    static constexpr std::size_t field_count = T::meta.field_count;

    constexpr UpdateFields() = default;

    // UpdateFields<Project>(&Project::name, &Project::archived). A member that is not a meta field, or
    // the id, is a FieldError when the set is built (Django's ValueError from save()).
    template <class... Ps>
        requires(sizeof...(Ps) > 0 && (std::is_member_object_pointer_v<Ps> && ...))
    constexpr explicit UpdateFields(Ps... members) {
        (add(members), ...);
    }

    // Adds `member` to the set; returns *this, so additions chain.
    template <class C, class M>
    constexpr UpdateFields& add(M C::*member) {
        static_assert(std::is_same_v<models::model_of_t<C>, T>,
                      "drf::db::UpdateFields<T>: the member belongs to another model than T");
        const std::size_t index = models::field_index(member);
        if (index == field_count)
            throw FieldError("drf::db::UpdateFields: the member is not a field of " + std::string(T::meta.table) +
                             "'s meta, so it has no column");
        if (T::meta.names()[index] == "id") throw FieldError(detail::unknown_update_field("id"));
        chosen_[index] = true;
        return *this;
    }

    template <class C, class M>
    constexpr bool contains(M C::*member) const {
        static_assert(std::is_same_v<models::model_of_t<C>, T>,
                      "drf::db::UpdateFields<T>: the member belongs to another model than T");
        const std::size_t index = models::field_index(member);
        return index != field_count && chosen_[index];
    }
    constexpr bool empty() const {
        for (bool b : chosen_)
            if (b) return false;
        return true;
    }
    // Whether the field at `index` in T's meta is in the set.
    constexpr bool contains_index(std::size_t index) const { return index < field_count && chosen_[index]; }

    // The chosen fields' names, in meta order.
    std::vector<std::string_view> names() const {
        std::vector<std::string_view> out;
        const auto all = T::meta.names();
        for (std::size_t i = 0; i < field_count; ++i)
            if (chosen_[i]) out.push_back(all[i]);
        return out;
    }

    friend constexpr bool operator==(const UpdateFields&, const UpdateFields&) = default;

private:
    std::array<bool, field_count> chosen_{};
};

namespace detail {
template <class T, std::size_t N>
constexpr bool all_updatable(const std::array<std::size_t, N>& indexes, bool allow_id) {
    for (const std::size_t i : indexes)
        if (i >= T::meta.field_count || (i == 0 && !allow_id)) return false;  // the base model's id is field 0
    return true;
}

template <auto First, auto... Rest>
constexpr auto make_update_fields() {
    using T = models::model_of_t<member_owner_t<First>>;
    constexpr bool one_model = (std::is_same_v<models::model_of_t<member_owner_t<Rest>>, T> && ...);
    static_assert(one_model, "drf::db::update_fields: every member must belong to the same model");
    if constexpr (!one_model) {
        return UpdateFields<T>{};
    } else {
        constexpr std::array<std::size_t, 1 + sizeof...(Rest)> indexes{models::field_index(First),
                                                                       models::field_index(Rest)...};
        static_assert(all_updatable<T>(indexes, true),
                      "drf::db::update_fields: a member is not one of its model's meta fields");
        static_assert(!all_updatable<T>(indexes, true) || all_updatable<T>(indexes, false),
                      "drf::db::update_fields: the id cannot be updated");
        if constexpr (all_updatable<T>(indexes, false))
            return UpdateFields<T>(First, Rest...);
        else
            return UpdateFields<T>{};
    }
}
}  // namespace detail

// The fields a save writes, checked at compile time:
//     objects<Project>(db).save(p, update_fields<&Project::archived, &Project::name>);
// updated_at is always written too.
template <auto... Ms>
    requires(sizeof...(Ms) > 0 && (DataMemberPointer<Ms> && ...))
inline constexpr auto update_fields = detail::make_update_fields<Ms...>();

}  // namespace drf::db
