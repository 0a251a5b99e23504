// tests/pagination/offset_fixture.hpp — what the page-number and limit/offset suites share: `n` ranked
// items on the test database, a GET on DRF's test host (testserver), and the response or body one
// paginator gives for it, a raised APIException rendered as the view would.
#pragma once

#include "../support/database.hpp"

#include <drf/db.hpp>
#include <drf/http.hpp>
#include <drf/serializers.hpp>

#include <catch2/catch.hpp>

#include <cstdint>
#include <exception>
#include <memory>
#include <string>

namespace offset_fixture {

namespace db = drf::db;
using drf::Json;
using drf::http::Method;
using drf::http::Request;

struct Item : drf::models::Model<Item> {
    std::string name;
    std::int64_t rank = 0;
    static constexpr auto meta = drf::models::meta<Item>("items", drf::models::field<&Item::name>(),
                                                         drf::models::field<&Item::rank>());
};

struct ItemOutput {
    static constexpr auto fields = drf::serializers::model_serializer<Item, &Item::name>();
};

// `n` items g0..g(n-1), ranked in that order.
struct Store {
    db::Database database = drf_test::open_database();
    explicit Store(int n) {
        for (const auto& s : db::create_table_sql<Item>(database.dialect())) database.connection().execute(s);
        for (int i = 0; i < n; ++i) {
            Item item;
            item.name = "g" + std::to_string(i);
            item.rank = i;
            db::objects<Item>(database).create(item);
        }
    }
    db::QuerySet<Item> ranked() { return db::objects<Item>(database).all().order_by(drf::models::asc(&Item::rank)); }
};

// Links are built on the request's Host, which its host settings must allow; DRF's tests say testserver.
inline Request get(const std::string& target) {
    drf::http::Headers h;
    h.add("Host", "testserver");
    Request request(Method::get, target, h);
    drf::http::HostSettings hosts;
    hosts.allowed_hosts = {"testserver"};
    request.set_host_settings(std::make_shared<const drf::http::HostSettings>(std::move(hosts)));
    return request;
}

// The response of paginator P to `target`, a raised APIException rendered as the view would.
template <class P>
drf::http::Response respond(Store& store, const std::string& target) {
    const auto request = get(target);
    try {
        return P::template paginate<ItemOutput>(request, store.ranked());
    } catch (...) {
        return drf::http::handle_exception(std::current_exception());
    }
}

// The body of a page that exists.
template <class P>
Json body(Store& store, const std::string& target) {
    const auto response = respond<P>(store, target);
    REQUIRE(response.status_code() == 200);
    return *response.data();
}

}  // namespace offset_fixture
