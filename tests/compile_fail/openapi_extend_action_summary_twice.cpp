// expect: summary, description, operation_id and tags are given once each
// Two summaries for one operation: which one the document shows would depend on their order.
#include <drf/openapi/extend.hpp>
#include <drf/http/request.hpp>
#include <drf/http/response.hpp>

struct PingViewSet {
    drf::http::Response list(drf::http::Request&) { return drf::http::Response(drf::Json::object()); }
};

int main() {
    constexpr auto declared =
        drf::openapi::action<&PingViewSet::list>(drf::openapi::summary("Ping"), drf::openapi::summary("Pong"));
    return std::get<0>(declared.options).text.empty() ? 1 : 0;
}
