// drf/db/detail/postgresql_text.hpp — the text the PostgreSQL backend writes and reads, without libpq:
// `?` placeholders numbered `$1, $2, …`, timestamptz and interval output parsed, interval input
// written, and passwords kept out of error messages. Separate so that it is tested on every build,
// with or without a server.
#pragma once

#include <drf/core/date.hpp>
#include <drf/core/datetime.hpp>

#include <cstdint>
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

// A duration as interval input: "<days> days <sign>HH:MM:SS.ffffff", days and time with the same sign
// ("0 days -00:00:01"), so each part stays within PostgreSQL's own ranges (hours past 2^31 are refused)
// for every drf::Duration.
inline std::string pg_interval_text(const Duration& d) {
    const std::int64_t us = d.total_microseconds();
    const std::int64_t days = us / drf::detail::us_per_day;  // truncated: the rest has the sign of the whole
    std::int64_t rest = us - days * drf::detail::us_per_day;
    std::string out = std::to_string(days) + " days ";
    if (rest < 0) {
        out += '-';
        rest = -rest;
    }
    const std::int64_t secs = rest / 1'000'000;
    drf::detail::put_digits(out, secs / 3600, 2);
    out += ':';
    drf::detail::put_digits(out, secs / 60 % 60, 2);
    out += ':';
    drf::detail::put_digits(out, secs % 60, 2);
    out += '.';
    drf::detail::put_digits(out, rest % 1'000'000, 6);
    return out;
}

// An interval as the server writes it with IntervalStyle iso_8601 (set for every session): "P1DT2H3M4.5S",
// "PT-1S", "P-1DT23H59M59.999999S", "PT0S", each part with its own sign. Years and months, which
// drf never writes, count 365 and 30 days, as psycopg reads them into a timedelta. nullopt for other
// text and past ±max_duration_days.
inline std::optional<Duration> parse_pg_interval(std::string_view text) noexcept {
    if (text.size() < 2 || text[0] != 'P') return std::nullopt;
    std::size_t p = 1;
    bool in_time = false;
    std::int64_t total = 0;
    bool any = false;
    while (p < text.size()) {
        if (text[p] == 'T') {
            if (in_time) return std::nullopt;
            in_time = true;
            ++p;
            continue;
        }
        bool negative = false;
        if (text[p] == '-' || text[p] == '+') negative = text[p++] == '-';
        std::int64_t whole = 0;
        std::size_t digits = 0;
        while (p < text.size() && text[p] >= '0' && text[p] <= '9') {
            if (__builtin_mul_overflow(whole, 10, &whole) || __builtin_add_overflow(whole, text[p] - '0', &whole))
                return std::nullopt;
            ++digits;
            ++p;
        }
        std::int64_t micro = 0;
        bool fraction = false;
        if (p < text.size() && text[p] == '.') {
            fraction = true;
            ++p;
            std::size_t f = 0;
            for (; p < text.size() && text[p] >= '0' && text[p] <= '9'; ++p, ++f)
                if (f < 6) micro = micro * 10 + (text[p] - '0');
            if (f == 0) return std::nullopt;
            for (; f < 6; ++f) micro *= 10;
        }
        if (digits == 0 || p >= text.size()) return std::nullopt;
        const char unit = text[p++];
        std::int64_t scale = 0;
        if (!in_time && unit == 'Y') scale = 365 * drf::detail::us_per_day;
        else if (!in_time && unit == 'M') scale = 30 * drf::detail::us_per_day;
        else if (!in_time && unit == 'D') scale = drf::detail::us_per_day;
        else if (in_time && unit == 'H') scale = 3'600'000'000;
        else if (in_time && unit == 'M') scale = 60'000'000;
        else if (in_time && unit == 'S') scale = 1'000'000;
        else return std::nullopt;
        if (fraction && unit != 'S') return std::nullopt;
        std::int64_t part = 0;
        if (__builtin_mul_overflow(whole, scale, &part) || __builtin_add_overflow(part, micro, &part)) return std::nullopt;
        if (__builtin_add_overflow(total, negative ? -part : part, &total)) return std::nullopt;
        any = true;
    }
    if (!any) return std::nullopt;
    const auto parsed = drf::detail::make_duration(total);
    if (parsed.error != ParsedDuration::Error::none) return std::nullopt;
    return parsed.value;
}

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
