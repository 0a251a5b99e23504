// expect: schema_name must be letters, digits
// OpenAPI allows only letters, digits, '.', '-' and '_' in a component's name.
#include <drf/openapi/serializer.hpp>

#include <string>
#include <string_view>

struct Note {
    std::string text;
};

struct NoteSerializer {
    static constexpr std::string_view schema_name = "Note Input";
    static constexpr auto fields = drf::serializers::fields(drf::serializers::char_field<&Note::text>());
};

int main() { return drf::openapi::component_name<NoteSerializer>().empty() ? 1 : 0; }
