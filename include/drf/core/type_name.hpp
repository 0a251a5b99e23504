// drf/core/type_name.hpp — a type's name as the compiler spells it, read from __PRETTY_FUNCTION__ at
// compile time and without namespaces: signals list as "post_save<User>", errors say "User matching
// query does not exist.", all without RTTI.
#pragma once

#include <array>
#include <cstddef>
#include <string_view>

namespace drf {

namespace detail {

// Returns const char* rather than string_view: GCC would otherwise append "; std::string_view = ..."
// to the signature and the parse below would have to know about it.
template <class T>
constexpr const char* pretty_function() noexcept {
    return __PRETTY_FUNCTION__;
}

// GCC spells it "... [with T = ns::User]", Clang "... [T = ns::User]"; both end with ']'.
// An unknown spelling yields an empty name rather than a wrong one.
constexpr std::string_view qualified_name_from(std::string_view pretty) noexcept {
    constexpr std::string_view marker = "T = ";
    const auto begin = pretty.find(marker);
    const auto end = pretty.rfind(']');
    if (begin == std::string_view::npos || end == std::string_view::npos || end < begin + marker.size()) return {};
    return pretty.substr(begin + marker.size(), end - begin - marker.size());
}

// Drops namespaces and enclosing functions ("{anonymous}::", "(anonymous namespace)::", "main()::")
// but not the qualifiers inside template arguments: "app::Box<app::Item>" becomes "Box<app::Item>".
constexpr std::string_view unqualified(std::string_view name) noexcept {
    int depth = 0;
    std::size_t start = 0;
    for (std::size_t i = 0; i < name.size(); ++i) {
        const char c = name[i];
        if (c == '<' || c == '(' || c == '[' || c == '{') {
            ++depth;
        } else if (c == '>' || c == ')' || c == ']' || c == '}') {
            --depth;
        } else if (depth == 0 && c == ':' && i + 1 < name.size() && name[i + 1] == ':') {
            start = i + 2;
            ++i;
        }
    }
    return name.substr(start);
}

// The name is copied into storage of our own: the string behind __PRETTY_FUNCTION__ belongs to a
// function that is never emitted, so nothing at run time may point into it.
template <class T>
struct type_name_storage {
    static constexpr std::string_view parsed = unqualified(qualified_name_from(pretty_function<T>()));
    static constexpr auto chars = [] {
        std::array<char, parsed.size() + 1> out{};
        for (std::size_t i = 0; i < parsed.size(); ++i) out[i] = parsed[i];
        return out;
    }();
};

}  // namespace detail

// T's name without namespaces, as the compiler spells it: "User", "Box<app::Item>"; a lambda reads
// "<lambda(int)>" on GCC and "(lambda at file.cpp:12:5)" on Clang.
template <class T>
constexpr std::string_view type_name() noexcept {
    return {detail::type_name_storage<T>::chars.data(), detail::type_name_storage<T>::parsed.size()};
}

}  // namespace drf
