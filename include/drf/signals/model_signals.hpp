// drf/signals/model_signals.hpp — Django's model signals pre_save, post_save, pre_delete and post_delete:
// one typed Signal per model type, named like "post_save<User>", for the database layer to send.
#pragma once

#include <drf/core/fixed_string.hpp>
#include <drf/models/meta.hpp>
#include <drf/models/model.hpp>
#include <drf/core/type_name.hpp>
#include <drf/signals/signal.hpp>

#include <algorithm>
#include <array>
#include <cstddef>
#include <span>
#include <string_view>
#include <type_traits>

namespace drf::signals {

// What a save does, as pre_save and post_save receivers see it (Django's `created` and `update_fields`).
struct SaveInfo {
    bool created = false;                                // the save inserts a new row (pre_save: is about to)
    std::span<const std::string_view> update_fields = {};  // the fields written; empty means every field

    // Whether the save writes the column named `field`.
    constexpr bool updates(std::string_view field) const noexcept {
        return update_fields.empty() || std::find(update_fields.begin(), update_fields.end(), field) != update_fields.end();
    }
    // Whether the save writes `member`'s field: info.updates(&Project::archived). A member that is not
    // one of its model's meta fields is never written.
    template <class C, class M>
    constexpr bool updates(M C::*member) const {
        const std::string_view column = models::column_name(member);
        return !column.empty() && updates(column);
    }
};

namespace detail {

// Model signals exist for types built on drf::models::Model<T>, so post_save<int> does not build.
template <class T>
concept model_with_signals = std::is_base_of_v<models::Model<T>, T>;

// "post_save<User>", built at compile time so the signal can be constant-initialized.
template <fixed_string Kind, class T>
struct model_signal_name {
    static constexpr std::string_view kind = Kind.view();
    static constexpr std::string_view type = drf::type_name<T>();
    static constexpr std::size_t size = kind.size() + 1 + type.size() + 1;
    static constexpr auto chars = [] {
        std::array<char, size + 1> out{};
        std::size_t at = 0;
        for (const char c : kind) out[at++] = c;
        out[at++] = '<';
        for (const char c : type) out[at++] = c;
        out[at++] = '>';
        return out;
    }();
    static constexpr std::string_view value{chars.data(), size};
};

}  // namespace detail

// The database layer sends each of these with sender_of<T>(), in this order, as Django does:
//   pre_save<T>.send(sender_of<T>(), obj, info);  write the row;  post_save<T>.send(sender_of<T>(), obj, info);
//   pre_delete<T>.send(sender_of<T>(), obj);      delete the row; post_delete<T>.send(sender_of<T>(), obj);
// They are constinit, so receivers may be connected from other static initializers in any order.
// SaveInfo::update_fields points into the sender's storage and is valid only during the send.

// Before a T is saved. Receivers get the instance by reference and may change it before it is written.
template <class T>
    requires detail::model_with_signals<T>
inline constinit Signal<T&, const SaveInfo&> pre_save{detail::model_signal_name<"pre_save", T>::value};

// After a T is saved; SaveInfo::created says whether the row was inserted.
template <class T>
    requires detail::model_with_signals<T>
inline constinit Signal<const T&, const SaveInfo&> post_save{detail::model_signal_name<"post_save", T>::value};

// Before a T is deleted.
template <class T>
    requires detail::model_with_signals<T>
inline constinit Signal<const T&> pre_delete{detail::model_signal_name<"pre_delete", T>::value};

// After a T is deleted; the instance still holds the deleted row's values, id included.
template <class T>
    requires detail::model_with_signals<T>
inline constinit Signal<const T&> post_delete{detail::model_signal_name<"post_delete", T>::value};

}  // namespace drf::signals
