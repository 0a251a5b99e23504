// drf/serializers/field_set.hpp — FieldSet<S>: which of serializer S's fields a validation set (the
// keys the client sent), asked by member — contains<&ProjectInput::name>() — and iterated as member names.
#pragma once

#include <drf/core/member_name.hpp>
#include <drf/serializers/engine.hpp>

#include <array>
#include <bit>
#include <cstddef>
#include <iterator>
#include <string_view>
#include <tuple>
#include <type_traits>
#include <utility>
#include <vector>

namespace drf::serializers {

namespace detail {
template <class F>
concept BoundToMember = requires(const F& f) { f.access.member; } && F::access_type::writable;

// Whether field f is bound to member M.
template <auto M, class F>
constexpr bool bound_to(const F& f) {
    if constexpr (BoundToMember<F>) {
        if constexpr (std::is_same_v<decltype(f.access.member), decltype(M)>) return f.access.member == M;
    }
    return false;
}

template <class S>
inline constexpr std::size_t field_count = std::remove_cvref_t<decltype(S::fields)>::size;

// The index of S's field bound to member M, or field_count<S>.
template <class S, auto M>
constexpr std::size_t field_index_of() {
    return []<std::size_t... I>(std::index_sequence<I...>) {
        std::size_t found = field_count<S>;
        ((found == field_count<S> && bound_to<M>(std::get<I>(S::fields.items)) ? void(found = I) : void()), ...);
        return found;
    }(std::make_index_sequence<field_count<S>>{});
}

// The name of the member S's I-th field is bound to; its key when it is bound to none.
template <class S, std::size_t I>
constexpr std::string_view member_name_of() {
    constexpr auto& f = std::get<I>(S::fields.items);
    if constexpr (BoundToMember<std::remove_cvref_t<decltype(f)>>)
        return member_name<f.access.member>();
    else
        return f.name;
}

template <class S>
inline constexpr auto member_names = []<std::size_t... I>(std::index_sequence<I...>) {
    return std::array<std::string_view, sizeof...(I)>{member_name_of<S, I>()...};
}(std::make_index_sequence<field_count<S>>{});
}  // namespace detail

template <class S>
class FieldSet {
public:
    static constexpr std::size_t capacity = detail::field_count<S>;

    constexpr FieldSet() = default;
    constexpr explicit FieldSet(detail::FieldMask mask) : mask_(mask) {}

    // Whether the field bound to member M was set; a member S has no field for does not compile.
    template <auto M>
        requires DataMemberPointer<M>
    constexpr bool contains() const {
        constexpr std::size_t index = detail::field_index_of<S, M>();
        static_assert(index < capacity,
                      "drf::serializers::FieldSet::contains: the serializer has no field for this member");
        return has(index);
    }
    constexpr bool has(std::size_t index) const { return index < capacity && ((mask_ >> index) & 1U) != 0; }
    constexpr bool empty() const { return mask_ == 0; }
    constexpr std::size_t size() const { return static_cast<std::size_t>(std::popcount(mask_)); }

    // The member names of the fields set, in the serializer's field order.
    class iterator {
    public:
        using iterator_category = std::input_iterator_tag;
        using value_type = std::string_view;
        using difference_type = std::ptrdiff_t;
        using reference = std::string_view;
        using pointer = void;
        constexpr iterator() = default;
        constexpr iterator(detail::FieldMask mask, std::size_t index) : mask_(mask), index_(index) { skip(); }
        constexpr std::string_view operator*() const { return detail::member_names<S>[index_]; }
        constexpr iterator& operator++() {
            ++index_;
            skip();
            return *this;
        }
        constexpr iterator operator++(int) {
            iterator before = *this;
            ++*this;
            return before;
        }
        friend constexpr bool operator==(const iterator& a, const iterator& b) { return a.index_ == b.index_; }

    private:
        constexpr void skip() {
            while (index_ < capacity && ((mask_ >> index_) & 1U) == 0) ++index_;
        }
        detail::FieldMask mask_ = 0;
        std::size_t index_ = capacity;
    };
    constexpr iterator begin() const { return {mask_, 0}; }
    constexpr iterator end() const { return {mask_, capacity}; }
    std::vector<std::string_view> names() const { return {begin(), end()}; }

    // Calls fn(member pointer) for each member-bound field in the set, e.g. to build the database's
    // update_fields: fields.for_each_member([&](auto member) { update_fields.add(member); }).
    template <class Fn>
    constexpr void for_each_member(Fn&& fn) const {
        [&]<std::size_t... I>(std::index_sequence<I...>) {
            (visit<I>(fn), ...);
        }(std::make_index_sequence<capacity>{});
    }
    // The set as any container with add(member pointer): fields_set().to<db::UpdateFields<Project>>().
    template <class Set>
    constexpr Set to() const {
        Set out{};
        for_each_member([&](auto member) { out.add(member); });
        return out;
    }

    friend constexpr bool operator==(const FieldSet&, const FieldSet&) = default;

private:
    template <std::size_t I, class Fn>
    constexpr void visit(Fn& fn) const {
        using F = std::remove_cvref_t<decltype(std::get<I>(S::fields.items))>;
        if constexpr (detail::BoundToMember<F>)
            if (has(I)) fn(std::get<I>(S::fields.items).access.member);
    }
    detail::FieldMask mask_ = 0;
};

}  // namespace drf::serializers
