// drf/serializers/kinds/datetime.hpp — DRF's DateTimeField: Django's parse_datetime in (converted to
// UTC, range-checked), DRF's ISO 8601 rendering out.
#pragma once

#include <drf/core/datetime.hpp>
#include <drf/core/json.hpp>
#include <drf/serializers/field.hpp>
#include <drf/serializers/kinds/step.hpp>

#include <string>

namespace drf::serializers {

struct DateTimeKind {
    using value_type = DateTime;

    Step to_internal(const Json& in, DateTime& out, Json& slot, const Context&) const {
        if (in.is_string()) {
            ParsedDateTime parsed = read_datetime(in.get_ref<const std::string&>());
            if (parsed.error == ParsedDateTime::Error::none) {
                out = parsed.value;
                return Step::ok;
            }
            if (parsed.error == ParsedDateTime::Error::range) {
                detail::add_error(slot, "Datetime value out of range.", "overflow");
                return Step::invalid;
            }
        }
        detail::add_error(slot,
                          "Datetime has wrong format. Use one of these formats instead: "
                          "YYYY-MM-DDThh:mm[:ss[.uuuuuu]][+HH:MM|-HH:MM|Z].",
                          "invalid");
        return Step::invalid;
    }
    static void check(const DateTime&, Json&) {}
    static void to_representation(const DateTime& v, Json& out) {
        if (v.is_special()) {
            out = nullptr;
            return;
        }
        std::string s;
        s.reserve(27);
        append_datetime(s, v);
        out = std::move(s);
    }
    // Digits, '-', ':', '.', 'T' and 'Z': nothing to escape.
    static void append_json(const DateTime& v, std::string& out) {
        if (v.is_special()) {
            out += "null";
            return;
        }
        out += '"';
        append_datetime(out, v);
        out += '"';
    }
};

}  // namespace drf::serializers
