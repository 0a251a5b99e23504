// expect: the default's type does not match the column's type
// boolean().default_value(0) gives an integer default to a boolean column.
#include <drf/migrations/operations.hpp>

int main() {
    return static_cast<int>(
        drf::migrations::add_column("projects", drf::migrations::column("archived", drf::migrations::boolean().default_value(0)))
            .description.size());
}
