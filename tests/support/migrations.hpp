// tests/support/migrations.hpp — a model's table as an older version of the model had it, for tests
// whose history adds the other columns later.
#pragma once

#include <drf/migrations.hpp>

#include <algorithm>
#include <set>
#include <string>
#include <vector>

namespace test_support {

// The table from_model<T>() describes, cut to `keep` (and id and the timestamps), with the indexes on
// kept columns only.
inline drf::migrations::CreateTable only(drf::migrations::CreateTable table, const std::set<std::string>& keep) {
    namespace mig = drf::migrations;
    std::vector<mig::Column> columns;
    for (auto& c : table.columns)
        if (keep.count(c.name) || c.name == "id" || c.name == "created_at" || c.name == "updated_at") columns.push_back(c);
    std::vector<mig::Index> indexes;
    for (auto& ix : table.indexes)
        if (std::all_of(ix.columns.begin(), ix.columns.end(), [&](const std::string& name) {
                return std::any_of(columns.begin(), columns.end(), [&](const mig::Column& c) { return c.name == name; });
            }))
            indexes.push_back(ix);
    return {table.table, columns, indexes};
}

}  // namespace test_support
