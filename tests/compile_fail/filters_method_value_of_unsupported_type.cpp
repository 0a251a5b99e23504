// expect: the function's value is a bool, an integer, a double
// A method filter's value must be a type the filter can read from the query string.
#include <drf/filters/filterset.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

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
inline drf::db::QuerySet<Project> by_tags(drf::db::QuerySet<Project> q, std::vector<int>) { return q; }
namespace f = drf::filters;
using namespace drf::filters::lookups;

static constexpr auto project_filters = f::filters<Project>(f::method<&by_tags>("tags"));

int main() { return 0; }
