// examples/projects/views.hpp — the viewsets, each action a few explicit lines over its resource, rather
// than ModelViewSet's implicit actions; the lists filter, search and order as DRF's filter_backends
// (DjangoFilterBackend, SearchFilter, OrderingFilter) do.
#pragma once

#include "models.hpp"
#include "permissions.hpp"
#include "serializers.hpp"
#include "services.hpp"
#include "throttles.hpp"

#include <drf/auth/user.hpp>
#include <drf/filters.hpp>
#include <drf/http.hpp>
#include <drf/openapi/extend.hpp>
#include <drf/openapi/generator.hpp>
#include <drf/pagination.hpp>
#include <drf/resources.hpp>
#include <drf/views/context.hpp>
#include <drf/viewsets.hpp>

namespace projects {

// The API schema's info (GET /api/schema/, `projects generateschema`).
inline drf::openapi::Info api_info() {
    return {"Projects", "1.0.0", "Projects owned by their users, announcements from staff, and the users themselves."};
}

using drf::http::Method;
using drf::http::Request;
using drf::http::Response;
namespace status = drf::http::status;
namespace f = drf::filters;
namespace oa = drf::openapi;

// A typical DRF DefaultPagination, plus the page_size query parameter the service offers.
using DefaultPagination = drf::pagination::CursorPagination<drf::pagination::Options{
    .page_size = 25, .ordering = "-created_at", .cursor_query_param = "cursor", .page_size_query_param = "page_size",
    .max_page_size = 100}>;

using ProjectResource = drf::resources::Resource<Project, ProjectInput, ProjectOutput, DefaultPagination,
                                                 drf::permissions::IsAuthenticated{} & IsOwner{}>;

struct ProjectViewSet : drf::resources::ResourceViewSet<ProjectViewSet, ProjectResource> {
    using ResourceViewSet::ResourceViewSet;

    // ?archived=false&created_at__gte=2026-01-01T00:00:00Z&name__icontains=moon, ?search=moon (name or
    // description), ?ordering=name (or created_at, updated_at; "-" for descending; newest first by
    // default). The cursor pages follow the chosen ordering; migrations 0002 and 0003 index each one.
    static constexpr auto filter_backends = f::backends(
        f::filters<Project>(f::filter<&Project::archived>(),
                            f::filter<&Project::created_at>({f::lookups::gte, f::lookups::lte}),
                            f::filter<&Project::name>({f::lookups::exact, f::lookups::icontains})),
        f::search_fields(&Project::name, &Project::description),
        f::ordering_fields(&Project::name, &Project::created_at, &Project::updated_at)
            .ordering(drf::models::desc(&Project::created_at)));

    // ETags on retrieve and on list pages, 304 for If-None-Match; a page's ETag comes from the change
    // counters of the tables it reads (migration 0004), the owners' usernames included. If-Match is
    // honoured on writes but not required (no 428).
    static constexpr auto conditional_requests =
        drf::http::ConditionalRequests{.etags = true, .if_match = true, .require_if_match = false};
    static constexpr auto etag_tables = drf::resources::tables<Project, drf::auth::User>();
    // A page this process rendered is answered again from memory while those counters stand still: a
    // repeated GET of a page costs its 304's read of the counters, not the page's queries and rendering.
    static constexpr auto page_cache = drf::resources::PageCache{.max_pages = 1024, .max_bytes = 16 * 1024 * 1024};

    Response list(Request& request) {
        return paginate(request, filter_queryset(request, get_projects_for_user(db(), request.user())),
                        [this](std::vector<Project>& rows) { load_owners(db(), rows); });
    }
    Response create(Request& request) {
        const auto project = ProjectService::create(db(), validate(request), request.user());
        return Response(render(project), status::HTTP_201_CREATED);
    }
    Response retrieve(Request& request, drf::Uuid pk) { return Response(render(with_owner(get_object(request, pk)))); }
    // PATCH and DELETE honour If-Match: the project is read under its row lock and compared with the
    // ETag the client sent, so two clients editing it cannot overwrite each other (one gets 412).
    Response partial_update(Request& request, drf::Uuid pk) {
        return atomic([&] {
            const auto project = with_owner(get_object_for_update(request, pk));
            check_preconditions(request, render(project));
            const auto changes = validate_partial(request, project);
            return Response(render(with_owner(ProjectService::update(db(), changes.value(), changes.fields_set()))));
        });
    }
    Response destroy(Request& request, drf::Uuid pk) {
        return atomic([&] {
            const auto project = with_owner(get_object_for_update(request, pk));
            check_preconditions(request, render(project));
            objects().remove(project);
            return Response::no_content();
        });
    }
    Response archive(Request& request, drf::Uuid pk) {
        ProjectService::archive(db(), get_object(request, pk));
        return Response::no_content();
    }

    static constexpr auto extra_actions = drf::viewsets::actions(
        drf::viewsets::action<&ProjectViewSet::archive>("archive", drf::viewsets::detail, {Method::post})
            .throttle_classes(ArchiveRateThrottle{}));  // 10 a minute per user, instead of the default throttles

    // For the API schema: archive takes no body and answers 204 (without this, drf-spectacular's default
    // for an extra action: the input serializer in, the output serializer out with 200).
    static constexpr auto schema = oa::extend_schema(oa::action<&ProjectViewSet::archive>(
        oa::no_body, oa::responses(oa::no_content(204)), oa::summary("Archive a project"),
        oa::description("Marks the project archived; it stays listed (?archived=true finds it).")));

private:
    Project with_owner(Project project) const {
        std::vector<Project> one{std::move(project)};
        load_owners(db(), one);
        return std::move(one.front());
    }
};

using AnnouncementResource =
    drf::resources::Resource<Announcement, AnnouncementInput, AnnouncementOutput, DefaultPagination, IsAdminOrReadOnly{}>;

struct AnnouncementViewSet : drf::resources::ResourceViewSet<AnnouncementViewSet, AnnouncementResource> {
    using ResourceViewSet::ResourceViewSet;

    Response list(Request& request) { return paginate(request, objects().all()); }
    Response create(Request& request) {
        return Response(render(objects().create(validate(request))), status::HTTP_201_CREATED);
    }
    Response retrieve(Request& request, drf::Uuid pk) { return Response(render(get_object(request, pk))); }
};

// DRF's PageNumberPagination for the staff's user list: 10 a page, ?page_size= up to 50.
using UserPagination = drf::pagination::PageNumberPagination<drf::pagination::PageNumberOptions{
    .page_size = 10, .page_size_query_param = "page_size", .max_page_size = 50}>;

// Read-only: users are made by `projects createuser`, so the input serializer is never used.
using UserResource =
    drf::resources::Resource<drf::auth::User, UserOutput, UserOutput, UserPagination, drf::permissions::IsAdminUser{}>;

// GET /api/users/: every user, for staff only. ?search=al (usernames starting with it, or emails
// containing it), ?ordering=email (or username, the default), ?is_staff=true, ?is_active=false.
struct UserViewSet : drf::resources::ResourceViewSet<UserViewSet, UserResource> {
    using ResourceViewSet::ResourceViewSet;
    using User = drf::auth::User;

    static constexpr auto filter_backends =
        f::backends(f::filters<User>(f::filter<&User::is_staff>(), f::filter<&User::is_active>()),
                    f::search_fields(f::starts_with(&User::username), &User::email),
                    f::ordering_fields(&User::username, &User::email).ordering(drf::models::asc(&User::username)));

    Response list(Request& request) { return paginate(request, filter_queryset(request, objects().all())); }
};

// GET /api/me/: who am I, with my profile.
struct MeViewSet : drf::viewsets::ViewSet<MeViewSet> {
    static constexpr auto permission_classes = drf::permissions::IsAuthenticated{};

    // Built by the router from its context, as every view is.
    explicit MeViewSet(const drf::views::Context& context) : databases_(&context.require_databases("MeViewSet")) {}

    Response list(Request& request) {
        const auto& user = request.user();
        auto profile = drf::db::objects<Profile>(databases_->get()).filter(drf::db::eq(&Profile::user_id, user.id)).first();
        return Response(drf::serializers::render<MeOutput>(Me{user.username, user.is_staff, std::move(profile)}));
    }

    // For the API schema: one MeOutput, not a list (a plain ViewSet's action says what it answers).
    static constexpr auto schema = oa::extend_schema(oa::action<&MeViewSet::list>(oa::responses(oa::response<MeOutput>(200))));

private:
    drf::db::Databases* databases_;
};

}  // namespace projects
