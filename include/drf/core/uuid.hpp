// drf/core/uuid.hpp — drf::Uuid (Boost.uuid): random v4 ids, canonical text, and parsing as DRF's UUIDField accepts it.
#pragma once

#include <drf/core/detail/strings.hpp>

#include <boost/uuid/detail/random_provider.hpp>
#include <boost/uuid/uuid.hpp>

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace drf {

using Uuid = boost::uuids::uuid;

// A random (version 4) UUID from the operating system's random source, as Python's uuid.uuid4().
// Random bytes are drawn 4 KiB at a time into a per-thread buffer: one getrandom() call per 256 ids
// instead of one per id, with no lock and the same entropy source.
inline Uuid uuid4() {
    constexpr std::size_t batch = 256;
    thread_local std::array<Uuid, batch> pool;
    thread_local std::size_t next = batch;
    if (next == batch) {
        thread_local boost::uuids::detail::random_provider provider;
        provider.get_random_bytes(pool.data(), sizeof pool);
        next = 0;
    }
    Uuid u = pool[next++];
    u.data[6] = static_cast<std::uint8_t>((u.data[6] & 0x0f) | 0x40);  // version 4
    u.data[8] = static_cast<std::uint8_t>((u.data[8] & 0x3f) | 0x80);  // RFC 4122 variant
    return u;
}

// The nil UUID (all zero bits).
constexpr Uuid nil_uuid() noexcept { return Uuid{}; }

// Canonical lowercase hyphenated form, 36 characters: "5f0e…-…" (DRF's 'hex_verbose').
inline std::array<char, 36> format_uuid(const Uuid& u) noexcept {
    constexpr char digits[] = "0123456789abcdef";
    std::array<char, 36> buf{};
    std::size_t pos = 0;
    for (std::size_t i = 0; i < 16; ++i) {
        if (i == 4 || i == 6 || i == 8 || i == 10) buf[pos++] = '-';
        buf[pos++] = digits[u.data[i] >> 4];
        buf[pos++] = digits[u.data[i] & 0x0f];
    }
    return buf;
}

inline void append_uuid(std::string& out, const Uuid& u) {
    const auto buf = format_uuid(u);
    out.append(buf.data(), buf.size());
}

inline std::string to_string(const Uuid& u) {
    std::string out;
    out.reserve(36);
    append_uuid(out, u);
    return out;
}

namespace detail {
// A byte's hex value as the high and as the low nibble of a byte; 0x100 for a byte that is not a hex
// digit, so OR-ing what was read shows a bad digit in bit 8 without a branch per character.
inline constexpr auto hex_nibbles = [](unsigned shift) {
    std::array<std::uint16_t, 256> table{};
    for (int c = 0; c < 256; ++c) {
        const int v = hex_value(static_cast<char>(c));
        table[static_cast<std::size_t>(c)] = static_cast<std::uint16_t>(v < 0 ? 0x100 : v << shift);
    }
    return table;
};
inline constexpr std::array<std::uint16_t, 256> high_nibbles = hex_nibbles(4);
inline constexpr std::array<std::uint16_t, 256> low_nibbles = hex_nibbles(0);

// Where byte i's two digits start in the canonical form: after 2i digits and the hyphens before it.
constexpr std::size_t canonical_digit(std::size_t i) noexcept {
    return 2 * i + (i >= 4 ? 1 : 0) + (i >= 6 ? 1 : 0) + (i >= 8 ? 1 : 0) + (i >= 10 ? 1 : 0);
}

// The sixteen bytes, one expression each (the pack expansion unrolls them); returns the OR of
// everything read, bit 8 set if any digit was bad.
template <std::size_t... I>
constexpr unsigned read_canonical_bytes(std::string_view text, Uuid& u, std::index_sequence<I...>) noexcept {
    const unsigned values[] = {static_cast<unsigned>(high_nibbles[static_cast<unsigned char>(text[canonical_digit(I)])] |
                                                     low_nibbles[static_cast<unsigned char>(text[canonical_digit(I) + 1])])...};
    ((u.data[I] = static_cast<std::uint8_t>(values[I])), ...);
    return (0U | ... | values[I]);
}

// The canonical form only — 36 characters, 8-4-4-4-12 hex digits of either case with hyphens between —
// which is what drf writes and nearly every client sends: two table lookups per byte, no loop. nullopt
// for anything else, including text that parse_uuid_general would accept.
constexpr std::optional<Uuid> parse_canonical_uuid(std::string_view text) noexcept {
    if (text.size() != 36 || text[8] != '-' || text[13] != '-' || text[18] != '-' || text[23] != '-') return std::nullopt;
    Uuid u{};
    if ((read_canonical_bytes(text, u, std::make_index_sequence<16>{}) & 0x100) != 0) return std::nullopt;
    return u;
}

// Everything Python's uuid.UUID(hex=...) accepts: 32 hex digits with any hyphens, optionally inside
// braces and/or after "urn:uuid:", any case.
constexpr std::optional<Uuid> parse_uuid_general(std::string_view text) noexcept {
    constexpr std::string_view urn = "urn:uuid:";
    if (starts_with_icase(text, urn)) text.remove_prefix(urn.size());
    // Python strips braces with str.strip('{}'): any number at either end.
    while (!text.empty() && (text.front() == '{' || text.front() == '}')) text.remove_prefix(1);
    while (!text.empty() && (text.back() == '{' || text.back() == '}')) text.remove_suffix(1);
    Uuid u{};
    std::size_t nibbles = 0;
    for (char c : text) {
        if (c == '-') continue;
        const int v = hex_value(c);
        if (v < 0 || nibbles == 32) return std::nullopt;
        if (nibbles % 2 == 0)
            u.data[nibbles / 2] = static_cast<std::uint8_t>(v << 4);
        else
            u.data[nibbles / 2] = static_cast<std::uint8_t>(u.data[nibbles / 2] | v);
        ++nibbles;
    }
    if (nibbles != 32) return std::nullopt;
    return u;
}
}  // namespace detail

// Parses what Python's uuid.UUID(hex=...) accepts, which is what DRF's UUIDField accepts:
// 32 hex digits with any hyphens, optionally inside braces and/or after "urn:uuid:", any case.
// Returns nullopt for anything else. The canonical 36-character form takes a fast path; the rest,
// and any canonical-length text it refuses, the general one (which refuses it too: tests/core).
constexpr std::optional<Uuid> parse_uuid(std::string_view text) noexcept {
    if (auto u = detail::parse_canonical_uuid(text)) return u;
    return detail::parse_uuid_general(text);
}

}  // namespace drf
