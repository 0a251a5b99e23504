// expect: drf_error_filter_needs_at_least_one_lookup
// A filter with an empty lookup list offers no parameter: it does not build.
#include "models/filter_project.hpp"

static constexpr auto project_filters = f::filters<Project>(f::filter<&Project::stars>({}));

int main() { return 0; }
