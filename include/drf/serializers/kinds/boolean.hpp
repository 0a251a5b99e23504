// drf/serializers/kinds/boolean.hpp — DRF's BooleanField: exactly its true and false spellings, 1 and 0,
// and with allow_null its spellings of null.
#pragma once

#include <drf/core/json.hpp>
#include <drf/serializers/detail/python.hpp>
#include <drf/serializers/field.hpp>
#include <drf/serializers/kinds/step.hpp>

#include <string>
#include <string_view>

namespace drf::serializers {

struct BooleanKind {
    using value_type = bool;
    bool allow_null = false;  // set by Field::allow_null(): then "", "null", "Null", "NULL" mean null

    Step to_internal(const Json& in, bool& out, Json& slot, const Context&) const {
        switch (in.type()) {
            case Json::value_t::boolean: out = in.get<bool>(); return Step::ok;
            case Json::value_t::number_integer:
            case Json::value_t::number_unsigned:
            case Json::value_t::number_float: {
                const double d = in.get<double>();  // Python: 1 == 1.0 == True, 0 == 0.0 == False
                if (d == 1.0) { out = true; return Step::ok; }
                if (d == 0.0) { out = false; return Step::ok; }
                break;
            }
            case Json::value_t::string: {
                const std::string_view s = in.get_ref<const std::string&>();
                for (std::string_view t : {"t", "T", "y", "Y", "yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON", "1"})
                    if (s == t) { out = true; return Step::ok; }
                for (std::string_view f : {"f", "F", "n", "N", "no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF", "0"})
                    if (s == f) { out = false; return Step::ok; }
                for (std::string_view n : {"null", "Null", "NULL", ""})
                    if (allow_null && s == n) return Step::null;
                break;
            }
            default: break;
        }
        detail::add_error(slot, "Must be a valid boolean.", "invalid");
        return Step::invalid;
    }
    static void check(const bool&, Json&) {}
    static void to_representation(const bool& v, Json& out) { out = v; }
    static void append_json(const bool& v, std::string& out) {
        out += v ? std::string_view("true") : std::string_view("false");
    }
};

}  // namespace drf::serializers
