// A consumer that vendors drf: add_subdirectory(drf) and link drf::drf, nothing else.
#include <drf/core.hpp>

#include <iostream>
#include <string>

int main() {
    const drf::Json body = {{"id", drf::to_string(drf::uuid4())}, {"name", "consumer"}};
    std::cout << body.dump() << '\n';
    const auto id = body["id"].get<std::string>();
    return id.size() == 36 && drf::parse_uuid(id).has_value() ? 0 : 1;
}
