// expect: drf_error_filter_lists_the_same_lookup_twice
// A lookup listed twice for one field is a mistake the filter set refuses.
#include "models/filter_project.hpp"

static constexpr auto project_filters = f::filters<Project>(f::filter<&Project::stars>({gte, lte, gte}));

int main() { return 0; }
