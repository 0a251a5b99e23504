// expect: drf::member_name: cannot read the member's name
// A null member pointer names no member: member_name refuses it rather than return a guess.
#include <drf/core/member_name.hpp>

struct Task {
    int priority;
};

constexpr auto name = drf::member_name<static_cast<int Task::*>(nullptr)>();

int main() { return static_cast<int>(name.size()); }
