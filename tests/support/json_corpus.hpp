// tests/support/json_corpus.hpp — strings that exercise every branch of drf's JSON text writers
// (drf/core/detail/json_text.hpp): each byte alone and between letters, then the hard cases by name —
// quotes, backslashes, control bytes, UTF-8 valid and not, U+2028/U+2029, a NUL, long plain runs.
#pragma once

#include <string>
#include <vector>

namespace drf_test {

inline std::vector<std::string> hostile_json_strings() {
    std::vector<std::string> out;
    for (int byte = 0; byte < 256; ++byte) {
        const char c = static_cast<char>(byte);
        out.emplace_back(1, c);
        out.push_back(std::string("a") + c + "b");
    }
    for (const char* text : {"", "plain ASCII text, the usual case", "\"quoted\"", "back\\slash", "\\\"", "tab\there",
                             "line\nbreak", "\r\n", "\x7f", "caf\xc3\xa9", "\xe6\x97\xa5\xe6\x9c\xac", "\xf0\x9f\x98\x80",
                             "\xe2\x80\xa8", "\xe2\x80\xa9", "a\xe2\x80\xa8" "b\xe2\x80\xa9" "c", "\xe2\x80",
                             "\xe2\x80\xe2\x80\xa8", "\xe2\x80\xaa", "\x80", "\xc0\xaf", "\xed\xa0\x80", "\xf4\x90\x80\x80",
                             "\xff\xfe", "caf\xc3", "\xef\xbf\xbd", "2026-01-01T00:00:00.123456Z",
                             "5f0e2b1c-0d3a-4e7b-9c1d-2a3b4c5d6e7f", "draft", "published",
                             "a long string with no escapes that runs past eight bytes",
                             "a long string that ends with a quote after many plain bytes\""})
        out.emplace_back(text);
    out.push_back(std::string("nul\0inside", 10));
    return out;
}

}  // namespace drf_test
