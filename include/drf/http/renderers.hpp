// drf/http/renderers.hpp — renderers (rest_framework.renderers): what turns a response's data into the
// bytes sent, chosen per request by the content negotiation. JSONRenderer, the Renderer concept a type of
// one's own satisfies, and renderers(...) — the list a view declares:
//     static constexpr auto renderer_classes = drf::http::renderers(drf::http::JSONRenderer{}, CsvRenderer{});
#pragma once

#include <drf/core/detail/json_text.hpp>
#include <drf/core/json.hpp>
#include <drf/http/detail/media_types.hpp>

#include <algorithm>
#include <concepts>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <type_traits>

namespace drf::http {

// A renderer: its media type ("text/csv"), its ?format= name ("csv"), and render(data, accepted media
// type) returning the body. An optional `charset` ("utf-8" when absent, as DRF's BaseRenderer; empty for
// none, as JSONRenderer) goes into the Content-Type.
template <class R>
concept Renderer = std::copy_constructible<R> && requires(const R& r, const Json& data, std::string_view accepted) {
    { r.media_type } -> std::convertible_to<std::string_view>;
    { r.format } -> std::convertible_to<std::string_view>;
    { r.render(data, accepted) } -> std::convertible_to<std::string>;
};

// DRF's JSONRenderer: compact UTF-8 JSON, U+2028 and U+2029 escaped; indented when the accepted media
// type says so ("application/json; indent=4", 1 to 8 spaces; 0 or not a number: compact). No charset in
// the Content-Type: JSON is UTF-8 by definition.
struct JSONRenderer {
    static constexpr std::string_view media_type = "application/json";
    static constexpr std::string_view format = "json";
    static constexpr std::string_view charset = {};

    // DRF's get_indent: the accepted media type's indent parameter clamped to 0..8, 0 meaning none.
    static constexpr std::optional<int> indent(std::string_view accepted_media_type) {
        return indent_value(detail::find_param(detail::MediaType::parse(accepted_media_type).params, "indent"));
    }
    // ... from the parameter's value: Python's int() of it, or none when it is not a number.
    static constexpr std::optional<int> indent_value(std::optional<std::string_view> value) {
        if (!value || value->empty()) return std::nullopt;
        std::string_view digits = *value;
        const bool negative = digits.front() == '-';
        if (digits.front() == '-' || digits.front() == '+') digits.remove_prefix(1);
        if (digits.empty()) return std::nullopt;
        int n = 0;
        for (const char c : digits) {
            if (c < '0' || c > '9') return std::nullopt;  // Python's int() refuses it: no indent
            n = std::min(n * 10 + (c - '0'), 100);
        }
        n = negative ? 0 : std::min(n, 8);
        if (n == 0) return std::nullopt;
        return n;
    }

    std::string render(const Json& data, std::string_view accepted_media_type) const {
        const auto spaces = indent(accepted_media_type);
        if (!spaces) return drf::detail::dump_json(data);
        std::string out = data.dump(*spaces, ' ', false, Json::error_handler_t::replace);
        for (std::size_t at = out.find("\xe2\x80"); at != std::string::npos; at = out.find("\xe2\x80", at + 1)) {
            if (at + 2 < out.size() && (out[at + 2] == '\xa8' || out[at + 2] == '\xa9'))
                out.replace(at, 3, out[at + 2] == '\xa8' ? "\\u2028" : "\\u2029");
        }
        return out;
    }
};

namespace detail {

template <class R>
constexpr bool check_renderer() {
    static_assert(requires(const R& r) { { r.media_type } -> std::convertible_to<std::string_view>; },
                  "drf::http::renderers: a renderer needs its media type: static constexpr std::string_view "
                  "media_type = \"text/csv\";");
    static_assert(requires(const R& r) { { r.format } -> std::convertible_to<std::string_view>; },
                  "drf::http::renderers: a renderer needs its ?format= name: static constexpr std::string_view "
                  "format = \"csv\";");
    static_assert(requires(const R& r, const Json& data, std::string_view accepted) {
        { r.render(data, accepted) } -> std::convertible_to<std::string>;
    }, "drf::http::renderers: a renderer needs std::string render(const drf::Json& data, std::string_view "
       "accepted_media_type) const");
    return Renderer<R>;
}

template <class R>
constexpr std::string_view charset_of(const R& r) {
    if constexpr (requires { { r.charset } -> std::convertible_to<std::string_view>; })
        return r.charset;
    else
        return "utf-8";  // DRF's BaseRenderer.charset
}

}  // namespace detail

// The renderers a view (or an extra action) offers, in order of preference: the first is used when the
// client accepts anything, and renders the error when nothing it accepts is offered.
template <class... R>
constexpr std::tuple<R...> renderers(R... r) {
    static_assert(sizeof...(R) > 0, "drf::http::renderers: a view needs at least one renderer");
    static_assert((detail::check_renderer<R>() && ...));
    return {r...};
}

// What a view without renderer_classes offers: JSON only (REST_FRAMEWORK's DEFAULT_RENDERER_CLASSES
// reduced to what an API serves).
inline constexpr std::tuple<JSONRenderer> default_renderers{};

// A renderer of any type, by reference: what the negotiation chose, held by the type-erased view. The
// renderer must outlive it (a view's renderer_classes are static).
class AnyRenderer {
public:
    AnyRenderer() = default;
    template <class R>
        requires(!std::is_same_v<R, AnyRenderer> && Renderer<R>)
    constexpr explicit AnyRenderer(const R& r)
        : self_(&r), media_type_(r.media_type), format_(r.format), charset_(detail::charset_of(r)),
          render_([](const void* self, const Json& data, std::string_view accepted) -> std::string {
              return static_cast<const R*>(self)->render(data, accepted);
          }),
          json_(std::is_same_v<R, JSONRenderer>) {}

    std::string_view media_type() const noexcept { return media_type_; }
    std::string_view format() const noexcept { return format_; }
    std::string_view charset() const noexcept { return charset_; }
    // The Content-Type DRF's Response sets: the renderer's media type, with its charset when it has one.
    std::string content_type() const {
        std::string out(media_type_);
        if (!charset_.empty()) out.append("; charset=").append(charset_);
        return out;
    }
    std::string render(const Json& data, std::string_view accepted_media_type) const {
        return render_(self_, data, accepted_media_type);
    }
    // Whether this is JSONRenderer, whose compact output is what Response::content() writes anyway.
    bool is_json_renderer() const noexcept { return json_; }
    explicit operator bool() const noexcept { return self_ != nullptr; }

private:
    const void* self_ = nullptr;
    std::string_view media_type_, format_, charset_;
    std::string (*render_)(const void*, const Json&, std::string_view) = nullptr;
    bool json_ = false;
};

}  // namespace drf::http
