// expect: each argument must be response<S>\(status\)
// A bare status code says nothing of the body: responses(...) takes response<S>(status),
// response<S>(status, many), no_content(status) or any_json(status).
#include <drf/openapi/extend.hpp>

int main() {
    constexpr auto declared = drf::openapi::responses(200);
    return std::get<0>(declared.items) == 200 ? 0 : 1;
}
