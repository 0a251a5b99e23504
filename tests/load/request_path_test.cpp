// tests/load/request_path_test.cpp — what the request path saves, checked for the bytes it sends: the
// server moves a response's text into Beast's message (no copy), a resource answers with text written
// straight from the serializer (the bytes Response(render(obj)) sends), and a page's body is reserved
// at the size the last page of its serializer took. tests/load/ceiling.sh measures what they are worth.
#include <drf/http/response.hpp>
#include <drf/models.hpp>
#include <drf/pagination.hpp>
#include <drf/pagination/detail/body_size.hpp>
#include <drf/resources.hpp>
#include <drf/serializers.hpp>
#include <drf/server/detail/convert.hpp>

#include <catch2/catch.hpp>

#include <string>
#include <utility>

namespace request_path_test {

using drf::http::Response;
namespace detail = drf::server::detail;

struct Item : drf::models::Model<Item> {
    std::string name;
    bool done = false;
    static constexpr auto meta =
        drf::models::meta<Item>("request_path_items", drf::models::field<&Item::name>(), drf::models::field<&Item::done>());
};
struct ItemOutput : drf::serializers::model_serializer<Item, &Item::id, &Item::name, &Item::done, &Item::created_at> {};
using ItemResource = drf::resources::Resource<Item, ItemOutput, ItemOutput,
                                              drf::pagination::CursorPagination<drf::pagination::Options{.page_size = 2}>>;
struct ItemViewSet : drf::resources::ResourceViewSet<ItemViewSet, ItemResource> {};

struct SomeSerializer {};
struct OtherSerializer {};

TEST_CASE("the server sends a page's text from the handler's own buffer, not a copy", "[load]") {
    std::string text = "{\"results\":[\"" + std::string(4096, 'x') + "\"]}";
    const char* const buffer = text.data();
    const std::size_t size = text.size();
    Response response = Response::from_json_text(std::move(text));
    detail::BeastResponse out;
    detail::to_beast(std::move(response), false, 11, true, out);
    CHECK(out.body().data() == buffer);
    CHECK(out.body().size() == size);
    CHECK(out[boost::beast::http::field::content_length] == std::to_string(size));
    CHECK(out[boost::beast::http::field::content_type] == "application/json");
}

TEST_CASE("a HEAD answer keeps its body's Content-Length and sends no body", "[load]") {
    Response response = Response::from_json_text("{\"a\":1}");
    detail::BeastResponse out;
    detail::to_beast(std::move(response), true, 11, true, out);
    CHECK(out.body().empty());
    CHECK(out[boost::beast::http::field::content_length] == "7");
}

TEST_CASE("take_content moves a text body out and writes a JSON body as content() does", "[load]") {
    Response text = Response::from_json_text("[1,2]", 201);
    CHECK(text.take_content() == "[1,2]");
    CHECK_FALSE(text.has_body());
    CHECK(text.status_code() == 201);

    Response data(drf::Json{{"name", "a\u2028b"}, {"n", 1}});
    const std::string expected = data.content();
    CHECK(data.take_content() == expected);
    CHECK(expected.find("\\u2028") != std::string::npos);
}

TEST_CASE("a resource's respond() sends exactly the bytes of Response(render(obj))", "[load]") {
    ItemViewSet view;
    Item item;
    item.name = "a \"quoted\" name, \u00e9, \u2028";
    item.done = true;
    const Response direct = view.respond(item, 201);
    const Response through_json(view.render(item), 201);
    CHECK(direct.status_code() == 201);
    CHECK(direct.content() == through_json.content());
    REQUIRE(direct.data().has_value());
    CHECK(*direct.data() == view.render(item));
    CHECK(view.respond(item).status_code() == 200);
}

TEST_CASE("a page's body is reserved at the size the last page of the same serializer took", "[load]") {
    using Some = drf::pagination::detail::BodySize<SomeSerializer>;
    using Other = drf::pagination::detail::BodySize<OtherSerializer>;
    const std::size_t small = std::string().capacity();
    CHECK(Some::reserved().capacity() == small);  // no page yet: nothing reserved
    Some::seen(std::string(5000, 'x'));
    CHECK(Some::reserved().capacity() >= 5000);
    CHECK(Other::reserved().capacity() == small);  // another serializer's pages are sized on their own
    // One very large page does not make every later page reserve as much.
    Some::seen(std::string(Some::cap * 4, 'x'));
    CHECK(Some::reserved().capacity() < Some::cap * 2);
    Some::seen(std::string(100, 'x'));
    CHECK(Some::reserved().capacity() < 1000);
}

}  // namespace request_path_test
