// tests/http/http_test.cpp — Request, Response and the exception handler, without any server.
#include <drf/http.hpp>

#include <catch2/catch.hpp>

#include <stdexcept>
#include <string>

namespace http_test {

using namespace drf::http;
using drf::Json;

Request json_request(Method m, std::string body, std::string type = "application/json") {
    Headers h;
    h.add("Content-Type", type);
    return Request(m, "/projects/", std::move(h), std::move(body));
}

TEST_CASE("A request decodes its path and query parameters, keeping repeated keys in order", "[http]") {
    Request r(Method::get, "/a%20b/?tag=x&tag=y%2Fz&q=hello+world&empty=&flag");
    CHECK(r.path() == "/a b/");
    CHECK(r.query_param("tag") == "y/z");  // Django's QueryDict.get: the last value
    CHECK(r.query_param_list("tag") == std::vector<std::string_view>{"x", "y/z"});
    CHECK(r.query_param("q") == "hello world");
    CHECK(r.query_param("empty") == "");
    CHECK(r.query_param("flag") == "");
    CHECK_FALSE(r.query_param("missing").has_value());
}

TEST_CASE("Header names are case-insensitive", "[http]") {
    Headers h;
    h.add("Content-Type", "application/json");
    h.add("X-Custom", "1");
    Request r(Method::get, "/", h);
    CHECK(r.header("content-type") == "application/json");
    CHECK(r.header("X-CUSTOM") == "1");
    CHECK_FALSE(r.header("Accept"));
}

TEST_CASE("request.data parses a JSON body on first use", "[http]") {
    auto r = json_request(Method::post, R"({"name": "Apollo"})");
    CHECK(r.data()["name"] == "Apollo");
    CHECK(&r.data() == &r.data());  // parsed once
    auto charset = json_request(Method::post, R"([1])", "application/json; charset=utf-8");
    CHECK(charset.data().is_array());
}

TEST_CASE("An empty body is an empty object; a body without a Content-Type is 415, as in DRF", "[http]") {
    CHECK(json_request(Method::post, "").data() == Json::object());
    Request untyped(Method::post, "/x/", {}, R"({"a": 1})");
    CHECK_THROWS_WITH(untyped.data(), "Unsupported media type \"\" in request.");
}

TEST_CASE("Malformed JSON is a 400 'JSON parse error - ...'", "[http]") {
    auto r = json_request(Method::post, R"({"name": )");
    try {
        r.data();
        FAIL("data() should have thrown");
    } catch (const ParseError& e) {
        CHECK(e.status_code() == 400);
        CHECK(e.detail() == "JSON parse error - Expecting value: line 1 column 10 (char 9)");
    }
    const Response res = handle_exception(std::make_exception_ptr(ParseError("JSON parse error - x")));
    CHECK(res.status_code() == 400);
    CHECK(res.content() == R"({"detail":"JSON parse error - x"})");
}

TEST_CASE("A body in another media type is 415 'Unsupported media type \"...\" in request.'", "[http]") {
    auto r = json_request(Method::post, "a=1", "application/x-www-form-urlencoded");
    CHECK_THROWS_WITH(r.data(), "Unsupported media type \"application/x-www-form-urlencoded\" in request.");
    try {
        r.data();
    } catch (...) {
        const Response res = handle_exception(std::current_exception());
        CHECK(res.status_code() == 415);
        CHECK(res.content() == R"({"detail":"Unsupported media type \"application/x-www-form-urlencoded\" in request."})");
    }
}

TEST_CASE("Every API exception becomes DRF's status and body", "[http]") {
    auto body = [](auto e, std::string_view challenge = "Token") {
        const Response r = handle_exception(std::make_exception_ptr(e), challenge);
        return std::to_string(r.status_code()) + " " + r.content();
    };
    CHECK(body(NotFound()) == R"(404 {"detail":"Not found."})");
    CHECK(body(PermissionDenied()) == R"(403 {"detail":"You do not have permission to perform this action."})");
    CHECK(body(NotAuthenticated()) == R"(401 {"detail":"Authentication credentials were not provided."})");
    CHECK(body(AuthenticationFailed("Invalid token.")) == R"(401 {"detail":"Invalid token."})");
    CHECK(body(MethodNotAllowed("PUT")) == R"(405 {"detail":"Method \"PUT\" not allowed."})");
    CHECK(body(ParseError()) == R"(400 {"detail":"Malformed request."})");
    CHECK(body(NotAcceptable()) == R"(406 {"detail":"Could not satisfy the request Accept header."})");
    CHECK(body(ValidationError(Json{{"name", "This field is required."}})) == R"(400 {"name":["This field is required."]})");
    CHECK(body(ValidationError("bad")) == R"(400 ["bad"])");
}

TEST_CASE("401s carry WWW-Authenticate; without an authenticator's challenge they become 403", "[http]") {
    const Response with = handle_exception(std::make_exception_ptr(NotAuthenticated()), "Token");
    CHECK(with.status_code() == 401);
    CHECK(with.headers().get("WWW-Authenticate") == "Token");
    const Response without = handle_exception(std::make_exception_ptr(NotAuthenticated()), "");
    CHECK(without.status_code() == 403);
    CHECK(without.content() == R"({"detail":"Authentication credentials were not provided."})");
    CHECK_FALSE(without.headers().get("WWW-Authenticate"));
}

TEST_CASE("Any other exception is a 500 with a generic body, and its message is logged, not sent", "[http]") {
    std::string logged;
    auto saved = error_log();
    error_log() = [&](std::string_view m) { logged = m; };
    const Response r = handle_exception(std::make_exception_ptr(std::runtime_error("secret: db password is hunter2")));
    error_log() = saved;
    CHECK(r.status_code() == 500);
    CHECK(r.content() == R"({"detail":"A server error occurred."})");
    CHECK(logged == "secret: db password is hunter2");
}

TEST_CASE("A Response has a status, an optional JSON body and headers", "[http]") {
    Response created(Json{{"id", 1}}, status::HTTP_201_CREATED);
    created.header("Location", "/projects/1/");
    CHECK(created.status_code() == 201);
    CHECK(created.content() == R"({"id":1})");
    CHECK(created.headers().get("location") == "/projects/1/");
    const Response empty = Response::no_content();
    CHECK(empty.status_code() == 204);
    CHECK_FALSE(empty.has_body());
    CHECK(empty.content().empty());
    STATIC_REQUIRE_FALSE(std::is_constructible_v<Response, int>);  // Response(204) would be a body, not a status
    CHECK(std::string(status::reason_phrase(status::HTTP_405_METHOD_NOT_ALLOWED)) == "Method Not Allowed");
    STATIC_REQUIRE(status::is_client_error(status::HTTP_404_NOT_FOUND));
}

TEST_CASE("A Response from JSON text sends the text as is and parses it for data() on first use", "[http]") {
    const std::string text = R"({"id":1,"name":"caf\u00e9 \u2028","tags":[],"ratio":0.5,"owner":null})";
    Response r = Response::from_json_text(text, status::HTTP_201_CREATED);
    r.header("Location", "/projects/1/");
    CHECK(r.status_code() == 201);
    CHECK(r.has_body());
    CHECK(r.content() == text);  // not re-written: its escapes stay as they are
    CHECK(r.headers().get("location") == "/projects/1/");
    REQUIRE(r.data());
    CHECK(*r.data() == Json{{"id", 1}, {"name", "caf\xc3\xa9 \xe2\x80\xa8"}, {"tags", Json::array()}, {"ratio", 0.5},
                            {"owner", nullptr}});
    CHECK(r.data()->begin().key() == "id");  // keys in the text's order
    CHECK(&r.data() == &r.data());           // parsed once
    CHECK(r.content() == text);              // still the text, after data()
    SECTION("a copy carries the text and the parsed value") {
        const Response copy = r;
        CHECK(copy.content() == text);
        CHECK(*copy.data() == *r.data());
    }
    SECTION("200 by default") {
        const Response ok = Response::from_json_text("[]");
        CHECK(ok.status_code() == 200);
        CHECK(ok.has_body());
        CHECK(*ok.data() == Json::array());
    }
    SECTION("text that is not JSON fails when data() parses it, not before") {
        const Response broken = Response::from_json_text("{\"id\":");
        CHECK(broken.content() == "{\"id\":");
        CHECK_THROWS_AS(broken.data(), Json::parse_error);
    }
}

TEST_CASE("SAFE_METHODS are GET, HEAD and OPTIONS", "[http]") {
    CHECK(is_safe(Method::get));
    CHECK(is_safe(Method::head));
    CHECK(is_safe(Method::options));
    CHECK_FALSE(is_safe(Method::post));
    CHECK(parse_method("PATCH") == Method::patch);
    CHECK_FALSE(parse_method("BREW"));
}

TEST_CASE("Absolute URLs use the request's Host header", "[http]") {
    Headers h;
    h.add("Host", "api.localhost:8000");  // allowed by the default host settings (tests/http/hosts_test.cpp)
    Request r(Method::get, "/projects/", h);
    CHECK(r.absolute_url({{"cursor", "a b"}, {"page_size", "10"}}) == "http://api.localhost:8000/projects/?cursor=a+b&page_size=10");
}

TEST_CASE("An absolute URL encodes each segment of the path and keeps its slashes", "[http]") {
    const Request r(Method::get, "/api/pro%20jects/%C3%A9//x");  // the path as decoded: "/api/pro jects/é//x"
    CHECK(r.absolute_url({}) == "http://localhost/api/pro%20jects/%C3%A9//x");
    CHECK(r.absolute_url({{"q", "a+b c/="}, {"x y", ""}}) == "http://localhost/api/pro%20jects/%C3%A9//x?q=a%2Bb+c%2F%3D&x+y=");
    CHECK(Request(Method::get, "/").absolute_url({}) == "http://localhost/");
}

TEST_CASE("append_percent_encoded adds to a string in place, a space as + only in a query", "[http]") {
    std::string out = "?q=";
    append_percent_encoded(out, "a b/~");
    CHECK(out == "?q=a%20b%2F~");
    append_percent_encoded(out, " &", true);
    CHECK(out == "?q=a%20b%2F~+%26");
    out = "x";
    append_query(out, {{"a", "1 2"}, {"b", ""}});
    CHECK(out == "xa=1+2&b=");
    CHECK(encode_query({{"a", "1 2"}, {"b", ""}}) == "a=1+2&b=");
}

TEST_CASE("A number too large for a double is data as Python reads it, not a parse error", "[http]") {
    CHECK(drf::json_big_integer_text(json_request(Method::post, "{\"n\": 1" + std::string(400, '0') + "}").data()["n"]) ==
          "1" + std::string(400, '0'));
    CHECK(json_request(Method::post, "{\"n\": 1e400}").data()["n"].get<double>() > 1e308);  // inf
    auto r = json_request(Method::post, "{\"n\": 1" + std::string(4300, '0') + "}");  // past Python's int() limit
    CHECK_THROWS_AS(r.data(), ParseError);
}

TEST_CASE("Rendered JSON escapes U+2028 and U+2029 as DRF's JSONRenderer does", "[http]") {
    const Response r(Json{{"text", "a\u2028b\u2029c"}});
    CHECK(r.content() == R"({"text":"a\u2028b\u2029c"})");
}

}  // namespace http_test
