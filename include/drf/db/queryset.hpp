// drf/db/queryset.hpp — Django's QuerySet, typed: a QuerySet<T> filters, orders, slices, counts,
// bulk-updates and bulk-deletes with one parameterized statement each, and sends no signals (the
// single-object operations that do are Manager<T>'s, in <drf/db/manager.hpp>).
#pragma once

#include <drf/core/type_name.hpp>
#include <drf/db/database.hpp>
#include <drf/db/detail/rows.hpp>
#include <drf/db/query.hpp>
#include <drf/db/rows.hpp>
#include <drf/db/value.hpp>
#include <drf/models/meta.hpp>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <tuple>
#include <utility>
#include <vector>

namespace drf::db {

// Django's Model.DoesNotExist: "Project matching query does not exist."
class DoesNotExist : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};
// Django's MultipleObjectsReturned, from get() with a condition that matches several rows.
class MultipleObjectsReturned : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

namespace detail {
template <class T>
std::string model_name() {
    return std::string(drf::type_name<T>());
}

inline void bind_params(Statement& s, const std::vector<Value>& params, int first = 1) {
    int i = first;
    for (const auto& p : params) bind_value(s, i++, p);
}
}  // namespace detail

template <class T>
class QuerySet {
public:
    explicit QuerySet(Database& db) : db_(&db) {}

    // Rows matching all conditions so far and this one (Django's filter()).
    QuerySet filter(Condition<T> condition) const {
        QuerySet q = *this;
        q.where_ = where_ ? std::optional(std::move(*where_) && std::move(condition)) : std::optional(std::move(condition));
        return q;
    }
    // Rows not matching `condition` (Django's exclude()).
    QuerySet exclude(Condition<T> condition) const { return filter(!std::move(condition)); }

    // order_by(desc(&T::created_at), asc(&T::name)); replaces any earlier ordering. The id is appended as
    // the final tie-breaker unless already there, so every ordering is total.
    template <class... Terms>
    QuerySet order_by(Terms... terms) const {
        QuerySet q = *this;
        q.order_.clear();
        (q.order_.push_back({detail::column_of<T>(terms.member), terms.descending}), ...);
        return q;
    }
    // The same with terms chosen at run time (an OrderingFilter's, from the request): each column must
    // be one of T's meta fields (FieldError otherwise); a later term on a column already ordered by is
    // dropped, as it could not change the order.
    QuerySet order_by(const std::vector<Ordering>& terms) const {
        QuerySet q = *this;
        q.order_.clear();
        const auto names = T::meta.names();
        for (const auto& term : terms) {
            const std::size_t index = T::meta.index_of(term.column);
            if (index == T::meta.field_count)
                throw FieldError("drf::db::QuerySet::order_by: '" + std::string(term.column) + "' is not a field of " +
                                 std::string(T::meta.table) + "'s meta");
            const bool seen = std::any_of(q.order_.begin(), q.order_.end(),
                                          [&](const Ordering& o) { return o.column == names[index]; });
            if (!seen) q.order_.push_back({names[index], term.descending});  // the meta's name: it outlives us
        }
        return q;
    }
    // The terms given to order_by (without the id appended), empty when the queryset uses the model's
    // default ordering; Django's query.order_by. Cursor pagination keys on these when there are any.
    const std::vector<Ordering>& explicit_ordering() const noexcept { return order_; }

    QuerySet limit(std::size_t n) const {
        QuerySet q = *this;
        q.limit_ = n;
        return q;
    }
    QuerySet offset(std::size_t n) const {
        QuerySet q = *this;
        q.offset_ = n;
        return q;
    }
    // Django's select_for_update(): the rows read stay locked until the transaction ends, so a check
    // then a write on them cannot interleave with another transaction's. PostgreSQL: SELECT ... FOR
    // UPDATE; SQLite adds nothing, since atomic() there is BEGIN IMMEDIATE and holds the write lock.
    // Only inside atomic(), as in Django (std::logic_error otherwise: the lock would end at once).
    QuerySet select_for_update() const {
        QuerySet q = *this;
        q.for_update_ = true;
        return q;
    }

    // Keyset pagination: rows strictly after `key` in this queryset's ordering (or at it, when
    // `inclusive`), where key holds the values of the ordering columns followed by the id (see
    // ordering() and key_of()).
    QuerySet after(std::vector<Value> key, bool inclusive = false) const { return seek(std::move(key), false, inclusive); }
    // Rows strictly before `key` (or at it), nearest first in the query but returned in this
    // queryset's order.
    QuerySet before(std::vector<Value> key, bool inclusive = false) const { return seek(std::move(key), true, inclusive); }

    // The total ordering used: the explicit or default (-created_at) terms, then id.
    std::vector<Ordering> ordering() const {
        std::vector<Ordering> terms;
        for_each_ordering_term([&](const Ordering& o) { terms.push_back(o); });
        return terms;
    }

    // The keyset of a row for this ordering: its ordering columns' values, then its id.
    std::vector<Value> key_of(const T& row) const {
        std::vector<Value> key;
        for (const auto& term : ordering()) {
            T::meta.for_each_field([&](const auto& f) {
                using M = typename std::remove_cvref_t<decltype(f)>::value_type;
                if (f.name == term.column) key.push_back(ColumnTraits<M>::value(row.*f.member));
            });
        }
        return key;
    }

    std::vector<T> all() const {
        if (for_update_ && !db_->in_atomic_block())
            throw std::logic_error("select_for_update cannot be used outside of a transaction.");
        std::vector<Value> params;
        const std::string sql = select_sql(params);
        StatementScope s(prepare(sql));
        detail::bind_params(*s, params);
        std::vector<T> rows;
        if (limit_) rows.reserve(std::min<std::size_t>(*limit_, 1000));  // one allocation for a page, not log2(n)
        while (s->step()) {
            rows.push_back(models::make_no_init<T>());
            read_row(*s, rows.back());
        }
        if (reversed_) std::reverse(rows.begin(), rows.end());
        return rows;
    }

    std::optional<T> first() const {
        auto rows = limit(limit_ ? std::min<std::size_t>(*limit_, 1) : 1).all();
        if (rows.empty()) return std::nullopt;
        return std::move(rows.front());
    }

    // Exactly one row: DoesNotExist or MultipleObjectsReturned otherwise (Django's get()).
    T get() const {
        auto rows = limit(limit_ ? std::min<std::size_t>(*limit_, 2) : 2).all();
        if (rows.empty()) throw DoesNotExist(detail::model_name<T>() + " matching query does not exist.");
        if (rows.size() > 1)
            throw MultipleObjectsReturned("get() returned more than one " + detail::model_name<T>() + ".");
        return std::move(rows.front());
    }

    std::int64_t count() const {
        std::vector<Value> params;
        std::string sql;
        if (limit_ || offset_) {
            sql = "SELECT COUNT(*) FROM (" + select_sql(params) + ") AS \"sliced\"";
        } else {
            sql = "SELECT COUNT(*) FROM " + quote_name(T::meta.table) + where_sql(params);
        }
        StatementScope s(prepare(sql));
        detail::bind_params(*s, params);
        s->step();
        return s->column_int(0);
    }

    bool exists() const {
        std::vector<Value> params;
        const std::string sql = (limit_ || offset_) ? "SELECT 1 FROM (" + select_sql(params) + ") AS \"sliced\" LIMIT 1"
                                                    : "SELECT 1 FROM " + quote_name(T::meta.table) + where_sql(params) + " LIMIT 1";
        StatementScope s(prepare(sql));
        detail::bind_params(*s, params);
        return s->step();
    }

    // Bulk UPDATE in one statement; returns the number of rows matched. As in Django, no signals are
    // sent and updated_at is not touched unless assigned here.
    template <class... A>
    std::int64_t update(Assignment<T> first, A... rest) const {
        require_unsliced("update");
        std::vector<Assignment<T>> assignments{std::move(first), std::move(rest)...};
        std::string sql = "UPDATE " + quote_name(T::meta.table) + " SET ";
        std::vector<Value> params;
        for (std::size_t i = 0; i < assignments.size(); ++i) {
            sql += (i ? ", " : "") + quote_name(assignments[i].column) + " = ?";
            params.push_back(std::move(assignments[i].value));
        }
        sql += where_sql(params);
        StatementScope s(prepare(sql));
        detail::bind_params(*s, params);
        s->step();
        return db_->connection().changes();
    }

    // Bulk DELETE in one statement; returns the number of rows deleted. No signals are sent (Django sends
    // pre_delete/post_delete per row when receivers are connected, at the cost of fetching every row):
    // delete through Manager::remove when receivers must see each row.
    std::int64_t remove() const {
        require_unsliced("delete");
        std::vector<Value> params;
        const std::string sql = "DELETE FROM " + quote_name(T::meta.table) + where_sql(params);
        StatementScope s(prepare(sql));
        detail::bind_params(*s, params);
        s->step();
        return db_->connection().changes();
    }

    // The SELECT this queryset runs, with `?` placeholders (for EXPLAIN and debugging).
    std::string sql() const {
        std::vector<Value> params;
        return select_sql(params);
    }
    std::vector<Value> params() const {
        std::vector<Value> params;
        select_sql(params);
        return params;
    }

    // Django's QuerySet.explain(): how the database would run this queryset's SELECT, one line per
    // plan row, in the backend's own words (EXPLAIN QUERY PLAN on SQLite, EXPLAIN on PostgreSQL).
    std::string explain() const {
        std::vector<Value> params;
        const std::string sql = db_->dialect().explain(select_sql(params));
        StatementScope s(prepare(sql));
        detail::bind_params(*s, params);
        std::string plan;
        const int column = db_->dialect().explain_column();
        while (s->step()) {
            plan += s->column_text(column);
            plan += '\n';
        }
        return plan;
    }

private:
    Statement& prepare(const std::string& sql) const {
        return db_->connection().prepare(sql);
    }

    void require_unsliced(const char* what) const {
        if (limit_ || offset_)
            throw std::logic_error(std::string("Cannot ") + what + " a query once a slice has been taken.");
    }

    std::string where_sql(std::vector<Value>& params) const {
        if (!where_) return {};
        for (const auto& p : where_->params) params.push_back(p);
        return " WHERE " + detail::expand(db_->dialect(), where_->sql);
    }

    // Calls f with each term of ordering() in turn, without building its vector.
    template <class F>
    void for_each_ordering_term(F&& f) const {
        bool any = false, has_id = false, last_descending = false;
        const auto visit = [&](const Ordering& o) {
            any = true;
            has_id = has_id || o.column == "id";
            last_descending = o.descending;
            f(o);
        };
        if (order_.empty())
            std::apply([&](const auto&... term) { (visit(Ordering{detail::column_of<T>(term.member), term.descending}), ...); },
                       T::meta.ordering_terms);
        else
            for (const auto& o : order_) visit(o);
        if (!has_id) f(Ordering{"id", any && last_descending});
    }

    // Every query builds its SQL (the statement cache is keyed by it), so the pieces are appended to one
    // string rather than concatenated into temporaries.
    std::string select_sql(std::vector<Value>& params) const {
        std::string sql;
        sql.reserve(column_list<T>().size() + 160);
        sql += "SELECT ";
        sql += column_list<T>();
        sql += " FROM \"";
        sql += T::meta.table;
        sql += '"';
        sql += where_sql(params);
        sql += " ORDER BY ";
        bool first = true;
        for_each_ordering_term([&](const Ordering& o) {
            sql += first ? "\"" : ", \"";
            sql += o.column;
            sql += (o.descending != reversed_) ? "\" DESC" : "\" ASC";
            first = false;
        });
        if (limit_) {
            sql += " LIMIT ?";
            params.push_back(static_cast<std::int64_t>(*limit_));
        } else if (offset_) {
            sql += " LIMIT " + std::string(db_->dialect().no_limit());
        }
        if (offset_) {
            sql += " OFFSET ?";
            params.push_back(static_cast<std::int64_t>(*offset_));
        }
        if (for_update_ && db_->dialect().name() == "postgresql") sql += " FOR UPDATE";
        return sql;
    }

    QuerySet seek(std::vector<Value> key, bool before, bool inclusive) const {
        const auto terms = ordering();
        if (key.size() != terms.size())
            throw std::invalid_argument("drf::db::QuerySet: a keyset needs " + std::to_string(terms.size()) +
                                        " values (the ordering columns, then id), got " + std::to_string(key.size()));
        // Strictly after in ascending order is '>'; a descending term, or seeking backwards, flips it.
        auto op = [&](const Ordering& o) { return (o.descending != before) ? std::string(" < ") : std::string(" > "); };
        auto last_op = [&](const Ordering& o) {
            return inclusive ? ((o.descending != before) ? std::string(" <= ") : std::string(" >= ")) : op(o);
        };
        const bool uniform = std::all_of(terms.begin(), terms.end(),
                                         [&](const Ordering& o) { return o.descending == terms.front().descending; });
        Condition<T> c;
        if (uniform && terms.size() > 1) {
            // A row-value comparison, which SQLite and PostgreSQL both serve from an index on the columns.
            std::string lhs, rhs;
            for (std::size_t i = 0; i < terms.size(); ++i) {
                lhs += (i ? ", " : "") + quote_name(terms[i].column);
                rhs += i ? ", ?" : "?";
            }
            c.sql = "(" + lhs + ")" + last_op(terms.front()) + "(" + rhs + ")";
            c.params = std::move(key);
        } else {
            // (a > ?) OR (a = ? AND b < ?) OR ...: mixed directions cannot use one row value.
            for (std::size_t i = 0; i < terms.size(); ++i) {
                std::string clause;
                for (std::size_t j = 0; j < i; ++j) {
                    clause += quote_name(terms[j].column) + " = ? AND ";
                    c.params.push_back(key[j]);
                }
                clause += quote_name(terms[i].column) + (i + 1 == terms.size() ? last_op(terms[i]) : op(terms[i])) + "?";
                c.params.push_back(key[i]);
                c.sql += (i ? " OR (" : "(") + clause + ")";
            }
            c.sql = "(" + c.sql + ")";
        }
        QuerySet q = filter(std::move(c));
        q.order_ = terms;
        q.reversed_ = before;
        return q;
    }

    Database* db_;
    std::optional<Condition<T>> where_;
    std::vector<Ordering> order_;
    std::optional<std::size_t> limit_;
    std::optional<std::size_t> offset_;
    bool reversed_ = false;  // fetch in reverse order and flip the result (before())
    bool for_update_ = false;  // select_for_update()
};

}  // namespace drf::db
