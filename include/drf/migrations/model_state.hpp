// drf/migrations/model_state.hpp — a model's table as migration values (columns with their full
// definitions, and the indexes create_table_sql makes for it): what makemigrations compares the
// replayed history with, and what it freezes into a new create_table.
#pragma once

#include <drf/db/value.hpp>
#include <drf/migrations/column.hpp>
#include <drf/migrations/migration.hpp>
#include <drf/models/meta.hpp>

#include <string>
#include <tuple>
#include <type_traits>
#include <vector>

namespace drf::migrations {

// The table T's meta describes now. A migration file never calls this (it would follow the model and
// change its checksum with it): makemigrations writes the values out instead. Tests may use it as
// create_table(from_model<T>()) for a table that matches the model of the moment.
template <class T>
CreateTable from_model() {
    CreateTable table{std::string(T::meta.table), {}, {}};
    std::vector<std::string> own_indexes;
    T::meta.for_each_field([&](const auto& f) {
        Column c;
        c.name = std::string(f.name);
        c.kind = db::column_kind(f);  // a std::string member is text unless the field says .ip_address()
        c.primary_key = f.name == "id";
        c.null = f.nullable();
        c.unique = f.is_unique && !c.primary_key;  // PRIMARY KEY says it
        c.db_index = f.is_indexed;
        c.max_length = f.max_length_;
        c.max_digits = f.max_digits_;  // a Decimal's digits; 0 and -1 (unset) on every other field
        c.decimal_places = f.decimal_places_;
        if (f.references_ != nullptr) c.references = std::string(f.references_());
        if (wants_index(c)) own_indexes.push_back(c.name);
        table.columns.push_back(std::move(c));
    });
    // The default ordering's columns then id, as create_table_sql indexes them for keyset pages.
    std::vector<std::string> ordering;
    std::apply(
        [&](const auto&... term) {
            auto add = [&](const auto& t) {
                T::meta.for_each_field([&](const auto& f) {
                    if constexpr (std::is_same_v<std::remove_cvref_t<decltype(f.member)>, std::remove_cvref_t<decltype(t.member)>>) {
                        if (f.member == t.member) ordering.push_back(std::string(f.name));
                    }
                });
            };
            (add(term), ...);
        },
        T::meta.ordering_terms);
    if (!ordering.empty()) {
        ordering.push_back("id");
        table.indexes.push_back(index(table.table, ordering));
    }
    for (const auto& name : own_indexes) table.indexes.push_back(index(table.table, {name}));
    return table;
}

}  // namespace drf::migrations
