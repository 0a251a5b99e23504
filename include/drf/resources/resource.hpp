// drf/resources/resource.hpp — a Resource binds a model, its input and output serializers, a pagination
// policy and a permission expression into one type, checked at compile time; a ResourceViewSet gives
// each explicit action the few lines it needs: get_object (404 + object permissions), filter_queryset,
// paginate, validate and render, and, for a viewset declaring conditional_requests, list pages' ETags
// and 304s from change counters (paginate) and If-Match under the row lock (get_object_for_update,
// check_preconditions); drf/resources/conditional.hpp. A retrieve's ETag is the dispatch's, after rendering.
//     using ProjectResource = drf::resources::Resource<Project, ProjectInput, ProjectOutput,
//                                                      DefaultPagination, IsAuthenticated{} & IsOwner{}>;
//     struct ProjectViewSet : drf::resources::ResourceViewSet<ProjectViewSet, ProjectResource> { ... };
#pragma once

#include <drf/core/detail/json_text.hpp>
#include <drf/db/databases.hpp>
#include <drf/db/manager.hpp>
#include <drf/http/conditional.hpp>
#include <drf/http/request.hpp>
#include <drf/http/response.hpp>
#include <drf/models/meta.hpp>
#include <drf/pagination/cursor.hpp>
#include <drf/permissions.hpp>
#include <drf/resources/conditional.hpp>
#include <drf/resources/page_cache.hpp>
#include <drf/serializers/serializer.hpp>
#include <drf/viewsets/shortcuts.hpp>
#include <drf/viewsets/viewset.hpp>

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

namespace drf::resources {

namespace detail {
// Cursor pagination states an ordering, and evaluating it for the model checks each name at compile
// time; page-number and limit/offset pagination have none to check.
template <class Pagination, class Model>
consteval bool pagination_fits() {
    if constexpr (requires { Pagination::template ordering_size<Model>(); })
        return Pagination::template ordering_size<Model>() > 0;
    else
        return true;
}
}  // namespace detail

template <class Model, class Input, class Output, class Pagination, auto Permissions = permissions::AllowAny{}>
struct Resource {
    static_assert(models::ModelType<Model>,
                  "drf::resources::Resource: the model must derive from drf::models::Model<T> and declare its meta");
    static_assert(std::is_base_of_v<serializers::object_type_t<Output>, Model>,
                  "drf::resources::Resource: the output serializer's fields must be fields of the model");
    static_assert(permissions::Permission<decltype(Permissions)>,
                  "drf::resources::Resource: the last argument must be a permission expression");
    static_assert(detail::pagination_fits<Pagination, Model>(),
                  "drf::resources::Resource: the pagination needs an ordering");

    using model = Model;
    using input = Input;
    using output = Output;
    using pagination = Pagination;
    static constexpr auto permission_classes = Permissions;
};

// The viewset base for a resource. Give it the per-thread databases in the router's factory:
//     router.register_viewset<ProjectViewSet>("api/projects", [&] { return ProjectViewSet{databases}; });
template <class Derived, class R>
struct ResourceViewSet : viewsets::ViewSet<Derived> {
    using resource = R;
    using model = typename R::model;
    using input_type = serializers::object_type_t<typename R::input>;

    static constexpr auto permission_classes = R::permission_classes;

    ResourceViewSet() = default;
    explicit ResourceViewSet(db::Databases& databases) : databases_(&databases) {}

    // This thread's database.
    db::Database& db() const { return databases_->get(); }
    db::Manager<model> objects() const { return db::objects<model>(db()); }

    // The object with this pk, or 404; then the object-level permissions (403/401), as DRF's get_object.
    model get_object(const http::Request& request, const Uuid& pk) const {
        model obj = viewsets::get_object_or_404(objects(), pk);
        this->check_object_permissions(request, obj);
        return obj;
    }

    // The request body validated by the input serializer; a ValidationError (400) otherwise.
    input_type validate(const http::Request& request) const {
        return serializers::validate<typename R::input>(request.data()).value();
    }
    // A PATCH body validated onto `current`: only the fields present are checked and changed.
    serializers::Validated<input_type, typename R::input> validate_partial(const http::Request& request,
                                                                           input_type current) const {
        auto result = serializers::validate<typename R::input>(request.data(), std::move(current), serializers::partial);
        result.raise_if_invalid();
        return result;
    }

    // DRF's GenericAPIView.filter_queryset: `query` through Derived's filter_backends in order (a
    // FilterSet, search, ordering: drf/filters.hpp), or unchanged when Derived declares none.
    db::QuerySet<model> filter_queryset(const http::Request& request, db::QuerySet<model> query) const {
        if constexpr (requires { Derived::filter_backends; })
            return Derived::filter_backends.filter_queryset(request, std::move(query));
        else
            return query;
    }

    Json render(const model& obj) const { return serializers::render<typename R::output>(obj); }
    // Response(render(obj), status) with the same bytes, written straight to the response's text
    // (serializers::render_to) instead of through a Json tree: what a create or a retrieve answers with
    // when it does nothing else with the rendered object. data() parses the text back if asked.
    http::Response respond(const model& obj, int status = http::status::HTTP_200_OK) const {
        std::string body;
        serializers::render_to<typename R::output>(body, obj);
        return http::Response::from_json_text(std::move(body), status);
    }

    // One page of `query` as the resource's pagination cuts it, rendered with the output serializer.
    // `prepare` may fill related data into the rows before they are rendered (Django's prefetch_related).
    // With conditional_requests.etags, the page's ETag comes from the change counters of the tables it
    // reads (the model's and Derived's `etag_tables`), and a matching If-None-Match is answered 304
    // without running the page's query; with a `page_cache` too, a page this process rendered for the
    // same identity (the counters, URL, user and Accept) is answered again from memory. Its reads are
    // grouped (db::Database::grouped_reads: on SQLite one read transaction instead of one per query).
    template <class Prepare = void (*)(std::vector<model>&)>
    http::Response paginate(const http::Request& request, const db::QuerySet<model>& query,
                            Prepare prepare = [](std::vector<model>&) {}) const {
        return db().grouped_reads([&] {
            if constexpr (http::conditional_requests_of<Derived>().etags) {
                // The counters are read BEFORE the page. Where the reads share no snapshot, a write
                // committed between the two gives new rows under the old counters: the next request sees
                // newer counters, a different ETag, and fetches again. Read after, an old page could carry
                // the new counters' ETag and be answered 304 (or from the page cache) until the next change.
                static const std::vector<std::string_view> names = detail::etag_tables<Derived, model>();
                std::string identity = page_identity<typename R::pagination>(
                    request, db::table_versions(db(), std::span<const std::string_view>(names)));
                const std::string etag = http::etag_of(identity);
                if (http::if_none_match(request, etag)) {
                    http::Response response = http::Response::no_content(http::status::HTTP_304_NOT_MODIFIED);
                    response.header("ETag", etag);
                    return response;
                }
                detail::PageStore* store = nullptr;
                if constexpr (detail::declares_page_cache<Derived>) {
                    // The key adds the Databases to the identity: the same viewset over two databases shares
                    // no page. (The ETag leaves it out: instances serving one database agree on it.)
                    detail::append_bytes(identity, databases_->serial());
                    store = &detail::page_store<Derived>();
                    if (const auto page = store->find(identity)) return http::Response(*page);
                }
                http::Response response = R::pagination::template paginate<typename R::output>(request, query, prepare);
                if (response.status_code() == http::status::HTTP_200_OK) {
                    response.header("ETag", etag);
                    if (store != nullptr) store->store(std::move(identity), response);
                }
                return response;
            } else {
                static_assert(!detail::declares_page_cache<Derived>,
                              "drf::resources::ResourceViewSet: page_cache needs conditional_requests with "
                              ".etags = true: a cached page is answered again only while the change counters "
                              "behind its ETag are unchanged");
                return R::pagination::template paginate<typename R::output>(request, query, prepare);
            }
        });
    }

    // Runs f in a transaction on this thread's database (Django's transaction.atomic).
    template <class F>
    decltype(auto) atomic(F&& f) const {
        return db().atomic(std::forward<F>(f));
    }

    // Inside atomic(): the object with this pk, its row locked until the transaction ends
    // (select_for_update), or 404; then the object-level permissions. What a conditional write reads,
    // so that no other write can come between its If-Match check and its own.
    model get_object_for_update(const http::Request& request, const Uuid& pk) const {
        model obj = viewsets::get_object_or_404(objects().filter(db::eq(&model::id, pk)).select_for_update());
        this->check_object_permissions(request, obj);
        return obj;
    }

    // A write's preconditions against `current`, the object's representation as a GET sends it now:
    // 412 when If-Match names another ETag, 428 when Derived requires If-Match and there is none.
    void check_preconditions(const http::Request& request, const Json& current) const {
        // Read here, not in a member constant: Derived is complete only once a member's body is instantiated.
        constexpr http::ConditionalRequests c = http::conditional_requests_of<Derived>();
        if constexpr (c.if_match || c.require_if_match)
            http::check_write_preconditions(request, http::etag_of(drf::detail::dump_json(current)), c.require_if_match);
    }

private:
    db::Databases* databases_ = nullptr;
};

}  // namespace drf::resources
