// drf/http/response.hpp — Response (rest_framework.response.Response): a status, an optional JSON body
// and headers. The view renders the data with the renderer the negotiation chose (set_rendered); JSON
// left as data is written by content() when the server (or the test client) sends it.
#pragma once

#include <drf/core/json.hpp>
#include <drf/core/detail/json_text.hpp>
#include <drf/http/request.hpp>
#include <drf/http/status.hpp>

#include <optional>
#include <string>
#include <utility>

namespace drf::http {

class Response {
public:
    // Response(data): 200 with a JSON body. Response(data, status::HTTP_201_CREATED).
    Response(Json data, int status = status::HTTP_200_OK) : status_(status), data_(std::move(data)) {}  // NOLINT
    // Response(204) would be a 200 whose body is the number 204: say Response::no_content(204).
    Response(int) = delete;
    // Response(status::HTTP_204_NO_CONTENT): no body.
    static Response no_content(int status = status::HTTP_204_NO_CONTENT) { return Response(NoBody{}, status); }
    // A body already written as JSON text, sent as is: content() returns `text` unchanged. The text must
    // be one JSON value, as content() writes them (what drf::serializers::render_to writes, for one), or
    // data() will throw when it parses it.
    static Response from_json_text(std::string text, int status = status::HTTP_200_OK) {
        Response response(NoBody{}, status);
        response.text_ = std::move(text);
        return response;
    }

    // A body that is not JSON (an HTML page, a script, a stylesheet), sent as is with its Content-Type;
    // data() is nullopt for it, since there is no JSON to give.
    static Response from_text(std::string text, std::string content_type, int status = status::HTTP_200_OK) {
        Response response(NoBody{}, status);
        response.text_ = std::move(text);
        response.raw_ = true;
        response.header("Content-Type", std::move(content_type));
        return response;
    }

    int status_code() const noexcept { return status_; }
    // The body as JSON, or nullopt when there is none. For a from_json_text() response the text is parsed
    // on the first call and kept, so data() is not thread-safe (as no other part of a Response is);
    // it throws nlohmann's parse_error if the text is not JSON.
    const std::optional<Json>& data() const {
        if (text_ && !data_ && !raw_) data_ = Json::parse(*text_);
        return data_;
    }
    bool has_body() const noexcept { return data_.has_value() || text_.has_value(); }
    // Whether the body is JSON (Response(data) or from_json_text), rather than from_text's.
    bool is_json() const noexcept { return has_body() && !raw_; }
    const Headers& headers() const noexcept { return headers_; }
    Headers& headers() noexcept { return headers_; }
    Response& header(std::string name, std::string value) {
        headers_.set(std::move(name), std::move(value));
        return *this;
    }
    // The body a renderer wrote for this response's data (DRF's rendered_content) and the Content-Type
    // DRF sets with it; the status and the other headers stay. `json`: the text is still JSON (JSON
    // indented), so data() keeps the data; otherwise data() is nullopt from now on, as for from_text.
    void set_rendered(std::string text, std::string content_type, bool json) {
        if (!json) data_.reset();
        text_ = std::move(text);
        raw_ = !json;
        header("Content-Type", std::move(content_type));
    }

    // The body as sent: compact JSON, UTF-8 (DRF's JSONRenderer), or nothing.
    // Invalid UTF-8 from a database is replaced rather than failing the response. U+2028 and U+2029 are
    // escaped, as DRF's JSONRenderer does, so the body is also safe to embed in JavaScript.
    std::string content() const {
        if (text_) return *text_;
        if (!data_) return {};
        return drf::detail::dump_json(*data_);  // nlohmann's dump(), skipping its escaping where none is needed
    }
    // content() for a sender that sends the response once (the server): a body held as text is moved
    // out rather than copied, and the response has no body left.
    std::string take_content() {
        if (!text_) return content();
        std::string text = std::move(*text_);
        text_.reset();
        data_.reset();
        return text;
    }

private:
    struct NoBody {};
    Response(NoBody, int status) : status_(status) {}
    int status_;
    mutable std::optional<Json> data_;  // for a from_json_text() response, text_ parsed on first use
    std::optional<std::string> text_;   // the body as text, when it was given as text
    bool raw_ = false;                  // text_ is not JSON (from_text)
    Headers headers_;
};

}  // namespace drf::http
