// expect: drf_error_filter_member_is_not_a_field_of_the_models_meta
// A filter on a member that is not in the model's meta has no column: it does not build.
#include "models/filter_project.hpp"

static constexpr auto project_filters = f::filters<Project>(f::filter<&Project::not_a_field>());

int main() { return 0; }
