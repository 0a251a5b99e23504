// tests/compile_fail/models/filter_project.hpp — the model the filter-set compile-fail tests declare
// their filters on: a text, a bool, a UUID, an integer and a nullable field, and a member the meta
// does not list.
#pragma once

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


namespace f = drf::filters;
using namespace drf::filters::lookups;
