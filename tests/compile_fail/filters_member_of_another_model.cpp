// expect: every filter is on a member of T
// A filter on another model's member in a filter set for Project does not build.
#include <drf/filters/filterset.hpp>

#include <cstdint>
#include <optional>
#include <string>

struct Project : drf::models::Model<Project> {
    std::string name;
    bool archived = false;
    drf::Uuid owner_id;
    std::int64_t stars = 0;
    std::optional<std::string> note;
    int not_a_field = 0;
    static constexpr auto meta = drf::models::meta<Project>(
        "projects", drf::models::field<&Project::name>(), drf::models::field<&Project::archived>(),
        drf::models::field<&Project::owner_id>(), drf::models::field<&Project::stars>(),
        drf::models::field<&Project::note>());
};
struct Other : drf::models::Model<Other> { std::string title; static constexpr auto meta = drf::models::meta<Other>("others", drf::models::field<&Other::title>()); };
namespace f = drf::filters;
using namespace drf::filters::lookups;

static constexpr auto project_filters = f::filters<Project>(f::filter<&Other::title>());

int main() { return 0; }
