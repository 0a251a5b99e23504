// expect: method_field_result_has_no_schema<
// A method field whose callable returns drf::Json has no type to document: it must return a typed value.
#include <drf/openapi/serializer.hpp>

#include <string>

struct Note {
    std::string text;
};

struct NoteOutput {
    static constexpr auto fields = drf::serializers::fields(
        drf::serializers::method_field<Note>("meta", [](const Note& n) { return drf::Json{{"length", n.text.size()}}; }));
};

int main() {
    drf::openapi::Components components;
    return drf::openapi::serializer_schema<NoteOutput>(components, drf::openapi::Direction::response).empty() ? 1 : 0;
}
