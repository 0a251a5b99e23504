// expect: field_kind_has_no_schema<Base64Kind>
// A field kind drf has no JSON Schema for, and that gives none with openapi_schema(), does not compile
// into a document: the message names the kind.
#include <drf/openapi/serializer.hpp>

#include <string>

// A user-defined kind: a CharField that also decodes base64, without openapi_schema().
struct Base64Kind : drf::serializers::CharKind {};

struct Blob {
    std::string data;
};

struct BlobSerializer {
    static constexpr auto fields = drf::serializers::fields(drf::serializers::make_field<Base64Kind>("data", &Blob::data));
};

int main() {
    drf::openapi::Components components;
    return drf::openapi::serializer_schema<BlobSerializer>(components, drf::openapi::Direction::request).empty() ? 1 : 0;
}
