// drf/openapi/detail/describe_pending.hpp — what describe.hpp needs from the serializer schemas, the
// permissions' introspection and the paginators, taken from their own headers once they exist.
#pragma once

#include <drf/core/json.hpp>
#include <drf/core/type_name.hpp>
#include <drf/http/method.hpp>

#include <stdexcept>
#include <string>
#include <string_view>

#if __has_include(<drf/openapi/components.hpp>) && __has_include(<drf/openapi/serializer.hpp>)
#include <drf/openapi/components.hpp>
#include <drf/openapi/serializer.hpp>
#define DRF_OPENAPI_HAVE_SERIALIZER_SCHEMAS 1
#else
namespace drf::openapi {
class Components {
public:
    Json add(std::string name, Json schema) {
        if (schemas_.contains(name) && schemas_[name] != schema)
            throw std::logic_error("drf::openapi::Components: two schemas named '" + name + "'");
        schemas_[name] = std::move(schema);
        return Json{{"$ref", "#/components/schemas/" + name}};
    }
    const Json& schemas() const { return schemas_; }
    bool empty() const { return schemas_.empty(); }

private:
    Json schemas_ = Json::object();
};
enum class Direction { response, request, partial };
template <class S>
constexpr std::string_view component_name() {
    return type_name<S>();
}
template <class S>
Json serializer_schema(Components& c, Direction d) {
    std::string name(component_name<S>());
    if (d == Direction::partial) name = "Patched" + name;
    return c.add(name, Json{{"type", "object"}});
}
template <class S>
Json validation_error_schema(Components& c) {
    return c.add(std::string(component_name<S>()) + "ValidationError", Json{{"type", "object"}});
}
}  // namespace drf::openapi
#endif

#if __has_include(<drf/permissions/introspect.hpp>)
#include <drf/permissions/introspect.hpp>
#define DRF_OPENAPI_HAVE_INTROSPECT 1
#else
namespace drf::permissions {
enum class Anonymous { allowed, denied, unknown };
template <class P>
constexpr Anonymous anonymous_access(const P&, http::Method) {
    return Anonymous::unknown;
}
template <class P>
constexpr bool may_deny(const P&) {
    return true;
}
}  // namespace drf::permissions
#endif
