// tests/fuzz/fuzz.hpp — what every harness shares: the libFuzzer entry point's declaration, the input as
// text, and how a harness reports a broken property (a message, then abort(), which libFuzzer and the
// replay runner both count as a crash).
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);

namespace drf_fuzz {

inline std::string_view as_text(const std::uint8_t* data, std::size_t size) noexcept {
    return size == 0 ? std::string_view() : std::string_view(reinterpret_cast<const char*>(data), size);
}

[[noreturn]] inline void fail(std::string_view what, std::string_view detail = {}) noexcept {
    std::fputs("drf fuzz: ", stderr);
    std::fwrite(what.data(), 1, what.size(), stderr);
    if (!detail.empty()) {
        std::fputs(": ", stderr);
        std::fwrite(detail.data(), 1, detail.size(), stderr);  // written whole: it may hold NULs
    }
    std::fputc('\n', stderr);
    std::abort();
}

inline void require(bool holds, std::string_view property, std::string_view detail = {}) noexcept {
    if (!holds) fail(property, detail);
}

}  // namespace drf_fuzz
