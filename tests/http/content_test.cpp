// tests/http/content_test.cpp — Response::content() writes exactly the bytes it wrote when it was
// nlohmann's dump(-1, ' ', false, replace) followed by the U+2028/U+2029 escaping, over a generated
// corpus: every byte in a string, quotes, backslashes, UTF-8 valid and not, integers at their limits,
// doubles, literals, empty and nested containers.
#include <drf/http.hpp>

#include "../support/json_corpus.hpp"

#include <catch2/catch.hpp>

#include <cstdint>
#include <limits>
#include <random>
#include <string>
#include <vector>

namespace content_test {

using drf::Json;

// content() as it was before drf::detail::dump_json: the reference the new writer must match.
std::string reference_content(const Json& data) {
    std::string out = data.dump(-1, ' ', false, Json::error_handler_t::replace);
    for (std::size_t at = out.find("\xe2\x80"); at != std::string::npos; at = out.find("\xe2\x80", at + 1)) {
        if (at + 2 < out.size() && (out[at + 2] == '\xa8' || out[at + 2] == '\xa9')) {
            const char* escaped = out[at + 2] == '\xa8' ? "\\u2028" : "\\u2029";
            out.replace(at, 3, escaped);
        }
    }
    return out;
}

std::string content(const Json& data) { return drf::http::Response(data).content(); }

std::vector<Json> scalars() {
    std::vector<Json> out{nullptr, true, false, 0, -1, 1, 42, std::numeric_limits<std::int64_t>::min(),
                          std::numeric_limits<std::int64_t>::max(), std::numeric_limits<std::uint64_t>::max(),
                          std::uint64_t{0}, std::uint64_t{1} << 63, 0.1, 1e300, -0.0, 0.0, 1.0, 3.0e-7, -2.5, 1e-320,
                          123456789.123, 1e21, 1e22, std::numeric_limits<double>::max(),
                          std::numeric_limits<double>::min(), std::numeric_limits<double>::quiet_NaN(),
                          std::numeric_limits<double>::infinity(), -std::numeric_limits<double>::infinity(),
                          Json::object(), Json::array(), Json::binary({1, 2, 3}), Json::binary({}, 7)};
    return out;
}

// A random document: containers up to `depth` deep, keys and strings drawn from an alphabet of the
// bytes that matter, so valid and invalid UTF-8 and U+2028 appear in every combination.
Json random_json(std::mt19937& rng, int depth) {
    static const std::vector<std::string> alphabet{"a", "Z", " ", "\"", "\\", "/", std::string(1, '\0'), "\x1f", "\x7f",
                                                   "\xe2", "\x80", "\xa8", "\xa9", "\xc3", "\xa9", "\xff", "\xe2\x80\xa8",
                                                   "\xe2\x80\xa9", "\xf0\x9f\x98\x80", "\n", "~"};
    auto random_string = [&] {
        std::string s;
        const auto length = std::uniform_int_distribution<int>(0, 12)(rng);
        for (int i = 0; i < length; ++i) {
            // Mostly plain text, as real bodies are; sometimes anything.
            if (std::uniform_int_distribution<int>(0, 3)(rng) != 0)
                s += static_cast<char>(std::uniform_int_distribution<int>('a', 'z')(rng));
            else
                s += alphabet[std::uniform_int_distribution<std::size_t>(0, alphabet.size() - 1)(rng)];
        }
        return s;
    };
    const int kind = std::uniform_int_distribution<int>(0, depth > 0 ? 9 : 6)(rng);
    switch (kind) {
        case 0: return nullptr;
        case 1: return std::uniform_int_distribution<int>(0, 1)(rng) == 1;
        case 2: return std::uniform_int_distribution<std::int64_t>(std::numeric_limits<std::int64_t>::min(),
                                                                    std::numeric_limits<std::int64_t>::max())(rng);
        case 3: return std::uniform_int_distribution<std::uint64_t>()(rng);
        case 4: return std::uniform_real_distribution<double>(-1e6, 1e6)(rng);
        case 5:
        case 6: return random_string();
        case 7:
        case 8: {
            Json object = Json::object();
            const auto n = std::uniform_int_distribution<int>(0, 5)(rng);
            for (int i = 0; i < n; ++i) object[random_string()] = random_json(rng, depth - 1);
            return object;
        }
        default: {
            Json array = Json::array();
            const auto n = std::uniform_int_distribution<int>(0, 5)(rng);
            for (int i = 0; i < n; ++i) array.push_back(random_json(rng, depth - 1));
            return array;
        }
    }
}

TEST_CASE("content() writes the bytes nlohmann's dump() with U+2028/U+2029 escaped would write", "[http]") {
    SECTION("every special string, as a value, as a key, and inside containers") {
        for (const auto& s : drf_test::hostile_json_strings()) {
            INFO("string bytes: " << Json::binary(std::vector<std::uint8_t>(s.begin(), s.end())).dump());
            const Json value = s;
            CHECK(content(value) == reference_content(value));
            const Json keyed = {{s, s}, {"next", Json::array({s, 1, s})}};
            CHECK(content(keyed) == reference_content(keyed));
        }
    }
    SECTION("every scalar, alone and nested") {
        for (const auto& scalar : scalars()) {
            INFO(reference_content(scalar));
            CHECK(content(scalar) == reference_content(scalar));
            const Json nested = {{"a", Json::array({scalar, Json::object({{"b", scalar}})})}, {"c", scalar}};
            CHECK(content(nested) == reference_content(nested));
        }
    }
    SECTION("a page as the pagination renders it") {
        Json page = {{"next", "http://testserver/projects/?cursor=abc%3D"}, {"previous", nullptr}, {"results", Json::array()}};
        for (int i = 0; i < 25; ++i)
            page["results"].push_back({{"id", "5f0e2b1c-0d3a-4e7b-9c1d-2a3b4c5d6e7f"},
                                       {"name", i % 5 == 0 ? "Caf\xc3\xa9 \xe2\x80\xa8 \"x\"" : "Apollo"},
                                       {"count", i},
                                       {"ratio", i / 3.0},
                                       {"archived", i % 2 == 0},
                                       {"tags", Json::array()},
                                       {"owner", Json::object()}});
        CHECK(content(page) == reference_content(page));
    }
    SECTION("5000 random documents") {
        std::mt19937 rng(20261124);
        for (int i = 0; i < 5000; ++i) {
            const Json document = random_json(rng, 4);
            const std::string expected = reference_content(document);
            INFO("document " << i);
            REQUIRE(content(document) == expected);
        }
    }
    SECTION("no body is no bytes") {
        CHECK(drf::http::Response::no_content().content().empty());
    }
}

}  // namespace content_test
