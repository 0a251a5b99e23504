// expect: the resource's pagination must describe itself
// A paginator of one's own without DRF's get_schema_operation_parameters and
// get_paginated_response_schema: the document cannot say what its pages look like, so registering a
// viewset over it does not build (rather than documenting a guess).
#include <drf/models.hpp>
#include <drf/resources.hpp>
#include <drf/routers.hpp>
#include <drf/serializers.hpp>

#include <string>

struct Note : drf::models::Model<Note> {
    std::string text;
    static constexpr auto meta = drf::models::meta<Note>("notes", drf::models::field<&Note::text>());
};
struct NoteOutput : drf::serializers::model_serializer<Note, &Note::id, &Note::text> {};

struct EverythingPagination {
    template <class S, class T, class Prepare>
    static drf::http::Response paginate(const drf::http::Request&, const drf::db::QuerySet<T>&, Prepare) {
        return drf::http::Response(drf::Json::array());
    }
};

using NoteResource = drf::resources::Resource<Note, NoteOutput, NoteOutput, EverythingPagination>;

struct NoteViewSet : drf::resources::ResourceViewSet<NoteViewSet, NoteResource> {
    drf::http::Response list(drf::http::Request& request) { return paginate(request, objects().all()); }
};

int main() {
    drf::routers::Router router;
    router.register_viewset<NoteViewSet>("api/notes");
    return router.endpoints().size() == 1 ? 0 : 1;
}
