// expect: drf_error_filter_lookup_isnull_needs_a_nullable_field_std_optional
// isnull on a field that cannot be null (name is not a std::optional) does not build.
#include "models/filter_project.hpp"

static constexpr auto project_filters = f::filters<Project>(f::filter<&Project::name>({isnull}));

int main() { return 0; }
