// expect: ip_address
// .ip_address() on a member that is not text (Django's GenericIPAddressField holds a string).
#include <drf/models.hpp>

#include <cstdint>

struct Host : drf::models::Model<Host> {
    std::int64_t address = 0;
    static constexpr auto meta = drf::models::meta<Host>("hosts", drf::models::field<&Host::address>().ip_address());
};

int main() { return static_cast<int>(Host::meta.field_count); }
