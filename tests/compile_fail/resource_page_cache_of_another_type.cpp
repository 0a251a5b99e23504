// expect: a viewset.s page_cache must be a drf::resources::PageCache
// A page_cache that is a number rather than a drf::resources::PageCache does not compile.
#include <drf/auth/user.hpp>
#include <drf/pagination.hpp>
#include <drf/resources.hpp>
#include <drf/serializers.hpp>

#include <cstddef>
#include <string>

struct Note : drf::models::Model<Note> {
    std::string text;
    static constexpr auto meta = drf::models::meta<Note>("notes", drf::models::field<&Note::text>());
};
struct NoteIO : drf::serializers::model_serializer<Note, &Note::text> {};
using NoteResource = drf::resources::Resource<Note, NoteIO, NoteIO, drf::pagination::CursorPagination<drf::pagination::Options{}>>;

struct NoteViewSet : drf::resources::ResourceViewSet<NoteViewSet, NoteResource> {
    using ResourceViewSet::ResourceViewSet;
    static constexpr auto conditional_requests = drf::http::ConditionalRequests{.etags = true};
    static constexpr std::size_t page_cache = 256;
    drf::http::Response list(drf::http::Request& request) { return paginate(request, objects().all()); }
};

int main() {
    drf::http::Request request;
    return NoteViewSet{}.list(request).status_code() == 200 ? 0 : 1;
}
