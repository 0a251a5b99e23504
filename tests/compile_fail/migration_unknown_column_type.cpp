// expect: the type must be boolean\(\), integer\(\), real\(\), text\(\), uuid\(\) or datetime\(\)
// A migration's column names its type with one of the type functions; a string such as "varchar(20)"
// is not a column type.
#include <drf/migrations/operations.hpp>

int main() {
    return static_cast<int>(drf::migrations::add_column("projects", drf::migrations::column("code", "varchar(20)")).description.size());
}
