// expect: the value's type does not match the field's type
// A string literal is not a bool: eq(&User::is_active, "no") would silently match active users.
#include <drf/db.hpp>

#include <string>

struct User : drf::models::Model<User> {
    bool is_active = true;
    static constexpr auto meta = drf::models::meta<User>("users", drf::models::field<&User::is_active>());
};

int main() { return drf::db::eq(&User::is_active, "no").params.size() == 1 ? 0 : 1; }
