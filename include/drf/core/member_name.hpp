// drf/core/member_name.hpp — a data member's name from its member pointer, at compile time:
// member_name<&Project::name>() is "name", so a field's name is said once, by the member itself.
#pragma once

#include <array>
#include <cstddef>
#include <string_view>
#include <type_traits>

namespace drf {

namespace detail {

// Returns const char* rather than string_view: GCC would otherwise append "; std::string_view = ..."
// to the signature. A member pointer argument is spelt "&ns::Owner::member" by both GCC 12
// ("[with auto M = &ns::Owner::member]") and Clang 14 ("[M = &ns::Owner::member]"), so no object is
// needed to take a member's address (the `&external<T>.*M` trick Boost.PFR and glaze need for
// pointers to subobjects and for MSVC, which spells a member pointer as an offset).
template <auto M>
constexpr const char* member_pretty_function() noexcept {
    return __PRETTY_FUNCTION__;
}

constexpr bool is_identifier_byte(char c) noexcept {
    // Bytes >= 0x80: a UTF-8 identifier (GCC 10+ and Clang accept them) is spelt as written.
    return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           static_cast<unsigned char>(c) >= 0x80;
}

// The identifier between the last "::" and the closing ']'. Read from the end because a data
// member's name is always a plain identifier there, whatever the owner's spelling holds before it
// (template arguments, strings, "main()::Local", "(anonymous namespace)"). Anything else — a null
// member pointer ("-1" on GCC, "nullptr" on Clang), an unknown compiler — yields "", never a wrong name.
constexpr std::string_view member_name_from(std::string_view pretty) noexcept {
    const auto end = pretty.rfind(']');
    if (end == std::string_view::npos) return {};
    auto begin = end;
    while (begin > 0 && is_identifier_byte(pretty[begin - 1])) --begin;
    if (begin == end || begin < 2 || pretty.substr(begin - 2, 2) != "::") return {};
    if (pretty[begin] >= '0' && pretty[begin] <= '9') return {};
    return pretty.substr(begin, end - begin);
}

// The name is copied into storage of our own: the string behind __PRETTY_FUNCTION__ belongs to a
// function that is never emitted, so nothing at run time may point into it.
template <auto M>
struct member_name_storage {
    static constexpr std::string_view parsed = member_name_from(member_pretty_function<M>());
    static_assert(!parsed.empty(),
                  "drf::member_name: cannot read the member's name (a null member pointer, or a compiler "
                  "that spells member pointers unlike GCC and Clang)");
    static constexpr auto chars = [] {
        std::array<char, parsed.size() + 1> out{};
        for (std::size_t i = 0; i < parsed.size(); ++i) out[i] = parsed[i];
        return out;
    }();
};

template <class P>
struct member_pointer_parts;
template <class C, class T>
struct member_pointer_parts<T C::*> {
    using owner = C;
    using type = T;
};

}  // namespace detail

// A pointer to a data member (not a member function): the argument member_name takes.
template <auto M>
concept DataMemberPointer = std::is_member_object_pointer_v<decltype(M)>;

// The member's name as declared: member_name<&Project::name>() == "name". A member inherited from a
// base names the base's member: &Project::id is `Uuid Model<Project>::*`, and its name is "id".
template <auto M>
    requires DataMemberPointer<M>
consteval std::string_view member_name() noexcept {
    return {detail::member_name_storage<M>::chars.data(), detail::member_name_storage<M>::parsed.size()};
}

// The class that declares the member: for an inherited member, the base (Model<Project> for
// &Project::id), because that is the member pointer's type.
template <auto M>
    requires DataMemberPointer<M>
using member_owner_t = typename detail::member_pointer_parts<decltype(M)>::owner;

// The member's declared type, without the owner: std::string for &Project::name.
template <auto M>
    requires DataMemberPointer<M>
using member_type_t = typename detail::member_pointer_parts<decltype(M)>::type;

}  // namespace drf
