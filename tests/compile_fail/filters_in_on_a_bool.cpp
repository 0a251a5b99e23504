// expect: drf_error_filter_lookup_in_does_not_apply_to_a_bool_field
// archived__in (django-filter would take it and never filter) does not build.
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

namespace f = drf::filters;
using namespace drf::filters::lookups;

static constexpr auto project_filters = f::filters<Project>(f::filter<&Project::archived>({in}));

int main() { return 0; }
