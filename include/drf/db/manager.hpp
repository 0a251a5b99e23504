// drf/db/manager.hpp — Django's Model.objects, typed: a Manager<T> creates, saves, gets and deletes
// single objects (sending the model signals) and starts the QuerySet<T>s that filter and order.
#pragma once

#include <drf/db/database.hpp>
#include <drf/db/detail/rows.hpp>
#include <drf/db/query.hpp>
#include <drf/db/queryset.hpp>
#include <drf/db/rows.hpp>
#include <drf/db/update_fields.hpp>
#include <drf/db/value.hpp>
#include <drf/models/meta.hpp>
#include <drf/signals/model_signals.hpp>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

namespace drf::db {

// Django's Model.objects for T, bound to a database: objects<Project>(db).filter(...).
template <class T>
class Manager {
public:
    static_assert(models::ModelType<T>, "drf::db::Manager<T>: T must be a model (derive from drf::models::Model<T> "
                                        "and declare `static constexpr auto meta = drf::models::meta<T>(...)`)");

    explicit Manager(Database& db) : db_(&db) {}

    QuerySet<T> all() const { return QuerySet<T>(*db_); }
    QuerySet<T> filter(Condition<T> c) const { return all().filter(std::move(c)); }
    QuerySet<T> exclude(Condition<T> c) const { return all().exclude(std::move(c)); }
    template <class... Terms>
    QuerySet<T> order_by(Terms... terms) const {
        return all().order_by(terms...);
    }
    std::int64_t count() const { return all().count(); }

    // Inserts obj as a new row (created_at and updated_at set to now) and returns it, sending
    // pre_save and post_save with created = true.
    T create(T obj) const {
        obj.created_at = obj.updated_at = drf::now();
        const signals::SaveInfo info{.created = true};
        signals::pre_save<T>.send(signals::sender_of<T>(), obj, info);
        insert(obj);
        signals::post_save<T>.send(signals::sender_of<T>(), obj, info);
        return obj;
    }

    // Django's save(): updates the row with obj's id, or inserts it if there is none; sets updated_at
    // (and created_at on insert).
    void save(T& obj) const { save_fields(obj, UpdateFields<T>{}); }

    // save(obj, update_fields<&T::archived>), or with an UpdateFields<T> built at run time: writes only
    // those fields and updated_at, and the row must exist. An empty set writes every field, as save(obj).
    template <class U>
    void save(T& obj, const UpdateFields<U>& fields) const {
        static_assert(std::is_same_v<U, T>,
                      "drf::db::Manager<T>::save: update_fields names members of another model than T");
        if constexpr (std::is_same_v<U, T>) save_fields(obj, fields);
    }

    // The object with this id; DoesNotExist when there is none.
    T get(const Uuid& id) const {
        if (auto obj = get_or_none(id)) return std::move(*obj);
        throw DoesNotExist(detail::model_name<T>() + " matching query does not exist.");
    }
    // Exactly one object matching `c`.
    T get(Condition<T> c) const { return filter(std::move(c)).get(); }

    std::optional<T> get_or_none(const Uuid& id) const {
        StatementScope s(prepare(detail::select_by_id_sql<T>()));
        ColumnTraits<Uuid>::bind(*s, 1, id);
        if (!s->step()) return std::nullopt;
        T obj = models::make_no_init<T>();
        read_row(*s, obj);
        return obj;
    }

    // Deletes obj's row, sending pre_delete and post_delete; returns the number of rows deleted (0 or 1).
    std::int64_t remove(const T& obj) const {
        signals::pre_delete<T>.send(signals::sender_of<T>(), obj);
        std::int64_t n = 0;
        {
            StatementScope s(prepare(detail::delete_by_id_sql<T>()));
            ColumnTraits<Uuid>::bind(*s, 1, obj.id);
            s->step();
            n = db_->connection().changes();
        }
        signals::post_delete<T>.send(signals::sender_of<T>(), obj);
        return n;
    }

private:
    Statement& prepare(const std::string& sql) const {
        return db_->connection().prepare(sql);
    }
    bool row_exists(const Uuid& id) const {
        StatementScope s(prepare(detail::exists_by_id_sql<T>()));
        ColumnTraits<Uuid>::bind(*s, 1, id);
        return s->step();
    }
    void insert(const T& obj) const {
        StatementScope s(prepare(detail::insert_sql<T>()));
        detail::bind_all(*s, obj);
        s->step();
    }
    void save_fields(T& obj, UpdateFields<T> fields) const {
        const auto now = drf::now();
        const bool only_some = !fields.empty();
        // What receivers see: the chosen names in meta order, then updated_at, which is always written.
        std::vector<std::string_view> names;
        if (only_some) {
            fields.add(&models::Model<T>::updated_at);
            for (const auto name : fields.names())
                if (name != "updated_at") names.push_back(name);
            names.push_back("updated_at");
        }
        const bool created = !only_some && !row_exists(obj.id);
        if (created) obj.created_at = now;
        obj.updated_at = now;
        const signals::SaveInfo info{.created = created, .update_fields = names};
        signals::pre_save<T>.send(signals::sender_of<T>(), obj, info);
        if (created) {
            insert(obj);
        } else if (!update(obj, fields)) {
            if (only_some) throw DatabaseError("Save with update_fields did not affect any rows.");
            insert(obj);  // deleted between the check and the update
        }
        signals::post_save<T>.send(signals::sender_of<T>(), obj, info);
    }
    bool update(const T& obj, const UpdateFields<T>& fields) const {
        std::string custom;
        if (!fields.empty()) {
            // Columns in meta order, so the bind order below matches.
            std::size_t i = 0;
            T::meta.for_each_field([&](const auto& f) {
                if (fields.contains_index(i++)) custom += (custom.empty() ? "" : ", ") + quote_name(f.name) + " = ?";
            });
            custom = "UPDATE " + quote_name(T::meta.table) + " SET " + custom + " WHERE \"id\" = ?";
        }
        StatementScope s(prepare(fields.empty() ? detail::update_all_sql<T>() : custom));
        const int next = detail::bind_updated(*s, obj, fields);
        ColumnTraits<Uuid>::bind(*s, next, obj.id);
        s->step();
        return db_->connection().changes() > 0;
    }

    Database* db_;
};

// objects<Project>(db): the manager for Project on db.
template <class T>
Manager<T> objects(Database& db) {
    return Manager<T>(db);
}

}  // namespace drf::db
