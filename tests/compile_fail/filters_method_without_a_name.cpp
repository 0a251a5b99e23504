// expect: drf_error_method_filter_needs_a_name
// A method filter with an empty name would have no parameter: it does not build.
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
inline drf::db::QuerySet<Project> by_name(drf::db::QuerySet<Project> q, std::string) { return q; }
namespace f = drf::filters;
using namespace drf::filters::lookups;

static constexpr auto project_filters = f::filters<Project>(f::method<&by_name>(""));

int main() { return 0; }
