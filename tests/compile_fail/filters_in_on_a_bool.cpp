// expect: drf_error_filter_lookup_in_does_not_apply_to_a_bool_field
// archived__in (django-filter would take it and never filter) does not build.
#include "models/filter_project.hpp"

static constexpr auto project_filters = f::filters<Project>(f::filter<&Project::archived>({in}));

int main() { return 0; }
