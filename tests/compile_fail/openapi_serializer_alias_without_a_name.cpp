// expect: serializer_type_has_no_plain_name.*declare it as a struct
// An alias of model_serializer<...> has no name to give its schema component: the message says how to
// give it one (a struct deriving from it, or schema_name).
#include <drf/openapi/serializer.hpp>
#include <drf/serializers.hpp>

#include <string>

struct Note : drf::models::Model<Note> {
    std::string text;
    static constexpr auto meta = drf::models::meta<Note>("notes", drf::models::field<&Note::text>());
};

using NoteInput = drf::serializers::model_serializer<Note, &Note::text>;

int main() {
    drf::openapi::Components components;
    return drf::openapi::serializer_schema<NoteInput>(components, drf::openapi::Direction::request).empty() ? 1 : 0;
}
