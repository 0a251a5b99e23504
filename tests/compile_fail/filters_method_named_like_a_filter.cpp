// expect: drf_error_filterset_has_two_parameters_with_the_same_name
// A method filter called like another filter's parameter (name__icontains) makes the name ambiguous.
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

static constexpr auto project_filters = f::filters<Project>(f::filter<&Project::name>({exact, icontains}), f::method<&by_name>("name__icontains"));

int main() { return 0; }
