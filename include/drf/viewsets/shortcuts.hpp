// drf/viewsets/shortcuts.hpp — get_object_or_404 (django.shortcuts): a row by primary key or by a
// condition, or 404. Apart from viewset.hpp so a viewset that never touches the database does not
// compile the QuerySet.
#pragma once

#include <drf/core/uuid.hpp>
#include <drf/db/manager.hpp>
#include <drf/http/exceptions.hpp>

#include <string_view>
#include <utility>

namespace drf::viewsets {

// Django's get_object_or_404 by primary key: a missing row, or a pk that is not a UUID, is 404 "Not found.".
template <class T>
T get_object_or_404(const db::Manager<T>& manager, const Uuid& pk) {
    if (auto obj = manager.get_or_none(pk)) return std::move(*obj);
    throw http::NotFound();
}
template <class T>
T get_object_or_404(const db::Manager<T>& manager, std::string_view pk) {
    const auto id = parse_uuid(pk);
    if (!id) throw http::NotFound();
    return get_object_or_404(manager, *id);
}
// ... or by a condition (exactly one row; several is a 500, as in Django).
template <class T>
T get_object_or_404(const db::QuerySet<T>& query) {
    try {
        return query.get();
    } catch (const db::DoesNotExist&) {
        throw http::NotFound();
    }
}

}  // namespace drf::viewsets
