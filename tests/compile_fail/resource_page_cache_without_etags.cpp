// expect: page_cache needs conditional_requests with \.etags = true
// A list viewset with a page cache but no ETags does not compile: nothing would tell a cached page stale.
#include <drf/pagination.hpp>
#include <drf/resources.hpp>
#include <drf/serializers.hpp>

#include <string>

struct Note : drf::models::Model<Note> {
    std::string text;
    static constexpr auto meta = drf::models::meta<Note>("notes", drf::models::field<&Note::text>());
};
struct NoteIO : drf::serializers::model_serializer<Note, &Note::text> {};
using NoteResource = drf::resources::Resource<Note, NoteIO, NoteIO, drf::pagination::CursorPagination<drf::pagination::Options{}>>;

struct NoteViewSet : drf::resources::ResourceViewSet<NoteViewSet, NoteResource> {
    using ResourceViewSet::ResourceViewSet;
    static constexpr auto page_cache = drf::resources::PageCache{};
    drf::http::Response list(drf::http::Request& request) { return paginate(request, objects().all()); }
};

int main() {
    drf::http::Request request;
    return NoteViewSet{}.list(request).status_code() == 200 ? 0 : 1;
}
