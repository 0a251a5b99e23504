// drf/pagination/detail/cursor_codec.hpp — the cursor's wire form: a compact binary payload (version,
// direction, ordering tag, typed position values) followed by a truncated HMAC-SHA-256, in URL-safe
// base64. Decoding checks the MAC before reading a byte of the payload, and reads it with bounds
// checks throughout, so a forged, truncated or garbled cursor is simply "invalid".
#pragma once

#include <drf/core/crypto.hpp>
#include <drf/core/date.hpp>
#include <drf/core/datetime.hpp>
#include <drf/core/decimal.hpp>
#include <drf/core/uuid.hpp>
#include <drf/db/value.hpp>

#include <cstdint>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace drf::pagination::detail {

inline constexpr std::uint8_t cursor_version = 1;
inline constexpr std::size_t mac_size = 16;  // 128 bits of HMAC-SHA-256: forging takes 2^128 tries

// next: rows after the position; previous: rows before it; previous_inclusive: rows up to and including it.
enum class Direction : std::uint8_t { next = 'n', previous = 'p', previous_inclusive = 'P' };

struct Position {
    Direction direction = Direction::next;
    std::uint32_t ordering_tag = 0;  // which ordering the cursor was minted for
    std::vector<db::Value> key;      // ordering values, then id
};

inline void put_u64(std::string& out, std::uint64_t v) {
    for (int i = 7; i >= 0; --i) out += static_cast<char>((v >> (i * 8)) & 0xff);
}
inline std::uint64_t get_u64(const unsigned char* p) {
    std::uint64_t v = 0;
    for (int i = 0; i < 8; ++i) v = (v << 8) | p[i];
    return v;
}

// The one text a Decimal, Date or Time position is written as, and the only one it is read back from.
inline std::string position_text(const Decimal& d) { return d.to_string(); }
inline std::string position_text(const Date& d) { return to_iso8601(d); }
inline std::string position_text(const Time& t) { return to_iso8601(t); }

inline std::string encode_payload(const Position& pos) {
    std::string out;
    out.reserve(64);
    out += static_cast<char>(cursor_version);
    out += static_cast<char>(pos.direction);
    for (int i = 3; i >= 0; --i) out += static_cast<char>((pos.ordering_tag >> (i * 8)) & 0xff);
    for (const auto& v : pos.key) {
        std::visit(
            [&](const auto& x) {
                using X = std::decay_t<decltype(x)>;
                if constexpr (std::is_same_v<X, std::nullptr_t>) {
                    out += 'z';
                } else if constexpr (std::is_same_v<X, bool>) {
                    out += 'b';
                    out += x ? '\1' : '\0';
                } else if constexpr (std::is_same_v<X, std::int64_t>) {
                    out += 'i';
                    put_u64(out, static_cast<std::uint64_t>(x));
                } else if constexpr (std::is_same_v<X, double>) {
                    out += 'f';
                    std::uint64_t bits = 0;
                    std::memcpy(&bits, &x, sizeof bits);
                    put_u64(out, bits);
                } else if constexpr (std::is_same_v<X, std::string>) {
                    out += 's';
                    put_u64(out, x.size());
                    out += x;
                } else if constexpr (std::is_same_v<X, Uuid>) {
                    out += 'u';
                    out.append(reinterpret_cast<const char*>(x.data), 16);
                } else if constexpr (std::is_same_v<X, Decimal> || std::is_same_v<X, Date> || std::is_same_v<X, Time>) {
                    // Their exact text, read back with the type's own parser.
                    const std::string text = position_text(x);
                    out += std::is_same_v<X, Decimal> ? 'd' : std::is_same_v<X, Date> ? 'D' : 'T';
                    put_u64(out, text.size());
                    out += text;
                } else if constexpr (std::is_same_v<X, Duration>) {
                    out += 'r';
                    put_u64(out, static_cast<std::uint64_t>(x.total_microseconds()));
                } else {
                    out += 't';
                    put_u64(out, static_cast<std::uint64_t>(to_unix_micros(x)));
                }
            },
            v);
    }
    return out;
}

inline std::optional<Position> decode_payload(std::string_view bytes) {
    const auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
    const std::size_t n = bytes.size();
    if (n < 6 || p[0] != cursor_version || (p[1] != 'n' && p[1] != 'p' && p[1] != 'P')) return std::nullopt;
    Position pos;
    pos.direction = static_cast<Direction>(p[1]);
    pos.ordering_tag = (std::uint32_t{p[2]} << 24) | (std::uint32_t{p[3]} << 16) | (std::uint32_t{p[4]} << 8) | p[5];
    std::size_t i = 6;
    auto need = [&](std::size_t k) { return n - i >= k; };
    while (i < n) {
        const unsigned char tag = p[i++];
        switch (tag) {
            case 'z': pos.key.emplace_back(nullptr); break;
            case 'b':
                if (!need(1) || p[i] > 1) return std::nullopt;
                pos.key.emplace_back(p[i++] == 1);
                break;
            case 'i':
                if (!need(8)) return std::nullopt;
                pos.key.emplace_back(static_cast<std::int64_t>(get_u64(p + i)));
                i += 8;
                break;
            case 'f': {
                if (!need(8)) return std::nullopt;
                const std::uint64_t bits = get_u64(p + i);
                double d = 0;
                std::memcpy(&d, &bits, sizeof d);
                pos.key.emplace_back(d);
                i += 8;
                break;
            }
            case 's': {
                if (!need(8)) return std::nullopt;
                const std::uint64_t len = get_u64(p + i);
                i += 8;
                if (!need(len)) return std::nullopt;
                pos.key.emplace_back(std::string(bytes.substr(i, len)));
                i += len;
                break;
            }
            case 'u': {
                if (!need(16)) return std::nullopt;
                Uuid u{};
                std::memcpy(u.data, p + i, 16);
                pos.key.emplace_back(u);
                i += 16;
                break;
            }
            case 't': {
                if (!need(8)) return std::nullopt;
                const auto micros = static_cast<std::int64_t>(get_u64(p + i));
                // Outside Boost.date_time's range (years 1400..9999) cannot be a real position.
                if (micros < -17987443200000000LL || micros > 253402300799999999LL) return std::nullopt;
                pos.key.emplace_back(from_unix_micros(micros));
                i += 8;
                break;
            }
            case 'd':
            case 'D':
            case 'T': {
                if (!need(8)) return std::nullopt;
                const std::uint64_t len = get_u64(p + i);
                i += 8;
                if (!need(len)) return std::nullopt;
                const std::string_view text = bytes.substr(i, len);
                i += len;
                // Only the text encode_payload writes: the parsers also take surrounding space and
                // other spellings, and one position must have exactly one cursor.
                auto keep = [&](const auto& parsed) {
                    if (!parsed || position_text(*parsed) != text) return false;
                    pos.key.emplace_back(*parsed);
                    return true;
                };
                const bool kept = tag == 'd' ? keep(parse_decimal(text)) : tag == 'D' ? keep(parse_date(text)) : keep(parse_time(text));
                if (!kept) return std::nullopt;
                break;
            }
            case 'r': {
                if (!need(8)) return std::nullopt;
                pos.key.emplace_back(Duration(boost::posix_time::microseconds(static_cast<std::int64_t>(get_u64(p + i)))));
                i += 8;
                break;
            }
            default: return std::nullopt;
        }
    }
    return pos;
}

inline std::string mac(std::string_view secret, std::string_view payload) {
    const auto digest = crypto::hmac_sha256(secret, payload);
    return std::string(reinterpret_cast<const char*>(digest.data()), mac_size);
}

inline std::string encode_cursor(const Position& pos, std::string_view secret) {
    std::string payload = encode_payload(pos);
    payload += mac(secret, payload);
    return crypto::base64url_encode(payload);
}

// Decodes a cursor signed with any of `secrets` (the current one first, then those being retired).
template <class Secrets>
std::optional<Position> decode_cursor(std::string_view text, const Secrets& secrets) {
    if (text.size() > 4096) return std::nullopt;
    const auto raw = crypto::base64url_decode(text);
    if (!raw || raw->size() < mac_size + 6) return std::nullopt;
    const std::string_view payload = std::string_view(*raw).substr(0, raw->size() - mac_size);
    const std::string_view given = std::string_view(*raw).substr(raw->size() - mac_size);
    for (const auto& secret : secrets) {
        if (crypto::equal_digests(mac(secret, payload), given)) return decode_payload(payload);
    }
    return std::nullopt;
}

}  // namespace drf::pagination::detail
