// expect: drf_error_filter_needs_at_least_one_lookup
// A filter with an empty lookup list offers no parameter: it does not build.
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

static constexpr auto project_filters = f::filters<Project>(f::filter<&Project::stars>({}));

int main() { return 0; }
