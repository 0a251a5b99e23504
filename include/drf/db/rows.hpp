// drf/db/rows.hpp — what SQL written by hand needs to read a model: the model's columns as a SELECT
// lists them, and the loop that fills a model from a row selected that way.
#pragma once

#include <drf/db/backend.hpp>
#include <drf/db/value.hpp>

#include <string>
#include <type_traits>

namespace drf::db {

// T's columns, quoted, in meta order: "id", "created_at", "updated_at", "name", … Built once per model.
template <class T>
const std::string& column_list() {
    static const std::string list = [] {
        std::string out;
        T::meta.for_each_field([&](const auto& f) {
            if (!out.empty()) out += ", ";
            out += quote_name(f.name);
        });
        return out;
    }();
    return list;
}

// Reads a row selected with column_list<T>() (its columns from `first` on) into obj, every field
// overwritten. models::make_no_init<T>() makes an obj to read into without drawing a random id.
template <class T>
void read_row(const Statement& s, T& obj, int first = 0) {
    int c = first;
    T::meta.for_each_field([&](const auto& f) { obj.*f.member = read_field(s, c++, f); });
}

}  // namespace drf::db
