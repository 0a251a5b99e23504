// drf/db/detail/rows.hpp — the SQL text a model's meta implies (column lists, insert, update, select by
// id), built once per model, and the loops that bind a model's fields and read them back from a row.
#pragma once

#include <drf/db/backend.hpp>
#include <drf/db/value.hpp>
#include <drf/models/meta.hpp>

#include <algorithm>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

namespace drf::db::detail {

template <class T>
const std::string& column_list() {
    static const std::string list = [] {
        std::string out;
        T::meta.for_each_field([&](const auto& f) {
            if (!out.empty()) out += ", ";
            out += quoted(f.name);
        });
        return out;
    }();
    return list;
}

inline std::string placeholders(std::size_t n) {
    std::string out;
    for (std::size_t i = 0; i < n; ++i) out += i == 0 ? "?" : ", ?";
    return out;
}

template <class T>
const std::string& insert_sql() {
    static const std::string sql = "INSERT INTO " + quoted(T::meta.table) + " (" + column_list<T>() +
                                   ") VALUES (" + placeholders(T::meta.field_count) + ")";
    return sql;
}

template <class T>
const std::string& select_by_id_sql() {
    static const std::string sql =
        "SELECT " + column_list<T>() + " FROM " + quoted(T::meta.table) + " WHERE \"id\" = ?";
    return sql;
}

template <class T>
const std::string& exists_by_id_sql() {
    static const std::string sql = "SELECT 1 FROM " + quoted(T::meta.table) + " WHERE \"id\" = ?";
    return sql;
}

template <class T>
const std::string& delete_by_id_sql() {
    static const std::string sql = "DELETE FROM " + quoted(T::meta.table) + " WHERE \"id\" = ?";
    return sql;
}

// UPDATE of every column but id and created_at (which are written once, on insert).
template <class T>
const std::string& update_all_sql() {
    static const std::string sql = [] {
        std::string set;
        T::meta.for_each_field([&](const auto& f) {
            if (f.name == "id" || f.name == "created_at") return;
            set += set.empty() ? "" : ", ";
            set += quoted(f.name) + " = ?";
        });
        return "UPDATE " + quoted(T::meta.table) + " SET " + set + " WHERE \"id\" = ?";
    }();
    return sql;
}

// Binds every field, in meta order, from parameter `first` on; returns the next free index.
template <class T>
int bind_all(Statement& s, const T& obj, int first = 1) {
    int i = first;
    T::meta.for_each_field([&](const auto& f) {
        using M = typename std::remove_cvref_t<decltype(f)>::value_type;
        ColumnTraits<M>::bind(s, i++, obj.*f.member);
    });
    return i;
}

// Binds the fields an update writes: all but id and created_at, or only `names` when given.
template <class T>
int bind_updated(Statement& s, const T& obj, const std::vector<std::string_view>& names, int first = 1) {
    int i = first;
    T::meta.for_each_field([&](const auto& f) {
        const bool wanted = names.empty() ? (f.name != "id" && f.name != "created_at")
                                          : std::find(names.begin(), names.end(), f.name) != names.end();
        if (!wanted) return;
        using M = typename std::remove_cvref_t<decltype(f)>::value_type;
        ColumnTraits<M>::bind(s, i++, obj.*f.member);
    });
    return i;
}

// Reads a row selected with column_list<T>() (columns from `first` on) into obj.
template <class T>
void read_all(const Statement& s, T& obj, int first = 0) {
    int c = first;
    T::meta.for_each_field([&](const auto& f) {
        using M = typename std::remove_cvref_t<decltype(f)>::value_type;
        obj.*f.member = ColumnTraits<M>::read(s, c++);
    });
}

// Resets a cached statement when the scope that used it ends, however it ends.
class StatementScope {
public:
    explicit StatementScope(Statement& s) : s_(s) { s_.reset(); }
    ~StatementScope() { s_.reset(); }
    StatementScope(const StatementScope&) = delete;
    StatementScope& operator=(const StatementScope&) = delete;
    Statement& operator*() const noexcept { return s_; }
    Statement* operator->() const noexcept { return &s_; }

private:
    Statement& s_;
};

}  // namespace drf::db::detail
