// expect: unsupported member type
// drf::models::field refuses a member type no database column can hold (here std::vector<int>).
#include <drf/models.hpp>

#include <vector>

struct Bad : drf::models::Model<Bad> {
    std::vector<int> xs;
    static constexpr auto meta = drf::models::meta<Bad>("bad", drf::models::field<&Bad::xs>());
};

int main() { return Bad::meta.field_count == 4 ? 0 : 1; }
