// drf/http/detail/json_writer.hpp — Response::content()'s writer: a Json value as compact text, byte for
// byte what nlohmann's dump(-1, ' ', false, replace) writes (then with U+2028/U+2029 escaped), without
// nlohmann's character-by-character escaping pass over text that needs none. The serializers' text
// rendering (render_to, drf/serializers/engine.hpp) writes its strings and fallbacks with it too.
//
// Why: dump() was a fifth of a 25-item page's request. Why it is not a second JSON serializer: it only
// writes the structure (braces, commas, colons), literals and integers, and copies a string verbatim
// only when every byte is printable ASCII other than '"' and '\\' — text nlohmann copies verbatim too.
// Every other string (control bytes, non-ASCII, invalid UTF-8) and every floating-point number, binary
// or discarded value is written by nlohmann itself, one value at a time, so escaping, UTF-8 replacement
// and number formatting stay nlohmann's. tests/http/json_writer_test.cpp compares the two byte for byte.
#pragma once

#include <drf/core/json.hpp>

#include <algorithm>
#include <charconv>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <utility>

namespace drf::http::detail {

// True when nlohmann writes `s` unchanged between its quotes: printable ASCII (0x20..0x7E) only, no '"'
// and no '\\'. Eight bytes at a time: each test below is non-zero exactly when some byte fails it.
inline bool is_verbatim_json_string(std::string_view s) noexcept {
    constexpr std::uint64_t ones = 0x0101010101010101ULL;
    constexpr std::uint64_t highs = 0x8080808080808080ULL;
    const auto has_zero_byte = [](std::uint64_t v) { return (v - ones) & ~v & highs; };
    const auto bad_in = [&](std::uint64_t w) {
        return (w & highs)                        // 0x80..0xFF: not ASCII
               | ((w - ones * 0x20) & ~w & highs)  // below 0x20: a control byte
               | has_zero_byte(w ^ (ones * 0x7f)) | has_zero_byte(w ^ (ones * '"')) | has_zero_byte(w ^ (ones * '\\'));
    };
    const std::size_t n = s.size();
    if (n < 8) {
        bool verbatim = true;
        for (const char ch : s) {
            const auto c = static_cast<unsigned char>(ch);
            verbatim &= static_cast<unsigned char>(c - 0x20) < 0x5f && c != '"' && c != '\\';
        }
        return verbatim;
    }
    std::uint64_t bad = 0;
    std::uint64_t w = 0;
    for (std::size_t i = 0; i + 8 <= n; i += 8) {
        std::memcpy(&w, s.data() + i, 8);
        bad |= bad_in(w);
    }
    std::memcpy(&w, s.data() + n - 8, 8);  // the last 8 bytes (overlapping the loop's: n need not be a multiple)
    bad |= bad_in(w);
    return bad == 0;
}

// nlohmann's text for one value, with U+2028 and U+2029 escaped as DRF's JSONRenderer does
// (nlohmann leaves them as UTF-8, which is valid JSON but not valid JavaScript).
inline std::string nlohmann_text(const Json& value) {
    std::string out = value.dump(-1, ' ', false, Json::error_handler_t::replace);
    for (std::size_t at = out.find("\xe2\x80"); at != std::string::npos; at = out.find("\xe2\x80", at + 1)) {
        if (at + 2 < out.size() && (out[at + 2] == '\xa8' || out[at + 2] == '\xa9')) {
            const char* escaped = out[at + 2] == '\xa8' ? "\\u2028" : "\\u2029";
            out.replace(at, 3, escaped);
        }
    }
    return out;
}

// Writes into a string sized ahead (estimated_size), growing it only when a guess was short.
class JsonWriter {
public:
    explicit JsonWriter(std::size_t capacity) {
        out_.resize(std::max<std::size_t>(capacity, 16));
        at_ = out_.data();
    }
    // Continues `text`: what is written goes after what it holds.
    JsonWriter(std::string text, std::size_t capacity) : out_(std::move(text)) {
        const std::size_t used = out_.size();
        out_.resize(used + std::max<std::size_t>(capacity, 16));
        at_ = out_.data() + used;
    }

    // The text written, and the string it is in.
    std::string finish() && {
        out_.resize(static_cast<std::size_t>(at_ - out_.data()));
        return std::move(out_);
    }

    void write(const Json& j) {
        switch (j.type()) {
            case Json::value_t::object: {
                const auto& object = *j.get_ptr<const Json::object_t*>();
                put('{');
                bool first = true;
                for (const auto& [key, value] : object) {
                    if (!first) put(',');
                    first = false;
                    if (is_verbatim_json_string(key)) {
                        char* d = claim(key.size() + 3);
                        *d++ = '"';
                        std::memcpy(d, key.data(), key.size());
                        d[key.size()] = '"';
                        d[key.size() + 1] = ':';
                    } else {
                        put(nlohmann_text(Json(key)));
                        put(':');
                    }
                    write(value);
                }
                put('}');
                return;
            }
            case Json::value_t::array: {
                const auto& array = *j.get_ptr<const Json::array_t*>();
                put('[');
                bool first = true;
                for (const auto& element : array) {
                    if (!first) put(',');
                    first = false;
                    write(element);
                }
                put(']');
                return;
            }
            case Json::value_t::string: {
                const auto& s = *j.get_ptr<const Json::string_t*>();
                if (is_verbatim_json_string(s)) {
                    char* d = claim(s.size() + 2);
                    *d++ = '"';
                    std::memcpy(d, s.data(), s.size());
                    d[s.size()] = '"';
                } else {
                    put(nlohmann_text(j));
                }
                return;
            }
            case Json::value_t::boolean:
                put(*j.get_ptr<const Json::boolean_t*>() ? std::string_view("true") : std::string_view("false"));
                return;
            case Json::value_t::null:
                put(std::string_view("null"));
                return;
            case Json::value_t::number_integer:
                put_integer(*j.get_ptr<const Json::number_integer_t*>());
                return;
            case Json::value_t::number_unsigned:
                put_integer(*j.get_ptr<const Json::number_unsigned_t*>());
                return;
            case Json::value_t::number_float:  // nlohmann's shortest round-trip form: 0.1, 1e+300, -0.0, null for NaN
            case Json::value_t::binary:
            case Json::value_t::discarded:
                break;
        }
        put(nlohmann_text(j));
    }

    // Room for the text of `j` when its strings are verbatim: exact for strings, keys and structure, 20
    // characters for any other scalar. A value nlohmann writes may need more; the writer then grows.
    static std::size_t estimated_size(const Json& j) noexcept {
        switch (j.type()) {
            case Json::value_t::object: {
                std::size_t n = 2;
                for (const auto& [key, value] : *j.get_ptr<const Json::object_t*>()) n += key.size() + 4 + estimated_size(value);
                return n;
            }
            case Json::value_t::array: {
                std::size_t n = 2;
                for (const auto& element : *j.get_ptr<const Json::array_t*>()) n += 1 + estimated_size(element);
                return n;
            }
            case Json::value_t::string:
                return j.get_ptr<const Json::string_t*>()->size() + 2;
            default:
                return 20;
        }
    }

private:
    // `n` bytes of room at the write position, returned and passed over.
    char* claim(std::size_t n) {
        if (static_cast<std::size_t>(out_.data() + out_.size() - at_) < n) grow(n);
        char* d = at_;
        at_ += n;
        return d;
    }
    void grow(std::size_t n) {
        const auto used = static_cast<std::size_t>(at_ - out_.data());
        out_.resize(std::max(out_.size() * 2, used + n));
        at_ = out_.data() + used;
    }
    void put(char c) { *claim(1) = c; }
    void put(std::string_view s) { std::memcpy(claim(s.size()), s.data(), s.size()); }
    template <class Integer>
    void put_integer(Integer value) {
        char* d = claim(20);  // the longest 64-bit integer, int64 min, is 20 characters
        const auto result = std::to_chars(d, d + 20, value);
        at_ = result.ptr;  // gives back what the number did not use
    }

    std::string out_;
    char* at_ = nullptr;
};

// The whole body: what content() sends.
inline std::string dump_json(const Json& j) {
    JsonWriter writer(JsonWriter::estimated_size(j));
    writer.write(j);
    return std::move(writer).finish();
}

// Appends to `out` the text dump_json(j) returns.
inline void append_json(std::string& out, const Json& j) {
    JsonWriter writer(std::move(out), JsonWriter::estimated_size(j));
    writer.write(j);
    out = std::move(writer).finish();
}

// Appends `s` as a JSON string, the bytes dump_json(Json(s)) returns: copied between quotes when
// nothing in it needs escaping, else written by nlohmann.
inline void append_json_string(std::string& out, std::string_view s) {
    if (is_verbatim_json_string(s)) {
        out += '"';
        out += s;
        out += '"';
    } else {
        out += nlohmann_text(Json(s));
    }
}

}  // namespace drf::http::detail
