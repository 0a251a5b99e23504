// drf/serializers/kinds/uuid.hpp — DRF's UUIDField: Python's uuid.UUID spellings, and integers below
// 2**128 (uuid.UUID(int=n)) — ones wider than 64 bits included; rendered as lowercase hyphenated hex.
#pragma once

#include <drf/core/json.hpp>
#include <drf/core/uuid.hpp>
#include <drf/serializers/detail/numbers.hpp>
#include <drf/serializers/field.hpp>
#include <drf/serializers/kinds/step.hpp>

#include <cstdint>
#include <string>

namespace drf::serializers {

struct UuidKind {
    using value_type = Uuid;

    Step to_internal(const Json& in, Uuid& out, Json& slot, const Context&) const {
        if (in.is_string()) {
            if (auto u = parse_uuid(in.get_ref<const std::string&>())) {
                out = *u;
                return Step::ok;
            }
        } else if (in.is_boolean() || in.is_number_unsigned() || (in.is_number_integer() && in.get<std::int64_t>() >= 0)) {
            // uuid.UUID(int=n): the integer's 128 bits, big-endian (a bool is an int in Python)
            out = from_int(in.is_boolean() ? (in.get<bool>() ? 1U : 0U) : in.get<std::uint64_t>());
            return Step::ok;
        } else if (const auto digits = json_big_integer_text(in)) {
            detail::wide_uint n = 0;
            if (detail::parse_uint128(*digits, n)) {  // no '-' and below 2**128
                out = from_int(n);
                return Step::ok;
            }
        }
        detail::add_error(slot, "Must be a valid UUID.", "invalid");
        return Step::invalid;
    }
    static void check(const Uuid&, Json&) {}
    static void to_representation(const Uuid& v, Json& out) { out = to_string(v); }
    static Uuid from_int(detail::wide_uint n) {
        Uuid u{};
        for (int i = 15; i >= 0; --i) {
            u.data[i] = static_cast<std::uint8_t>(n & 0xff);
            n >>= 8;
        }
        return u;
    }
    // Hex digits and hyphens: nothing to escape.
    static void append_json(const Uuid& v, std::string& out) {
        out += '"';
        append_uuid(out, v);
        out += '"';
    }
};

}  // namespace drf::serializers
