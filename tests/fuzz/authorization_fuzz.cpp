// tests/fuzz/authorization_fuzz.cpp — TokenAuthentication on an arbitrary Authorization header value,
// against an in-memory SQLite database (set up once) holding an active and an inactive user, each with
// a token whose key the seed corpus knows. Property: the outcome is what DRF's rules give, computed
// here independently (words split as Python splits bytes, UTF-8 checked by decoding): "not this
// scheme", the active user, or the right one of DRF's five AuthenticationFailed messages, rendered as a
// 401 with the keyword as its challenge.
#include "fuzz.hpp"

#include <drf/auth.hpp>
#include <drf/core/crypto.hpp>
#include <drf/db.hpp>
#include <drf/db/sqlite.hpp>
#include <drf/http.hpp>
#include <drf/migrations.hpp>

#include <array>
#include <exception>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace auth = drf::auth;
namespace db = drf::db;
namespace http = drf::http;
using drf_fuzz::require;

namespace {

constexpr std::string_view active_key = "0123456789abcdef0123456789abcdef01234567";
constexpr std::string_view inactive_key = "fedcba9876543210fedcba9876543210fedcba98";

// A token with a known key: create_token() draws keys at random, which no corpus file could hold.
void give_token(db::Database& database, const auth::User& user, std::string_view key) {
    auth::Token token;
    token.digest = drf::crypto::sha256_hex(key);
    token.user_id = user.id;
    db::objects<auth::Token>(database).create(std::move(token));
}

db::Database open_database() {
    auto database = db::sqlite::open(":memory:");
    drf::migrations::Migrator(database, auth::migrations()).migrate();
    give_token(database, auth::create_user(database, "active"), active_key);
    give_token(database, auth::create_user(database, "inactive", {.is_active = false}), inactive_key);
    return database;
}

db::Databases& databases() {
    static db::Databases instance{open_database};
    return instance;
}

constexpr std::array<std::string_view, 5> messages{
    "Invalid token header. No credentials provided.",
    "Invalid token header. Token string should not contain spaces.",
    "Invalid token header. Token string should not contain invalid characters.",
    "Invalid token.",
    "User inactive or deleted.",
};

// The reference the outcome is checked against, written independently of the code under test:
// Python's bytes.split() ...
std::vector<std::string_view> python_split(std::string_view s) {
    const auto space = [](char c) { return std::string_view(" \t\n\r\v\f").find(c) != std::string_view::npos; };
    std::vector<std::string_view> words;
    std::size_t i = 0;
    while (i < s.size()) {
        if (space(s[i])) {
            ++i;
            continue;
        }
        std::size_t end = i;
        while (end < s.size() && !space(s[end])) ++end;
        words.push_back(s.substr(i, end - i));
        i = end;
    }
    return words;
}

// ... bytes.decode() (strict UTF-8, by decoding each code point) ...
bool python_decodes(std::string_view s) {
    for (std::size_t i = 0; i < s.size();) {
        const auto b = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
        const unsigned char lead = b(i);
        std::size_t n = 0;
        char32_t cp = 0;
        if (lead < 0x80) n = 0, cp = lead;
        else if ((lead & 0xE0) == 0xC0) n = 1, cp = lead & 0x1F;
        else if ((lead & 0xF0) == 0xE0) n = 2, cp = lead & 0x0F;
        else if ((lead & 0xF8) == 0xF0) n = 3, cp = lead & 0x07;
        else return false;
        if (i + n >= s.size()) return false;  // truncated
        for (std::size_t k = 1; k <= n; ++k) {
            if ((b(i + k) & 0xC0) != 0x80) return false;
            cp = (cp << 6) | (b(i + k) & 0x3F);
        }
        constexpr char32_t least[] = {0, 0x80, 0x800, 0x10000};
        if (cp < least[n] || (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF) return false;
        i += n + 1;
    }
    return true;
}

// ... and DRF's TokenAuthentication.authenticate: the index in `messages` of the refusal expected,
// -1 for "not this scheme", -2 for the active user.
int expected(const auth::TokenAuthentication& authentication, std::string_view header) {
    const auto words = python_split(header);
    const auto lower = [](std::string_view w) {
        std::string out(w);
        for (auto& c : out)
            if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + ('a' - 'A'));
        return out;
    };
    if (words.empty() || lower(words[0]) != lower(authentication.keyword())) return -1;
    if (words.size() == 1) return 0;
    if (words.size() > 2) return 1;
    if (!python_decodes(words[1])) return 2;
    if (words[1] == active_key) return -2;
    if (words[1] == inactive_key) return 4;
    return 3;
}

void check(const auth::TokenAuthentication& authentication, std::string_view header) {
    http::Headers headers;
    headers.add("Authorization", std::string(header));
    const http::Request request(http::Method::get, "/projects/", std::move(headers));
    const int want = expected(authentication, header);
    try {
        const auto user = authentication.authenticate(request);
        if (!user) {
            require(want == -1, "only a header not naming the keyword is passed on to the next authenticator");
            return;
        }
        require(want == -2, "only the active user's key authenticates");
        require(user->username == "active" && user->is_active, "the key's user is returned");
    } catch (const http::AuthenticationFailed& e) {
        require(want >= 0, "only a header naming the keyword is refused", e.detail());
        require(e.detail() == messages[static_cast<std::size_t>(want)], "the refusal has DRF's message for the case", e.detail());
        const http::Response response = http::handle_exception(std::current_exception(), authentication.keyword());
        require(response.status_code() == 401, "a refused token is a 401");
        require(response.headers().get("WWW-Authenticate") == authentication.keyword(), "the challenge is the keyword");
        require(response.content() == R"({"detail":")" + e.detail() + R"("})", "the body is {\"detail\": message}", response.content());
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const auth::TokenAuthentication token(databases());
    static const auth::TokenAuthentication bearer(databases(), "Bearer");
    const std::string_view header = drf_fuzz::as_text(data, size);
    try {
        check(token, header);
        check(bearer, header);
    } catch (const std::exception& e) {
        drf_fuzz::fail("unexpected exception", e.what());
    }
    return 0;
}
