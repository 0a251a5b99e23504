// expect: the receiver must be callable as void\(Args\.\.\.\)
// A post_save<User> receiver takes (const User&, const SaveInfo&); one taking (const User&, bool) is refused.
#include <drf/signals.hpp>

#include <string>

struct User : drf::models::Model<User> {
    std::string username;
};

void on_saved(const User&, bool) {}

int main() {
    drf::signals::post_save<User>.connect(on_saved);
    return 0;
}
