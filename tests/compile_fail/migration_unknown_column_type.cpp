// expect: the type must be boolean\(\), integer\(\), real\(\), text\(\), uuid\(\), datetime\(\), decimal\(max_digits, decimal_places\), date\(\), time\(\), duration\(\), json\(\) or ip_address\(\)
// A migration's column names its type with one of the type functions; a string such as "varchar(20)"
// is not a column type.
#include <drf/migrations/operations.hpp>

int main() {
    return static_cast<int>(drf::migrations::add_column("projects", drf::migrations::column("code", "varchar(20)")).description.size());
}
