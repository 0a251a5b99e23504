// expect: drf_error_filterset_has_two_parameters_with_the_same_name
// Two filters on one field offering the same lookup give two parameters one name.
#include "models/filter_project.hpp"

static constexpr auto project_filters = f::filters<Project>(f::filter<&Project::name>(), f::filter<&Project::name>({exact, icontains}));

int main() { return 0; }
