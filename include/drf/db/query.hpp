// drf/db/query.hpp — typed query predicates on member pointers (Django's field lookups: exact, lt,
// in, isnull, contains, iexact, startswith, range, regex, search, ...), compiled to parameterized SQL:
//     filter(lt(&User::last_login, cutoff) && eq(&User::is_active, true))
// Values never enter the SQL text; they travel as bound parameters. A value of the wrong type for
// the field does not compile.
#pragma once

#include <drf/core/detail/traits.hpp>
#include <drf/db/value.hpp>
#include <drf/models/meta.hpp>

#include <concepts>
#include <cstddef>
#include <initializer_list>
#include <stdexcept>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

namespace drf::db {

// A member pointer that is not one of the model's meta fields (Django's FieldError).
class FieldError : public std::logic_error {
public:
    using std::logic_error::logic_error;
};

namespace detail {
// The model a member pointer belongs to: &User::id points into Model<User>, which is User's.
template <class C>
using model_of_t = models::model_of_t<C>;

// The column name of `member` in T's meta. Member pointers are compared, so the lookup is exact.
template <class T, class C, class M>
std::string_view column_of(M C::*member) {
    static_assert(std::is_same_v<models::model_of_t<C>, T>, "drf::db: the member belongs to another model");
    const std::string_view name = models::column_name(member);
    if (name.empty())
        throw FieldError("drf::db: the member is not a field of " + std::string(T::meta.table) +
                         "'s meta, so it has no column");
    return name;
}
}  // namespace detail

// Whether a value of type V may stand for a field of type M (a filter's value, a migration's default)
// without a surprising conversion: a bool only for a bool, a number (not a bool) for a number, text for
// text, any Boost duration for a Duration, and the exact type otherwise.
template <class V, class M>
constexpr bool compatible_value() {
    using D = std::remove_cvref_t<V>;
    if constexpr (std::is_same_v<M, bool>)
        return std::is_same_v<D, bool>;
    else if constexpr (std::is_integral_v<M>)
        return std::is_integral_v<D> && !std::is_same_v<D, bool>;
    else if constexpr (std::is_floating_point_v<M>)
        return std::is_arithmetic_v<D> && !std::is_same_v<D, bool>;
    else if constexpr (std::is_same_v<M, std::string>)
        return std::is_convertible_v<const D&, std::string_view>;
    else if constexpr (std::is_same_v<M, Duration>)
        return std::is_base_of_v<Duration, D>;  // Boost's hours(1), seconds(90) are durations
    else
        return std::is_same_v<D, M>;
}

// A WHERE clause for model T: SQL with `?` placeholders and the values bound to them, in order.
template <class T>
struct Condition {
    std::string sql;
    std::vector<Value> params;

    friend Condition operator&&(Condition a, Condition b) {
        a.sql = "(" + a.sql + " AND " + b.sql + ")";
        for (auto& p : b.params) a.params.push_back(std::move(p));
        return a;
    }
    friend Condition operator||(Condition a, Condition b) {
        a.sql = "(" + a.sql + " OR " + b.sql + ")";
        for (auto& p : b.params) a.params.push_back(std::move(p));
        return a;
    }
    friend Condition operator!(Condition a) {
        a.sql = "NOT " + a.sql;
        return a;
    }
};

namespace detail {
template <class C, class M, class V>
auto compare(M C::*member, const char* op, V&& value) {
    using T = model_of_t<C>;
    using Plain = drf::detail::unwrap_optional_t<M>;
    static_assert(compatible_value<V, Plain>(), "drf::db: the value's type does not match the field's type");
    Condition<T> c;
    c.sql = quote_name(column_of<T>(member)) + " " + op + " ?";
    c.params.push_back(ColumnTraits<Plain>::value(Plain(std::forward<V>(value))));
    return c;
}

// Escapes LIKE's wildcards so a user's text matches literally, with `%` before and/or after it.
inline std::string like_pattern(std::string_view text, bool any_before = true, bool any_after = true) {
    std::string out = any_before ? "%" : "";
    for (char c : text) {
        if (c == '%' || c == '_' || c == '\\') out += '\\';
        out += c;
    }
    if (any_after) out += '%';
    return out;
}

// A condition whose SQL depends on the dialect: the {kind:column} token the query compiler expands
// (expand() below), with the one value it compares bound as a parameter.
template <class C, class M>
auto text_lookup(std::string_view kind, M C::*member, Value value) {
    static_assert(std::is_same_v<drf::detail::unwrap_optional_t<M>, std::string>,
                  "drf::db: this lookup needs a text field (std::string or std::optional<std::string>)");
    using T = model_of_t<C>;
    return Condition<T>{"{" + std::string(kind) + ":" + quote_name(column_of<T>(member)) + "}", {std::move(value)}};
}
}  // namespace detail

// field = value (Django's field=value / field__exact)
template <class C, class M, class V>
auto eq(M C::*member, V&& value) { return detail::compare(member, "=", std::forward<V>(value)); }
// field != value
template <class C, class M, class V>
auto ne(M C::*member, V&& value) { return detail::compare(member, "<>", std::forward<V>(value)); }
// field__lt, __lte, __gt, __gte
template <class C, class M, class V>
auto lt(M C::*member, V&& value) { return detail::compare(member, "<", std::forward<V>(value)); }
template <class C, class M, class V>
auto le(M C::*member, V&& value) { return detail::compare(member, "<=", std::forward<V>(value)); }
template <class C, class M, class V>
auto gt(M C::*member, V&& value) { return detail::compare(member, ">", std::forward<V>(value)); }
template <class C, class M, class V>
auto ge(M C::*member, V&& value) { return detail::compare(member, ">=", std::forward<V>(value)); }

// field__in=[...]; an empty list matches nothing.
template <class C, class M, class Range>
auto in(M C::*member, const Range& values) {
    using T = detail::model_of_t<C>;
    using Plain = drf::detail::unwrap_optional_t<M>;
    Condition<T> c;
    std::string list;
    for (const auto& v : values) {
        static_assert(compatible_value<decltype(v), Plain>(),
                      "drf::db::in: the values' type does not match the field's type");
        list += list.empty() ? "?" : ", ?";
        c.params.push_back(ColumnTraits<Plain>::value(Plain(v)));
    }
    c.sql = list.empty() ? std::string("1 = 0") : quote_name(detail::column_of<T>(member)) + " IN (" + list + ")";
    return c;
}
template <class C, class M, class V>
auto in(M C::*member, std::initializer_list<V> values) {
    return in<C, M, std::initializer_list<V>>(member, values);
}

// field__isnull=True/False
template <class C, class M>
auto is_null(M C::*member, bool null = true) {
    static_assert(drf::detail::is_optional_v<M>, "drf::db::is_null: the field is not nullable (not a std::optional)");
    using T = detail::model_of_t<C>;
    return Condition<T>{quote_name(detail::column_of<T>(member)) + (null ? " IS NULL" : " IS NOT NULL"), {}};
}

// Substring tests on text fields, case-sensitive (contains) or not (icontains, ASCII case folding).
// The SQL differs per dialect, so the condition holds a {contains:column} token that the query
// compiler expands with the dialect; the text itself is always a bound parameter.
template <class C, class M>
auto contains(M C::*member, std::string text) {
    static_assert(std::is_same_v<drf::detail::unwrap_optional_t<M>, std::string>,
                  "drf::db::contains: the field is not text");
    using T = detail::model_of_t<C>;
    return Condition<T>{"{contains:" + quote_name(detail::column_of<T>(member)) + "}", {Value(std::move(text))}};
}
template <class C, class M>
auto icontains(M C::*member, std::string text) {
    static_assert(std::is_same_v<drf::detail::unwrap_optional_t<M>, std::string>,
                  "drf::db::icontains: the field is not text");
    using T = detail::model_of_t<C>;
    return Condition<T>{"{icontains:" + quote_name(detail::column_of<T>(member)) + "}",
                        {Value(detail::like_pattern(text))}};
}

// field__iexact: equal, ignoring case (SQLite folds ASCII letters only, as Django's LIKE there does).
template <class C, class M>
auto iexact(M C::*member, std::string_view text) {
    return detail::text_lookup("iexact", member, Value(detail::like_pattern(text, false, false)));
}
// field__startswith / __endswith, case-sensitive on every backend (Django's SQLite LIKE is not).
template <class C, class M>
auto startswith(M C::*member, std::string text) {
    return detail::text_lookup("startswith", member, Value(std::move(text)));
}
template <class C, class M>
auto endswith(M C::*member, std::string text) {
    return detail::text_lookup("endswith", member, Value(std::move(text)));
}
// field__istartswith / __iendswith: the same, ignoring case.
template <class C, class M>
auto istartswith(M C::*member, std::string_view text) {
    return detail::text_lookup("istartswith", member, Value(detail::like_pattern(text, false, true)));
}
template <class C, class M>
auto iendswith(M C::*member, std::string_view text) {
    return detail::text_lookup("iendswith", member, Value(detail::like_pattern(text, true, false)));
}
// field__regex / __iregex: the pattern is a bound parameter in the database's own regular-expression
// language (PostgreSQL's POSIX `~` and `~*`). SQLite has no REGEXP: compiling the query there throws
// NotSupportedError.
template <class C, class M>
auto regex(M C::*member, std::string pattern) {
    return detail::text_lookup("regex", member, Value(std::move(pattern)));
}
template <class C, class M>
auto iregex(M C::*member, std::string pattern) {
    return detail::text_lookup("iregex", member, Value(std::move(pattern)));
}
// field__search: Django's full-text lookup, PostgreSQL's to_tsvector(field) @@ plainto_tsquery(text).
// SQLite: NotSupportedError when the query is compiled.
template <class C, class M>
auto search(M C::*member, std::string text) {
    return detail::text_lookup("search", member, Value(std::move(text)));
}

// field__range=(lo, hi): lo <= field <= hi, both ends included (SQL's BETWEEN, as Django's).
template <class C, class M, class L, class H>
auto range(M C::*member, L&& lo, H&& hi) {
    using T = detail::model_of_t<C>;
    using Plain = drf::detail::unwrap_optional_t<M>;
    static_assert(compatible_value<L, Plain>() && compatible_value<H, Plain>(),
                  "drf::db::range: the bounds' type does not match the field's type");
    Condition<T> c;
    c.sql = quote_name(detail::column_of<T>(member)) + " BETWEEN ? AND ?";
    c.params.push_back(ColumnTraits<Plain>::value(Plain(std::forward<L>(lo))));
    c.params.push_back(ColumnTraits<Plain>::value(Plain(std::forward<H>(hi))));
    return c;
}

namespace detail {
// Expands the dialect tokens of a condition's SQL ({contains:col}, {icontains:col}, {iexact:col}, ...).
inline std::string lookup_sql(const Dialect& dialect, std::string_view kind, std::string_view column) {
    if (kind == "contains") return dialect.contains(column);
    if (kind == "icontains") return dialect.icontains(column);
    if (kind == "iexact") return dialect.iexact(column);
    if (kind == "startswith") return dialect.startswith(column);
    if (kind == "istartswith") return dialect.istartswith(column);
    if (kind == "endswith") return dialect.endswith(column);
    if (kind == "iendswith") return dialect.iendswith(column);
    if (kind == "regex") return dialect.regex(column);
    if (kind == "iregex") return dialect.iregex(column);
    if (kind == "search") return dialect.search(column);
    throw std::logic_error("drf::db: unknown lookup {" + std::string(kind) + "}");
}
inline std::string expand(const Dialect& dialect, std::string_view sql) {
    std::string out;
    out.reserve(sql.size());
    std::size_t pos = 0;
    while (true) {
        const auto open = sql.find('{', pos);
        if (open == std::string_view::npos) break;
        const auto close = sql.find('}', open);
        out.append(sql.substr(pos, open - pos));
        const std::string_view token = sql.substr(open + 1, close - open - 1);
        const auto colon = token.find(':');
        out += lookup_sql(dialect, token.substr(0, colon), token.substr(colon + 1));
        pos = close + 1;
    }
    out.append(sql.substr(pos));
    return out;
}
}  // namespace detail

// set(&User::is_active, false): one assignment of a bulk update().
template <class T>
struct Assignment {
    std::string_view column;
    Value value;
};
template <class C, class M, class V>
auto set(M C::*member, V&& value) {
    using T = detail::model_of_t<C>;
    static_assert(compatible_value<V, drf::detail::unwrap_optional_t<M>>() ||
                      (drf::detail::is_optional_v<M> && std::is_same_v<std::remove_cvref_t<V>, std::nullopt_t>),
                  "drf::db::set: the value's type does not match the field's type");
    return Assignment<T>{detail::column_of<T>(member), ColumnTraits<M>::value(M(std::forward<V>(value)))};
}

// One ORDER BY term, resolved to its column.
struct Ordering {
    std::string_view column;
    bool descending = false;
};

}  // namespace drf::db
