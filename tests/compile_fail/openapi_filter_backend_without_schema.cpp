// expect: filter_backends must list its query parameters
// A filter backend of one's own that filters but does not say which query parameters it reads (DRF's
// get_schema_operation_parameters): the document would miss them, so registering the viewset does not
// build.
#include <drf/filters.hpp>
#include <drf/models.hpp>
#include <drf/pagination.hpp>
#include <drf/resources.hpp>
#include <drf/routers.hpp>
#include <drf/serializers.hpp>

#include <string>

struct Note : drf::models::Model<Note> {
    std::string text;
    static constexpr auto meta = drf::models::meta<Note>("notes", drf::models::field<&Note::text>());
};
struct NoteOutput : drf::serializers::model_serializer<Note, &Note::id, &Note::text> {};

struct MineOnly {
    template <class T>
    drf::db::QuerySet<T> filter_queryset(const drf::http::Request&, drf::db::QuerySet<T> query) const {
        return query;
    }
};

using NoteResource = drf::resources::Resource<Note, NoteOutput, NoteOutput, drf::pagination::PageNumberPagination<>>;

struct NoteViewSet : drf::resources::ResourceViewSet<NoteViewSet, NoteResource> {
    static constexpr auto filter_backends = drf::filters::backends(MineOnly{});
    drf::http::Response list(drf::http::Request& request) {
        return paginate(request, filter_queryset(request, objects().all()));
    }
};

int main() {
    drf::routers::Router router;
    router.register_viewset<NoteViewSet>("api/notes");
    return router.endpoints().size() == 1 ? 0 : 1;
}
