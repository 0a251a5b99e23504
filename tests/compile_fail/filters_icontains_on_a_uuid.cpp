// expect: drf_error_filter_lookup_iexact_contains_startswith_endswith_need_a_text_field
// A text lookup on a UUID field (owner_id__icontains) does not build.
#include "models/filter_project.hpp"

static constexpr auto project_filters = f::filters<Project>(f::filter<&Project::owner_id>({icontains}));

int main() { return 0; }
