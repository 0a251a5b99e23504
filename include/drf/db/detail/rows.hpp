// drf/db/detail/rows.hpp — the SQL text a model's meta implies (insert, update, select and delete by
// id), built once per model, and the loops that bind a model's fields. Reading a row is public, in
// <drf/db/rows.hpp>.
#pragma once

#include <drf/db/backend.hpp>
#include <drf/db/rows.hpp>
#include <drf/db/update_fields.hpp>
#include <drf/db/value.hpp>
#include <drf/models/meta.hpp>

#include <string>
#include <string_view>
#include <type_traits>

namespace drf::db::detail {

inline std::string placeholders(std::size_t n) {
    std::string out;
    for (std::size_t i = 0; i < n; ++i) out += i == 0 ? "?" : ", ?";
    return out;
}

template <class T>
const std::string& insert_sql() {
    static const std::string sql = "INSERT INTO " + quote_name(T::meta.table) + " (" + column_list<T>() +
                                   ") VALUES (" + placeholders(T::meta.field_count) + ")";
    return sql;
}

template <class T>
const std::string& select_by_id_sql() {
    static const std::string sql =
        "SELECT " + column_list<T>() + " FROM " + quote_name(T::meta.table) + " WHERE \"id\" = ?";
    return sql;
}

template <class T>
const std::string& exists_by_id_sql() {
    static const std::string sql = "SELECT 1 FROM " + quote_name(T::meta.table) + " WHERE \"id\" = ?";
    return sql;
}

template <class T>
const std::string& delete_by_id_sql() {
    static const std::string sql = "DELETE FROM " + quote_name(T::meta.table) + " WHERE \"id\" = ?";
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
            set += quote_name(f.name) + " = ?";
        });
        return "UPDATE " + quote_name(T::meta.table) + " SET " + set + " WHERE \"id\" = ?";
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

// Binds the fields an update writes: all but id and created_at, or only `fields` when it is not empty.
template <class T>
int bind_updated(Statement& s, const T& obj, const UpdateFields<T>& fields, int first = 1) {
    int i = first;
    std::size_t index = 0;
    T::meta.for_each_field([&](const auto& f) {
        const bool wanted = fields.empty() ? (f.name != "id" && f.name != "created_at") : fields.contains_index(index);
        ++index;
        if (!wanted) return;
        using M = typename std::remove_cvref_t<decltype(f)>::value_type;
        ColumnTraits<M>::bind(s, i++, obj.*f.member);
    });
    return i;
}

}  // namespace drf::db::detail
