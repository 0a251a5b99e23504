// tests/fuzz/query_string_fuzz.cpp — percent-decoding, query strings and a Request built from a request
// target, on arbitrary bytes. Properties: encoding then decoding gives the text back; a query string's
// parameters survive encode_query and parse_query; the absolute link a Request builds for its own path
// and query (what pagination's next/previous links are) reads back as the same path and parameters.
#include "fuzz.hpp"

#include <drf/http/method.hpp>
#include <drf/http/request.hpp>
#include <drf/http/url.hpp>

#include <exception>
#include <string>
#include <string_view>

namespace http = drf::http;
using drf_fuzz::require;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text = drf_fuzz::as_text(data, size);
    try {
        const std::string decoded = http::percent_decode(text);
        const std::string decoded_form = http::percent_decode(text, true);
        require(decoded.size() <= text.size() && decoded_form.size() <= text.size(), "decoding never grows the text");
        require(http::percent_decode(http::percent_encode(text)) == text, "percent_decode(percent_encode(s)) == s");
        require(http::percent_decode(http::percent_encode(text), true) == text,
                "percent_decode(percent_encode(s), plus_is_space) == s");

        const http::QueryParams params = http::parse_query(text);
        require(http::parse_query(http::encode_query(params)) == params, "parse_query(encode_query(p)) == p");

        // The target as it arrives on the request line, and the link the Request builds back to it.
        const http::Request request(http::Method::get, text);
        const auto q = text.find('?');
        require(request.path() == http::percent_decode(text.substr(0, q)), "the path is the decoded part before '?'");
        require(request.query_params() == (q == std::string_view::npos ? http::QueryParams{} : http::parse_query(text.substr(q + 1))),
                "the query parameters are the parsed part after '?'");
        for (const auto& [key, value] : request.query_params()) {
            const auto last = request.query_param(key);
            require(last.has_value(), "every parsed key can be looked up", key);
            require(!request.query_param_list(key).empty() && request.query_param_list(key).back() == *last,
                    "query_param is the last of query_param_list", key);
            (void)value;
        }

        const std::string link = request.absolute_url(request.query_params());
        const std::string base = request.base_url();
        require(link.compare(0, base.size(), base) == 0, "an absolute link starts with the base URL", link);
        const http::Request again(http::Method::get, std::string_view(link).substr(base.size()));
        require(again.path() == request.path(), "an absolute link reads back as the same path", link);
        require(again.query_params() == request.query_params(), "an absolute link reads back as the same parameters", link);
    } catch (const std::exception& e) {
        drf_fuzz::fail("unexpected exception", e.what());
    }
    return 0;
}
