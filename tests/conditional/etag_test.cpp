// tests/conditional/etag_test.cpp — drf/http/conditional.hpp on its own: the ETag hash, parsing
// If-None-Match / If-Match as Django's parse_etags does, conditional_get (Django's
// ConditionalGetMiddleware), the preconditions of a write and the 412 / 428 bodies.
#include <drf/http/conditional.hpp>

#include <catch2/catch.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace etag_test {

namespace http = drf::http;
using drf::Json;
using http::Method;
using http::Request;
using http::Response;

Request get(http::Headers headers = {}, Method method = Method::get) { return Request(method, "/things/1/", std::move(headers)); }

TEST_CASE("The ETag hash is XXH64, with the digests the reference implementation gives", "[conditional]") {
    using http::detail::XXH64;
    CHECK(XXH64::hash("") == 0xef46db3751d8e999ULL);
    CHECK(XXH64::hash("a") == 0xd24ec4f1a98c6e5bULL);
    CHECK(XXH64::hash("abc") == 0x44bc2cf5ad770999ULL);
    CHECK(XXH64::hash("0123456789abcdef0123456789abcdef0123456789") == 0xa76190c3acf08a1cULL);
    CHECK(XXH64::hash(R"({"name":"moon"})") == 0x224de44c7d327517ULL);
    SECTION("fed in pieces, the digest is the same") {
        const std::string text = "0123456789abcdef0123456789abcdef0123456789";
        for (std::size_t cut = 0; cut <= text.size(); ++cut)
            CHECK(XXH64().update(std::string_view(text).substr(0, cut)).update(std::string_view(text).substr(cut)).digest() ==
                  0xa76190c3acf08a1cULL);
    }
}

TEST_CASE("A representation's ETag is strong: its hash in quotes, different for different bytes", "[conditional]") {
    CHECK(http::etag_of(R"({"name":"moon"})") == "\"224de44c7d327517\"");
    CHECK(http::etag_of("") == "\"ef46db3751d8e999\"");
    CHECK(http::etag_of(R"({"name":"moon"})") != http::etag_of(R"({"name":"Moon"})"));
}

TEST_CASE("An ETag built from several parts tells the parts apart", "[conditional]") {
    CHECK(http::ETagBuilder().add("ab").add("c").etag() != http::ETagBuilder().add("a").add("bc").etag());
    CHECK(http::ETagBuilder().add(std::int64_t{1}).etag() != http::ETagBuilder().add(std::int64_t{2}).etag());
    CHECK(http::ETagBuilder().add("x").etag() == http::ETagBuilder().add("x").etag());
}

TEST_CASE("If-None-Match and If-Match are parsed as Django's parse_etags: *, lists, W/, malformed dropped", "[conditional]") {
    using V = std::vector<std::string_view>;
    CHECK(http::parse_etags("*") == V{"*"});
    CHECK(http::parse_etags(" * ") == V{"*"});
    CHECK(http::parse_etags(R"("a")") == V{R"("a")"});
    CHECK(http::parse_etags(R"("a", W/"b" ,"c")") == V{R"("a")", R"(W/"b")", R"("c")"});
    CHECK(http::parse_etags(R"(a, "b", "c"d", W/x, "")") == V{R"("b")", R"("")"});
    CHECK(http::parse_etags("").empty());
}

TEST_CASE("conditional_get gives a GET answered 200 the ETag of its body, and keeps the body", "[conditional]") {
    Response response(Json{{"name", "moon"}});
    http::conditional_get(get(), response);
    CHECK(response.status_code() == 200);
    CHECK(response.headers().get("ETag") == std::optional<std::string_view>("\"224de44c7d327517\""));
    CHECK(response.content() == R"({"name":"moon"})");
    CHECK(response.data() == Json{{"name", "moon"}});
}

TEST_CASE("If-None-Match naming the ETag turns a GET or HEAD into 304 with the ETag and no body", "[conditional]") {
    const std::string etag = "\"224de44c7d327517\"";
    for (const std::string& header : {etag, "W/" + etag, "\"other\", " + etag, std::string("*")}) {
        for (Method method : {Method::get, Method::head}) {
            Response response(Json{{"name", "moon"}});
            response.header("Cache-Control", "private");
            response.header("X-Other", "dropped");
            http::conditional_get(get({{"If-None-Match", header}}, method), response);
            CHECK(response.status_code() == 304);
            CHECK_FALSE(response.has_body());
            CHECK(response.headers().get("ETag") == std::optional<std::string_view>(etag));
            CHECK(response.headers().get("Cache-Control") == std::optional<std::string_view>("private"));
            CHECK_FALSE(response.headers().contains("X-Other"));
        }
    }
    SECTION("the list may come split over several header fields") {
        Response response(Json{{"name", "moon"}});
        http::conditional_get(get({{"If-None-Match", "\"x\""}, {"If-None-Match", etag}}), response);
        CHECK(response.status_code() == 304);
    }
}

TEST_CASE("If-None-Match naming another ETag leaves the 200 as it is", "[conditional]") {
    for (const char* header : {"\"other\"", "W/\"other\", \"more\"", "garbage", ""}) {
        Response response(Json{{"name", "moon"}});
        http::conditional_get(get({{"If-None-Match", header}}), response);
        CHECK(response.status_code() == 200);
        CHECK(response.content() == R"({"name":"moon"})");
    }
}

TEST_CASE("A view's own ETag is kept and compared instead of the body's", "[conditional]") {
    Response response(Json{{"name", "moon"}});
    response.header("ETag", "\"v7\"");
    http::conditional_get(get({{"If-None-Match", "\"v7\""}}), response);
    CHECK(response.status_code() == 304);
    CHECK(response.headers().get("ETag") == std::optional<std::string_view>("\"v7\""));
}

TEST_CASE("conditional_get leaves alone what is not a GET or HEAD answered 200", "[conditional]") {
    SECTION("a POST") {
        Response response(Json{{"name", "moon"}}, 201);
        http::conditional_get(get({{"If-None-Match", "*"}}, Method::post), response);
        CHECK(response.status_code() == 201);
        CHECK_FALSE(response.headers().contains("ETag"));
    }
    SECTION("an error") {
        Response response(Json{{"detail", "Not found."}}, 404);
        http::conditional_get(get({{"If-None-Match", "*"}}), response);
        CHECK(response.status_code() == 404);
        CHECK_FALSE(response.headers().contains("ETag"));
    }
    SECTION("a 200 without a body has nothing to hash") {
        Response response = Response::no_content(200);
        http::conditional_get(get({{"If-None-Match", "*"}}), response);
        CHECK(response.status_code() == 200);
        CHECK_FALSE(response.headers().contains("ETag"));
    }
}

TEST_CASE("A GET whose If-Match names another ETag is 412, as Django's get_conditional_response answers", "[conditional]") {
    Response response(Json{{"name", "moon"}});
    CHECK_THROWS_AS(http::conditional_get(get({{"If-Match", "\"other\""}}), response), http::PreconditionFailed);
    Response same(Json{{"name", "moon"}});
    http::conditional_get(get({{"If-Match", "\"224de44c7d327517\""}}), same);
    CHECK(same.status_code() == 200);
}

TEST_CASE("If-Match on a write compares strongly: the exact ETag or * passes, W/ and others are 412", "[conditional]") {
    const std::string etag = "\"abc\"";
    for (const std::string& ok : {etag, std::string("*"), "\"x\", " + etag})
        CHECK_NOTHROW(http::check_write_preconditions(get({{"If-Match", ok}}, Method::patch), etag));
    for (const std::string& stale : {std::string("\"x\""), "W/" + etag, std::string("abc"), std::string("")})
        CHECK_THROWS_AS(http::check_write_preconditions(get({{"If-Match", stale}}, Method::patch), etag),
                        http::PreconditionFailed);
    SECTION("the current ETag, if weak, never matches") {
        CHECK_THROWS_AS(http::check_write_preconditions(get({{"If-Match", "W/\"abc\""}}, Method::put), "W/\"abc\""),
                        http::PreconditionFailed);
    }
}

TEST_CASE("A write without If-Match passes, unless the view requires it: 428", "[conditional]") {
    CHECK_NOTHROW(http::check_write_preconditions(get({}, Method::patch), "\"abc\""));
    CHECK_THROWS_AS(http::check_write_preconditions(get({}, Method::patch), "\"abc\"", true), http::PreconditionRequired);
    CHECK_NOTHROW(http::check_write_preconditions(get({{"If-Match", "\"abc\""}}, Method::patch), "\"abc\"", true));
}

TEST_CASE("A write whose If-None-Match names the current ETag is 412", "[conditional]") {
    try {
        http::check_write_preconditions(get({{"If-None-Match", "*"}}, Method::put), "\"abc\"");
        FAIL("no 412");
    } catch (const http::PreconditionFailed& e) {
        CHECK(e.body() == Json{{"detail", "The resource exists and matches If-None-Match."}});
    }
    CHECK_NOTHROW(http::check_write_preconditions(get({{"If-None-Match", "\"x\""}}, Method::put), "\"abc\""));
}

TEST_CASE("412 and 428 answer DRF-style bodies with short messages", "[conditional]") {
    const http::PreconditionFailed failed;
    CHECK(failed.status_code() == 412);
    CHECK(failed.code() == "precondition_failed");
    CHECK(failed.body() == Json{{"detail", "The resource has changed since you fetched it (If-Match did not match)."}});
    const http::PreconditionRequired required;
    CHECK(required.status_code() == 428);
    CHECK(required.code() == "precondition_required");
    CHECK(required.body() == Json{{"detail", "This request must be conditional: send If-Match with the ETag you fetched."}});
}

}  // namespace etag_test
