// drf/db/detail/postgresql_text.hpp — the text the PostgreSQL backend writes and reads, without libpq:
// `?` placeholders numbered `$1, $2, …`, timestamptz output parsed, and passwords kept out of error
// messages. Separate so that it is tested on every build, with or without a server.
#pragma once

#include <drf/core/datetime.hpp>

#include <optional>
#include <string>
#include <string_view>

namespace drf::db::postgresql::detail {

// Rewrites the `?` placeholders of `sql` as `$1`, `$2`, … in order. A `?` inside a string literal
// ('it''s?'), a quoted identifier ("what?"), a dollar-quoted string ($$…$$, $tag$…$tag$) or a comment
// (-- …, /* … */) is text, not a placeholder, and is left alone.
inline std::string numbered_placeholders(std::string_view sql) {
    std::string out;
    out.reserve(sql.size() + 8);
    int n = 0;
    std::size_t i = 0;
    auto copy_until = [&](std::size_t end) {
        out.append(sql.substr(i, end - i));
        i = end;
    };
    while (i < sql.size()) {
        const char c = sql[i];
        if (c == '?') {
            out += '$';
            out += std::to_string(++n);
            ++i;
        } else if (c == '\'' || c == '"') {
            // A doubled quote inside is an escaped quote: scanning to each closing quote handles it.
            const auto close = sql.find(c, i + 1);
            copy_until(close == std::string_view::npos ? sql.size() : close + 1);
        } else if (c == '-' && i + 1 < sql.size() && sql[i + 1] == '-') {
            const auto eol = sql.find('\n', i);
            copy_until(eol == std::string_view::npos ? sql.size() : eol);
        } else if (c == '/' && i + 1 < sql.size() && sql[i + 1] == '*') {
            const auto close = sql.find("*/", i + 2);
            copy_until(close == std::string_view::npos ? sql.size() : close + 2);
        } else if (c == '$') {
            // $tag$ … $tag$, where tag is empty or an identifier; $1 (a numbered parameter) is not a quote.
            std::size_t j = i + 1;
            while (j < sql.size() && (sql[j] == '_' || (sql[j] >= 'a' && sql[j] <= 'z') || (sql[j] >= 'A' && sql[j] <= 'Z') ||
                                      (j > i + 1 && sql[j] >= '0' && sql[j] <= '9')))
                ++j;
            if (j < sql.size() && sql[j] == '$') {
                const std::string_view tag = sql.substr(i, j - i + 1);
                const auto close = sql.find(tag, j + 1);
                copy_until(close == std::string_view::npos ? sql.size() : close + tag.size());
            } else {
                out += c;
                ++i;
            }
        } else {
            out += c;
            ++i;
        }
    }
    return out;
}

// timestamptz as the server writes it with DateStyle ISO and TimeZone UTC: "2026-11-23 19:43:37.727356+00"
// (no fraction when it is zero). Other offsets are accepted too; years outside 1400-9999 are not
// (Boost.date_time's range), nor are 'infinity' and BC dates.
inline std::optional<DateTime> parse_pg_datetime(std::string_view text) noexcept { return parse_datetime(text); }

// The URL with its password replaced by "***", for error messages and logs.
inline std::string redacted_url(std::string_view url) {
    std::string out(url);
    const auto scheme = out.find("://");
    if (scheme != std::string::npos) {
        const auto at = out.find('@', scheme + 3);
        const auto slash = out.find('/', scheme + 3);
        if (at != std::string::npos && (slash == std::string::npos || at < slash)) {
            const auto colon = out.find(':', scheme + 3);
            if (colon != std::string::npos && colon < at) out.replace(colon + 1, at - colon - 1, "***");
        }
    }
    // Keyword form: password=secret
    for (auto at = out.find("password="); at != std::string::npos; at = out.find("password=", at + 1)) {
        const auto start = at + 9;
        auto end = out.find_first_of(" &", start);
        if (end == std::string::npos) end = out.size();
        out.replace(start, end - start, "***");
    }
    return out;
}

}  // namespace drf::db::postgresql::detail
