// tests/fuzz/filter_sql_fuzz.cpp — arbitrary query strings through a FilterSet (plain parameters and OR
// groups) on SQLite. Properties: the answer is a queryset or a ValidationError whose keys are keys the
// client sent; the queryset's SQL is made only of the model's quoted names, SQL keywords and functions,
// operators, a few fixed literals and `?` placeholders — no user value ever reaches the SQL text — and
// its placeholders are exactly its bound parameters; the database runs it.
#include "fuzz.hpp"

#include <drf/db.hpp>
#include <drf/db/sqlite.hpp>
#include <drf/filters/filterset.hpp>
#include <drf/http/request.hpp>

#include <cstdint>
#include <exception>
#include <optional>
#include <set>
#include <string>
#include <string_view>

namespace {

namespace db = drf::db;
namespace f = drf::filters;
using namespace drf::filters::lookups;
using drf_fuzz::require;

struct Thing : drf::models::Model<Thing> {
    std::string name;
    bool flag = false;
    drf::Uuid ref;
    std::int64_t count = 0;
    double ratio = 0;
    std::optional<std::string> note;
    std::optional<drf::DateTime> due;
    static constexpr auto meta = drf::models::meta<Thing>(
        "things", drf::models::field<&Thing::name>(), drf::models::field<&Thing::flag>(),
        drf::models::field<&Thing::ref>(), drf::models::field<&Thing::count>(), drf::models::field<&Thing::ratio>(),
        drf::models::field<&Thing::note>(), drf::models::field<&Thing::due>());
};

db::QuerySet<Thing> positive(db::QuerySet<Thing> query, bool yes) {
    return query.filter(yes ? db::gt(&Thing::count, 0) : db::le(&Thing::count, 0));
}

constexpr auto thing_filters = f::filters<Thing>(
    f::filter<&Thing::name>({exact, iexact, contains, icontains, startswith, istartswith, endswith, iendswith, gt, lte, in, range}),
    f::filter<&Thing::flag>(), f::filter<&Thing::ref>({exact, in}),
    f::filter<&Thing::count>({exact, gt, gte, lt, lte, in, range}), f::filter<&Thing::ratio>({exact, gte, range}),
    f::filter<&Thing::note>({exact, isnull, icontains, in}), f::filter<&Thing::due>({gte, lt, isnull, range, in}),
    f::filter<&Thing::created_at>({gte, lte}), f::method<&positive>("positive"));

db::Database& database() {
    static db::Database d = [] {
        auto opened = db::sqlite::open(":memory:");
        for (const auto& s : db::create_table_sql<Thing>(opened.dialect())) opened.connection().execute(s);
        return opened;
    }();
    return d;
}

bool is_word_char(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

// The SQL text may hold only these: checked token by token.
void check_sql(const std::string& sql, std::size_t params) {
    static const std::set<std::string, std::less<>> names = {"things", "id", "created_at", "updated_at", "name", "flag",
                                                             "ref", "count", "ratio", "note", "due"};
    static const std::set<std::string, std::less<>> words = {
        "SELECT", "FROM", "WHERE", "AND", "OR", "NOT", "IN", "IS", "NULL", "LIKE", "ESCAPE", "BETWEEN", "ORDER", "BY",
        "ASC", "DESC", "LIMIT", "OFFSET", "instr", "hex"};
    static const std::set<std::string, std::less<>> literals = {"\\", "%", ""};
    std::size_t placeholders = 0;
    for (std::size_t i = 0; i < sql.size();) {
        const char c = sql[i];
        if (c == ' ') {
            ++i;
        } else if (c == '"') {
            const auto end = sql.find('"', i + 1);
            require(end != std::string::npos, "a quoted name is closed", sql);
            require(names.count(std::string_view(sql).substr(i + 1, end - i - 1)) == 1, "only the model's names are quoted", sql);
            i = end + 1;
        } else if (c == '\'') {
            const auto end = sql.find('\'', i + 1);
            require(end != std::string::npos, "a literal is closed", sql);
            require(literals.count(std::string_view(sql).substr(i + 1, end - i - 1)) == 1, "only fixed literals", sql);
            i = end + 1;
        } else if (c == '?') {
            ++placeholders;
            ++i;
        } else if (is_word_char(c)) {
            std::size_t end = i;
            while (end < sql.size() && is_word_char(sql[end])) ++end;
            const std::string_view word = std::string_view(sql).substr(i, end - i);
            const bool number = word.find_first_not_of("0123456789") == std::string_view::npos;
            require(number || words.count(word) == 1, "only keywords, functions and numbers are bare words", sql);
            i = end;
        } else {
            require(std::string_view("(),=<>|*").find(c) != std::string_view::npos, "only operators", sql);
            ++i;
        }
    }
    require(placeholders == params, "the placeholders are exactly the bound parameters", sql);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text = drf_fuzz::as_text(data, size);
    if (text.size() > 4096) return 0;  // a request line's query is bounded before it gets here
    try {
        const drf::http::Request request(drf::http::Method::get, "/things/?" + std::string(text));
        std::optional<db::QuerySet<Thing>> query;
        try {
            query = thing_filters.filter_queryset(request, db::objects<Thing>(database()).all());
        } catch (const drf::ValidationError& e) {
            const drf::Json body = e.detail();
            require(body.is_object() && !body.empty(), "a ValidationError names the bad parameters");
            for (const auto& [key, messages] : body.items()) {
                require(request.query_param(key).has_value(), "every key of the error body is a key the client sent", key);
                require(messages.is_array() && messages.size() == 1 && messages[0].is_string(), "one message per key", key);
            }
            return 0;
        }
        check_sql(query->sql(), query->params().size());
        (void)query->count();  // the database takes the SQL and its parameters
    } catch (const std::exception& e) {
        drf_fuzz::fail("unexpected exception", e.what());
    }
    return 0;
}
