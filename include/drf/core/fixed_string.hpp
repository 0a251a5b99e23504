// drf/core/fixed_string.hpp — a string usable as a template argument (C++20 class-type NTTP), so field
// names can be checked at compile time: model_fields<Project, "name", "nme">() fails to build.
#pragma once

#include <algorithm>
#include <cstddef>
#include <string_view>

namespace drf {

template <std::size_t N>
struct fixed_string {
    char value[N]{};
    constexpr fixed_string(const char (&text)[N]) { std::copy_n(text, N, value); }
    constexpr std::string_view view() const { return {value, N - 1}; }
    constexpr operator std::string_view() const { return view(); }
};

}  // namespace drf
