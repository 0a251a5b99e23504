// expect: drf_error_filter_lookup_gt_gte_lt_lte_range_do_not_apply_to_a_bool_or_uuid_field
// A range of UUIDs (owner_id__range) makes no sense: the filter set does not build.
#include "models/filter_project.hpp"

static constexpr auto project_filters = f::filters<Project>(f::filter<&Project::owner_id>({range}));

int main() { return 0; }
